// The public list of consultations; officials also see their ministry's drafts and a "new consultation" button.
import '../shell.js';
import { get } from '../api.js';
import { onLangChange } from '../i18n.js';
import { currentUser } from '../session.js';
import { hasRole } from '../roles.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { consultationBadge, seoulTime } from '../consultation-ui.js';

const $ = id => document.getElementById(id);
let data = null;

function render() {
  if (!data) return;
  const body = $('consultations-body');
  body.textContent = '';
  for (const c of data.items) {
    body.append(el('tr', {},
      el('td', {}, el('a', { href: `/consultations/consultation.html?id=${encodeURIComponent(c.id)}` }, c.title)),
      el('td', { i18n: `consultation.kind.${c.kind}` }),
      el('td', {}, consultationBadge(c.state)),
      el('td', {}, seoulTime(c.closesAt))));
  }
  $('consultations-empty').hidden = data.items.length > 0;
}

async function load() {
  const user = await currentUser();
  $('new-consultation').hidden = !hasRole(user, 'OFFICIAL');
  data = await get('/api/consultations?size=100', { redirect: false });
  $('result').textContent = '';
  render();
}

onLangChange(render);
load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
