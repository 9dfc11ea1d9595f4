// Follow-up: the open referrals of this person's tips (a manager's: everyone's), overdue first; their tips; one
// tip opened (audited by the server) with each referral's history and a form to move it along with a due date
// and a note; and the tip's addenda. The consent rule is the server's: this page shows its refusal as it comes.
import { ApiError, getJson, send } from './api.js';
import { byId, el, fill, setText, show } from './dom.js';
import { refreshOverdue, startPage, when } from './common.js';
import { onward, t } from './i18n.js';

const session = await startPage(['operator', 'manager', 'admin']);
const manages = session.role !== 'operator';
let options = null;
let openTipId = null;

function label(list, code) {
  if (code === null || code === undefined) return '—';
  const found = (options && options[list] || []).find((c) => c.code === code);
  return found ? found.label : code;
}

// --- Referrals to follow up ---------------------------------------------------------------------------------
async function loadReferrals() {
  const status = byId('followup-status');
  try {
    const list = await getJson('/api/follow-up');
    const rows = list.referrals;
    setText(status, rows.length === 0 ? t('screen.followup.no-open-referrals')
      : t('screen.followup.open-overdue', { open: rows.length, overdue: list.overdue, days: list.dueDays }));
    fill(byId('followup-referrals'), rows.map((r) => el('tr', { 'data-referral': r.id,
      class: r.overdue ? 'overdue' : null },
      el('td', {}, r.dueOn, r.dueSet ? null : el('span', { class: 'hint', text: ' (default)' }),
        r.overdue ? el('span', { class: 'overdue-flag', text: ` ${t('screen.followup.overdue')}` }) : null),
      el('td', { text: label('referralStatuses', r.status) }),
      el('td', { text: r.partnerName }),
      el('td', { text: label('referralServices', r.service) }),
      el('td', { text: consentText(r.consent, r.consentBasis) }),
      el('td', { text: `${when(r.tipCreatedAt)}${manages ? `, ${r.authorName}` : ''}` }),
      el('td', {}, el('button', { type: 'button', class: 'follow', text: t('screen.followup.follow-up'),
        onclick: () => openTip(r.tipId) })))));
  } catch (e) {
    setText(status, e.message);
  }
}

function consentText(consent, basis) {
  if (consent) return t('screen.manager.yes');
  return basis ? t('screen.no-with-basis', { basis: label('consentBases', basis) }) : t('screen.no');
}

// --- Tips ---------------------------------------------------------------------------------------------------
async function loadTips() {
  const status = byId('my-tips-status');
  try {
    const tips = await getJson('/api/tips?limit=50');
    setText(status, tips.length === 0 ? t('screen.followup.no-tips-yet') : t('screen.followup.the-latest', { count: tips.length }));
    fill(byId('my-tips'), tips.map((tip) => el('tr', { 'data-tip': tip.id },
      el('td', { text: when(tip.createdAt) }),
      el('td', { text: tip.operatorName || '' }),
      el('td', { text: label('signals', tip.signal) }),
      el('td', { text: label('countries', tip.country) }),
      el('td', { class: 'number', text: tip.referrals }),
      el('td', {}, el('button', { type: 'button', class: 'open-tip', text: t('screen.open'),
        onclick: () => openTip(tip.id) })))));
  } catch (e) {
    setText(status, e.message);
  }
}

// --- One tip: referrals with their change forms, and addenda --------------------------------------------------
async function openTip(id) {
  openTipId = id;
  const body = byId('tip-panel-body');
  fill(body, el('p', { class: 'hint', text: t('screen.manager.opening') }));
  fill(byId('tip-referrals'));
  fill(byId('addenda'));
  show(byId('tip-panel'));
  try {
    const tip = await getJson(`/api/tips/${encodeURIComponent(id)}`);
    fill(body, el('dl', { class: 'facts' },
      el('dt', { text: t('screen.followup.recorded') }), el('dd', { id: 'tip-recorded', text: when(tip.createdAt) }),
      el('dt', { text: t('screen.signal') }), el('dd', { text: label('signals', tip.signal) }),
      el('dt', { text: t('screen.country') }), el('dd', { text: label('countries', tip.country) }),
      el('dt', { text: t('screen.urgency') }), el('dd', {}, label('urgencies', tip.urgency), tip.imminentDanger
        ? el('span', { class: 'badge danger', text: t('screen.tipform.imminent-danger') }) : null),
      'summary' in tip ? [el('dt', { text: t('screen.followup.summary') }),
        el('dd', {}, el('p', { class: 'summary', dir: 'auto', text: tip.summary || '—' }))] : []));
    const referrals = tip.referrals || [];
    fill(byId('tip-referrals'), referrals.length === 0 ? el('p', { class: 'hint', text: t('screen.manager.none') })
      : referrals.map(referralCard));
    showAddenda(tip.addenda || []);
    byId('tip-panel').scrollIntoView({ block: 'start' });
  } catch (e) {
    fill(body, el('p', { class: 'error', role: 'alert', text: e.message }));
  }
}

function referralCard(r) {
  const next = (options.referralTransitions || {})[r.status] || [];
  const id = r.id;
  const card = el('div', { class: 'referral-card', 'data-referral': id },
    el('p', {}, el('strong', { text: r.partnerName }), ` — ${label('referralServices', r.service)}: `,
      el('span', { class: 'referral-status', text: label('referralStatuses', r.status) }),
      r.dueOn ? ` (due ${r.dueOn})` : null),
    el('p', { class: 'hint', text: `Caller's consent: ${consentText(r.consent, r.consentBasis)}` }),
    el('ol', { class: 'history' }, (r.history || []).map((h) => el('li', {},
      `${when(h.at)}: ${h.from ? `${label('referralStatuses', h.from)} ${onward()} ` : ''}${label('referralStatuses', h.to)}`,
      h.dueOn ? `, due ${h.dueOn}` : null,
      h.consentBasis ? `, without consent on the basis: ${label('consentBases', h.consentBasis)}` : null,
      h.note ? el('span', { class: 'note', dir: 'auto', text: ` — ${h.note}` }) : null))));
  if (next.length === 0) return card;
  const statusSelect = el('select', { id: `status-${id}`, name: 'status' },
    el('option', { value: r.status, text: t('screen.followup.no-change', { status: label('referralStatuses', r.status) }) }),
    next.map((code) => el('option', { value: code, text: label('referralStatuses', code) })));
  const due = el('input', { id: `due-${id}`, type: 'date', name: 'dueOn', value: r.dueOn || '' });
  const note = el('textarea', { id: `note-${id}`, name: 'note', rows: 2, maxlength: 1000, dir: 'auto' });
  const basis = r.consent || r.consentBasis ? null : el('select', { id: `basis-${id}`, name: 'consentBasis' },
    el('option', { value: '', text: t('screen.followup.none-the-caller-has-not-consented') }),
    (options.consentBases || []).map((c) => el('option', { value: c.code, text: c.label })));
  const error = el('p', { class: 'error', role: 'alert', id: `change-error-${id}` });
  card.append(el('div', { class: 'change' },
    el('div', { class: 'field' }, el('label', { for: `status-${id}`, text: t('screen.status') }), statusSelect),
    el('div', { class: 'field' }, el('label', { for: `due-${id}`, text: t('screen.followup.next-step-due') }), due),
    basis ? el('div', { class: 'field' }, el('label', { for: `basis-${id}`,
      text: t('screen.followup.basis-for-going-ahead-without-consent') }), basis) : null,
    el('div', { class: 'field wide' }, el('label', { for: `note-${id}`, text: t('screen.followup.note') }), note),
    el('button', { type: 'button', class: 'save-change', id: `save-${id}`, text: t('screen.followup.save-change'),
      onclick: () => saveChange(id, { status: statusSelect.value, dueOn: due.value || undefined,
        note: note.value.trim() || undefined, consentBasis: basis && basis.value ? basis.value : undefined },
      error) })), error);
  return card;
}

async function saveChange(id, change, error) {
  setText(error, '');
  try {
    await send('POST', `/api/referrals/${encodeURIComponent(id)}/status`, change);
    await Promise.all([openTip(openTipId), loadReferrals(), refreshOverdue()]);
  } catch (e) {
    setText(error, e instanceof ApiError ? e.message : String(e));
    if (e.field) {
      const field = byId(`${{ consentBasis: 'basis', dueOn: 'due', note: 'note', status: 'status' }[e.field]
        || 'status'}-${id}`);
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.focus();
      }
    }
  }
}

function showAddenda(addenda) {
  fill(byId('addenda'), addenda.map((a) => el('li', { 'data-addendum': a.id },
    el('span', { class: 'hint', text: `${when(a.at)}, ${a.authorName}: ` }),
    el('span', { dir: 'auto', class: 'addendum-text', text: a.text }))));
  if (addenda.length === 0) fill(byId('addenda'), el('li', { class: 'hint none', text: t('screen.followup.none-yet') }));
}

byId('addendum-add').addEventListener('click', async () => {
  const text = byId('addendum-text');
  const error = byId('addendum-error');
  setText(error, '');
  try {
    await send('POST', `/api/tips/${encodeURIComponent(openTipId)}/addenda`, { text: text.value });
    text.value = '';
    await openTip(openTipId);
  } catch (e) {
    setText(error, e.message);
  }
});
byId('tip-panel-close').addEventListener('click', () => show(byId('tip-panel'), false));

setText(byId('my-tips-title'), manages ? t('screen.followup.latest-tips') : t('screen.my-tips'));
try {
  options = await getJson('/api/tip-options');
  await Promise.all([loadReferrals(), loadTips()]);
  const asked = new URLSearchParams(window.location.search).get('tip');
  if (asked) await openTip(asked);
} catch (e) {
  setText(byId('followup-status'), t('screen.followup.not-loaded', { error: e.message }));
}
document.body.dataset.ready = 'true';
