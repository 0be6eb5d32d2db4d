// Creating a poll: officials for their organisation, moderators for the platform; anyone else signed in
// proposes one (a moderator publishes it). Times are Seoul wall time; the server's field errors land on the inputs.
import '../shell.js';
import { get, post } from '../api.js';
import { onLangChange, setText } from '../i18n.js';
import { requireUser } from '../session.js';
import { hasRole } from '../roles.js';
import { announce, handleForm } from '../forms.js';
import { el, orgName } from '../admin.js';
import { problemMessage } from '../problem.js';
import { instantToSeoul } from '../elections.js';
import { validatePoll, pollBody } from '../polls.js';

const $ = id => document.getElementById(id);
const form = $('poll-form');
let user = null;
let organisations = [];

const kind = () => form.elements.namedItem('kind').value;

/** Shows the fields the kind needs, with their labels: choice limits for multiple choice, scale ends for rating. */
function showKindFields() {
  const k = kind();
  const limits = k === 'MULTIPLE' || k === 'RATING';
  $('limits').hidden = !limits;
  for (const input of [$('min-choices'), $('max-choices')]) input.disabled = !limits;
  setText($('min-label'), k === 'RATING' ? 'poll.scaleFrom' : 'poll.minChoices');
  setText($('max-label'), k === 'RATING' ? 'poll.scaleTo' : 'poll.maxChoices');
  setText($('options-hint'), k === 'RATING' ? 'poll.ratingLabelsHint' : 'poll.optionsHint');
  if (k === 'RATING' && $('max-choices').value === '2') { $('min-choices').value = '1'; $('max-choices').value = '5'; }
}

function showAudienceFields() {
  const districts = form.elements.namedItem('audience').value === 'DISTRICTS';
  $('districts-group').hidden = !districts;
  $('districts').disabled = !districts;
}

function fillOrganisations() {
  const select = $('organisation');
  const keep = select.value;
  select.textContent = '';
  const mine = (user.roles || []).filter(r => r.role === 'OFFICIAL' && r.organisationId).map(r => r.organisationId);
  const official = hasRole(user, 'OFFICIAL');
  if (official) {
    for (const orgId of [...new Set(mine)]) {
      const org = organisations.find(o => o.id === orgId);
      select.append(el('option', { value: orgId }, org ? orgName(org) : orgId));
    }
  }
  if (hasRole(user, 'MODERATOR') || select.options.length === 0) select.append(el('option', { value: '', i18n: 'poll.platformWide' }));
  if ([...select.options].some(o => o.value === keep)) select.value = keep;
  const proposal = !official && !hasRole(user, 'MODERATOR');
  $('organisation-group').hidden = proposal;
  select.disabled = proposal;
  $('proposal-note').hidden = !proposal;
}

async function start() {
  user = await requireUser();
  const all = await get('/api/organisations', { redirect: false }).catch(() => ({ items: [] }));
  organisations = Array.isArray(all) ? all : (all.items || []);
  fillOrganisations();
  const now = Date.now();
  $('opens').value = instantToSeoul(new Date(now).toISOString());
  $('closes').value = instantToSeoul(new Date(now + 7 * 24 * 3600 * 1000).toISOString());
  showKindFields();
  showAudienceFields();
  $('result').textContent = '';
  $('admin-content').hidden = false;
}

for (const radio of form.querySelectorAll('input[name=kind]')) radio.addEventListener('change', showKindFields);
for (const radio of form.querySelectorAll('input[name=audience]')) radio.addEventListener('change', showAudienceFields);

handleForm(form, {
  validateFn: v => validatePoll(v),
  submit: v => post('/api/polls', pollBody(v)),
  success: poll => { location.assign(`/polls/poll.html?id=${encodeURIComponent(poll.id)}&created=1`); },
});

onLangChange(() => { if (user) fillOrganisations(); });
start().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
