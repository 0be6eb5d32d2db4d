// The forums: the list (cursor pages) and full-text search with the server's highlighting.
import '../shell.js';
import { get } from '../api.js';
import { lang, onLangChange } from '../i18n.js';
import { currentUser } from '../session.js';
import { hasRole } from '../roles.js';
import { announce, clearErrors, showValidation } from '../forms.js';
import { el, timeEl } from '../admin.js';
import { forumTitle, pagePath, searchPath } from '../forums.js';
import { fail, forumHref, highlighted, threadHref } from '../forum-ui.js';

const $ = id => document.getElementById(id);
const PAGE = 20;
let forums = [];
let nextForums = null;
let allForums = []; // every forum, for the search filter
let search = null; // { values, hits, total }

function renderForums() {
  const list = $('forums');
  list.textContent = '';
  for (const f of forums) {
    const li = el('li', { class: 'madang-item' },
      el('h3', { class: 'madang-h3' }, el('a', { href: forumHref(f.id) }, forumTitle(f, lang()))));
    if (f.description) li.append(el('p', {}, f.description));
    const facts = el('p', { class: 'madang-meta' }, el('span', { i18n: `forum.kind.${f.kind}` }));
    if (f.stanceRequired) facts.append(' · ', el('span', { i18n: 'forum.stanceRequired' }));
    if (f.residentsOnly) facts.append(' · ', el('span', { i18n: 'forum.residentsOnly' }));
    li.append(facts);
    list.append(li);
  }
  $('forums-empty').hidden = forums.length > 0;
  $('more-forums').hidden = !nextForums;
  renderFilter();
}

function renderFilter() {
  const select = $('search-forum');
  const keep = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const f of allForums) select.append(el('option', { value: f.id }, forumTitle(f, lang())));
  select.value = [...select.options].some(o => o.value === keep) ? keep : '';
}

/** Every forum for the search filter, page by page (bounded). */
async function loadFilter() {
  let cursor = null;
  const found = [];
  for (let i = 0; i < 20; i++) {
    const page = await get(pagePath('/api/forums', { cursor, limit: 100 }), { redirect: false });
    found.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  allForums = found;
  renderFilter();
}

async function loadForums(more) {
  const page = await get(pagePath('/api/forums', { cursor: more ? nextForums : null, limit: PAGE }), { redirect: false });
  forums = more ? forums.concat(page.items) : page.items;
  nextForums = page.nextCursor || null;
  renderForums();
}

function forumName(id) {
  const f = allForums.find(x => x.id === id) || forums.find(x => x.id === id);
  return f ? forumTitle(f, lang()) : '';
}

function renderResults() {
  if (!search) return;
  const list = $('search-results');
  list.textContent = '';
  for (const h of search.hits) {
    const href = threadHref(h.threadId) + (h.kind === 'forum-post' ? `#post-${h.postId}` : '');
    const li = el('li', { class: 'madang-item' });
    li.append(el('h4', { class: 'madang-h3' }, el('a', { href }, h.titleHtml ? highlighted(h.titleHtml) : el('span', { i18n: 'forum.untitledReply' }))));
    if (h.snippetHtml) li.append(el('p', {}, highlighted(h.snippetHtml)));
    const meta = el('p', { class: 'madang-meta' }, el('span', { i18n: h.kind === 'forum-post' ? 'forum.hitReply' : 'forum.hitThread' }));
    const name = forumName(h.forumId);
    if (name) meta.append(' · ', el('a', { href: forumHref(h.forumId) }, name));
    if (h.date) meta.append(' · ', timeEl(h.date));
    li.append(meta);
    list.append(li);
  }
  $('search-results-box').hidden = false;
  $('more-results').hidden = search.hits.length >= search.total;
}

async function runSearch(more) {
  const offset = more ? search.hits.length : 0;
  const values = more ? search.values : {
    q: $('search-q').value, forum: $('search-forum').value, from: $('search-from').value, to: $('search-to').value,
  };
  const page = await get(searchPath({ ...values, offset, limit: PAGE }), { redirect: false });
  search = { values, hits: more ? search.hits.concat(page.hits) : page.hits, total: page.total };
  renderResults();
  announce('search-status', 'success', { key: 'forum.searchCount', params: { count: search.total } });
}

$('search-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = e.target;
  const errors = [];
  if (!$('search-q').value.trim()) errors.push({ field: 'q', key: 'validation.required' });
  const from = $('search-from').value, to = $('search-to').value;
  if (from && to && from > to) errors.push({ field: 'to', key: 'forum.dateOrder' });
  if (showValidation(form, errors)) return;
  clearErrors(form);
  try { await runSearch(false); } catch (err) { fail('search-status', err); }
});
$('more-results').addEventListener('click', () => runSearch(true).catch(err => fail('search-status', err)));
$('more-forums').addEventListener('click', () => loadForums(true).catch(err => fail('result', err)));

async function load() {
  const user = await currentUser();
  $('moderation-link').hidden = !hasRole(user, 'MODERATOR');
  $('mine-link').hidden = !user;
  await Promise.all([loadForums(false), loadFilter()]);
  $('result').textContent = '';
}

onLangChange(() => { renderForums(); renderResults(); });
load().catch(err => fail('result', err));
