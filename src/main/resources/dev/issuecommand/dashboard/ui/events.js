// The live feed: the event stream (EventSource, resumed by the browser with Last-Event-ID) and the list of events,
// newest first, de-duplicated by event id, filtered by type and by the global repository and agent filters.
import { withQuery } from './api.js';
import { el, reconcile } from './dom.js';
import { showTime } from './time.js';

const MAX_EVENTS = 200;
const TYPES = ['claim.created', 'claim.updated', 'claim.released', 'claim.stale', 'claim.auto_released',
  'followup.created', 'followup.claimed', 'followup.updated', 'followup.done', 'followup.dismissed',
  'followup.stale', 'followup.requeued', 'webhook.received', 'webhook.rejected', 'sync.reconciled',
  'sync.completed', 'issue.quarantined', 'issue.quarantine_released'];

const feed = new Map();
const filter = { type: '', repo: '', agent: '' };

function id(event) {
  return Number(event.event_id);
}

/** Adds events (from the recent list or the stream); answers those not seen before. */
export function addEvents(events) {
  const fresh = events.filter((e) => e && e.event_id !== undefined && !feed.has(String(e.event_id)));
  for (const event of fresh) {
    feed.set(String(event.event_id), event);
  }
  if (feed.size > MAX_EVENTS) {
    const oldest = [...feed.values()].sort((a, b) => id(a) - id(b)).slice(0, feed.size - MAX_EVENTS);
    for (const event of oldest) {
      feed.delete(String(event.event_id));
    }
  }
  return fresh;
}

export function clearEvents() {
  feed.clear();
}

export function setEventFilter(changes) {
  Object.assign(filter, changes);
}

function shown(event) {
  return (!filter.type || String(event.type).startsWith(filter.type))
    && (!filter.repo || String(event.repo || '').toLowerCase() === filter.repo.toLowerCase())
    && (!filter.agent || event.agent_id === filter.agent);
}

function subject(event) {
  if (event.repo && event.issue_number) {
    return `${event.repo}#${event.issue_number}`;
  }
  if (event.repo && event.pr_number) {
    return `${event.repo} PR #${event.pr_number}`;
  }
  return event.repo || '';
}

function detail(event) {
  const details = event.details || {};
  const parts = [];
  if (details.status) {
    parts.push(details.previous_status ? `${details.previous_status} → ${details.status}` : details.status);
  }
  for (const key of ['note', 'reason', 'outcome', 'event']) {
    if (typeof details[key] === 'string' && details[key]) {
      parts.push(details[key]);
    }
  }
  return parts.join(' · ');
}

function item(event) {
  const type = String(event.type || 'event');
  return el('li', { 'data-event-id': String(event.event_id), class: `event kind-${type.split('.')[0]}` },
    showTime(el('span', { class: 'ev-time' }), event.timestamp, 'ago'),
    el('span', { class: 'ev-type tag' }, type),
    el('span', { class: 'ev-subject' }, subject(event)),
    event.agent_id ? el('span', { class: 'ev-agent' }, event.agent_id) : null,
    event.actor && event.actor !== event.agent_id ? el('span', { class: 'ev-actor' }, `by ${event.actor}`) : null,
    el('span', { class: 'ev-detail muted' }, detail(event)));
}

/** Shows the kept events that pass the filters, newest first. */
export function renderEvents() {
  const events = [...feed.values()].filter(shown).sort((a, b) => id(b) - id(a));
  reconcile(document.getElementById('events'), events, (event) => event.event_id, item);
  document.querySelector('[data-empty-for="events"]').hidden = events.length > 0;
}

function showConnection(live) {
  const node = document.getElementById('connection');
  node.textContent = live ? 'live' : 'reconnecting';
  node.classList.toggle('live', live);
  node.classList.toggle('reconnecting', !live);
}

/**
 * Opens the stream of events after `afterId` and calls `onEvent(event)` for each. When the browser gives up (the
 * server refused the stream), `onClosed()` decides: it answers whether to try again, from the last event received.
 * Answers a function that closes the stream for good.
 */
export function connectEvents(afterId, onEvent, onClosed) {
  let lastId = afterId;
  let source = null;
  let retry = null;
  let stopped = false;

  const receive = (message) => {
    if (message.lastEventId) {
      lastId = message.lastEventId;
    }
    let event = null;
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    onEvent(event);
  };
  const open = () => {
    source = new EventSource(withQuery('/ui/api/events', { after: lastId }));
    source.addEventListener('open', () => showConnection(true));
    source.addEventListener('connected', () => showConnection(true));
    source.addEventListener('error', async () => {
      showConnection(false);
      if (source.readyState === EventSource.CLOSED && !stopped) {
        source.close();
        if (await onClosed()) {
          retry = setTimeout(open, 3000);
        }
      }
    });
    for (const type of TYPES) {
      source.addEventListener(type, receive);
    }
    source.addEventListener('message', receive);
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    if (source) {
      source.close();
    }
    showConnection(false);
  };
}
