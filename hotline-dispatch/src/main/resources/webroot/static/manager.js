// The manager's view: the live wallboard from the bus, the tips with filters, and one tip opened (the server
// writes an audit row for each opening).
import { getJson } from './api.js';
import { byId, el, fill, setText, show } from './dom.js';
import { connectBus, duration, language, serverNow, startPage, STATE_CODES, stateLabel, when } from './common.js';
import { mountLiveCalls } from './livecalls.js';
import { mountEscalations } from './escalations.js';
import { mountAlertThresholds, showAlerts } from './wallboardalerts.js';
import { mountCallbackSwitches } from './callbackswitches.js';
import { onward, t } from './i18n.js';

const session = await startPage(['manager', 'admin']);
const bus = connectBus(session);
let options = null;
let lastBoard = 0;

// --- Wallboard --------------------------------------------------------------------------------------------
function sum(counts) {
  return Object.values(counts || {}).reduce((a, b) => a + b, 0);
}

function showWallboard(board) {
  lastBoard = serverNow();
  showAlerts(byId('wb-alerts'), board);
  setText(byId('wb-waiting'), sum(board.waitingByLanguage));
  setText(byId('wb-emergency'), (board.waitingByPriority || {}).emergency || 0);
  setText(byId('wb-longest'), duration(board.longestWaitSeconds * 1000));
  setText(byId('wb-answered'), board.answeredToday);
  setText(byId('wb-abandoned'), board.abandonedToday);
  const waiting = board.waitingByLanguage || {};
  const available = board.operatorsByLanguage || {};
  const codes = session.languageNames.map((l) => l.code);
  fill(byId('wb-languages'), codes.map((code) => el('tr', { 'data-language': code },
    el('td', {}, language(code)),
    el('td', { class: 'number', text: waiting[code] || 0 }),
    el('td', { class: 'number', text: available[code] || 0 }))));
  fill(byId('wb-states'), STATE_CODES.filter((s) => s !== 'signed-out').map((state) =>
    el('tr', { 'data-state': state },
      el('td', { text: stateLabel(state) }),
      el('td', { class: 'number', text: (board.operatorsByState || {})[state] || 0 }))));
  // Wrap-up never ends on its own, so who is in it, and for how long, is on the board.
  fill(byId('wb-wrapups'), (board.wrapUps || []).map((w) => el('tr', { class: w.overSeconds > 0 ? 'over' : null },
    el('td', { text: w.name }),
    el('td', { class: 'number', text: duration(w.seconds * 1000) }),
    el('td', { class: 'number', text: w.overSeconds > 0 ? duration(w.overSeconds * 1000) : '' }))));
}

window.setInterval(() => {
  // The wallboard comes every second; say so when it stops, rather than show stale numbers as live.
  const age = lastBoard ? serverNow() - lastBoard : 0;
  setText(byId('wallboard-age'), age > 5000 ? t('screen.no-update-for', { duration: duration(age) }) : '');
}, 1000);

// --- Tips -------------------------------------------------------------------------------------------------
function label(list, code) {
  if (code === null || code === undefined) return '—';
  const found = (options && options[list] || []).find((c) => c.code === code);
  return found ? found.label : code;
}

function choiceFilter(name, list, text) {
  return el('label', {}, text, ' ', el('select', { name },
    el('option', { value: '', text: t('screen.manager.any') }),
    options[list].map((c) => el('option', { value: c.code, text: c.label }))));
}

function buildFilters() {
  const form = byId('tip-filters');
  fill(form,
    el('label', {}, `${t('screen.manager.from')} `, el('input', { type: 'date', name: 'from' })),
    el('label', {}, `${t('screen.manager.to')} `, el('input', { type: 'date', name: 'to' })),
    choiceFilter('signal', 'signals', t('screen.signal')),
    choiceFilter('traffickingType', 'traffickingTypes', t('screen.tipform.trafficking-type')),
    choiceFilter('country', 'countries', t('screen.country')),
    choiceFilter('urgency', 'urgencies', t('screen.urgency')),
    el('button', { type: 'submit', text: t('screen.manager.show-tips') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    loadTips();
  });
}

async function loadTips() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(byId('tip-filters'))) {
    if (value) params.set(name, value);
  }
  const status = byId('tips-status');
  setText(status, t('screen.manager.loading'));
  try {
    const tips = await getJson(`/api/tips?${params}`);
    setText(status, tips.length === 0 ? t('screen.manager.no-tips-match') : t('screen.tips-count', { count: tips.length }));
    fill(byId('tips'), tips.map((tip) => el('tr', { 'data-tip': tip.id },
      el('td', { text: when(tip.createdAt) }),
      el('td', { text: tip.operatorName || '' }),
      el('td', { text: label('contactTypes', tip.contactType) }),
      el('td', { text: label('signals', tip.signal) }),
      el('td', {}, label('countries', tip.country),
        tip.crossBorder ? el('span', { class: 'badge cross-border', text: t('screen.tipform.cross-border') }) : null),
      el('td', {}, label('urgencies', tip.urgency),
        tip.imminentDanger ? el('span', { class: 'badge danger', text: t('screen.tipform.imminent-danger') }) : null),
      el('td', { class: 'number', text: tip.referrals }),
      el('td', {}, el('button', { type: 'button', class: 'open-tip', text: t('screen.open'),
        onclick: () => openTip(tip.id) })))));
  } catch (e) {
    setText(status, e.message);
  }
}

function fact(term, ...value) {
  return [el('dt', { text: term }), el('dd', {}, ...value)];
}

async function openTip(id) {
  const body = byId('tip-detail-body');
  fill(body, el('p', { class: 'hint', text: t('screen.manager.opening') }));
  show(byId('tip-detail'));
  try {
    const tip = await getJson(`/api/tips/${encodeURIComponent(id)}`);
    const victims = tip.victims || {};
    fill(body,
      el('dl', { class: 'facts' },
        fact(t('screen.followup.recorded'), when(tip.createdAt)),
        fact(t('screen.tipform.contact-type'), label('contactTypes', tip.contactType)),
        fact(t('screen.signal'), label('signals', tip.signal)),
        fact(t('screen.tipform.caller'), label('callerTypes', tip.callerType)),
        fact(t('screen.tipform.trafficking-type'), label('traffickingTypes', tip.traffickingType)),
        fact(t('screen.manager.form'), label('forms', tip.form)),
        fact(t('screen.tipform.recruitment'), label('recruitments', tip.recruitment)),
        fact(t('screen.tipform.means-of-control'), (tip.control || []).map((c) => label('controls', c)).join(', ') || '—'),
        fact(t('screen.country'), label('countries', tip.country),
          tip.crossBorder ? el('span', { class: 'badge cross-border', text: t('screen.tipform.cross-border') }) : null),
        fact(t('screen.tipform.province-or-region'), tip.region ? labelRegion(tip.country, tip.region) : '—'),
        fact(t('screen.manager.origin-transit-destination'), [tip.origin, tip.transit, tip.destination]
          .map((c) => label('countries', c)).join(` ${onward()} `)),
        fact(t('screen.tipform.potential-victims'), victims.count === null || victims.count === undefined ? '—'
          : t(victims.minors ? 'screen.victims-with-minors' : 'screen.victims', { count: victims.count,
            female: victims.female ?? '—', male: victims.male ?? '—', other: victims.otherGender ?? '—' })),
        fact(t('screen.urgency'), label('urgencies', tip.urgency), tip.imminentDanger
          ? el('span', { class: 'badge danger', text: t('screen.tipform.imminent-danger') }) : null),
        fact(t('screen.consent'), label('consents', tip.consent)),
        // The danger assessment asked during the call (guidance), one entry per question asked.
        fact(t('screen.manager.danger-assessment'), Object.entries(tip.dangerAssessment || {}).map(([q, a]) =>
          `${label('dangerQuestions', q)}: ${label('dangerAnswers', a)}`).join('; ') || '—'),
        fact(t('screen.tipform.law-enforcement-report'), label('lawEnforcement', tip.lawEnforcement)),
        'summary' in tip ? fact(t('screen.followup.summary'), el('p', { class: 'summary', dir: 'auto', text: tip.summary || '—' }))
          : []),
      el('h3', { text: t('screen.referrals') }),
      el('p', {}, el('a', { class: 'follow-up-link', href: `/follow-up?tip=${encodeURIComponent(tip.id)}`,
        text: t('screen.manager.follow-up-change-referral-statuses-due') })),
      (tip.referrals || []).length === 0 ? el('p', { class: 'hint', text: t('screen.manager.none') })
        : el('table', { class: 'list' },
          el('thead', {}, el('tr', {}, [t('screen.partner'), t('screen.country'), t('screen.service'), t('screen.consent'), t('screen.status')]
            .map((h) => el('th', { scope: 'col', text: h })))),
          el('tbody', {}, tip.referrals.map((r) => el('tr', {},
            el('td', { text: r.partnerName }),
            el('td', {}, label('countries', r.partnerCountry),
              r.crossBorder ? el('span', { class: 'badge cross-border', text: t('screen.tipform.cross-border') }) : null),
            el('td', { text: label('referralServices', r.service) }),
            el('td', { text: r.consent ? t('screen.manager.yes') : t('screen.no') }),
            el('td', { text: label('referralStatuses', r.status) }))))));
    byId('tip-detail').scrollIntoView({ block: 'start' });
  } catch (e) {
    fill(body, el('p', { class: 'error', role: 'alert', text: e.message }));
  }
}

function labelRegion(country, code) {
  const found = ((options.regions || {})[country] || []).find((r) => r.code === code);
  return found ? found.label : code;
}

byId('tip-detail-close').addEventListener('click', () => show(byId('tip-detail'), false));

bus.register(session.addresses.wallboard, showWallboard);
mountLiveCalls(bus, session, byId('live'));
mountEscalations(bus, session, byId('escalations-board'));
mountAlertThresholds(byId('wallboard-alerts'));
mountCallbackSwitches(byId('callback-switches'));
bus.connect();
try {
  options = await getJson('/api/tip-options');
  buildFilters();
  await loadTips();
} catch (e) {
  setText(byId('tips-status'), t('screen.tips-not-loaded', { error: e.message }));
}
document.body.dataset.ready = 'true';
