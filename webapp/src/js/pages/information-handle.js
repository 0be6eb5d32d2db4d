// The agency's handling page for one request: acknowledge, extend once with a reason, decide (a ground of
// Art. 9(1) for a refusal, the redactions for a partial disclosure), then the objection's extension and decision.
// Only the moves the request's state allows are offered; the server refuses the rest with a problem.
import '../shell.js';
import { get, post } from '../api.js';
import { lang, onLangChange } from '../i18n.js';
import { announce, handleForm } from '../forms.js';
import { el, guard } from '../admin.js';
import { validate } from '../validation.js';
import { problemMessage } from '../problem.js';
import { fillFacts, fillDeadlines } from '../disclosure-ui.js';
import { isReference, withholds, handlingMoves } from '../disclosure.js';

const $ = id => document.getElementById(id);
const reference = new URLSearchParams(location.search).get('ref') || '';
const path = suffix => `/api/disclosure/requests/${encodeURIComponent(reference)}${suffix}`;
let request = null;
let grounds = [];

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

function render() {
  const r = request;
  if (!r) return;
  $('request-subject').textContent = `${r.reference} · ${r.subject}`;
  fillFacts($('request-facts'), r);
  fillDeadlines($('deadlines-body'), r.deadlines);
  const moves = handlingMoves(r);
  $('acknowledge-section').hidden = !moves.acknowledge;
  $('extend-section').hidden = !moves.extend;
  $('decide-section').hidden = !moves.decide;
  $('objection-extend-section').hidden = !moves.objectionExtend;
  $('objection-decide-section').hidden = !moves.objectionDecide;
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
  [request, grounds] = await Promise.all([get(path('')), get('/api/disclosure/grounds', { redirect: false })]);
  fillGrounds();
  showDecisionFields();
  render();
}

handleForm($('acknowledge-form'), { submit: () => post(path('/acknowledgement')), success: moved('info.acknowledged') });
handleForm($('extend-form'), {
  validateFn: v => validate(v, { reason: ['required', ['max', 2000]] }),
  submit: v => post(path('/extension'), { reason: v.reason.trim() }),
  success: moved('info.extended'),
});
handleForm($('decide-form'), {
  validateFn: v => validate(v, {
    ground: withholds(v.decision) ? ['required'] : [],
    redactions: v.decision === 'PARTLY_DISCLOSED' ? ['required', ['max', 4000]] : [],
    reason: withholds(v.decision) ? ['required', ['max', 4000]] : [['max', 4000]],
  }),
  submit: v => post(path('/decision'), {
    decision: v.decision, ground: v.ground || null, reason: v.reason.trim() || null, redactions: (v.redactions || '').trim() || null,
  }),
  success: moved('info.decided'),
});
handleForm($('objection-extend-form'), {
  validateFn: v => validate(v, { reason: ['required', ['max', 2000]] }),
  submit: v => post(path('/objection/extension'), { reason: v.reason.trim() }),
  success: moved('info.extended'),
});
handleForm($('objection-decide-form'), {
  validateFn: v => validate(v, { reason: ['required', ['max', 4000]] }),
  submit: v => post(path('/objection/decision'), { outcome: v.outcome, reason: v.reason.trim() }),
  success: moved('info.objectionDecided'),
});
for (const radio of $('decide-form').querySelectorAll('input[name=decision]')) radio.addEventListener('change', showDecisionFields);

onLangChange(() => { fillGrounds(); render(); });
start().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
