// What both views share: the session, the header, language names in their own script and direction, live
// durations on the server's clock, and the labels of the codes dispatch sends (looked up in the screen's
// language at the moment they are shown, never at import, before the language is loaded).
import { getJson, send, signOut } from './api.js';
import { Bus } from './bus.js';
import { byId, el, fill, setText } from './dom.js';
import { current, t, useLanguage } from './i18n.js';

/** The label of a call purpose, call priority or operator state code, in the screen's language. */
export const PURPOSE_CODES = ['danger', 'report', 'help', 'information', 'unspecified'];
export const STATE_CODES = ['signed-out', 'available', 'offered', 'on-call', 'wrap-up', 'away'];
export function stateLabel(code) {
  return STATE_CODES.includes(code) ? t(`screen.state.${code}`) : code;
}

let serverOffset = 0;
let languageNames = new Map();
// The hotline's time zone, from the server's configuration (time-zone): every time on every page is shown in it.
let timeZone = 'UTC';
let timeFormat = null;

/** The pages each role can reach, in the order the navigation shows them. */
// Each is [path, bundle key of its name]: a new page is one row here and one key in en.json.
const MANAGER_PAGES = [['/manager', 'screen.nav.manager'], ['/follow-up', 'screen.nav.follow-up'],
  ['/duty-list', 'screen.nav.duty-list'], ['/hours', 'screen.nav.hours'], ['/reports', 'screen.nav.reports'],
  ['/translations', 'screen.nav.translations']];
const PAGES = {
  operator: [['/operator', 'screen.nav.operator'], ['/follow-up', 'screen.nav.my-follow-up']],
  manager: MANAGER_PAGES,
  // People administration is the admins' alone.
  admin: [...MANAGER_PAGES, ['/people', 'screen.nav.people']],
};
const OVERDUE_EVERY_MS = 60_000;

/** Loads who is signed in, fills the header and wires sign-out. Sends people of another role home. */
export async function startPage(expectedRoles) {
  const session = await getJson('/api/session');
  if (!expectedRoles.includes(session.role)) {
    window.location.assign('/');
    throw new Error('wrong page for this role');
  }
  if (session.interfaceLanguage && session.interfaceLanguage !== current().language) {
    await useLanguage(session.interfaceLanguage);
  }
  serverOffset = session.serverTime - Date.now();
  languageNames = new Map(session.languageNames.map((l) => [l.code, l]));
  useTimeZone(session.timeZone || 'UTC');
  header(session);
  setText(byId('who-name'), session.displayName);
  const spoken = byId('who-languages');
  if (spoken) fill(spoken, session.languages.map((code) => language(code)));
  byId('signout').addEventListener('click', () => signOut());
  return session;
}

/** The bridge connection, with the connection line in the header kept up to date. */
export function connectBus(session) {
  const bus = new Bus(session.bridge, session.pingMillis);
  const line = byId('connection');
  bus.on('open', () => {
    setText(line, t('screen.connected'));
    line.className = 'connection up';
  });
  bus.on('close', () => {
    setText(line, t('screen.reconnecting'));
    line.className = 'connection down';
    // A closed socket may mean the session ended: this answers 401 and goes to sign-in if so.
    getJson('/api/session').catch(() => undefined);
  });
  return bus;
}

/** A language as its own name, in its own script and direction, with its name in the screen's language beside it. */
export function language(code) {
  const known = languageNames.get(code);
  if (!known) return el('span', { class: 'language', text: code || '—' });
  return el('span', { class: 'language' },
    el('span', { lang: code, dir: known.rtl ? 'rtl' : 'ltr', class: 'native', text: known.nativeName }),
    ' ', el('span', { class: 'english', text: `(${t(`language.${code}`) || known.name})` }));
}

export function purpose(code) {
  return PURPOSE_CODES.includes(code) ? t(`screen.purpose.${code}`) : code || '—';
}

export function priority(code) {
  const known = code === 'emergency' || code === 'normal';
  return el('span', { class: code === 'emergency' ? 'priority emergency' : 'priority',
    text: known ? t(`screen.priority.${code}`) : code || '—' });
}

/** The server's clock now, in epoch milliseconds. */
export function serverNow() {
  return Date.now() + serverOffset;
}

/** 75 000 ms as "1:15", 3 725 000 ms as "1:02:05". */
export function duration(millis) {
  const total = Math.max(0, Math.floor(millis / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** An element whose text counts up from `since` (server epoch millis), refreshed every second. */
export function since(millis) {
  const node = el('bdi', { class: 'clock', dir: 'ltr', 'data-since': millis });
  setText(node, duration(serverNow() - millis));
  return node;
}

/** An element whose text counts down to `until` (server epoch millis). */
export function until(millis) {
  const node = el('bdi', { class: 'clock', dir: 'ltr', 'data-until': millis });
  setText(node, duration(millis - serverNow()));
  return node;
}

window.setInterval(() => {
  const now = serverNow();
  for (const node of document.querySelectorAll('[data-since]')) {
    setText(node, duration(now - Number(node.dataset.since)));
  }
  for (const node of document.querySelectorAll('[data-until]')) {
    setText(node, duration(Number(node.dataset.until) - now));
  }
}, 1000);

// --- One time rule: the hotline's zone, 24-hour, the zone named once per page ------------------------------
function useTimeZone(zone) {
  timeZone = zone;
  timeFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** The hotline's time zone, e.g. "Asia/Kabul". */
export function zone() {
  return timeZone;
}

/** The zone's offset from UTC at `date`, e.g. "UTC+4:30". */
function offsetOf(date) {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(date).find((p) => p.type === 'timeZoneName');
  return name ? name.value.replace('GMT', 'UTC').replace(/^UTC$/, 'UTC+0') : '';
}

/** Languages whose people read solar Hijri dates, as the server's UiLanguage says (Dari and Pashto). */
const SOLAR_HIJRI = { prs: 'fa-AF', ps: 'ps-AF' };

/**
 * An ISO instant in the hotline's zone (24-hour); the page names the zone once. Gregorian "2026-12-07 14:05",
 * or for Dari and Pashto the solar Hijri date with Afghanistan's month names, "16 قوس 1405 14:05" (the
 * browser's ICU Persian calendar: fa-AF and ps-AF carry the Afghan names, Hamal, Sawr ... and وری, غویی ...).
 * The one place every page formats a date.
 */
export function when(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (!timeFormat) useTimeZone(timeZone);
  const part = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  const time = `${part.hour}:${part.minute}`;
  const solar = SOLAR_HIJRI[current().language];
  if (solar) {
    const hijri = Object.fromEntries(new Intl.DateTimeFormat(`${solar}-u-ca-persian-nu-latn`, {
      timeZone, year: 'numeric', month: 'long', day: 'numeric' }).formatToParts(date).map((p) => [p.type, p.value]));
    return `${hijri.day} ${hijri.month} ${hijri.year} ${time}`;
  }
  return `${part.year}-${part.month}-${part.day} ${time}`;
}

// --- The header: navigation to every page of the role, the zone, the overdue reminder ----------------------
function header(session) {
  const bar = document.querySelector('header.bar');
  if (!bar) return;
  const here = window.location.pathname;
  const nav = el('nav', { id: 'nav', 'aria-label': t('screen.nav.label') }, el('ul', {},
    (PAGES[session.role] || []).map(([href, key]) => el('li', {},
      el('a', { href, text: t(key), 'aria-current': href === here ? 'page' : null })))));
  // The zone's name and offset are Latin codes: isolated, so "UTC+4:30" never turns round in a right-to-left line.
  const zoneLine = el('p', { id: 'time-zone', class: 'hint' }, t('screen.times-in'), ' ',
    el('bdi', { dir: 'ltr', text: `${timeZone} (${offsetOf(new Date())})` }), t('screen.times-24-hour'));
  const reminder = el('a', { id: 'overdue-reminder', class: 'reminder', href: '/follow-up#followup-title',
    hidden: true });
  bar.querySelector('h1').after(nav, zoneLine, reminder);
  bar.querySelector('#signout').before(languagePicker(session));
  refreshOverdue();
  window.setInterval(refreshOverdue, OVERDUE_EVERY_MS);
}

/** Asks how many of this person's referrals (a manager's: everyone's) are overdue, and says so in the header. */
export async function refreshOverdue() {
  const reminder = byId('overdue-reminder');
  if (!reminder) return;
  try {
    const { overdue } = await getJson('/api/follow-up/overdue');
    setText(reminder, t('screen.referrals-overdue', { count: overdue }));
    reminder.hidden = overdue === 0;
  } catch (e) {
    // The reminder stays as it was; the next minute asks again.
  }
}

/** The header's choice of screen language: each in its own name and direction; a choice is stored and reloads. */
function languagePicker(session) {
  const select = el('select', { id: 'ui-language', 'aria-label': t('screen.interface-language') },
    (session.interfaceLanguages || []).map((l) => el('option', { value: l.code, lang: l.code, dir: l.dir,
      text: l.nativeName, selected: l.code === current().language ? true : null })));
  select.value = current().language;
  select.addEventListener('change', async () => {
    try {
      await send('PUT', '/api/me/language', { language: select.value });
      window.location.reload();
    } catch (e) {
      select.value = current().language;
    }
  });
  return el('label', { class: 'ui-language' }, el('span', { class: 'visually-hidden',
    text: t('screen.interface-language') }), select);
}
