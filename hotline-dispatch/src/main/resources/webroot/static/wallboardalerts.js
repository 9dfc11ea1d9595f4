// Wallboard alerts (issue 16): the thresholds a manager sets (stored and audited on the server), and the alerts
// routing raises on the live wallboard when one is crossed, shown in red and sounded when a new one appears.
import { ApiError, getJson, send } from './api.js';
import { el, fill, setText, show } from './dom.js';
import { duration } from './common.js';
import { beep, prepareSound } from './alert.js';
import { t } from './i18n.js';

const FIELDS = [
  ['serviceLevelBelow', 'wa-service-level', t('screen.wallboardalerts.alert-when-today-s-service-level')],
  ['longestWaitOver', 'wa-longest-wait', t('screen.wallboardalerts.alert-when-the-longest-wait-is')],
  ['emergenciesWaiting', 'wa-emergencies', t('screen.wallboardalerts.alert-when-this-many-emergencies-or')],
];

function describe(alert) {
  switch (alert.kind) {
    case 'service-level': return t('screen.alert.service-level', { value: alert.value, threshold: alert.threshold });
    case 'longest-wait': return t('screen.alert.longest-wait', { value: duration(alert.value * 1000),
      threshold: duration(alert.threshold * 1000) });
    case 'emergencies-waiting': return t('screen.alert.emergencies-waiting', { value: alert.value, threshold: alert.threshold });
    default: return alert.kind;
  }
}

let raised = new Set();
let boardsSinceBeep = 0;
// Boards come every second: while an alert stands, it sounds again every ten seconds.
const REMIND_EVERY = 10;

/** Shows the board's alerts; sounds when a new kind appears, then again now and then while any stands. */
export function showAlerts(list, board) {
  const alerts = board.alerts || [];
  fill(list, alerts.map((a) => el('li', { 'data-kind': a.kind, text: describe(a) })));
  show(list, alerts.length > 0);
  document.body.classList.toggle('wallboard-alerting', alerts.length > 0);
  const now = new Set(alerts.map((a) => a.kind));
  boardsSinceBeep += 1;
  if ([...now].some((kind) => !raised.has(kind)) || (now.size > 0 && boardsSinceBeep >= REMIND_EVERY)) {
    beep();
    boardsSinceBeep = 0;
  }
  raised = now;
}

/** The thresholds form, filled from the server; a refusal marks the field it names. */
export async function mountAlertThresholds(section) {
  prepareSound();
  const inputs = {};
  const error = el('p', { id: 'wa-error', class: 'error', role: 'alert', hidden: true });
  const saved = el('p', { id: 'wa-saved', class: 'hint', role: 'status' });
  const form = el('form', { id: 'wa-form' },
    ...FIELDS.map(([name, id, label]) => {
      inputs[name] = el('input', { id, name, type: 'number', inputmode: 'numeric' });
      return el('p', {}, el('label', { for: id, text: `${label} ` }), inputs[name]);
    }),
    el('button', { type: 'submit', id: 'wa-save', text: t('screen.wallboardalerts.save-thresholds') }), error, saved);
  fill(section, [el('h2', { id: 'wa-title', text: t('screen.wallboardalerts.wallboard-alerts') }),
    el('p', { class: 'hint', text: t('screen.wallboardalerts.leave-a-field-empty-for-no') }),
    form]);
  const load = (thresholds) => FIELDS.forEach(([name]) => { inputs[name].value = thresholds[name] ?? ''; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(error, false);
    setText(saved, '');
    Object.values(inputs).forEach((input) => input.removeAttribute('aria-invalid'));
    const body = {};
    FIELDS.forEach(([name]) => {
      const text = inputs[name].value.trim();
      body[name] = text === '' ? null : (Number.isFinite(Number(text)) ? Number(text) : text);
    });
    try {
      load(await send('POST', '/api/wallboard/alerts', body));
      setText(saved, t('screen.wallboardalerts.thresholds-saved'));
    } catch (e) {
      setText(error, t('screen.not-saved', { error: e.message }));
      show(error);
      if (e instanceof ApiError && e.field && inputs[e.field]) inputs[e.field].setAttribute('aria-invalid', 'true');
    }
  });
  try {
    load(await getJson('/api/wallboard/alerts'));
  } catch (e) {
    setText(error, t('screen.thresholds-not-loaded', { error: e.message }));
    show(error);
  }
}
