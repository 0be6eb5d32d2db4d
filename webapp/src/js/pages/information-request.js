// One disclosure request: its facts and every deadline with the explanation of why it falls where it does. The
// requester (and only they) may object here while the objection window is open; agency staff get a link to handle it.
import '../shell.js';
import { get, post } from '../api.js';
import { onLangChange, setText } from '../i18n.js';
import { announce, handleForm } from '../forms.js';
import { validate } from '../validation.js';
import { problemMessage } from '../problem.js';
import { currentUser, hasRole } from '../session.js';
import { fillFacts, fillDeadlines, handleLink } from '../disclosure-ui.js';
import { isReference, objectionWindow } from '../disclosure.js';

const $ = id => document.getElementById(id);
const reference = new URLSearchParams(location.search).get('ref') || '';
let request = null;

/** Agency staff of this request's agency (the server decides; this only offers the link). */
function isStaffOf(user, agencyId) {
  return hasRole(user, 'OFFICIAL', 'ORG_ADMIN') && (user.roles || [])
    .some(r => (r.role === 'OFFICIAL' || r.role === 'ORG_ADMIN') && r.organisationId === agencyId);
}

function render() {
  if (!request) return;
  const r = request;
  $('request').hidden = false;
  $('request-subject').textContent = `${r.reference} · ${r.subject}`;
  fillFacts($('request-facts'), r);
  fillDeadlines($('deadlines-body'), r.deadlines);
  const objection = objectionWindow(r);
  $('objection-section').hidden = !objection;
  if (objection) setText($('objection-lead'), 'info.objectionLead', { day: objection.lastDay });
}

async function load() {
  if (!isReference(reference)) {
    announce('result', 'error', { key: 'info.notFound' });
    return;
  }
  const [found, user] = await Promise.all([
    get(`/api/disclosure/requests/${encodeURIComponent(reference)}`, { redirect: false }), currentUser()]);
  request = found;
  $('result').textContent = '';
  render();
  if (isStaffOf(user, request.agency.id)) {
    $('handle-link').href = handleLink(request.reference);
    $('handle-link-row').hidden = false;
  }
}

handleForm($('objection-form'), {
  validateFn: v => validate(v, { text: ['required', ['max', 4000]] }),
  submit: v => post(`/api/disclosure/requests/${encodeURIComponent(reference)}/objection`, { text: v.text.trim() }),
  success: updated => {
    request = updated;
    render();
    announce('result', 'success', { key: 'info.objectionFiled' });
  },
});

onLangChange(render);
load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
