import { t } from './i18n.js';
// A refused form, shown: a line at the top, and every refused field marked with its own message beside it, all at
// once. The server names fields by JSON path (victims.count, referrals[0].service); each path finds its control
// by data-field, or the part of the form it belongs to.

/** The control of a field path: itself, or the nearest part of the form it belongs to. */
function fieldFor(form, path) {
  if (!path) return null;
  const exact = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
  if (exact) return exact;
  const top = path.split(/[.[]/)[0];
  return form.querySelector(`[data-field="${CSS.escape(top)}"]`);
}

export function clearFieldErrors(form, summary) {
  summary.hidden = true;
  for (const marked of form.querySelectorAll('[aria-invalid]')) marked.removeAttribute('aria-invalid');
  for (const message of form.querySelectorAll('.field-error')) message.remove();
}

/** Shows why saving failed (an ApiError with its errors); nothing typed is touched. */
export function showFieldErrors(form, summary, error) {
  const problems = error.errors || [];
  summary.textContent = problems.length > 1
    ? t('screen.fields-need-attention', { count: problems.length }) : t('screen.not-saved', { error: error.message });
  summary.hidden = false;
  let first = null;
  for (const problem of problems) {
    const field = fieldFor(form, problem.field);
    if (!field) continue;
    field.setAttribute('aria-invalid', 'true');
    const message = document.createElement('p');
    message.className = 'field-error';
    message.dataset.errorFor = problem.field;
    message.textContent = problem.error;
    (field.closest('.field') || field).append(message);
    first = first || field;
  }
  if (first) first.focus();
  else summary.scrollIntoView({ block: 'center' });
}
