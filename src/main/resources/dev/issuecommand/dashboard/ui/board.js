// The claims board: one column per active status, one card per claim.
import { el, keepingFocus, link, reconcile } from './dom.js';
import { showTime } from './time.js';

export const STATUSES = ['claimed', 'in_progress', 'pr_submitted', 'pr_merged', 'stale'];

function prLabel(url) {
  const match = /\/pull\/(\d+)/.exec(url || '');
  return match ? `PR #${match[1]}` : 'Pull request';
}

function card(claim, onRelease) {
  const issue = `${claim.repo}#${claim.issue_number}`;
  const staleIn = el('span', { class: 'card-stale-in' });
  if (claim.status === 'stale' || !claim.stale_at) {
    staleIn.textContent = 'stale';
  } else {
    showTime(staleIn, claim.stale_at, 'stale-in');
  }
  const release = el('button', { type: 'button', class: 'release', 'aria-label': `Release ${issue}` }, 'Release…');
  release.addEventListener('click', () => onRelease(claim));
  return el('li', { class: `card status-${claim.status}`, 'data-claim-id': claim.claim_id },
    el('div', { class: 'card-head' }, link(claim.issue_url, issue, 'card-issue')),
    el('p', { class: 'card-title' }, claim.issue_title || '(no title)'),
    el('p', { class: 'card-agent' }, claim.agent_id),
    el('p', { class: 'card-times' },
      showTime(el('span', { class: 'card-in-status' }), claim.status_since || claim.last_updated, 'for'),
      el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
      'active ',
      showTime(el('span', { class: 'card-activity' }), claim.last_activity_at, 'ago'),
      el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
      staleIn,
      claim.auto_release_at ? el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ') : null,
      claim.auto_release_at
        ? showTime(el('span', { class: 'card-auto-release' }), claim.auto_release_at, 'release-in') : null),
    el('div', { class: 'card-actions' },
      claim.pr_url ? link(claim.pr_url, prLabel(claim.pr_url), 'card-pr') : null, release));
}

/** Shows `claims` (the state's, already filtered by the server) in their columns; `onRelease(claim)` on "Release…". */
export function renderBoard(claims, onRelease) {
  const board = document.getElementById('board');
  keepingFocus(board, 'data-claim-id', () => {
    for (const status of STATUSES) {
      const column = board.querySelector(`[data-column="${status}"]`);
      const mine = claims.filter((c) => c.status === status);
      column.querySelector('.count').textContent = String(mine.length);
      reconcile(column.querySelector('.cards'), mine, (claim) => claim.claim_id, (claim) => card(claim, onRelease));
    }
  });
  const total = claims.filter((c) => STATUSES.includes(c.status)).length;
  document.getElementById('board-total').textContent = `${total} active`;
}
