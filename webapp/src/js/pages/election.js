// One election, for everyone: what it is, its public cryptographic values, the ballot (read-only),
// and for a signed-in person whether they are on the roll.
import '../shell.js';
import { get } from '../api.js';
import { onLangChange, setText, t, lang } from '../i18n.js';
import { currentUser } from '../session.js';
import { hasRole } from '../roles.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { localized } from '../elections.js';
import { electionIdFromUrl, electionPath, stateBadge, seoulTime, title, description, nameOf, hexValue } from '../election-ui.js';

const $ = id => document.getElementById(id);
const id = electionIdFromUrl();
let election = null;
let manifest = null;
let me = null;
let user = null;

const fact = (key, value) => el('div', {}, el('dt', { i18n: key }), el('dd', {}, value));

function renderFacts() {
  const e = election;
  const dl = $('facts');
  dl.textContent = '';
  dl.append(
    fact('election.stateLabel', stateBadge(e.state)),
    fact('election.opensAt', seoulTime(e.opensAt)),
    fact('election.closesAt', seoulTime(e.closesAt)),
    fact('election.group', el('span', { i18n: `election.group.${e.group}` })),
    fact('election.guardiansQuorum', el('span', { i18n: 'election.quorumOf', i18nParams: { k: e.quorum, n: e.guardians } })),
    fact('election.voters', el('span', { i18n: 'election.votersCount', i18nParams: { voters: e.voters ?? 0, credentials: e.credentials ?? 0 } })),
    fact('election.manifestHash', hexValue(e.manifestHash, 'election.manifestHash')),
    fact('election.extendedBaseHash', hexValue(e.extendedBaseHash, 'election.extendedBaseHash')),
    fact('election.jointKey', hexValue(e.jointPublicKey, 'election.jointKey')),
    fact('election.board', el('span', { i18n: 'election.boardSize', i18nParams: { size: e.boardSize ?? 0 } })),
    fact('election.boardHead', hexValue(e.boardHead, 'election.boardHead')),
  );
}

function districtName(districtId) {
  const d = (manifest?.districts || []).find(x => x.id === districtId);
  return d ? `${nameOf(d)} (${d.id})` : districtId;
}

function renderMe() {
  const box = $('me-status');
  box.textContent = '';
  box.className = 'madang-status is-info';
  if (!user) {
    box.append(el('p', {}, el('span', { i18n: 'election.meSignedOut' }), ' ',
      el('a', { href: `/signin.html?next=${encodeURIComponent(location.pathname + location.search)}`, i18n: 'shell.signIn' })));
    return;
  }
  if (!me) { box.append(el('p', { i18n: 'election.meUnknown' })); return; }
  if (me.eligible) {
    box.className = 'madang-status is-success';
    box.append(el('p', { i18n: 'election.eligible', i18nParams: { district: districtName(me.district), style: me.ballotStyle || '' } }));
    box.append(el('p', { i18n: me.credential ? 'election.credentialRegistered' : 'election.credentialMissing' }));
  } else {
    box.append(el('p', { i18n: 'election.notOnRoll' }));
  }
}

function renderBallot() {
  const box = $('ballot');
  box.textContent = '';
  if (!manifest) return;
  manifest.contests.forEach((c, i) => {
    const headingId = `contest-${i}-heading`;
    const section = el('section', { class: 'madang-contest', 'aria-labelledby': headingId },
      el('h3', { class: 'madang-h3', id: headingId }, localized(c, 'title', lang())),
      el('p', { class: 'madang-contest-meta' },
        el('span', { class: 'krds-badge outline-secondary', i18n: `manifest.kind.${c.kind}` }), ' ',
        el('span', { i18n: 'election.contestLimit', i18nParams: { limit: c.limit } }), ' · ',
        el('span', { i18n: 'election.contestDistrict', i18nParams: { district: districtName(c.districtId) } })));
    const list = el('ol', { class: 'madang-options' });
    for (const o of c.options) {
      const desc = localized(o, 'description', lang());
      list.append(el('li', {}, el('strong', {}, nameOf(o)), desc ? el('span', { class: 'madang-option-desc' }, ` — ${desc}`) : null));
    }
    section.append(list);
    box.append(section);
  });
}

function render() {
  if (!election) return;
  $('election-title').textContent = title(election);
  document.title = `${title(election)} | ${t('site.name')}`;
  const state = $('election-state');
  state.textContent = '';
  state.append(stateBadge(election.state));
  $('election-description').textContent = description(election);
  $('election-description').hidden = !description(election);
  $('demo-warning').hidden = !election.demoTrustees;
  renderFacts();
  renderMe();
  renderBallot();
}

async function load() {
  if (!id) { announce('result', 'error', { key: 'election.noId' }); return; }
  user = await currentUser();
  election = await get(electionPath(id), { redirect: false });
  const admin = hasRole(user, 'ELECTION_ADMIN');
  $('admin-links').hidden = !admin;
  $('link-manage').href = `/admin/election-manage.html?id=${encodeURIComponent(id)}`;
  // What can be done now, by state: register a credential before voting, vote while open, watch the board
  // from opening on, and (for a trustee or anyone curious) the trustee page once the ceremony has started.
  const q = `?id=${encodeURIComponent(id)}`;
  const credentialTime = ['KEY_CEREMONY', 'READY'].includes(election.state);
  const boardTime = ['OPEN', 'CLOSED', 'TALLYING', 'DECRYPTED', 'PUBLISHED'].includes(election.state);
  $('link-vote').href = `/elections/vote.html${q}`;
  $('link-vote').hidden = !(election.state === 'OPEN' || credentialTime);
  setText($('link-vote'), election.state === 'OPEN' ? 'election.vote' : 'election.prepareVote');
  $('link-trustee').href = `/elections/trustee.html${q}`;
  $('link-trustee').hidden = ['DRAFT', 'CANCELLED'].includes(election.state) || !user;
  $('link-board').href = `/elections/board.html${q}`;
  $('link-board').hidden = !boardTime;
  $('link-receipt').hidden = !boardTime;
  $('voting-links').hidden = [...$('voting-links').children].every(a => a.hidden);
  if (election.state === 'PUBLISHED') {
    $('published').hidden = false;
    $('link-results').href = `/elections/results.html?id=${encodeURIComponent(id)}`;
    $('link-record').href = `/elections/record.html?id=${encodeURIComponent(id)}`;
    $('link-record-zip').href = electionPath(id, '/record.zip');
  }
  $('result').textContent = '';
  $('election').hidden = false;
  const [m, mine] = await Promise.all([
    get(electionPath(id, '/manifest'), { redirect: false }).catch(err => {
      if (err.status === 404) setText($('ballot-status'), 'election.noManifest');
      else announce('ballot-status', 'error', { text: problemMessage(err.problem) });
      return null;
    }),
    user ? get(electionPath(id, '/me'), { redirect: false }).catch(() => null) : null,
  ]);
  manifest = m;
  me = mine;
  render();
}

onLangChange(render);
load().catch(err => announce('result', 'error', {
  text: err.status === 404 ? t('election.notFound') : (problemMessage(err.problem) || err.message),
}));
