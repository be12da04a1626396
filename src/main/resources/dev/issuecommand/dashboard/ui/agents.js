// The agents table: who was seen when, and what each holds and finished.
import { el, reconcile } from './dom.js';
import { showTime } from './time.js';

function row(agent) {
  return el('tr', { 'data-agent-id': agent.agent_id },
    el('th', { scope: 'row', class: 'ag-id' }, agent.agent_id),
    el('td', { class: 'ag-last-seen' }, showTime(el('span'), agent.last_seen, 'ago')),
    el('td', { class: 'ag-claims num' }, String(agent.claims ?? 0)),
    el('td', { class: 'ag-followups num' }, String(agent.followups ?? 0)),
    el('td', { class: 'ag-finished num' }, String(agent.finished_24h ?? 0)));
}

export function renderAgents(agents) {
  reconcile(document.getElementById('agents').tBodies[0], agents, (agent) => agent.agent_id, row);
  document.querySelector('[data-empty-for="agents"]').hidden = agents.length > 0;
}
