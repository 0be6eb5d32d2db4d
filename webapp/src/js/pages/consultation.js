// A consultation: the draft's articles, commenting (whole draft, one article, or a highlighted passage, with an
// optional replacement text), reactions, statements to vote on, and the opinion map as SVG with a text description.
import '../shell.js';
import { get, post, put } from '../api.js';
import { onLangChange, setText, t } from '../i18n.js';
import { currentUser } from '../session.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { consultationIdFromUrl, consultationPath, consultationBadge, seoulTime, diffView } from '../consultation-ui.js';

const $ = id => document.getElementById(id);
const id = consultationIdFromUrl();
const COLOURS = ['#0b78cb', '#d6410d', '#228738', '#8a4baf', '#a36600'];
let consultation = null;
let user = null;
let comments = [];
let next = null;
let target = { articleId: null };

const fail = (where, err) => announce(where, 'error', { text: problemMessage(err.problem) || err.message });

function setTarget(next) {
  target = next;
  const article = consultation.articles.find(a => a.id === target.articleId);
  if (!article) setText($('comment-target'), 'consultation.targetIsWhole');
  else if (target.quote) setText($('comment-target'), 'consultation.targetIsPassage', { article: article.label, quote: target.quote });
  else setText($('comment-target'), 'consultation.targetIsArticle', { article: article.label });
  $('proposal-group').hidden = !article;
}

function renderArticles() {
  const box = $('articles');
  box.textContent = '';
  for (const a of consultation.articles) {
    const body = el('p', { class: 'madang-article-body', 'data-article': a.id }, a.body);
    const actions = el('p', {},
      el('button', { type: 'button', class: 'krds-btn xsmall secondary', 'data-action': 'article' },
        el('span', { i18n: 'consultation.onArticle' }), el('span', { class: 'sr-only' }, ` ${a.label}`)), ' ',
      el('button', { type: 'button', class: 'krds-btn xsmall tertiary', 'data-action': 'passage' },
        el('span', { i18n: 'consultation.onPassage' }), el('span', { class: 'sr-only' }, ` ${a.label}`)));
    actions.querySelector('[data-action=article]').addEventListener('click', () => { setTarget({ articleId: a.id }); $('comment-body').focus(); });
    actions.querySelector('[data-action=passage]').addEventListener('click', () => {
      const sel = window.getSelection();
      const text = body.firstChild;
      if (!sel || sel.rangeCount === 0 || !text) return;
      const range = sel.getRangeAt(0);
      if (range.startContainer !== text || range.endContainer !== text || range.collapsed) {
        setText($('comment-target'), 'consultation.selectFirst');
        return;
      }
      setTarget({ articleId: a.id, start: range.startOffset, end: range.endOffset, quote: a.body.slice(range.startOffset, range.endOffset) });
      $('comment-body').focus();
    });
    box.append(el('article', { class: 'madang-article' }, el('h3', { class: 'madang-h3' }, `${a.label} ${a.heading || ''}`), body, actions));
  }
}

function commentItem(c) {
  const article = consultation.articles.find(a => a.id === c.articleId);
  const li = el('li', { class: 'madang-comment', id: `comment-${c.id}` });
  li.append(el('p', { class: 'madang-meta' }, `#${c.seq} · `, article ? `${article.label}` : el('span', { i18n: 'consultation.wholeDraft' })));
  if (c.quote) li.append(el('blockquote', {}, c.quote));
  const body = el('div', {});
  body.innerHTML = c.bodyHtml; // sanitised by the server (Markdown.toSafeHtml)
  li.append(body);
  if (c.diff) li.append(el('p', { class: 'madang-meta', i18n: 'consultation.proposedChange' }), diffView(c.diff));
  const counts = el('span', { 'aria-live': 'polite' }, t('consultation.reactions', { agree: c.agree, disagree: c.disagree }));
  const react = agree => async () => {
    try {
      const n = await put(consultationPath(id, `/comments/${c.id}/reaction`), { agree });
      c.agree = n.agree; c.disagree = n.disagree;
      counts.textContent = t('consultation.reactions', { agree: n.agree, disagree: n.disagree });
    } catch (err) { counts.textContent = problemMessage(err.problem) || err.message; }
  };
  const row = el('p', {}, counts);
  if (user && !c.mine && consultation.acceptingComments) {
    const yes = el('button', { type: 'button', class: 'krds-btn xsmall secondary', i18n: 'consultation.agree' });
    const no = el('button', { type: 'button', class: 'krds-btn xsmall secondary', i18n: 'consultation.disagree' });
    yes.addEventListener('click', react(true));
    no.addEventListener('click', react(false));
    row.append(' ', yes, ' ', no);
  }
  li.append(row);
  if (user && !c.mine) li.append(flagForm(c));
  if (c.decision) li.append(el('p', { class: 'madang-answer' }, el('strong', { i18n: `consultation.decision.${c.decision}` }), ` ${c.reason}`));
  return li;
}

const FLAG_REASONS = ['SPAM', 'ABUSE', 'PERSONAL_INFORMATION', 'OFF_TOPIC', 'ILLEGAL'];

// Reporting a comment to the moderators: a disclosure with the reason and an optional note.
function flagForm(c) {
  const prefix = `flag-${c.id}`;
  const status = el('div', { class: 'madang-status', role: 'status', id: `${prefix}-result` });
  const reason = el('select', { id: `${prefix}-reason`, name: 'reason', class: 'krds-input' },
    ...FLAG_REASONS.map(r => el('option', { value: r, i18n: `consultation.flagReason.${r}` })));
  const note = el('input', { id: `${prefix}-note`, name: 'note', class: 'krds-input', maxlength: '1000' });
  const form = el('form', { novalidate: true },
    el('div', { class: 'form-group' }, el('label', { class: 'form-tit', for: reason.id, i18n: 'consultation.flagReason' }), reason),
    el('div', { class: 'form-group' }, el('label', { class: 'form-tit', for: note.id, i18n: 'consultation.flagNote' }), note),
    el('p', {}, el('button', { type: 'submit', class: 'krds-btn xsmall secondary', i18n: 'consultation.flagSend' })), status);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const r = await post(consultationPath(id, `/comments/${c.id}/flags`), { reason: reason.value, note: note.value.trim() || null });
      announce(status.id, 'success', { key: r.hidden ? 'consultation.flaggedHidden' : 'consultation.flagged' });
      form.querySelector('button').disabled = true;
    } catch (err) { fail(status.id, err); }
  });
  return el('details', { class: 'madang-flag' }, el('summary', { i18n: 'consultation.flag' }), form);
}

async function searchComments(e) {
  e.preventDefault();
  const q = $('comment-search-q').value.trim();
  const list = $('comment-search-results');
  list.textContent = '';
  if (!q) return;
  try {
    const page = await get(`/api/consultations/comments/search?consultation=${encodeURIComponent(id)}&q=${encodeURIComponent(q)}&limit=20`, { redirect: false });
    announce('comment-search-result', 'info', { key: 'consultation.searchFound', params: { count: page.total } });
    for (const h of page.hits) {
      const snippet = el('span', {});
      snippet.innerHTML = h.snippetHtml; // escaped by the server, with <mark> around the matched words
      list.append(el('li', {}, el('a', { href: `#comment-${h.commentId}` }, snippet)));
    }
  } catch (err) { fail('comment-search-result', err); }
}

function renderComments() {
  const list = $('comments');
  list.textContent = '';
  comments.forEach(c => list.append(commentItem(c)));
  if (comments.length === 0) list.append(el('li', { i18n: 'consultation.noComments' }));
  $('more-comments').hidden = !next;
}

async function loadComments(more) {
  const page = await get(consultationPath(id, `/comments?limit=50${more && next ? `&after=${next}` : ''}`), { redirect: false });
  comments = more ? comments.concat(page.items) : page.items;
  next = page.next || null;
  renderComments();
}

async function loadStatements() {
  const { items } = await get(consultationPath(id, '/statements'), { redirect: false });
  const list = $('statements');
  list.textContent = '';
  for (const s of items.filter(s => s.moderated >= 0)) {
    const li = el('li', {}, el('span', {}, `${s.text} `),
      el('span', { class: 'madang-meta' }, t('consultation.votes', { agree: s.agree, disagree: s.disagree, pass: s.pass })));
    if (user && consultation.acceptingComments) {
      const group = el('span', { role: 'group', 'aria-label': s.text });
      for (const [vote, key] of [[1, 'consultation.agree'], [-1, 'consultation.disagree'], [0, 'consultation.pass']]) {
        const b = el('button', { type: 'button', class: `krds-btn xsmall ${s.myVote === vote ? 'primary' : 'secondary'}`, 'aria-pressed': String(s.myVote === vote), i18n: key });
        b.addEventListener('click', async () => {
          try { await put(consultationPath(id, `/statements/${s.id}/vote`), { vote }); await loadStatements(); } catch (err) { fail('statement-result', err); }
        });
        group.append(' ', b);
      }
      li.append(group);
    }
    list.append(li);
  }
}

async function loadMap() {
  const map = await get(consultationPath(id, '/opinion-map'), { redirect: false });
  const box = $('map');
  box.textContent = '';
  const groups = $('groups');
  groups.textContent = '';
  if (map.groups.length === 0) { box.append(el('p', { i18n: 'consultation.mapEmpty' })); return; }
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '-1.1 -1.1 2.2 2.2');
  svg.setAttribute('width', '360');
  svg.setAttribute('height', '360');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', 'map-title map-desc');
  const title = document.createElementNS(ns, 'title');
  title.id = 'map-title';
  title.textContent = t('consultation.mapTitle');
  const desc = document.createElementNS(ns, 'desc');
  desc.id = 'map-desc';
  desc.textContent = t('consultation.mapDesc', { participants: map.placed, groups: map.groups.length });
  svg.append(title, desc);
  const scale = Math.max(1e-9, ...map.points.map(p => Math.max(Math.abs(p.x), Math.abs(p.y))));
  for (const p of map.points.filter(p => p.group >= 0)) {
    const c = document.createElementNS(ns, 'circle');
    c.setAttribute('cx', String(p.x / scale));
    c.setAttribute('cy', String(-p.y / scale));
    c.setAttribute('r', '0.03');
    c.setAttribute('fill', COLOURS[p.group % COLOURS.length]);
    svg.append(c);
  }
  box.append(svg);
  for (const g of map.groups) {
    const letter = String.fromCharCode(65 + g.id);
    const section = el('section', { class: 'madang-group' },
      el('h3', { class: 'madang-h3' }, el('span', { 'aria-hidden': 'true', class: `madang-group-${g.id % COLOURS.length}` }, '● '),
        t('consultation.groupName', { letter, size: g.size })));
    const ul = el('ul', {});
    for (const ch of g.characteristic) {
      ul.append(el('li', {}, t(ch.direction === 'AGREE' ? 'consultation.groupAgrees' : 'consultation.groupDisagrees',
        { share: Math.round(ch.share * 100) }), ` ${ch.text}`));
    }
    section.append(ul);
    groups.append(section);
  }
  const consensus = $('consensus');
  consensus.textContent = '';
  for (const k of map.consensus) consensus.append(el('li', {}, `${k.text} `, el('span', { class: 'madang-meta', i18n: k.direction === 'AGREE' ? 'consultation.allAgree' : 'consultation.allDisagree' })));
  if (map.consensus.length === 0) consensus.append(el('li', { i18n: 'consultation.noConsensus' }));
}

function renderHead() {
  const c = consultation;
  $('consultation-title').textContent = c.title;
  const facts = $('facts');
  facts.textContent = '';
  facts.append(consultationBadge(c.state), ' ', el('span', { i18n: `consultation.kind.${c.kind}` }), ' · ',
    el('span', { i18n: 'consultation.period' }), ' ', seoulTime(c.opensAt), ' – ', seoulTime(c.closesAt));
  const links = $('links');
  links.textContent = '';
  if (c.state === 'RESPONDED' || c.allowedTransitions.includes('RESPONDED')) {
    links.append(el('a', { class: 'krds-btn secondary medium', href: `/consultations/report.html?id=${encodeURIComponent(id)}`, i18n: 'consultation.report' }), ' ');
  }
  if (c.mayEdit || c.mayApprove || c.allowedTransitions.length > 0) {
    links.append(el('a', { class: 'krds-btn tertiary medium', href: `/consultations/manage.html?id=${encodeURIComponent(id)}`, i18n: 'consultation.manage' }));
  }
  $('summary').innerHTML = c.summaryHtml; // sanitised by the server
  const questions = $('questions');
  questions.textContent = '';
  c.questions.forEach(q => questions.append(el('li', {}, q)));
  $('questions-section').hidden = c.questions.length === 0;
  const docs = $('documents');
  docs.textContent = '';
  c.documents.forEach(d => docs.append(el('li', {}, el('a', { href: d.url || consultationPath(id, `/documents/${d.id}`), rel: d.url ? 'noopener nofollow' : null }, d.name),
    d.size ? el('span', { class: 'madang-meta' }, ` (${d.mediaType}, ${Math.ceil(d.size / 1024)} KB, SHA-256 ${d.sha256.slice(0, 12)}…)`) : null)));
  $('documents-section').hidden = c.documents.length === 0;
  $('comment-section').hidden = !(c.acceptingComments && user);
  $('statement-form').hidden = !(c.acceptingComments && user);
  renderArticles();
}

async function load() {
  if (!id) throw new Error(t('consultation.noId'));
  user = await currentUser();
  consultation = await get(consultationPath(id), { redirect: false });
  $('result').textContent = '';
  $('content').hidden = false;
  renderHead();
  setTarget({ articleId: null });
  await Promise.all([loadComments(false), loadStatements(), loadMap()]);
}

$('target-whole').addEventListener('click', () => setTarget({ articleId: null }));
$('comment-search').addEventListener('submit', searchComments);
$('more-comments').addEventListener('click', () => loadComments(true).catch(err => fail('result', err)));
$('comment-form').addEventListener('submit', async e => {
  e.preventDefault();
  const body = $('comment-body').value.trim();
  if (!body) { announce('comment-result', 'error', { key: 'consultation.bodyRequired' }); $('comment-body').focus(); return; }
  const proposal = $('comment-proposal').value.trim();
  try {
    await post(consultationPath(id, '/comments'), { ...target, body, proposedText: target.articleId && proposal ? proposal : null });
    $('comment-body').value = '';
    $('comment-proposal').value = '';
    announce('comment-result', 'success', { key: 'consultation.commentSaved' });
    await loadComments(false);
  } catch (err) { fail('comment-result', err); }
});
$('statement-form').addEventListener('submit', async e => {
  e.preventDefault();
  const text = $('statement-text').value.trim();
  if (!text) { announce('statement-result', 'error', { key: 'consultation.bodyRequired' }); return; }
  try {
    await post(consultationPath(id, '/statements'), { text });
    $('statement-text').value = '';
    announce('statement-result', 'success', { key: 'consultation.statementSaved' });
    await loadStatements();
  } catch (err) { fail('statement-result', err); }
});

onLangChange(() => { if (consultation) { renderHead(); setTarget(target); renderComments(); loadStatements(); loadMap(); } });
load().catch(err => fail('result', err));
