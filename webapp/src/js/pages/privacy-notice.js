import '../shell.js';
import { get } from '../api.js';
import { t, lang, onLangChange } from '../i18n.js';
import { announce } from '../forms.js';
import { problemMessage } from '../problem.js';
import { el } from '../admin.js';

let sections = [];

function render() {
  const root = document.getElementById('notice');
  root.textContent = '';
  for (const s of sections) {
    const rows = s.fields.map(f => el('tr', {},
      el('td', {}, lang() === 'en' ? f.what : f.whatKo), el('td', {}, f.purpose), el('td', { i18n: `notice.basis.${f.legalBasis}` }),
      el('td', {}, f.retention), el('td', { i18n: f.protectedAtRest ? 'common.yes' : 'common.no' }), el('td', {}, el('code', {}, `${f.table}.${f.column}`))));
    const head = el('tr', {}, ...['what', 'why', 'basis', 'retention', 'protected', 'where'].map(k => el('th', { scope: 'col', i18n: `notice.${k}` })));
    root.append(el('section', { class: 'madang-section', 'aria-labelledby': `section-${s.section}` },
      el('h2', { class: 'madang-h2', id: `section-${s.section}` }, t(`notice.section.${s.section}`) || s.section),
      el('table', { class: 'krds-table madang-table' }, el('caption', { class: 'sr-only' }, s.section), el('thead', {}, head), el('tbody', {}, ...rows))));
  }
}

get('/api/privacy/inventory', { auth: false }).then(list => {
  sections = list;
  document.getElementById('result').textContent = '';
  render();
}).catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
onLangChange(render);
