// The tip form shown in wrap-up (or for a voice message). Every choice list comes from /api/tip-options, which
// reads the Java enums, so no list is written here. The tip's id is made when the form opens and kept across
// retries, so a double click or a retry saves one tip. A failed save keeps every input and says why.
import { ApiError, getJson, send } from './api.js';
import { byId, el, fill, setText, show } from './dom.js';
import { until } from './common.js';
import { guidance } from './guidance.js';

const EMPTY = '';

/** A random UUID (version 4); crypto.randomUUID needs a secure context, this does not. */
function uuid() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function labelOf(list, code) {
  const found = (list || []).find((c) => c.code === code);
  return found ? found.label : code;
}

function select(id, field, list, placeholder = '—') {
  return el('select', { id, 'data-field': field },
    el('option', { value: EMPTY, text: placeholder }),
    (list || []).map((c) => el('option', { value: c.code, text: c.label })));
}

function languageSelect(id, languages) {
  return el('select', { id },
    el('option', { value: EMPTY, text: 'Any language' }),
    languages.map((l) => el('option', { value: l.code, lang: l.code, dir: l.rightToLeft ? 'rtl' : 'ltr',
      text: `${l.nativeName} (${l.label})` })));
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
    this.section = byId('tip');
    this.form = byId('tip-form');
    this.callId = null;
    this.tipId = null;
    this.referrals = [];
    this.saving = false;
    this.dirty = false;
    this.build();
  }

  /** Whether a tip is open with input not yet saved. */
  hasUnsavedInput() {
    return !this.section.hidden && this.dirty;
  }

  /** Opens the form for a call (or a voice message); a form already open for it keeps its input. */
  open(callId, wrapUpUntil) {
    if (!this.section.hidden && this.callId === callId) {
      this.showWrapUp(wrapUpUntil);
      return;
    }
    if (this.hasUnsavedInput()) {
      this.notify('Save or discard the open tip first; then record this call.');
      return;
    }
    this.reset();
    this.callId = callId;
    this.tipId = uuid();
    this.showWrapUp(wrapUpUntil);
    show(this.section);
    byId('tip-contactType').focus();
  }

  showWrapUp(wrapUpUntil) {
    const line = byId('tip-wrapup');
    if (wrapUpUntil) fill(line, 'Wrap-up ends in ', until(wrapUpUntil), '. Your input stays here after that.');
    else fill(line, 'Recording a tip from a voice message.');
  }

  build() {
    const o = this.options;
    const controls = el('div', { class: 'checks', id: 'tip-control', 'data-field': 'control', role: 'group',
      'aria-label': 'Means of control' },
    o.controls.map((c) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'control', value: c.code }), ' ', c.label)));
    const country = select('tip-country', 'country', o.countries);
    const region = select('tip-region', 'region', []);
    country.addEventListener('change', () => {
      fill(region, el('option', { value: EMPTY, text: '—' }),
        (o.regions[country.value] || []).map((c) => el('option', { value: c.code, text: c.label })));
      this.refreshCrossBorder();
    });
    this.details = el('div', { id: 'tip-details' },
      el('fieldset', {}, el('legend', { text: 'The situation' }),
        row('Signal', select('tip-signal', 'signal', o.signals), 'Required for a substantive contact.'),
        row('Caller', select('tip-callerType', 'callerType', o.callerTypes)),
        row('Trafficking type', select('tip-traffickingType', 'traffickingType', o.traffickingTypes)),
        row('Form of exploitation', select('tip-form-kind', 'form', o.forms)),
        row('Recruitment', select('tip-recruitment', 'recruitment', o.recruitments)),
        el('div', { class: 'field' }, el('p', { class: 'label', text: 'Means of control' }), controls)),
      el('fieldset', {}, el('legend', { text: 'Place' }),
        row('Country', country),
        row('Province or region', region),
        row('Country of origin', select('tip-origin', 'origin', o.countries)),
        row('Transit country', select('tip-transit', 'transit', o.countries)),
        row('Destination country', select('tip-destination', 'destination', o.countries)),
        el('p', { id: 'tip-crossborder', class: 'badge cross-border', text: 'Cross-border', hidden: true })),
      el('fieldset', {}, el('legend', { text: 'Potential victims' }),
        row('How many', number('tip-victims-count', 'victims.count')),
        el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'tip-victims-minors' }),
          ' Minors among them'),
        row('Female', number('tip-victims-female', 'victims.female')),
        row('Male', number('tip-victims-male', 'victims.male')),
        row('Other gender', number('tip-victims-otherGender', 'victims.otherGender'))),
      el('fieldset', {}, el('legend', { text: 'Urgency and consent' }),
        row('Urgency', select('tip-urgency', 'urgency', o.urgencies), 'Required for a substantive contact.'),
        el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'tip-imminentDanger' }),
          ' Imminent danger'),
        row('Consent', select('tip-consent', 'consent', o.consents), 'Required for a substantive contact.'),
        row('Law-enforcement report', select('tip-lawEnforcement', 'lawEnforcement', o.lawEnforcement))),
      this.buildReferrals());
    for (const id of ['tip-origin', 'tip-transit', 'tip-destination']) {
      this.details.querySelector(`#${id}`).addEventListener('change', () => this.refreshCrossBorder());
    }
    const contact = select('tip-contactType', 'contactType', o.contactTypes, 'Choose…');
    contact.addEventListener('change', () => show(this.details, contact.value === 'substantive'));
    fill(this.form,
      el('p', { id: 'tip-error', class: 'error', role: 'alert', hidden: true }),
      el('fieldset', {}, el('legend', { text: 'Contact' }), row('Contact type', contact)),
      this.details,
      el('fieldset', {}, el('legend', { text: 'Summary' }),
        row('Summary (seen only by permitted roles)', el('textarea', { id: 'tip-summary', rows: '5',
          maxlength: String(o.limits.summaryMaxLength), 'data-field': 'summary', dir: 'auto' }))),
      el('div', { class: 'buttons' },
        el('button', { type: 'submit', id: 'tip-save', class: 'primary', text: 'Save tip' }),
        el('button', { type: 'button', id: 'tip-discard', class: 'quiet', text: 'Discard' })));
    show(this.details, false);
    this.form.addEventListener('input', () => { this.dirty = true; });
    this.form.addEventListener('change', () => { this.dirty = true; });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    byId('tip-discard').addEventListener('click', () => {
      if (!this.dirty || window.confirm('Discard this tip? What you entered will be lost.')) this.close();
    });
  }

  buildReferrals() {
    const o = this.options;
    this.results = el('ul', { id: 'partner-results', class: 'partners' });
    this.chosen = el('ul', { id: 'referrals', class: 'partners' });
    const search = el('button', { type: 'button', id: 'partner-search', text: 'Find partners' });
    search.addEventListener('click', () => this.searchPartners());
    return el('fieldset', { id: 'tip-referrals' }, el('legend', { text: 'Referrals' }),
      el('div', { class: 'filters' },
        row('Partner country', select('partner-country', null, o.countries, 'Any country')),
        row('Service', select('partner-service', null, o.referralServices, 'Any service')),
        row('Language', languageSelect('partner-language', o.languages)),
        search),
      el('p', { id: 'partner-status', class: 'hint', role: 'status' }),
      this.results,
      el('h3', { text: 'Referrals of this tip' }),
      this.chosen);
  }

  async searchPartners() {
    const params = new URLSearchParams();
    for (const [name, id] of [['country', 'partner-country'], ['service', 'partner-service'],
      ['language', 'partner-language']]) {
      const value = byId(id).value;
      if (value) params.set(name, value);
    }
    const status = byId('partner-status');
    setText(status, 'Searching…');
    try {
      const partners = await getJson(`/api/partners?${params}`);
      setText(status, partners.length === 0 ? 'No partner matches.' : `${partners.length} found.`);
      fill(this.results, partners.map((p) => this.partnerItem(p, byId('partner-service').value)));
    } catch (e) {
      setText(status, e.message);
    }
  }

  partnerItem(partner, wantedService) {
    const o = this.options;
    const services = el('select', { 'aria-label': `Service from ${partner.name}` },
      partner.services.map((code) => el('option', { value: code, text: labelOf(o.referralServices, code),
        selected: code === wantedService })));
    const add = el('button', { type: 'button', class: 'add-referral', text: 'Add referral' });
    add.addEventListener('click', () => this.addReferral(partner, services.value));
    return el('li', { class: 'partner', 'data-partner': partner.id },
      el('span', { class: 'partner-name', text: partner.name }), ' ',
      el('span', { class: 'hint', text: `${labelOf(o.countries, partner.country)}${partner.city ? `, ${partner.city}` : ''}` }),
      partner.servicesStatus === 'unconfirmed'
        ? el('span', { class: 'badge', text: 'services unconfirmed' }) : null,
      el('span', { class: 'languages' }, partner.languages.map((code) => {
        const l = o.languages.find((x) => x.code === code);
        return el('span', { lang: code, dir: l && l.rightToLeft ? 'rtl' : 'ltr', class: 'native',
          text: l ? l.nativeName : code });
      })),
      services, add);
  }

  addReferral(partner, service) {
    if (!service) return;
    if (this.referrals.some((r) => r.partner.id === partner.id && r.service === service)) {
      this.notify('This partner is already in the referrals for this service.');
      return;
    }
    const consent = el('input', { type: 'checkbox', class: 'referral-consent' });
    const referral = { partner, service, consent };
    const remove = el('button', { type: 'button', class: 'quiet', text: 'Remove' });
    const item = el('li', { class: 'referral', 'data-partner': partner.id },
      el('span', { class: 'partner-name', text: partner.name }), ' — ',
      el('span', { text: labelOf(this.options.referralServices, service) }), ' ',
      el('span', { class: 'badge cross-border referral-cross-border', text: 'Cross-border', hidden: true }),
      el('label', { class: 'check' }, consent, ' Caller consents'),
      remove);
    referral.item = item;
    remove.addEventListener('click', () => {
      this.referrals = this.referrals.filter((r) => r !== referral);
      item.remove();
      this.dirty = true;
    });
    this.referrals.push(referral);
    this.chosen.append(item);
    this.dirty = true;
    this.refreshCrossBorder();
  }

  /** Cross-border as the server derives it: another country than the situation's. */
  refreshCrossBorder() {
    const country = byId('tip-country').value;
    const route = ['tip-origin', 'tip-transit', 'tip-destination'].map((id) => byId(id).value).filter(Boolean);
    show(byId('tip-crossborder'), Boolean(country) && route.some((c) => c !== country));
    for (const r of this.referrals) {
      show(r.item.querySelector('.referral-cross-border'), Boolean(country) && r.partner.country !== country);
    }
  }

  value(id) {
    const node = byId(id);
    return node && node.value !== EMPTY ? node.value : undefined;
  }

  count(id) {
    const text = byId(id).value.trim();
    if (text === '') return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new ApiError(400, 'Counts must be whole numbers.', null);
    return n;
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
      referrals: this.referrals.map((r) => ({ partnerId: r.partner.id, service: r.service,
        consent: r.consent.checked })),
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
    if (this.saving) return;
    const error = byId('tip-error');
    show(error, false);
    for (const marked of this.form.querySelectorAll('[aria-invalid]')) marked.removeAttribute('aria-invalid');
    if (!this.value('tip-contactType')) {
      this.fail(new ApiError(400, 'Choose the contact type.', 'contactType'));
      return;
    }
    let tip;
    try {
      tip = this.collect();
    } catch (e) {
      this.fail(e);
      return;
    }
    this.saving = true;
    const button = byId('tip-save');
    button.disabled = true;
    setText(button, 'Saving…');
    try {
      await send('POST', '/api/tips', tip);
      guidance.tipSaved(tip.callId);
      this.notify('Tip saved.');
      this.close();
    } catch (e) {
      this.fail(e);
    } finally {
      this.saving = false;
      button.disabled = false;
      setText(button, 'Save tip');
    }
  }

  /** Shows why saving failed and points at the field; nothing typed is touched. */
  fail(e) {
    const error = byId('tip-error');
    setText(error, `Not saved: ${e.message}`);
    show(error);
    const field = e.field ? this.form.querySelector(`[data-field="${CSS.escape(e.field)}"]`) : null;
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    } else {
      error.scrollIntoView({ block: 'center' });
    }
  }

  reset() {
    this.form.reset();
    fill(byId('tip-region'), el('option', { value: EMPTY, text: '—' }));
    show(byId('tip-error'), false);
    show(this.details, false);
    fill(this.results);
    fill(this.chosen);
    setText(byId('partner-status'), '');
    this.referrals = [];
    this.dirty = false;
    this.refreshCrossBorder();
  }

  close() {
    this.reset();
    this.callId = null;
    this.tipId = null;
    show(this.section, false);
  }
}

/** Loads the choice lists once. */
export function loadTipOptions() {
  return getJson('/api/tip-options');
}
