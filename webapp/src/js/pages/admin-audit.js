import '../shell.js';
import { get } from '../api.js';
import { onLangChange } from '../i18n.js';
import { announce } from '../forms.js';
import { guard, el, timeEl } from '../admin.js';
import { problemMessage } from '../problem.js';

const $ = id => document.getElementById(id);
let items = [];
let nextCursor = null;

const short = h => (h ? `${String(h).slice(0, 12)}…` : '');
const detailText = d => (d == null ? '' : typeof d === 'string' ? d : JSON.stringify(d));

function render() {
  const body = $('audit-body');
  body.textContent = '';
  for (const e of items) {
    body.append(el('tr', { id: `audit-${e.seq}` },
      el('td', {}, String(e.seq)),
      el('td', {}, timeEl(e.at)),
      el('td', {}, e.actor ?? ''),
      el('td', {}, e.action ?? ''),
      el('td', {}, e.target ?? ''),
      el('td', {}, detailText(e.detail)),
      el('td', {}, el('code', { title: e.hash || '' }, short(e.hash)))));
  }
  $('audit-empty').hidden = items.length > 0;
  $('audit-more').hidden = !nextCursor;
}

async function load(append) {
  const params = new URLSearchParams({ limit: '50' });
  if (append && nextCursor) params.set('cursor', nextCursor);
  const page = await get(`/api/audit?${params}`);
  items = append ? items.concat(page.items || []) : (page.items || []);
  nextCursor = page.nextCursor || null;
  render();
}

$('verify-chain').addEventListener('click', async () => {
  const btn = $('verify-chain');
  btn.disabled = true;
  announce('verify-result', 'info', { key: 'common.working' });
  try {
    const v = await get('/api/audit/verification');
    if (v.intact) announce('verify-result', 'success', { key: 'audit.intact', params: { entries: v.entries } });
    else announce('verify-result', 'error', { key: 'audit.broken', params: { entries: v.entries, seq: v.firstBrokenSeq ?? '?' } });
  } catch (err) {
    announce('verify-result', 'error', { text: problemMessage(err.problem) || err.message });
  } finally {
    btn.disabled = false;
  }
});
$('audit-more').addEventListener('click', () => load(true)
  .catch(err => announce('result', 'error', { text: problemMessage(err.problem) })));
onLangChange(render);

guard('ADMIN', 'AUDITOR').then(user => {
  if (user) load(false).catch(err => announce('result', 'error', { text: problemMessage(err.problem) }));
});
