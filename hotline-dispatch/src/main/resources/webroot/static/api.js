import { t } from './i18n.js';
// The screen's HTTP calls. State-changing requests carry the CSRF token from the XSRF-TOKEN cookie in the
// X-XSRF-TOKEN header; the server renews the token after each one, so they go one at a time, each reading the
// cookie afresh when it starts.

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';
const UNREACHABLE = t('screen.api.the-server-could-not-be-reached');

/** A refused or failed request, with the server's message for people (or one of ours). */
export class ApiError extends Error {
  constructor(status, message, field, errors) {
    super(message);
    this.status = status;
    this.field = field;
    // Every refused field of a form at once: [{field, error}].
    this.errors = Array.isArray(errors) ? errors : (field ? [{ field, error: message }] : []);
  }
}

let queue = Promise.resolve();

function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return '';
}

async function answer(response) {
  if (response.status === 401) {
    // The session has ended (signed out elsewhere, or timed out): back to the sign-in page.
    window.location.assign('/signin');
    throw new ApiError(401, t('screen.api.your-session-has-ended-please-sign'));
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('application/json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error
      : response.status === 403 ? t('screen.api.this-was-refused-reload-the-page')
      : t('screen.server-error', { status: String(response.status) });
    throw new ApiError(response.status, message, body && body.field, body && body.errors);
  }
  return body;
}

/** GET, answering the parsed JSON. */
export async function getJson(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin',
      cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, UNREACHABLE);
  }
  return answer(response);
}

/** POST (or another method) with a JSON body, after every earlier state-changing request has finished. */
export function send(method, url, body) {
  const run = async () => {
    let response;
    try {
      response = await fetch(url, {
        method,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', [CSRF_HEADER]: csrfToken() },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError(0, UNREACHABLE);
    }
    return answer(response);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** POST of a file (multipart, field {@code field}), queued like {@link send}. */
export function upload(url, field, file) {
  const run = async () => {
    const form = new FormData();
    form.append(field, file, file.name);
    let response;
    try {
      response = await fetch(url, { method: 'POST', headers: { Accept: 'application/json', [CSRF_HEADER]: csrfToken() },
        body: form, credentials: 'same-origin', cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, UNREACHABLE);
    }
    return answer(response);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** Signs out on the server, then shows the sign-in page. */
export async function signOut() {
  try {
    await send('POST', '/signout');
  } catch (e) {
    // Whatever happened, leave the page: the sign-in page shows whether the session still lives.
  }
  window.location.assign('/signin');
}
