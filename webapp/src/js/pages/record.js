// The published election record: every file (links), the whole record as a zip, and the verifier command.
import '../shell.js';
import { get } from '../api.js';
import { onLangChange, setText, t } from '../i18n.js';
import { announce } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { electionIdFromUrl, electionPath, title } from '../election-ui.js';
import { commandBlock } from '../command.js';

const $ = id => document.getElementById(id);
const id = electionIdFromUrl();
let election = null;

async function load() {
  if (!id) { announce('result', 'error', { key: 'election.noId' }); return; }
  election = await get(electionPath(id), { redirect: false });
  $('election-name').textContent = title(election);
  if (election.state !== 'PUBLISHED') { announce('result', 'info', { key: 'record.notYet' }); return; }
  const { files } = await get(electionPath(id, '/record'), { redirect: false });
  $('link-zip').href = electionPath(id, '/record.zip');
  $('link-board').href = `/elections/board.html?id=${encodeURIComponent(id)}`;
  const list = $('files');
  list.textContent = '';
  for (const f of files) {
    list.append(el('li', {}, el('a', { href: electionPath(id, `/record/${f.split('/').map(encodeURIComponent).join('/')}`), class: 'madang-uri' }, f)));
  }
  setText($('files-count'), 'record.count', { count: files.length });
  $('command-box').append(...commandBlock('java -jar madang-verifier.jar election-record/', 'board.command'));
  $('result').textContent = '';
  $('result').className = 'madang-status';
  $('record').hidden = false;
}

onLangChange(() => { if (election) $('election-name').textContent = title(election); });
load().catch(err => announce('result', 'error', { text: err.status === 404 ? t('election.notFound') : (problemMessage(err.problem) || err.message) }));
