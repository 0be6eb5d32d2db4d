// The ballot definition (ManifestForm of PUT /api/elections/{id}/manifest) as plain data: the contract's rules,
// derived limits, and the mapping between error paths ("contests[0].options[1].id") and the editor's inputs.
// No DOM; unit-tested in test/manifest.test.js.

export const ID_RE = /^[a-z0-9-]{1,64}$/;
export const KINDS = ['REFERENDUM', 'ONE_OF_N', 'K_OF_N', 'APPROVAL'];
export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 1000;
export const MAX_CONTESTS = 50;
export const MAX_OPTIONS = 100;

export function emptyOption(id = '') {
  return { id, nameKo: '', nameEn: '', descriptionKo: '', descriptionEn: '' };
}

/** The two options every referendum has, in this order. */
export function referendumOptions() {
  return [
    { id: 'yes', nameKo: '예', nameEn: 'Yes', descriptionKo: '', descriptionEn: '' },
    { id: 'no', nameKo: '아니오', nameEn: 'No', descriptionKo: '', descriptionEn: '' },
  ];
}

export function emptyContest(kind = 'ONE_OF_N', districtId = '') {
  const c = { id: '', kind, titleKo: '', titleEn: '', districtId, limit: 1, optionLimit: 1, options: [] };
  c.options = kind === 'REFERENDUM' ? referendumOptions() : [emptyOption(), emptyOption()];
  c.limit = limitFor(c);
  return c;
}

export function emptyManifest() {
  return { districts: [], ballotStyles: [], contests: [] };
}

/** The selection limit the contract fixes for a kind; K_OF_N keeps the one chosen. */
export function limitFor(contest) {
  switch (contest.kind) {
    case 'REFERENDUM':
    case 'ONE_OF_N': return 1;
    case 'APPROVAL': return contest.options.length;
    default: return Number(contest.limit);
  }
}

export const limitEditable = kind => kind === 'K_OF_N';
export const optionsFixed = kind => kind === 'REFERENDUM';

/**
 * Changes a contest's kind. A referendum always asks yes/no, so its options are replaced; the replaced ones are
 * kept aside and come back if the kind is changed again (nothing typed is lost by trying kinds out).
 */
export function changeKind(contest, kind) {
  if (contest.kind === kind) return contest;
  const next = { ...contest, kind };
  if (kind === 'REFERENDUM') {
    next.stashedOptions = contest.options;
    next.options = referendumOptions();
  } else if (contest.kind === 'REFERENDUM' && contest.stashedOptions) {
    next.options = contest.stashedOptions;
    delete next.stashedOptions;
  }
  if (kind === 'K_OF_N') next.limit = Math.min(Math.max(2, Number(contest.limit) || 2), Math.max(2, next.options.length - 1));
  next.limit = limitFor(next);
  return next;
}

/** Moves an item by delta (-1 up, +1 down) in place; returns the new index (or the old one at the ends). */
export function moveItem(list, index, delta) {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return index;
  const [x] = list.splice(index, 1);
  list.splice(to, 0, x);
  return to;
}

const str = v => (v == null ? '' : String(v));

/**
 * The PUT body: trimmed strings, derived limits, nothing editor-only. No optionLimit: the server's ManifestForm has
 * none (every option takes at most one mark) and refuses unknown fields.
 */
export function toManifestForm(m) {
  const t = v => str(v).trim();
  return {
    districts: m.districts.map(d => ({ id: t(d.id), nameKo: t(d.nameKo), nameEn: t(d.nameEn) })),
    ballotStyles: m.ballotStyles.map(s => ({ id: t(s.id), districtIds: [...(s.districtIds || [])] })),
    contests: m.contests.map(c => ({
      id: t(c.id), kind: c.kind, titleKo: t(c.titleKo), titleEn: t(c.titleEn), districtId: t(c.districtId),
      limit: limitFor(c),
      options: c.options.map(o => ({
        id: t(o.id), nameKo: t(o.nameKo), nameEn: t(o.nameEn), descriptionKo: t(o.descriptionKo), descriptionEn: t(o.descriptionEn),
      })),
    })),
  };
}

/** Reads a server ManifestForm into the editor's shape (missing arrays and strings filled in). */
export function fromManifestForm(f) {
  const m = f || {};
  return {
    districts: (m.districts || []).map(d => ({ id: str(d.id), nameKo: str(d.nameKo), nameEn: str(d.nameEn) })),
    ballotStyles: (m.ballotStyles || []).map(s => ({ id: str(s.id), districtIds: [...(s.districtIds || [])] })),
    contests: (m.contests || []).map(c => ({
      id: str(c.id), kind: KINDS.includes(c.kind) ? c.kind : 'ONE_OF_N', titleKo: str(c.titleKo), titleEn: str(c.titleEn),
      districtId: str(c.districtId), limit: Number(c.limit) || 1, optionLimit: 1,
      options: (c.options || []).map(o => ({
        id: str(o.id), nameKo: str(o.nameKo), nameEn: str(o.nameEn), descriptionKo: str(o.descriptionKo), descriptionEn: str(o.descriptionEn),
      })),
    })),
  };
}

/**
 * Checks a manifest the way the contract describes; returns [{path, key, params?}] where path names the field
 * exactly as the server's errors[].field would ("contests[0].options[1].id") and key is an i18n message key.
 */
export function validateManifest(m) {
  const errors = [];
  const add = (path, key, params) => errors.push(params ? { path, key, params } : { path, key });
  const text = (path, v, max, required = true) => {
    const s = str(v).trim();
    if (required && !s) add(path, 'validation.required');
    else if (s.length > max) add(path, 'validation.max', { max });
  };
  const ids = (list, base) => {
    const seen = new Map();
    list.forEach((x, i) => {
      const id = str(x.id).trim();
      const path = `${base}[${i}].id`;
      if (!id) add(path, 'validation.required');
      else if (!ID_RE.test(id)) add(path, 'manifest.v.id');
      else if (seen.has(id)) add(path, 'manifest.v.duplicate', { id });
      else seen.set(id, i);
    });
  };

  if (!m.districts.length) add('districts', 'manifest.v.noDistricts');
  ids(m.districts, 'districts');
  m.districts.forEach((d, i) => {
    text(`districts[${i}].nameKo`, d.nameKo, NAME_MAX);
    text(`districts[${i}].nameEn`, d.nameEn, NAME_MAX);
  });
  const districtIds = new Set(m.districts.map(d => str(d.id).trim()).filter(Boolean));

  if (!m.ballotStyles.length) add('ballotStyles', 'manifest.v.noStyles');
  ids(m.ballotStyles, 'ballotStyles');
  m.ballotStyles.forEach((s, i) => {
    const path = `ballotStyles[${i}].districtIds`;
    if (!s.districtIds || !s.districtIds.length) add(path, 'manifest.v.styleDistricts');
    else if (s.districtIds.some(d => !districtIds.has(d))) add(path, 'manifest.v.unknownDistrict');
  });

  if (!m.contests.length) add('contests', 'manifest.v.noContests');
  else if (m.contests.length > MAX_CONTESTS) add('contests', 'manifest.v.tooManyContests', { max: MAX_CONTESTS });
  ids(m.contests, 'contests');
  m.contests.forEach((c, i) => {
    const base = `contests[${i}]`;
    text(`${base}.titleKo`, c.titleKo, NAME_MAX);
    text(`${base}.titleEn`, c.titleEn, NAME_MAX);
    if (!KINDS.includes(c.kind)) add(`${base}.kind`, 'validation.required');
    const district = str(c.districtId).trim();
    if (!district) add(`${base}.districtId`, 'validation.required');
    else if (!districtIds.has(district)) add(`${base}.districtId`, 'manifest.v.unknownDistrict');
    const n = c.options.length;
    if (n > MAX_OPTIONS) add(`${base}.options`, 'manifest.v.tooManyOptions', { max: MAX_OPTIONS });
    if (c.kind === 'REFERENDUM') {
      if (n !== 2 || str(c.options[0]?.id).trim() !== 'yes' || str(c.options[1]?.id).trim() !== 'no') {
        add(`${base}.options`, 'manifest.v.referendumOptions');
      }
    } else if (n < 2) add(`${base}.options`, 'manifest.v.minOptions', { min: 2 });
    if (c.kind === 'K_OF_N') {
      const k = Number(c.limit);
      if (n < 3) add(`${base}.options`, 'manifest.v.minOptions', { min: 3 });
      else if (!Number.isInteger(k) || k < 2 || k > n - 1) add(`${base}.limit`, 'manifest.v.kOfN', { max: n - 1 });
    }
    ids(c.options, `${base}.options`);
    c.options.forEach((o, j) => {
      const p = `${base}.options[${j}]`;
      text(`${p}.nameKo`, o.nameKo, NAME_MAX);
      text(`${p}.nameEn`, o.nameEn, NAME_MAX);
      text(`${p}.descriptionKo`, o.descriptionKo, DESCRIPTION_MAX, false);
      text(`${p}.descriptionEn`, o.descriptionEn, DESCRIPTION_MAX, false);
    });
  });
  return errors;
}

/** "contests[0].options[1].id" → ["contests", 0, "options", 1, "id"]; null for anything else. */
export function parsePath(path) {
  const s = str(path).trim();
  if (!/^[A-Za-z_]\w*(\[\d+\]|\.[A-Za-z_]\w*)*$/.test(s)) return null;
  const out = [];
  for (const m of s.matchAll(/([A-Za-z_]\w*)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

/** The canonical spelling of a path (also accepts "contests.0.options.1.id" and "contests[0]/options"). */
export function normalizePath(path) {
  const s = str(path).trim().replace(/^\$\.?/, '').replace(/\//g, '.').replace(/\.(\d+)(?=\.|\[|$)/g, '[$1]');
  const parts = parsePath(s);
  if (!parts) return null;
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : (i ? `.${p}` : p))).join('');
}

/** The DOM id of the editor's input for a path ("contests[0].options[1].id" → "mf-contests-0-options-1-id"). */
export function pathToId(path) {
  const parts = parsePath(path);
  return parts ? `mf-${parts.join('-')}` : null;
}

/**
 * Where to show an error for a path: the path itself when the editor has an input for it, else the nearest
 * enclosing path that has one ("contests[0].options" → a contest's options group). null when nothing matches.
 */
export function nearestPath(path, known) {
  let p = normalizePath(path);
  while (p) {
    if (known.has(p)) return p;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : null;
  }
  return null;
}
