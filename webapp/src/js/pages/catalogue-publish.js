// An official publishes a document of their own agency, optionally with its first file.
import '../shell.js';
import { api, get, post } from '../api.js';
import { onLangChange, setText } from '../i18n.js';
import { requireUser } from '../session.js';
import { announce, busy, clearErrors, showProblem, showValidation, values } from '../forms.js';
import { el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { KINDS, termName, documentHref } from '../catalogue.js';

const $ = id => document.getElementById(id);
let agencies = [];
let vocabulary = null;

function fill(select, options) {
  const keep = select.value;
  select.textContent = '';
  for (const [value, label, key] of options) {
    const option = el('option', { value }, label);
    if (key) setText(option, key);
    select.append(option);
  }
  if (keep) select.value = keep;
}

function render() {
  fill($('agencyId'), agencies.map(a => [a.id, termName(a)]));
  fill($('kind'), KINDS.map(k => [k, null, `catalogue.kinds.${k}`]));
  if (vocabulary) {
    fill($('category'), vocabulary.categories.map(c => [c.code, termName(c)]));
    fill($('licence'), vocabulary.licences.map(l => [l.code, termName(l)]));
  }
}

async function load() {
  const user = await requireUser();
  const own = new Set((user.roles || []).filter(r => r.role === 'OFFICIAL' || r.role === 'ORG_ADMIN').map(r => r.organisationId));
  if (!own.size) {
    announce('result', 'error', { key: 'catalogue.notOfficial' });
    return;
  }
  const [orgs, vocab] = await Promise.all([get('/api/organisations', { redirect: false }), get('/api/publications/vocabulary', { redirect: false })]);
  agencies = orgs.filter(o => own.has(o.id));
  vocabulary = vocab;
  render();
  $('result').textContent = '';
  $('publish-form').hidden = false;
}

$('publish-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = e.target;
  const v = values(form);
  const errors = ['titleKo', 'titleEn', 'description'].filter(f => !v[f].trim()).map(field => ({ field, key: 'validation.required' }));
  if (showValidation(form, errors)) return;
  await busy(form, async () => {
    try {
      const file = $('publish-file').files[0];
      const created = await post('/api/publications', {
        agencyId: v.agencyId, kind: v.kind, category: v.category, titleKo: v.titleKo.trim(), titleEn: v.titleEn.trim(),
        description: v.description.trim(), publishedOn: v.publishedOn || null, language: v.language, licence: v.licence,
        legalBasis: v.legalBasis.trim() || null,
      });
      if (file) {
        await api('POST', `/api/publications/${encodeURIComponent(created.id)}/files?name=${encodeURIComponent(file.name)}`, file,
          { contentType: 'application/octet-stream' });
      }
      clearErrors(form);
      form.reset();
      announce(form, 'success', { key: 'catalogue.published' });
      $('publish-status').firstChild.append(' ', el('a', { href: documentHref(created.id), id: 'published-link' }, created.titleKo));
    } catch (err) { if (err.problem) showProblem(form, err); else announce(form, 'error', { text: err.message }); }
  });
});

onLangChange(render);
load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
