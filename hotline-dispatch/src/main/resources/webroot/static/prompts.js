// The prompt studio (issue 17), for managers: coverage per language, every prompt with its text, what callers hear,
// its audio and review state; uploads, reviews by a second native speaker, and studio PINs for recording by phone.
import { getJson, send, upload } from './api.js';
import { byId, el, fill, setText } from './dom.js';
import { startPage } from './common.js';
import { TEXT } from './prompts-text.js';

const STATUSES = ['approved', 'recorded', 'placeholder', 'stale'];
const session = await startPage(['manager', 'admin']);
let data = null;

setText(byId('nav-back'), TEXT.back);
setText(byId('signout'), TEXT.signOut);
setText(byId('coverage-title'), TEXT.coverageTitle);
setText(byId('coverage-hint'), TEXT.coverageHint);
setText(byId('pin-title'), TEXT.pinTitle);
setText(byId('prompts-title'), TEXT.promptsTitle);
setText(byId('pin-person-label'), TEXT.pinPerson);
setText(byId('pin-value-label'), TEXT.pinValue);
setText(byId('pin-set'), TEXT.pinSet);
setText(byId('prompts-language-label'), TEXT.show);
fill(byId('coverage-head'), [TEXT.language, ...STATUSES.map((s) => TEXT[s]), TEXT.total]
  .map((t) => el('th', { scope: 'col', text: t })));
fill(byId('prompts-head'), [TEXT.key, TEXT.text, TEXT.status, TEXT.audio, TEXT.length, TEXT.take, TEXT.upload]
  .map((t) => el('th', { scope: 'col', text: t })));
const status = byId('prompts-status');
const languageChoice = byId('prompts-language');
languageChoice.addEventListener('change', () => renderPrompts());

function renderCoverage() {
  fill(byId('coverage-rows'), data.languages.map((l) => el('tr', { 'data-language': l.code },
    el('th', { scope: 'row', text: l.name }),
    ...STATUSES.map((s) => el('td', { class: `number coverage-${s}`, text: String(l.coverage[s]) })),
    el('td', { class: 'number coverage-total', text: String(l.total) }))));
}

function audioOf(prompt) {
  const take = prompt.current;
  if (take) return el('audio', { controls: true, preload: 'none', src: `/api/prompts/takes/${take.id}/audio` });
  if (prompt.placeholderMs < 0) return el('span', { class: 'hint', text: TEXT.noAudio });
  return el('audio', { controls: true, preload: 'none',
    src: `/api/prompts/placeholder/${prompt.language}/${prompt.key}` });
}

function takeCell(prompt) {
  const take = prompt.current;
  if (!take) return el('td', { text: TEXT.none });
  const cell = el('td', {}, el('span', { class: 'take-state', text: TEXT.takeLine(take) }));
  if (take.state === 'recorded' && !take.stale) {
    const approve = el('button', { type: 'button', class: 'primary take-approve', text: TEXT.approve,
      'aria-label': TEXT.approveLabel(prompt.key) });
    const reject = el('button', { type: 'button', class: 'quiet take-reject', text: TEXT.reject,
      'aria-label': TEXT.rejectLabel(prompt.key) });
    approve.addEventListener('click', () => review(prompt, take, 'approve'));
    reject.addEventListener('click', () => review(prompt, take, 'reject'));
    cell.append(el('span', { class: 'buttons' }, approve, reject));
  }
  return cell;
}

function uploadCell(prompt) {
  const file = el('input', { type: 'file', accept: 'audio/*,.wav,.flac,.ogg,.mp3', class: 'upload-file',
    'aria-label': TEXT.chooseFile(prompt.key) });
  const button = el('button', { type: 'button', class: 'quiet upload-send', text: TEXT.upload,
    'aria-label': TEXT.uploadButton(prompt.key) });
  button.addEventListener('click', async () => {
    if (!file.files.length) { setText(status, TEXT.chooseFirst); return; }
    setText(status, TEXT.uploading);
    try {
      const stored = await upload(`/api/prompts/${prompt.language}/${prompt.key}/upload`, 'audio', file.files[0]);
      await load();
      setText(status, TEXT.uploaded(prompt.key, stored.lengthMs));
    } catch (e) {
      setText(status, e.message);
    }
  });
  return el('td', {}, file, button);
}

async function review(prompt, take, verdict) {
  try {
    const done = await send('POST', `/api/prompts/takes/${take.id}/${verdict}`);
    await load();
    setText(status, TEXT.reviewed(prompt.key, done.state));
  } catch (e) {
    setText(status, e.message);
  }
}

function renderPrompts() {
  const shown = languageChoice.value;
  fill(byId('prompts-rows'), data.prompts.filter((p) => p.language === shown).map((p) => el('tr',
    { 'data-key': p.key, 'data-status': p.status },
    el('th', { scope: 'row', text: p.key }),
    el('td', { lang: p.language, dir: 'auto' }, el('span', { text: p.text }),
      el('small', { class: 'hint', text: ` (${TEXT.textReview[p.textReview]}, ${p.revision})` })),
    el('td', { class: 'prompt-status', text: TEXT.statusName[p.status] }),
    el('td', {}, audioOf(p)),
    el('td', { class: 'number', text: p.current ? TEXT.seconds(p.current.lengthMs)
      : p.placeholderMs >= 0 ? TEXT.seconds(p.placeholderMs) : TEXT.none }),
    takeCell(p),
    uploadCell(p))));
}

function renderPeople() {
  const people = byId('pin-person');
  const chosen = people.value;
  fill(people, data.people.map((p) => el('option', { value: p.id, text: p.name })));
  if (chosen) people.value = chosen;
  setText(byId('pin-hint'), TEXT.pinHint(data.studioNumber));
}

byId('pin-set').addEventListener('click', async () => {
  const person = byId('pin-person');
  const pin = byId('pin-value');
  try {
    const set = await send('POST', `/api/prompts/pins/${person.value}`, { pin: pin.value });
    pin.value = '';
    setText(byId('pin-status'), TEXT.pinDone(person.selectedOptions[0].textContent, set.studioNumber));
  } catch (e) {
    setText(byId('pin-status'), e.message);
  }
});

async function load() {
  data = await getJson('/api/prompts');
  if (!languageChoice.options.length) {
    fill(languageChoice, data.languages.map((l) => el('option', { value: l.code, text: l.name })));
    const mine = session.languages.find((code) => data.languages.some((l) => l.code === code));
    if (mine) languageChoice.value = mine;
  }
  renderCoverage();
  renderPeople();
  renderPrompts();
}

try {
  await load();
} catch (e) {
  setText(status, e.message);
}
