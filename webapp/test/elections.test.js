import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  seoulToInstant, instantToSeoul, validateElection, electionBody, shortHex, pageCount, checkRollCsv, localized, stateBadgeClass, STATES,
} from '../src/js/elections.js';

test('datetime-local values are Seoul wall time (UTC+9) and round-trip', () => {
  assert.equal(seoulToInstant('2026-12-01T18:00'), '2026-12-01T09:00:00Z');
  assert.equal(seoulToInstant('2026-12-01T08:30'), '2026-11-30T23:30:00Z'); // the day before in UTC
  assert.equal(seoulToInstant('2027-01-01T00:00:15'), '2026-12-31T15:00:15Z');
  assert.equal(instantToSeoul('2026-11-30T23:30:00Z'), '2026-12-01T08:30');
  assert.equal(instantToSeoul('2026-07-01T00:00:00+09:00'), '2026-07-01T00:00');
  for (const local of ['2026-03-01T00:00', '2026-06-30T23:59']) assert.equal(instantToSeoul(seoulToInstant(local)), local);
  assert.equal(seoulToInstant('2026-02-30T10:00'), null);
  assert.equal(seoulToInstant('2026-02-01T24:00'), null);
  assert.equal(seoulToInstant(''), null);
  assert.equal(instantToSeoul('nonsense'), '');
});

const good = { titleKo: '주민투표', titleEn: 'Referendum', descriptionKo: '', descriptionEn: '', group: 'P-256',
  guardians: '3', quorum: '2', opensAt: '2026-12-01T09:00', closesAt: '2026-12-01T18:00', demoTrustees: false };

test('election form: titles, n of 1..9, k of 1..n, closing after opening', () => {
  assert.deepEqual(validateElection(good), []);
  const errs = f => validateElection({ ...good, ...f }).map(e => [e.field, e.key, e.params?.max]);
  assert.deepEqual(errs({ titleKo: ' ' }), [['titleKo', 'validation.required', undefined]]);
  assert.deepEqual(errs({ guardians: '10' }), [['guardians', 'election.v.guardians', 9]]);
  assert.deepEqual(errs({ guardians: '0' }), [['guardians', 'election.v.guardians', 9]]);
  assert.deepEqual(errs({ quorum: '4' }), [['quorum', 'election.v.quorum', 3]]);
  assert.deepEqual(errs({ quorum: '0' }), [['quorum', 'election.v.quorum', 3]]);
  assert.deepEqual(errs({ quorum: '1.5' }), [['quorum', 'election.v.quorum', 3]]);
  assert.deepEqual(errs({ closesAt: '2026-12-01T09:00' }), [['closesAt', 'election.v.closesAfterOpens', undefined]]);
  assert.deepEqual(errs({ opensAt: '', group: 'RSA' }), [['group', 'validation.required', undefined], ['opensAt', 'validation.required', undefined]]);
});

test('election body sends instants, numbers and nulls for empty descriptions', () => {
  const b = electionBody({ ...good, titleKo: ' 주민투표 ', demoTrustees: true });
  assert.deepEqual(b, { titleKo: '주민투표', titleEn: 'Referendum', descriptionKo: null, descriptionEn: null, group: 'P-256',
    guardians: 3, quorum: 2, opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-12-01T09:00:00Z', demoTrustees: true });
});

test('roll CSV pre-check: header, rows, size', () => {
  assert.deepEqual(checkRollCsv('email,district\nkim@example.kr,seoul-jongno\n'), []);
  assert.deepEqual(checkRollCsv('\uFEFFEmail, District\r\nkim@example.kr,seoul-jongno'), []);
  assert.deepEqual(checkRollCsv('').map(p => p.key), ['roll.v.empty']);
  assert.deepEqual(checkRollCsv('kim@example.kr,seoul-jongno').map(p => p.key), ['roll.v.header', 'roll.v.noRows']);
  assert.deepEqual(checkRollCsv('email,district\n', 2 * 1024 * 1024).map(p => p.key), ['roll.v.tooLarge']);
});

test('display helpers', () => {
  assert.equal(shortHex('0123456789abcdef0123456789abcdef'), '01234567…89abcdef');
  assert.equal(shortHex('abcd'), 'abcd');
  assert.equal(shortHex(null), '');
  assert.equal(pageCount(0, 10), 1);
  assert.equal(pageCount(21, 10), 3);
  assert.equal(localized({ titleKo: '가', titleEn: '' }, 'title', 'en'), '가');
  assert.equal(localized({ nameKo: '가', nameEn: 'A' }, 'name', 'en'), 'A');
  for (const s of STATES) assert.match(stateBadgeClass(s), /^outline-/);
});
