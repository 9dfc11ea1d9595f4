// What both views share: the session, the header, language names in their own script and direction, live
// durations on the server's clock, and the labels of the codes dispatch sends.
import { getJson, signOut } from './api.js';
import { Bus } from './bus.js';
import { byId, el, fill, setText } from './dom.js';

export const PURPOSES = {
  danger: 'In danger now',
  report: 'Report a situation',
  help: 'Help for themselves',
  information: 'Information',
  unspecified: 'Not chosen',
};
export const PRIORITIES = { emergency: 'Emergency', normal: 'Normal' };
export const STATES = {
  'signed-out': 'Signed out',
  available: 'Available',
  offered: 'Call offered',
  'on-call': 'On a call',
  'wrap-up': 'Wrap-up',
  away: 'Away',
};

let serverOffset = 0;
let languageNames = new Map();
// The hotline's time zone, from the server's configuration (time-zone): every time on every page is shown in it.
let timeZone = 'UTC';
let timeFormat = null;

/** The pages each role can reach, in the order the navigation shows them. */
const PAGES = {
  operator: [['/operator', 'Calls'], ['/follow-up', 'My tips and referrals']],
  manager: [['/manager', 'Floor and tips'], ['/follow-up', 'Follow-up'], ['/duty-list', 'On-call list'],
    ['/hours', 'Opening hours'], ['/reports', 'Reports']],
  admin: [['/manager', 'Floor and tips'], ['/follow-up', 'Follow-up'], ['/duty-list', 'On-call list'],
    ['/hours', 'Opening hours'], ['/reports', 'Reports']],
};
const OVERDUE_EVERY_MS = 60_000;

/** Loads who is signed in, fills the header and wires sign-out. Sends people of another role home. */
export async function startPage(expectedRoles) {
  const session = await getJson('/api/session');
  if (!expectedRoles.includes(session.role)) {
    window.location.assign('/');
    throw new Error('wrong page for this role');
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
    setText(line, 'Connected');
    line.className = 'connection up';
  });
  bus.on('close', () => {
    setText(line, 'Reconnecting…');
    line.className = 'connection down';
    // A closed socket may mean the session ended: this answers 401 and goes to sign-in if so.
    getJson('/api/session').catch(() => undefined);
  });
  return bus;
}

/** A language as its own name, in its own script and direction, with the English name beside it. */
export function language(code) {
  const known = languageNames.get(code);
  if (!known) return el('span', { class: 'language', text: code || '—' });
  return el('span', { class: 'language' },
    el('span', { lang: code, dir: known.rtl ? 'rtl' : 'ltr', class: 'native', text: known.nativeName }),
    ' ', el('span', { class: 'english', text: `(${known.name})` }));
}

export function purpose(code) {
  return PURPOSES[code] || code || '—';
}

export function priority(code) {
  return el('span', { class: code === 'emergency' ? 'priority emergency' : 'priority',
    text: PRIORITIES[code] || code || '—' });
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
  const node = el('span', { class: 'clock', 'data-since': millis });
  setText(node, duration(serverNow() - millis));
  return node;
}

/** An element whose text counts down to `until` (server epoch millis). */
export function until(millis) {
  const node = el('span', { class: 'clock', 'data-until': millis });
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

/** An ISO instant as "2026-12-07 14:05" in the hotline's zone (24-hour); the page names the zone once. */
export function when(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (!timeFormat) useTimeZone(timeZone);
  const part = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

// --- The header: navigation to every page of the role, the zone, the overdue reminder ----------------------
function header(session) {
  const bar = document.querySelector('header.bar');
  if (!bar) return;
  const here = window.location.pathname;
  const nav = el('nav', { id: 'nav', 'aria-label': 'Pages' }, el('ul', {},
    (PAGES[session.role] || []).map(([href, text]) => el('li', {},
      el('a', { href, text, 'aria-current': href === here ? 'page' : null })))));
  const zoneLine = el('p', { id: 'time-zone', class: 'hint',
    text: `Times in ${timeZone} (${offsetOf(new Date())}), 24-hour` });
  const reminder = el('a', { id: 'overdue-reminder', class: 'reminder', href: '/follow-up#followup-title',
    hidden: true });
  bar.querySelector('h1').after(nav, zoneLine, reminder);
  refreshOverdue();
  window.setInterval(refreshOverdue, OVERDUE_EVERY_MS);
}

/** Asks how many of this person's referrals (a manager's: everyone's) are overdue, and says so in the header. */
export async function refreshOverdue() {
  const reminder = byId('overdue-reminder');
  if (!reminder) return;
  try {
    const { overdue } = await getJson('/api/follow-up/overdue');
    setText(reminder, overdue === 1 ? '1 referral overdue' : `${overdue} referrals overdue`);
    reminder.hidden = overdue === 0;
  } catch (e) {
    // The reminder stays as it was; the next minute asks again.
  }
}
