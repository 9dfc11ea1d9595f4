// The admins' page for people (issue 19): the list, adding a person, editing their profile, their role, a new
// password, disabling and enabling. The server checks every field and answers every wrong one at once; each is
// marked beside its field. A password made by the server is shown once, here, and never again.
import { getJson, send } from './api.js';
import { byId, el, fill, setText, show } from './dom.js';
import { language, startPage } from './common.js';
import { clearFieldErrors, showFieldErrors } from './fielderrors.js';
import { t } from './i18n.js';

const session = await startPage(['admin']);
const ROLES = ['operator', 'manager', 'admin'];
const LANGUAGES = session.languageNames.map((l) => l.code);
const list = byId('people-list');
const status = byId('people-status');
const editSection = byId('person-edit');
const editStatus = byId('person-edit-status');
let people = [];
let editing = null;

function roleName(code) {
  return t(`screen.people.role-${code}`);
}

function fillRoles(select) {
  fill(select, ROLES.map((code) => el('option', { value: code, text: roleName(code) })));
}

/** One checkbox per caller language, named `${prefix}-lang-${code}`. */
function fillLanguages(container, prefix) {
  fill(container, LANGUAGES.map((code) => el('label', { class: 'choice' },
    el('input', { type: 'checkbox', id: `${prefix}-lang-${code}`, value: code }), ' ', language(code))));
}

function checkedLanguages(container) {
  return [...container.querySelectorAll('input:checked')].map((box) => box.value);
}

function yesNo(value) {
  return value ? t('screen.people.yes') : t('screen.people.no');
}

function render() {
  fill(list, people.map((person) => {
    const edit = el('button', { type: 'button', class: 'quiet person-edit', text: t('screen.people.edit'),
      'aria-label': t('screen.people.edit-named', { name: person.username }) });
    edit.addEventListener('click', () => open(person));
    return el('tr', { 'data-username': person.username, class: person.enabled ? null : 'disabled' },
      el('td', { dir: 'ltr', text: person.username }),
      el('td', { dir: 'auto', text: person.displayName }),
      el('td', { class: 'person-role', text: roleName(person.role) }),
      el('td', { class: 'person-languages' }, person.languages.map((code) => language(code)).join(', ')),
      el('td', { text: yesNo(person.interpreter) }),
      el('td', { dir: 'ltr', text: person.endpoint || '' }),
      el('td', { class: 'person-enabled', text: yesNo(person.enabled) }),
      el('td', { text: person.interfaceLanguage || 'en' }),
      el('td', { class: 'buttons' }, edit));
  }));
}

async function reload() {
  people = (await getJson('/api/people')).people;
  render();
}

function showPassword(password) {
  if (!password) return;
  byId('made-password-value').value = password;
  byId('made-password-value').textContent = password;
  show(byId('made-password'));
  byId('made-password-done').focus();
}

byId('made-password-done').addEventListener('click', () => {
  setText(byId('made-password-value'), '');
  show(byId('made-password'), false);
});

function open(person) {
  editing = person;
  setText(byId('person-edit-title'), t('screen.people.edit-title', { name: person.username }));
  byId('edit-display-name').value = person.displayName;
  for (const code of LANGUAGES) byId(`edit-lang-${code}`).checked = person.languages.includes(code);
  byId('edit-interpreter').checked = person.interpreter;
  byId('edit-endpoint').value = person.endpoint || '';
  byId('edit-role').value = person.role;
  byId('reset-password').value = '';
  show(byId('person-disable'), person.enabled);
  show(byId('person-enable'), !person.enabled);
  setText(editStatus, '');
  for (const id of ['person-edit-form', 'person-role-form', 'person-password-form']) {
    clearFieldErrors(byId(id), byId(id.replace('-form', '-error')));
  }
  show(editSection);
  byId('edit-display-name').focus();
}

/** Sends one change from the edit section; refusals are marked beside their fields in `formId`. */
async function change(formId, method, url, body, done) {
  const form = formId && byId(formId);
  const summary = formId && byId(formId.replace('-form', '-error'));
  if (form) clearFieldErrors(form, summary);
  setText(editStatus, t('screen.people.saving'));
  try {
    const answer = await send(method, url, body);
    setText(editStatus, done);
    await reload();
    const fresh = people.find((p) => p.id === editing.id);
    if (fresh) { editing = fresh; show(byId('person-disable'), fresh.enabled); show(byId('person-enable'), !fresh.enabled); }
    showPassword(answer && answer.password);
  } catch (e) {
    setText(editStatus, '');
    if (form) showFieldErrors(form, summary, e);
    else setText(editStatus, e.message);
  }
}

byId('person-edit-form').addEventListener('submit', (event) => {
  event.preventDefault();
  change('person-edit-form', 'POST', `/api/people/${encodeURIComponent(editing.id)}`, {
    displayName: byId('edit-display-name').value, languages: checkedLanguages(byId('edit-languages')),
    interpreter: byId('edit-interpreter').checked, endpoint: byId('edit-endpoint').value,
  }, t('screen.people.saved'));
});
byId('person-role-form').addEventListener('submit', (event) => {
  event.preventDefault();
  change('person-role-form', 'POST', `/api/people/${encodeURIComponent(editing.id)}/role`,
    { role: byId('edit-role').value }, t('screen.people.role-changed'));
});
byId('person-password-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const password = byId('reset-password').value;
  byId('reset-password').value = '';
  change('person-password-form', 'POST', `/api/people/${encodeURIComponent(editing.id)}/password`,
    { password }, t('screen.people.password-reset'));
});
byId('person-disable').addEventListener('click', () => change(null, 'POST',
  `/api/people/${encodeURIComponent(editing.id)}/disable`, {}, t('screen.people.disabled')));
byId('person-enable').addEventListener('click', () => change(null, 'POST',
  `/api/people/${encodeURIComponent(editing.id)}/enable`, {}, t('screen.people.enabled-again')));
byId('person-close').addEventListener('click', () => { show(editSection, false); editing = null; });

const addForm = byId('person-add-form');
const addError = byId('person-add-error');
addForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldErrors(addForm, addError);
  const password = byId('add-password').value;
  byId('add-password').value = '';
  try {
    const answer = await send('POST', '/api/people', {
      username: byId('add-username').value, displayName: byId('add-display-name').value,
      role: byId('add-role').value, languages: checkedLanguages(byId('add-languages')),
      interpreter: byId('add-interpreter').checked, endpoint: byId('add-endpoint').value, password,
    });
    addForm.reset();
    setText(status, t('screen.people.added', { name: answer.person.username }));
    await reload();
    showPassword(answer.password);
  } catch (e) {
    showFieldErrors(addForm, addError, e);
  }
});

fillRoles(byId('add-role'));
fillRoles(byId('edit-role'));
fillLanguages(byId('add-languages'), 'add');
fillLanguages(byId('edit-languages'), 'edit');
try {
  await reload();
} catch (e) {
  setText(status, e.message);
}
