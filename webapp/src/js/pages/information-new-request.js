// A citizen asks an agency for information; the reference the server issues is shown at once (it is the
// requester's handle on the statutory clock).
import '../shell.js';
import { get, post } from '../api.js';
import { lang, onLangChange, setText } from '../i18n.js';
import { announce, handleForm } from '../forms.js';
import { validate } from '../validation.js';
import { fillOrgSelect } from '../admin.js';
import { orgTree } from '../roles.js';
import { problemMessage } from '../problem.js';
import { requireUser } from '../session.js';
import { requestLink } from '../disclosure-ui.js';

const $ = id => document.getElementById(id);
const form = $('request-form');
let organisations = [];
let filed = null;

function fillAgencies() {
  fillOrgSelect($('agency'), orgTree(organisations, lang()), { noneKey: 'info.chooseAgency' });
}

function renderFiled() {
  if (!filed) return;
  $('filed').hidden = false;
  setText($('filed-text'), 'info.filedText', { reference: filed.reference });
  $('filed-link').href = requestLink(filed.reference);
}

async function start() {
  await requireUser();
  const all = await get('/api/organisations', { redirect: false });
  organisations = Array.isArray(all) ? all : (all.items || []);
  fillAgencies();
  $('result').textContent = '';
  $('admin-content').hidden = false;
}

handleForm(form, {
  validateFn: v => validate(v, {
    agencyId: ['required'], subject: ['required', ['max', 200]], description: ['required', ['max', 4000]],
  }),
  submit: v => post('/api/disclosure/requests', {
    agencyId: v.agencyId, subject: v.subject.trim(), description: v.description.trim(),
    preferredForm: v.preferredForm, stayPrivate: v.stayPrivate,
  }),
  success: created => {
    filed = created;
    form.reset();
    announce(form, 'success', { key: 'info.filedText', params: { reference: created.reference } });
    renderFiled();
  },
});

onLangChange(() => { fillAgencies(); renderFiled(); });
start().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
