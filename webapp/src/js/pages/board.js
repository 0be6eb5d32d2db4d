// The public bulletin board of one election: every ballot in order with its chain hash, searchable by
// confirmation code, and how to check it all with the verifier once the record is published.
import '../shell.js';
import { get } from '../api.js';
import { onLangChange, setText, t } from '../i18n.js';
import { announce, showValidation, showProblem, clearErrors } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { shortHex, pageCount } from '../elections.js';
import { electionIdFromUrl, electionPath, seoulTime, title, hexValue } from '../election-ui.js';
import { commandBlock } from '../command.js';
import { groupedCode } from '../eg/index.js';

const $ = id => document.getElementById(id);
const id = electionIdFromUrl();
const SIZE = 20;
const params = new URLSearchParams(location.search);
let page = Math.max(0, Number(params.get('page')) || 0);
let code = (params.get('code') || '').replace(/[^0-9a-fA-F-]/g, '').slice(0, 80);
let election = null;
let data = null;

function renderEntries() {
  if (!data) return;
  const body = $('entries');
  body.textContent = '';
  for (const x of data.items) {
    body.append(el('tr', {},
      el('th', { scope: 'row', class: 'madang-num' }, String(x.position)),
      el('td', {}, el('span', { class: `krds-badge ${x.kind === 'CAST' ? 'outline-success' : 'outline-warning'}`, i18n: `vote.kind.${x.kind}` })),
      el('td', {}, el('code', { class: 'madang-uri', title: x.confirmationCode }, groupedCode(x.confirmationCode.slice(0, 16)) + '…')),
      el('td', {}, seoulTime(x.receivedAt)),
      el('td', {}, el('code', { class: 'madang-uri', title: x.credential }, shortHex(x.credential, 6))),
      el('td', {}, el('code', { class: 'madang-uri', title: x.hash }, shortHex(x.hash, 6)))));
  }
  const pages = pageCount(data.total, SIZE);
  setText($('count'), code ? 'board.countFound' : 'board.count', { total: data.total, page: page + 1, pages });
  $('total').textContent = String(data.total);
  $('head').textContent = '';
  $('head').append(hexValue(data.head, 'board.head'));
  $('prev').disabled = page <= 0;
  $('next').disabled = page + 1 >= pages;
}

async function loadPage() {
  const q = new URLSearchParams({ page, size: SIZE });
  if (code) q.set('code', code);
  data = await get(electionPath(id, `/board?${q}`), { redirect: false });
  renderEntries();
  const url = new URLSearchParams({ id, ...(page ? { page } : {}), ...(code ? { code } : {}) });
  history.replaceState(null, '', `?${url}`);
}

function renderVerify() {
  const published = election.state === 'PUBLISHED';
  $('record-missing').hidden = published;
  $('record-steps').hidden = !published;
  if (!published) return;
  $('link-zip').href = electionPath(id, '/record.zip');
  $('link-files').href = `/elections/record.html?id=${encodeURIComponent(id)}`;
  const box = $('command-box');
  box.textContent = '';
  box.append(...commandBlock('java -jar madang-verifier.jar election-record/', 'board.command'));
}

$('search-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const f = ev.target;
  clearErrors(f);
  const v = $('code').value.replace(/[\s-]/g, '');
  if (v && !/^[0-9a-fA-F]{1,64}$/.test(v)) { showValidation(f, [{ field: 'code', key: 'board.v.code' }]); return; }
  code = v.toLowerCase();
  page = 0;
  try { await loadPage(); } catch (err) { showProblem(f, err); }
});
$('clear').addEventListener('click', async () => { $('code').value = ''; code = ''; page = 0; clearErrors($('search-form')); await loadPage(); });
$('prev').addEventListener('click', () => { page = Math.max(0, page - 1); loadPage(); });
$('next').addEventListener('click', () => { page += 1; loadPage(); });

async function load() {
  if (!id) { announce('result', 'error', { key: 'election.noId' }); return; }
  election = await get(electionPath(id), { redirect: false });
  $('election-name').textContent = title(election);
  $('code').value = code;
  await loadPage();
  renderVerify();
  $('result').textContent = '';
  $('result').className = 'madang-status';
  $('board').hidden = false;
}

onLangChange(() => { if (election) { $('election-name').textContent = title(election); renderEntries(); } });
load().catch(err => announce('result', 'error', { text: err.status === 404 ? t('election.notFound') : (problemMessage(err.problem) || err.message) }));
