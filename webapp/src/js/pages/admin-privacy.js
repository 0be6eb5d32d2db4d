import '../shell.js';
import { get, post } from '../api.js';
import { t, lang, onLangChange } from '../i18n.js';
import { announce, handleForm } from '../forms.js';
import { guard, el, timeEl } from '../admin.js';
import { problemMessage } from '../problem.js';

const $ = id => document.getElementById(id);
let erasures = [];
let review = null;
let chain = null;

function deadlineCell(r) {
  const explanation = lang() === 'en' ? r.deadlineExplanationEn : r.deadlineExplanationKo;
  const state = r.overdue
    ? el('span', { class: 'krds-badge bg-danger', i18n: 'privacyOfficer.overdue', i18nParams: { due: r.dueOn } })
    : el('span', { i18n: 'privacyOfficer.dueBy', i18nParams: { due: r.dueOn } });
  return el('td', {}, el('p', {}, state), el('p', { class: 'form-hint' }, explanation || ''));
}

function renderErasures() {
  const body = $('erasures-body');
  body.textContent = '';
  for (const r of erasures) {
    const carryOut = el('button', { type: 'button', class: 'krds-btn xsmall primary', 'data-carry-out': r.id });
    carryOut.append(el('span', { i18n: 'privacyOfficer.carryOut' }), el('span', { class: 'sr-only' }, ` ${r.accountId}`));
    body.append(el('tr', {},
      el('td', {}, timeEl(r.requestedAt)),
      el('td', {}, el('code', {}, r.accountId)),
      el('td', { i18n: r.removeContributions ? 'privacyOfficer.scopeRemove' : 'privacyOfficer.scopePseudonym' }),
      deadlineCell(r),
      el('td', {}, carryOut)));
  }
  $('erasures-empty').hidden = erasures.length > 0;
}

function renderChain() {
  if (!chain) return;
  announce('chain-status', chain.intact ? 'success' : 'error', chain.intact
    ? { key: 'privacyOfficer.chainIntact', params: { entries: chain.entries } }
    : { key: 'privacyOfficer.chainBroken', params: { entries: chain.entries, seq: chain.firstBrokenSeq } });
}

function renderReview() {
  if (!review) return;
  $('review-summary').textContent = t('privacyOfficer.reviewSummary',
    { month: review.month, entries: review.entries, subjects: review.subjects })
    + ' ' + t(review.chain && review.chain.intact ? 'privacyOfficer.reviewChainIntact' : 'privacyOfficer.reviewChainBroken');
  const body = $('review-body');
  body.textContent = '';
  for (const s of review.staff || []) {
    const roles = (s.roles || '').split(',').filter(Boolean).map(r => t(`role.${r}`)).join(', ');
    body.append(el('tr', {}, el('td', {}, el('code', {}, s.staffId)), el('td', {}, roles), el('td', {}, String(s.reads)),
      el('td', {}, String(s.subjects)), el('td', {}, (s.purposes || []).join(' · '))));
  }
  $('review').hidden = false;
}

function render() { renderErasures(); renderChain(); renderReview(); }

async function loadErasures() {
  erasures = await get('/api/privacy/erasure-requests');
  renderErasures();
}

$('erasures-body').addEventListener('click', async ev => {
  const b = ev.target.closest('[data-carry-out]');
  if (!b) return;
  if (!window.confirm(t('privacyOfficer.confirmCarryOut'))) return;
  b.disabled = true;
  try {
    const done = await post(`/api/privacy/erasure-requests/${encodeURIComponent(b.dataset.carryOut)}/completion`);
    await loadErasures();
    announce('erasures-status', 'success', { key: 'privacyOfficer.carriedOut', params: { pseudonym: done.pseudonym } });
  } catch (err) {
    b.disabled = false;
    announce('erasures-status', 'error', { text: problemMessage(err.problem) || err.message });
  }
});

$('chain-verify').addEventListener('click', async () => {
  try {
    chain = await get('/api/privacy/accesses/verification');
    renderChain();
  } catch (err) {
    announce('chain-status', 'error', { text: problemMessage(err.problem) || err.message });
  }
});

handleForm($('review-form'), {
  validateFn: v => (/^\d{4}-\d{2}$/.test(v.month || '') ? [] : [{ field: 'month', key: 'privacyOfficer.monthInvalid' }]),
  submit: v => get(`/api/privacy/reviews/${encodeURIComponent(v.month)}`),
  success: r => { review = r; renderReview(); },
});

onLangChange(render);

guard('PRIVACY_OFFICER').then(user => {
  if (!user) return;
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  $('review-month').value = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
  loadErasures().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
});
