// A trustee's page: where the key ceremony and the decryption stand, what this trustee runs next
// (the verifier jar on their own machine, which keeps their secret in guardian.json), and who is done.
import '../shell.js';
import { get } from '../api.js';
import { onLangChange, setText, t } from '../i18n.js';
import { requireUser } from '../session.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { electionIdFromUrl, electionPath, stateBadge, title } from '../election-ui.js';
import { commandBlock, shellArg } from '../command.js';

const $ = id => document.getElementById(id);
const id = electionIdFromUrl();
let s = null; // {user, election, trustees, seat, decryption, tally}

const yesNo = v => el('span', { class: `krds-badge ${v ? 'outline-success' : 'outline-gray'}`, i18n: v ? 'trustee.done' : 'trustee.notYet' });
const fact = (key, value) => el('div', {}, el('dt', { i18n: key }), el('dd', {}, value));

/** What this trustee should do now: {key, command?} (command: 'ceremony' | 'decrypt'). */
function nextStep() {
  const { election: e, seat, decryption: d, trustees } = s;
  if (!seat) return { key: 'trustee.notTrustee' };
  const mine = trustees.find(x => x.guardianId === seat.guardianId) || {};
  if (e.demoTrustees) return { key: 'trustee.demo' };
  if (e.state === 'KEY_CEREMONY') return mine.confirmed ? { key: 'trustee.ceremonyDone' } : { key: 'trustee.runCeremony', command: 'ceremony' };
  if (['READY', 'OPEN', 'CLOSED'].includes(e.state)) return { key: 'trustee.waitTally' };
  if (e.state === 'TALLYING') {
    if (!d) return { key: 'trustee.waitTally' };
    if (d.round === 'DONE') return { key: 'trustee.decryptDone' };
    const listed = (d.available || []).some(x => x.guardianId === seat.guardianId);
    if (d.round !== 'WAITING' && !listed) return { key: 'trustee.notSelected' };
    return { key: d.round === 'WAITING' ? 'trustee.runDecryptJoin' : 'trustee.runDecrypt', command: 'decrypt' };
  }
  if (['DECRYPTED', 'PUBLISHED'].includes(e.state)) return { key: 'trustee.allDone' };
  return { key: 'trustee.nothing' };
}

function render() {
  if (!s) return;
  const { election: e, trustees, seat, decryption: d, tally } = s;
  $('election-name').textContent = title(e);
  const facts = $('facts');
  facts.textContent = '';
  facts.append(fact('election.stateLabel', stateBadge(e.state)),
    fact('election.guardiansQuorum', el('span', { i18n: 'election.quorumOf', i18nParams: { k: e.quorum, n: e.guardians } })),
    fact('trustee.you', seat ? el('span', { i18n: 'trustee.seat', i18nParams: { guardian: seat.guardianId, x: seat.x } }) : el('span', { i18n: 'trustee.noSeat' })));
  if (d) facts.append(fact('trustee.round', el('span', { i18n: `trustee.round.${d.round}` })));
  if (tally) facts.append(fact('trustee.tally', el('span', { i18n: 'trustee.tallyText', i18nParams: { added: tally.ballotsAdded, total: tally.ballotsTotal } })));

  const next = nextStep();
  announce('next-status', next.command ? 'info' : 'success', { key: next.key, params: { quorum: e.quorum } });
  $('next-command').hidden = !next.command;
  if (next.command) {
    setText($('next-lead'), next.command === 'ceremony' ? 'trustee.ceremonyLead' : 'trustee.decryptLead');
    const cmd = ['java', '-jar', 'madang-verifier.jar', 'trustee', next.command, '--server', location.origin,
      '--election', e.id, '--email', s.user.email, '--state', 'guardian.json'].map(shellArg).join(' ');
    const box = $('command-box');
    box.textContent = '';
    box.append(...commandBlock(cmd, 'trustee.command'));
  }

  const body = $('trustees-body');
  body.textContent = '';
  const present = new Set((d?.available || []).map(x => x.guardianId));
  for (const x of trustees) {
    const isMe = seat && x.guardianId === seat.guardianId;
    body.append(el('tr', {},
      el('th', { scope: 'row' }, `${x.guardianId} (x = ${x.x}) `, isMe ? el('span', { class: 'krds-badge outline-primary madang-me', i18n: 'trustee.meBadge' }) : null),
      el('td', {}, yesNo(x.announced)), el('td', {}, yesNo(x.sharesSent)), el('td', {}, yesNo(x.confirmed)),
      el('td', {}, yesNo(x.participating || present.has(x.guardianId)))));
  }
  const confirmed = trustees.filter(x => x.confirmed).length;
  setText($('progress-text'), e.state === 'KEY_CEREMONY' || !d ? 'trustee.progressCeremony' : 'trustee.progressDecrypt',
    { confirmed, n: trustees.length, present: trustees.filter(x => x.participating || present.has(x.guardianId)).length, quorum: e.quorum });
}

async function load() {
  if (!id) { announce('result', 'error', { key: 'election.noId' }); return; }
  const user = await requireUser();
  const election = await get(electionPath(id), { redirect: false });
  const optional = p => get(electionPath(id, p), { redirect: false }).catch(() => null);
  const [trusteeList, ceremony, decryption, tally] = await Promise.all([
    get(electionPath(id, '/trustees'), { redirect: false }),
    election.state === 'DRAFT' ? null : optional('/ceremony'),
    ['TALLYING', 'DECRYPTED', 'PUBLISHED'].includes(election.state) ? optional('/decryption') : null,
    ['TALLYING', 'DECRYPTED', 'PUBLISHED'].includes(election.state) ? optional('/tally') : null,
  ]);
  s = { user, election, trustees: trusteeList.items || [], seat: ceremony?.me || null, decryption, tally };
  render();
  $('result').textContent = '';
  $('result').className = 'madang-status';
  $('trustee').hidden = false;
}

onLangChange(render);
load().catch(err => announce('result', 'error', { text: err.status === 404 ? t('election.notFound') : (problemMessage(err.problem) || err.message) }));
