// One disclosure request: its facts and every deadline with the explanation of why it falls where it does, the
// released documents (redacted text only) and how the consultation of third parties stands (never who they are).
// The requester (and only they) answers the agency's request for clarification here, and may object while the
// objection window is open; agency staff get a link to handle it.
import '../shell.js';
import { get, post } from '../api.js';
import { onLangChange, setText } from '../i18n.js';
import { announce, handleForm } from '../forms.js';
import { validate } from '../validation.js';
import { problemMessage } from '../problem.js';
import { currentUser, hasRole } from '../session.js';
import { fillFacts, fillDeadlines, fillDocuments, fillConsultation, handleLink } from '../disclosure-ui.js';
import { isReference, objectionWindow, clarificationToAnswer } from '../disclosure.js';

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
  const answering = clarificationToAnswer(r);
  $('clarification-section').hidden = !answering;
  $('clarification-question').textContent = answering ? r.clarificationQuestion || '' : '';
  $('documents-section').hidden = !(r.documents || []).length;
  fillDocuments($('documents-list'), r.documents);
  $('consultation-section').hidden = !(r.thirdParties || []).length;
  fillConsultation($('consultation-state'), r);
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

handleForm($('clarification-form'), {
  validateFn: v => validate(v, { answer: ['required', ['max', 4000]] }),
  submit: v => post(`/api/disclosure/requests/${encodeURIComponent(reference)}/clarification/answer`, { answer: v.answer.trim() }),
  success: updated => {
    request = updated;
    $('clarification-form').reset();
    render();
    announce('result', 'success', { key: 'info.clarificationAnswered' });
  },
});

onLangChange(render);
load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
