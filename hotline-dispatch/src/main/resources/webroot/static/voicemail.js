// Voice messages left through the IVR, as tasks: the list holds those in a language the operator speaks (any, if
// they work with an interpreter); claim one (exactly one operator wins), play it (the audio is served to its
// claimant only), record a tip from it, release it for someone else, or mark it done.
import { getJson, send } from './api.js';
import { byId, el, fill, setText } from './dom.js';
import { language, priority, purpose, when } from './common.js';
import { t } from './i18n.js';

const REFRESH_MILLIS = 30000;

export class Voicemails {
  constructor(tips, notify) {
    this.tips = tips;
    this.notify = notify;
    this.list = byId('voicemails');
    this.status = byId('voicemail-status');
  }

  start() {
    this.refresh();
    window.setInterval(() => this.refresh(), REFRESH_MILLIS);
  }

  async refresh() {
    try {
      const tasks = await getJson('/api/voicemails');
      setText(this.status, tasks.length === 0 ? t('screen.voicemail.no-voice-messages-are-waiting') : '');
      fill(this.list, tasks.map((task) => this.item(task)));
    } catch (e) {
      setText(this.status, t('screen.voicemail.not-loaded', { error: e.message }));
    }
  }

  item(task) {
    const details = [language(task.language), ' · ', purpose(task.purpose), ' · ', priority(task.priority), ' · ',
      when(task.receivedAt)];
    if (!task.claimedByMe) {
      return el('li', { class: 'task' }, details, ' ',
        el('button', { type: 'button', text: t('screen.voicemail.claim'), onclick: () => this.claim(task.callId) }));
    }
    const player = el('audio', { controls: true, preload: 'none',
      src: `/api/voicemails/${encodeURIComponent(task.callId)}/audio` });
    return el('li', { class: 'task mine' }, details, ' ', el('span', { class: 'badge', text: 'yours' }),
      el('div', { class: 'buttons' }, player,
        el('button', { type: 'button', text: t('screen.voicemail.record-a-tip'), onclick: () => this.tips.open(task.callId) }),
        el('button', { type: 'button', text: t('screen.voicemail.mark-done'), onclick: () => this.done(task.callId) }),
        el('button', { type: 'button', class: 'quiet release', text: t('screen.voicemail.release'),
          onclick: () => this.release(task.callId) })));
  }

  async claim(callId) {
    try {
      await send('POST', `/api/voicemails/${encodeURIComponent(callId)}/claim`);
    } catch (e) {
      this.notify(e.message);
    }
    this.refresh();
  }

  /** Gives the message back, for another operator who speaks its language (or works with an interpreter). */
  async release(callId) {
    try {
      await send('POST', `/api/voicemails/${encodeURIComponent(callId)}/release`);
      this.notify(t('screen.voicemail.voice-message-released-another-operator-can'));
    } catch (e) {
      this.notify(e.message);
    }
    this.refresh();
  }

  async done(callId) {
    try {
      await send('POST', `/api/voicemails/${encodeURIComponent(callId)}/done`);
      this.notify(t('screen.voicemail.voice-message-done'));
    } catch (e) {
      this.notify(e.message);
    }
    this.refresh();
  }
}
