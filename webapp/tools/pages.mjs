// Page assembly used by build.mjs (and unit-tested): layout + page body + Korean text.
import { translate } from '../src/js/i18n-core.js';

const META_RE = /^\s*<!--page\s+(\{[\s\S]*?\})\s*-->\s*/;

export function parsePage(source, name = 'page') {
  const m = META_RE.exec(source);
  if (!m) throw new Error(`${name}: missing <!--page {...}--> header`);
  return { meta: JSON.parse(m[1]), content: source.slice(m[0].length) };
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function breadcrumbHtml(items) {
  if (!items) return '';
  const all = [['nav.home', '/'], ...items];
  const lis = all.map(([key, href], i) => {
    const last = i === all.length - 1;
    const cls = i === 0 ? ' class="home"' : '';
    return last
      ? `<li${cls}><span class="txt" aria-current="page" data-i18n="${key}"></span></li>`
      : `<li${cls}><a href="${href}" class="txt" data-i18n="${key}"></a></li>`;
  }).join('');
  return `<nav class="krds-breadcrumb-wrap" data-i18n-attr="aria-label:shell.breadcrumb"><ol class="breadcrumb">${lis}</ol></nav>`;
}

/** Fills empty data-i18n elements and data-i18n-attr attributes with the Korean text. */
export function fillKorean(html, messages) {
  const ko = key => escapeHtml(translate(messages, 'ko', key));
  html = html.replace(/(<([a-zA-Z0-9]+)\b[^>]*?\sdata-i18n="([^"]+)"[^>]*>)(<\/\2>)/g,
    (m, open, tag, key, close) => `${open}${ko(key)}${close}`);
  html = html.replace(/<[a-zA-Z0-9]+\b[^>]*?\sdata-i18n-attr="([^"]+)"[^>]*>/g, tag => {
    const spec = /data-i18n-attr="([^"]+)"/.exec(tag)[1];
    for (const part of spec.split(';').map(s => s.trim()).filter(Boolean)) {
      const [attr, key] = part.split(':').map(s => s.trim());
      const re = new RegExp(`\\s${attr}="[^"]*"`);
      const value = `${attr}="${ko(key)}"`;
      tag = re.test(tag) ? tag.replace(re, ` ${value}`) : tag.replace(/\s*(\/?)>$/, ` ${value}$1>`);
    }
    return tag;
  });
  return html;
}

export function renderPage(layout, source, messages, name) {
  const { meta, content } = parsePage(source, name);
  const titleText = `${translate(messages, 'ko', meta.title)} | ${translate(messages, 'ko', 'site.name')}`;
  const html = layout
    .replace('{{title}}', meta.title)
    .replace('{{titleText}}', escapeHtml(titleText))
    .replace('{{script}}', meta.script || 'plain')
    .replace('{{breadcrumb}}', breadcrumbHtml(meta.breadcrumb))
    .replace('{{content}}', content);
  return fillKorean(html, messages);
}

/** Keys used by data-i18n / data-i18n-attr / data-title-key that either language lacks. */
export function checkKeys(html, messages) {
  const keys = new Set();
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) keys.add(m[1]);
  for (const m of html.matchAll(/data-title-key="([^"]+)"/g)) keys.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const part of m[1].split(';')) { const k = part.split(':')[1]; if (k) keys.add(k.trim()); }
  }
  return [...keys].filter(k => !(k in messages.ko) || !(k in messages.en)).sort();
}
