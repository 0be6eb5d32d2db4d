// A thread: the opening post and its replies nested (up to three levels), rendered from the server's sanitised HTML;
// replying, agreeing/disagreeing, editing within the window, deleting (a tombstone stays), revision history,
// following, and flagging with a reason. What the server withholds (hidden or removed posts) is shown as a placeholder.
import '../shell.js';
import { get, post, put, del } from '../api.js';
import { lang, onLangChange, setText, t } from '../i18n.js';
import { currentUser } from '../session.js';
import { signInUrl } from '../next.js';
import { announce, busy, clearErrors, showProblem, showValidation } from '../forms.js';
import { el, formatDate, timeEl } from '../admin.js';
import { forumTitle, idFrom, MAX_DEPTH, pagePath, replyTree } from '../forums.js';
import { byline, fail, forumHref } from '../forum-ui.js';

const $ = id => document.getElementById(id);
let id = idFrom(location.search);
let user = null;
let view = null; // { thread, forum, following }
let replies = [];
let next = null;
let target = null; // the post a reply answers (null: the thread)
let editing = null;
let flagging = null;
let reasonsLoaded = false;

const byId = pid => (view && view.thread.id === pid ? view.thread : replies.find(r => r.id === pid));

function replace(updated) {
  if (view.thread.id === updated.id) view.thread = updated;
  else replies = replies.map(r => (r.id === updated.id ? updated : r));
}

function label(p) {
  return p.depth === 0 ? t('forum.theThread') : t('forum.replyBy', { name: p.authorName || t('forum.someone') });
}

function body(p) {
  if (p.deleted) return el('p', { class: 'madang-tombstone', i18n: 'forum.deleted' });
  if (p.withheld) return el('p', { class: 'madang-tombstone', i18n: p.removed ? 'forum.withheldRemoved' : 'forum.withheldHidden' });
  const box = el('div', { class: 'madang-post-body' });
  box.innerHTML = p.bodyHtml || ''; // sanitised by the server (commonmark + OWASP sanitizer)
  return box;
}

function reactionRow(p) {
  const counts = el('span', { class: 'madang-counts' }, t('forum.reactions', { agree: p.agreeCount, disagree: p.disagreeCount }));
  const row = el('p', { class: 'madang-post-actions' }, counts);
  const canReact = user && !p.mine && !p.deleted && !p.withheld;
  if (canReact) {
    for (const [kind, key] of [['AGREE', 'forum.agree'], ['DISAGREE', 'forum.disagree']]) {
      const b = el('button', { type: 'button', class: `krds-btn xsmall ${p.myReaction === kind ? 'primary' : 'secondary'}`, 'aria-pressed': String(p.myReaction === kind), 'data-action': kind.toLowerCase() },
        el('span', { i18n: key }), el('span', { class: 'sr-only' }, ` ${label(p)}`));
      b.addEventListener('click', async () => {
        try {
          const path = `/api/forums/posts/${encodeURIComponent(p.id)}/reaction`;
          const updated = p.myReaction === kind ? await del(path) : await put(path, { reaction: kind });
          replace(updated);
          rerender(updated.id, `[data-action=${kind.toLowerCase()}]`);
          announce('replies-status', 'success', { key: 'forum.reactions', params: { agree: updated.agreeCount, disagree: updated.disagreeCount } });
        } catch (err) { fail('replies-status', err); }
      });
      row.append(' ', b);
    }
  }
  return row;
}

function actionButton(key, action, p, onClick) {
  const b = el('button', { type: 'button', class: 'krds-btn xsmall tertiary', 'data-action': action },
    el('span', { i18n: key }), el('span', { class: 'sr-only' }, ` ${label(p)}`));
  b.addEventListener('click', onClick);
  return b;
}

function postActions(p) {
  const row = el('p', { class: 'madang-post-actions' });
  if (user && p.canReply && !p.deleted && !p.withheld && p.depth < MAX_DEPTH) {
    row.append(actionButton('forum.reply', 'reply', p, () => setTarget(p, true)), ' ');
  }
  if (p.canEdit) row.append(actionButton('forum.edit', 'edit', p, () => openEdit(p)), ' ');
  if (p.canDelete) row.append(actionButton('forum.delete', 'delete', p, () => remove(p)), ' ');
  if (p.revisionCount > 0 && !p.withheld) row.append(actionButton('forum.history', 'history', p, () => openHistory(p)), ' ');
  if (user && !p.mine && !p.deleted && !p.withheld) row.append(actionButton('forum.flag', 'flag', p, () => openFlag(p)), ' ');
  return row.childNodes.length ? row : null;
}

function postArticle(p) {
  const art = el('article', { class: 'madang-post', id: `post-${p.id}`, tabindex: '-1', 'aria-label': label(p) });
  if (!p.withheld && !p.deleted) art.append(byline(p));
  if (p.hidden && !p.withheld) art.append(el('p', { class: 'madang-warning-text', i18n: 'forum.hiddenNotice' }));
  if (p.removed && !p.withheld) art.append(el('p', { class: 'madang-warning-text', i18n: 'forum.removedNotice' }));
  art.append(body(p));
  if (p.attachments && p.attachments.length) {
    art.append(el('ul', { class: 'madang-attachments' }, ...p.attachments.map(a =>
      el('li', {}, el('a', { href: a.url }, a.fileName), el('span', { class: 'madang-meta' }, ` (${a.contentType}, ${Math.ceil(a.sizeBytes / 1024)} KB)`)))));
  }
  if (p.canEdit && p.editableUntil) art.append(el('p', { class: 'madang-meta', i18n: 'forum.editableUntil', i18nParams: { time: formatDate(p.editableUntil) } }));
  if (!p.withheld && !p.deleted) art.append(reactionRow(p));
  const actions = postActions(p);
  if (actions) art.append(actions);
  return art;
}

function replyList(nodes) {
  const ol = el('ol', { class: 'madang-replies' });
  for (const n of nodes) {
    const li = el('li', { class: `madang-reply madang-depth-${Math.min(n.post.depth, MAX_DEPTH)}` }, postArticle(n.post));
    if (n.children.length) li.append(replyList(n.children));
    ol.append(li);
  }
  return ol;
}

function renderThread() {
  const p = view.thread;
  $('thread-title').textContent = p.withheld ? t('forum.withheldThread') : (p.deleted && !p.title ? t('forum.deletedThread') : p.title);
  document.title = `${$('thread-title').textContent} | ${document.title.split(' | ').pop()}`;
  const links = $('thread-links');
  links.textContent = '';
  links.append(el('a', { class: 'krds-btn tertiary medium', href: forumHref(view.forum.id) },
    el('span', { i18n: 'forum.backToForum' }), ` ${forumTitle(view.forum, lang())}`));
  if (user) {
    const follow = el('button', { type: 'button', id: 'follow', class: `krds-btn medium ${view.following ? 'primary' : 'secondary'}`, 'aria-pressed': String(view.following), i18n: 'forum.follow' });
    follow.addEventListener('click', toggleFollow);
    links.append(' ', follow);
  }
  const box = $('thread-post');
  box.textContent = '';
  box.append(postArticle(p));
}

function renderReplies() {
  const box = $('replies');
  const list = replyList(replyTree(view.thread.id, replies));
  list.id = 'replies';
  box.replaceWith(list);
  if (replies.length === 0) list.append(el('li', { i18n: 'forum.noReplies' }));
  $('more-replies').hidden = !next;
}

/** Re-renders everything, then puts focus back on the post (or on a control inside it). */
function rerender(pid, control) {
  renderThread();
  renderReplies();
  const art = document.getElementById(`post-${pid}`);
  const focus = (control && art?.querySelector(control)) || art;
  focus?.focus();
}

async function loadReplies(more) {
  const page = await get(pagePath(`/api/forums/threads/${encodeURIComponent(id)}/replies`,
    { sort: 'OLDEST', cursor: more ? next : null, limit: 100 }), { redirect: false });
  replies = more ? replies.concat(page.items) : page.items;
  next = page.nextCursor || null;
  renderReplies();
}

function setTarget(p, focus) {
  target = p && p.id !== view.thread.id ? p : null;
  if (target) setText($('reply-target'), 'forum.replyingTo', { who: label(target) });
  else setText($('reply-target'), 'forum.replyingToThread');
  $('reply-to-thread').hidden = !target;
  if (focus) $('reply-body').focus();
}

async function toggleFollow() {
  try {
    const path = `/api/forums/threads/${encodeURIComponent(id)}/follow`;
    if (view.following) await del(path); else await put(path);
    view.following = !view.following;
    renderThread();
    $('follow').focus();
    announce('follow-status', 'success', { key: view.following ? 'forum.followed' : 'forum.unfollowed' });
  } catch (err) { fail('follow-status', err); }
}

async function remove(p) {
  if (!window.confirm(t('forum.confirmDelete'))) return;
  try {
    replace(await del(`/api/forums/posts/${encodeURIComponent(p.id)}`));
    rerender(p.id);
    announce('replies-status', 'success', { key: 'forum.deletedDone' });
  } catch (err) { fail('replies-status', err); }
}

function openEdit(p) {
  editing = p;
  const form = $('edit-form');
  clearErrors(form);
  $('edit-title-group').hidden = p.depth !== 0;
  $('edit-title').value = p.depth === 0 ? (p.title || '') : '';
  $('edit-body').value = p.bodyMarkdown || '';
  setText($('edit-until'), 'forum.editableUntil', { time: formatDate(p.editableUntil) });
  $('edit-dialog').showModal();
  $('edit-body').focus();
}

async function openHistory(p) {
  const list = $('history');
  list.textContent = '';
  $('history-status').textContent = '';
  $('history-dialog').showModal();
  $('history-heading').focus(); // the heading, not the close button: the dialog is for reading
  try {
    const { items } = await get(p.revisionsUrl || `/api/forums/posts/${encodeURIComponent(p.id)}/revisions`, { redirect: false });
    for (const r of items) {
      const content = el('div', { class: 'madang-post-body' });
      content.innerHTML = r.bodyHtml || ''; // sanitised by the server
      list.append(el('li', { class: 'madang-item' },
        el('p', { class: 'madang-meta' }, el('span', { i18n: 'forum.writtenAt' }), ' ', timeEl(r.writtenAt), ' · ', el('span', { i18n: 'forum.replacedAt' }), ' ', timeEl(r.replacedAt)),
        r.title ? el('p', {}, el('strong', {}, r.title)) : null, content));
    }
    if (items.length === 0) list.append(el('li', { i18n: 'forum.noRevisions' }));
    announce('history-status', 'success', { key: 'forum.revisionCount', params: { count: items.length } });
  } catch (err) { fail('history-status', err); }
}

async function loadReasons() {
  if (reasonsLoaded) return;
  const reasons = await get('/api/moderation/flag-reasons', { redirect: false });
  const select = $('flag-reason');
  select.textContent = '';
  select.append(el('option', { value: '', i18n: 'forum.chooseReason' }));
  for (const r of reasons) select.append(el('option', { value: r, i18n: `forum.flagReasons.${r}` }));
  reasonsLoaded = true;
}

async function openFlag(p) {
  flagging = p;
  const form = $('flag-form');
  clearErrors(form);
  form.reset();
  $('flag-dialog').showModal();
  try { await loadReasons(); $('flag-reason').focus(); } catch (err) { fail('flag-status', err); }
}

function closeDialog(dialogId, back) {
  $(dialogId).close();
  if (back) document.getElementById(`post-${back.id}`)?.focus();
}

$('flag-cancel').addEventListener('click', () => closeDialog('flag-dialog', flagging));
$('edit-cancel').addEventListener('click', () => closeDialog('edit-dialog', editing));
$('history-close').addEventListener('click', () => $('history-dialog').close());

$('flag-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = e.target;
  const reason = $('flag-reason').value;
  if (showValidation(form, reason ? [] : [{ field: 'reason', key: 'validation.required' }])) return;
  await busy(form, async () => {
    try {
      const result = await post(`/api/forums/posts/${encodeURIComponent(flagging.id)}/flags`, { reason, note: $('flag-note').value.trim() || null });
      const p = flagging;
      closeDialog('flag-dialog');
      announce('replies-status', 'success', { key: result.hidden ? 'forum.flaggedHidden' : 'forum.flagged' });
      await reloadAll();
      document.getElementById(`post-${p.id}`)?.focus();
    } catch (err) { if (err.problem) showProblem(form, err); else fail('flag-status', err); }
  });
});

$('edit-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = e.target;
  const body = $('edit-body').value.trim();
  const title = $('edit-title').value.trim();
  const errors = [];
  if (!body) errors.push({ field: 'body', key: 'validation.required' });
  if (editing.depth === 0 && !title) errors.push({ field: 'title', key: 'validation.required' });
  if (showValidation(form, errors)) return;
  await busy(form, async () => {
    try {
      const updated = await put(`/api/forums/posts/${encodeURIComponent(editing.id)}`,
        { title: editing.depth === 0 ? title : null, body, version: editing.version });
      replace(updated);
      $('edit-dialog').close();
      rerender(updated.id);
      announce('replies-status', 'success', { key: 'forum.editSaved' });
    } catch (err) { if (err.problem) showProblem(form, err); else fail('edit-status', err); }
  });
});

$('reply-to-thread').addEventListener('click', () => setTarget(null, true));
$('more-replies').addEventListener('click', () => loadReplies(true).catch(err => fail('replies-status', err)));
$('reply-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = e.target;
  const body = $('reply-body').value.trim();
  const stance = $('reply-stance').value || null;
  const errors = [];
  if (!body) errors.push({ field: 'body', key: 'validation.required' });
  if (view.forum.stanceRequired && !stance) errors.push({ field: 'stance', key: 'forum.stanceNeeded' });
  if (showValidation(form, errors)) return;
  await busy(form, async () => {
    try {
      const parent = target ? target.id : view.thread.id;
      const created = await post(`/api/forums/posts/${encodeURIComponent(parent)}/replies`, { body, stance });
      clearErrors(form);
      form.reset();
      setTarget(null, false);
      announce(form, 'success', { key: 'forum.replyPosted' });
      await reloadAll();
      document.getElementById(`post-${created.id}`)?.focus();
    } catch (err) { if (err.problem) showProblem(form, err); else fail('reply-status', err); }
  });
});

async function reloadAll() {
  view = await get(`/api/forums/threads/${encodeURIComponent(id)}`, { redirect: false });
  renderThread();
  await loadReplies(false);
}

async function load() {
  const postId = new URLSearchParams(location.search).get('post');
  if (!id && postId && /^[\w-]{1,64}$/.test(postId)) {
    // the moderation log names posts, not threads: find the post's thread
    const p = await get(`/api/forums/posts/${encodeURIComponent(postId)}`, { redirect: false });
    id = p.threadId;
    location.hash = `post-${postId}`;
  }
  if (!id) throw new Error(t('forum.noThreadId'));
  user = await currentUser();
  view = await get(`/api/forums/threads/${encodeURIComponent(id)}`, { redirect: false });
  $('reply-form').hidden = !user;
  $('sign-in-to-reply').hidden = !!user;
  $('sign-in-link').href = signInUrl(location.pathname + location.search);
  if (view.forum.stanceRequired) { $('reply-stance').required = true; $('reply-stance').setAttribute('aria-required', 'true'); }
  $('result').textContent = '';
  $('content').hidden = false;
  renderThread();
  setTarget(null, false);
  await loadReplies(false);
  if (location.hash.startsWith('#post-')) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

onLangChange(() => { if (view) { renderThread(); renderReplies(); setTarget(target, false); } });
load().catch(err => fail('result', err));
