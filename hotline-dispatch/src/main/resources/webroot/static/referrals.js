// The referrals part of the tip form: find partners in the directory and add them, each with the caller's
// consent. A change calls changed(), so the draft is saved.
import { getJson } from './api.js';
import { byId, el, fill, setText, show } from './dom.js';
import { t } from './i18n.js';

function labelOf(list, code) {
  const found = (list || []).find((c) => c.code === code);
  return found ? found.label : code;
}

function select(id, list, placeholder) {
  return el('select', { id }, el('option', { value: '', text: placeholder }),
    (list || []).map((c) => el('option', { value: c.code, text: c.label })));
}

function languageSelect(id, languages) {
  return el('select', { id },
    el('option', { value: '', text: t('screen.referrals.any-language') }),
    languages.map((l) => el('option', { value: l.code, lang: l.code, dir: l.rightToLeft ? 'rtl' : 'ltr',
      text: `${l.nativeName} (${l.label})` })));
}

function row(labelText, control) {
  return el('div', { class: 'field' }, el('label', { for: control.id, text: labelText }), control);
}

export class Referrals {
  constructor(options, notify, changed) {
    this.options = options;
    this.notify = notify;
    this.changed = changed;
    this.items = [];
  }

  /** The fieldset, folded away until needed so the form stays short during a call. */
  build() {
    const o = this.options;
    this.results = el('ul', { id: 'partner-results', class: 'partners' });
    this.chosen = el('ul', { id: 'referrals', class: 'partners' });
    const search = el('button', { type: 'button', id: 'partner-search', text: t('screen.referrals.find-partners') });
    search.addEventListener('click', () => this.search());
    return el('details', { id: 'tip-referrals', 'data-field': 'referrals' }, el('summary', { text: t('screen.referrals') }),
      el('div', { class: 'filters' },
        row(t('screen.referrals.partner-country'), select('partner-country', o.countries, t('screen.referrals.any-country'))),
        row(t('screen.service'), select('partner-service', o.referralServices, t('screen.referrals.any-service'))),
        row(t('screen.language'), languageSelect('partner-language', o.languages)),
        search),
      el('p', { id: 'partner-status', class: 'hint', role: 'status' }),
      this.results,
      el('h3', { text: t('screen.referrals.referrals-of-this-tip') }),
      this.chosen);
  }

  async search() {
    const params = new URLSearchParams();
    for (const [name, id] of [['country', 'partner-country'], ['service', 'partner-service'],
      ['language', 'partner-language']]) {
      const value = byId(id).value;
      if (value) params.set(name, value);
    }
    const status = byId('partner-status');
    setText(status, t('screen.referrals.searching'));
    try {
      const partners = await getJson(`/api/partners?${params}`);
      setText(status, partners.length === 0 ? t('screen.referrals.no-partner-matches') : `${partners.length} found.`);
      fill(this.results, partners.map((p) => this.partnerItem(p, byId('partner-service').value)));
    } catch (e) {
      setText(status, e.message);
    }
  }

  partnerItem(partner, wantedService) {
    const o = this.options;
    const services = el('select', { 'aria-label': t('screen.referrals.service-from', { partner: partner.name }) },
      partner.services.map((code) => el('option', { value: code, text: labelOf(o.referralServices, code),
        selected: code === wantedService })));
    const add = el('button', { type: 'button', class: 'add-referral', text: t('screen.referrals.add-referral') });
    add.addEventListener('click', () => this.add(partner, services.value, false));
    return el('li', { class: 'partner', 'data-partner': partner.id },
      el('span', { class: 'partner-name', text: partner.name }), ' ',
      el('span', { class: 'hint', text: `${labelOf(o.countries, partner.country)}${partner.city ? `, ${partner.city}` : ''}` }),
      partner.servicesStatus === 'unconfirmed'
        ? el('span', { class: 'badge', text: 'services unconfirmed' }) : null,
      el('span', { class: 'languages' }, (partner.languages || []).map((code) => {
        const l = o.languages.find((x) => x.code === code);
        return el('span', { lang: code, dir: l && l.rightToLeft ? 'rtl' : 'ltr', class: 'native',
          text: l ? l.nativeName : code });
      })),
      services, add);
  }

  /** Adds a referral (from a search, or back from a draft). */
  add(partner, service, consented) {
    if (!service) return;
    if (this.items.some((r) => r.partner.id === partner.id && r.service === service)) {
      this.notify(t('screen.referrals.this-partner-is-already-in-the'));
      return;
    }
    const consent = el('input', { type: 'checkbox', class: 'referral-consent' });
    consent.checked = Boolean(consented);
    const referral = { partner, service, consent };
    const remove = el('button', { type: 'button', class: 'quiet', text: t('screen.referrals.remove') });
    const item = el('li', { class: 'referral', 'data-partner': partner.id },
      el('span', { class: 'partner-name', text: partner.name }), ' — ',
      el('span', { text: labelOf(this.options.referralServices, service) }), ' ',
      el('span', { class: 'badge cross-border referral-cross-border', text: t('screen.tipform.cross-border'), hidden: true }),
      el('label', { class: 'check' }, consent, ` ${t('screen.referrals.caller-consents')}`),
      remove);
    referral.item = item;
    remove.addEventListener('click', () => {
      this.items = this.items.filter((r) => r !== referral);
      item.remove();
      this.changed();
    });
    this.items.push(referral);
    this.chosen.append(item);
    byId('tip-referrals').open = true;
    this.refreshCrossBorder(byId('tip-country').value);
    this.changed();
  }

  refreshCrossBorder(country) {
    for (const r of this.items) {
      show(r.item.querySelector('.referral-cross-border'), Boolean(country) && r.partner.country !== country);
    }
  }

  /** For the tip: partner, service and consent. */
  forTip() {
    return this.items.map((r) => ({ partnerId: r.partner.id, service: r.service, consent: r.consent.checked }));
  }

  /** For the draft: enough of the partner to show it again. */
  forDraft() {
    return this.items.map((r) => ({ partner: { id: r.partner.id, name: r.partner.name, country: r.partner.country },
      service: r.service, consent: r.consent.checked }));
  }

  clear() {
    fill(this.results);
    fill(this.chosen);
    setText(byId('partner-status'), '');
    this.items = [];
  }
}
