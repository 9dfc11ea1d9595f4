// The operator's view: their state, the live queue, an incoming offer (with sound and a visual alert, never taking
// the focus), the call they are on with its tip written as they talk (saved as a draft on the server), wrap-up
// until they say they are ready, and the voice-message tasks. Everything live arrives on the operator's own bus
// address; the addresses come from /api/session.
import { byId, el, fill, setText, show } from './dom.js';
import { connectBus, duration, language, priority, purpose, serverNow, since, startPage, stateLabel, until }
  from './common.js';
import { prepareSound, startAlert, stopAlert } from './alert.js';
import { reconnectNotice } from './reconnect.js';
import { number, t } from './i18n.js';
import { loadTipOptions, TipForm } from './tipform.js';
import { Unfinished } from './unfinished.js';
import { Voicemails } from './voicemail.js';
import { guidance } from './guidance.js';
import { mountOperatorCallControl } from './callcontrol.js';
import { askDeclineReason } from './declinereason.js';

const WITHDRAWN = ['caller-left', 'hand-off-lost', 'too-late', 'expired', 'declined', 'disconnected', 'signed-out', 'not-yours', 'on-call'];
const REASONS = ['offer-timeout', 'disconnected', 'restored', 'caller-left', 'hand-off-lost', 'too-late', 'tip-saved', 'call-ended', 'wrap-up-extended', 'transferred', 'transfer-taken', 'on-call'];

prepareSound();
const session = await startPage(['operator']);
const actions = session.addresses.actions;
const bus = connectBus(session);
let state = null;
let offer = null;
// The call this operator accepted while the phone system puts the caller through: the server says how it ends.
let connecting = null;
let activeCall = null;
// The call last ended and its wrap-up, for the wrap-up line; the interpreter flag of the call being taken.
let wrapUp = null;
let interpreterCall = null;
// A dropped connection: when, and whether an offer was showing; the next status after the reconnect says the rest.
let lostAt = null;
let offerAtDrop = false;
let reconnected = null;

function notify(text) {
  const notice = byId('notice');
  setText(notice, text);
  show(notice, Boolean(text));
}

function act(action, callId) {
  if (!bus.send(actions, callId ? { action, callId } : { action })) {
    notify(t('screen.not-connected'));
    return false;
  }
  return true;
}

// --- Offer, call, state -----------------------------------------------------------------------------------
function showOffer(message) {
  offer = message;
  fill(byId('offer-language'), language(message.language));
  setText(byId('offer-purpose'), purpose(message.purpose));
  fill(byId('offer-priority'), priority(message.priority));
  fill(byId('offer-wait'), since(message.queuedAt));
  fill(byId('offer-left'), until(message.expiresAt));
  show(byId('offer-interpreter'), Boolean(message.interpreter));
  show(byId('offer-callback'), Boolean(message.callback));
  byId('accept').disabled = false;
  byId('decline').disabled = false;
  show(byId('offer'));
  // No focus(): whatever the operator is typing stays where it is (a space must never press Accept).
  startAlert();
}

function hideOffer(callId) {
  if (!offer || (callId && offer.callId !== callId)) return;
  offer = null;
  byId('decline-reason')?.remove();
  show(byId('offer'), false);
  stopAlert();
}

function accept() {
  if (offer && !byId('accept').disabled && act('accept', offer.callId)) {
    interpreterCall = offer.interpreter ? offer.callId : null;
    byId('accept').disabled = true;
    byId('decline').disabled = true;
  }
}

function showConnecting(callId) {
  hideOffer();
  connecting = callId;
  notify(t('screen.connecting-to-caller'));
  byId('go-away').disabled = true;
  // Notes start with the accept: the form opens now and saves as soon as the server has the call.
  tips.open(callId, { during: true, focus: true });
}

function showCall(message) {
  activeCall = message;
  fill(byId('call-language'), language(message.language));
  setText(byId('call-purpose'), purpose(message.purpose));
  fill(byId('call-priority'), priority(message.priority));
  setText(byId('call-wait'), duration(serverNow() - message.queuedAt));
  fill(byId('call-talk'), since(serverNow()));
  setText(byId('call-earlier'), String(message.earlierCalls));
  show(byId('call-interpreter'), interpreterCall === message.callId);
  show(byId('call'));
  tips.open(message.callId, { during: state !== 'wrap-up' });
}

function showWrapUp() {
  const inWrapUp = state === 'wrap-up' && wrapUp;
  show(byId('wrapup-status'), Boolean(inWrapUp));
  show(byId('wrapup-extend'), Boolean(inWrapUp));
  setText(byId('go-available'), state === 'wrap-up' ? t('screen.ready-for-calls') : t('screen.available'));
  if (inWrapUp) {
    fill(byId('wrapup-for'), since(wrapUp.wrapUpSince));
    setText(byId('wrapup-planned'), duration(wrapUp.wrapUpUntil - wrapUp.wrapUpSince));
  }
}

function showState(message) {
  state = message.state;
  const badge = byId('state');
  setText(badge, stateLabel(state));
  badge.className = `state-badge state-${state}`;
  setText(byId('state-detail'), REASONS.includes(message.reason) ? t(`screen.reason.${message.reason}`)
    : String(message.reason).startsWith('declined:') ? t('screen.declined-emergency') : '');
  byId('go-available').disabled = !['away', 'wrap-up'].includes(state);
  if (connecting && state !== 'offered') {
    // Connected: the "connecting" notice is done. Not connected: the withdrawal has already said why.
    if (state === 'on-call') notify('');
    connecting = null;
  }
  byId('go-away').disabled = Boolean(connecting) || !['available', 'offered', 'wrap-up'].includes(state);
  if (state !== 'offered') hideOffer();
  if (state !== 'on-call') {
    show(byId('call'), false);
    activeCall = null;
    if (state !== 'wrap-up') {
      callback = null;
      show(byId('callback'), false);
    }
  } else if (!activeCall) {
    show(byId('call'));
  }
  if (state !== 'wrap-up') wrapUp = null;
  // The notes went with the call to the colleague: nothing is left here to save.
  if (message.reason === 'transferred') tips.close();
  if ((state === 'on-call' || state === 'wrap-up') && message.callId) {
    tips.open(message.callId, { during: state === 'on-call' });
  }
  showWrapUp();
  if (reconnected) {
    document.body.dataset.reconnected = String(Number(document.body.dataset.reconnected || 0) + 1);
    notify(reconnectNotice(reconnected.lostMillis, message, reconnected.hadOffer));
    reconnected = null;
  }
}

// --- Callback: the caller hung up and asked to be called back; the server dials, the screen sends the call id --
const CALLBACK_STATES = ['waiting', 'ringing', 'connected', 'expired', 'operator-unreachable', 'unavailable'];
let callback = null;

function showCallback(message) {
  callback = message;
  document.body.dataset.callback = message.state;
  setText(byId('callback-state'), message.state === 'failed'
    ? t('screen.callback.failed', { attempts: message.attempts || 0 })
    : CALLBACK_STATES.includes(message.state) ? t(`screen.callback.${message.state}`) : message.state);
  byId('callback-dial').disabled = !['waiting', 'operator-unreachable', 'unavailable'].includes(message.state);
  show(byId('callback'));
}

function callBack() {
  if (callback && !byId('callback-dial').disabled && act('call-back', callback.callId)) {
    byId('callback-dial').disabled = true;
  }
}

// The server sends the first calls in service order and how many wait in all.
function showQueue(calls, total) {
  setText(byId('queue-count'), total ? `(${number(total)})` : '');
  show(byId('queue-empty'), total === 0);
  fill(byId('queue'), calls.map((c) => el('tr', { class: c.priority === 'emergency' ? 'emergency' : null },
    el('td', {}, language(c.language)),
    el('td', { text: purpose(c.purpose) }),
    el('td', {}, priority(c.priority)),
    el('td', {}, since(c.queuedAt)))));
}

function onScreen(message) {
  switch (message.type) {
    case 'status': showState(message); break;
    case 'offer': showOffer(message); break;
    case 'connecting': showConnecting(message.callId); break;
    case 'offer-withdrawn':
      if ((offer && offer.callId === message.callId) || connecting === message.callId) {
        notify(WITHDRAWN.includes(message.reason) ? t(`screen.withdrawn.${message.reason}`)
          : t('screen.withdrawn.other'));
        tips.forget(message.callId);
      }
      hideOffer(message.callId);
      break;
    case 'active-call':
      hideOffer();
      // The call is through: the "connecting" line goes; anything else said (a reconnect) stays.
      if (byId('notice').textContent === t('screen.connecting-to-caller')) notify('');
      showCall(message);
      break;
    case 'call-ended':
      wrapUp = message;
      tips.open(message.callId, { during: false });
      showWrapUp();
      break;
    case 'callback': showCallback(message); break;
    case 'tip-saved': tips.saved(message.callId); break;
    case 'queue': showQueue(message.calls || [], message.total || 0); break;
    default: break;
  }
}

/** Whether keys typed now go into text: then no shortcut may act on them. */
function typingInto(target) {
  return target instanceof HTMLElement && (target.isContentEditable
    || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

// Accept by keyboard: Ctrl+Enter (Cmd+Enter), only when the cursor is not in a text field, so no typing can
// accept; Esc leaves a text field while an offer shows.
document.addEventListener('keydown', (event) => {
  if (!offer) return;
  if (event.key === 'Escape' && typingInto(event.target)) {
    event.target.blur();
  } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !typingInto(event.target)) {
    event.preventDefault();
    accept();
  }
});

byId('go-available').addEventListener('click', () => { if (act('available')) notify(''); });
byId('go-away').addEventListener('click', () => act('away'));
byId('wrapup-extend').addEventListener('click', () => act('extend-wrap-up'));
byId('accept').addEventListener('click', accept);
byId('callback-dial').addEventListener('click', callBack);
byId('decline').addEventListener('click', () => {
  if (!offer) return;
  if (offer.priority !== 'emergency') {
    act('decline', offer.callId);
    return;
  }
  const callId = offer.callId;
  askDeclineReason(byId('offer'), (reason) => bus.send(actions, { action: 'decline', callId, reason }));
});

// Without the choice lists there is no tip form, but calls can still be taken: say so and go on.
const tips = await loadTipOptions().then((options) => new TipForm(options, notify)).catch((e) => {
  notify(t('screen.tipform-not-loaded', { error: e.message }));
  return { open: () => undefined, forget: () => undefined, saved: () => undefined, hasUnsavedInput: () => false };
});
const voicemails = new Voicemails(tips, notify);
new Unfinished(tips).refresh();
showQueue([]);
bus.register(session.addresses.screen, onScreen);
bus.register(session.addresses.screen, (message) => guidance.onScreen(message));
mountOperatorCallControl(bus, session, byId('callcontrol'));
bus.on('error', (reason) => notify(t('screen.server-refused', { reason: String(reason) })));
bus.on('close', () => {
  if (lostAt === null) {
    lostAt = Date.now();
    offerAtDrop = Boolean(offer);
    notify(t('screen.connection-dropped'));
  }
});
bus.on('open', () => {
  if (lostAt !== null) {
    reconnected = { lostMillis: Date.now() - lostAt, hadOffer: offerAtDrop };
    lostAt = null;
  }
});
bus.connect();
voicemails.start();
document.body.dataset.ready = 'true';
