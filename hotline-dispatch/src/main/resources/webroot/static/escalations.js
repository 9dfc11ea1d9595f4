// On-call escalations on the manager's wallboard (issue 16), live from the bus: who is being paged, the round,
// who acknowledged. Names only; duty phones never reach this screen. The ones going on are fetched once at start.
import { getJson } from './api.js';
import { el, fill, setText } from './dom.js';
import { language, since } from './common.js';
import { t } from './i18n.js';

const KINDS = {
  WAITING_EMERGENCY: t('screen.escalations.emergency-waiting-nobody-free'),
  EMERGENCY_VOICEMAIL: t('screen.escalations.emergency-voice-message-nobody-on-duty'),
  DECLINED_EMERGENCY: t('screen.escalations.emergency-declined'),
};
const STATES = { paging: t('screen.escalations.paging'), acknowledged: t('screen.escalations.acknowledged'), exhausted: t('screen.escalations.nobody-answered'), stopped: t('screen.escalations.over'),
  'caller-gone': t('screen.escalations.caller-gone') };
const KEEP_ENDED_MS = 15 * 60_000;

/** Mounts the escalations table into root and keeps it live from the bus. */
export function mountEscalations(bus, session, root) {
  const status = el('p', { id: 'esc-status', class: 'hint', role: 'status' });
  const body = el('tbody', { id: 'escalations' });
  fill(root, el('h2', { id: 'esc-title', text: t('screen.escalations.on-call-escalations') }), status,
    el('table', { class: 'list' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('screen.escalations.call') }), el('th', { scope: 'col', text: t('screen.escalations.why') }),
        el('th', { scope: 'col', text: t('screen.language') }), el('th', { scope: 'col', text: t('screen.state') }),
        el('th', { scope: 'col', text: t('screen.escalations.paging') }), el('th', { scope: 'col', text: t('screen.escalations.round') }),
        el('th', { scope: 'col', text: t('screen.escalations.acknowledged-by') }), el('th', { scope: 'col', text: t('screen.escalations.started') }))),
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
    setText(status, list.some((e) => e.state === 'paging') ? t('screen.escalations.the-duty-list-is-being-called')
      : list.length ? '' : t('screen.escalations.no-escalation'));
  }

  function update(e) {
    byId.set(e.id, { ...e, seenAt: Date.now() });
    render();
  }

  if (session.addresses.escalations) bus.register(session.addresses.escalations, update);
  getJson('/api/escalations').then((now) => (now.escalations || []).forEach(update)).catch(() => render());
  render();
}
