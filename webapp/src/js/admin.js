// Shared by the administration pages: role guard, DOM building, dates.
import { requireUser } from './session.js';
import { hasRole } from './roles.js';
import { announce } from './forms.js';
import { lang, setText } from './i18n.js';
import { problemMessage } from './problem.js';

/** Resolves to the user when they hold one of the roles; otherwise says so and resolves null. */
export async function guard(...roles) {
  try {
    const user = await requireUser();
    if (!hasRole(user, ...roles)) {
      announce('result', 'error', { key: 'admin.forbidden' });
      return null;
    }
    document.getElementById('result').textContent = '';
    document.getElementById('admin-content').hidden = false;
    return user;
  } catch (err) {
    announce('result', 'error', { text: problemMessage(err.problem) || err.message });
    return null;
  }
}

/** Small element builder: el('td', {class: 'x'}, 'text', child). Text is always textContent. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'i18n' || k === 'i18nParams') continue;
    if (k === 'hidden') e.hidden = true;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  if (attrs.i18n) setText(e, attrs.i18n, attrs.i18nParams);
  for (const c of children) if (c != null) e.append(c instanceof Node ? c : String(c));
  return e;
}

export function formatDate(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(lang() === 'ko' ? 'ko-KR' : 'en-GB', {
    dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul',
  }).format(d);
}

export function timeEl(value) {
  return el('time', { datetime: value || '' }, formatDate(value));
}

export function orgName(org) {
  if (!org) return '';
  return (lang() === 'en' ? org.nameEn : org.nameKo) || org.nameKo || org.nameEn || '';
}

/** Fills a <select> of organisations (tree order, indented), with an optional "none" first. */
export function fillOrgSelect(select, tree, { noneKey, exclude } = {}) {
  const keep = select.value;
  select.textContent = '';
  if (noneKey) select.append(el('option', { value: '', i18n: noneKey }));
  for (const { org, depth } of tree) {
    if (exclude && exclude.has(org.id)) continue;
    select.append(el('option', { value: org.id }, `${'\u2003'.repeat(depth)}${orgName(org)}`));
  }
  if ([...select.options].some(o => o.value === keep)) select.value = keep;
}
