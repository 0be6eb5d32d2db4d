// The ministry's page for one consultation: drafting (articles as blocks of text), documents, Pol.is import,
// state moves (publication by the organisation administrator, with a reason for short notice), and answering.
import '../shell.js';
import { get, post, put, api } from '../api.js';
import { onLangChange, setText } from '../i18n.js';
import { announce } from '../forms.js';
import { el, guard, orgName } from '../admin.js';
import { problemMessage } from '../problem.js';
import { seoulToInstant, instantToSeoul } from '../elections.js';
import { consultationIdFromUrl, consultationPath, consultationBadge } from '../consultation-ui.js';

const $ = id => document.getElementById(id);
let id = consultationIdFromUrl();
let consultation = null;
let user = null;
const fail = (where, err) => announce(where, 'error', { text: problemMessage(err.problem) || err.message });

/** Articles as text: blocks separated by a line of three dashes; each block's first line is "label | heading". */
export function parseArticles(text) {
  return text.split(/^---\s*$/m).map(b => b.trim()).filter(Boolean).map(block => {
    const [first, ...rest] = block.split('\n');
    const [label, heading = ''] = first.split('|').map(s => s.trim());
    return { label, heading, body: rest.join('\n').trim() };
  });
}

const formatArticles = articles => articles.map(a => `${a.label} | ${a.heading}\n${a.body}`).join('\n---\n');

async function fillOrganisations() {
  const mine = (user.roles || []).filter(r => r.role === 'OFFICIAL' && r.organisationId).map(r => r.organisationId);
  const all = await get('/api/organisations', { redirect: false }).catch(() => ({ items: [] }));
  const items = Array.isArray(all) ? all : (all.items || []);
  const select = $('organisation');
  select.textContent = '';
  for (const orgId of mine) {
    const org = items.find(o => o.id === orgId);
    select.append(el('option', { value: orgId }, org ? orgName(org) : orgId));
  }
}

function render() {
  const c = consultation;
  const facts = $('facts');
  facts.textContent = '';
  if (c) facts.append(el('a', { href: `/consultations/consultation.html?id=${encodeURIComponent(c.id)}` }, c.title), ' ', consultationBadge(c.state));
  const drafting = !c || c.mayEdit;
  $('draft-section').hidden = !drafting;
  $('documents-section').hidden = !(c && c.mayEdit);
  $('polis-section').hidden = !(c && c.mayEdit || c && c.state === 'OPEN' && c.allowedTransitions.includes('CLOSED'));
  $('state-section').hidden = !(c && c.allowedTransitions.length > 0);
  $('answer-section').hidden = !(c && c.state === 'CLOSED' && c.allowedTransitions.includes('RESPONDED'));
  const transitions = $('transitions');
  transitions.textContent = '';
  for (const to of c ? c.allowedTransitions : []) {
    const b = el('button', { type: 'button', class: `krds-btn ${to === 'WITHDRAWN' ? 'tertiary' : 'primary'} medium`, i18n: `consultation.moveTo.${to}` });
    b.addEventListener('click', async () => {
      try {
        consultation = await post(consultationPath(id, '/transitions'), { to, version: consultation.version, reason: $('reason').value.trim() || null });
        announce('state-result', 'success', { key: 'consultation.moved' });
        render();
        if (consultation.state === 'CLOSED') loadAnswers();
      } catch (err) { fail('state-result', err); }
    });
    transitions.append(b, ' ');
  }
}

async function loadAnswers() {
  const items = [];
  let after = 0;
  for (;;) {
    const page = await get(consultationPath(id, `/comments?limit=200&after=${after}`), { redirect: false });
    items.push(...page.items);
    if (!page.next) break;
    after = page.next;
  }
  const open = items.filter(c => !c.decision);
  setText($('unanswered'), 'consultation.unansweredCount', { count: open.length, total: items.length });
  const list = $('answer-comments');
  list.textContent = '';
  for (const c of items) {
    const box = el('input', { type: 'checkbox', id: `answer-${c.id}`, value: c.id, class: 'krds-form-check' });
    list.append(el('li', {}, box, ' ', el('label', { for: `answer-${c.id}` }, `#${c.seq} ${c.body}`),
      c.decision ? el('span', { class: 'madang-meta' }, ' — ', el('span', { i18n: `consultation.decision.${c.decision}` })) : null));
  }
}

async function load() {
  user = await guard('OFFICIAL', 'ORG_ADMIN');
  if (!user) return;
  await fillOrganisations();
  if (id) {
    consultation = await get(consultationPath(id), { redirect: false });
    const c = consultation;
    $('organisation').value = c.organisationId;
    $('kind').value = c.kind;
    $('title').value = c.title;
    $('summary').value = c.summary;
    $('questions').value = c.questions.join('\n');
    $('opens').value = instantToSeoul(c.opensAt);
    $('closes').value = instantToSeoul(c.closesAt);
    $('articles-text').value = formatArticles(c.articles);
    if (c.state === 'CLOSED') await loadAnswers();
  }
  render();
}

$('draft-form').addEventListener('submit', async e => {
  e.preventDefault();
  const body = {
    organisationId: $('organisation').value, kind: $('kind').value, title: $('title').value.trim(), summary: $('summary').value.trim(),
    questions: $('questions').value.split('\n').map(q => q.trim()).filter(Boolean),
    opensAt: seoulToInstant($('opens').value), closesAt: seoulToInstant($('closes').value), articles: parseArticles($('articles-text').value),
  };
  try {
    if (consultation) consultation = await put(consultationPath(id), { ...body, version: consultation.version });
    else {
      consultation = await post('/api/consultations', body);
      id = consultation.id;
      history.replaceState(null, '', `?id=${encodeURIComponent(id)}`);
    }
    announce('draft-result', 'success', { key: 'consultation.saved' });
    render();
  } catch (err) { fail('draft-result', err); }
});

$('link-form').addEventListener('submit', async e => {
  e.preventDefault();
  try {
    await post(consultationPath(id, '/documents/links'), { name: $('link-name').value.trim(), url: $('link-url').value.trim() });
    announce('documents-result', 'success', { key: 'consultation.saved' });
  } catch (err) { fail('documents-result', err); }
});

$('file-form').addEventListener('submit', async e => {
  e.preventDefault();
  const file = $('file').files[0];
  if (!file) return;
  try {
    await api('POST', consultationPath(id, `/documents/files?name=${encodeURIComponent(file.name)}`), await file.arrayBuffer(),
      { contentType: 'application/octet-stream' });
    announce('documents-result', 'success', { key: 'consultation.saved' });
  } catch (err) { fail('documents-result', err); }
});

$('polis-form').addEventListener('submit', async e => {
  e.preventDefault();
  const read = input => (input.files[0] ? input.files[0].text() : Promise.resolve(null));
  try {
    const report = await post(consultationPath(id, '/polis-imports'), {
      commentsCsv: await read($('polis-comments')), votesCsv: await read($('polis-votes')), participantsVotesCsv: await read($('polis-matrix')),
    });
    announce('polis-result', 'success', { key: 'consultation.imported', params: {
      statements: report.statements, participants: report.participants, votes: report.votes,
      ari: report.adjustedRandIndex == null ? '—' : report.adjustedRandIndex.toFixed(3) } });
  } catch (err) { fail('polis-result', err); }
});

$('answer-form').addEventListener('submit', async e => {
  e.preventDefault();
  const commentIds = [...document.querySelectorAll('#answer-comments input:checked')].map(i => i.value);
  const reason = $('answer-reason').value.trim();
  if (commentIds.length === 0 || !reason) { announce('answer-result', 'error', { key: 'consultation.answerIncomplete' }); return; }
  try {
    await post(consultationPath(id, '/answers'), { commentIds, decision: $('decision').value, reason });
    $('answer-reason').value = '';
    announce('answer-result', 'success', { key: 'consultation.saved' });
    await loadAnswers();
  } catch (err) { fail('answer-result', err); }
});

onLangChange(() => render());
load().catch(err => fail('result', err));
