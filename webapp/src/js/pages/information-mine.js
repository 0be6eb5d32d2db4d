// The signed-in person's own disclosure requests (private ones included), each with its state and open deadlines.
import '../shell.js';
import { get } from '../api.js';
import { lang, onLangChange } from '../i18n.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { requireUser } from '../session.js';
import { requestLink, openDeadlinesCell } from '../disclosure-ui.js';

const $ = id => document.getElementById(id);
let requests = null;

function render() {
  if (!requests) return;
  const body = $('mine-body');
  body.textContent = '';
  for (const r of requests) {
    body.append(el('tr', { 'data-ref': r.reference },
      el('td', {}, el('a', { href: requestLink(r.reference) }, r.reference)),
      el('td', {}, lang() === 'en' ? r.agency.nameEn : r.agency.nameKo),
      el('td', {}, r.subject, r.stayPrivate ? ' ' : null, r.stayPrivate ? el('span', { class: 'krds-badge bg-secondary', i18n: 'info.private' }) : null),
      el('td', {}, el('span', { i18n: `info.state.${r.status}` })),
      el('td', {}, openDeadlinesCell(r))));
  }
  $('mine-empty').hidden = requests.length > 0;
}

async function load() {
  await requireUser();
  requests = await get('/api/disclosure/requests/mine');
  $('result').textContent = '';
  $('admin-content').hidden = false;
  render();
}

onLangChange(render);
load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
