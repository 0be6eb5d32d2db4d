import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ballotContests, usesRadio, selectionState, toggleChoice, disabledOptions, validateSelections, reviewWarnings,
  toPlaintext, compareOpened, newBallotId,
} from '../src/js/ballot-choices.js';

const opt = id => ({ id, nameKo: id, nameEn: id });
const form = {
  districts: [{ id: 'a' }, { id: 'b' }],
  ballotStyles: [{ id: 'style-a', districtIds: ['a'] }, { id: 'style-ab', districtIds: ['a', 'b'] }],
  contests: [
    { id: 'mayor', kind: 'ONE_OF_N', districtId: 'a', limit: 1, options: [opt('kim'), opt('lee'), opt('park')] },
    { id: 'budget', kind: 'K_OF_N', districtId: 'b', limit: 2, options: [opt('park'), opt('lights'), opt('library')] },
    { id: 'approve', kind: 'APPROVAL', districtId: 'a', limit: 3, options: [opt('x'), opt('y'), opt('z')] },
  ],
};
const [mayor, budget, approve] = form.contests;

test('a ballot style shows the contests of its districts, in the encryption order when given', () => {
  assert.deepEqual(ballotContests(form, 'style-a').map(c => c.id), ['mayor', 'approve']);
  assert.deepEqual(ballotContests(form, 'style-ab').map(c => c.id), ['mayor', 'budget', 'approve']);
  assert.deepEqual(ballotContests(form, 'style-ab', [{ contestId: 'budget', limit: 2 }, { contestId: 'mayor', limit: 1 }]).map(c => c.id), ['budget', 'mayor']);
  assert.deepEqual(ballotContests(form, 'nope'), []);
});

test('radio for one choice, checkboxes otherwise', () => {
  assert.equal(usesRadio(mayor), true);
  assert.equal(usesRadio(budget), false);
  assert.equal(usesRadio(approve), false);
});

test('an over-vote is refused and the remaining boxes are disabled at the limit', () => {
  let s = toggleChoice(budget, [], 'park', true).selected;
  assert.deepEqual(disabledOptions(budget, s), new Set());
  s = toggleChoice(budget, s, 'lights', true).selected;
  assert.deepEqual(s, ['park', 'lights']);
  assert.deepEqual(disabledOptions(budget, s), new Set(['library']));
  const third = toggleChoice(budget, s, 'library', true);
  assert.equal(third.refused, true);
  assert.deepEqual(third.selected, ['park', 'lights']);
  s = toggleChoice(budget, s, 'park', false).selected;
  assert.deepEqual(s, ['lights']);
  assert.deepEqual(disabledOptions(budget, s), new Set());
});

test('a radio contest replaces its mark; approval allows every option', () => {
  assert.deepEqual(toggleChoice(mayor, ['kim'], 'lee', true).selected, ['lee']);
  assert.deepEqual(disabledOptions(mayor, ['kim']), new Set());
  let s = [];
  for (const o of ['x', 'y', 'z']) s = toggleChoice(approve, s, o, true).selected;
  assert.deepEqual(s, ['x', 'y', 'z']);
  assert.equal(toggleChoice(approve, s, 'nope', true).refused, true);
});

test('selection state, under-vote and blank warnings', () => {
  assert.deepEqual(selectionState(budget, ['park']), { count: 1, limit: 2, remaining: 1, atLimit: false, over: false, blank: false, under: true });
  assert.equal(selectionState(budget, ['park', 'lights', 'library']).over, true);
  const contests = [mayor, budget, approve];
  assert.deepEqual(reviewWarnings(contests, { mayor: ['kim'], budget: ['park'] }), [
    { contestId: 'budget', kind: 'under', count: 1, limit: 2 },
    { contestId: 'approve', kind: 'blank', count: 0, limit: 3 },
  ]);
});

test('validation finds over-votes and unknown ids', () => {
  const contests = [mayor, budget];
  assert.deepEqual(validateSelections(contests, { mayor: ['kim'], budget: ['park'] }), []);
  const errors = validateSelections(contests, { mayor: ['kim', 'lee'], budget: ['nope'], other: [] });
  assert.deepEqual(errors.map(e => e.key), ['vote.v.overVote', 'vote.v.unknownOption', 'vote.v.unknownContest']);
});

test('plaintext lists every option as 0 or 1, and an opened ballot is compared option by option', () => {
  const contests = [mayor, budget];
  const sel = { mayor: ['lee'], budget: ['park', 'library'] };
  const plain = toPlaintext(contests, sel);
  assert.deepEqual(plain, { mayor: { kim: 0, lee: 1, park: 0 }, budget: { park: 1, lights: 0, library: 1 } });
  assert.deepEqual(compareOpened(contests, sel, plain), { matches: true, differences: [] });
  const tampered = { mayor: { kim: 1, lee: 0, park: 0 }, budget: { park: 1, lights: 0 } };
  const r = compareOpened(contests, sel, tampered);
  assert.equal(r.matches, false);
  assert.deepEqual(r.differences, [
    { contestId: 'mayor', optionId: 'kim', chosen: 0, found: 1 },
    { contestId: 'mayor', optionId: 'lee', chosen: 1, found: 0 },
    { contestId: 'budget', optionId: 'library', chosen: 1, found: null },
  ]);
});

test('ballot ids are what the server accepts', () => {
  const id = newBallotId(new Uint8Array([0, 1, 255, 16]));
  assert.equal(id, 'web-0001ff10');
  assert.match(id, /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/);
});
