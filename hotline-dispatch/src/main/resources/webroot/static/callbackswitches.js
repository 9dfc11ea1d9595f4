// The opt-in callback's switch per caller language (issue 16): a manager turns callbacks on or off for a
// language; the server stores and audits each change and the IVR applies it within seconds, no restart. The master
// switch (callback.enabled) is configuration only: when it is off the checkboxes are shown but disabled.
import { getJson, send } from './api.js';
import { el, fill, setText, show } from './dom.js';

/** The switches, one checkbox per language (keyboard: Tab to a box, Space toggles and saves it). */
export async function mountCallbackSwitches(section) {
  const error = el('p', { id: 'cb-error', class: 'error', role: 'alert', hidden: true });
  const saved = el('p', { id: 'cb-saved', class: 'hint', role: 'status' });
  const note = el('p', { id: 'cb-note', class: 'hint' });
  const list = el('ul', { id: 'cb-languages', class: 'plain' });
  fill(section, [el('h2', { id: 'cb-title', text: 'Callbacks' }),
    el('p', { class: 'hint', text: 'Callers in hold of a language turned on are offered a callback, after a safety '
      + 'sentence. Their number is kept encrypted and destroyed after the callback. Every change is audited.' }),
    note, list, error, saved]);

  const render = (switches) => {
    setText(note, switches.enabled ? '' : 'Callbacks are turned off in the configuration (callback.enabled); '
      + 'these switches take effect once it is on.');
    fill(list, switches.languages.map((lang) => {
      const box = el('input', { type: 'checkbox', id: `cb-${lang.code}`, 'data-language': lang.code,
        checked: lang.on, disabled: !switches.enabled });
      box.addEventListener('change', async () => {
        show(error, false);
        setText(saved, '');
        try {
          render(await send('POST', '/api/callback/switches', { language: lang.code, on: box.checked }));
          setText(saved, `Callbacks ${box.checked ? 'on' : 'off'} for ${lang.name}.`);
        } catch (e) {
          box.checked = !box.checked;
          setText(error, `Not saved: ${e.message}`);
          show(error);
        }
      });
      return el('li', {}, box, el('label', { for: `cb-${lang.code}`,
        text: ` ${lang.name}${lang.decidedBy === 'configuration' ? ' (default)' : ''}` }));
    }));
  };
  try {
    render(await getJson('/api/callback/switches'));
  } catch (e) {
    setText(error, `The callback switches could not be loaded (${e.message}).`);
    show(error);
  }
}
