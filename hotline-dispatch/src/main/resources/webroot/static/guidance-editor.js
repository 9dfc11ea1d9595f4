// The managers' page for the call guidance: every text with its current version, saved as a new version (the
// server keeps the old ones and audits each save), and the history of each text.
import { getJson, send } from './api.js';
import { byId, el, fill, setText, show } from './dom.js';
import { startPage, when } from './common.js';
import { t } from './i18n.js';

const session = await startPage(['manager', 'admin']);
const select = byId('guidance-language-select');
fill(select, el('option', { value: 'en', text: t('screen.guidance-editor.english') }),
  session.languageNames.map((l) => el('option', { value: l.code, text: `${l.nativeName} (${l.name})` })));
select.addEventListener('change', () => load());

function path(t) {
  return `/api/guidance/texts/${encodeURIComponent(t.purpose)}/${encodeURIComponent(t.topic)}/`
    + `${encodeURIComponent(t.language)}`;
}

function meta(t) {
  if (t.version === 0) return t('screen.guidance-editor.not-written-in-this-language-yet');
  return `Version ${t.version}, saved by ${t.by}${t.at ? ` on ${when(t.at)}` : ''}.`;
}

function editor(t) {
  const id = `text-${t.purpose}-${t.topic}`;
  const area = el('textarea', { id, rows: '6', maxlength: '4000', dir: 'auto' });
  area.value = t.text;
  const info = el('p', { class: 'hint guidance-meta', text: meta(t) });
  const status = el('p', { class: 'guidance-status', role: 'status' });
  const history = el('ol', { class: 'guidance-history', hidden: true });
  const save = el('button', { type: 'button', class: 'primary save-guidance', text: t('screen.guidance-editor.save-new-version') });
  const showHistory = el('button', { type: 'button', class: 'quiet show-history', text: t('screen.guidance-editor.earlier-versions') });
  save.addEventListener('click', async () => {
    save.disabled = true;
    setText(status, t('screen.tipform.saving'));
    try {
      const saved = await send('POST', path(t), { text: area.value, baseVersion: t.version });
      Object.assign(t, saved);
      setText(info, meta(t));
      setText(status, `Saved as version ${saved.version}.`);
      if (!history.hidden) await loadHistory(t, history);
    } catch (e) {
      setText(status, `Not saved: ${e.message}`);
    } finally {
      save.disabled = false;
    }
  });
  showHistory.addEventListener('click', async () => {
    if (!history.hidden) {
      show(history, false);
      return;
    }
    show(history);
    await loadHistory(t, history);
  });
  return el('article', { class: 'guidance-text', 'data-purpose': t.purpose, 'data-topic': t.topic },
    el('h3', {}, el('label', { for: id, text: t.heading })),
    info, area, el('div', { class: 'buttons' }, save, showHistory), status, history);
}

async function loadHistory(t, list) {
  fill(list, el('li', { class: 'hint', text: t('screen.manager.loading') }));
  try {
    const h = await getJson(path(t));
    fill(list, h.versions.length === 0 ? el('li', { class: 'hint', text: t('screen.guidance-editor.no-saved-version-yet') })
      : h.versions.map((v) => el('li', { 'data-version': v.version },
        el('p', { class: 'hint', text: `Version ${v.version}, ${v.by}${v.at ? `, ${when(v.at)}` : ''}` }),
        el('p', { dir: 'auto', text: v.text }))));
  } catch (e) {
    fill(list, el('li', { class: 'error', text: e.message }));
  }
}

async function load() {
  const status = byId('guidance-status');
  setText(status, t('screen.manager.loading'));
  try {
    const data = await getJson(`/api/guidance/texts?language=${encodeURIComponent(select.value)}`);
    fill(byId('guidance-texts'), data.texts.map(editor));
    setText(status, '');
  } catch (e) {
    setText(status, `The guidance could not be loaded: ${e.message}`);
  }
}

await load();
document.body.dataset.ready = 'true';
