// The tip of a call, written while the caller speaks: the form opens at the accept, the summary first, and every
// change is saved on the server as a draft of that call (draft.js), so a reload or a second tab shows it again.
// It is submitted after the call (or for a voice message); the server keeps one tip per call. Every choice list
// comes from /api/tip-options, which reads the Java enums. A refused save marks every refused field at once.
import { getJson, send } from './api.js';
import { byId, el, fill, setText, show } from './dom.js';
import { guidance } from './guidance.js';
import { DraftSaver } from './draft.js';
import { clearFieldErrors, showFieldErrors } from './fielderrors.js';
import { Referrals } from './referrals.js';
import { t } from './i18n.js';

const EMPTY = '';
const DURING = t('screen.tipform.write-while-you-talk-your-notes');

/** A random UUID (version 4); crypto.randomUUID needs a secure context, this does not. */
function uuid() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function select(id, field, list, placeholder = '—') {
  return el('select', { id, 'data-field': field },
    el('option', { value: EMPTY, text: placeholder }),
    (list || []).map((c) => el('option', { value: c.code, text: c.label })));
}

function row(labelText, control, hint) {
  return el('div', { class: 'field' }, el('label', { for: control.id, text: labelText }), control,
    hint ? el('p', { class: 'hint', text: hint }) : null);
}

function number(id, field) {
  return el('input', { id, type: 'number', min: '0', step: '1', inputmode: 'numeric', 'data-field': field });
}

export class TipForm {
  constructor(options, notify) {
    this.options = options;
    this.notify = notify;
    // Told whenever the form opens or closes (the list of unfinished tips follows it).
    this.listeners = [];
    this.section = byId('tip');
    this.form = byId('tip-form');
    this.callId = null;
    this.tipId = null;
    this.saving = false;
    this.restoring = false;
    this.edited = false;
    this.referrals = new Referrals(options, notify, () => this.changed());
    guidance.onAnswer((callId) => {
      if (callId === this.callId) this.changed();
    });
    this.saver = new DraftSaver((text, how) => {
      const line = byId('tip-draft-status');
      setText(line, text);
      line.dataset.draft = how;
    }, (callId) => this.saved(callId));
    this.build();
    // Back in this tab after writing in another: show the newest notes, unless this tab has its own.
    window.addEventListener('focus', () => { if (this.callId && !this.edited) this.load(this.callId); });
  }

  /** Whether a tip is open with input not yet saved on the server. */
  hasUnsavedInput() {
    return !this.section.hidden && this.saver.unsaved();
  }

  /**
   * Opens the tip of a call (or voice message), with its stored draft; a form already open for it stays as it
   * is. Another call's open form is left with its notes saved as that call's draft.
   */
  open(callId, { during = false, focus = false } = {}) {
    this.setDuring(during);
    if (!this.section.hidden && this.callId === callId) return;
    this.saver.flush();
    this.reset();
    this.callId = callId;
    this.tipId = uuid();
    this.saver.start(callId);
    this.setDuring(during);
    show(this.section);
    if (focus) byId('tip-summary').focus();
    this.load(callId);
    this.listeners.forEach((listener) => listener());
  }

  async load(callId) {
    let stored;
    try {
      stored = await DraftSaver.load(callId);
    } catch (e) {
      return;
    }
    if (this.callId !== callId) return;
    if (stored.saved) {
      this.close();
      return;
    }
    if (stored.tipId) this.tipId = stored.tipId;
    if (stored.draft && !this.edited) this.fromDraft(stored.draft);
  }

  setDuring(during) {
    this.during = during;
    byId('tip-save').disabled = during;
    setText(byId('tip-wrapup'), during ? DURING : this.callId ? t('screen.tipform.the-call-has-ended-check-the') : '');
  }

  /** The call was withdrawn before it was taken: its empty form goes. */
  forget(callId) {
    if (this.callId === callId && !this.edited) this.close();
  }

  /** The call's tip was saved (here, or in another tab). */
  saved(callId) {
    guidance.tipSaved(callId);
    if (this.callId !== callId) return;
    this.close();
    this.notify(t('screen.tipform.tip-saved'));
  }

  build() {
    const o = this.options;
    const controls = el('div', { class: 'checks', id: 'tip-control', 'data-field': 'control', role: 'group',
      'aria-label': t('screen.tipform.means-of-control') },
    o.controls.map((c) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'control', value: c.code }), ' ', c.label)));
    const country = select('tip-country', 'country', o.countries);
    country.addEventListener('change', () => {
      this.fillRegions();
      this.refreshCrossBorder();
    });
    this.details = el('div', { id: 'tip-details', class: 'grid' },
      el('fieldset', {}, el('legend', { text: t('screen.tipform.urgency-and-consent') }),
        row(t('screen.signal'), select('tip-signal', 'signal', o.signals)),
        row(t('screen.urgency'), select('tip-urgency', 'urgency', o.urgencies)),
        el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'tip-imminentDanger' }),
          ` ${t('screen.tipform.imminent-danger')}`),
        row(t('screen.consent'), select('tip-consent', 'consent', o.consents)),
        row(t('screen.tipform.law-enforcement-report'), select('tip-lawEnforcement', 'lawEnforcement', o.lawEnforcement))),
      el('fieldset', {}, el('legend', { text: t('screen.tipform.the-situation') }),
        row(t('screen.tipform.caller'), select('tip-callerType', 'callerType', o.callerTypes)),
        row(t('screen.tipform.trafficking-type'), select('tip-traffickingType', 'traffickingType', o.traffickingTypes)),
        row(t('screen.tipform.form-of-exploitation'), select('tip-form-kind', 'form', o.forms)),
        row(t('screen.tipform.recruitment'), select('tip-recruitment', 'recruitment', o.recruitments))),
      el('fieldset', {}, el('legend', { text: t('screen.tipform.place') }),
        row(t('screen.country'), country),
        row(t('screen.tipform.province-or-region'), select('tip-region', 'region', [])),
        row(t('screen.tipform.country-of-origin'), select('tip-origin', 'origin', o.countries)),
        row(t('screen.tipform.transit-country'), select('tip-transit', 'transit', o.countries)),
        row(t('screen.tipform.destination-country'), select('tip-destination', 'destination', o.countries)),
        el('p', { id: 'tip-crossborder', class: 'badge cross-border', text: t('screen.tipform.cross-border'), hidden: true })),
      el('fieldset', { 'data-field': 'victims' }, el('legend', { text: t('screen.tipform.potential-victims') }),
        row(t('screen.tipform.how-many'), number('tip-victims-count', 'victims.count')),
        el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'tip-victims-minors' }),
          ` ${t('screen.tipform.minors-among-them')}`),
        row(t('screen.tipform.female'), number('tip-victims-female', 'victims.female')),
        row(t('screen.tipform.male'), number('tip-victims-male', 'victims.male')),
        row(t('screen.tipform.other-gender'), number('tip-victims-otherGender', 'victims.otherGender'))),
      el('details', { class: 'wide' }, el('summary', { text: t('screen.tipform.means-of-control') }), controls),
      this.referrals.build());
    for (const id of ['tip-origin', 'tip-transit', 'tip-destination']) {
      this.details.querySelector(`#${id}`).addEventListener('change', () => this.refreshCrossBorder());
    }
    const contact = select('tip-contactType', 'contactType', o.contactTypes, t('screen.tipform.choose'));
    contact.addEventListener('change', () => show(this.details, contact.value === 'substantive'));
    fill(this.form,
      el('p', { id: 'tip-error', class: 'error', role: 'alert', hidden: true }),
      row(t('screen.tipform.summary-seen-only-by-permitted-roles'), el('textarea', { id: 'tip-summary', rows: '6',
        maxlength: String(o.limits.summaryMaxLength), 'data-field': 'summary', dir: 'auto' })),
      row(t('screen.tipform.contact-type'), contact, t('screen.tipform.substantive-contacts-also-need-a-signal')),
      this.details,
      el('div', { class: 'buttons' },
        el('button', { type: 'submit', id: 'tip-save', class: 'primary', text: t('screen.tipform.save-tip') }),
        el('button', { type: 'button', id: 'tip-discard', class: 'quiet', text: t('screen.close') })));
    show(this.details, false);
    for (const event of ['input', 'change']) this.form.addEventListener(event, () => this.changed());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    byId('tip-discard').addEventListener('click', () => {
      this.saver.flush();
      this.notify(t('screen.tipform.the-notes-stay-saved-as-this'));
      this.close();
    });
  }

  fillRegions() {
    fill(byId('tip-region'), el('option', { value: EMPTY, text: '—' }),
      (this.options.regions[byId('tip-country').value] || []).map((c) => el('option', { value: c.code,
        text: c.label })));
  }

  changed() {
    if (this.restoring || !this.callId) return;
    this.edited = true;
    this.saver.changed(() => ({ tipId: this.tipId, draft: this.toDraft() }));
  }

  /** The form as a draft: every field's value by element id, the means of control and the referrals. */
  toDraft() {
    const values = {};
    for (const node of this.form.querySelectorAll('input[id^="tip-"], select[id^="tip-"], textarea[id^="tip-"]')) {
      values[node.id] = node.type === 'checkbox' ? node.checked : node.value;
    }
    values.control = [...this.form.querySelectorAll('input[name="control"]:checked')].map((c) => c.value);
    values.referrals = this.referrals.forDraft();
    // The danger answers live in the guidance panel, but they are part of this call's tip: they go with the draft.
    values.guidance = guidance.tipFields(this.callId);
    return values;
  }

  fromDraft(values) {
    this.restoring = true;
    try {
      for (const [id, value] of Object.entries(values)) {
        const node = id.startsWith('tip-') && id !== 'tip-region' ? byId(id) : null;
        if (!node || !this.form.contains(node)) continue;
        if (node.type === 'checkbox') node.checked = Boolean(value);
        else node.value = String(value);
      }
      this.fillRegions();
      byId('tip-region').value = values['tip-region'] || EMPTY;
      for (const box of this.form.querySelectorAll('input[name="control"]')) {
        box.checked = (values.control || []).includes(box.value);
      }
      this.referrals.clear();
      for (const r of values.referrals || []) this.referrals.add(r.partner, r.service, r.consent);
      if (values.guidance) guidance.restoreAnswers(this.callId, values.guidance.dangerAssessment);
      show(this.details, byId('tip-contactType').value === 'substantive');
      this.refreshCrossBorder();
    } finally {
      this.restoring = false;
    }
  }

  /** Cross-border as the server derives it: another country than the situation's. */
  refreshCrossBorder() {
    const country = byId('tip-country').value;
    const route = ['tip-origin', 'tip-transit', 'tip-destination'].map((id) => byId(id).value).filter(Boolean);
    show(byId('tip-crossborder'), Boolean(country) && route.some((c) => c !== country));
    this.referrals.refreshCrossBorder(country);
  }

  value(id) {
    const node = byId(id);
    return node && node.value !== EMPTY ? node.value : undefined;
  }

  /** A count as a number; anything else goes as typed, and the server names the field. */
  count(id) {
    const text = byId(id).value.trim();
    if (text === '') return undefined;
    const n = Number(text);
    return Number.isInteger(n) ? n : text;
  }

  collect() {
    const tip = { id: this.tipId, contactType: this.value('tip-contactType'), summary: this.value('tip-summary') };
    if (this.callId) tip.callId = this.callId;
    // The danger answers given during the call (guidance.js), whatever the contact type.
    Object.assign(tip, guidance.tipFields(this.callId));
    if (tip.contactType !== 'substantive') return tip;
    Object.assign(tip, {
      signal: this.value('tip-signal'),
      callerType: this.value('tip-callerType'),
      traffickingType: this.value('tip-traffickingType'),
      form: this.value('tip-form-kind'),
      recruitment: this.value('tip-recruitment'),
      control: [...this.form.querySelectorAll('input[name="control"]:checked')].map((c) => c.value),
      country: this.value('tip-country'),
      region: this.value('tip-region'),
      origin: this.value('tip-origin'),
      transit: this.value('tip-transit'),
      destination: this.value('tip-destination'),
      urgency: this.value('tip-urgency'),
      imminentDanger: byId('tip-imminentDanger').checked,
      consent: this.value('tip-consent'),
      lawEnforcement: this.value('tip-lawEnforcement'),
      referrals: this.referrals.forTip(),
    });
    const victims = {
      count: this.count('tip-victims-count'),
      female: this.count('tip-victims-female'),
      male: this.count('tip-victims-male'),
      otherGender: this.count('tip-victims-otherGender'),
    };
    if (byId('tip-victims-minors').checked) victims.minors = true;
    if (Object.values(victims).some((v) => v !== undefined)) tip.victims = victims;
    return tip;
  }

  async save() {
    if (this.saving || this.during) return;
    this.clearErrors();
    const callId = this.callId;
    this.saving = true;
    const button = byId('tip-save');
    button.disabled = true;
    setText(button, t('screen.tipform.saving'));
    try {
      await send('POST', '/api/tips', this.collect());
      this.saved(callId);
    } catch (e) {
      if (e.status === 409 && callId) {
        // The call's tip is already saved (another tab): there is nothing left to save here.
        this.close();
        this.notify(e.message);
      } else {
        this.fail(e);
      }
    } finally {
      this.saving = false;
      button.disabled = this.during;
      setText(button, t('screen.tipform.save-tip'));
    }
  }

  clearErrors() {
    clearFieldErrors(this.form, byId('tip-error'));
  }

  fail(e) {
    showFieldErrors(this.form, byId('tip-error'), e);
  }

  reset() {
    this.form.reset();
    this.fillRegions();
    this.clearErrors();
    show(this.details, false);
    this.referrals.clear();
    this.edited = false;
    setText(byId('tip-draft-status'), '');
    this.refreshCrossBorder();
  }

  close() {
    this.saver.stop();
    this.reset();
    this.callId = null;
    this.tipId = null;
    show(this.section, false);
    this.listeners.forEach((listener) => listener());
  }
}

/** Loads the choice lists once. */
export function loadTipOptions() {
  return getJson('/api/tip-options');
}
