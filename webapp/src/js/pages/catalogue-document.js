// One publication: description, facts, every version with its files and SHA-256; officials of the agency add
// versions and files and withdraw it.
import '../shell.js';
import { api, get, post } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { currentUser } from '../session.js';
import { announce, busy, clearErrors, showProblem, showValidation } from '../forms.js';
import { el, formatDate } from '../admin.js';
import { problemMessage } from '../problem.js';
import { termName, formatBytes } from '../catalogue.js';

const $ = id => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');
let doc = null;

function fact(labelKey, ...value) {
  return el('div', {}, el('dt', { i18n: labelKey }), el('dd', {}, ...value));
}

function render() {
  if (!doc) return;
  const title = termName({ nameKo: doc.titleKo, nameEn: doc.titleEn });
  $('document-title').textContent = title;
  document.title = `${title} | ${document.title.split(' | ').pop()}`;
  $('document-description').textContent = doc.description;
  $('withdrawn-box').hidden = !doc.withdrawn;
  if (doc.withdrawn) $('withdrawn-text').textContent = t('catalogue.withdrawnNotice', { date: formatDate(doc.withdrawnAt), reason: doc.withdrawalReason });
  const facts = $('document-facts');
  facts.textContent = '';
  facts.append(fact('catalogue.agency', termName(doc.agency)), fact('catalogue.kind', el('span', { i18n: `catalogue.kinds.${doc.kind}` })),
    fact('catalogue.category', termName(doc.category)), fact('catalogue.publishedOn', el('time', { datetime: doc.publishedOn }, doc.publishedOn)),
    fact('catalogue.language', el('span', { i18n: `catalogue.lang.${doc.language}` })), fact('catalogue.licence', termName(doc.licence)));
  if (doc.legalBasis) facts.append(fact('catalogue.legalBasis', doc.legalBasis));
  const list = $('versions');
  list.textContent = '';
  for (const v of doc.versions) {
    const li = el('li', { class: 'madang-item' }, el('h3', { class: 'madang-h3' }, t('catalogue.versionN', { n: v.number }), ' ',
      el('span', { class: `krds-badge ${v.current ? 'bg-success' : 'outline-secondary'}`, i18n: v.current ? 'catalogue.current' : 'catalogue.superseded' })));
    li.append(el('p', { class: 'madang-meta' }, formatDate(v.createdAt), v.note ? ` · ${v.note}` : ''));
    const files = el('ul', {});
    for (const f of v.files) {
      files.append(el('li', {}, el('a', { href: f.url, download: f.fileName }, f.fileName), ` (${f.contentType}, ${formatBytes(f.sizeBytes)}) `,
        el('span', { i18n: 'catalogue.sha256' }), ' ', el('code', { class: 'madang-hash' }, f.sha256)));
    }
    if (!v.files.length) files.append(el('li', { i18n: 'catalogue.noFiles' }));
    li.append(files);
    list.append(li);
  }
}

async function reload() {
  doc = await get(`/api/publications/${encodeURIComponent(id)}`, { redirect: false });
  render();
}

async function load() {
  if (!id) throw new Error(t('catalogue.noId'));
  const [user] = await Promise.all([currentUser(), reload()]);
  const staff = (user?.roles || []).some(r => (r.role === 'OFFICIAL' || r.role === 'ORG_ADMIN') && r.organisationId === doc.agency.id);
  $('manage').hidden = !staff || doc.withdrawn;
  $('result').textContent = '';
  $('content').hidden = false;
}

function wire(formId, validate, action, successKey) {
  $(formId).addEventListener('submit', async e => {
    e.preventDefault();
    const form = e.target;
    if (showValidation(form, validate())) return;
    await busy(form, async () => {
      try {
        await action();
        clearErrors(form);
        form.reset();
        await reload();
        $('manage').hidden = doc.withdrawn;
        announce(doc.withdrawn ? 'result' : form, 'success', { key: successKey });
      } catch (err) { if (err.problem) showProblem(form, err); else announce(form, 'error', { text: err.message }); }
    });
  });
}

wire('version-form', () => [], () => post(`/api/publications/${encodeURIComponent(id)}/versions`, { note: $('version-note').value.trim() || null }),
  'catalogue.versionAdded');
wire('file-form', () => ($('file-input').files.length ? [] : [{ field: 'file', key: 'validation.required' }]), () => {
  const file = $('file-input').files[0];
  return api('POST', `/api/publications/${encodeURIComponent(id)}/files?name=${encodeURIComponent(file.name)}`, file,
    { contentType: 'application/octet-stream' });
}, 'catalogue.uploaded');
wire('withdraw-form', () => ($('withdraw-reason').value.trim() ? [] : [{ field: 'reason', key: 'validation.required' }]),
  () => post(`/api/publications/${encodeURIComponent(id)}/withdrawal`, { reason: $('withdraw-reason').value.trim() }), 'catalogue.withdrawnDone');

onLangChange(render);
load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
