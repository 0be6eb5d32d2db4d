// The agency's disclosure queue for its officials and organisation administrators: every request of the chosen
// agency (or only the overdue ones), overdue rows flagged, each linking to the handling page.
import '../shell.js';
import { get } from '../api.js';
import { onLangChange } from '../i18n.js';
import { announce, showProblem } from '../forms.js';
import { el, guard, orgName } from '../admin.js';
import { problemMessage } from '../problem.js';
import { handleLink, openDeadlinesCell } from '../disclosure-ui.js';

const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
let user = null;
let organisations = [];
let requests = null;

function fillAgencies() {
  const select = $('agency');
  const keep = select.value || params.get('agency') || '';
  select.textContent = '';
  const mine = (user.roles || []).filter(r => (r.role === 'OFFICIAL' || r.role === 'ORG_ADMIN') && r.organisationId)
    .map(r => r.organisationId);
  for (const id of [...new Set(mine)]) {
    const org = organisations.find(o => o.id === id);
    select.append(el('option', { value: id }, org ? orgName(org) : id));
  }
  if ([...select.options].some(o => o.value === keep)) select.value = keep;
}

function render() {
  if (!requests) return;
  const body = $('queue-body');
  body.textContent = '';
  for (const r of requests) {
    body.append(el('tr', { 'data-ref': r.reference, class: r.overdue ? 'madang-overdue' : null },
      el('td', {}, el('a', { href: handleLink(r.reference) }, r.reference),
        r.overdue ? ' ' : null, r.overdue ? el('span', { class: 'krds-badge bg-danger', i18n: 'info.overdue' }) : null),
      el('td', {}, r.subject),
      el('td', {}, el('span', { i18n: `info.state.${r.status}` })),
      el('td', {}, openDeadlinesCell(r))));
  }
  $('queue-empty').hidden = requests.length > 0;
}

async function loadQueue() {
  const agency = $('agency').value;
  if (!agency) { announce('queue-form-status', 'error', { key: 'info.noAgency' }); return; }
  const overdue = $('overdue-only').checked;
  requests = await get(`/api/disclosure/agencies/${encodeURIComponent(agency)}/requests${overdue ? '?overdue=true' : ''}`);
  history.replaceState(null, '', `?agency=${encodeURIComponent(agency)}${overdue ? '&overdue=true' : ''}`);
  render();
}

async function start() {
  user = await guard('OFFICIAL', 'ORG_ADMIN');
  if (!user) return;
  const all = await get('/api/organisations', { redirect: false }).catch(() => ({ items: [] }));
  organisations = Array.isArray(all) ? all : (all.items || []);
  $('overdue-only').checked = params.get('overdue') === 'true';
  fillAgencies();
  await loadQueue();
}

$('queue-form').addEventListener('submit', async e => {
  e.preventDefault();
  try { await loadQueue(); } catch (err) { if (err.problem) showProblem($('queue-form'), err); else throw err; }
});

onLangChange(() => { if (user) { fillAgencies(); render(); } });
start().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
