// Same-origin JSON API client: credentials, CSRF header, Accept-Language, problem+json errors,
// one silent session refresh on 401, then sign-in with a safe `next`.
import { csrfHeaders } from './csrf.js';
import { ApiError, toProblem } from './problem.js';
import { signInUrl } from './next.js';
import { lang, t } from './i18n.js';

let refreshing = null;

async function rawFetch(method, path, body, contentType, extra = {}) {
  const headers = {
    ...extra,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': lang(),
    ...csrfHeaders(method, document.cookie),
  };
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined && contentType) {
    // A body that is already text in another format (a CSV file), sent as it is.
    headers['Content-Type'] = contentType;
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(path, init);
}

async function parse(res) {
  if (res.status === 204 || res.status === 205) return null;
  const text = await res.text();
  if (!text) return null;
  try { return JSON.parse(text); } catch { return null; }
}

/** Tries POST /api/sessions/refresh once (shared by concurrent callers). */
export function refreshSession() {
  if (!refreshing) {
    refreshing = rawFetch('POST', '/api/sessions/refresh')
      .then(r => r.ok)
      .catch(() => false)
      .finally(() => { setTimeout(() => { refreshing = null; }, 0); });
  }
  return refreshing;
}

/**
 * Calls the API. Options: auth (default true) — on 401 refresh once and retry, and if still 401
 * go to sign-in; set auth:false for calls where 401 is an answer (sign-in, "am I signed in?").
 * contentType: send body as it is with this Content-Type instead of as JSON. headers: extra request headers.
 */
export async function api(method, path, body, { auth = true, redirect = true, contentType, headers } = {}) {
  let res;
  try {
    res = await rawFetch(method, path, body, contentType, headers);
    if (res.status === 401 && auth) {
      if (await refreshSession()) res = await rawFetch(method, path, body, contentType, headers);
      if (res.status === 401 && redirect) {
        location.assign(signInUrl(location.pathname + location.search));
      }
    }
  } catch {
    throw new ApiError(0, { type: 'about:blank', title: t('error.network'), status: 0, detail: '' });
  }
  const data = await parse(res);
  if (!res.ok) throw new ApiError(res.status, toProblem(res.status, data, t('error.generic')));
  return data;
}

export const get = (path, opts) => api('GET', path, undefined, opts);
export const post = (path, body, opts) => api('POST', path, body, opts);
export const put = (path, body, opts) => api('PUT', path, body, opts);
export const patch = (path, body, opts) => api('PATCH', path, body, opts);
export const del = (path, body, opts) => api('DELETE', path, body, opts);
