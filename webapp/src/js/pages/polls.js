// The list of polls, newest first, a page at a time; officials and moderators create polls, other signed-in
// people propose them (a moderator publishes a proposal).
import '../shell.js';
import { get } from '../api.js';
import { onLangChange, lang, setText } from '../i18n.js';
import { currentUser } from '../session.js';
import { hasRole } from '../roles.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { seoulTime } from '../election-ui.js';
import { pollBadge } from '../poll-ui.js';

const $ = id => document.getElementById(id);
const SIZE = 20;
let page = 0;
let data = null;

function render() {
  if (!data) return;
  const body = $('polls-body');
  body.textContent = '';
  for (const p of data.items) {
    body.append(el('tr', {},
      el('td', {}, el('a', { href: `/polls/poll.html?id=${encodeURIComponent(p.id)}` }, lang() === 'en' ? p.questionEn : p.questionKo)),
      el('td', { i18n: `poll.kind.${p.kind}` }),
      el('td', {}, pollBadge(p)),
      el('td', {}, seoulTime(p.closesAt))));
  }
  $('polls-empty').hidden = data.items.length > 0;
  $('prev-page').hidden = page === 0;
  $('next-page').hidden = data.items.length < SIZE;
  setText($('page-number'), 'poll.pageNumber', { page: page + 1 });
}

async function load() {
  data = await get(`/api/polls?page=${page}&size=${SIZE}`, { redirect: false });
  $('result').textContent = '';
  render();
}

async function start() {
  const user = await currentUser();
  if (user) {
    $('new-poll').hidden = false;
    if (!hasRole(user, 'OFFICIAL', 'MODERATOR')) setText($('new-poll-link'), 'poll.propose');
  }
  await load();
}

const fail = err => announce('result', 'error', { text: problemMessage(err.problem) || err.message });
$('prev-page').addEventListener('click', () => { page = Math.max(0, page - 1); load().catch(fail); });
$('next-page').addEventListener('click', () => { page += 1; load().catch(fail); });
onLangChange(render);
start().catch(fail);
