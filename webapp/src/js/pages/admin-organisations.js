import '../shell.js';
import { get, post, put } from '../api.js';
import { onLangChange } from '../i18n.js';
import { validate } from '../validation.js';
import { handleForm, announce, clearErrors } from '../forms.js';
import { orgTree, descendantsOf } from '../roles.js';
import { lang } from '../i18n.js';
import { guard, el, orgName, fillOrgSelect } from '../admin.js';
import { problemMessage } from '../problem.js';

const $ = id => document.getElementById(id);
let orgs = [];

function renderTree() {
  const container = $('org-tree');
  container.textContent = '';
  const tree = orgTree(orgs, lang());
  if (!tree.length) { container.append(el('p', { i18n: 'orgs.empty' })); return; }
  // Nested lists mirror the hierarchy, so assistive technology announces the levels.
  const root = el('ul', { class: 'madang-tree-list' });
  const stack = [root];
  const lastLi = [];
  for (const { org, depth } of tree) {
    while (stack.length - 1 > depth) stack.pop();
    if (stack.length - 1 < depth) {
      const ul = el('ul', { class: 'madang-tree-list' });
      lastLi[stack.length - 1].append(ul);
      stack.push(ul);
    }
    const edit = el('button', { type: 'button', class: 'krds-btn xsmall tertiary', 'data-edit': org.id });
    edit.append(el('span', { i18n: 'orgs.edit' }), el('span', { class: 'sr-only' }, ` ${orgName(org)}`));
    const li = el('li', { 'data-org-id': org.id },
      el('span', { class: 'madang-org-name' }, orgName(org)), ' ',
      el('span', { class: `madang-badge kind-${org.kind}`, i18n: `orgs.${org.kind}` }), ' ',
      edit);
    stack[stack.length - 1].append(li);
    lastLi[depth] = li;
  }
  container.append(root);
  fillOrgSelect($('org-parent'), tree, { noneKey: 'orgs.noParent' });
}

async function load() {
  orgs = await get('/api/organisations');
  renderTree();
}

function openEdit(id) {
  const org = orgs.find(o => String(o.id) === String(id));
  if (!org) return;
  const form = $('org-edit-form');
  clearErrors(form);
  $('org-edit-id').value = org.id;
  $('org-edit-version').value = org.version ?? '';
  $('org-edit-name-ko').value = org.nameKo || '';
  $('org-edit-name-en').value = org.nameEn || '';
  fillOrgSelect($('org-edit-parent'), orgTree(orgs, lang()),
    { noneKey: 'orgs.noParent', exclude: descendantsOf(orgs, org.id) });
  $('org-edit-parent').value = org.parentId ?? '';
  $('org-edit-section').hidden = false;
  $('edit-heading').focus();
}

$('org-tree').addEventListener('click', ev => {
  const btn = ev.target.closest('[data-edit]');
  if (btn) openEdit(btn.dataset.edit);
});
$('org-edit-cancel').addEventListener('click', () => { $('org-edit-section').hidden = true; });

const parentValue = v => (v === '' || v == null ? null : (Number.isNaN(Number(v)) ? v : Number(v)));

handleForm($('org-create-form'), {
  rules: { nameKo: ['required', ['max', 200]], nameEn: ['required', ['max', 200]] },
  validateFn: validate,
  submit: v => post('/api/organisations',
    { nameKo: v.nameKo.trim(), nameEn: v.nameEn.trim(), kind: v.kind, parentId: parentValue(v.parentId) }),
  success: async (created, v) => {
    $('org-create-form').reset();
    await load();
    announce($('org-create-form'), 'success', { key: 'orgs.created', params: { name: lang() === 'en' ? v.nameEn : v.nameKo } });
  },
});

handleForm($('org-edit-form'), {
  rules: { nameKo: ['required', ['max', 200]], nameEn: ['required', ['max', 200]] },
  validateFn: validate,
  submit: async v => {
    try {
      return await put(`/api/organisations/${encodeURIComponent(v.id)}`, {
        nameKo: v.nameKo.trim(), nameEn: v.nameEn.trim(), parentId: parentValue(v.parentId), version: Number(v.version),
      });
    } catch (err) {
      if (err.status === 409) await load().catch(() => {}); // show what changed meanwhile
      throw err;
    }
  },
  success: async () => {
    await load();
    $('org-edit-section').hidden = true;
    announce('result', 'success', { key: 'orgs.saved' });
  },
});

onLangChange(renderTree);
guard('ADMIN').then(user => {
  if (user) load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) }));
});
