// Pure helpers for the election pages (no DOM): states, Seoul times, the election form's rules,
// the voter-roll CSV pre-check. Unit-tested in test/elections.test.js.

export const STATES = ['DRAFT', 'KEY_CEREMONY', 'READY', 'OPEN', 'CLOSED', 'TALLYING', 'DECRYPTED', 'PUBLISHED', 'CANCELLED'];
export const GROUPS = ['P-256', 'Integer4096'];
export const GUARDIANS_MAX = 9;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const ROLL_CSV_MAX_BYTES = 1024 * 1024;
export const ROLL_CSV_MAX_ROWS = 100000;

/** KRDS badge colour for a state, so the list reads at a glance (the text says the state too). */
export function stateBadgeClass(state) {
  return {
    DRAFT: 'outline-gray', KEY_CEREMONY: 'outline-information', READY: 'outline-information',
    OPEN: 'outline-success', CLOSED: 'outline-secondary', TALLYING: 'outline-warning',
    DECRYPTED: 'outline-warning', PUBLISHED: 'outline-primary', CANCELLED: 'outline-danger',
  }[state] || 'outline-gray';
}

// Korea has kept UTC+9 all year since 1988, so Seoul wall time is a fixed offset from UTC.
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-12-01T18:00" read as Seoul wall time → "2026-12-01T09:00:00Z"; null when not a valid time. */
export function seoulToInstant(local) {
  const m = LOCAL_RE.exec(String(local || '').trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(x => Number(x || 0));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  // Rejects 2026-02-30 and 25:00, which Date.UTC would silently roll over.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d
      || check.getUTCHours() !== h || check.getUTCMinutes() !== mi) return null;
  return new Date(utc - SEOUL_OFFSET_MS).toISOString().replace('.000Z', 'Z');
}

/** An ISO instant → the Seoul wall time a datetime-local input shows ("2026-12-01T18:00"). */
export function instantToSeoul(iso) {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  return new Date(t + SEOUL_OFFSET_MS).toISOString().slice(0, 16);
}

/** First and last characters of a long hex value, for display ("a1b2c3d4…9f8e7d6c"). */
export function shortHex(hex, keep = 8) {
  const s = String(hex || '');
  return s.length <= keep * 2 + 1 ? s : `${s.slice(0, keep)}…${s.slice(-keep)}`;
}

export function pageCount(total, size) {
  return Math.max(1, Math.ceil((Number(total) || 0) / (Number(size) || 1)));
}

const isInt = v => /^\d+$/.test(String(v ?? '').trim());

/**
 * The election form's rules (mirroring POST/PUT /api/elections): returns [{field, key, params?}].
 * values are the raw form strings: titleKo, titleEn, descriptionKo, descriptionEn, group, guardians, quorum,
 * opensAt, closesAt (datetime-local, Seoul).
 */
export function validateElection(v) {
  const errors = [];
  const add = (field, key, params) => errors.push(params ? { field, key, params } : { field, key });
  for (const f of ['titleKo', 'titleEn']) {
    const s = String(v[f] ?? '').trim();
    if (!s) add(f, 'validation.required');
    else if (s.length > TITLE_MAX) add(f, 'validation.max', { max: TITLE_MAX });
  }
  for (const f of ['descriptionKo', 'descriptionEn']) {
    if (String(v[f] ?? '').length > DESCRIPTION_MAX) add(f, 'validation.max', { max: DESCRIPTION_MAX });
  }
  if (!GROUPS.includes(v.group)) add('group', 'validation.required');
  const n = Number(v.guardians);
  const nOk = isInt(v.guardians) && n >= 1 && n <= GUARDIANS_MAX;
  if (!nOk) add('guardians', 'election.v.guardians', { max: GUARDIANS_MAX });
  const k = Number(v.quorum);
  if (!isInt(v.quorum) || k < 1 || (nOk && k > n)) add('quorum', 'election.v.quorum', { max: nOk ? n : GUARDIANS_MAX });
  const opens = seoulToInstant(v.opensAt);
  const closes = seoulToInstant(v.closesAt);
  if (!String(v.opensAt ?? '').trim()) add('opensAt', 'validation.required');
  else if (!opens) add('opensAt', 'election.v.time');
  if (!String(v.closesAt ?? '').trim()) add('closesAt', 'validation.required');
  else if (!closes) add('closesAt', 'election.v.time');
  else if (opens && Date.parse(closes) <= Date.parse(opens)) add('closesAt', 'election.v.closesAfterOpens');
  return errors;
}

/** The request body for POST/PUT /api/elections from the form's values. */
export function electionBody(v) {
  const trimOrNull = s => { const x = String(s ?? '').trim(); return x ? x : null; };
  return {
    titleKo: String(v.titleKo).trim(),
    titleEn: String(v.titleEn).trim(),
    descriptionKo: trimOrNull(v.descriptionKo),
    descriptionEn: trimOrNull(v.descriptionEn),
    group: v.group,
    guardians: Number(v.guardians),
    quorum: Number(v.quorum),
    opensAt: seoulToInstant(v.opensAt),
    closesAt: seoulToInstant(v.closesAt),
    demoTrustees: !!v.demoTrustees,
  };
}

/**
 * A quick look at a roll CSV before uploading (the server checks every line): [{key, params?}] problems
 * with the file as a whole — empty, too large, header not "email,district", too many rows.
 */
export function checkRollCsv(text, bytes = new TextEncoder().encode(text || '').length) {
  const s = String(text || '').replace(/^\uFEFF/, '');
  if (!s.trim()) return [{ key: 'roll.v.empty' }];
  if (bytes > ROLL_CSV_MAX_BYTES) return [{ key: 'roll.v.tooLarge', params: { max: '1 MiB' } }];
  const lines = s.split(/\r?\n/).filter(l => l.trim() !== '');
  const header = lines[0].split(',').map(x => x.trim().toLowerCase());
  const problems = [];
  if (header.length !== 2 || header[0] !== 'email' || header[1] !== 'district') problems.push({ key: 'roll.v.header' });
  if (lines.length - 1 > ROLL_CSV_MAX_ROWS) problems.push({ key: 'roll.v.tooManyRows', params: { max: ROLL_CSV_MAX_ROWS } });
  if (lines.length < 2) problems.push({ key: 'roll.v.noRows' });
  return problems;
}

/** Localised name of a bilingual record ({titleKo,titleEn} or {nameKo,nameEn}). */
export function localized(obj, base, lang) {
  if (!obj) return '';
  const ko = obj[`${base}Ko`];
  const en = obj[`${base}En`];
  return (lang === 'en' ? en || ko : ko || en) || '';
}
