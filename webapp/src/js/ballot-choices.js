// The voter's choices on a ballot, without the DOM: which contests a ballot style shows, radio or
// checkboxes, over-vote prevention (no box beyond the limit), under-vote warnings for the review,
// the 0/1 plaintext the encryption takes, and the comparison a Benaloh challenge shows.
// Unit-tested in test/ballot-choices.test.js.

/**
 * The contests a voter sees: the manifest form's contests on the ballot style, in the order of
 * `order` (the encryption's contest ids, from eg's contestsForStyle) when given, else manifest order.
 * Each: {id, kind, titleKo, titleEn, limit, options:[{id, nameKo, nameEn, descriptionKo, descriptionEn}]}.
 */
export function ballotContests(form, ballotStyleId, order = null) {
  const style = (form?.ballotStyles || []).find(s => s.id === ballotStyleId);
  if (!style) return [];
  const districts = new Set(style.districtIds || []);
  const onStyle = (form.contests || []).filter(c => districts.has(c.districtId));
  if (!order) return onStyle;
  const byId = new Map(onStyle.map(c => [c.id, c]));
  return order.map(o => {
    const c = byId.get(o.contestId);
    // The encryption's limit is the one that counts (it is what the manifest.json says).
    return c ? { ...c, limit: o.limit ?? c.limit } : null;
  }).filter(Boolean);
}

/** One choice per contest: radio buttons; several: checkboxes. */
export const usesRadio = contest => Number(contest.limit) === 1;

/** How far a contest's selection is from its limit. */
export function selectionState(contest, selected = []) {
  const limit = Number(contest.limit) || 1;
  const count = new Set(selected).size;
  return {
    count, limit,
    remaining: Math.max(0, limit - count),
    atLimit: count >= limit,
    over: count > limit,
    blank: count === 0,
    under: count > 0 && count < limit,
  };
}

/**
 * Applies a click: returns the new selection, refusing (refused: true, selection unchanged) a
 * mark beyond the limit. A radio contest replaces its one mark instead.
 */
export function toggleChoice(contest, selected, optionId, checked) {
  const current = [...new Set(selected || [])];
  if (!contest.options.some(o => o.id === optionId)) return { selected: current, refused: true };
  if (!checked) return { selected: current.filter(x => x !== optionId), refused: false };
  if (current.includes(optionId)) return { selected: current, refused: false };
  if (usesRadio(contest)) return { selected: [optionId], refused: false };
  if (current.length >= (Number(contest.limit) || 1)) return { selected: current, refused: true };
  return { selected: [...current, optionId], refused: false };
}

/** Options to disable: every unmarked box once a checkbox contest is at its limit (none for radios). */
export function disabledOptions(contest, selected = []) {
  if (usesRadio(contest)) return new Set();
  const marked = new Set(selected);
  if (marked.size < (Number(contest.limit) || 1)) return new Set();
  return new Set(contest.options.map(o => o.id).filter(id => !marked.has(id)));
}

/** Problems with a whole ballot: over-votes and unknown options (the page should make both impossible). */
export function validateSelections(contests, selections = {}) {
  const errors = [];
  for (const c of contests) {
    const chosen = selections[c.id] || [];
    const ids = new Set(c.options.map(o => o.id));
    for (const x of chosen) if (!ids.has(x)) errors.push({ contestId: c.id, key: 'vote.v.unknownOption', params: { option: x } });
    const s = selectionState(c, chosen);
    if (s.over) errors.push({ contestId: c.id, key: 'vote.v.overVote', params: { limit: s.limit, count: s.count } });
  }
  for (const id of Object.keys(selections)) {
    if (!contests.some(c => c.id === id)) errors.push({ contestId: id, key: 'vote.v.unknownContest' });
  }
  return errors;
}

/** What the review warns about (the voter may still go on): blank contests and fewer marks than allowed. */
export function reviewWarnings(contests, selections = {}) {
  const out = [];
  for (const c of contests) {
    const s = selectionState(c, selections[c.id] || []);
    if (s.blank) out.push({ contestId: c.id, kind: 'blank', count: 0, limit: s.limit });
    else if (s.under) out.push({ contestId: c.id, kind: 'under', count: s.count, limit: s.limit });
  }
  return out;
}

/** The encryption's input: {contestId: {optionId: 0|1}} for every option of every contest shown. */
export function toPlaintext(contests, selections = {}) {
  const out = {};
  for (const c of contests) {
    const marked = new Set(selections[c.id] || []);
    out[c.id] = Object.fromEntries(c.options.map(o => [o.id, marked.has(o.id) ? 1 : 0]));
  }
  return out;
}

/**
 * A challenged ballot opened with its nonce ({contestId: {optionId: votes}}) against what the voter
 * chose: {matches, differences: [{contestId, optionId, chosen, found}]}. A missing contest or option
 * in the opened ballot counts as a difference.
 */
export function compareOpened(contests, selections, opened) {
  const expected = toPlaintext(contests, selections);
  const differences = [];
  for (const c of contests) {
    for (const o of c.options) {
      const chosen = expected[c.id][o.id];
      const found = opened?.[c.id]?.[o.id];
      if (found !== chosen) differences.push({ contestId: c.id, optionId: o.id, chosen, found: found ?? null });
    }
  }
  return { matches: differences.length === 0, differences };
}

/** A fresh ballot id the server accepts ([A-Za-z0-9._-], ≤ 100, not starting with '.'). */
export function newBallotId(randomBytes) {
  const hex = Array.from(randomBytes, b => b.toString(16).padStart(2, '0')).join('');
  return `web-${hex}`;
}
