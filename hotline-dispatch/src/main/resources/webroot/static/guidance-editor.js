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

function path(text) {
  return `/api/guidance/texts/${encodeURIComponent(text.purpose)}/${encodeURIComponent(text.topic)}/`
    + `${encodeURIComponent(text.language)}`;
}

function meta(text) {
  if (text.version === 0) return t('screen.guidance-editor.not-written-in-this-language-yet');
  return text.at ? t('screen.guidance-version-at', { version: text.version, by: text.by, at: when(text.at) })
    : t('screen.guidance-version', { version: text.version, by: text.by });
}

function editor(text) {
  const id = `text-${text.purpose}-${text.topic}`;
  const area = el('textarea', { id, rows: '6', maxlength: '4000', dir: 'auto' });
  area.value = text.text;
  const info = el('p', { class: 'hint guidance-meta', text: meta(text) });
  const status = el('p', { class: 'guidance-status', role: 'status' });
  const history = el('ol', { class: 'guidance-history', hidden: true });
  const save = el('button', { type: 'button', class: 'primary save-guidance', text: t('screen.guidance-editor.save-new-version') });
  const showHistory = el('button', { type: 'button', class: 'quiet show-history', text: t('screen.guidance-editor.earlier-versions') });
  save.addEventListener('click', async () => {
    save.disabled = true;
    setText(status, t('screen.tipform.saving'));
    try {
      const saved = await send('POST', path(text), { text: area.value, baseVersion: text.version });
      Object.assign(text, saved);
      setText(info, meta(text));
      setText(status, t('screen.guidance-saved-as', { version: saved.version }));
      if (!history.hidden) await loadHistory(text, history);
    } catch (e) {
      setText(status, t('screen.not-saved', { error: e.message }));
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
    await loadHistory(text, history);
  });
  return el('article', { class: 'guidance-text', 'data-purpose': text.purpose, 'data-topic': text.topic },
    el('h3', {}, el('label', { for: id, text: text.heading })),
    info, area, el('div', { class: 'buttons' }, save, showHistory), status, history);
}

async function loadHistory(text, list) {
  fill(list, el('li', { class: 'hint', text: t('screen.manager.loading') }));
  try {
    const h = await getJson(path(text));
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
    setText(status, t('screen.guidance-not-loaded', { error: e.message }));
  }
}

await load();
document.body.dataset.ready = 'true';
