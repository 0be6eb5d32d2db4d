// Public disclosure requests (no requester data is ever sent by the server) and per-agency statistics.
import '../shell.js';
import { get } from '../api.js';
import { lang, onLangChange } from '../i18n.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { currentUser, hasRole } from '../session.js';

const $ = id => document.getElementById(id);
let requests = null;
let stats = null;

const agencyName = a => (lang() === 'en' ? a.nameEn : a.nameKo);
const due = r => (r.deadlines || []).find(d => d.kind === 'DECISION');

function render() {
  if (!requests) return;
  const body = $('requests-body');
  body.textContent = '';
  for (const r of requests) {
    const d = due(r);
    body.append(el('tr', {},
      el('td', {}, el('a', { href: `/information/request.html?ref=${encodeURIComponent(r.reference)}` }, r.reference)),
      el('td', {}, agencyName(r.agency)),
      el('td', {}, r.subject),
      el('td', {}, el('span', { i18n: `info.state.${r.status}` })),
      el('td', {}, d ? d.lastDay : '', r.overdue ? el('span', { class: 'krds-badge bg-danger', i18n: 'info.overdue' }) : null)));
  }
  $('requests-empty').hidden = requests.length > 0;
  const sbody = $('stats-body');
  sbody.textContent = '';
  for (const s of stats || []) {
    sbody.append(el('tr', {},
      el('td', {}, lang() === 'en' ? s.nameEn : s.nameKo),
      el('td', {}, String(s.requests)),
      el('td', {}, s.medianDaysToDecision == null ? '–' : String(s.medianDaysToDecision)),
      el('td', {}, `${Math.round(s.overdueShare * 100)}%`)));
  }
}

async function load() {
  [requests, stats] = await Promise.all([
    get('/api/disclosure/requests', { redirect: false }),
    get('/api/disclosure/statistics', { redirect: false })]);
  $('result').textContent = '';
  render();
}

// The agency queue is offered to the staff who can open it; the server checks the agency on every call.
currentUser().then(user => { $('link-queue').hidden = !hasRole(user, 'OFFICIAL', 'ORG_ADMIN'); });

onLangChange(render);
load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
