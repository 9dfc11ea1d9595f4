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

/** Loads who is signed in, fills the header and wires sign-out. Sends people of another role home. */
export async function startPage(expectedRoles) {
  const session = await getJson('/api/session');
  if (!expectedRoles.includes(session.role)) {
    window.location.assign('/');
    throw new Error('wrong page for this role');
  }
  serverOffset = session.serverTime - Date.now();
  languageNames = new Map(session.languageNames.map((l) => [l.code, l]));
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

/** A readable local time for an ISO instant. */
export function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}
