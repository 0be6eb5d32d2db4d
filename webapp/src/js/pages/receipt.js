// Checking a ballot receipt: the server's answer (signature, on the board) and, independently, the
// ES256 signature verified here with WebCrypto against the election's published receipt key.
import '../shell.js';
import { get, post } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { announce, showValidation, clearErrors } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { electionPath, seoulTime } from '../election-ui.js';
import { parseReceiptInput, decodeJws, verifyReceiptSignature, receiptFacts, entryMatches } from '../receipt.js';
import { groupedCode } from '../eg/index.js';

const $ = id => document.getElementById(id);
const form = $('receipt-form');
let last = null;

$('receipt-file').addEventListener('change', async ev => {
  const file = ev.target.files?.[0];
  if (file) $('receipt-text').value = (await file.text()).slice(0, 100000);
});

const fact = (key, value) => el('div', {}, el('dt', { i18n: key }), el('dd', {}, value));
const code = s => el('code', { class: 'madang-uri' }, s);
const check = (ok, key, params) => el('li', { class: ok ? 'madang-check-ok' : 'madang-check-fail' },
  el('span', { class: `krds-badge ${ok ? 'outline-success' : 'outline-danger'}`, i18n: ok ? 'receiptCheck.yes' : 'receiptCheck.no' }), ' ',
  el('span', { i18n: key, i18nParams: params }));

function render() {
  if (!last) return;
  const { facts, local, server, serverError } = last;
  const checks = $('checks');
  checks.textContent = '';
  checks.append(check(local.valid, local.valid ? 'receiptCheck.localValid' : `receiptCheck.local.${local.reason}`));
  if (server) {
    checks.append(check(server.signatureValid, server.signatureValid ? 'receiptCheck.serverValid' : 'receiptCheck.serverInvalid'));
    checks.append(check(server.onBoard, server.onBoard ? 'receiptCheck.onBoard' : 'receiptCheck.notOnBoard'));
    if (server.entry) checks.append(check(entryMatches(facts, server.entry), entryMatches(facts, server.entry) ? 'receiptCheck.entryMatches' : 'receiptCheck.entryDiffers'));
  } else {
    checks.append(el('li', {}, el('span', { i18n: 'receiptCheck.serverError' }), ` ${serverError || ''}`));
  }
  const dl = $('claims');
  dl.textContent = '';
  dl.append(fact('vote.codeLabel', code(groupedCode(facts.confirmationCode))), fact('vote.ballotId', code(facts.ballotId)),
    fact('vote.kind', el('span', { i18n: `vote.kind.${facts.kind}` })), fact('vote.position', String(facts.position)),
    fact('vote.chainHash', code(facts.chainHash)), fact('vote.receivedAt', seoulTime(facts.receivedAt)), fact('receiptCheck.election', code(facts.electionId)));
  const entry = server?.entry;
  $('entry-box').hidden = !entry;
  if (entry) {
    const e = $('entry');
    e.textContent = '';
    e.append(fact('vote.position', String(entry.position)), fact('vote.kind', el('span', { i18n: `vote.kind.${entry.kind}` })),
      fact('vote.codeLabel', code(groupedCode(entry.confirmationCode))), fact('board.credential', code(entry.credential)),
      fact('vote.receivedAt', seoulTime(entry.receivedAt)), fact('board.previousHash', code(entry.previousHash)), fact('vote.chainHash', code(entry.hash)));
  }
  $('link-board').href = `/elections/board.html?id=${encodeURIComponent(facts.electionId)}&code=${facts.confirmationCode.slice(0, 16)}`;
}

form.addEventListener('submit', async ev => {
  ev.preventDefault();
  clearErrors(form);
  let jws;
  try { jws = parseReceiptInput($('receipt-text').value); } catch (err) {
    showValidation(form, [{ field: 'receipt', key: err.key || 'receiptCheck.v.notJws' }]);
    return;
  }
  const facts = receiptFacts(decodeJws(jws).claims);
  if (!/^[0-9a-f-]{36}$/.test(facts.electionId)) { showValidation(form, [{ field: 'receipt', key: 'receiptCheck.v.notJws' }]); return; }
  announce(form, 'info', { key: 'receiptCheck.checking' });
  // The two checks are independent: the key comes from the election, the verdict from the server.
  const [local, server] = await Promise.all([
    get(electionPath(facts.electionId, '/receipt-key'), { redirect: false })
      .then(k => verifyReceiptSignature(jws, k.jwk)).catch(() => ({ valid: false, reason: 'nokey' })),
    post('/api/receipts/verifications', { receipt: jws }, { redirect: false }).catch(err => ({ error: problemMessage(err.problem) || err.message })),
  ]);
  last = { facts, local, server: server.error ? null : server, serverError: server.error };
  const ok = local.valid && last.server?.signatureValid && last.server?.onBoard;
  announce(form, ok ? 'success' : 'error', { key: ok ? 'receiptCheck.allGood' : 'receiptCheck.problem' });
  render();
  $('outcome').hidden = false;
  $('outcome-heading').focus();
});

onLangChange(render);
