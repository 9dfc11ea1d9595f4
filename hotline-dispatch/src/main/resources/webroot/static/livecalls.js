// The live calls on the manager's screen, with listen / whisper / join for supervisors (live call control; the
// operator's side is in callcontrol.js). The server answers with codes; the words are in callcontrol.js.
import { send } from './api.js';
import { el, fill, setText } from './dom.js';
import { available, POLL_MILLIS, PROBLEMS, problemText } from './callcontrol.js';
import { t } from './i18n.js';

/** Mounts the live calls, with listen / whisper / join for supervisors, into root. */
export function mountLiveCalls(bus, session, root) {
  const status = el('p', { id: 'live-status', class: 'hint', role: 'status' });
  const body = el('tbody', { id: 'live-calls' });
  fill(root, el('h2', { id: 'live-title', text: t('screen.livecalls.live-calls') }), status,
    el('table', { class: 'list' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('screen.escalations.call') }), el('th', { scope: 'col', text: t('screen.state') }),
        el('th', { scope: 'col', text: t('screen.callcontrol.interpreter') }), el('th', { scope: 'col', text: t('screen.livecalls.supervisors') }),
        el('th', { scope: 'col', text: t('screen.livecalls.supervise') }))),
      body));
  let mine = null; // { callId, mode } of this supervisor's own session
  let pending = false;
  let calls = [];
  let up = false;

  function row(call) {
    const modes = ['listen', 'whisper', 'barge'];
    const labels = { listen: t('screen.livecalls.listen'), whisper: t('screen.livecalls.whisper'), barge: t('screen.livecalls.join') };
    const own = mine && mine.callId === call.callId;
    const actions = modes.map((mode) => el('button', {
      type: 'button', class: `cc-${mode}`, text: labels[mode],
      disabled: !up || pending || (own && mine.mode === mode) || (mine && !own),
      'data-mode': mode,
    }));
    actions.push(el('button', { type: 'button', class: 'cc-end', text: t('screen.livecalls.leave'), disabled: !up || pending || !own }));
    return el('tr', { 'data-call': call.callId, 'data-state': call.state },
      el('td', { text: call.callId.slice(0, 8) }),
      el('td', { text: call.state === 'transferring' ? t('screen.livecalls.transferring') : t('screen.livecalls.talking') }),
      el('td', { text: call.interpreter ? t('screen.manager.yes') : t('screen.no') }),
      el('td', { class: 'number', text: call.supervisors }),
      el('td', { class: 'buttons' }, actions));
  }

  function render() {
    fill(body, calls.map(row));
    if (!up) setText(status, PROBLEMS.unavailable);
    else if (!calls.length) setText(status, t('screen.livecalls.no-calls-are-connected-to-an'));
    else if (mine) setText(status, `You are ${mine.mode === 'barge' ? 'on' : mine.mode === 'listen' ? 'listening to' : 'whispering on'} a call.`);
    else setText(status, '');
    root.dataset.available = String(up);
  }

  function update(live) {
    up = live.available;
    calls = live.calls || [];
    render();
  }

  async function act(callId, path, payload, after) {
    pending = true;
    render();
    try {
      await send('POST', `/api/callcontrol/${path}`, { callId, ...payload });
      after();
    } catch (e) {
      setText(status, problemText(e));
      pending = false;
      fill(body, calls.map(row));
      return;
    }
    pending = false;
    render();
  }

  body.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    const tr = event.target.closest('tr');
    if (!button || !tr) return;
    const callId = tr.dataset.call;
    if (button.classList.contains('cc-end')) {
      act(callId, 'supervise/end', {}, () => {});
    } else {
      const mode = button.dataset.mode;
      act(callId, 'supervise', { mode }, () => { mine = { callId, mode }; });
    }
  });

  bus.register(session.addresses.liveCalls, update);
  bus.register(session.addresses.callControl, (n) => {
    if (n.event === 'supervision-started') mine = { callId: n.callId, mode: n.mode };
    if (n.event === 'supervision-ended' && mine && mine.callId === n.callId) mine = null;
    render();
  });
  const refresh = () => available().then((state) => update({ available: state.available, calls: state.calls }));
  refresh();
  window.setInterval(refresh, POLL_MILLIS);
}
