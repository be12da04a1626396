// The dashboard's entry point: sign-in and sign-out, the filters kept in the URL, loading the state, history and
// recent events, the live stream, and the operator's actions (release, requeue, dismiss, sync).
import * as api from './api.js';
import { renderAgents } from './agents.js';
import { renderBoard } from './board.js';
import { renderDurations, renderFinished } from './charts.js';
import { confirmDialog, refuse } from './dialogs.js';
import { clear, el, say } from './dom.js';
import { addEvents, clearEvents, connectEvents, renderEvents, setEventFilter } from './events.js';
import { renderFollowups } from './followups.js';
import { refreshTimes, serverNow } from './time.js';

const $ = (id) => document.getElementById(id);
const filters = { repo: '', agent: '' };
const known = { repo: new Set(), agent: new Set() };
const timers = [];
let closeStream = null;
let stateRequest = 0;
let stateTimer = null;
let historyTimer = null;
let signedIn = false;

const openRelease = confirmDialog('release-dialog', 'release');
const openFollowup = confirmDialog('followup-dialog', 'followup');
const openSync = confirmDialog('sync-dialog', 'sync');

function notice(text) {
  say($('notice'), text);
}

function readFilters() {
  const query = new URLSearchParams(window.location.search);
  filters.repo = query.get('repo') || '';
  filters.agent = query.get('agent') || '';
}

function writeFilters() {
  const url = new URL(window.location.href);
  for (const name of ['repo', 'agent']) {
    if (filters[name]) {
      url.searchParams.set(name, filters[name]);
    } else {
      url.searchParams.delete(name);
    }
  }
  window.history.replaceState(null, '', url);
}

function fillSelect(name, values) {
  for (const value of values) {
    known[name].add(value);
  }
  if (filters[name]) {
    known[name].add(filters[name]);
  }
  const select = $(`filter-${name}`);
  const first = select.options[0];
  clear(select).append(first);
  for (const value of [...known[name]].sort((a, b) => a.localeCompare(b))) {
    select.append(el('option', { value }, value));
  }
  select.value = filters[name];
}

function problemText(error) {
  if (error instanceof api.ApiError && error.problem.error === 'csrf') {
    return 'The page\'s security token was refused; reload the page.';
  }
  return error.message || String(error);
}

async function loadState() {
  const request = ++stateRequest;
  const state = await api.get(api.withQuery('/ui/api/state', filters));
  if (request !== stateRequest || !signedIn) {
    return state;
  }
  serverNow(state.now);
  fillSelect('repo', state.repos || []);
  fillSelect('agent', (state.agents || []).map((a) => a.agent_id));
  renderBoard(state.claims || [], askRelease);
  renderFollowups(state.followups || [], askFollowup);
  renderAgents(state.agents || []);
  $('demo-banner').hidden = !state.demo;
  return state;
}

function refreshState(delay = 150) {
  clearTimeout(stateTimer);
  stateTimer = setTimeout(() => loadState().catch(showLoadError), delay);
}

async function loadHistory() {
  const history = await api.get('/ui/api/history');
  renderFinished(history.hours || []);
  renderDurations(history.days || []);
}

function refreshHistory(delay = 500) {
  clearTimeout(historyTimer);
  historyTimer = setTimeout(() => loadHistory().catch(showLoadError), delay);
}

function showLoadError(error) {
  if (!(error instanceof api.ApiError && error.status === 401)) {
    notice(`Could not load the dashboard: ${problemText(error)}`);
  }
}

function endsClaim(event) {
  return event.type === 'claim.released' || event.type === 'claim.auto_released'
    || (event.type === 'claim.updated' && event.details && event.details.status === 'closed');
}

function onEvent(event) {
  if (addEvents([event]).length === 0) {
    return;
  }
  renderEvents();
  const type = String(event.type);
  if (type.startsWith('claim.') || type.startsWith('followup.') || type.startsWith('sync.')) {
    refreshState();
  }
  if (endsClaim(event)) {
    refreshHistory();
  }
}

async function streamClosed() {
  try {
    const session = await api.get('/ui/api/session');
    if (!session.signed_in) {
      showSignedOut();
      return false;
    }
    return signedIn;
  } catch {
    return signedIn;
  }
}

async function start(session) {
  signedIn = true;
  api.setCsrfToken(session.csrf_token);
  $('operator-name').textContent = session.operator || '';
  $('demo-banner').hidden = !session.demo;
  $('signin-view').hidden = true;
  $('app').hidden = false;
  notice('');
  try {
    const state = await loadState();
    const recent = await api.get('/ui/api/events/recent?limit=100');
    addEvents(recent.events || []);
    renderEvents();
    if (signedIn) {
      closeStream = connectEvents(state.last_event_id ?? 0, onEvent, streamClosed);
    }
    await loadHistory();
  } catch (error) {
    showLoadError(error);
  }
  timers.push(setInterval(() => refreshTimes(), 15000));
  timers.push(setInterval(() => refreshHistory(0), 60000));
}

function showSignedOut(demo) {
  signedIn = false;
  stateRequest++;
  if (closeStream) {
    closeStream();
    closeStream = null;
  }
  while (timers.length) {
    clearInterval(timers.pop());
  }
  clearTimeout(stateTimer);
  clearTimeout(historyTimer);
  for (const dialog of document.querySelectorAll('dialog[open]')) {
    dialog.close();
  }
  api.setCsrfToken('');
  clearEvents();
  renderBoard([], askRelease);
  renderFollowups([], askFollowup);
  renderAgents([]);
  renderEvents();
  $('app').hidden = true;
  $('signin-view').hidden = false;
  if (demo !== undefined) {
    $('signin-demo-hint').hidden = !demo;
    $('demo-banner').hidden = !demo;
  }
  $('signin-key').value = '';
  $('signin-key').focus();
}

async function signIn(event) {
  event.preventDefault();
  const key = $('signin-key').value;
  const name = $('signin-name').value.trim();
  if (!key) {
    say($('signin-error'), 'Enter the API key.');
    $('signin-key').focus();
    return;
  }
  if (name && !/^[A-Za-z0-9._-]{1,40}$/.test(name)) {
    say($('signin-error'), 'A name is 1 to 40 letters, digits, dots, dashes or underscores.');
    $('signin-name').focus();
    return;
  }
  $('signin-submit').disabled = true;
  try {
    const session = await api.post('/ui/api/session', name ? { key, name } : { key });
    say($('signin-error'), '');
    $('signin-key').value = '';
    await start(session);
  } catch (error) {
    say($('signin-error'), error.status === 401 ? 'That key is not right.' : problemText(error));
    $('signin-key').select();
  } finally {
    $('signin-submit').disabled = false;
  }
}

async function signOut() {
  try {
    await api.call('DELETE', '/ui/api/session');
  } catch (error) {
    if (!(error instanceof api.ApiError && error.status === 401)) {
      notice(`Could not sign out: ${problemText(error)}`);
      return;
    }
  }
  showSignedOut();
}

function askRelease(claim) {
  openRelease((dialog) => {
    $('release-subject').textContent = `${claim.repo}#${claim.issue_number} “${claim.issue_title || ''}”, `
      + `held by ${claim.agent_id}`;
    return async () => {
      const reason = $('release-reason').value.trim();
      if (!reason) {
        $('release-reason').focus();
        throw refuse('Give a reason: it is recorded in the claim\'s history.');
      }
      await api.post(`/ui/api/claims/${encodeURIComponent(claim.claim_id)}/release`, { reason })
        .catch((error) => { throw refuse(problemText(error)); });
      notice(`Released ${claim.repo}#${claim.issue_number}.`);
      refreshState(0);
    };
  }, $('release-reason'));
}

function askFollowup(action, item) {
  openFollowup(() => {
    const requeue = action === 'requeue';
    $('followup-title').textContent = requeue ? 'Requeue follow-up?' : 'Dismiss follow-up?';
    $('followup-subject').textContent = `${item.repo}#${item.pr_number}: ${item.summary || item.pr_title || ''}`;
    $('followup-explain').textContent = requeue
      ? 'It goes back to the queue without a holder, for any agent to take.'
      : 'It leaves the queue for good; nobody will work on it.';
    $('followup-confirm').textContent = requeue ? 'Requeue' : 'Dismiss';
    $('followup-confirm').className = requeue ? 'primary' : 'danger';
    return async () => {
      const reason = $('followup-reason').value.trim();
      await api.post(`/ui/api/followups/${encodeURIComponent(item.work_item_id)}/${action}`, reason ? { reason } : {})
        .catch((error) => { throw refuse(problemText(error)); });
      refreshState(0);
    };
  }, $('followup-reason'));
}

function summary(answer) {
  const report = answer && typeof answer.sync === 'object' ? answer.sync : answer;
  const counts = Object.entries(report || {})
    .filter(([name, value]) => typeof value === 'number' && name !== 'ok')
    .map(([name, value]) => `${name.replaceAll('_', ' ')} ${value}`);
  return counts.length ? `Sync finished: ${counts.join(', ')}.` : 'Sync finished.';
}

function askSync() {
  openSync(() => async () => {
    const report = await api.post('/ui/api/sync').catch((error) => { throw refuse(problemText(error)); });
    notice(summary(report));
    refreshState(0);
  });
}

function onFilterChange(name) {
  filters[name] = $(`filter-${name}`).value;
  writeFilters();
  setEventFilter({ [name]: filters[name] });
  renderEvents();
  refreshState(0);
}

async function boot() {
  api.onSignedOut(() => showSignedOut());
  readFilters();
  setEventFilter({ repo: filters.repo, agent: filters.agent });
  fillSelect('repo', []);
  fillSelect('agent', []);
  $('signin').addEventListener('submit', signIn);
  $('signout').addEventListener('click', signOut);
  $('sync-now').addEventListener('click', askSync);
  $('filter-repo').addEventListener('change', () => onFilterChange('repo'));
  $('filter-agent').addEventListener('change', () => onFilterChange('agent'));
  $('event-filter-type').addEventListener('change', () => {
    setEventFilter({ type: $('event-filter-type').value });
    renderEvents();
  });
  try {
    const session = await api.get('/ui/api/session');
    if (session.signed_in) {
      await start(session);
    } else {
      showSignedOut(Boolean(session.demo));
    }
  } catch (error) {
    showSignedOut();
    say($('signin-error'), `The server did not answer: ${problemText(error)}`);
  }
}

boot();
