// The manifest editor: districts, ballot styles and contests of one election (DRAFT only; read-only after).
// The manifest lives in one plain object; the form is drawn from it, and every input's name is the contract's
// path of its value ("contests[0].options[1].id"), so the server's errors[].field lands on the right input.
import '../shell.js';
import { get, put } from '../api.js';
import { onLangChange, t, setText } from '../i18n.js';
import { announce, setFieldError, clearFieldError, busy } from '../forms.js';
import { guard, el } from '../admin.js';
import { problemMessage } from '../problem.js';
import { shortHex } from '../elections.js';
import {
  KINDS, emptyManifest, emptyContest, emptyOption, changeKind, limitFor, limitEditable, optionsFixed, moveItem,
  validateManifest, toManifestForm, fromManifestForm, parsePath, pathToId, nearestPath,
} from '../manifest.js';
import { electionIdFromUrl, electionPath, title, nameOf } from '../election-ui.js';

const $ = id => document.getElementById(id);
const form = $('manifest-form');
const id = electionIdFromUrl();
let m = emptyManifest();
let election = null;
let readOnly = false;
let lastErrors = null; // client errors on screen, redrawn in the new language

// ---- the data behind a path -------------------------------------------------------------------------------

function resolve(path) {
  const parts = parsePath(path);
  if (!parts) return null;
  let parent = m;
  for (const p of parts.slice(0, -1)) { parent = parent?.[p]; if (parent == null) return null; }
  return { parent, key: parts[parts.length - 1], parts };
}
const valueAt = path => { const r = resolve(path); return r ? r.parent[r.key] : undefined; };

// ---- drawing ------------------------------------------------------------------------------------------------

function field(path, labelKey, { lang, readonly = false, type = 'text', hintKey, hintParams, maxlength = 200 } = {}) {
  const id = pathToId(path);
  const input = el('input', { type, id, name: path, class: 'krds-input', lang, maxlength: type === 'text' ? maxlength : null });
  input.value = valueAt(path) ?? '';
  if (readonly) input.readOnly = true;
  const describedBy = [];
  if (path.endsWith('.id')) describedBy.push('id-hint');
  const group = el('div', { class: 'form-group' },
    el('div', { class: 'form-tit' }, el('label', { for: id, i18n: labelKey })),
    el('div', { class: 'form-conts' }, input));
  if (hintKey) {
    group.append(el('p', { class: 'form-hint', id: `${id}-hint`, i18n: hintKey, i18nParams: hintParams }));
    describedBy.push(`${id}-hint`);
  }
  if (describedBy.length) input.setAttribute('aria-describedby', describedBy.join(' '));
  return group;
}

function select(path, labelKey, options) {
  const id = pathToId(path);
  const s = el('select', { id, name: path, class: 'krds-form-select' });
  for (const o of options) s.append(el('option', { value: o.value, i18n: o.i18n }, o.text));
  s.value = valueAt(path) ?? '';
  return el('div', { class: 'form-group' },
    el('div', { class: 'form-tit' }, el('label', { for: id, i18n: labelKey })),
    el('div', { class: 'form-conts' }, s));
}

/** Move up / move down / remove buttons for an item; the hidden text says which item. */
function actions(path, label, { move = true, first, last }) {
  const button = (action, key, disabled) => {
    const b = el('button', { type: 'button', class: 'krds-btn xsmall tertiary', id: `btn-${action}-${pathToId(path)}`,
      'data-action': action, 'data-path': path, disabled: disabled || null });
    b.append(el('span', { i18n: key }), el('span', { class: 'sr-only' }, ` ${label}`));
    return b;
  };
  const wrap = el('div', { class: 'madang-item-actions madang-edit-only' });
  if (move) wrap.append(button('up', 'manifest.moveUp', first), button('down', 'manifest.moveDown', last));
  wrap.append(button('remove', 'manifest.remove'));
  return wrap;
}

function item(path, legendKey, params) {
  return el('fieldset', { class: 'madang-item', id: pathToId(path), 'data-path': path, tabindex: '-1' },
    el('legend', { i18n: legendKey, i18nParams: params }));
}

const none = key => el('p', { class: 'madang-empty', i18n: key });

function renderDistricts() {
  const box = $('mf-districts');
  box.textContent = '';
  if (!m.districts.length) box.append(none('manifest.noDistricts'));
  m.districts.forEach((d, i) => {
    const p = `districts[${i}]`;
    const fs = item(p, 'manifest.districtN', { n: i + 1 });
    fs.append(el('div', { class: 'madang-item-row' },
      field(`${p}.id`, 'manifest.id', { maxlength: 64 }),
      field(`${p}.nameKo`, 'manifest.nameKo', { lang: 'ko' }),
      field(`${p}.nameEn`, 'manifest.nameEn', { lang: 'en' })),
    actions(p, t('manifest.districtN', { n: i + 1 }), { move: false }));
    box.append(fs);
  });
}

function renderStyles() {
  const box = $('mf-ballotStyles');
  box.textContent = '';
  if (!m.ballotStyles.length) box.append(none('manifest.noBallotStyles'));
  const districts = m.districts.filter(d => d.id.trim());
  m.ballotStyles.forEach((s, i) => {
    const p = `ballotStyles[${i}]`;
    const fs = item(p, 'manifest.ballotStyleN', { n: i + 1 });
    const group = el('fieldset', { class: 'madang-plain-fieldset madang-checks', id: pathToId(`${p}.districtIds`),
      'data-path': `${p}.districtIds`, tabindex: '-1' }, el('legend', { class: 'madang-label', i18n: 'manifest.styleDistricts' }));
    const area = el('div', { class: 'krds-check-area' });
    if (!districts.length) area.append(none('manifest.addDistrictsFirst'));
    districts.forEach((d, j) => {
      const cid = `mf-bs-${i}-d-${j}`;
      const box2 = el('input', { type: 'checkbox', id: cid, name: `${p}.districtIds`, value: d.id });
      box2.checked = s.districtIds.includes(d.id);
      area.append(el('div', { class: 'krds-form-check' }, box2, el('label', { for: cid }, `${nameOf(d) || d.id} (${d.id})`)));
    });
    group.append(area);
    fs.append(field(`${p}.id`, 'manifest.id', { maxlength: 64 }), group, actions(p, t('manifest.ballotStyleN', { n: i + 1 }), { move: false }));
    box.append(fs);
  });
}

function limitHint(c) {
  if (c.kind === 'K_OF_N') return ['manifest.limitKofN', { max: Math.max(2, c.options.length - 1) }];
  if (c.kind === 'APPROVAL') return ['manifest.limitApproval', { n: c.options.length }];
  return ['manifest.limitOne', undefined];
}

function renderContests() {
  const box = $('mf-contests');
  box.textContent = '';
  if (!m.contests.length) box.append(none('manifest.noContests'));
  const districtOptions = [{ value: '', i18n: 'manifest.chooseDistrict' },
    ...m.districts.filter(d => d.id.trim()).map(d => ({ value: d.id, text: `${nameOf(d) || d.id} (${d.id})` }))];
  m.contests.forEach((c, i) => {
    const p = `contests[${i}]`;
    const label = t('manifest.contestN', { n: i + 1 });
    const fs = item(p, 'manifest.contestN', { n: i + 1 });
    c.limit = limitFor(c);
    const [hintKey, hintParams] = limitHint(c);
    fs.append(
      el('div', { class: 'madang-item-row' },
        field(`${p}.id`, 'manifest.id', { maxlength: 64 }),
        select(`${p}.kind`, 'manifest.kind', KINDS.map(k => ({ value: k, i18n: `manifest.kind.${k}` }))),
        select(`${p}.districtId`, 'manifest.district', districtOptions),
        field(`${p}.limit`, 'manifest.limit', { type: 'number', readonly: !limitEditable(c.kind), hintKey, hintParams })),
      el('div', { class: 'madang-item-row' },
        field(`${p}.titleKo`, 'manifest.titleKo', { lang: 'ko' }),
        field(`${p}.titleEn`, 'manifest.titleEn', { lang: 'en' })));
    const optionsBox = el('fieldset', { class: 'madang-plain-fieldset', id: pathToId(`${p}.options`), 'data-path': `${p}.options`, tabindex: '-1' },
      el('legend', { class: 'madang-label', i18n: 'manifest.options' }));
    if (optionsFixed(c.kind)) optionsBox.append(el('p', { class: 'form-hint', i18n: 'manifest.referendumFixed' }));
    c.options.forEach((o, j) => {
      const op = `${p}.options[${j}]`;
      const ofs = item(op, 'manifest.optionN', { n: j + 1 });
      ofs.append(
        el('div', { class: 'madang-item-row' },
          field(`${op}.id`, 'manifest.id', { maxlength: 64, readonly: optionsFixed(c.kind) }),
          field(`${op}.nameKo`, 'manifest.nameKo', { lang: 'ko' }),
          field(`${op}.nameEn`, 'manifest.nameEn', { lang: 'en' })),
        el('div', { class: 'madang-item-row' },
          field(`${op}.descriptionKo`, 'manifest.descriptionKo', { lang: 'ko', maxlength: 1000 }),
          field(`${op}.descriptionEn`, 'manifest.descriptionEn', { lang: 'en', maxlength: 1000 })));
      if (!optionsFixed(c.kind)) {
        ofs.append(actions(op, `${label} ${t('manifest.optionN', { n: j + 1 })}`, { first: j === 0, last: j === c.options.length - 1 }));
      }
      optionsBox.append(ofs);
    });
    if (!optionsFixed(c.kind)) {
      const add = el('button', { type: 'button', class: 'krds-btn secondary small', id: `btn-add-${pathToId(`${p}.options`)}`,
        'data-action': 'add', 'data-list': `${p}.options` });
      add.append(el('span', { i18n: 'manifest.addOption' }), el('span', { class: 'sr-only' }, ` ${label}`));
      optionsBox.append(el('p', { class: 'madang-edit-only' }, add));
    }
    fs.append(optionsBox, actions(p, label, { first: i === 0, last: i === m.contests.length - 1 }));
    box.append(fs);
  });
}

/**
 * A district's id or name changed: update the choices that show districts (ballot-style checkboxes, contest
 * district menus) in place, so that focus, a click under way and any error messages stay where they are.
 */
function refreshDistrictChoices() {
  const districts = m.districts.filter(d => d.id.trim());
  const label = d => `${nameOf(d) || d.id} (${d.id})`;
  m.ballotStyles.forEach((s, i) => {
    const group = $(pathToId(`ballotStyles[${i}].districtIds`));
    const boxes = group ? [...group.querySelectorAll('input[type="checkbox"]')] : [];
    if (boxes.length === districts.length) {
      boxes.forEach((b, j) => {
        b.value = districts[j].id;
        b.checked = s.districtIds.includes(districts[j].id);
        const l = group.querySelector(`label[for="${b.id}"]`);
        if (l) l.textContent = label(districts[j]);
      });
    } else {
      renderStyles();
    }
  });
  m.contests.forEach((c, i) => {
    const sel = $(pathToId(`contests[${i}].districtId`));
    if (!sel) return;
    while (sel.options.length > 1) sel.remove(1);
    for (const d of districts) sel.append(el('option', { value: d.id }, label(d)));
    sel.value = c.districtId;
  });
}

function renderAll(focusId) {
  const keep = focusId || document.activeElement?.id;
  renderDistricts();
  renderStyles();
  renderContests();
  if (keep && $(keep) && !$(keep).disabled) $(keep).focus();
}

// ---- errors -------------------------------------------------------------------------------------------------

function clearAll() {
  for (const x of form.querySelectorAll('[aria-invalid]')) clearFieldError(x);
  for (const x of form.querySelectorAll('.madang-group-error')) x.remove();
  for (const x of form.querySelectorAll('[data-error-for]')) { x.removeAttribute('aria-describedby'); x.removeAttribute('data-error-for'); }
  const status = $('manifest-form-status');
  status.textContent = '';
  status.className = 'madang-status';
}

/** "Contest 1 › Option 2 › Korean name", from the legends around an input and its label. */
function describe(target) {
  const parts = [];
  for (let x = target; x && x !== form; x = x.parentElement) {
    if (x.matches('fieldset') && x !== target) { const lg = x.querySelector(':scope > legend'); if (lg) parts.unshift(lg.textContent); }
  }
  if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
    const label = form.querySelector(`label[for="${target.id}"]`);
    if (label) parts.push(label.textContent);
  } else {
    const lg = target.querySelector(':scope > legend');
    const heading = target.closest('section')?.querySelector('h2');
    parts.push((lg || heading)?.textContent || '');
  }
  return parts.filter(Boolean).join(' › ');
}

/** Errors ([{path, key?, params?, text?}]) beside their inputs, or at the group they concern, plus a linked summary. */
function showErrors(list, headline) {
  clearAll();
  const known = new Set([...form.querySelectorAll('[name]')].map(x => x.name)
    .concat([...form.querySelectorAll('[data-path]')].map(x => x.dataset.path)));
  const summary = [];
  let n = 0;
  for (const e of list) {
    const p = nearestPath(e.path, known);
    const target = p && $(pathToId(p));
    const msg = e.key ? { key: e.key, params: e.params } : { text: e.text };
    if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      if (!target.hasAttribute('aria-invalid')) setFieldError(target, msg);
    } else if (target) {
      const pid = `${target.id}-error-${n++}`;
      const para = el('p', { class: 'form-hint-invalid madang-group-error', id: pid, i18n: msg.key, i18nParams: msg.params }, msg.text);
      const legend = target.querySelector(':scope > legend');
      if (legend) legend.after(para); else target.prepend(para);
      target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), pid].filter(Boolean).join(' '));
      target.setAttribute('data-error-for', '');
    }
    const text = msg.key ? t(msg.key, msg.params) : msg.text;
    summary.push(target
      ? el('li', {}, el('a', { href: `#${target.id}`, 'data-focus': target.id }, `${describe(target)}: ${text}`))
      : el('li', {}, `${e.path}: ${text}`));
  }
  const status = $('manifest-form-status');
  announce(form, 'error', headline ? { text: headline } : { key: 'validation.summary', params: { count: list.length } });
  status.append(el('ul', { class: 'madang-error-list' }, ...summary));
  const first = form.querySelector('[aria-invalid="true"], [data-error-for]');
  if (first) first.focus();
}

// ---- editing --------------------------------------------------------------------------------------------------

const say = (key, params) => setText($('manifest-live'), key, params);

form.addEventListener('input', ev => {
  const x = ev.target;
  if (!x.name || readOnly) return;
  const r = resolve(x.name);
  if (!r) return;
  if (x.type === 'checkbox') {
    const list = [...form.querySelectorAll('input[type="checkbox"]')].filter(c => c.name === x.name && c.checked).map(c => c.value);
    valueAt(x.name.replace(/\.districtIds$/, '')).districtIds = list;
  } else if (x.tagName === 'SELECT') {
    return; // handled on change
  } else if (r.key === 'limit') {
    r.parent.limit = x.value === '' ? '' : Number(x.value);
  } else {
    const old = r.parent[r.key];
    r.parent[r.key] = x.value;
    if (r.parts[0] === 'districts' && r.key === 'id') {
      // A district renamed: ballot styles and contests that named it follow.
      for (const s of m.ballotStyles) s.districtIds = s.districtIds.map(d => (d === old ? x.value : d));
      for (const c of m.contests) if (c.districtId === old && old) c.districtId = x.value;
    }
  }
  if (x.hasAttribute('aria-invalid')) clearFieldError(x);
});

form.addEventListener('change', ev => {
  const x = ev.target;
  if (!x.name || readOnly) return;
  const r = resolve(x.name);
  if (!r) return;
  if (x.tagName === 'SELECT' && r.key === 'kind') {
    const i = r.parts[1];
    const was = m.contests[i].kind;
    m.contests[i] = changeKind(m.contests[i], x.value);
    renderAll(x.id);
    if (x.value === 'REFERENDUM') say('manifest.referendumFilled');
    else if (was === 'REFERENDUM') say('manifest.optionsRestored');
  } else if (x.tagName === 'SELECT') {
    r.parent[r.key] = x.value;
  } else if (r.parts[0] === 'districts') {
    refreshDistrictChoices();
  }
});

function listOf(path) {
  const v = valueAt(path);
  return Array.isArray(v) ? v : null;
}

form.addEventListener('click', ev => {
  const link = ev.target.closest('a[data-focus]');
  if (link) { ev.preventDefault(); $(link.dataset.focus)?.focus(); return; }
  const b = ev.target.closest('button[data-action]');
  if (!b || readOnly) return;
  const action = b.dataset.action;
  if (action === 'add') {
    const listPath = b.dataset.list;
    const list = listOf(listPath);
    const firstDistrict = m.districts.find(d => d.id.trim())?.id || '';
    if (listPath === 'districts') list.push({ id: '', nameKo: '', nameEn: '' });
    else if (listPath === 'ballotStyles') list.push({ id: '', districtIds: m.districts.length === 1 && firstDistrict ? [firstDistrict] : [] });
    else if (listPath === 'contests') list.push(emptyContest('ONE_OF_N', firstDistrict));
    else list.push(emptyOption());
    renderAll(pathToId(`${listPath}[${list.length - 1}].id`));
    say('manifest.added');
    return;
  }
  const path = b.dataset.path;
  const cut = path.lastIndexOf('[');
  const listPath = path.slice(0, cut);
  const index = Number(path.slice(cut + 1, -1));
  const list = listOf(listPath);
  if (!list) return;
  if (action === 'remove') {
    const [gone] = list.splice(index, 1);
    if (listPath === 'districts' && gone.id) {
      for (const s of m.ballotStyles) s.districtIds = s.districtIds.filter(d => d !== gone.id);
      for (const c of m.contests) if (c.districtId === gone.id) c.districtId = '';
    }
    const addId = listPath === 'districts' ? 'add-district' : listPath === 'ballotStyles' ? 'add-ballotStyle'
      : listPath === 'contests' ? 'add-contest' : `btn-add-${pathToId(listPath)}`;
    renderAll(addId);
    say('manifest.removed');
  } else {
    const to = moveItem(list, index, action === 'up' ? -1 : 1);
    const moved = pathToId(`${listPath}[${to}]`);
    renderAll();
    const same = $(`btn-${action}-${moved}`);
    (same && !same.disabled ? same : $(`btn-${action === 'up' ? 'down' : 'up'}-${moved}`))?.focus();
    say('manifest.moved', { n: to + 1 });
  }
});

form.addEventListener('submit', async ev => {
  ev.preventDefault();
  if (readOnly) return;
  const errors = validateManifest(m);
  lastErrors = errors.length ? errors : null;
  if (errors.length) { showErrors(errors); return; }
  await busy(form, async () => {
    try {
      const saved = await put(electionPath(id, '/manifest'), toManifestForm(m));
      m = fromManifestForm(saved);
      renderAll();
      clearAll();
      showHash(saved.hash);
      announce(form, 'success', { key: 'manifest.saved', params: { hash: shortHex(saved.hash || '') } });
    } catch (err) {
      if (!err.problem) throw err;
      lastErrors = null;
      showErrors(err.fieldErrors.map(fe => ({ path: fe.field, text: fe.message })), problemMessage(err.problem) || t('error.generic'));
    }
  });
});

function showHash(hash) {
  const dd = $('manifest-hash');
  dd.textContent = '';
  if (hash) dd.append(el('code', { class: 'madang-uri' }, hash)); else dd.append(el('span', { i18n: 'election.notYet' }));
}

async function load() {
  if (!id) { announce('result', 'error', { key: 'election.noId' }); $('admin-content').hidden = true; return; }
  election = await get(electionPath(id));
  $('editing').textContent = title(election);
  $('manage-link').href = `/admin/election-manage.html?id=${encodeURIComponent(id)}`;
  let saved = null;
  try { saved = await get(electionPath(id, '/manifest')); } catch (err) { if (err.status !== 404) throw err; }
  m = saved ? fromManifestForm(saved) : emptyManifest();
  showHash(saved?.hash);
  readOnly = election.state !== 'DRAFT';
  $('read-only').hidden = !readOnly;
  form.classList.toggle('madang-read-only', readOnly);
  $('manifest-fields').disabled = readOnly;
  renderAll();
}

onLangChange(() => {
  if (election) $('editing').textContent = title(election);
  renderAll();
  if (lastErrors) showErrors(lastErrors);
});
guard('ELECTION_ADMIN').then(user => {
  if (user) load().catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
});
