// The publication catalogue: search box and filters (a plain GET form, so every result page has its own URL),
// results with the server's highlighting, pages, and the Atom feeds.
import '../shell.js';
import { get } from '../api.js';
import { onLangChange, setText } from '../i18n.js';
import { currentUser } from '../session.js';
import { hasRole } from '../roles.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { markedSegments } from '../forums.js';
import { KINDS, termName, documentHref, catalogueQuery } from '../catalogue.js';

const SIZE = 20;
const $ = id => document.getElementById(id);
const query = catalogueQuery(location.search, SIZE);
let data = null;
let vocabulary = null;
let agencies = [];

function highlighted(html) {
  const frag = document.createDocumentFragment();
  for (const s of markedSegments(html)) frag.append(s.mark ? el('mark', {}, s.text) : document.createTextNode(s.text));
  return frag;
}

function fillSelect(select, options) {
  const keep = select.value || query.get(select.name) || '';
  while (select.options.length > 1) select.remove(1);
  for (const [value, label] of options) select.append(el('option', { value }, label));
  select.value = keep;
}

function renderFilters() {
  fillSelect($('search-agency'), agencies.map(a => [a.id, termName(a)]));
  fillSelect($('search-kind'), KINDS.map(k => [k, null]));
  for (const option of $('search-kind').options) if (option.value) setText(option, `catalogue.kinds.${option.value}`);
  if (vocabulary) fillSelect($('search-category'), vocabulary.categories.map(c => [c.code, termName(c)]));
  const category = $('search-category').value || 'ADMINISTRATION';
  $('feed-link').href = `/api/publications/feeds/category/${encodeURIComponent(category)}.atom`;
}

function pageHref(page) {
  const params = new URLSearchParams(query);
  params.delete('size');
  params.set('page', String(page + 1));
  return `?${params}`;
}

function renderPages() {
  const nav = $('pages');
  nav.textContent = '';
  const pages = Math.ceil(data.total / SIZE);
  nav.hidden = pages <= 1;
  if (pages <= 1) return;
  const current = data.page;
  const prev = current > 0 ? el('a', { class: 'page-navi prev', href: pageHref(current - 1), i18n: 'catalogue.prev' })
    : el('span', { class: 'page-navi prev disabled', i18n: 'catalogue.prev' });
  const next = current < pages - 1 ? el('a', { class: 'page-navi next', href: pageHref(current + 1), i18n: 'catalogue.next' })
    : el('span', { class: 'page-navi next disabled', i18n: 'catalogue.next' });
  const links = el('div', { class: 'page-links' });
  for (let n = Math.max(0, current - 4); n < Math.min(pages, current + 5); n++) {
    const a = el('a', { class: `page-link${n === current ? ' active' : ''}`, href: pageHref(n) });
    if (n === current) { a.setAttribute('aria-current', 'page'); a.append(el('span', { class: 'sr-only', i18n: 'catalogue.currentPage' }), ' '); }
    a.append(String(n + 1));
    links.append(a);
  }
  nav.append(prev, links, next);
}

function render() {
  renderFilters();
  if (!data) return;
  const list = $('results');
  list.textContent = '';
  for (const p of data.items) {
    const title = p.titleHtml ? highlighted(p.titleHtml) : `${p.titleKo} / ${p.titleEn}`;
    const li = el('li', { class: 'madang-item' }, el('h3', { class: 'madang-h3' }, el('a', { href: documentHref(p.id) }, title)));
    if (p.snippetHtml) li.append(el('p', {}, highlighted(p.snippetHtml)));
    const facts = el('p', { class: 'madang-meta' }, termName(p.agency), ' · ', el('span', { i18n: `catalogue.kinds.${p.kind}` }),
      ' · ', termName(p.category), ' · ', el('time', { datetime: p.publishedOn }, p.publishedOn));
    if (p.withdrawn) facts.append(' · ', el('span', { class: 'krds-badge bg-danger', i18n: 'catalogue.withdrawnBadge' }));
    li.append(facts);
    list.append(li);
  }
  announce('search-status', 'success', { key: data.total ? 'catalogue.count' : 'catalogue.none',
    params: { total: data.total, page: data.page + 1, pages: Math.max(1, Math.ceil(data.total / SIZE)) } });
  renderPages();
}

async function load() {
  for (const name of ['q', 'from', 'to']) if (query.get(name)) $(`search-${name}`).value = query.get(name);
  const [user, vocab, orgs, page] = await Promise.all([currentUser(), get('/api/publications/vocabulary', { redirect: false }),
    get('/api/organisations', { redirect: false }), get(`/api/publications?${query}`, { redirect: false })]);
  $('publish-link-box').hidden = !hasRole(user, 'OFFICIAL', 'ORG_ADMIN');
  vocabulary = vocab;
  agencies = orgs;
  data = page;
  render();
}

onLangChange(render);
load().catch(err => { renderFilters(); announce('search-status', 'error', { text: problemMessage(err.problem) || err.message }); });
