// Saves the tip form of a call on the server as the operator types (PUT /api/drafts/:callId), a moment after the
// last key, so a reload, a second tab, a network blip or a new sign-in finds it again. A save that fails is tried
// again shortly, without a word unless it keeps failing; the form itself is never touched.
import { getJson, send } from './api.js';
import { when } from './common.js';
import { t } from './i18n.js';

const QUIET_MILLIS = 700;
const RETRY_MILLIS = 3000;

export class DraftSaver {
  /**
   * @param status(text, state) shows how the notes stand ('saved', 'pending', 'failed')
   * @param gone(callId) the call's tip is saved (here or in another tab): nothing more to save
   */
  constructor(status, gone) {
    this.status = status;
    this.gone = gone;
    this.callId = null;
    this.timer = null;
    this.pending = null;
    this.saving = false;
  }

  /** Reads the stored draft of a call: {tipId, draft, saved}. */
  static load(callId) {
    return getJson(`/api/drafts/${encodeURIComponent(callId)}`);
  }

  start(callId) {
    this.stop();
    this.callId = callId;
  }

  stop() {
    window.clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.callId = null;
  }

  /** Whether typed notes are not yet on the server. */
  unsaved() {
    return this.pending !== null || this.saving;
  }

  /** The form changed: save what {@code read()} gives, once typing pauses. */
  changed(read) {
    if (!this.callId) return;
    this.pending = read;
    this.status(t('screen.draft.saving-your-notes'), 'pending');
    this.schedule(QUIET_MILLIS);
  }

  schedule(millis) {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), millis);
  }

  async flush() {
    if (!this.callId || !this.pending) return;
    if (this.saving) {
      this.schedule(QUIET_MILLIS);
      return;
    }
    const callId = this.callId;
    const read = this.pending;
    this.pending = null;
    this.saving = true;
    try {
      await send('PUT', `/api/drafts/${encodeURIComponent(callId)}`, read());
      if (callId === this.callId) {
        this.status(t('screen.draft.notes-saved-at', { time: when(new Date().toISOString()).slice(-5) }), 'saved');
      }
    } catch (e) {
      if (e.status === 409) {
        this.gone(callId);
      } else if (callId === this.callId) {
        if (!this.pending) this.pending = read;
        // 503 while the call is put through, or the server out of reach: the notes wait on screen.
        this.status(e.status === 503 || e.status === 0 ? t('screen.draft.notes-kept-on-this-screen-saving')
          : t('screen.not-saved', { error: e.message }), e.status === 503 ? 'pending' : 'failed');
        if (e.status !== 403) this.schedule(RETRY_MILLIS);
      }
    } finally {
      this.saving = false;
    }
  }
}
