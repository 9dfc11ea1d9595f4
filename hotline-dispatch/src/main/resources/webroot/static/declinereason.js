// Declining an emergency offer needs a reason (issue 16): the server refuses a decline of an emergency without
// one and keeps the offer open, so the screen asks first. The reasons are codes (never free text: they are
// stored with the operator's state); their list matches OperatorAction.DECLINE_REASONS on the server.
import { el, show } from './dom.js';
import { t } from './i18n.js';

const REASONS = [
  ['language', 'I cannot take this language well enough'],
  ['unwell', 'I am unwell or not fit to take it now'],
  ['conflict-of-interest', t('screen.declinereason.conflict-of-interest')],
  ['not-trained', 'I am not trained for emergencies'],
  ['other', t('screen.declinereason.other-tell-your-supervisor')],
];

/**
 * Asks for the reason to decline an emergency offer inside the offer panel. Calls {@code decline(reason)} once a
 * reason is chosen and confirmed; {@code cancel()} puts the panel back as it was.
 */
export function askDeclineReason(panel, decline) {
  let form = panel.querySelector('#decline-reason');
  if (form) form.remove();
  const select = el('select', { id: 'decline-reason-code', required: true },
    el('option', { value: '', text: t('screen.declinereason.choose-a-reason') }),
    ...REASONS.map(([code, text]) => el('option', { value: code, text })));
  form = el('form', { id: 'decline-reason', class: 'decline-reason' },
    el('label', { for: 'decline-reason-code', text: `${t('screen.declinereason.this-is-an-emergency-why-do')} ` }), select,
    el('button', { type: 'submit', id: 'decline-confirm', text: t('screen.declinereason.decline-with-this-reason') }),
    el('button', { type: 'button', id: 'decline-cancel', text: t('screen.declinereason.back'), onclick: () => form.remove() }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!select.value) return;
    form.remove();
    decline(select.value);
  });
  panel.append(form);
  show(form);
  select.focus();
}
