// The managers' page for opening hours and holidays (issue 16). The server checks everything (overlaps, an end
// not after its start, a past holiday) and answers every wrong field at once; each is marked beside its field and
// nothing is saved. Operators are refused by the server (403).
import { getJson, send } from './api.js';
import { byId, el, fill, setText, show } from './dom.js';
import { startPage } from './common.js';
import { clearFieldErrors, showFieldErrors } from './fielderrors.js';
import { t } from './i18n.js';

await startPage(['manager', 'admin']);

// Shown Saturday first, as the Afghan week runs; the API names days mon..sun.
const DAYS = [['sat', t('screen.hours.saturday')], ['sun', t('screen.hours.sunday')], ['mon', t('screen.hours.monday')], ['tue', t('screen.hours.tuesday')],
  ['wed', t('screen.hours.wednesday')], ['thu', t('screen.hours.thursday')], ['fri', t('screen.hours.friday')]];
const weekForm = byId('week-form');
const weekError = byId('week-error');
const weekStatus = byId('week-status');
const holidayForm = byId('holiday-form');
const holidayError = byId('holiday-error');
const holidayStatus = byId('holiday-status');
let week = {};
let holidayIntervals = [];

/**
 * An editable list of intervals: each row two HH:MM boxes and a Remove button, then "Add an interval". `path` names
 * the fields as the server does (week.mon, intervals), so a refusal finds its box.
 */
function intervalEditor(container, intervals, path, label) {
  const render = () => {
    const rows = intervals.map((interval, i) => {
      const box = (end) => {
        const input = el('input', { type: 'text', inputmode: 'numeric', placeholder: 'HH:MM', size: '5',
          maxlength: '5', class: `hours-${end}`, 'data-field': `${path}[${i}].${end}`,
          'aria-label': `${label}, interval ${i + 1}, ${end === 'from' ? 'opens' : 'closes'}` });
        input.value = interval[end] || '';
        input.addEventListener('input', () => { interval[end] = input.value.trim(); });
        return el('span', { class: 'field' }, input);
      };
      const remove = el('button', { type: 'button', class: 'quiet hours-remove', text: t('screen.referrals.remove'),
        'aria-label': `Remove ${label} interval ${i + 1}` });
      remove.addEventListener('click', () => { intervals.splice(i, 1); render(); });
      return el('p', { class: 'hours-interval', 'data-index': String(i) }, box('from'), ' to ', box('to'), ' ', remove);
    });
    const add = el('button', { type: 'button', class: 'quiet hours-add', text: t('screen.hours.add-an-interval'),
      'aria-label': t('screen.hours.add-interval-on', { day: label }) });
    add.addEventListener('click', () => {
      intervals.push({ from: '', to: '' });
      render();
      container.querySelector(`[data-index="${intervals.length - 1}"] .hours-from`).focus();
    });
    fill(container, [...rows, el('p', {}, add)]);
  };
  render();
}

function renderWeek() {
  fill(byId('week-days'), DAYS.map(([key, name]) => {
    week[key] = week[key] || [];
    const rows = el('div', { class: 'hours-rows' });
    const fieldset = el('fieldset', { id: `day-${key}`, 'data-field': `week.${key}` }, el('legend', { text: name }),
      rows);
    intervalEditor(rows, week[key], `week.${key}`, name);
    if (!week[key].length) rows.prepend(el('p', { class: 'hint hours-closed', text: t('screen.hours.closed-all-day') }));
    return fieldset;
  }));
}

function describe(intervals) {
  return intervals.length ? intervals.map((i) => `${i.from}–${i.to}`).join(', ') : t('screen.hours.closed-all-day-2');
}

function renderHolidays(holidays) {
  fill(byId('holiday-list'), holidays.length ? holidays.map((h) => {
    const remove = el('button', { type: 'button', class: 'quiet holiday-remove', text: t('screen.referrals.remove'),
      'aria-label': t('screen.hours.remove-holiday-on', { date: h.date }) });
    remove.addEventListener('click', () => removeHoliday(h.date));
    return el('tr', { 'data-date': h.date }, el('td', { class: 'holiday-date', text: h.date }),
      el('td', { class: 'holiday-hours', text: describe(h.intervals) }), el('td', {}, remove));
  }) : [el('tr', {}, el('td', { colspan: '3', class: 'hint', text: t('screen.hours.no-holiday-entered') }))]);
}

function showSchedule(schedule) {
  setText(byId('hours-zone'), schedule.zone);
  setText(byId('hours-mode'), schedule.week ? t('screen.hours.opening-hours-are-in-force')
    : t('screen.hours.no-opening-hours-are-set-the'));
  week = {};
  for (const [key] of DAYS) week[key] = schedule.week ? (schedule.week[key] || []).map((i) => ({ ...i })) : [];
  renderWeek();
  renderHolidays(schedule.holidays);
}

function resetHolidayForm() {
  byId('holiday-date').value = '';
  holidayIntervals = [];
  intervalEditor(byId('holiday-rows'), holidayIntervals, 'intervals', 'the holiday');
}

weekForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldErrors(weekForm, weekError);
  setText(weekStatus, t('screen.tipform.saving'));
  const body = { week: Object.fromEntries(DAYS.map(([key]) => [key, week[key].map((i) => ({ from: i.from, to: i.to }))])) };
  try {
    showSchedule(await send('POST', '/api/hours/week', body));
    setText(weekStatus, t('screen.hours.opening-hours-saved'));
  } catch (e) {
    setText(weekStatus, '');
    showFieldErrors(weekForm, weekError, e);
  }
});

byId('week-clear').addEventListener('click', async () => {
  clearFieldErrors(weekForm, weekError);
  try {
    showSchedule(await send('DELETE', '/api/hours/week'));
    setText(weekStatus, t('screen.hours.opening-hours-removed-open-around-the'));
  } catch (e) {
    showFieldErrors(weekForm, weekError, e);
  }
});

holidayForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldErrors(holidayForm, holidayError);
  setText(holidayStatus, t('screen.tipform.saving'));
  const date = byId('holiday-date').value.trim();
  try {
    showSchedule(await send('POST', '/api/hours/holidays',
      { date, intervals: holidayIntervals.map((i) => ({ from: i.from, to: i.to })) }));
    setText(holidayStatus, `Holiday ${date} saved.`);
    resetHolidayForm();
  } catch (e) {
    setText(holidayStatus, '');
    showFieldErrors(holidayForm, holidayError, e);
  }
});

async function removeHoliday(date) {
  try {
    showSchedule(await send('DELETE', `/api/hours/holidays/${encodeURIComponent(date)}`));
    setText(holidayStatus, `Holiday ${date} removed.`);
  } catch (e) {
    setText(holidayStatus, e.message);
  }
}

resetHolidayForm();
try {
  showSchedule(await getJson('/api/hours'));
} catch (e) {
  setText(weekError, t('screen.hours.not-loaded', { error: e.message }));
  show(weekError);
}
