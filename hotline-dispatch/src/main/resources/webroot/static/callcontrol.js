// Live call control on the operator's screen: warm transfer, an interpreter, and supervisor presence (the
// manager's live calls are in livecalls.js). The server acts through Asterisk's AMI and answers with codes; the
// words are here. Buttons come from a table of what each state allows, stay disabled while a request is pending,
// and come back with its answer (or its failure). When call control is unavailable the panel says so and offers
// nothing.
import { getJson, send } from './api.js';
import { el, fill, setText, show } from './dom.js';
import { t } from './i18n.js';

export const PROBLEMS = {
  unavailable: t('screen.callcontrol.call-control-is-unavailable-the-phone'),
  timeout: t('screen.callcontrol.the-phone-system-did-not-answer'),
  refused: t('screen.callcontrol.the-phone-system-refused-that-nothing'),
  'no-such-call': t('screen.callcontrol.this-call-is-no-longer-on'),
  'not-on-call': t('screen.callcontrol.that-call-is-not-yours-any'),
  'wrong-state': t('screen.callcontrol.that-cannot-be-done-right-now'),
  'no-endpoint': t('screen.callcontrol.there-is-no-phone-number-on'),
  forbidden: t('screen.callcontrol.only-supervisors-and-managers-can-do'),
};
// Why a transfer or an interpreter failed, and what a supervisor is doing: bundle keys by code.
const REASONS = ['declined', 'no-answer', 'left', 'caller-left', 'timeout', 'cancelled', 'unavailable', 'refused'];
const reason = (code) => (REASONS.includes(code) ? t(`screen.callcontrol.reason.${code}`) : code);
const MODES = ['listen', 'whisper', 'barge'];
export const POLL_MILLIS = 10000;

export function problemText(error) {
  return PROBLEMS[error && error.message] || (error && error.message) || PROBLEMS.unavailable;
}

export async function available() {
  try {
    return await getJson('/api/callcontrol');
  } catch (e) {
    return { available: false, showSupervisor: true, calls: [] };
  }
}

// --- The operator's panel ---------------------------------------------------------------------------------------

// What each state of the operator's call allows.
const OPERATOR_BUTTONS = {
  idle: ['transfer', 'interpreter'],
  ringing: ['cancel'],
  talking: ['complete', 'cancel'],
  interpreter: ['transfer', 'remove-interpreter'],
};

/** Mounts the operator's call-control panel into root (a section the page leaves empty). */
export function mountOperatorCallControl(bus, session, root) {
  const status = el('p', { id: 'cc-status', class: 'hint', role: 'status' });
  const supervisor = el('p', { id: 'cc-supervisor', class: 'notice', role: 'status', hidden: true });
  // The first operator's notes, shown to the colleague a call is being transferred to, before they talk.
  const notes = el('blockquote', { id: 'cc-transfer-notes', class: 'transfer-notes', hidden: true });
  const colleague = el('select', { id: 'cc-colleague' });
  const interpreter = el('select', { id: 'cc-interpreter' });
  const buttons = {
    transfer: el('button', { type: 'button', id: 'cc-transfer', text: t('screen.callcontrol.transfer-talk-first') }),
    complete: el('button', { type: 'button', id: 'cc-complete', class: 'primary', text: t('screen.callcontrol.join-caller-and-leave') }),
    cancel: el('button', { type: 'button', id: 'cc-cancel', text: t('screen.callcontrol.take-the-caller-back') }),
    interpreter: el('button', { type: 'button', id: 'cc-add-interpreter', text: t('screen.callcontrol.call-interpreter') }),
    'remove-interpreter': el('button', { type: 'button', id: 'cc-remove-interpreter', text: t('screen.callcontrol.remove-interpreter') }),
  };
  fill(root, el('h2', { id: 'cc-title', text: t('screen.callcontrol.call-control') }), status, notes, supervisor,
    el('div', { class: 'buttons' }, el('label', {}, `${t('screen.callcontrol.colleague')} `, colleague), buttons.transfer, buttons.complete,
      buttons.cancel),
    el('div', { class: 'buttons' }, el('label', {}, `${t('screen.callcontrol.interpreter')} `, interpreter), buttons.interpreter,
      buttons['remove-interpreter']));
  let callId = null;
  let callLanguage = null;
  let offered = null;
  let phase = 'idle';
  let pending = false;
  let up = false;
  let showSupervisor = true;
  let people = [];

  function render() {
    const allowed = up && callId && !pending ? OPERATOR_BUTTONS[phase] : [];
    for (const [name, button] of Object.entries(buttons)) button.disabled = !allowed.includes(name);
    colleague.disabled = !allowed.includes('transfer');
    interpreter.disabled = !allowed.includes('interpreter');
    root.dataset.phase = phase;
    root.dataset.available = String(up);
    show(root, Boolean(callId || offered || status.textContent));
  }

  function say(text) {
    setText(status, text);
  }

  async function showTransferNotes(id) {
    let summary = '';
    try {
      const found = await getJson(`/api/callcontrol/transfer-draft/${encodeURIComponent(id)}`);
      // A draft keeps the form's values by element id (tipform.js toDraft).
      summary = (found.draft && found.draft['tip-summary']) || '';
    } catch (e) {
      summary = '';
    }
    if (offered !== id) return;
    setText(notes, summary ? t('screen.callcontrol.notes-so-far', { summary }) : t('screen.callcontrol.they-have-written-no-notes-yet'));
    show(notes);
  }

  function nameOf(id) {
    const found = people.find((p) => p.id === id);
    return found ? found.name : 'a colleague';
  }

  async function refresh() {
    const state = await available();
    up = state.available;
    showSupervisor = state.showSupervisor !== false;
    if (!up) say(PROBLEMS.unavailable);
    else if (status.textContent === PROBLEMS.unavailable) say('');
    render();
  }

  // A call taken in a language this operator does not speak (offered through an interpreter): one press brings
  // in an interpreter who speaks it, chosen here.
  function suggestInterpreter() {
    if (!callLanguage || (session.languages || []).includes(callLanguage)) return;
    const match = people.find((p) => p.interpreter && p.languages.includes(callLanguage))
      || people.find((p) => p.languages.includes(callLanguage));
    if (!match) return;
    interpreter.value = match.id;
    buttons.interpreter.classList.add('primary');
    say(t('screen.callcontrol.bring-interpreter', { name: match.name }));
  }

  async function loadPeople() {
    try {
      people = await getJson('/api/callcontrol/colleagues');
    } catch (e) {
      people = [];
    }
    const label = (p) => `${p.name}${p.supervisor ? ' (supervisor)' : ''} — ${p.languages.join(', ')}`;
    fill(colleague, people.map((p) => el('option', { value: p.id, text: label(p) })));
    const interpreters = people.filter((p) => p.interpreter).concat(people.filter((p) => !p.interpreter));
    fill(interpreter, interpreters.map((p) => el('option', { value: p.id, text: label(p) })));
    suggestInterpreter();
  }

  async function request(path, body, next, doing) {
    pending = true;
    render();
    say(doing);
    try {
      await send('POST', `/api/callcontrol/${path}`, { callId, ...body });
      if (next) phase = next;
    } catch (e) {
      say(problemText(e));
      if (e.message === 'unavailable') up = false;
    } finally {
      pending = false;
      render();
    }
  }

  function onNotice(n) {
    if (n.callId !== callId) {
      // A colleague's call, coming to this operator by a warm transfer.
      if (n.event === 'transfer-offered') {
        offered = n.callId;
        const offer = () => say(`${nameOf(n.peerId).replace(/^a /, 'A ')} is transferring a call to you: answer your`
          + ' phone to talk to them first.');
        offer();
        showTransferNotes(n.callId);
        // Who is asking may be someone this screen has not listed yet.
        if (!people.some((p) => p.id === n.peerId)) loadPeople().then(() => { if (offered === n.callId) offer(); });
      } else if (n.event === 'transfer-done' && offered === n.callId) {
        show(notes, false);
        callId = n.callId;
        offered = null;
        phase = 'idle';
        say(t('screen.callcontrol.the-call-is-yours-now-the'));
        loadPeople();
      } else if (n.event === 'transfer-failed' && offered === n.callId) {
        show(notes, false);
        offered = null;
        say(t('screen.callcontrol.transfer-to-you-failed', { reason: reason(n.reason) }));
      }
      render();
      return;
    }
    switch (n.event) {
      case 'transfer-ringing': phase = 'ringing'; say(t('screen.callcontrol.ringing', { name: nameOf(n.peerId) })); break;
      case 'transfer-talking': phase = 'talking'; say(t('screen.callcontrol.talking-to', { name: nameOf(n.peerId) })); break;
      case 'transfer-failed':
        phase = 'idle';
        say(t('screen.callcontrol.transfer-failed', { reason: reason(n.reason) }));
        break;
      case 'transfer-done':
        phase = 'idle';
        callId = null;
        say(t('screen.callcontrol.handed-over', { name: nameOf(n.peerId) }));
        break;
      case 'interpreter-joined': phase = 'interpreter'; say(t('screen.callcontrol.interpreting', { name: nameOf(n.peerId) })); break;
      case 'interpreter-left': phase = 'idle'; say(t('screen.callcontrol.the-interpreter-has-left-the-call')); break;
      case 'interpreter-failed':
        phase = 'idle';
        say(t('screen.callcontrol.interpreter-failed', { reason: reason(n.reason) }));
        break;
      case 'supervisor-joined':
        if (showSupervisor) {
          setText(supervisor, t('screen.callcontrol.supervisor-is', {
            mode: t(`screen.callcontrol.mode.${MODES.includes(n.mode) ? n.mode : 'barge'}`) }));
          show(supervisor);
        }
        break;
      case 'supervisor-left': show(supervisor, false); break;
      case 'call-ended': phase = 'idle'; show(supervisor, false); break;
      default: break;
    }
    render();
  }

  function onScreen(message) {
    if (message.type === 'active-call' && message.callId !== callId) {
      callId = message.callId;
      callLanguage = message.language;
      buttons.interpreter.classList.remove('primary');
      phase = 'idle';
      say('');
      show(supervisor, false);
      loadPeople();
      refresh();
    } else if (message.type === 'status' && message.state !== 'on-call' && callId && phase === 'idle') {
      // Not while a transfer is under way: after one, routing has not yet moved the call (see the README).
      callId = null;
    }
    render();
  }

  buttons.transfer.addEventListener('click', () => colleague.value
    && request('transfer', { to: colleague.value }, null, `Calling ${nameOf(colleague.value)}…`));
  buttons.complete.addEventListener('click', () => request('transfer/complete', {}, null, t('screen.callcontrol.joining-the-caller')));
  buttons.cancel.addEventListener('click', () => request('transfer/cancel', {}, null, t('screen.callcontrol.taking-the-caller-back')));
  buttons.interpreter.addEventListener('click', () => interpreter.value
    && request('interpreter', { to: interpreter.value }, null, `Calling ${nameOf(interpreter.value)}…`));
  buttons['remove-interpreter'].addEventListener('click',
    () => request('interpreter/remove', {}, null, t('screen.callcontrol.removing-the-interpreter')));
  bus.register(session.addresses.screen, onScreen);
  bus.register(session.addresses.callControl, onNotice);
  loadPeople();
  refresh();
  window.setInterval(refresh, POLL_MILLIS);
  render();
}
