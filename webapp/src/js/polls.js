// Pure rules of the poll pages (no DOM): the create form → POST /api/polls body, an answer → the `choices`
// the API takes (ranked choice from one rank per option, with up/down moves), and results cells.
// Unit-tested in test/polls.test.js.
import { seoulToInstant } from './elections.js';

export const KINDS = ['SINGLE', 'MULTIPLE', 'RATING', 'RANKED'];
export const AUDIENCES = ['SIGNED_IN', 'VERIFIED_RESIDENTS', 'DISTRICTS'];
export const VISIBILITIES = ['LIVE', 'AFTER_VOTING', 'AFTER_CLOSE'];
export const QUESTION_MAX = 500;
export const OPTION_MAX = 200;
export const OPTIONS_MAX = 20;

/** Lines of a textarea, trimmed, blank lines dropped. */
export function lines(text) {
  return String(text ?? '').split(/\r?\n/).map(s => s.trim()).filter(Boolean);
}

/** Districts typed one a line or separated by commas. */
export function districtList(text) {
  return String(text ?? '').split(/[\n,]/).map(s => s.trim()).filter(Boolean);
}

const isInt = v => /^\d+$/.test(String(v ?? '').trim());

/**
 * The create form's rules (mirroring Polls.check on the server): returns [{field, key, params?}].
 * v holds the raw form strings: kind, questionKo, questionEn, options (Korean, one a line), optionsEn (English,
 * one a line, paired by position), minChoices, maxChoices, audience, districts, opensAt, closesAt (Seoul
 * datetime-local), visibility, k. now is the current time in milliseconds.
 */
export function validatePoll(v, now = Date.now()) {
  const errors = [];
  const add = (field, key, params) => errors.push(params ? { field, key, params } : { field, key });
  if (!KINDS.includes(v.kind)) add('kind', 'validation.required');
  for (const f of ['questionKo', 'questionEn']) {
    const s = String(v[f] ?? '').trim();
    if (!s) add(f, 'validation.required');
    else if (s.length > QUESTION_MAX) add(f, 'validation.max', { max: QUESTION_MAX });
  }
  const ko = lines(v.options);
  const en = lines(v.optionsEn);
  const rating = v.kind === 'RATING';
  if (rating && ko.length !== 2) add('options', 'poll.v.ratingLabels');
  else if (!rating && (ko.length < 2 || ko.length > OPTIONS_MAX)) add('options', 'poll.v.optionCount', { max: OPTIONS_MAX });
  else if (ko.some(s => s.length > OPTION_MAX)) add('options', 'validation.max', { max: OPTION_MAX });
  if (en.length !== ko.length) add('optionsEn', 'poll.v.optionsPaired');
  else if (en.some(s => s.length > OPTION_MAX)) add('optionsEn', 'validation.max', { max: OPTION_MAX });
  const min = Number(v.minChoices);
  const max = Number(v.maxChoices);
  if (v.kind === 'MULTIPLE') {
    if (!isInt(v.minChoices) || min < 1) add('minChoices', 'poll.v.minChoices');
    else if (!isInt(v.maxChoices) || max < min || max > ko.length) add('maxChoices', 'poll.v.maxChoices', { max: ko.length });
  } else if (rating) {
    if (!isInt(v.minChoices) || min > 1) add('minChoices', 'poll.v.scaleFrom');
    else if (!isInt(v.maxChoices) || max < 2 || max > 10) add('maxChoices', 'poll.v.scaleTo');
  }
  if (!AUDIENCES.includes(v.audience)) add('audience', 'validation.required');
  else if (v.audience === 'DISTRICTS' && districtList(v.districts).length === 0) add('districts', 'poll.v.districts');
  const opens = seoulToInstant(v.opensAt);
  const closes = seoulToInstant(v.closesAt);
  if (!String(v.opensAt ?? '').trim()) add('opensAt', 'validation.required');
  else if (!opens) add('opensAt', 'election.v.time');
  if (!String(v.closesAt ?? '').trim()) add('closesAt', 'validation.required');
  else if (!closes) add('closesAt', 'election.v.time');
  else if (opens && Date.parse(closes) <= Date.parse(opens)) add('closesAt', 'election.v.closesAfterOpens');
  else if (Date.parse(closes) <= now) add('closesAt', 'poll.v.closesInPast');
  if (!VISIBILITIES.includes(v.visibility)) add('visibility', 'validation.required');
  if (String(v.k ?? '').trim() && (!isInt(v.k) || Number(v.k) < 5 || Number(v.k) > 1000)) add('k', 'poll.v.k');
  return errors;
}

/** The request body for POST /api/polls from the form's values (validated first). */
export function pollBody(v) {
  const ko = lines(v.options);
  const en = lines(v.optionsEn);
  const limits = v.kind === 'MULTIPLE' || v.kind === 'RATING';
  return {
    organisationId: v.organisationId ? v.organisationId : null,
    kind: v.kind,
    questionKo: String(v.questionKo).trim(),
    questionEn: String(v.questionEn).trim(),
    options: ko.map((k, i) => ({ ko: k, en: en[i] })),
    minChoices: limits ? Number(v.minChoices) : null,
    maxChoices: limits ? Number(v.maxChoices) : null,
    audience: v.audience,
    districts: v.audience === 'DISTRICTS' ? districtList(v.districts) : [],
    opensAt: seoulToInstant(v.opensAt),
    closesAt: seoulToInstant(v.closesAt),
    allowChange: !!v.allowChange,
    visibility: v.visibility,
    k: String(v.k ?? '').trim() ? Number(v.k) : null,
  };
}

/**
 * Ranked choice from one rank per option: ranks[i] is the rank ("1", "2", … or "" for unranked) given to
 * option i. → {choices: option indexes, most preferred first} or {error: i18n key}. Ranks must not repeat and
 * must run 1, 2, 3… without gaps; options left unranked are simply not ranked (the API accepts partial rankings).
 */
export function rankingToChoices(ranks) {
  const given = ranks.map((r, i) => ({ rank: String(r ?? '').trim(), i })).filter(x => x.rank !== '');
  if (given.length === 0) return { error: 'poll.v.rankOne' };
  if (given.some(x => !isInt(x.rank) || Number(x.rank) < 1)) return { error: 'poll.v.rankGaps' };
  const numbers = given.map(x => Number(x.rank));
  if (new Set(numbers).size !== numbers.length) return { error: 'poll.v.rankRepeated' };
  const sorted = [...given].sort((a, b) => Number(a.rank) - Number(b.rank));
  if (sorted.some((x, j) => Number(x.rank) !== j + 1)) return { error: 'poll.v.rankGaps' };
  return { choices: sorted.map(x => x.i) };
}

/** The inverse: an answer (option indexes in order of preference) → ranks per option ("" when unranked). */
export function choicesToRanks(choices, optionCount) {
  const ranks = Array.from({ length: optionCount }, () => '');
  (choices || []).forEach((c, j) => { if (c >= 0 && c < optionCount) ranks[c] = String(j + 1); });
  return ranks;
}

/**
 * Moves option i one place up (delta -1) or down (+1) in the ranking, swapping with its neighbour; an unranked
 * option moved up joins the ranking at the end. Returns new ranks.
 */
export function moveRank(ranks, i, delta) {
  const out = ranks.slice();
  const current = String(out[i] ?? '').trim();
  const ranked = out.filter(r => String(r).trim() !== '').length;
  if (current === '') {
    if (delta < 0) out[i] = String(ranked + 1);
    return out;
  }
  const from = Number(current);
  const to = from + delta;
  if (to < 1) return out;
  if (to > ranked) { // moving the last one down takes it out of the ranking
    out[i] = '';
    return out;
  }
  const other = out.findIndex(r => Number(r) === to);
  if (other >= 0) out[other] = String(from);
  out[i] = String(to);
  return out;
}

/** Checks a multiple-choice answer against the poll's limits: null when fine, else {key, params}. */
export function checkMultiple(chosen, min, max) {
  if (chosen.length < min || chosen.length > max) {
    return min === max ? { key: 'poll.v.chooseExactly', params: { n: min } } : { key: 'poll.v.chooseBetween', params: { min, max } };
  }
  return null;
}

/** A breakdown cell as shown: the number, or null for a suppressed one (fewer than k people behind it). */
export function cellText(value, format = String) {
  return value === null || value === undefined ? null : format(value);
}

/** An option's or count's text in the language ("ko" or "en"), falling back to the other. */
export function localizedText(o, language) {
  return (language === 'en' ? o.en : o.ko) || o.ko || o.en || '';
}

/** What the answer page should offer: 'answer', 'change', 'answered', 'closed', 'notYetOpen', 'signIn', 'ineligible'. */
export function answerState(poll, signedIn, now = Date.now()) {
  if (poll.closed) return 'closed';
  if (!poll.open) return Date.parse(poll.opensAt) > now ? 'notYetOpen' : 'closed';
  if (!signedIn) return 'signIn';
  if (poll.myAnswer) return poll.allowChange ? 'change' : 'answered';
  if (poll.eligible === false) return 'ineligible';
  return 'answer';
}
