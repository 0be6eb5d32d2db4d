// Running one election: lifecycle moves (each confirmed first; the server's refusal is shown as it words it),
// trustees, the voter roll (verified residents, CSV import), and the tally and decryption status.
import '../shell.js';
import { get, post, put } from '../api.js';
import { onLangChange, setText, t } from '../i18n.js';
import { handleForm, announce, showValidation, showProblem, busy, clearErrors } from '../forms.js';
import { guard, el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { isEmail } from '../validation.js';
import { checkRollCsv, pageCount } from '../elections.js';
import { electionIdFromUrl, electionPath, stateBadge, seoulTime, title } from '../election-ui.js';

const $ = id => document.getElementById(id);
const id = electionIdFromUrl();
const ROLL_SIZE = 20;
let election = null;
let trustees = [];
let roll = null;
let rollPage = 0;
let tally = null;
let decryption = null;
let pendingMove = null;

const errorText = err => problemMessage(err.problem) || err.message || t('error.generic');
const yesNo = v => el('span', { i18n: v ? 'manage.yes' : 'manage.no' });

// ---- lifecycle --------------------------------------------------------------------------------------------

function renderLifecycle() {
  const e = election;
  $('editing').textContent = title(e);
  for (const [box, node] of [['current-state', stateBadge(e.state)], ['opens-at', seoulTime(e.opensAt)], ['closes-at', seoulTime(e.closesAt)]]) {
    $(box).textContent = '';
    $(box).append(node);
  }
  const q = `?id=${encodeURIComponent(e.id)}`;
  $('link-public').href = `/elections/election.html${q}`;
  $('link-edit').href = `/admin/election-edit.html${q}`;
  $('link-manifest').href = `/admin/election-manifest.html${q}`;
  setText($('link-edit'), e.state === 'DRAFT' ? 'manage.editSettings' : 'manage.viewSettings');
  setText($('link-manifest'), e.state === 'DRAFT' ? 'manage.editManifest' : 'manage.viewManifest');
  const box = $('transitions');
  box.textContent = '';
  for (const to of e.allowedTransitions || []) {
    box.append(el('button', { type: 'button', class: `krds-btn ${to === 'CANCELLED' ? 'tertiary' : 'primary'} medium`,
      'data-to': to, i18n: `manage.to.${to}` }));
  }
  $('no-transitions').hidden = (e.allowedTransitions || []).length > 0;
}

$('transitions').addEventListener('click', ev => {
  const b = ev.target.closest('[data-to]');
  if (!b) return;
  pendingMove = { to: b.dataset.to, button: b };
  setText($('confirm-heading'), `manage.to.${pendingMove.to}`);
  setText($('confirm-text'), `manage.confirm.${pendingMove.to}`, { title: title(election) });
  setText($('confirm-yes'), `manage.to.${pendingMove.to}`);
  $('confirm-dialog').showModal();
  $('confirm-no').focus();
});

function closeDialog() {
  const d = $('confirm-dialog');
  if (d.open) d.close();
}
$('confirm-dialog').addEventListener('close', () => {
  // Focus back where the person was; the button may have been redrawn.
  const to = pendingMove?.to;
  const again = to && document.querySelector(`#transitions [data-to="${to}"]`);
  (again || $('lifecycle-heading')).focus?.();
});
$('confirm-no').addEventListener('click', () => { pendingMove = null; closeDialog(); });
$('confirm-yes').addEventListener('click', async () => {
  if (!pendingMove) return;
  const { to } = pendingMove;
  const yes = $('confirm-yes');
  yes.disabled = true;
  try {
    election = await post(electionPath(id, '/transitions'), { to, version: election.version });
    closeDialog();
    renderLifecycle();
    announce('lifecycle-status', 'success', { key: 'manage.moved', params: { state: t(`election.state.${election.state}`) } });
    await Promise.all([loadTrustees(), loadRoll(), loadTally()]);
    renderAll();
  } catch (err) {
    closeDialog();
    if (err.status === 409) election = await get(electionPath(id)).catch(() => election);
    renderLifecycle();
    announce('lifecycle-status', 'error', { text: errorText(err) });
    $('lifecycle-status').setAttribute('tabindex', '-1');
    $('lifecycle-status').focus();
  } finally {
    yes.disabled = false;
    pendingMove = null;
  }
});

// ---- trustees -------------------------------------------------------------------------------------------------

function renderTrusteeForm() {
  const e = election;
  const editable = e.state === 'DRAFT' && !e.demoTrustees;
  $('trustees-demo').hidden = !e.demoTrustees;
  $('trustees-form').hidden = !editable;
  if (!editable) return;
  const box = $('trustee-inputs');
  if (box.children.length === e.guardians) return; // keep what is typed
  box.textContent = '';
  for (let i = 0; i < e.guardians; i++) {
    const inputId = `trustee-${i}`;
    const input = el('input', { type: 'email', id: inputId, name: `trustees[${i}].email`, class: 'krds-input', autocomplete: 'off', required: true });
    input.value = '';
    box.append(el('div', { class: 'form-group' },
      el('div', { class: 'form-tit' }, el('label', { for: inputId, i18n: 'manage.trusteeEmail', i18nParams: { n: i + 1 } })),
      el('div', { class: 'form-conts' }, input)));
  }
}

function renderTrustees() {
  const body = $('trustees-body');
  body.textContent = '';
  for (const tr of trustees) {
    body.append(el('tr', {},
      el('th', { scope: 'row' }, tr.guardianId), el('td', {}, String(tr.x)), el('td', {}, tr.displayName || ''),
      el('td', {}, yesNo(tr.announced)), el('td', {}, yesNo(tr.sharesSent)), el('td', {}, yesNo(tr.sharesReceived)),
      el('td', {}, yesNo(tr.confirmed)), el('td', {}, yesNo(tr.decryptionDone))));
  }
  $('trustees-empty').hidden = trustees.length > 0;
}

async function loadTrustees() {
  trustees = (await get(electionPath(id, '/trustees'))).items || [];
}

handleForm($('trustees-form'), {
  validateFn: v => Object.entries(v).filter(([k]) => k.startsWith('trustees['))
    .flatMap(([field, value]) => (!value.trim() ? [{ field, key: 'validation.required' }] : !isEmail(value) ? [{ field, key: 'validation.email' }] : [])),
  submit: v => {
    const list = Array.from({ length: election.guardians }, (_, i) => ({ email: (v[`trustees[${i}].email`] || '').trim() }));
    return put(electionPath(id, '/trustees'), { trustees: list });
  },
  success: async r => {
    trustees = r?.items || trustees;
    await loadTrustees().catch(() => {});
    renderTrustees();
    announce($('trustees-form'), 'success', { key: 'manage.trusteesSaved' });
  },
});

// ---- voter roll --------------------------------------------------------------------------------------------

const rollEditable = () => ['DRAFT', 'KEY_CEREMONY', 'READY'].includes(election.state);

function renderRoll() {
  $('roll-frozen').hidden = rollEditable();
  $('roll-edit').hidden = !rollEditable();
  const body = $('roll-body');
  body.textContent = '';
  const items = roll?.items || [];
  for (const r of items) {
    body.append(el('tr', {}, el('td', {}, r.email), el('td', {}, r.district || ''), el('td', {}, r.ballotStyle || ''),
      el('td', {}, yesNo(r.credentialRegistered))));
  }
  $('roll-empty').hidden = items.length > 0;
  const total = roll?.total ?? items.length;
  const pages = pageCount(total, ROLL_SIZE);
  setText($('roll-count'), 'manage.rollCount', { total, page: rollPage + 1, pages });
  $('roll-prev').disabled = rollPage <= 0;
  $('roll-next').disabled = rollPage >= pages - 1;
  $('roll-prev').parentElement.hidden = pages <= 1 && rollPage === 0;
}

async function loadRoll() {
  roll = await get(electionPath(id, `/roll?page=${rollPage}&size=${ROLL_SIZE}`));
}

for (const [button, delta] of [['roll-prev', -1], ['roll-next', 1]]) {
  $(button).addEventListener('click', async () => {
    rollPage = Math.max(0, rollPage + delta);
    try { await loadRoll(); renderRoll(); } catch (err) { announce('residents-status', 'error', { text: errorText(err) }); }
  });
}

$('add-residents').addEventListener('click', async () => {
  const b = $('add-residents');
  b.disabled = true;
  try {
    const r = await post(electionPath(id, '/roll/residents'), {});
    announce('residents-status', 'success', { key: 'manage.residentsAdded', params: { added: r.added, total: r.total } });
    await loadRoll();
    renderRoll();
  } catch (err) {
    announce('residents-status', 'error', { text: errorText(err) });
  } finally {
    b.disabled = false;
  }
});

function showRejected(list) {
  const body = $('rejected-body');
  body.textContent = '';
  for (const r of list || []) body.append(el('tr', {}, el('td', {}, String(r.line)), el('td', {}, r.reason || '')));
  $('rejected').hidden = !(list && list.length);
}

$('import-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const form = $('import-form');
  const file = $('roll-file').files[0];
  showRejected([]);
  if (!file) { showValidation(form, [{ field: 'file', key: 'manage.chooseFile' }]); return; }
  const text = await file.text();
  const problems = checkRollCsv(text, file.size);
  if (showValidation(form, problems.map(p => ({ field: 'file', ...p })))) return;
  await busy(form, async () => {
    try {
      const r = await post(electionPath(id, '/roll/imports'), text, { contentType: 'text/csv' });
      clearErrors(form);
      const rejected = r.rejected || [];
      announce(form, rejected.length ? 'info' : 'success',
        { key: 'manage.imported', params: { added: r.added, total: r.total, rejected: rejected.length } });
      showRejected(rejected);
      await loadRoll();
      renderRoll();
    } catch (err) {
      if (!err.problem) throw err;
      showProblem(form, err);
      // All or nothing: the lines the server refused, so they can be fixed in the file.
      showRejected(err.problem.rejected || (err.fieldErrors || []).map(fe => ({ line: fe.field, reason: fe.message })));
    }
  });
});

// ---- tally and decryption ------------------------------------------------------------------------------------

function renderTally() {
  const dl = $('tally');
  dl.textContent = '';
  const row = (key, value) => dl.append(el('div', {}, el('dt', { i18n: key }), el('dd', {}, value)));
  if (!tally) row('manage.tallyState', el('span', { i18n: 'manage.tallyNotStarted' }));
  else {
    row('manage.tallyState', el('span', { i18n: `manage.tallyState.${tally.state}` }));
    row('manage.ballotsAdded', el('span', { i18n: 'manage.ballotsOf', i18nParams: { added: tally.ballotsAdded ?? 0, total: tally.ballotsTotal ?? 0 } }));
  }
  const dd = $('decryption');
  dd.textContent = '';
  const drow = (key, value) => dd.append(el('div', {}, el('dt', { i18n: key }), el('dd', {}, value)));
  if (!decryption) drow('manage.round', el('span', { i18n: 'manage.decryptionNotStarted' }));
  else {
    drow('manage.round', el('span', { i18n: `manage.round.${decryption.round}` }));
    const who = (decryption.available || []).map(a => `${a.guardianId} (x=${a.x})`).join(', ');
    drow(decryption.round === 'WAITING' ? 'manage.present' : 'manage.available',
      who ? el('span', {}, who) : el('span', { i18n: 'manage.nobodyYet' }));
    drow('manage.quorumNeeded', el('span', { i18n: 'election.quorumOf', i18nParams: { k: election.quorum, n: election.guardians } }));
  }
  $('start-wrap').hidden = !(election.state === 'TALLYING' && decryption && decryption.round === 'WAITING'
    && (election.allowedTransitions || []).length > 0);
}

async function loadTally() {
  const quiet = err => { if ([404, 409].includes(err.status)) return null; throw err; };
  [tally, decryption] = await Promise.all([
    get(electionPath(id, '/tally')).catch(quiet),
    get(electionPath(id, '/decryption')).catch(quiet),
  ]);
}

$('start-decryption').addEventListener('click', async () => {
  const b = $('start-decryption');
  b.disabled = true;
  try {
    await post(electionPath(id, '/decryption/start'), {});
    await loadTally();
    renderTally();
    announce('decryption-status', 'success', { key: 'manage.decryptionStarted' });
  } catch (err) {
    announce('decryption-status', 'error', { text: errorText(err) });
  } finally {
    b.disabled = false;
  }
});

function renderAll() {
  if (!election) return;
  renderLifecycle();
  renderTrusteeForm();
  renderTrustees();
  renderRoll();
  renderTally();
}

async function load() {
  if (!id) { announce('result', 'error', { key: 'election.noId' }); $('admin-content').hidden = true; return; }
  election = await get(electionPath(id));
  await Promise.all([loadTrustees(), loadRoll(), loadTally()]);
  renderAll();
}

onLangChange(renderAll);
guard('ELECTION_ADMIN').then(user => {
  if (user) load().catch(err => announce('result', 'error', { text: errorText(err) }));
});
