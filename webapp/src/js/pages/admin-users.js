import '../shell.js';
import { get, post, del } from '../api.js';
import { onLangChange, t, lang } from '../i18n.js';
import { validate } from '../validation.js';
import { handleForm, announce } from '../forms.js';
import { ROLES, hasRole, orgTree } from '../roles.js';
import { guard, el, timeEl, orgName, fillOrgSelect } from '../admin.js';
import { problemMessage } from '../problem.js';

const $ = id => document.getElementById(id);
let me = null;
let orgs = [];
let users = [];
let nextCursor = null;
let query = '';
// why the staff member reads these accounts: sent with every search and shown in each person's access log
let purpose = '';
let selected = null;

const orgById = id => orgs.find(o => String(o.id) === String(id));
function roleLabel(r) {
  const name = t(`role.${r.role}`);
  return r.organisationId != null ? `${name} — ${orgName(orgById(r.organisationId)) || r.organisationId}` : name;
}

function row(u) {
  const manage = el('button', { type: 'button', class: 'krds-btn xsmall secondary', 'data-user': u.id });
  manage.append(el('span', { i18n: 'users.manage' }), el('span', { class: 'sr-only' }, ` ${u.email}`));
  return el('tr', {},
    el('td', {}, u.email),
    el('td', {}, u.displayName || ''),
    el('td', { i18n: `identity.${u.identityLevel || 'REGISTERED'}` }),
    el('td', {}, (u.roles || []).map(roleLabel).join(', ')),
    el('td', {}, timeEl(u.createdAt)),
    el('td', {}, manage));
}

function renderList() {
  const body = $('users-body');
  body.textContent = '';
  for (const u of users) body.append(row(u));
  $('users-empty').hidden = users.length > 0;
  $('users-more').hidden = !nextCursor;
}

async function search(append = false) {
  const params = new URLSearchParams({ q: query, limit: '20' });
  if (append && nextCursor) params.set('cursor', nextCursor);
  const page = await get(`/api/admin/users?${params}`, { headers: { 'X-Access-Purpose': encodeURIComponent(purpose) } });
  users = append ? users.concat(page.items || []) : (page.items || []);
  nextCursor = page.nextCursor || null;
  renderList();
  if (selected) {
    selected = users.find(u => u.id === selected.id) || selected;
    renderDetail();
  }
  return users.length;
}

function renderDetail() {
  if (!selected) return;
  $('detail-email').textContent = selected.email;
  const list = $('detail-roles');
  list.textContent = '';
  const roles = selected.roles || [];
  if (!roles.length) list.append(el('li', { i18n: 'account.noRoles' }));
  for (const r of roles) {
    const li = el('li', {}, el('span', {}, roleLabel(r)), ' ');
    if (hasRole(me, 'ADMIN')) {
      const revoke = el('button', {
        type: 'button', class: 'krds-btn xsmall tertiary', 'data-revoke': r.role,
        'data-org': r.organisationId ?? '',
      });
      revoke.append(el('span', { i18n: 'users.revoke' }), el('span', { class: 'sr-only' }, ` ${roleLabel(r)}`));
      li.append(revoke);
    }
    list.append(li);
  }
  $('detail-status').textContent = '';
}

function openDetail(id) {
  selected = users.find(u => String(u.id) === String(id));
  if (!selected) return;
  $('user-detail').hidden = false;
  $('role-grant-form').hidden = !hasRole(me, 'ADMIN');
  $('resident-form').hidden = !hasRole(me, 'REGISTRAR', 'ADMIN');
  renderDetail();
  $('detail-heading').focus();
}

async function refreshSelected(messageKey) {
  await search(false);
  announce('detail-status', 'success', { key: messageKey });
}

$('users-body').addEventListener('click', ev => {
  const b = ev.target.closest('[data-user]');
  if (b) openDetail(b.dataset.user);
});

$('detail-roles').addEventListener('click', async ev => {
  const b = ev.target.closest('[data-revoke]');
  if (!b || !selected) return;
  const q = b.dataset.org ? `?organisationId=${encodeURIComponent(b.dataset.org)}` : '';
  try {
    await del(`/api/admin/users/${encodeURIComponent(selected.id)}/roles/${encodeURIComponent(b.dataset.revoke)}${q}`);
    await refreshSelected('users.revoked');
  } catch (err) {
    announce('detail-status', 'error', { text: problemMessage(err.problem) || err.message });
  }
});

$('users-more').addEventListener('click', () => search(true)
  .catch(err => announce($('user-search-form'), 'error', { text: problemMessage(err.problem) })));

handleForm($('user-search-form'), {
  rules: { purpose: ['required', ['max', 300]] },
  validateFn: validate,
  submit: v => { query = (v.q || '').trim(); purpose = v.purpose.trim(); return search(false); },
  success: count => announce($('user-search-form'), 'info', { key: 'users.found', params: { count } }),
});

handleForm($('role-grant-form'), {
  validateFn: () => [],
  submit: v => {
    const body = { role: v.role };
    if (v.organisationId) body.organisationId = Number.isNaN(Number(v.organisationId)) ? v.organisationId : Number(v.organisationId);
    return post(`/api/admin/users/${encodeURIComponent(selected.id)}/roles`, body);
  },
  success: () => refreshSelected('users.granted'),
});

handleForm($('resident-form'), {
  rules: { district: ['required', ['max', 100]] },
  validateFn: validate,
  submit: v => post(`/api/admin/users/${encodeURIComponent(selected.id)}/resident-verification`, { district: v.district.trim() }),
  success: () => { $('resident-form').reset(); return refreshSelected('users.residentApproved'); },
});

function fillSelects() {
  const roleSelect = $('grant-role');
  const keep = roleSelect.value;
  roleSelect.textContent = '';
  for (const r of ROLES) roleSelect.append(el('option', { value: r, i18n: `role.${r}` }));
  if (keep) roleSelect.value = keep;
  fillOrgSelect($('grant-org'), orgTree(orgs, lang()), { noneKey: 'users.noScope' });
}

onLangChange(() => { fillSelects(); renderList(); renderDetail(); });

guard('ADMIN', 'REGISTRAR').then(async user => {
  if (!user) return;
  me = user;
  try { orgs = await get('/api/organisations'); } catch { orgs = []; }
  fillSelects();
  // no search before a purpose is stated: each person listed is entered in their access log
  renderList();
});
