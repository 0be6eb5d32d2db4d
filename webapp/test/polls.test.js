import test from 'node:test';
import assert from 'node:assert/strict';
import { validatePoll, pollBody, rankingToChoices, choicesToRanks, moveRank, checkMultiple, answerState, districtList } from '../src/js/polls.js';

const NOW = Date.parse('2026-11-28T00:00:00Z');
const form = over => ({
  kind: 'SINGLE', questionKo: ' 무엇을 지을까요? ', questionEn: 'What should we build?',
  options: '공원\n\n도서관\n', optionsEn: 'Park\nLibrary', minChoices: '', maxChoices: '',
  audience: 'SIGNED_IN', districts: '', opensAt: '2026-11-28T09:00', closesAt: '2026-12-05T18:00',
  visibility: 'LIVE', k: '', allowChange: true, organisationId: 'org-1', ...over,
});
const fields = v => validatePoll(v, NOW).map(e => e.field);

test('a good single-choice form passes and becomes the API body', () => {
  assert.deepEqual(validatePoll(form(), NOW), []);
  assert.deepEqual(pollBody(form()), {
    organisationId: 'org-1', kind: 'SINGLE', questionKo: '무엇을 지을까요?', questionEn: 'What should we build?',
    options: [{ ko: '공원', en: 'Park' }, { ko: '도서관', en: 'Library' }], minChoices: null, maxChoices: null,
    audience: 'SIGNED_IN', districts: [], opensAt: '2026-11-28T00:00:00Z', closesAt: '2026-12-05T09:00:00Z',
    allowChange: true, visibility: 'LIVE', k: null,
  });
});

test('options must come in Korean and English pairs, at least two', () => {
  assert.deepEqual(fields(form({ options: '공원', optionsEn: 'Park' })), ['options']);
  assert.deepEqual(fields(form({ optionsEn: 'Park' })), ['optionsEn']);
});

test('multiple choice limits and rating scale are checked like the server does', () => {
  assert.deepEqual(fields(form({ kind: 'MULTIPLE', minChoices: '1', maxChoices: '3' })), ['maxChoices']);
  assert.deepEqual(fields(form({ kind: 'MULTIPLE', minChoices: '0', maxChoices: '2' })), ['minChoices']);
  assert.deepEqual(fields(form({ kind: 'MULTIPLE', minChoices: '1', maxChoices: '2' })), []);
  assert.deepEqual(fields(form({ kind: 'RATING', minChoices: '1', maxChoices: '5' })), []);
  assert.deepEqual(fields(form({ kind: 'RATING', minChoices: '1', maxChoices: '11' })), ['maxChoices']);
  assert.deepEqual(fields(form({ kind: 'RATING', options: '나쁨\n보통\n좋음', optionsEn: 'Bad\nOK\nGood', minChoices: '1', maxChoices: '5' })), ['options']);
  const body = pollBody(form({ kind: 'RATING', minChoices: '0', maxChoices: '10' }));
  assert.equal(body.minChoices, 0);
  assert.equal(body.maxChoices, 10);
});

test('districts, times, visibility and k', () => {
  assert.deepEqual(fields(form({ audience: 'DISTRICTS' })), ['districts']);
  assert.deepEqual(pollBody(form({ audience: 'DISTRICTS', districts: '종로구, 중구\n용산구' })).districts, ['종로구', '중구', '용산구']);
  assert.deepEqual(districtList(' , '), []);
  assert.deepEqual(fields(form({ closesAt: '2026-11-28T08:00' })), ['closesAt']);
  assert.deepEqual(fields(form({ opensAt: '2026-11-20T08:00', closesAt: '2026-11-27T08:00' })), ['closesAt']);
  assert.deepEqual(fields(form({ opensAt: '2026-02-30T08:00' })), ['opensAt']);
  assert.deepEqual(fields(form({ visibility: 'SOMETIMES', k: '4' })), ['visibility', 'k']);
  assert.equal(pollBody(form({ k: '20' })).k, 20);
});

test('ranks per option become choices in order of preference', () => {
  assert.deepEqual(rankingToChoices(['2', '', '1']), { choices: [2, 0] });
  assert.deepEqual(rankingToChoices(['', '', '']), { error: 'poll.v.rankOne' });
  assert.deepEqual(rankingToChoices(['1', '1', '']), { error: 'poll.v.rankRepeated' });
  assert.deepEqual(rankingToChoices(['1', '3', '']), { error: 'poll.v.rankGaps' });
  assert.deepEqual(choicesToRanks([2, 0], 3), ['2', '', '1']);
  for (const ranks of [['1', '2', '3'], ['3', '', '1', '2']]) {
    assert.deepEqual(choicesToRanks(rankingToChoices(ranks).choices, ranks.length), ranks);
  }
});

test('up and down buttons swap neighbours, add unranked options at the end and drop the last', () => {
  assert.deepEqual(moveRank(['1', '2', '3'], 2, -1), ['1', '3', '2']);
  assert.deepEqual(moveRank(['1', '2', '3'], 0, -1), ['1', '2', '3']);
  assert.deepEqual(moveRank(['1', '2', ''], 2, -1), ['1', '2', '3']);
  assert.deepEqual(moveRank(['1', '2', ''], 1, 1), ['1', '', '']);
  assert.deepEqual(moveRank(['1', '2', ''], 0, 1), ['2', '1', '']);
  assert.deepEqual(moveRank(['1', '2', ''], 2, 1), ['1', '2', '']);
});

test('multiple choice counts and what the answer page offers', () => {
  assert.equal(checkMultiple([0, 1], 1, 2), null);
  assert.deepEqual(checkMultiple([], 1, 2), { key: 'poll.v.chooseBetween', params: { min: 1, max: 2 } });
  assert.deepEqual(checkMultiple([0], 2, 2), { key: 'poll.v.chooseExactly', params: { n: 2 } });
  const open = { open: true, closed: false, opensAt: '2026-11-27T00:00:00Z', allowChange: false, myAnswer: null, eligible: true };
  assert.equal(answerState(open, false, NOW), 'signIn');
  assert.equal(answerState(open, true, NOW), 'answer');
  assert.equal(answerState({ ...open, myAnswer: [1] }, true, NOW), 'answered');
  assert.equal(answerState({ ...open, myAnswer: [1], allowChange: true }, true, NOW), 'change');
  assert.equal(answerState({ ...open, eligible: false }, true, NOW), 'ineligible');
  assert.equal(answerState({ ...open, open: false, opensAt: '2026-12-01T00:00:00Z' }, true, NOW), 'notYetOpen');
  assert.equal(answerState({ ...open, open: false, closed: true }, true, NOW), 'closed');
});
