// One forum: its threads in the chosen order, page by page ("more"), and a new-thread form for signed-in people.
import '../shell.js';
import { get, post } from '../api.js';
import { lang, onLangChange, t } from '../i18n.js';
import { currentUser } from '../session.js';
import { signInUrl } from '../next.js';
import { announce, clearErrors, showProblem, showValidation, busy } from '../forms.js';
import { el } from '../admin.js';
import { forumTitle, idFrom, pagePath, SORTS } from '../forums.js';
import { byline, fail, threadHref } from '../forum-ui.js';

const $ = id => document.getElementById(id);
const id = idFrom(location.search);
const PAGE = 20;
let forum = null;
let threads = [];
let next = null;

function threadItem(p) {
  const li = el('li', { class: 'madang-item' });
  const title = p.withheld ? el('span', { i18n: 'forum.withheldThread' }) : (p.deleted ? el('span', { i18n: 'forum.deletedThread' }) : p.title);
  li.append(el('h3', { class: 'madang-h3' }, el('a', { href: threadHref(p.id) }, title)));
  if (!p.withheld) li.append(byline(p));
  const counts = el('p', { class: 'madang-meta' }, el('span', { i18n: 'forum.counts', i18nParams: { agree: p.agreeCount, disagree: p.disagreeCount, replies: p.replyCount } }));
  if (p.hidden) counts.append(' · ', el('span', { class: 'krds-badge outline-danger', i18n: 'forum.hiddenBadge' }));
  li.append(counts);
  return li;
}

function renderThreads() {
  const list = $('threads');
  list.textContent = '';
  threads.forEach(p => list.append(threadItem(p)));
  if (threads.length === 0) list.append(el('li', { i18n: 'forum.noThreads' }));
  $('more-threads').hidden = !next;
}

async function loadThreads(more) {
  const page = await get(pagePath(`/api/forums/${encodeURIComponent(id)}/threads`,
    { sort: $('sort').value, cursor: more ? next : null, limit: PAGE }), { redirect: false });
  threads = more ? threads.concat(page.items) : page.items;
  next = page.nextCursor || null;
  renderThreads();
}

function renderHead() {
  const title = forumTitle(forum, lang());
  $('forum-title').textContent = title;
  document.title = `${title} | ${document.title.split(' | ').pop()}`;
  $('forum-description').textContent = forum.description || '';
  const facts = $('forum-facts');
  facts.textContent = '';
  facts.append(el('span', { i18n: `forum.kind.${forum.kind}` }));
  if (forum.stanceRequired) facts.append(' · ', el('span', { i18n: 'forum.stanceRequired' }));
  if (forum.residentsOnly) facts.append(' · ', el('span', { i18n: 'forum.residentsOnly' }));
}

async function load() {
  if (!id) throw new Error(t('forum.noForumId'));
  const [user, f] = await Promise.all([currentUser(), get(`/api/forums/${encodeURIComponent(id)}`, { redirect: false })]);
  forum = f;
  const params = new URLSearchParams(location.search);
  if (SORTS.includes(params.get('sort'))) $('sort').value = params.get('sort');
  $('thread-form').hidden = !user;
  $('sign-in-to-post').hidden = !!user;
  $('sign-in-link').href = signInUrl(location.pathname + location.search);
  $('thread-stance').required = forum.stanceRequired;
  if (forum.stanceRequired) $('thread-stance').setAttribute('aria-required', 'true');
  $('result').textContent = '';
  $('content').hidden = false;
  renderHead();
  await loadThreads(false);
}

$('sort').addEventListener('change', async () => {
  try {
    await loadThreads(false);
    announce('threads-status', 'success', { key: 'forum.sorted', params: { sort: $('sort').selectedOptions[0].textContent } });
  } catch (err) { fail('threads-status', err); }
});
$('more-threads').addEventListener('click', async () => {
  const before = threads.length;
  try {
    await loadThreads(true);
    $('threads').children[before]?.querySelector('a')?.focus();
  } catch (err) { fail('threads-status', err); }
});
$('thread-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = e.target;
  const title = $('thread-title').value.trim();
  const body = $('thread-body').value.trim();
  const stance = $('thread-stance').value || null;
  const errors = [];
  if (!title) errors.push({ field: 'title', key: 'validation.required' });
  if (!body) errors.push({ field: 'body', key: 'validation.required' });
  if (forum.stanceRequired && !stance) errors.push({ field: 'stance', key: 'forum.stanceNeeded' });
  if (showValidation(form, errors)) return;
  await busy(form, async () => {
    try {
      const created = await post(`/api/forums/${encodeURIComponent(id)}/threads`, { title, body, stance });
      clearErrors(form);
      form.reset();
      announce(form, 'success', { key: 'forum.threadPosted' });
      const status = $('thread-status').firstChild;
      status.append(' ', el('a', { href: threadHref(created.id) }, created.title));
      $('sort').value = 'NEWEST';
      await loadThreads(false);
    } catch (err) { if (err.problem) showProblem(form, err); else fail('thread-status', err); }
  });
});

onLangChange(() => { if (forum) { renderHead(); renderThreads(); } });
load().catch(err => fail('result', err));
