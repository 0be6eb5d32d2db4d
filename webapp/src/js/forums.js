// Pure helpers for the forum pages (no DOM): search highlighting, the reply tree, API paths.

export const SORTS = ['NEWEST', 'OLDEST', 'MOST_AGREED', 'MOST_DISCUSSED'];
export const STANCES = ['FOR', 'AGAINST', 'NEUTRAL'];
export const OUTCOMES = ['KEEP', 'HIDE', 'REMOVE', 'WARN_AUTHOR', 'SUSPEND_AUTHOR'];
export const MAX_DEPTH = 3;

/** An id from the address (?id=…): a UUID-like token, or null. */
export function idFrom(search) {
  const id = new URLSearchParams(search).get('id');
  return id && /^[\w-]{1,64}$/.test(id) ? id : null;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references an HTML escaper writes (named basics, decimal and hex). Unknown ones stay as written. */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,5});/g, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(ENTITIES, ref) ? ENTITIES[ref] : whole;
  });
}

/**
 * The server's highlighted text (escaped text with matches in <mark>…</mark>) as plain segments
 * [{text, mark}], so the page builds it from text nodes and never parses HTML. Any other tag is shown as text;
 * an unclosed <mark> marks to the end.
 */
export function markedSegments(html) {
  const out = [];
  let mark = false;
  for (const part of String(html ?? '').split(/(<\/?mark>)/i)) {
    const tag = part.toLowerCase();
    if (tag === '<mark>') { mark = true; continue; }
    if (tag === '</mark>') { mark = false; continue; }
    if (!part) continue;
    const text = decodeEntities(part);
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += text; else out.push({ text, mark });
  }
  return out;
}

/**
 * Replies (flat, in the order the server gave them) as a tree under the thread: [{post, children}]. A reply whose
 * parent is not among them (not loaded yet) is placed at the top level rather than lost.
 */
export function replyTree(threadId, replies) {
  const nodes = new Map(replies.map(p => [p.id, { post: p, children: [] }]));
  const roots = [];
  for (const p of replies) {
    const node = nodes.get(p.id);
    const parent = p.parentId && p.parentId !== threadId ? nodes.get(p.parentId) : null;
    if (parent && parent !== node) parent.children.push(node); else roots.push(node);
  }
  return roots;
}

/** The search API path for the form's values; empty values are left out. Dates are yyyy-mm-dd (midnight in Seoul). */
export function searchPath({ q, forum, from, to, offset = 0, limit = 20 }) {
  const params = new URLSearchParams();
  if (q && q.trim()) params.set('q', q.trim());
  if (forum) params.set('forum', forum);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (offset) params.set('offset', String(offset));
  params.set('limit', String(limit));
  return `/api/forums/search?${params}`;
}

/** A list path with sort, cursor and limit. */
export function pagePath(base, { sort, cursor, limit } = {}) {
  const params = new URLSearchParams();
  if (sort) params.set('sort', sort);
  if (cursor) params.set('cursor', cursor);
  if (limit) params.set('limit', String(limit));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

/** A forum's title in the reader's language, falling back to the other one. */
export function forumTitle(forum, lang) {
  if (!forum) return '';
  return (lang === 'en' ? forum.titleEn : forum.titleKo) || forum.titleKo || forum.titleEn || '';
}

/** The decision form's values as the API's request, or a list of {field, key} errors. */
export function decisionRequest({ outcome, rule, reason, suspendDays }) {
  const errors = [];
  if (!OUTCOMES.includes(outcome)) errors.push({ field: 'outcome', key: 'validation.required' });
  const code = String(rule || '').trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (!/^[A-Z][A-Z_]{0,29}$/.test(code)) errors.push({ field: 'rule', key: 'moderation.ruleInvalid' });
  const why = String(reason || '').trim();
  if (!why) errors.push({ field: 'reason', key: 'validation.required' });
  let days = null;
  if (outcome === 'SUSPEND_AUTHOR') {
    days = Number(suspendDays);
    if (!Number.isInteger(days) || days < 1 || days > 3650) errors.push({ field: 'suspendDays', key: 'moderation.daysInvalid' });
  }
  return errors.length ? { errors } : { request: { outcome, rule: code, reason: why, suspendDays: days } };
}
