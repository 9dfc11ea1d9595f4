// Guidance on the operator's screen during a call (issue 14): from the accept until the call's tip is saved, the
// texts for the call's purpose, the safety check first; for a caller in danger, the danger assessment, whose
// answers go into the tip. The texts come from /api/guidance (managers edit them), fetched at each offer, so an
// edit shows from the next call on. The panel is never empty: the server answers with its built-in texts when its
// store cannot be read, and this file keeps a short safety check of its own for a server that cannot be reached.
//
// What the rest of the screen calls (keep these small and stable):
//   guidance.onScreen(message)  every message on the operator's screen address (operator.js registers it);
//   guidance.tipFields(callId)  the fields the tip for callId carries, e.g. { dangerAssessment: { injured: 'yes' } },
//                               or {} (the tip form merges them into what it posts);
//   guidance.tipSaved(callId)   the tip of callId is saved: the panel closes;
//   guidance.onAnswer(listener) listener(callId) after each danger answer (the tip form autosaves its draft);
//   guidance.restoreAnswers(callId, answers)  answers from the call's server-side draft (another tab, a reload):
//                               they fill the questions this tab has not answered.
import { getJson } from './api.js';
import { byId, el, fill, setText, show } from './dom.js';
import { purpose as purposeLabel } from './common.js';
import { current, t } from './i18n.js';

const GUIDANCE_LANGUAGES = ['prs', 'ps', 'tg', 'tk', 'uz', 'ur'];

const STORAGE_KEY = 'guidance-of-call';
const OFFLINE = {
  source: 'offline',
  sections: [
    { topic: 'safety-check', language: current().language, heading: t('screen.guidance.safety-check-ask-first'),
      text: t('screen.guidance.ask-can-you-talk-safely-right') },
    { topic: 'quick-exit', language: current().language,
      heading: t('screen.guidance.ending-the-call-quickly-and-safely'),
      text: t('screen.guidance.if-it-is-not-safe-say') },
  ],
  dangerQuestions: [],
  answers: [{ code: 'yes', label: t('screen.manager.yes') }, { code: 'no', label: t('screen.no') }, { code: 'unsure', label: t('screen.guidance.not-sure') }],
  urgencies: [],
};

class Guidance {
  constructor() {
    this.offers = new Map();
    this.call = null;
    // Answers from the draft of a call this tab is not (yet) guiding: a second tab, or a reload after the
    // session storage went. They join the call's answers when it starts, and go with its tip either way.
    this.fromDraft = null;
    this.listeners = [];
    this.refreshOutcome = () => {};
  }

  onAnswer(listener) {
    this.listeners.push(listener);
  }

  restoreAnswers(callId, answers) {
    if (!callId || !answers) return;
    if (!this.call || this.call.callId !== callId) {
      this.fromDraft = { callId, answers: { ...answers } };
      return;
    }
    let added = false;
    for (const [code, answer] of Object.entries(answers)) {
      if (this.call.answers[code]) continue;
      this.call.answers[code] = answer;
      const input = document.querySelector(`input[name="danger-${CSS.escape(code)}"][value="${CSS.escape(answer)}"]`);
      if (input) input.checked = true;
      added = true;
    }
    if (added) {
      this.remember();
      this.refreshOutcome();
    }
  }

  /** Every message of the operator's screen. */
  onScreen(message) {
    switch (message.type) {
      case 'offer':
        // Fetched now, so the texts are there at the accept; and fetched at every offer, so an edit shows next call.
        this.offers.set(message.callId, { purpose: message.purpose, texts: load(message.purpose) });
        break;
      case 'connecting': this.start(message.callId); break;
      case 'active-call': this.start(message.callId, message.purpose); break;
      case 'offer-withdrawn':
        // Withdrawn while connecting: the caller never came through, so there is nothing to guide.
        if (this.call && this.call.callId === message.callId && !this.call.connected) this.close();
        this.offers.delete(message.callId);
        break;
      case 'status': this.restore(message); break;
      default: break;
    }
  }

  /** The fields of the tip for callId that come from the guidance: the danger answers given during that call. */
  tipFields(callId) {
    const source = this.call && callId && this.call.callId === callId ? this.call.answers
      : this.fromDraft && callId && this.fromDraft.callId === callId ? this.fromDraft.answers : null;
    if (!source) return {};
    const answers = Object.fromEntries(Object.entries(source).filter(([, a]) => a));
    return Object.keys(answers).length === 0 ? {} : { dangerAssessment: answers };
  }

  /** The tip of callId is saved: the call's guidance is done. */
  tipSaved(callId) {
    if (this.call && this.call.callId === callId) this.close();
  }

  start(callId, purpose) {
    if (this.call && this.call.callId === callId) {
      if (purpose && !this.call.connected) this.call.connected = true;
      return;
    }
    const offer = this.offers.get(callId);
    const known = purpose || (offer && offer.purpose) || 'unspecified';
    this.offers.clear();
    const drafted = this.fromDraft && this.fromDraft.callId === callId ? this.fromDraft.answers : {};
    this.fromDraft = null;
    this.call = { callId, purpose: known, answers: { ...drafted }, connected: Boolean(purpose) };
    this.remember();
    this.render(offer && offer.purpose === known ? offer.texts : load(known));
  }

  /** After a reload, the call this tab was guiding, with its answers, while the server says it is still going. */
  restore(message) {
    if (this.call || !message.callId || !['offered', 'on-call', 'wrap-up'].includes(message.state)) return;
    let saved = null;
    try {
      saved = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null');
    } catch (e) {
      saved = null;
    }
    if (!saved || saved.callId !== message.callId) return;
    const drafted = this.fromDraft && this.fromDraft.callId === saved.callId ? this.fromDraft.answers : {};
    this.fromDraft = null;
    this.call = { callId: saved.callId, purpose: saved.purpose, answers: { ...drafted, ...(saved.answers || {}) },
      connected: true };
    this.render(load(saved.purpose));
  }

  remember() {
    try {
      if (this.call) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(this.call));
      else window.sessionStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      // No session storage: the answers live on this page only.
    }
  }

  close() {
    this.call = null;
    this.fromDraft = null;
    this.refreshOutcome = () => {};
    this.remember();
    fill(panel());
    show(panel(), false);
  }

  async render(texts) {
    const call = this.call;
    const node = panel();
    fill(node, el('h2', { id: 'guidance-title', text: t('screen.guidance.title', { purpose: purposeLabel(call.purpose) }) }),
      el('p', { class: 'hint', text: t('screen.guidance.loading-the-guidance') }));
    show(node);
    const data = await texts;
    if (this.call !== call) return;
    fill(node,
      el('h2', { id: 'guidance-title', text: t('screen.guidance.title', { purpose: purposeLabel(call.purpose) }) }),
      data.source === 'stored' ? null : el('p', { id: 'guidance-source', class: 'hint', text: data.source === 'offline'
        ? t('screen.guidance.the-server-cannot-be-reached-this')
        : t('screen.guidance.the-saved-guidance-could-not-be') }),
      // Guidance is content written per language on the guidance page: each part says which language it is
      // in (English where none is written yet), so the browser and screen readers treat it as that language.
      data.sections.map((s) => el('div', { class: `guidance-part guidance-${s.topic}`, 'data-topic': s.topic,
        lang: s.language || 'en' },
        // The server's headings are English; the offline ones are the screen's.
        el('h3', { lang: data.source === 'offline' ? current().language : 'en', text: s.heading }),
        lines(s.text),
        s.topic === 'danger-check' ? this.assessment(data) : null)));
  }

  assessment(data) {
    const call = this.call;
    const result = el('p', { id: 'danger-urgency', class: 'danger-urgency', role: 'status' });
    const refresh = () => setText(result, outcome(data, call.answers));
    const questions = data.dangerQuestions.map((q, i) => el('fieldset', { class: 'danger-question',
      'data-question': q.code },
    el('legend', { text: `${i + 1}. ${q.text}` }),
    data.answers.map((a) => {
      const input = el('input', { type: 'radio', name: `danger-${q.code}`, value: a.code,
        checked: call.answers[q.code] === a.code });
      input.addEventListener('change', () => {
        call.answers[q.code] = a.code;
        this.remember();
        refresh();
        this.listeners.forEach((listener) => listener(call.callId));
      });
      return el('label', { class: 'check' }, input, ' ', t(`choice.DangerAnswer.${a.code}`) || a.label);
    })));
    refresh();
    this.refreshOutcome = () => {
      if (this.call === call) refresh();
    };
    return el('div', { id: 'danger-assessment' }, questions, result);
  }
}

/** What the answers set on the tip, by the server's rule (each question says what its answers call for). */
function outcome(data, answers) {
  const order = data.urgencies.map((u) => u.code);
  let most = null;
  let imminent = false;
  for (const q of data.dangerQuestions) {
    const answer = answers[q.code];
    const called = answer === 'yes' ? q.ifYes : answer === 'unsure' ? q.ifUnsure : null;
    if (called && (most === null || order.indexOf(called) < order.indexOf(most))) most = called;
    if (answer === 'yes' && q.imminent) imminent = true;
  }
  if (!most) return t('screen.guidance.no-answer-so-far-raises-the');
  const label = t(`choice.Urgency.${most}`) || most;
  return t(imminent ? 'screen.guidance.outcome-imminent' : 'screen.guidance.outcome', { urgency: label });
}

function lines(text) {
  return el('ul', { class: 'guidance-lines' },
    String(text || '').split('\n').filter((line) => line.trim()).map((line) => el('li', { dir: 'auto', text: line })));
}

function panel() {
  return byId('guidance');
}

function load(purpose) {
  // In the screen's language where the guidance has one (the callers' languages), else English.
  const language = GUIDANCE_LANGUAGES.includes(current().language) ? current().language : 'en';
  return getJson(`/api/guidance?purpose=${encodeURIComponent(purpose)}&language=${language}`).catch(() => OFFLINE);
}

export const guidance = new Guidance();
