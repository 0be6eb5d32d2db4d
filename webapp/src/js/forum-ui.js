// Shared by the forum pages: highlighted search text built from text nodes, stance badges, a post's byline.
import { el, timeEl } from './admin.js';
import { announce } from './forms.js';
import { problemMessage } from './problem.js';
import { markedSegments } from './forums.js';

/** The server's highlighted text as DOM: text nodes and <mark> elements only (no HTML is parsed). */
export function highlighted(html) {
  const frag = document.createDocumentFragment();
  for (const s of markedSegments(html)) frag.append(s.mark ? el('mark', {}, s.text) : document.createTextNode(s.text));
  return frag;
}

const STANCE_BADGES = { FOR: 'outline-success', AGAINST: 'outline-danger', NEUTRAL: 'outline-gray' };

export function stanceBadge(stance) {
  if (!stance) return null;
  return el('span', { class: `krds-badge ${STANCE_BADGES[stance] || 'outline-gray'}`, i18n: `forum.stance.${stance}` });
}

/** "Author · time · stance · (edited)" for a post the reader may see. */
export function byline(post) {
  const p = el('p', { class: 'madang-meta' });
  if (post.authorName) p.append(el('span', { class: 'madang-author' }, post.authorName), ' · ');
  p.append(timeEl(post.createdAt));
  const badge = stanceBadge(post.stance);
  if (badge) p.append(' ', badge);
  if (post.editedAt) p.append(' ', el('span', { i18n: 'forum.edited' }));
  return p;
}

export function fail(where, err) {
  announce(where, 'error', { text: problemMessage(err.problem) || err.message });
}

export const threadHref = id => `/forums/thread.html?id=${encodeURIComponent(id)}`;
export const forumHref = id => `/forums/forum.html?id=${encodeURIComponent(id)}`;
