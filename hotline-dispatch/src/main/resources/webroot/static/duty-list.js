// The managers' page for the on-call duty list (issue 16): people in paging order with their duty phones, saved
// as a whole (the server replaces the list and audits the save). Operators are refused by the server (403).
import { getJson, send } from './api.js';
import { byId, el, fill, setText } from './dom.js';
import { startPage } from './common.js';
import { t } from './i18n.js';

await startPage(['manager', 'admin']);
const body = byId('duty-people');
const status = byId('duty-status');
let people = [];

function input(person, field, label) {
  const box = el('input', { type: field === 'phone' ? 'tel' : 'text', class: `duty-${field}`, 'aria-label': label,
    maxlength: field === 'phone' ? '24' : '80', dir: 'auto' });
  box.value = person[field] || '';
  box.addEventListener('input', () => { person[field] = box.value; });
  return box;
}

function move(index, by) {
  const to = index + by;
  if (to < 0 || to >= people.length) return;
  [people[index], people[to]] = [people[to], people[index]];
  render();
}

function render() {
  fill(body, people.map((person, i) => {
    const up = el('button', { type: 'button', class: 'quiet duty-up', text: t('screen.duty-list.up'), disabled: i === 0 });
    const down = el('button', { type: 'button', class: 'quiet duty-down', text: t('screen.duty-list.down'),
      disabled: i === people.length - 1 });
    const remove = el('button', { type: 'button', class: 'quiet duty-remove', text: t('screen.referrals.remove') });
    up.addEventListener('click', () => move(i, -1));
    down.addEventListener('click', () => move(i, 1));
    remove.addEventListener('click', () => { people.splice(i, 1); render(); });
    return el('tr', { 'data-index': String(i) }, el('td', { class: 'number', text: String(i + 1) }),
      el('td', {}, input(person, 'name', t('screen.duty-list.name-of', { n: i + 1 }))),
      el('td', {}, input(person, 'phone', t('screen.duty-list.phone-of', { n: i + 1 }))),
      el('td', { class: 'buttons' }, up, down, remove));
  }));
}

byId('duty-add').addEventListener('click', () => { people.push({ name: '', phone: '' }); render(); });
byId('duty-save').addEventListener('click', async () => {
  setText(status, t('screen.tipform.saving'));
  try {
    const saved = await send('PUT', '/api/duty-list',
      { people: people.map((p) => ({ name: p.name, phone: p.phone })) });
    people = saved.people;
    render();
    setText(status, t('screen.duty-list.saved', { count: people.length }));
  } catch (e) {
    setText(status, e.message);
  }
});

try {
  people = (await getJson('/api/duty-list')).people;
  render();
  if (!people.length) setText(status, t('screen.duty-list.nobody-is-on-the-list-an'));
} catch (e) {
  setText(status, e.message);
}
