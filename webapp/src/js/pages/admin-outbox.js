import '../shell.js';
import { get } from '../api.js';
import { onLangChange } from '../i18n.js';
import { announce } from '../forms.js';
import { guard, el, timeEl } from '../admin.js';
import { problemMessage } from '../problem.js';

const $ = id => document.getElementById(id);
let items = [];
let nextCursor = null;

function render() {
  const body = $('outbox-body');
  body.textContent = '';
  for (const m of items) {
    const open = el('button', { type: 'button', class: 'krds-btn xsmall secondary', 'data-open': m.id });
    open.append(el('span', { i18n: 'outbox.open' }), el('span', { class: 'sr-only' }, ` ${m.subject || ''}`));
    body.append(el('tr', {},
      el('td', {}, m.to || ''),
      el('td', {}, m.subject || ''),
      el('td', { i18n: `outbox.state.${m.status}` }),
      el('td', {}, timeEl(m.createdAt)),
      el('td', {}, open)));
  }
  $('outbox-empty').hidden = items.length > 0;
  $('outbox-more').hidden = !nextCursor;
}

async function load(append) {
  const q = append && nextCursor ? `?cursor=${encodeURIComponent(nextCursor)}` : '';
  const page = await get(`/api/admin/outbox${q}`);
  items = append ? items.concat(page.items || []) : (page.items || []);
  nextCursor = page.nextCursor || null;
  render();
}

$('outbox-body').addEventListener('click', ev => {
  const b = ev.target.closest('[data-open]');
  if (!b) return;
  const m = items.find(x => String(x.id) === b.dataset.open);
  if (!m) return;
  $('message-heading').textContent = m.subject || '';
  $('outbox-message-body').textContent = m.body || '';
  $('outbox-message').hidden = false;
  $('message-heading').focus();
});
$('outbox-more').addEventListener('click', () => load(true)
  .catch(err => announce('result', 'error', { text: problemMessage(err.problem) })));
onLangChange(render);

guard('ADMIN').then(user => {
  if (user) load(false).catch(err => announce('result', 'error', { text: problemMessage(err.problem) }));
});
