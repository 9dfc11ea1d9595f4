import { t } from './i18n.js';
// The offer's sound and visual alert. Browsers let a page play sound only after a person has used it; an operator
// who only uses the keyboard never clicks, so the sound is unlocked by any key as well as any click, and tried at
// once on load (the sign-in just before was a user gesture, which Chromium counts for the same site). The audio
// state is on <body data-audio> so people (and tests) can see whether the tone can play.

let audio = null;
let alerting = null;
let beeps = 0;

function mark() {
  document.body.dataset.audio = audio ? audio.state : 'none';
}

function unlock() {
  try {
    if (!audio) {
      audio = new AudioContext();
      audio.addEventListener('statechange', mark);
    }
    if (audio.state === 'suspended') audio.resume().then(mark, mark);
  } catch (e) {
    audio = null;
  }
  mark();
}

/** Prepares the sound: tried now, and again on every key press and click until it runs. */
export function prepareSound() {
  unlock();
  for (const event of ['keydown', 'pointerdown']) {
    document.addEventListener(event, () => { if (!audio || audio.state !== 'running') unlock(); }, true);
  }
}

export function beep() {
  if (!audio || audio.state !== 'running') return;
  try {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
    beeps += 1;
    document.body.dataset.beeps = String(beeps);
  } catch (e) {
    // No sound device: the visual alert still shows.
  }
}

/** Starts the alert for an offer; focus is never touched, so typing goes on where it was. */
export function startAlert() {
  stopAlert();
  document.body.classList.add('alerting');
  document.title = t('screen.alert.incoming-call-hotline');
  beep();
  alerting = window.setInterval(beep, 1500);
}

export function stopAlert() {
  window.clearInterval(alerting);
  alerting = null;
  document.body.classList.remove('alerting');
  document.title = t('screen.operator-hotline');
}
