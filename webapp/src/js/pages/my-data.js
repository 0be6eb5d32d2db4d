import '../shell.js';
import { get, put, del, post } from '../api.js';
import { t, lang, onLangChange } from '../i18n.js';
import { handleForm, announce } from '../forms.js';
import { requireUser } from '../session.js';
import { problemMessage } from '../problem.js';
import { el, timeEl } from '../admin.js';

const $ = id => document.getElementById(id);
let consents = [];
let accesses = [];
let erasures = [];

function renderConsents() {
  const list = $('consents');
  list.textContent = '';
  for (const c of consents) {
    const text = lang() === 'en' ? c.text.textEn : c.text.textKo;
    const state = el('p', { i18n: c.granted ? 'myData.granted' : 'myData.notGranted' });
    if (c.since) state.append(' (', timeEl(c.since), ')');
    const button = el('button', { type: 'button', class: `krds-btn ${c.granted ? 'secondary' : 'primary'} small`,
      'data-purpose': c.text.purpose, 'data-version': c.text.version, 'data-granted': c.granted ? 'true' : 'false',
      i18n: c.granted ? 'myData.withdraw' : 'myData.grant' });
    list.append(el('li', {}, el('h3', { class: 'madang-h3', i18n: `consent.${c.text.purpose}` }),
      el('p', {}, text), el('p', { class: 'form-hint', i18n: 'myData.textVersion', i18nParams: { version: c.text.version } }), state, button));
  }
}

function renderAccesses() {
  const body = $('accesses-body');
  body.textContent = '';
  for (const a of accesses) {
    const roles = (a.staffRoles || '').split(',').filter(Boolean).map(r => t(`role.${r}`)).join(', ');
    body.append(el('tr', {}, el('td', {}, timeEl(a.at)), el('td', {}, roles), el('td', {}, a.fields.join(', ')), el('td', {}, a.purpose)));
  }
  $('accesses-empty').hidden = accesses.length > 0;
}

function renderErasures() {
  const list = $('erasures');
  list.textContent = '';
  for (const r of erasures) {
    const state = r.status === 'DONE' ? 'myData.erasureDone' : (r.overdue ? 'myData.erasureOverdue' : 'myData.erasurePending');
    const explanation = lang() === 'en' ? r.deadlineExplanationEn : r.deadlineExplanationKo;
    // how the 10 days were counted (holidays included), so the person can check the date themselves
    list.append(el('li', {}, el('p', { i18n: state, i18nParams: { due: r.dueOn } }),
      r.status === 'DONE' ? null : el('p', { class: 'form-hint' }, explanation || '')));
  }
  $('erasure-form').hidden = erasures.some(r => r.status === 'PENDING');
}

function render() { renderConsents(); renderAccesses(); renderErasures(); }

async function load() {
  [consents, accesses, erasures] = await Promise.all([
    get('/api/privacy/me/consents'), get('/api/privacy/me/accesses'), get('/api/privacy/me/erasure-requests')]);
  render();
}

$('consents').addEventListener('click', async ev => {
  const b = ev.target.closest('[data-purpose]');
  if (!b) return;
  const path = `/api/privacy/me/consents/${encodeURIComponent(b.dataset.purpose)}`;
  try {
    consents = b.dataset.granted === 'true' ? await del(path) : await put(path, { version: Number(b.dataset.version) });
    renderConsents();
    announce('consents-status', 'success', { key: b.dataset.granted === 'true' ? 'myData.withdrawn' : 'myData.agreed' });
  } catch (err) {
    announce('consents-status', 'error', { text: problemMessage(err.problem) || err.message });
  }
});

handleForm($('erasure-form'), {
  validateFn: () => [],
  submit: v => post('/api/privacy/me/erasure-requests', { removeContributions: Boolean(v.removeContributions) }),
  success: r => {
    erasures = [r, ...erasures];
    renderErasures();
    announce('result', 'success', { key: 'myData.erasurePending', params: { due: r.dueOn } });
  },
});

requireUser().then(async () => {
  await load();
  $('result').textContent = '';
  $('my-data').hidden = false;
}).catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
onLangChange(render);
