// The moderators' queue (oldest first, with the flags' reasons and notes, never who flagged), a decision form per
// case, and the appeals waiting for another moderator.
import '../shell.js';
import { get, post } from '../api.js';
import { announce, busy, showProblem, showValidation } from '../forms.js';
import { el, guard, timeEl } from '../admin.js';
import { decisionRequest, OUTCOMES, pagePath } from '../forums.js';
import { fail } from '../forum-ui.js';

const $ = id => document.getElementById(id);
let queue = [];
let next = null;
let appeals = [];

function field(idBase, key, control, hint) {
  const group = el('div', { class: 'form-group' }, el('label', { class: 'form-tit', for: control.id, i18n: key }));
  if (hint) group.append(hint);
  group.append(control);
  return group;
}

function decisionForm(item) {
  const base = `d-${item.caseId}`;
  const status = el('div', { id: `${base}-status`, class: 'madang-status', role: 'status' });
  const form = el('form', { id: `${base}-form`, class: 'madang-decision', novalidate: true, 'data-status': status.id });
  const outcome = el('select', { id: `${base}-outcome`, name: 'outcome', class: 'krds-form-select', required: true },
    ...OUTCOMES.map(o => el('option', { value: o, i18n: `moderation.outcome.${o}` })));
  const days = el('input', { id: `${base}-days`, name: 'suspendDays', type: 'number', min: '1', max: '3650', class: 'krds-input', inputmode: 'numeric' });
  const daysGroup = field(base, 'moderation.suspendDays', days);
  daysGroup.hidden = true;
  outcome.addEventListener('change', () => { daysGroup.hidden = outcome.value !== 'SUSPEND_AUTHOR'; });
  const ruleHint = el('p', { class: 'form-hint', id: `${base}-rule-hint`, i18n: 'moderation.ruleHint' });
  const rule = el('input', { id: `${base}-rule`, name: 'rule', class: 'krds-input', maxlength: '30', required: true, 'aria-describedby': ruleHint.id, autocomplete: 'off' });
  const reason = el('textarea', { id: `${base}-reason`, name: 'reason', class: 'krds-input', rows: '3', maxlength: '2000', required: true });
  form.append(
    el('fieldset', { class: 'madang-plain-fieldset' },
      el('legend', { class: 'madang-h3', i18n: 'moderation.decide' }),
      field(base, 'moderation.outcomeLabel', outcome), daysGroup, field(base, 'moderation.rule', rule, ruleHint),
      field(base, 'moderation.reason', reason)),
    el('p', {}, el('button', { type: 'submit', class: 'krds-btn primary medium', i18n: 'moderation.submitDecision' })),
    status);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const { request, errors } = decisionRequest({ outcome: outcome.value, rule: rule.value, reason: reason.value, suspendDays: days.value });
    if (showValidation(form, errors || [])) return;
    await busy(form, async () => {
      try {
        const decision = await post(`/api/moderation/cases/${encodeURIComponent(item.caseId)}/decisions`, request);
        queue = queue.filter(q => q.caseId !== item.caseId);
        renderQueue();
        announce('queue-status', 'success', { key: 'moderation.decided', params: { rule: decision.rule } });
        $('queue-heading').setAttribute('tabindex', '-1');
        $('queue-heading').focus();
      } catch (err) { if (err.problem) showProblem(form, err); else fail(status.id, err); }
    });
  });
  return form;
}

function queueItem(item, index) {
  const li = el('li', { class: 'madang-item', id: `case-${item.caseId}` });
  const heading = el('h3', { class: 'madang-h3' }, el('span', { i18n: 'moderation.caseNumber', i18nParams: { n: index + 1 } }), ' ',
    el('span', { i18n: `moderation.kind.${item.contentKind}` }));
  li.append(heading);
  const facts = el('p', { class: 'madang-meta' }, el('span', { i18n: 'moderation.openedAt' }), ' ', timeEl(item.openedAt),
    ' · ', el('span', { i18n: 'moderation.flagCount', i18nParams: { count: item.flagCount } }));
  if (item.autoHidden) facts.append(' · ', el('span', { class: 'krds-badge outline-danger', i18n: 'moderation.autoHidden' }));
  if (!item.contentVisible) facts.append(' · ', el('span', { class: 'krds-badge outline-gray', i18n: 'moderation.notVisible' }));
  li.append(facts);
  if (item.excerpt) li.append(el('blockquote', { class: 'madang-excerpt' }, item.excerpt));
  if (item.link) li.append(el('p', {}, el('a', { href: item.link }, el('span', { i18n: 'moderation.openContent' }), el('span', { class: 'sr-only' }, ` ${index + 1}`))));
  const flags = el('ul', { class: 'madang-list', 'aria-labelledby': `case-${item.caseId}-flags` });
  for (const f of item.flags) {
    flags.append(el('li', {}, el('strong', { i18n: `forum.flagReasons.${f.reason}` }), f.note ? ` — ${f.note}` : '', ' ', el('span', { class: 'madang-meta' }, timeEl(f.flaggedAt))));
  }
  li.append(el('h4', { class: 'madang-h3', id: `case-${item.caseId}-flags`, i18n: 'moderation.flags' }), flags, decisionForm(item));
  return li;
}

function renderQueue() {
  const list = $('queue');
  list.textContent = '';
  queue.forEach((item, i) => list.append(queueItem(item, i)));
  $('queue-empty').hidden = queue.length > 0;
  $('more-queue').hidden = !next;
}

async function loadQueue(more) {
  const page = await get(pagePath('/api/moderation/queue', { cursor: more ? next : null, limit: 20 }), { redirect: false });
  queue = more ? queue.concat(page.items) : page.items;
  next = page.nextCursor || null;
  renderQueue();
}

function appealItem(d) {
  const base = `a-${d.id}`;
  const li = el('li', { class: 'madang-item' });
  li.append(el('h3', { class: 'madang-h3' }, el('span', { i18n: `moderation.outcome.${d.outcome}` }), ` · ${d.rule}`));
  li.append(el('p', { class: 'madang-meta' }, el('span', { i18n: 'moderation.decidedAt' }), ' ', timeEl(d.decidedAt), ' · ',
    el('span', { i18n: 'moderation.appealedAt' }), ' ', timeEl(d.appealedAt)));
  li.append(el('p', {}, el('strong', { i18n: 'moderation.reason' }), ` ${d.reason}`));
  li.append(el('p', {}, el('strong', { i18n: 'moderation.appealText' }), ` ${d.appealText || ''}`));
  const status = el('div', { id: `${base}-status`, class: 'madang-status', role: 'status' });
  const outcome = el('select', { id: `${base}-outcome`, name: 'outcome', class: 'krds-form-select' },
    el('option', { value: 'UPHELD', i18n: 'moderation.appealOutcome.UPHELD' }), el('option', { value: 'OVERTURNED', i18n: 'moderation.appealOutcome.OVERTURNED' }));
  const reason = el('textarea', { id: `${base}-reason`, name: 'reason', class: 'krds-input', rows: '2', maxlength: '2000', required: true });
  const form = el('form', { id: `${base}-form`, novalidate: true, 'data-status': status.id },
    field(base, 'moderation.appealOutcomeLabel', outcome), field(base, 'moderation.reason', reason),
    el('p', {}, el('button', { type: 'submit', class: 'krds-btn secondary medium', i18n: 'moderation.decideAppeal' })), status);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (showValidation(form, reason.value.trim() ? [] : [{ field: 'reason', key: 'validation.required' }])) return;
    await busy(form, async () => {
      try {
        await post(`/api/moderation/decisions/${encodeURIComponent(d.id)}/appeal/decision`, { outcome: outcome.value, reason: reason.value.trim() });
        appeals = appeals.filter(a => a.id !== d.id);
        renderAppeals();
        announce('appeals-status', 'success', { key: 'moderation.appealDecided' });
      } catch (err) { if (err.problem) showProblem(form, err); else fail(status.id, err); }
    });
  });
  li.append(form);
  return li;
}

function renderAppeals() {
  const list = $('appeals');
  list.textContent = '';
  appeals.forEach(a => list.append(appealItem(a)));
  $('appeals-empty').hidden = appeals.length > 0;
}

async function load() {
  if (!await guard('MODERATOR')) return;
  await loadQueue(false);
  try {
    appeals = (await get('/api/moderation/appeals?limit=50', { redirect: false })).items;
    renderAppeals();
  } catch (err) { fail('appeals-status', err); }
}

$('more-queue').addEventListener('click', () => loadQueue(true).catch(err => fail('queue-status', err)));
load().catch(err => fail('result', err));
