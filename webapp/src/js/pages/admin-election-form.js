// Create (admin/election-new.html) or edit (admin/election-edit.html?id=…) an election's settings.
// Times are typed as Seoul wall time and sent as instants; the quorum is checked as it is typed.
import '../shell.js';
import { get, post, put } from '../api.js';
import { onLangChange, setText } from '../i18n.js';
import { handleForm, announce, setFieldError, clearFieldError } from '../forms.js';
import { guard, el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { validateElection, electionBody, instantToSeoul, GUARDIANS_MAX } from '../elections.js';
import { electionIdFromUrl, electionPath, title } from '../election-ui.js';

const $ = id => document.getElementById(id);
const form = $('election-form');
const editing = location.pathname.endsWith('/election-edit.html');
const id = editing ? electionIdFromUrl() : null;
let election = null;

/** Live check of n and k: the quorum's bounds follow the number of guardians as it is typed. */
function checkCounts() {
  const g = $('guardians');
  const q = $('quorum');
  const errors = validateElection({ ...readCounts(), titleKo: 'x', titleEn: 'x', group: 'P-256', opensAt: '2000-01-01T00:00', closesAt: '2000-01-02T00:00' });
  const n = Number(g.value);
  const nOk = Number.isInteger(n) && n >= 1 && n <= GUARDIANS_MAX;
  q.max = String(nOk ? n : GUARDIANS_MAX);
  for (const [input, field] of [[g, 'guardians'], [q, 'quorum']]) {
    const e = errors.find(x => x.field === field);
    if (e) setFieldError(input, e); else clearFieldError(input);
  }
  const k = Number(q.value);
  if (nOk && Number.isInteger(k) && k >= 1 && k <= n) setText($('quorum-hint'), 'electionForm.quorumLive', { k, n });
  else setText($('quorum-hint'), 'electionForm.quorumHint');
}
const readCounts = () => ({ guardians: $('guardians').value, quorum: $('quorum').value });

function showDemoAlert() {
  const box = $('demo-alert');
  box.textContent = '';
  if ($('demo-trustees').checked) {
    box.append(el('div', { class: 'madang-status is-error madang-demo-alert' },
      el('p', {}, el('strong', { i18n: 'election.demoBadge' }), ' ', el('span', { i18n: 'electionForm.demoAlert' }))));
  }
}

function fill(e) {
  $('election-version').value = e.version ?? '';
  $('title-ko').value = e.titleKo || '';
  $('title-en').value = e.titleEn || '';
  $('description-ko').value = e.descriptionKo || '';
  $('description-en').value = e.descriptionEn || '';
  $('group').value = e.group || 'P-256';
  $('guardians').value = e.guardians ?? 3;
  $('quorum').value = e.quorum ?? 2;
  $('opens-at').value = instantToSeoul(e.opensAt);
  $('closes-at').value = instantToSeoul(e.closesAt);
  $('demo-trustees').checked = !!e.demoTrustees;
  $('editing').textContent = title(e);
  showDemoAlert();
  checkCounts();
}

function readOnly() {
  $('not-draft').hidden = false;
  for (const x of form.elements) x.disabled = true;
  form.querySelector('button[type="submit"]').hidden = true;
}

async function loadForEdit() {
  if (!id) { announce('result', 'error', { key: 'election.noId' }); $('admin-content').hidden = true; return; }
  election = await get(electionPath(id));
  fill(election);
  $('election-form-cancel').href = `/admin/election-manage.html?id=${encodeURIComponent(id)}`;
  if (election.state !== 'DRAFT') readOnly();
}

$('guardians').addEventListener('input', checkCounts);
$('quorum').addEventListener('input', checkCounts);
$('demo-trustees').addEventListener('change', showDemoAlert);

handleForm(form, {
  validateFn: validateElection,
  submit: async v => {
    const body = electionBody(v);
    if (!editing) return post('/api/elections', body);
    try {
      return await put(electionPath(id), { ...body, version: Number(v.version) });
    } catch (err) {
      if (err.status === 409) { // someone else saved first: show their values, keep the message
        election = await get(electionPath(id)).catch(() => election);
        fill(election);
      }
      throw err;
    }
  },
  success: saved => {
    if (!editing) {
      announce(form, 'success', { key: 'electionForm.created' });
      location.assign(`/admin/election-manage.html?id=${encodeURIComponent(saved.id)}`);
      return;
    }
    election = saved;
    fill(saved);
    announce(form, 'success', { key: 'electionForm.saved' });
  },
});

onLangChange(() => { if (election) $('editing').textContent = title(election); });
guard('ELECTION_ADMIN').then(user => {
  if (!user) return;
  if (editing) loadForEdit().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
  else checkCounts();
});
