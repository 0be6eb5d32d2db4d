// Decisions about my own posts, with the moderator's reason, and one appeal per decision.
import '../shell.js';
import { get, post } from '../api.js';
import { requireUser } from '../session.js';
import { announce, busy, showProblem, showValidation } from '../forms.js';
import { el, timeEl } from '../admin.js';
import { fail } from '../forum-ui.js';

const $ = id => document.getElementById(id);
let decisions = [];

function item(d) {
  const li = el('li', { class: 'madang-item', id: `decision-${d.id}` });
  li.append(el('h2', { class: 'madang-h3' }, el('span', { i18n: `moderation.outcome.${d.outcome}` }), ` · ${d.rule}`));
  const meta = el('p', { class: 'madang-meta' }, el('span', { i18n: 'moderation.decidedAt' }), ' ', timeEl(d.decidedAt));
  if (d.suspendedUntil) meta.append(' · ', el('span', { i18n: 'moderation.suspendedUntil' }), ' ', timeEl(d.suspendedUntil));
  li.append(meta, el('p', {}, el('strong', { i18n: 'moderation.reason' }), ` ${d.reason}`));
  if (d.contentKind === 'forum-post') li.append(el('p', {}, el('a', { href: `/forums/thread.html?post=${encodeURIComponent(d.contentId)}`, i18n: 'moderation.openContent' })));
  if (d.appealedAt) {
    li.append(el('p', {}, el('strong', { i18n: 'moderation.appealText' }), ` ${d.appealText || ''} `, timeEl(d.appealedAt)));
    li.append(d.appealOutcome
      ? el('p', {}, el('strong', { i18n: `moderation.appealOutcome.${d.appealOutcome}` }), ` ${d.appealReason || ''}`)
      : el('p', { i18n: 'moderation.appealPending' }));
  } else if (d.canAppeal) {
    const base = `appeal-${d.id}`;
    const status = el('div', { id: `${base}-status`, class: 'madang-status', role: 'status' });
    const hint = el('p', { class: 'form-hint', id: `${base}-hint`, i18n: 'moderation.appealOnce' });
    const text = el('textarea', { id: `${base}-text`, name: 'text', class: 'krds-input', rows: '3', maxlength: '2000', required: true, 'aria-describedby': hint.id });
    const form = el('form', { id: `${base}-form`, novalidate: true, 'data-status': status.id },
      el('div', { class: 'form-group' }, el('label', { class: 'form-tit', for: text.id, i18n: 'moderation.appealText' }), hint, text),
      el('p', {}, el('button', { type: 'submit', class: 'krds-btn secondary medium', i18n: 'moderation.appeal' })), status);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (showValidation(form, text.value.trim() ? [] : [{ field: 'text', key: 'validation.required' }])) return;
      await busy(form, async () => {
        try {
          const updated = await post(`/api/moderation/decisions/${encodeURIComponent(d.id)}/appeal`, { text: text.value.trim() });
          decisions = decisions.map(x => (x.id === d.id ? updated : x));
          render();
          announce('result', 'success', { key: 'moderation.appealSent' });
          document.getElementById(`decision-${d.id}`)?.focus();
        } catch (err) { if (err.problem) showProblem(form, err); else fail(status.id, err); }
      });
    });
    li.append(form);
  }
  li.setAttribute('tabindex', '-1');
  return li;
}

function render() {
  const list = $('decisions');
  list.textContent = '';
  decisions.forEach(d => list.append(item(d)));
  $('decisions-empty').hidden = decisions.length > 0;
}

async function load() {
  await requireUser();
  decisions = (await get('/api/moderation/decisions/mine')).items;
  $('result').textContent = '';
  render();
}

load().catch(err => fail('result', err));
