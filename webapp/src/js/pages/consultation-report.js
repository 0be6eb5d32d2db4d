// "You said, we did": for each article, what was said, what the ministry decided and why, with counts and downloads.
import '../shell.js';
import { get } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { consultationIdFromUrl, consultationPath } from '../consultation-ui.js';

const $ = id => document.getElementById(id);
const id = consultationIdFromUrl();
const DECISIONS = ['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED', 'OUT_OF_SCOPE'];
let report = null;

function render() {
  if (!report) return;
  $('report-title').textContent = report.title;
  const downloads = $('downloads');
  downloads.textContent = '';
  downloads.append(el('a', { class: 'krds-btn secondary medium', href: consultationPath(id, '/report.pdf'), i18n: 'consultation.downloadPdf' }), ' ',
    el('a', { class: 'krds-btn secondary medium', href: consultationPath(id, '/report.csv'), i18n: 'consultation.downloadCsv' }), ' ',
    el('a', { class: 'krds-btn secondary medium', href: consultationPath(id, '/report'), i18n: 'consultation.downloadJson' }));
  const head = $('stats-head');
  head.textContent = '';
  head.append(el('th', { scope: 'col', i18n: 'consultation.section' }), el('th', { scope: 'col', i18n: 'consultation.commentCount' }),
    ...DECISIONS.map(d => el('th', { scope: 'col', i18n: `consultation.decision.${d}` })));
  const body = $('stats-body');
  body.textContent = '';
  const row = (name, count, decisions) => el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, String(count)),
    ...DECISIONS.map(d => el('td', {}, String(decisions[d] ?? 0))));
  for (const s of report.sections) body.append(row(s.label ? `${s.label} ${s.heading}` : t('consultation.wholeDraft'), s.comments.length, s.decisions));
  body.append(row(t('consultation.total'), report.comments, report.decisions));
  const sections = $('sections');
  sections.textContent = '';
  for (const s of report.sections.filter(x => x.comments.length > 0)) {
    const ol = el('ol', { class: 'madang-list' });
    for (const c of s.comments) {
      const li = el('li', { class: 'madang-comment' });
      if (c.quote) li.append(el('blockquote', {}, c.quote));
      li.append(el('p', {}, c.body));
      if (c.proposedText) li.append(el('p', { class: 'madang-meta', i18n: 'consultation.proposal' }), el('p', {}, c.proposedText));
      li.append(c.decision
        ? el('p', { class: 'madang-answer' }, el('strong', { i18n: `consultation.decision.${c.decision}` }), ` ${c.reason}`)
        : el('p', { class: 'madang-answer', i18n: 'consultation.unanswered' }));
      ol.append(li);
    }
    sections.append(el('section', {}, el('h2', { class: 'madang-h2' }, s.label ? `${s.label} ${s.heading}` : t('consultation.wholeDraft')), ol));
  }
}

async function load() {
  if (!id) throw new Error(t('consultation.noId'));
  report = await get(consultationPath(id, '/report'), { redirect: false });
  $('result').textContent = '';
  $('content').hidden = false;
  render();
}

onLangChange(render);
load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
