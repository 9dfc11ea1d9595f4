// The manager's list of translations no native reader has checked (GET /api/translations), by language.
import { getJson } from './api.js';
import { byId, el, fill, setText } from './dom.js';
import { startPage } from './common.js';
import { t } from './i18n.js';

const session = await startPage(['manager', 'admin']);
const names = new Map((session.interfaceLanguages || []).map((l) => [l.code, l]));
const picker = byId('translations-language');

function show(list) {
  const chosen = picker.value;
  const rows = list.filter((e) => !chosen || e.language === chosen);
  setText(byId('translations-status'), t('screen.translations.count', { count: rows.length }));
  fill(byId('translations'), rows.map((e) => {
    const language = names.get(e.language) || { nativeName: e.language, dir: 'ltr' };
    return el('tr', { 'data-language': e.language, 'data-key': e.key },
      el('td', { lang: e.language, dir: language.dir, text: language.nativeName }),
      el('td', {}, el('code', { dir: 'ltr', text: e.key })),
      el('td', { lang: 'en', dir: 'ltr', text: e.english }),
      el('td', { lang: e.language, dir: language.dir, class: 'translation', text: e.text }),
      el('td', { text: t(`screen.translations.state.${e.state}`) }));
  }));
}

try {
  const { translations } = await getJson('/api/translations');
  fill(picker, el('option', { value: '', text: t('screen.translations.all') }),
    [...new Set(translations.map((e) => e.language))].map((code) => el('option', { value: code,
      lang: code, dir: (names.get(code) || {}).dir, text: (names.get(code) || { nativeName: code }).nativeName })));
  picker.addEventListener('change', () => show(translations));
  show(translations);
} catch (e) {
  setText(byId('translations-status'), t('screen.translations.not-loaded', { error: e.message }));
}
document.body.dataset.ready = 'true';
