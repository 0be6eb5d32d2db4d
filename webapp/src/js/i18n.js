// Browser side of i18n: chooses the language, remembers it, and translates the page.
import messages from './messages.js';
import {
  LANGUAGES, STORAGE_KEY, COOKIE_NAME, resolveLang, readCookie, translate, parseAttrSpec, langCookie,
} from './i18n-core.js';

function storedLang() {
  try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
}

let current = resolveLang({ stored: storedLang(), cookie: readCookie(document.cookie, COOKIE_NAME) });
const listeners = [];

export function lang() { return current; }

export function t(key, params) { return translate(messages, current, key, params); }

/** Translates every marked element under root (text, attributes, the page title). */
export function applyTranslations(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n, paramsOf(el));
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const [attr, key] of parseAttrSpec(el.dataset.i18nAttr)) el.setAttribute(attr, t(key));
  }
  if (root === document) {
    document.documentElement.lang = current;
    const titleKey = document.documentElement.dataset.titleKey;
    if (titleKey) document.title = `${t(titleKey)} | ${t('site.name')}`;
  }
}

function paramsOf(el) {
  if (!el.dataset.i18nParams) return undefined;
  try { return JSON.parse(el.dataset.i18nParams); } catch { return undefined; }
}

/** Switches language, remembers it (localStorage + cookie for the server) and re-renders. */
export function setLang(next) {
  if (!LANGUAGES.includes(next)) return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* private mode: cookie still works */ }
  document.cookie = langCookie(next);
  applyTranslations();
  for (const fn of listeners) fn(next);
}

/** Lets a page re-render its dynamic parts when the language changes. */
export function onLangChange(fn) { listeners.push(fn); }

/** Sets text with a key so that later language switches re-translate it. */
export function setText(el, key, params) {
  el.dataset.i18n = key;
  if (params) el.dataset.i18nParams = JSON.stringify(params); else delete el.dataset.i18nParams;
  el.textContent = t(key, params);
}

// Keep the cookie in step with the stored choice, so the server sees the same language.
if (readCookie(document.cookie, COOKIE_NAME) !== current) document.cookie = langCookie(current);
