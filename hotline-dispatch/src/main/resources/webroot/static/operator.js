// The operator's view: their state, the live queue, an incoming offer (with sound and a visual alert), the call
// they are on, the tip form after it, and the voice-message tasks. Everything live arrives on the operator's own
// bus address; the addresses come from /api/session.
import { byId, el, fill, setText, show } from './dom.js';
import { connectBus, duration, language, priority, purpose, serverNow, since, startPage, STATES, until }
  from './common.js';
import { loadTipOptions, TipForm } from './tipform.js';
import { Voicemails } from './voicemail.js';
import { mountOperatorCallControl } from './callcontrol.js';

const CONNECTING = 'Connecting you to the caller…';
const WITHDRAWN = {
  'caller-left': 'The caller hung up before the call was taken.',
  'hand-off-lost': 'The call could not be put through to you: the phone system did not confirm it in time.',
  'too-late': 'The call could not be put through to you: the phone system did not confirm it in time.',
  expired: 'The offer timed out.',
  declined: 'You declined the call; it goes to another operator.',
  disconnected: 'Your connection dropped, so the offer went to another operator.',
  'signed-out': 'You signed out, so the offer went to another operator.',
  'not-yours': 'Another operator took that call.',
};
const REASONS = {
  'offer-timeout': 'The offer timed out, so you are away. Press Available to take calls again.',
  disconnected: 'Your connection dropped, so you are away. Press Available to take calls again.',
  'caller-left': 'The caller hung up before the call was taken.',
  'hand-off-lost': 'The last call could not be put through to you.',
  'too-late': 'The last call could not be put through to you.',
  'wrap-up-over': 'Wrap-up time is over; you are available again.',
  'tip-saved': 'Tip saved; you are available again.',
};

const session = await startPage(['operator']);
const actions = session.addresses.actions;
const bus = connectBus(session);
let state = null;
let offer = null;
// The call this operator accepted while the phone system puts the caller through: the server says how it ends.
let connecting = null;
let activeCall = null;

function notify(text) {
  const notice = byId('notice');
  setText(notice, text);
  show(notice, Boolean(text));
}

function act(action, callId) {
  if (!bus.send(actions, callId ? { action, callId } : { action })) {
    notify('Not connected to the server; wait for "Connected" and try again.');
    return false;
  }
  return true;
}

// --- Sound and visual alert for an offer ------------------------------------------------------------------
// Browsers let a page play sound only after a person has used it, so the audio starts on the first click.
let audio = null;
let alerting = null;
document.addEventListener('pointerdown', () => {
  try {
    if (!audio) audio = new AudioContext();
    if (audio.state === 'suspended') audio.resume();
  } catch (e) {
    audio = null;
  }
});

function beep() {
  if (!audio) return;
  try {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  } catch (e) {
    // No sound device: the visual alert still shows.
  }
}

function startAlert() {
  stopAlert();
  document.body.classList.add('alerting');
  document.title = 'Incoming call — Hotline';
  beep();
  alerting = window.setInterval(beep, 1500);
}

function stopAlert() {
  window.clearInterval(alerting);
  alerting = null;
  document.body.classList.remove('alerting');
  document.title = 'Operator — Hotline';
}

// --- Offer, call, state -----------------------------------------------------------------------------------
function showOffer(message) {
  offer = message;
  fill(byId('offer-language'), language(message.language));
  setText(byId('offer-purpose'), purpose(message.purpose));
  fill(byId('offer-priority'), priority(message.priority));
  fill(byId('offer-wait'), since(message.queuedAt));
  fill(byId('offer-left'), until(message.expiresAt));
  byId('accept').disabled = false;
  byId('decline').disabled = false;
  show(byId('offer'));
  startAlert();
  byId('accept').focus();
}

function hideOffer(callId) {
  if (!offer || (callId && offer.callId !== callId)) return;
  offer = null;
  show(byId('offer'), false);
  stopAlert();
}

function showConnecting(callId) {
  hideOffer();
  connecting = callId;
  notify(CONNECTING);
  byId('go-away').disabled = true;
}

function showCall(message) {
  activeCall = message;
  fill(byId('call-language'), language(message.language));
  setText(byId('call-purpose'), purpose(message.purpose));
  fill(byId('call-priority'), priority(message.priority));
  setText(byId('call-wait'), duration(serverNow() - message.queuedAt));
  fill(byId('call-talk'), since(serverNow()));
  setText(byId('call-earlier'), String(message.earlierCalls));
  show(byId('call'));
}

function showState(message) {
  state = message.state;
  const badge = byId('state');
  setText(badge, STATES[state] || state);
  badge.className = `state-badge state-${state}`;
  setText(byId('state-detail'), REASONS[message.reason] || '');
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
  } else if (!activeCall) {
    show(byId('call'));
  }
  if (state === 'wrap-up' && message.callId) tips.open(message.callId, null);
}

// The server sends the first calls in service order and how many wait in all.
function showQueue(calls, total) {
  setText(byId('queue-count'), total ? `(${total})` : '');
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
        notify(WITHDRAWN[message.reason] || 'The offer was withdrawn.');
      }
      hideOffer(message.callId);
      break;
    case 'active-call':
      hideOffer();
      notify('');
      showCall(message);
      break;
    case 'call-ended': tips.open(message.callId, message.wrapUpUntil); break;
    case 'queue': showQueue(message.calls || [], message.total || 0); break;
    default: break;
  }
}

byId('go-available').addEventListener('click', () => { if (act('available')) notify(''); });
byId('go-away').addEventListener('click', () => act('away'));
byId('accept').addEventListener('click', () => {
  if (offer && act('accept', offer.callId)) {
    byId('accept').disabled = true;
    byId('decline').disabled = true;
  }
});
byId('decline').addEventListener('click', () => { if (offer) act('decline', offer.callId); });

// Without the choice lists there is no tip form, but calls can still be taken: say so and go on.
const tips = await loadTipOptions().then((options) => new TipForm(options, notify)).catch((e) => {
  notify(`The tip form could not be loaded (${e.message}). Reload the page to try again.`);
  return { open: () => notify('The tip form is not available; reload the page.'), hasUnsavedInput: () => false };
});
const voicemails = new Voicemails(tips, notify);
showQueue([]);
bus.register(session.addresses.screen, onScreen);
mountOperatorCallControl(bus, session, byId('callcontrol'));
bus.on('error', (reason) => notify(`The server refused a request (${String(reason)}).`));
bus.connect();
voicemails.start();
document.body.dataset.ready = 'true';
