// The voter's page: eligibility, the credential (made and kept on this device), the ballot, review,
// encryption in the browser, then cast or challenge (Benaloh), and the signed receipt.
// The credential's secret half stays in this tab (sessionStorage) and in the file the voter saves.
import '../shell.js';
import { get, post, put } from '../api.js';
import { onLangChange, setText, t, lang } from '../i18n.js';
import { currentUser } from '../session.js';
import { announce, clearErrors, showValidation } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { localized } from '../elections.js';
import { electionIdFromUrl, electionPath, stateBadge, seoulTime, title, nameOf, hexValue } from '../election-ui.js';
import {
  ballotContests, usesRadio, selectionState, toggleChoice, disabledOptions, validateSelections, reviewWarnings,
  toPlaintext, compareOpened, newBallotId,
} from '../ballot-choices.js';
import { credentialFileText, parseCredentialFile, printableSecret, normaliseSecret } from '../credential-file.js';
import { receiptFileText } from '../receipt.js';
import { download, printPart } from '../download.js';
import * as eg from '../eg/index.js';

const $ = id => document.getElementById(id);
const id = electionIdFromUrl();
const STORE = `madang.vote.${id}`;
const STEPS = ['credential', 'ballot', 'review', 'encrypt', 'challenge', 'receipt'];
const VOTING_CLOSED = ['CLOSED', 'TALLYING', 'DECRYPTED', 'PUBLISHED', 'CANCELLED'];

let election = null;
let form = null;      // the manifest form (names, descriptions)
let me = null;
let context = null;   // eg's election context, or null with contextError
let contextError = null;
let contests = [];
let selections = {};
let encrypted = null; // {ballot, confirmationCode, masterNonce, ballotId}
let receipt = null;
let challenged = null;
let step = null;

const errorText = err => problemMessage(err?.problem) || err?.message || t('error.generic');

// ---- the secret half of the credential, for this tab only --------------------------------------------------

function storedKey() {
  try { return JSON.parse(sessionStorage.getItem(STORE) || 'null'); } catch { return null; }
}
function storeKey(k) {
  try { sessionStorage.setItem(STORE, JSON.stringify(k)); } catch { /* private mode: the voter keeps the file */ }
}
const haveSecret = () => {
  const k = storedKey();
  return !!(k?.secret && me?.credential && k.credential === me.credential.toLowerCase());
};

// ---- steps --------------------------------------------------------------------------------------------------

function show(next, { focus = true } = {}) {
  step = next;
  for (const s of STEPS) $(`step-${s}`).hidden = s !== next;
  const bar = next === 'challenge' ? 'encrypt' : next;
  for (const li of $('stepbar').querySelectorAll('li')) {
    const i = STEPS.indexOf(li.dataset.step);
    li.classList.toggle('is-done', i < STEPS.indexOf(bar));
    if (li.dataset.step === bar) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
  }
  if (focus) $(`${next === 'challenge' ? 'challenge' : next}-heading`).focus();
}

function districtName(districtId) {
  const d = (form?.districts || []).find(x => x.id === districtId);
  return d ? nameOf(d) : districtId;
}

function renderMe() {
  const dl = $('me-facts');
  dl.textContent = '';
  const fact = (key, value) => el('div', {}, el('dt', { i18n: key }), el('dd', {}, value));
  dl.append(
    fact('election.stateLabel', stateBadge(election.state)),
    fact('election.closesAt', seoulTime(election.closesAt)),
    fact('vote.district', districtName(me.district)),
    fact('vote.ballotStyle', el('code', {}, me.ballotStyle || '')),
    fact('vote.credential', me.credential ? el('span', { i18n: 'vote.credentialYes' }) : el('span', { i18n: 'vote.credentialNo' })),
  );
  if (me.lastReceipt) {
    dl.append(fact('vote.lastBallot', el('span', { i18n: 'vote.lastBallotText', i18nParams: {
      position: me.lastReceipt.position, code: me.lastReceipt.confirmationCodeGrouped.slice(0, 9) } })));
  }
}

// ---- credential ---------------------------------------------------------------------------------------------

function renderCredential() {
  const made = storedKey();
  const pending = made?.secret && !made.registered && made.credential !== me.credential?.toLowerCase();
  $('credential-new').hidden = !!me.credential || !!pending;
  $('credential-made').hidden = !pending;
  $('credential-load').hidden = !me.credential || haveSecret();
  if (pending) {
    $('secret-code').textContent = printableSecret(made.secret);
    $('credential-election').textContent = `${title(election)} — ${election.id}`;
  }
  const status = $('credential-status');
  if (haveSecret()) announce('credential-status', 'success', { key: 'vote.credentialReady' });
  else if (!me.credential && !pending) { status.textContent = ''; status.className = 'madang-status'; }
}

$('generate').addEventListener('click', () => {
  try {
    const k = eg.generateCredential();
    storeKey({ ...k, registered: false });
    renderCredential();
    $('secret-code').focus?.();
    announce('credential-status', 'info', { key: 'vote.credentialMade' });
  } catch (err) {
    announce('credential-status', 'error', { key: 'vote.cryptoUnavailable', params: { reason: err.message } });
  }
});
$('save-credential').addEventListener('click', () => {
  const k = storedKey();
  if (!k) return;
  download(`madang-credential-${id}.json`, credentialFileText({ electionId: id, electionTitle: title(election), secret: k.secret, credential: k.credential }));
  $('saved-confirm').checked = true;
});
$('print-credential').addEventListener('click', () => printPart('credential'));
$('register').addEventListener('click', async () => {
  const k = storedKey();
  if (!k) return;
  if (!$('saved-confirm').checked) {
    announce('credential-status', 'error', { key: 'vote.saveFirst' });
    $('saved-confirm').focus();
    return;
  }
  const button = $('register');
  button.disabled = true;
  try {
    await put(electionPath(id, '/me/credential'), { credential: k.credential });
    storeKey({ ...k, registered: true });
    me.credential = k.credential;
    renderMe();
    renderCredential();
    announce('credential-status', 'success', { key: 'vote.credentialRegistered' });
    afterCredential();
  } catch (err) {
    announce('credential-status', 'error', { text: errorText(err) });
  } finally {
    button.disabled = false;
  }
});
$('credential-file').addEventListener('change', async ev => {
  const file = ev.target.files?.[0];
  if (!file) return;
  try {
    const k = parseCredentialFile(await file.text(), id, me.credential);
    let own = null;
    try { own = eg.credentialOf(k.secret); } catch { /* not a valid secret key */ }
    if (own !== k.credential) throw Object.assign(new Error('damaged credential file'), { key: 'vote.v.credentialFile' });
    storeKey({ ...k, registered: true });
    renderCredential();
    afterCredential();
  } catch (err) {
    announce('credential-status', 'error', err.key ? { key: err.key } : { text: err.message });
  }
});
$('secret-form').addEventListener('submit', ev => {
  ev.preventDefault();
  const f = ev.target;
  clearErrors(f);
  try {
    const secret = normaliseSecret($('secret-input').value);
    // A mistyped code is caught here, not as a refused signature after the voter has encrypted a ballot.
    let credential = null;
    try { credential = eg.credentialOf(secret); } catch { /* not a valid secret key: mismatch below */ }
    if (credential !== me.credential.toLowerCase()) throw Object.assign(new Error('secret mismatch'), { key: 'vote.v.secretMismatch' });
    storeKey({ secret, credential, registered: true });
    $('secret-input').value = '';
    renderCredential();
    afterCredential();
  } catch (err) {
    showValidation(f, [{ field: 'secret', key: err.key || 'vote.v.secretFormat' }]);
  }
});
$('replace-credential').addEventListener('click', () => {
  me.credential = null;
  try { sessionStorage.removeItem(STORE); } catch { /* nothing kept */ }
  renderMe();
  renderCredential();
  $('generate').focus();
});

function afterCredential() {
  if (!haveSecret()) return;
  if (election.state === 'OPEN') { renderBallot(); show('ballot'); }
  else announce('credential-status', 'success', { key: 'vote.credentialReadyNotOpen' });
}

// ---- ballot -------------------------------------------------------------------------------------------------

function ruleKey(c) {
  if (c.kind === 'APPROVAL') return 'vote.rule.approval';
  return usesRadio(c) ? 'vote.rule.one' : 'vote.rule.upTo';
}

function renderBallot() {
  const box = $('contests');
  box.textContent = '';
  if (contextError) announce('ballot-form-status', 'error', { key: 'vote.cryptoUnavailable', params: { reason: contextError } });
  contests.forEach((c, i) => {
    const fs = el('fieldset', { class: 'madang-item madang-contest', id: `contest-${i}`, 'aria-describedby': `contest-${i}-rule` },
      el('legend', {}, localized(c, 'title', lang())),
      el('p', { class: 'form-hint', id: `contest-${i}-rule`, i18n: ruleKey(c), i18nParams: { limit: c.limit } }));
    c.options.forEach((o, j) => {
      const inputId = `c-${i}-o-${j}`;
      const desc = localized(o, 'description', lang());
      const input = el('input', { type: usesRadio(c) ? 'radio' : 'checkbox', id: inputId, name: `contest-${i}`, value: o.id,
        'data-contest': c.id, 'aria-describedby': desc ? `${inputId}-desc` : null });
      input.checked = (selections[c.id] || []).includes(o.id);
      fs.append(el('div', { class: 'krds-form-check madang-option' }, input, el('label', { for: inputId }, nameOf(o)),
        desc ? el('p', { class: 'madang-option-desc', id: `${inputId}-desc` }, desc) : null));
    });
    if (usesRadio(c)) fs.append(el('p', {}, el('button', { type: 'button', class: 'krds-btn xsmall tertiary', 'data-clear': c.id, i18n: 'vote.clearChoice' })));
    fs.append(el('p', { class: 'madang-choice-count', id: `contest-${i}-count`, 'aria-live': 'polite' }));
    box.append(fs);
    updateContest(i, false);
  });
}

function updateContest(i, speak = true) {
  const c = contests[i];
  const chosen = selections[c.id] || [];
  const off = disabledOptions(c, chosen);
  for (const input of $(`contest-${i}`).querySelectorAll('input')) input.disabled = off.has(input.value);
  const s = selectionState(c, chosen);
  const count = $(`contest-${i}-count`);
  if (!speak && s.blank) { count.textContent = ''; return; }
  if (usesRadio(c)) setText(count, s.blank ? 'vote.count.none' : 'vote.count.chosenOne');
  else setText(count, s.atLimit ? 'vote.count.atLimit' : 'vote.count.some', { count: s.count, limit: s.limit });
}

$('contests').addEventListener('change', ev => {
  const input = ev.target.closest('input[data-contest]');
  if (!input) return;
  const i = contests.findIndex(c => c.id === input.dataset.contest);
  const r = toggleChoice(contests[i], selections[contests[i].id] || [], input.value, input.checked);
  if (r.refused) input.checked = false; // over-vote: the box stays empty (disabled boxes make this rare)
  selections[contests[i].id] = r.selected;
  updateContest(i);
});
$('contests').addEventListener('click', ev => {
  const b = ev.target.closest('[data-clear]');
  if (!b) return;
  const i = contests.findIndex(c => c.id === b.dataset.clear);
  selections[b.dataset.clear] = [];
  for (const input of $(`contest-${i}`).querySelectorAll('input')) input.checked = false;
  updateContest(i);
});

$('ballot-form').addEventListener('submit', ev => {
  ev.preventDefault();
  const errors = validateSelections(contests, selections);
  if (errors.length) {
    announce('ballot-form-status', 'error', { key: errors[0].key, params: errors[0].params });
    return;
  }
  renderReview();
  show('review');
});

// ---- review -------------------------------------------------------------------------------------------------

function contestTitle(contestId) { return localized(contests.find(c => c.id === contestId), 'title', lang()); }
function optionName(contestId, optionId) {
  const o = contests.find(c => c.id === contestId)?.options.find(x => x.id === optionId);
  return o ? nameOf(o) : optionId;
}

function renderReview() {
  const warn = $('review-warnings');
  warn.textContent = '';
  const warnings = reviewWarnings(contests, selections);
  if (warnings.length) {
    const list = el('ul', { class: 'madang-error-list' });
    for (const w of warnings) {
      list.append(el('li', { i18n: w.kind === 'blank' ? 'vote.warn.blank' : 'vote.warn.under',
        i18nParams: { contest: contestTitle(w.contestId), count: w.count, limit: w.limit } }));
    }
    warn.append(el('div', { class: 'madang-notice madang-warning' }, el('p', {}, el('strong', { i18n: 'vote.warn.heading' })), list,
      el('p', { i18n: 'vote.warn.canGoOn' })));
  }
  const dl = $('review-list');
  dl.textContent = '';
  for (const c of contests) {
    const chosen = selections[c.id] || [];
    dl.append(el('div', {}, el('dt', {}, localized(c, 'title', lang())),
      el('dd', {}, chosen.length ? chosen.map(x => optionName(c.id, x)).join(', ') : el('span', { i18n: 'vote.blank' }))));
  }
  const s = $('review-status');
  s.textContent = '';
  s.className = 'madang-status';
  $('encrypt').disabled = !context;
  if (!context) announce('review-status', 'error', { key: 'vote.cryptoUnavailable', params: { reason: contextError || '' } });
}
$('review-back').addEventListener('click', () => { show('ballot'); });

// ---- encrypt, then cast or challenge ------------------------------------------------------------------------

function progress(done, total) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  $('encrypt-progress').value = pct;
  setText($('encrypt-status'), 'vote.progress', { pct });
}

$('encrypt').addEventListener('click', async () => {
  $('encrypt').disabled = true;
  $('code-box').hidden = true;
  show('encrypt');
  progress(0, 1);
  try {
    const ballotId = newBallotId(crypto.getRandomValues(new Uint8Array(16)));
    const result = await eg.encryptBallot(context, {
      ballotId, ballotStyleId: me.ballotStyle, choices: toPlaintext(contests, selections), state: 'CAST',
      onProgress: ({ done, total }) => progress(done, total),
    });
    encrypted = { ...result, ballotId };
    progress(1, 1);
    setText($('encrypt-status'), 'vote.encrypted');
    $('confirmation-code').textContent = eg.groupedCode(result.confirmationCode);
    const st = $('submit-status');
    st.textContent = '';
    st.className = 'madang-status';
    $('code-box').hidden = false;
    $('cast').disabled = false;
    $('challenge').disabled = false;
  } catch (err) {
    setText($('encrypt-status'), 'vote.cryptoUnavailable', { reason: err.message });
  } finally {
    $('encrypt').disabled = !context;
  }
});

async function submit(state) {
  const k = storedKey();
  const he = context.extendedBaseHashHex || election.extendedBaseHash;
  const signature = eg.signBallot(k.secret, he, encrypted.confirmationCode);
  // The state is not part of the confirmation code (nor of what the credential signs), so the same
  // encryption is sent as cast or as challenged, whichever the voter chooses after seeing the code.
  return post(electionPath(id, '/ballots'), { ballot: { ...encrypted.ballot, state }, signature });
}

async function withButtons(fn) {
  $('cast').disabled = true;
  $('challenge').disabled = true;
  try { await fn(); } catch (err) {
    announce('submit-status', 'error', { text: errorText(err) });
    $('cast').disabled = false;
    $('challenge').disabled = false;
  }
}

$('cast').addEventListener('click', () => withButtons(async () => {
  receipt = await submit('CAST');
  me.lastReceipt = receipt;
  encrypted = null;
  renderMe();
  renderReceipt();
  show('receipt');
}));

$('challenge').addEventListener('click', () => withButtons(async () => {
  const r = await submit('CHALLENGED');
  let opened = null;
  let openError = null;
  try { opened = eg.openBallot(context, encrypted.ballot, encrypted.masterNonce); } catch (err) { openError = err.message; }
  challenged = { receipt: r, opened, openError, nonce: encrypted.masterNonce, code: encrypted.confirmationCode, ballotId: encrypted.ballotId };
  encrypted = null;
  renderChallenge();
  show('challenge');
}));

function renderChallenge() {
  const { opened, openError } = challenged;
  const cmp = opened ? compareOpened(contests, selections, opened) : { matches: false, differences: [] };
  if (openError) announce('challenge-status', 'error', { key: 'vote.openFailed', params: { reason: openError } });
  else if (cmp.matches) announce('challenge-status', 'success', { key: 'vote.openMatches' });
  else announce('challenge-status', 'error', { key: 'vote.openDiffers' });
  const body = $('opened-body');
  body.textContent = '';
  const mark = v => el('span', { i18n: v == null ? 'vote.missing' : v ? 'vote.marked' : 'vote.notMarked' });
  for (const c of contests) {
    for (const o of c.options) {
      const chosen = (selections[c.id] || []).includes(o.id) ? 1 : 0;
      const found = opened?.[c.id]?.[o.id];
      body.append(el('tr', { class: found === chosen ? null : 'madang-mismatch' },
        el('td', {}, localized(c, 'title', lang())), el('th', { scope: 'row' }, nameOf(o)), el('td', {}, mark(chosen)), el('td', {}, mark(found))));
    }
  }
  const dl = $('challenge-facts');
  dl.textContent = '';
  const fact = (key, value) => el('div', {}, el('dt', { i18n: key }), el('dd', {}, value));
  dl.append(fact('vote.ballotId', el('code', {}, challenged.ballotId)),
    fact('vote.codeLabel', el('code', { class: 'madang-uri' }, eg.groupedCode(challenged.code))),
    fact('vote.position', String(challenged.receipt.position)),
    fact('vote.nonce', hexValue(challenged.nonce, 'vote.nonce')));
}
$('vote-again').addEventListener('click', () => { renderBallot(); show('ballot'); });

// ---- receipt ------------------------------------------------------------------------------------------------

function renderReceipt() {
  if (!receipt) return;
  announce('receipt-status', 'success', { key: 'vote.castDone' });
  $('receipt-election').textContent = `${title(election)} — ${election.id}`;
  const dl = $('receipt-facts');
  dl.textContent = '';
  const fact = (key, value) => el('div', {}, el('dt', { i18n: key }), el('dd', {}, value));
  dl.append(
    fact('vote.codeLabel', el('code', { class: 'madang-code-inline' }, receipt.confirmationCodeGrouped)),
    fact('vote.ballotId', el('code', {}, receipt.ballotId)),
    fact('vote.position', String(receipt.position)),
    fact('vote.chainHash', el('code', { class: 'madang-uri' }, receipt.chainHash)),
    fact('vote.receivedAt', seoulTime(receipt.receivedAt)),
    fact('vote.kind', el('span', { i18n: `vote.kind.${receipt.kind}` })),
    fact('vote.signedReceipt', el('code', { class: 'madang-uri madang-jws' }, receipt.receipt)),
  );
  $('link-board').href = `/elections/board.html?id=${encodeURIComponent(id)}&code=${receipt.confirmationCode.slice(0, 16)}`;
}
$('save-receipt').addEventListener('click', () => {
  download(`madang-receipt-${receipt.ballotId}.json`, receiptFileText(receipt, title(election)));
});
$('print-receipt').addEventListener('click', () => printPart('receipt'));

// ---- loading ------------------------------------------------------------------------------------------------

async function loadContext() {
  const docs = ['constants.json', 'manifest.json', 'election_config.json', 'election_initialized.json'];
  try {
    const texts = await Promise.all(docs.map(async name => {
      const res = await fetch(electionPath(id, `/documents/${name}`), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      return res.text();
    }));
    const [constants, manifestText, config, initialized] = texts;
    // The manifest goes in as the server's text, so that its hash is checked against the config too.
    const documents = { constants: JSON.parse(constants), manifest: manifestText, election_config: JSON.parse(config),
      election_initialized: JSON.parse(initialized), config: JSON.parse(config), initialized: JSON.parse(initialized) };
    context = eg.electionContext(documents);
    return eg.contestsForStyle(context, me.ballotStyle);
  } catch (err) {
    context = null;
    contextError = err.message;
    return null;
  }
}

function render() {
  if (!election) return;
  $('election-name').textContent = title(election);
  renderMe();
  if (step === 'ballot') renderBallot();
  if (step === 'review') renderReview();
  if (step === 'challenge') renderChallenge();
  if (step === 'receipt') renderReceipt();
}

async function load() {
  if (!id) { announce('result', 'error', { key: 'election.noId' }); return; }
  const user = await currentUser();
  if (!user) {
    const box = $('result');
    box.className = 'madang-status is-info';
    box.textContent = '';
    box.append(el('p', {}, el('span', { i18n: 'vote.signInFirst' }), ' ',
      el('a', { href: `/signin.html?next=${encodeURIComponent(location.pathname + location.search)}`, i18n: 'shell.signIn' })));
    return;
  }
  [election, form, me] = await Promise.all([
    get(electionPath(id), { redirect: false }),
    get(electionPath(id, '/manifest'), { redirect: false }),
    get(electionPath(id, '/me')),
  ]);
  $('election-name').textContent = title(election);
  $('result').textContent = '';
  $('result').className = 'madang-status';
  $('vote').hidden = false;
  renderMe();
  if (!me.eligible) { announce('me-status', 'info', { key: 'vote.notEligible' }); return; }
  if (VOTING_CLOSED.includes(election.state)) { announce('me-status', 'info', { key: 'vote.closed' }); return; }
  const order = election.state === 'OPEN' ? await loadContext() : null;
  contests = ballotContests(form, me.ballotStyle, order);
  if (election.state !== 'OPEN') announce('me-status', 'info', { key: 'vote.notOpenYet' });
  if (haveSecret() && election.state === 'OPEN') { renderBallot(); show('ballot', { focus: false }); }
  else { renderCredential(); show('credential', { focus: false }); }
}

onLangChange(render);
load().catch(err => announce('result', 'error', {
  text: err.status === 404 ? t('election.notFound') : errorText(err),
}));
