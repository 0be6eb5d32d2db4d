// The agency's handling page for one request: acknowledge, extend once with a reason, ask the requester to clarify,
// transfer to the agency that holds the information, notify a third party it concerns, decide (a ground of Art. 9(1)
// for a refusal, the redactions for a partial disclosure), release the documents, then the objection's extension and
// decision. Only the moves the request's state allows are offered; the server refuses the rest with a problem.
import '../shell.js';
import { get, post } from '../api.js';
import { lang, onLangChange, setText } from '../i18n.js';
import { announce, handleForm } from '../forms.js';
import { el, guard, fillOrgSelect, timeEl } from '../admin.js';
import { orgTree } from '../roles.js';
import { validate } from '../validation.js';
import { problemMessage } from '../problem.js';
import { fillFacts, fillDeadlines, fillDocuments } from '../disclosure-ui.js';
import { isReference, withholds, handlingMoves, openDeadline } from '../disclosure.js';

const $ = id => document.getElementById(id);
const reference = new URLSearchParams(location.search).get('ref') || '';
const path = suffix => `/api/disclosure/requests/${encodeURIComponent(reference)}${suffix}`;
let request = null;
let grounds = [];
let organisations = [];
// Once transferred, the request is the other agency's: this page offers nothing more.
let transferredAway = false;

const choice = name => $('decide-form').elements.namedItem(name).value;

function showDecisionFields() {
  const decision = choice('decision');
  $('ground-group').hidden = !withholds(decision);
  $('ground').disabled = !withholds(decision);
  $('redactions-group').hidden = decision !== 'PARTLY_DISCLOSED';
  $('redactions').disabled = decision !== 'PARTLY_DISCLOSED';
}

function fillGrounds() {
  const select = $('ground');
  const keep = select.value;
  select.textContent = '';
  select.append(el('option', { value: '', i18n: 'info.chooseGround' }));
  for (const g of grounds) select.append(el('option', { value: g.code }, `${g.item}. ${lang() === 'en' ? g.nameEn : g.nameKo}`));
  if ([...select.options].some(o => o.value === keep)) select.value = keep;
}

function fillAgencies() {
  fillOrgSelect($('transfer-agency'), orgTree(organisations, lang()),
    { noneKey: 'info.chooseAgency', exclude: new Set(request ? [request.agency.id] : []) });
}

/** Whom the agency notified, when, and whether and why they objected (the agency's staff alone see names). */
function fillThirdParties(body, parties) {
  body.textContent = '';
  for (const p of parties || []) {
    body.append(el('tr', { 'data-third-party': p.id },
      el('td', {}, p.name || ''),
      el('td', {}, timeEl(p.notifiedAt)),
      el('td', {}, p.objectedAt
        ? el('span', {}, el('span', { i18n: 'info.thirdPartyObjected' }), ' ', timeEl(p.objectedAt), p.objectionReason ? `: ${p.objectionReason}` : '')
        : el('span', { i18n: 'info.thirdPartyNoObjection' }))));
  }
}

function render() {
  const r = request;
  if (!r) return;
  $('request-subject').textContent = `${r.reference} · ${r.subject}`;
  fillFacts($('request-facts'), r);
  fillDeadlines($('deadlines-body'), r.deadlines);
  const moves = transferredAway ? {} : handlingMoves(r);
  $('acknowledge-section').hidden = !moves.acknowledge;
  $('extend-section').hidden = !moves.extend;
  $('decide-section').hidden = !moves.decide;
  $('objection-extend-section').hidden = !moves.objectionExtend;
  $('objection-decide-section').hidden = !moves.objectionDecide;
  $('clarify-section').hidden = !moves.clarify;
  $('transfer-section').hidden = !moves.transfer;
  $('third-party-section').hidden = !moves.notifyThirdParty;
  $('release-section').hidden = !moves.release;
  // Disclosing against a third party's objection: nothing may be released before the 30-day wait ends (Art. 21(3)).
  const wait = openDeadline(r, 'DISCLOSURE_WAIT');
  $('release-wait').hidden = !wait;
  if (wait) setText($('release-wait'), 'info.releaseWait', { day: wait.lastDay });
  $('documents-section').hidden = !(r.documents || []).length && !moves.release && !wait;
  fillDocuments($('documents-list'), r.documents);
  $('third-parties-section').hidden = !(r.thirdParties || []).length;
  fillThirdParties($('third-parties-body'), r.thirdParties);
  fillAgencies();
}

/** After a move: the new state of the request, and the outcome said where the person is looking. */
function moved(key) {
  return updated => {
    request = updated;
    render();
    announce('action-status', 'success', { key });
  };
}

async function start() {
  const user = await guard('OFFICIAL', 'ORG_ADMIN');
  if (!user) return;
  if (!isReference(reference)) {
    $('admin-content').hidden = true;
    announce('result', 'error', { key: 'info.notFound' });
    return;
  }
  const [found, allGrounds, all] = await Promise.all([get(path('')), get('/api/disclosure/grounds', { redirect: false }),
    get('/api/organisations', { redirect: false })]);
  [request, grounds, organisations] = [found, allGrounds, Array.isArray(all) ? all : (all.items || [])];
  fillGrounds();
  showDecisionFields();
  render();
}

/**
 * Wires one of the page's move forms: check the fields, POST the body to the request's sub-path, show the request
 * as it now stands and say so. Every move form has the same shape; this keeps their wiring in one place.
 */
function offer(formId, { rules = {}, suffix, body = () => undefined, key, reset = false, before }) {
  const form = $(formId);
  handleForm(form, {
    validateFn: v => validate(v, typeof rules === 'function' ? rules(v) : rules),
    submit: v => post(path(suffix), body(v)),
    success: updated => {
      if (reset) form.reset();
      if (before) before(updated);
      moved(key)(updated);
    },
  });
}

offer('acknowledge-form', { suffix: '/acknowledgement', key: 'info.acknowledged' });
offer('extend-form', {
  rules: { reason: ['required', ['max', 2000]] }, suffix: '/extension', body: v => ({ reason: v.reason.trim() }), key: 'info.extended',
});
offer('clarify-form', {
  rules: { question: ['required', ['max', 2000]] }, suffix: '/clarification', body: v => ({ question: v.question.trim() }),
  key: 'info.clarificationAsked', reset: true,
});
offer('transfer-form', {
  rules: { agencyId: ['required'], reason: ['required', ['max', 2000]] }, suffix: '/transfer',
  body: v => ({ agencyId: v.agencyId, reason: v.reason.trim() }), key: 'info.transferred', reset: true,
  before: () => { transferredAway = true; },
});
offer('third-party-form', {
  rules: { name: ['required', ['max', 200]], email: ['required', 'email', ['max', 254]] }, suffix: '/third-parties',
  body: v => ({ name: v.name.trim(), email: v.email.trim() }), key: 'info.thirdPartyNotified', reset: true,
});
offer('decide-form', {
  rules: v => ({
    ground: withholds(v.decision) ? ['required'] : [],
    redactions: v.decision === 'PARTLY_DISCLOSED' ? ['required', ['max', 4000]] : [],
    reason: withholds(v.decision) ? ['required', ['max', 4000]] : [['max', 4000]],
  }),
  suffix: '/decision',
  body: v => ({ decision: v.decision, ground: v.ground || null, reason: v.reason.trim() || null, redactions: (v.redactions || '').trim() || null }),
  key: 'info.decided',
});
offer('objection-extend-form', {
  rules: { reason: ['required', ['max', 2000]] }, suffix: '/objection/extension', body: v => ({ reason: v.reason.trim() }), key: 'info.extended',
});
offer('objection-decide-form', {
  rules: { reason: ['required', ['max', 4000]] }, suffix: '/objection/decision',
  body: v => ({ outcome: v.outcome, reason: v.reason.trim() }), key: 'info.objectionDecided',
});
// A released document comes back alone (201 with the document): the request is fetched again to list it.
handleForm($('release-form'), {
  validateFn: v => validate(v, { title: ['required', ['max', 200]], text: ['required'] }),
  submit: v => post(path('/documents'), { title: v.title.trim(), mediaType: v.mediaType, text: v.text }),
  success: async () => {
    $('release-form').reset();
    moved('info.released')(await get(path('')));
  },
});
for (const radio of $('decide-form').querySelectorAll('input[name=decision]')) radio.addEventListener('change', showDecisionFields);

onLangChange(() => { fillGrounds(); render(); });
start().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
