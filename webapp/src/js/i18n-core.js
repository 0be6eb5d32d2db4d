// Pure i18n functions (no DOM): used by the browser modules and by the unit tests.

export const LANGUAGES = ['ko', 'en'];
export const DEFAULT_LANG = 'ko';
export const STORAGE_KEY = 'madang.lang';
export const COOKIE_NAME = 'madang_lang';

/** Returns 'ko' or 'en' for a raw value, or null when the value is not a supported language. */
export function normaliseLang(value) {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase().slice(0, 2);
  return LANGUAGES.includes(v) ? v : null;
}

/** Reads one cookie from a document.cookie style string. */
export function readCookie(cookieString, name) {
  if (!cookieString) return null;
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return part.slice(eq + 1).trim();
      }
    }
  }
  return null;
}

/**
 * The language to show: the one the person chose (localStorage, then cookie),
 * otherwise Korean — Madang is a Korean service first.
 */
export function resolveLang({ stored, cookie } = {}) {
  return normaliseLang(stored) || normaliseLang(cookie) || DEFAULT_LANG;
}

/** Looks a key up; replaces {name} placeholders; falls back to Korean, then to the key itself. */
export function translate(messages, lang, key, params) {
  const dict = messages[lang] || {};
  let text = Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : undefined;
  if (text === undefined && messages[DEFAULT_LANG]) text = messages[DEFAULT_LANG][key];
  if (text === undefined) return key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (m, name) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m);
  }
  return text;
}

/** Parses data-i18n-attr="placeholder:key;aria-label:key2" into [[attr, key], ...]. */
export function parseAttrSpec(spec) {
  if (!spec) return [];
  return spec.split(';').map(s => s.trim()).filter(Boolean).map(s => {
    const i = s.indexOf(':');
    return [s.slice(0, i).trim(), s.slice(i + 1).trim()];
  }).filter(([a, k]) => a && k);
}

/** The cookie line that remembers the language for a year (readable by the server too). */
export function langCookie(lang) {
  return `${COOKIE_NAME}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
