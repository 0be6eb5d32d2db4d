// One disclosure request: its facts and every deadline with the explanation of why it falls where it does.
import '../shell.js';
import { get } from '../api.js';
import { lang, onLangChange } from '../i18n.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';

const $ = id => document.getElementById(id);
const reference = new URLSearchParams(location.search).get('ref') || '';
let request = null;

function fact(key, value) {
  if (value == null || value === '') return [];
  return [el('dt', { i18n: key }), el('dd', {}, value)];
}

function render() {
  if (!request) return;
  const r = request;
  const en = lang() === 'en';
  $('request').hidden = false;
  $('request-subject').textContent = `${r.reference} · ${r.subject}`;
  const facts = $('request-facts');
  facts.textContent = '';
  facts.append(
    ...fact('info.agency', en ? r.agency.nameEn : r.agency.nameKo),
    ...fact('info.status', el('span', { i18n: `info.state.${r.status}` })),
    ...fact('info.description', r.description),
    ...fact('info.receivedAt', r.receivedAt),
    ...fact('info.extensionReason', r.extensionReason),
    ...fact('info.decision', r.decision ? el('span', { i18n: `info.decision.${r.decision}` }) : null),
    ...fact('info.ground', r.ground ? (en ? r.ground.nameEn : r.ground.nameKo) : null),
    ...fact('info.reason', r.decisionReason),
    ...fact('info.redactions', r.redactions));
  const body = $('deadlines-body');
  body.textContent = '';
  for (const d of r.deadlines) {
    const state = d.overdue ? 'info.overdue' : d.open ? 'info.open' : 'info.closed';
    body.append(el('tr', {},
      el('td', {}, el('span', { i18n: `info.deadline.${d.kind}` })),
      el('td', {}, d.lastDay),
      el('td', {}, el('span', { i18n: state })),
      el('td', {}, en ? d.explanationEn : d.explanationKo)));
  }
}

async function load() {
  if (!/^\d{4}-\d{6,9}$/.test(reference)) {
    announce('result', 'error', { key: 'info.notFound' });
    return;
  }
  request = await get(`/api/disclosure/requests/${encodeURIComponent(reference)}`, { redirect: false });
  $('result').textContent = '';
  render();
}

onLangChange(render);
load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
