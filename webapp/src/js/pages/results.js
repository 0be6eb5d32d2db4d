// Published results: per contest an SVG bar chart (role=img with title and desc) and the same numbers
// in a table; turnout; links to the record and the board for checking.
import '../shell.js';
import { get } from '../api.js';
import { onLangChange, t, lang } from '../i18n.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { localized } from '../elections.js';
import { electionIdFromUrl, electionPath, title, nameOf } from '../election-ui.js';
import { chartLayout, byVotes, percent } from '../results-chart.js';

const $ = id => document.getElementById(id);
const id = electionIdFromUrl();
const SVG = 'http://www.w3.org/2000/svg';
let election = null;
let results = null;

const fmt = n => new Intl.NumberFormat(lang() === 'ko' ? 'ko-KR' : 'en-GB').format(n);
function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text != null) e.textContent = text;
  return e;
}

function chart(contest, i) {
  const layout = chartLayout(contest.options, contest.ballots);
  const titleId = `chart-${i}-title`;
  const descId = `chart-${i}-desc`;
  const root = svg('svg', { viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height, role: 'img',
    'aria-labelledby': `${titleId} ${descId}` });
  root.append(svg('title', { id: titleId }, t('results.chartTitle', { contest: localized(contest, 'title', lang()) })));
  root.append(svg('desc', { id: descId }, contest.options.map(o => t('results.chartItem', {
    option: nameOf(o), votes: fmt(o.votes), pct: percent(o.votes, contest.ballots) })).join('; ')));
  const axisY = layout.height - 22;
  for (const tick of layout.ticks) {
    root.append(svg('line', { class: 'axis', x1: tick.x, x2: tick.x, y1: 4, y2: axisY }));
    root.append(svg('text', { x: tick.x, y: axisY + 18, 'text-anchor': 'middle' }, fmt(tick.value)));
  }
  contest.options.forEach((o, j) => {
    const b = layout.bars[j];
    const label = nameOf(o);
    root.append(svg('text', { x: layout.plotX - 10, y: b.labelY + 5, 'text-anchor': 'end' }, label.length > 24 ? `${label.slice(0, 23)}…` : label));
    root.append(svg('rect', { class: 'bar', x: layout.plotX, y: b.y, width: Math.max(b.width, b.votes ? 2 : 0), height: b.height }));
    root.append(svg('text', { x: layout.plotX + b.width + 8, y: b.labelY + 5 }, `${fmt(b.votes)} (${b.percent}%)`));
  });
  return el('div', { class: 'madang-chart' }, root);
}

function table(contest, i) {
  const body = el('tbody');
  for (const o of byVotes(contest.options)) {
    body.append(el('tr', {}, el('th', { scope: 'row' }, nameOf(o)), el('td', { class: 'madang-num' }, fmt(o.votes)),
      el('td', { class: 'madang-num' }, `${percent(o.votes, contest.ballots)}%`)));
  }
  return el('div', { class: 'krds-table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': `contest-${i}-caption` },
    el('table', { class: 'tbl col data' },
      el('caption', { id: `contest-${i}-caption`, i18n: 'results.tableCaption', i18nParams: { contest: localized(contest, 'title', lang()) } }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', i18n: 'vote.option' }), el('th', { scope: 'col', class: 'madang-num', i18n: 'results.votes' }),
        el('th', { scope: 'col', class: 'madang-num', i18n: 'results.share' }))),
      body));
}

function render() {
  if (!results) return;
  $('election-name').textContent = title(election);
  const tu = results.turnout || { eligible: 0, counted: 0 };
  const dl = $('turnout');
  dl.textContent = '';
  dl.append(el('div', {}, el('dt', { i18n: 'results.turnout' }),
    el('dd', { i18n: 'results.turnoutText', i18nParams: { counted: fmt(tu.counted), eligible: fmt(tu.eligible), pct: percent(tu.counted, tu.eligible) } })));
  const box = $('contests');
  box.textContent = '';
  results.contests.forEach((c, i) => {
    box.append(el('section', { class: 'madang-section', 'aria-labelledby': `contest-${i}-heading` },
      el('h2', { class: 'madang-h2', id: `contest-${i}-heading` }, localized(c, 'title', lang())),
      el('p', { class: 'madang-contest-meta' }, el('span', { class: 'krds-badge outline-secondary', i18n: `manifest.kind.${c.kind}` }), ' ',
        el('span', { i18n: 'results.ballots', i18nParams: { ballots: fmt(c.ballots) } })),
      chart(c, i), table(c, i)));
  });
}

async function load() {
  if (!id) { announce('result', 'error', { key: 'election.noId' }); return; }
  election = await get(electionPath(id), { redirect: false });
  $('election-name').textContent = title(election);
  if (election.state !== 'PUBLISHED') { announce('result', 'info', { key: 'results.notYet' }); return; }
  results = await get(electionPath(id, '/results'), { redirect: false });
  $('link-record').href = `/elections/record.html?id=${encodeURIComponent(id)}`;
  $('link-zip').href = electionPath(id, '/record.zip');
  $('link-board').href = `/elections/board.html?id=${encodeURIComponent(id)}`;
  render();
  $('result').textContent = '';
  $('result').className = 'madang-status';
  $('results').hidden = false;
}

onLangChange(render);
load().catch(err => announce('result', 'error', { text: err.status === 404 ? t('election.notFound') : (problemMessage(err.problem) || err.message) }));
