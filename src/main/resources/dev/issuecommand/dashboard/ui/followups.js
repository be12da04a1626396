// The follow-up queue (pull-request feedback waiting for an agent), in the server's queue order.
import { el, keepingFocus, link, reconcile } from './dom.js';
import { showTime } from './time.js';

const TYPES = {
  review_changes_requested: 'Changes requested',
  review_comment: 'Review comment',
  pr_comment: 'PR comment',
};

function row(item, onAction) {
  const type = item.type || item.source_event_type || '';
  const requeue = el('button', { type: 'button', class: 'requeue' }, 'Requeue…');
  const dismiss = el('button', { type: 'button', class: 'dismiss' }, 'Dismiss…');
  requeue.addEventListener('click', () => onAction('requeue', item));
  dismiss.addEventListener('click', () => onAction('dismiss', item));
  return el('tr', { 'data-work-item-id': item.work_item_id },
    el('td', { class: 'fu-type' }, el('span', { class: `tag type-${type}` }, TYPES[type] || type)),
    el('td', null, link(item.pr_url, `${item.repo}#${item.pr_number}`, 'fu-pr')),
    el('td', { class: 'fu-summary' }, item.summary || item.pr_title || ''),
    el('td', { class: 'fu-status' }, el('span', { class: `tag fu-status-${item.status}` }, item.status)),
    el('td', { class: 'fu-age' }, showTime(el('span'), item.created_at, 'age')),
    el('td', { class: 'fu-holder' }, item.claimed_by_agent_id || '—'),
    el('td', { class: 'actions' }, requeue, dismiss));
}

/** Shows the follow-ups; `onAction('requeue' | 'dismiss', item)` on their buttons. */
export function renderFollowups(items, onAction) {
  const table = document.getElementById('followups');
  keepingFocus(table, 'data-work-item-id', () => {
    reconcile(table.tBodies[0], items, (item) => item.work_item_id, (item) => row(item, onAction));
  });
  document.querySelector('[data-empty-for="followups"]').hidden = items.length > 0;
}
