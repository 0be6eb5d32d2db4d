import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  validateManifest, emptyContest, changeKind, limitFor, moveItem, toManifestForm, fromManifestForm,
  parsePath, normalizePath, pathToId, nearestPath, referendumOptions, emptyOption,
} from '../src/js/manifest.js';

function sample() {
  return fromManifestForm({
    districts: [{ id: 'seoul-jongno', nameKo: '종로구', nameEn: 'Jongno-gu' }],
    ballotStyles: [{ id: 'style-jongno', districtIds: ['seoul-jongno'] }],
    contests: [{ id: 'mayor', kind: 'ONE_OF_N', titleKo: '구청장', titleEn: 'Mayor', districtId: 'seoul-jongno', limit: 1, optionLimit: 1,
      options: [{ id: 'kim', nameKo: '김민준', nameEn: 'Kim Min-jun' }, { id: 'lee', nameKo: '이서연', nameEn: 'Lee Seo-yeon' }] }],
  });
}
const paths = m => validateManifest(m).map(e => `${e.path} ${e.key}`);

test('a well-formed manifest passes and is sent as the contract shapes it', () => {
  const m = sample();
  assert.deepEqual(validateManifest(m), []);
  const body = toManifestForm(m);
  assert.equal(body.contests[0].options[0].descriptionKo, '');
  // exactly the server's ManifestForm.Contest fields: it refuses unknown ones (an optionLimit was once sent)
  assert.deepEqual(Object.keys(body.contests[0]), ['id', 'kind', 'titleKo', 'titleEn', 'districtId', 'limit', 'options']);
  assert.deepEqual(Object.keys(body), ['districts', 'ballotStyles', 'contests']);
});

test('ids must match [a-z0-9-]{1,64} and be unique in their list', () => {
  const m = sample();
  m.districts.push({ id: 'seoul-jongno', nameKo: '중구', nameEn: 'Jung-gu' });
  m.contests[0].options[1].id = 'Kim_2';
  m.ballotStyles[0].id = 'x'.repeat(65);
  assert.deepEqual(paths(m), [
    'districts[1].id manifest.v.duplicate', 'ballotStyles[0].id manifest.v.id', 'contests[0].options[1].id manifest.v.id']);
  m.contests[0].options[1].id = 'kim';
  assert.ok(paths(m).includes('contests[0].options[1].id manifest.v.duplicate'));
});

test('limits follow the kind: referendum/1-of-n 1, approval all, k-of-n 2..options-1', () => {
  const m = sample();
  const c = m.contests[0];
  assert.equal(limitFor(c), 1);
  m.contests[0] = changeKind(c, 'APPROVAL');
  assert.equal(limitFor(m.contests[0]), 2);
  m.contests[0] = changeKind(m.contests[0], 'K_OF_N');
  assert.ok(paths(m).includes('contests[0].options manifest.v.minOptions'));
  m.contests[0].options.push({ ...emptyOption('park'), nameKo: '박', nameEn: 'Park' });
  m.contests[0].limit = 2;
  assert.deepEqual(validateManifest(m), []);
  m.contests[0].limit = 3;
  assert.deepEqual(paths(m), ['contests[0].limit manifest.v.kOfN']);
  assert.equal(toManifestForm(m).contests[0].limit, 3);
});

test('a referendum is yes/no; the options it replaced come back when the kind changes again', () => {
  const m = sample();
  const before = m.contests[0].options;
  m.contests[0] = changeKind(m.contests[0], 'REFERENDUM');
  assert.deepEqual(m.contests[0].options.map(o => [o.id, o.nameKo, o.nameEn]), [['yes', '예', 'Yes'], ['no', '아니오', 'No']]);
  assert.deepEqual(validateManifest(m), []);
  assert.ok(!('stashedOptions' in toManifestForm(m).contests[0]));
  m.contests[0] = changeKind(m.contests[0], 'ONE_OF_N');
  assert.equal(m.contests[0].options, before);
  m.contests[0] = changeKind(m.contests[0], 'REFERENDUM');
  m.contests[0].options.reverse();
  assert.deepEqual(paths(m), ['contests[0].options manifest.v.referendumOptions']);
  assert.equal(emptyContest('REFERENDUM').options.length, referendumOptions().length);
});

test('missing pieces are reported at the list or field they concern', () => {
  const m = fromManifestForm({ ballotStyles: [{ id: 's', districtIds: ['nowhere'] }], contests: [{ id: 'c', kind: 'ONE_OF_N', options: [] }] });
  assert.deepEqual(paths(m), [
    'districts manifest.v.noDistricts', 'ballotStyles[0].districtIds manifest.v.unknownDistrict',
    'contests[0].titleKo validation.required', 'contests[0].titleEn validation.required',
    'contests[0].districtId validation.required', 'contests[0].options manifest.v.minOptions']);
  assert.deepEqual(paths(fromManifestForm({})), ['districts manifest.v.noDistricts', 'ballotStyles manifest.v.noStyles', 'contests manifest.v.noContests']);
});

test('options move up and down and stay put at the ends', () => {
  const list = ['a', 'b', 'c'];
  assert.equal(moveItem(list, 0, -1), 0);
  assert.equal(moveItem(list, 0, 1), 1);
  assert.deepEqual(list, ['b', 'a', 'c']);
  assert.equal(moveItem(list, 2, 1), 2);
  assert.equal(moveItem(list, 2, -1), 1);
  assert.deepEqual(list, ['b', 'c', 'a']);
});

test('server error paths map to editor inputs, or to the nearest enclosing group', () => {
  assert.deepEqual(parsePath('contests[0].options[1].id'), ['contests', 0, 'options', 1, 'id']);
  assert.equal(parsePath('contests[0'), null);
  assert.equal(normalizePath('contests.0.options.1.id'), 'contests[0].options[1].id');
  assert.equal(normalizePath('$.contests[2].limit'), 'contests[2].limit');
  assert.equal(normalizePath('contests[0]/options'), 'contests[0].options');
  assert.equal(pathToId('contests[0].options[1].id'), 'mf-contests-0-options-1-id');
  assert.equal(pathToId('districts'), 'mf-districts');
  const known = new Set(['contests[0].options[1].id', 'contests[0].options', 'contests', 'districts']);
  assert.equal(nearestPath('contests[0].options[1].id', known), 'contests[0].options[1].id');
  assert.equal(nearestPath('contests.0.options.7.nameKo', known), 'contests[0].options');
  assert.equal(nearestPath('contests[3].titleKo', known), 'contests');
  assert.equal(nearestPath('ballotStyles[0].id', known), null);
  assert.equal(nearestPath('what?', known), null);
});
