// The opt-in callback's switch per caller language (issue 16): a manager turns callbacks on or off for a
// language; the server stores and audits each change and the IVR applies it within seconds, no restart. The master
// switch (callback.enabled) is configuration only: when it is off the checkboxes are shown but disabled.
import { getJson, send } from './api.js';
import { el, fill, setText, show } from './dom.js';
import { language } from './common.js';
import { t } from './i18n.js';

/** The switches, one checkbox per language (keyboard: Tab to a box, Space toggles and saves it). */
export async function mountCallbackSwitches(section) {
  const error = el('p', { id: 'cb-error', class: 'error', role: 'alert', hidden: true });
  const saved = el('p', { id: 'cb-saved', class: 'hint', role: 'status' });
  const note = el('p', { id: 'cb-note', class: 'hint' });
  const list = el('ul', { id: 'cb-languages', class: 'plain' });
  fill(section, [el('h2', { id: 'cb-title', text: t('screen.callbacks.title') }),
    el('p', { class: 'hint', text: t('screen.callbacks.hint') }),
    note, list, error, saved]);

  const render = (switches) => {
    setText(note, switches.enabled ? '' : t('screen.callbacks.off-in-configuration'));
    fill(list, switches.languages.map((lang) => {
      const box = el('input', { type: 'checkbox', id: `cb-${lang.code}`, 'data-language': lang.code,
        checked: lang.on, disabled: !switches.enabled });
      box.addEventListener('change', async () => {
        show(error, false);
        setText(saved, '');
        try {
          render(await send('POST', '/api/callback/switches', { language: lang.code, on: box.checked }));
          setText(saved, t(box.checked ? 'screen.callbacks.saved-on' : 'screen.callbacks.saved-off',
            { language: t(`language.${lang.code}`) }));
        } catch (e) {
          box.checked = !box.checked;
          setText(error, t('screen.not-saved', { error: e.message }));
          show(error);
        }
      });
      // The language as every screen names it: its own script, then its name in the reader's language.
      return el('li', {}, box, el('label', { for: `cb-${lang.code}` }, ' ', language(lang.code),
        lang.decidedBy === 'configuration' ? ` ${t('screen.callbacks.default')}` : ''));
    }));
  };
  try {
    render(await getJson('/api/callback/switches'));
  } catch (e) {
    setText(error, t('screen.callbacks.not-loaded', { error: e.message }));
    show(error);
  }
}
