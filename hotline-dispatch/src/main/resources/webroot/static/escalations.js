// On-call escalations on the manager's wallboard (issue 16), live from the bus: who is being paged, the round,
// who acknowledged. Names only; duty phones never reach this screen. The ones going on are fetched once at start.
import { getJson } from './api.js';
import { el, fill, setText } from './dom.js';
import { language, since } from './common.js';

const KINDS = {
  WAITING_EMERGENCY: 'Emergency waiting, nobody free',
  EMERGENCY_VOICEMAIL: 'Emergency voice message, nobody on duty',
  DECLINED_EMERGENCY: 'Emergency declined',
};
const STATES = { paging: 'Paging', acknowledged: 'Acknowledged', exhausted: 'Nobody answered', stopped: 'Over',
  'caller-gone': 'Caller hung up' };
const KEEP_ENDED_MS = 15 * 60_000;

/** Mounts the escalations table into root and keeps it live from the bus. */
export function mountEscalations(bus, session, root) {
  const status = el('p', { id: 'esc-status', class: 'hint', role: 'status' });
  const body = el('tbody', { id: 'escalations' });
  fill(root, el('h2', { id: 'esc-title', text: 'On-call escalations' }), status,
    el('table', { class: 'list' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Call' }), el('th', { scope: 'col', text: 'Why' }),
        el('th', { scope: 'col', text: 'Language' }), el('th', { scope: 'col', text: 'State' }),
        el('th', { scope: 'col', text: 'Paging' }), el('th', { scope: 'col', text: 'Round' }),
        el('th', { scope: 'col', text: 'Acknowledged by' }), el('th', { scope: 'col', text: 'Started' }))),
      body));
  const byId = new Map();

  function render() {
    const now = Date.now();
    for (const [id, e] of byId) {
      if (e.state !== 'paging' && now - e.seenAt > KEEP_ENDED_MS) byId.delete(id);
    }
    const list = [...byId.values()].sort((a, b) => b.startedAt - a.startedAt);
    fill(body, list.map((e) => el('tr', { 'data-escalation': e.id, 'data-state': e.state,
      class: e.state === 'paging' || e.state === 'exhausted' ? 'alert' : '' },
    el('td', { text: e.callId.slice(0, 8) }), el('td', { text: KINDS[e.kind] || e.kind }),
    el('td', { text: e.language ? language(e.language) : '' }),
    el('td', { class: 'esc-state', text: STATES[e.state] || e.state }),
    el('td', { class: 'esc-paging', text: e.paging || '' }), el('td', { class: 'number', text: String(e.round) }),
    el('td', { class: 'esc-ack', text: e.acknowledgedBy || '' }),
    el('td', { text: since(e.startedAt) }))));
    setText(status, list.some((e) => e.state === 'paging') ? 'The duty list is being called.'
      : list.length ? '' : 'No escalation.');
  }

  function update(e) {
    byId.set(e.id, { ...e, seenAt: Date.now() });
    render();
  }

  if (session.addresses.escalations) bus.register(session.addresses.escalations, update);
  getJson('/api/escalations').then((now) => (now.escalations || []).forEach(update)).catch(() => render());
  render();
}
