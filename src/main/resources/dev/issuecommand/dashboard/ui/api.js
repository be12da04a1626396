// The page's calls to /ui/api: JSON in and out, the CSRF token on every state-changing request, and one place that
// notices a lost session (401) and sends the operator back to the sign-in form.

let csrfToken = '';
let whenSignedOut = () => {};

/** A refused call: its HTTP status and problem+json body ({title, detail, error, …}), if any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title || problem.message)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export function setCsrfToken(token) {
  csrfToken = token || '';
}

/** `handler` runs whenever a call answers 401 (except the sign-in itself). */
export function onSignedOut(handler) {
  whenSignedOut = handler;
}

/** Sends one request; answers the parsed JSON (null for 204) or throws an {@link ApiError}. */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken;
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const signingIn = method === 'POST' && path === '/ui/api/session';
    if (response.status === 401 && !signingIn) {
      whenSignedOut();
    }
    throw new ApiError(response.status, data);
  }
  return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});

/** `path` with the non-empty `params` as its query. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      query.set(name, value);
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
