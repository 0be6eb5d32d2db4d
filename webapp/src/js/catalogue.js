// Shared by the catalogue pages: names of kinds, categories, licences and agencies in the current language.
import { lang } from './i18n.js';

export const KINDS = ['DECISION', 'REPORT', 'STATISTICS', 'MINUTES', 'DATASET'];

/** A {code, nameKo, nameEn} term or an organisation in the page's language. */
export function termName(term) {
  if (!term) return '';
  return (lang() === 'en' ? term.nameEn : term.nameKo) || term.nameKo || term.nameEn || '';
}

export function documentHref(id) {
  return `/information/document.html?id=${encodeURIComponent(id)}`;
}

/** The catalogue query the page's own URL asks for, with only the parameters the API knows. */
export function catalogueQuery(search, size) {
  const from = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const name of ['q', 'agency', 'kind', 'category', 'language', 'from', 'to']) {
    const v = (from.get(name) || '').trim();
    if (v) out.set(name, v);
  }
  const page = Math.max(1, Number.parseInt(from.get('page'), 10) || 1);
  out.set('page', String(page - 1));
  out.set('size', String(size));
  return out;
}

export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
