// The public list of elections; election administrators also see drafts and a "new election" button.
import '../shell.js';
import { get } from '../api.js';
import { onLangChange, setText } from '../i18n.js';
import { currentUser } from '../session.js';
import { hasRole } from '../roles.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { pageCount } from '../elections.js';
import { stateBadge, seoulTime, title } from '../election-ui.js';

const SIZE = 10;
const $ = id => document.getElementById(id);
const requested = Math.max(0, (Number.parseInt(new URLSearchParams(location.search).get('page'), 10) || 1) - 1);
let data = null;
let admin = false;

function pageLink(n, current) {
  const a = el('a', { class: `page-link${n === current ? ' active' : ''}`, href: `?page=${n + 1}` });
  if (n === current) {
    a.setAttribute('aria-current', 'page');
    a.append(el('span', { class: 'sr-only', i18n: 'elections.currentPage' }), ' ');
  }
  a.append(String(n + 1));
  return a;
}

function renderPages() {
  const nav = $('elections-pages');
  nav.textContent = '';
  const pages = pageCount(data.total, SIZE);
  nav.hidden = pages <= 1;
  if (pages <= 1) return;
  const current = data.page;
  const prev = current > 0
    ? el('a', { class: 'page-navi prev', href: `?page=${current}`, i18n: 'elections.prev' })
    : el('span', { class: 'page-navi prev disabled', i18n: 'elections.prev' });
  const next = current < pages - 1
    ? el('a', { class: 'page-navi next', href: `?page=${current + 2}`, i18n: 'elections.next' })
    : el('span', { class: 'page-navi next disabled', i18n: 'elections.next' });
  const links = el('div', { class: 'page-links' });
  for (let n = 0; n < pages; n++) links.append(pageLink(n, current));
  nav.append(prev, links, next);
}

function render() {
  if (!data) return;
  const body = $('elections-body');
  body.textContent = '';
  $('manage-col').hidden = !admin;
  for (const e of data.items) {
    const row = el('tr', {},
      el('td', {}, el('a', { href: `/elections/election.html?id=${encodeURIComponent(e.id)}` }, title(e))),
      el('td', {}, stateBadge(e.state)),
      el('td', {}, seoulTime(e.opensAt)),
      el('td', {}, seoulTime(e.closesAt)));
    if (admin) {
      const manage = el('a', { href: `/admin/election-manage.html?id=${encodeURIComponent(e.id)}` },
        el('span', { i18n: 'elections.manage' }), el('span', { class: 'sr-only' }, ` ${title(e)}`));
      row.append(el('td', {}, manage));
    }
    body.append(row);
  }
  $('elections-empty').hidden = data.items.length > 0;
  setText($('elections-count'), 'elections.count', { total: data.total, page: data.page + 1, pages: pageCount(data.total, SIZE) });
  renderPages();
}

async function load() {
  const user = await currentUser();
  admin = hasRole(user, 'ELECTION_ADMIN');
  $('new-election').hidden = !admin;
  data = await get(`/api/elections?page=${requested}&size=${SIZE}`, { redirect: false });
  $('result').textContent = '';
  render();
}

onLangChange(render);
load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
