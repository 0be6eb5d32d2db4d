// CSRF double-submit helper: the server sets a readable cookie `madang_csrf`;
// every state-changing request echoes it in the X-CSRF-Token header.
import { readCookie } from './i18n-core.js';

export const CSRF_COOKIE = 'madang_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function needsCsrf(method) {
  return !SAFE_METHODS.has(String(method || 'GET').toUpperCase());
}

/** Headers to add for a request: {} for safe methods or when there is no token. */
export function csrfHeaders(method, cookieString) {
  if (!needsCsrf(method)) return {};
  const token = readCookie(cookieString, CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}
