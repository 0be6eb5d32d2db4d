// The holiday calendar the statutory clocks count with (administrators): one year at a time, add and remove days.
// A change moves the deadlines computed afterwards, so every change is audited by the server.
import '../shell.js';
import { get, post, del } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { announce, handleForm } from '../forms.js';
import { el, guard } from '../admin.js';
import { validate } from '../validation.js';
import { problemMessage } from '../problem.js';

const $ = id => document.getElementById(id);
let holidays = null;

/** The years to offer: those with holidays, this year and the next, newest first; shows the preferred one. */
function fillYears(preferred) {
  const select = $('year');
  const keep = preferred || select.value || String(new Date().getFullYear());
  const now = new Date().getFullYear();
  const years = new Set([now, now + 1, ...holidays.map(h => Number(String(h.date).slice(0, 4)))]);
  select.textContent = '';
  for (const y of [...years].sort((a, b) => b - a)) select.append(el('option', { value: String(y) }, String(y)));
  select.value = [...select.options].some(o => o.value === keep) ? keep : String(now);
}

function render() {
  if (!holidays) return;
  const year = $('year').value;
  const shown = holidays.filter(h => String(h.date).startsWith(`${year}-`)).sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const body = $('holidays-body');
  body.textContent = '';
  for (const h of shown) {
    const remove = el('button', { type: 'button', class: 'krds-btn tertiary small', 'aria-label': t('holidays.removeOne', { date: h.date }), i18n: 'holidays.remove' });
    remove.addEventListener('click', async () => {
      try {
        await del(`/api/holidays/${encodeURIComponent(h.date)}`);
        announce('list-status', 'success', { key: 'holidays.removed', params: { date: h.date } });
        await load();
      } catch (err) { announce('list-status', 'error', { text: problemMessage(err.problem) || err.message }); }
    });
    body.append(el('tr', { 'data-date': h.date }, el('td', {}, h.date), el('td', { lang: 'ko' }, h.nameKo), el('td', { lang: 'en' }, h.nameEn), el('td', {}, remove)));
  }
  $('holidays-empty').hidden = shown.length > 0;
}

async function load(year) {
  holidays = await get('/api/holidays', { redirect: false });
  fillYears(year);
  render();
}

handleForm($('add-form'), {
  validateFn: v => validate(v, { date: ['required'], nameKo: ['required', ['max', 100]], nameEn: ['required', ['max', 100]] }),
  submit: v => post('/api/holidays', { date: v.date, nameKo: v.nameKo.trim(), nameEn: v.nameEn.trim() }),
  success: async added => {
    $('add-form').reset();
    announce($('add-form'), 'success', { key: 'holidays.added', params: { date: added.date } });
    await load(String(added.date).slice(0, 4));
  },
});
$('year').addEventListener('change', render);

onLangChange(render);
guard('ADMIN').then(user => (user ? load() : null))
  .catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
