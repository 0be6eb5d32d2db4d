// A third party whose interests a disclosure request concerns (Art. 11(3)) arrives here from the agency's mail. The
// secret is in the link's fragment, so it never reaches a server log; the page takes it out of the address bar at
// once (kept for this tab only, so that a reload still works) and shows what is requested, the 3-day deadline with
// why it falls there, and the form to ask for non-disclosure (Art. 21(1)). No account is needed.
import '../shell.js';
import { post } from '../api.js';
import { lang, onLangChange, setText } from '../i18n.js';
import { announce, handleForm } from '../forms.js';
import { el, timeEl } from '../admin.js';
import { validate } from '../validation.js';
import { problemMessage } from '../problem.js';
import { noticeToken } from '../disclosure.js';

const $ = id => document.getElementById(id);
const KEPT = 'madang.noticeToken';
let notice = null;

function readToken() {
  const fromLink = noticeToken(location.hash);
  if (fromLink) {
    try { sessionStorage.setItem(KEPT, fromLink); } catch { /* private mode: the token lives in this page only */ }
    history.replaceState(null, '', location.pathname + location.search);
    return fromLink;
  }
  try { return noticeToken(`token=${sessionStorage.getItem(KEPT) || ''}`); } catch { return ''; }
}

let token = readToken();

function fact(key, value) {
  return value == null || value === '' ? [] : [el('dt', { i18n: key }), el('dd', {}, value)];
}

function render() {
  const n = notice;
  if (!n) return;
  $('content').hidden = false;
  $('notice-subject').textContent = `${n.reference} · ${n.subject}`;
  const facts = $('notice-facts');
  facts.textContent = '';
  facts.append(
    ...fact('info.agency', lang() === 'en' ? n.agency.nameEn : n.agency.nameKo),
    ...fact('info.subject', n.subject),
    ...fact('info.description', n.description),
    ...fact('info.noticeAddressee', n.name),
    ...fact('info.thirdPartyNotifiedAt', n.notifiedAt ? timeEl(n.notifiedAt) : null),
    ...fact('info.thirdPartyObjectedAt', n.objectedAt ? timeEl(n.objectedAt) : null));
  const d = n.objectionDeadline;
  setText($('notice-deadline'), n.objectionOpen ? 'info.noticeDeadlineOpen' : 'info.noticeDeadlineClosed', { day: d ? d.lastDay : '' });
  $('notice-deadline-why').textContent = d ? (lang() === 'en' ? d.explanationEn : d.explanationKo) : '';
  $('notice-objection-section').hidden = !n.objectionOpen;
  if (n.objectedAt) announce('notice-state', 'success', { key: 'info.noticeObjected' });
  else if (!n.objectionOpen) announce('notice-state', 'info', { key: 'info.noticeClosed' });
}

/** Unknown or spent link, closed window: said plainly, in the person's language. */
function failed(err) {
  const status = err && err.status;
  if (status === 404 || status === 400) {
    $('content').hidden = true;
    announce('result', 'error', { key: 'info.noticeUnknown' });
  } else {
    announce('result', 'error', { text: problemMessage(err && err.problem) || (err && err.message) });
  }
}

async function load() {
  if (!token) {
    announce('result', 'error', { key: 'info.noticeNoToken' });
    return;
  }
  try {
    notice = await post('/api/disclosure/third-party-notices', { token }, { auth: false });
  } catch (err) {
    failed(err);
    return;
  }
  $('result').textContent = '';
  render();
}

handleForm($('notice-objection-form'), {
  validateFn: v => validate(v, { reason: ['required', ['max', 4000]] }),
  submit: async v => {
    try {
      return await post('/api/disclosure/third-party-objections', { token, reason: v.reason.trim() }, { auth: false });
    } catch (err) {
      // The window closed while the page was open: show the notice as it now stands, and say why.
      if (err.status === 409) {
        notice = await post('/api/disclosure/third-party-notices', { token }, { auth: false });
        render();
      }
      throw err;
    }
  },
  success: updated => {
    notice = updated;
    $('notice-objection-form').reset();
    render();
  },
});

// Another notice's link opened in this tab changes only the fragment: the page is not loaded again, so read it here.
window.addEventListener('hashchange', () => {
  if (!noticeToken(location.hash)) return;
  token = readToken();
  notice = null;
  $('content').hidden = true;
  $('notice-state').textContent = '';
  $('notice-state').className = 'madang-status';
  announce('result', 'info', { key: 'common.loading' });
  load();
});

onLangChange(render);
load();
