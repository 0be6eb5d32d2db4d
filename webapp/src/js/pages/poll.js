// One poll: the question, the answer form for its kind (radios, checkboxes within limits, a rating scale, or a
// ranking by a rank per option with up/down buttons), results when the viewer may see them (table, the server's
// SVG chart, instant-runoff rounds, breakdowns with suppressed cells), exports, the widget snippet, and the
// person's consent to share attributes for breakdowns.
import '../shell.js';
import { get, post, put } from '../api.js';
import { onLangChange, lang, t, setText } from '../i18n.js';
import { currentUser } from '../session.js';
import { announce, busy, showProblem, clearErrors, values } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { seoulTime } from '../election-ui.js';
import { signInUrl } from '../next.js';
import { hasRole } from '../roles.js';
import { percent } from '../results-chart.js';
import { pollIdFromUrl, pollPath, pollBadge } from '../poll-ui.js';
import { VISIBILITIES, rankingToChoices, choicesToRanks, moveRank, checkMultiple, answerState, localizedText } from '../polls.js';

const $ = id => document.getElementById(id);
const id = pollIdFromUrl();
let poll = null;
let user = null;
let results = null;
let ranks = [];

const fmt = n => new Intl.NumberFormat(lang() === 'ko' ? 'ko-KR' : 'en-GB').format(n);
const question = () => (lang() === 'en' ? poll.questionEn : poll.questionKo);
const optionText = i => localizedText(poll.options[i] || {}, lang());
const fail = (where, err) => announce(where, 'error', { text: problemMessage(err.problem) || err.message });

function renderHead() {
  $('poll-question').textContent = question();
  document.title = `${question()} | ${t('nav.polls')} | ${t('site.name')}`;
  const facts = $('facts');
  facts.textContent = '';
  facts.append(pollBadge(poll), ' ', el('span', { i18n: `poll.kind.${poll.kind}` }), ' · ',
    el('span', { i18n: 'poll.period' }), ' ', seoulTime(poll.opensAt), ' – ', seoulTime(poll.closesAt));
  const dl = $('details');
  dl.textContent = '';
  const row = (key, value) => dl.append(el('div', {}, el('dt', { i18n: key }), el('dd', {}, value)));
  const audience = el('span', { i18n: `poll.audience.${poll.audience}` });
  if (poll.audience === 'DISTRICTS') audience.append(`: ${poll.districts.join(', ')}`);
  row('poll.audienceLabel', audience);
  row('poll.visibilityLabel', el('span', { i18n: `poll.visibility.${poll.visibility}` }));
  row('poll.changeLabel', el('span', { i18n: poll.allowChange ? 'poll.changeAllowed' : 'poll.changeNotAllowed' }));
}

/**
 * Moderators decide on proposals; officials of the poll's organisation and moderators may tighten when results
 * are shown (never loosen). The server has the last word on both.
 */
function renderManage() {
  const moderator = hasRole(user, 'MODERATOR');
  const official = poll.organisationId && (user?.roles || []).some(r => r.role === 'OFFICIAL' && r.organisationId === poll.organisationId)
    && hasRole(user, 'OFFICIAL');
  $('decision').hidden = !(moderator && poll.state === 'PROPOSED');
  const tighter = VISIBILITIES.slice(VISIBILITIES.indexOf(poll.visibility) + 1);
  const form = $('visibility-form');
  form.hidden = !((moderator || official) && poll.state === 'PUBLISHED' && !poll.closed && tighter.length > 0);
  const select = $('visibility');
  select.textContent = '';
  for (const v of tighter) select.append(el('option', { value: v, i18n: `poll.visibility.${v}` }));
  $('manage-section').hidden = $('decision').hidden && form.hidden;
}

async function refresh(message) {
  poll = await get(pollPath(id), { redirect: false });
  renderHead();
  renderManage();
  renderAnswer();
  await loadResults();
  if (message) announce('manage-status', 'success', { key: message });
}

function check(type, name, value, labelText, checked) {
  const inputId = `${name}-${value}`;
  return el('div', { class: 'krds-form-check madang-option' },
    el('input', { type, id: inputId, name, value, checked: checked ? true : null }),
    el('label', { for: inputId }, labelText));
}

function rankRow(i) {
  const select = el('select', { id: `rank-${i}`, name: `rank-${i}`, class: 'krds-form-select', 'data-option': i });
  select.append(el('option', { value: '', i18n: 'poll.unranked' }));
  for (let r = 1; r <= poll.options.length; r++) select.append(el('option', { value: String(r) }, t('poll.rankN', { n: r })));
  select.value = ranks[i];
  select.addEventListener('change', () => { ranks[i] = select.value; });
  // The visible word, then the option for screen readers: the accessible name starts with what is seen.
  const button = (move, key) => el('button', { type: 'button', class: 'krds-btn xsmall secondary', 'data-move': move, 'data-option': i },
    el('span', { i18n: key }), el('span', { class: 'sr-only' }, ` ${optionText(i)}`));
  const up = button('up', 'poll.up');
  const down = button('down', 'poll.down');
  const move = delta => () => {
    ranks = moveRank(ranks, i, delta);
    renderControls();
    const r = ranks[i];
    $('rank-live').textContent = r ? t('poll.nowRank', { option: optionText(i), n: r }) : t('poll.nowUnranked', { option: optionText(i) });
    $(`rank-${i}`).focus();
  };
  up.addEventListener('click', move(-1));
  down.addEventListener('click', move(1));
  return el('div', { class: 'madang-rank' }, el('label', { for: `rank-${i}` }, optionText(i)), select, up, down);
}

function renderControls() {
  const box = $('answer-controls');
  box.textContent = '';
  const mine = poll.myAnswer || [];
  $('answer-legend').textContent = question();
  const hint = $('answer-hint');
  if (poll.kind === 'SINGLE') {
    setText(hint, 'poll.hint.SINGLE');
    poll.options.forEach((o, i) => box.append(check('radio', 'choice', String(i), optionText(i), mine.includes(i))));
  } else if (poll.kind === 'MULTIPLE') {
    if (poll.minChoices === poll.maxChoices) setText(hint, 'poll.v.chooseExactly', { n: poll.minChoices });
    else setText(hint, 'poll.v.chooseBetween', { min: poll.minChoices, max: poll.maxChoices });
    poll.options.forEach((o, i) => box.append(check('checkbox', 'choice', String(i), optionText(i), mine.includes(i))));
  } else if (poll.kind === 'RATING') {
    setText(hint, 'poll.hint.RATING', { low: optionText(0), high: optionText(1) });
    for (let v = poll.minChoices; v <= poll.maxChoices; v++) {
      const text = v === poll.minChoices ? `${v} (${optionText(0)})` : v === poll.maxChoices ? `${v} (${optionText(1)})` : String(v);
      box.append(check('radio', 'choice', String(v), text, mine.includes(v)));
    }
  } else {
    setText(hint, 'poll.hint.RANKED');
    poll.options.forEach((o, i) => box.append(rankRow(i)));
  }
}

function renderAnswer() {
  const state = answerState(poll, !!user);
  const note = $('answer-note');
  note.textContent = '';
  const form = $('answer-form');
  form.hidden = !(state === 'answer' || state === 'change');
  if (state === 'signIn') {
    note.append(el('a', { href: signInUrl(location.pathname + location.search), i18n: 'poll.signInToAnswer' }));
  } else {
    setText(note, `poll.answerState.${state}`);
  }
  if (!form.hidden) {
    if (!ranks.length) ranks = choicesToRanks(poll.kind === 'RANKED' ? poll.myAnswer : [], poll.options.length);
    setText($('answer-submit'), state === 'change' ? 'poll.changeAnswer' : 'poll.submitAnswer');
    renderControls();
  }
}

/** The answer form → the API's choices, or a message for the form's live region. */
function choices() {
  const form = $('answer-form');
  if (poll.kind === 'RANKED') return rankingToChoices(ranks);
  const picked = [...form.querySelectorAll('input[name=choice]:checked')].map(i => Number(i.value));
  if (poll.kind === 'MULTIPLE') {
    const problem = checkMultiple(picked, poll.minChoices, poll.maxChoices);
    return problem ? { error: problem.key, params: problem.params } : { choices: picked };
  }
  return picked.length === 1 ? { choices: picked } : { error: 'poll.v.chooseOne' };
}

function table(captionId, caption, headings, rows) {
  return el('div', { class: 'krds-table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': captionId },
    el('table', { class: 'tbl col data' },
      el('caption', { id: captionId }, caption),
      el('thead', {}, el('tr', {}, ...headings.map((h, j) => el('th', { scope: 'col', class: j > 0 ? 'madang-num' : null }, h)))),
      el('tbody', {}, ...rows.map(cells => el('tr', {}, el('th', { scope: 'row' }, cells[0]),
        ...cells.slice(1).map(c => el('td', { class: 'madang-num' }, c)))))));
}

function suppressed() {
  return el('span', { class: 'madang-suppressed' }, t('poll.suppressed'));
}

/** A breakdown column: an option (first preference when ranked), a scale point, or "respondents". */
function columnName(key) {
  if (key === 'respondents') return t('poll.respondentsColumn');
  if (poll.kind === 'RATING') return key;
  return optionText(Number(key));
}

function renderBreakdowns() {
  const box = $('breakdowns');
  box.textContent = '';
  setText($('breakdowns-lead'), 'poll.breakdownsLead', { k: poll.k });
  let shown = 0;
  for (const b of results.breakdowns || []) {
    if (!b.categories.length) continue;
    shown++;
    const cell = v => (v === null || v === undefined ? suppressed() : fmt(v));
    const category = c => (b.dimension === 'gender' ? t(`poll.genderValue.${c}`) : c);
    const rows = b.categories.map((c, i) => [category(c), ...b.cells[i].map(cell), cell(b.rowTotals[i])]);
    rows.push([t('poll.total'), ...b.columnTotals.map(cell), cell(b.total)]);
    const headings = [t(`poll.dimension.${b.dimension}`), ...b.columns.map(columnName), t('poll.total')];
    box.append(table(`breakdown-${b.dimension}`, t('poll.breakdownCaption', { dimension: t(`poll.dimension.${b.dimension}`) }), headings, rows));
  }
  if (!shown) box.append(el('p', { i18n: 'poll.noBreakdowns' }));
}

function renderRounds() {
  const section = $('rounds-section');
  section.hidden = !(results.rounds && results.rounds.length);
  if (section.hidden) return;
  const headings = [t('poll.round'), ...poll.options.map((o, i) => optionText(i)), t('poll.exhausted'), t('poll.outcome')];
  const rows = results.rounds.map(r => {
    let outcome = '';
    if (r.winner !== null && r.winner !== undefined) outcome = t('poll.winner', { option: optionText(r.winner) });
    else if (r.eliminated !== null && r.eliminated !== undefined) outcome = t('poll.eliminated', { option: optionText(r.eliminated) });
    if (r.tieBroken) outcome += ` ${t('poll.tieBroken')}`;
    return [t('poll.roundN', { n: r.number }), ...r.votes.map(v => (v < 0 ? t('poll.out') : fmt(v))), fmt(r.exhausted), outcome];
  });
  const box = $('rounds');
  box.textContent = '';
  box.append(table('rounds-caption', t('poll.roundsCaption'), headings, rows));
}

function renderResults() {
  const note = $('results-note');
  note.textContent = '';
  $('results').hidden = !results;
  if (!results) {
    setText(note, `poll.resultsHidden.${poll.visibility}`);
    return;
  }
  setText($('respondents'), 'poll.respondents', { n: fmt(results.respondents) });
  if (results.mean !== null && results.mean !== undefined) {
    $('respondents').append(' ', t('poll.mean', { mean: results.mean.toFixed(2) }));
  }
  const chart = $('chart');
  chart.textContent = '';
  chart.append(el('img', { src: `${pollPath(id, '/results.svg')}?lang=${lang()}&n=${results.respondents}`, alt: t('poll.chartAlt', { question: question() }) }));
  setText($('counts-option-heading'), poll.kind === 'RATING' ? 'poll.scalePoint' : poll.kind === 'RANKED' ? 'poll.firstPreference' : 'poll.option');
  const body = $('counts-body');
  body.textContent = '';
  for (const c of results.counts) {
    body.append(el('tr', {}, el('th', { scope: 'row' }, localizedText(c, lang())), el('td', { class: 'madang-num' }, fmt(c.count)),
      el('td', { class: 'madang-num' }, `${percent(c.count, results.respondents)}%`)));
  }
  renderRounds();
  renderBreakdowns();
  const exports = $('exports');
  exports.textContent = '';
  exports.append(el('li', {}, el('a', { href: pollPath(id, '/results.csv'), download: '', i18n: 'poll.exportCsv' })),
    el('li', {}, el('a', { href: pollPath(id, '/results?download=true'), download: '', i18n: 'poll.exportJson' })),
    el('li', {}, el('a', { href: `${pollPath(id, '/results.svg')}?lang=${lang()}`, i18n: 'poll.exportSvg' })));
  const src = `${location.origin}${pollPath(id, '/widget')}?lang=${lang()}`;
  $('widget-code').value = `<iframe src="${src}" title="${question().replace(/[&"<>]/g, ch => `&#${ch.charCodeAt(0)};`)}" width="480" height="360" loading="lazy"></iframe>`;
}

async function loadResults() {
  results = poll.resultsVisible ? await get(pollPath(id, '/results'), { redirect: false }) : null;
  renderResults();
}

async function loadConsent() {
  $('consent-section').hidden = !user;
  if (!user) return;
  const a = await get('/api/polls/attributes', { redirect: false });
  $('birth-year').value = a.birthYear ?? '';
  $('gender').value = a.gender ?? '';
  $('share-district').checked = !!a.shareDistrict;
}

async function load() {
  if (!id) throw new Error(t('poll.noId'));
  user = await currentUser();
  poll = await get(pollPath(id), { redirect: false });
  $('result').textContent = '';
  if (new URLSearchParams(location.search).get('created')) {
    announce('result', 'success', { key: poll.state === 'PROPOSED' ? 'poll.proposed' : 'poll.created' });
  }
  $('content').hidden = false;
  renderHead();
  renderManage();
  renderAnswer();
  await Promise.all([loadResults(), loadConsent()]);
}

$('answer-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = $('answer-form');
  clearErrors(form);
  const answer = choices();
  if (answer.error) { announce(form, 'error', { key: answer.error, params: answer.params }); return; }
  await busy(form, async () => {
    try {
      await put(pollPath(id, '/response'), { choices: answer.choices });
      poll = await get(pollPath(id), { redirect: false });
      ranks = [];
      renderHead();
      renderAnswer();
      announce(form.hidden ? 'result' : form, 'success', { key: 'poll.answerSaved' });
      await loadResults();
    } catch (err) {
      if (err && err.problem) showProblem(form, err); else fail(form, err);
    }
  });
});

$('consent-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = $('consent-form');
  const v = values(form);
  await busy(form, async () => {
    try {
      const year = String(v.birthYear || '').trim();
      await put('/api/polls/attributes', { birthYear: year ? Number(year) : null, gender: v.gender || null, shareDistrict: !!v.shareDistrict });
      clearErrors(form);
      announce(form, 'success', { key: 'poll.consentSaved' });
    } catch (err) {
      if (err && err.problem) showProblem(form, err); else fail(form, err);
    }
  });
});

const decide = approve => async () => {
  try {
    await post(pollPath(id, '/decision'), { approve });
    await refresh(approve ? 'poll.approved' : 'poll.rejected');
  } catch (err) { fail('manage-status', err); }
};
$('approve').addEventListener('click', decide(true));
$('reject').addEventListener('click', decide(false));
$('visibility-form').addEventListener('submit', async e => {
  e.preventDefault();
  try {
    await put(pollPath(id, '/visibility'), { visibility: $('visibility').value });
    await refresh('poll.visibilitySaved');
  } catch (err) { fail('manage-status', err); }
});

onLangChange(() => { if (poll) { renderHead(); renderManage(); renderAnswer(); renderResults(); } });
load().catch(err => fail('result', err));
