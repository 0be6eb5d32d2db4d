import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, isMfaRequired, toProblem, problemMessage } from '../src/js/problem.js';
import { hasRole, adminPagesFor, orgTree, descendantsOf } from '../src/js/roles.js';

test('problem+json bodies are kept; other bodies become a generic problem', () => {
  const p = toProblem(400, { type: 't', title: 'Bad', detail: 'Too short', errors: [{ field: 'email', message: 'x' }, {}] }, 'G');
  assert.deepEqual(p.errors, [{ field: 'email', message: 'x' }]);
  assert.equal(problemMessage(p), 'Too short');
  const g = toProblem(502, null, 'Generic');
  assert.equal(g.title, 'Generic');
  assert.equal(problemMessage(g), 'Generic');
});

test('mfa-required is recognised by the type suffix on a 401', () => {
  assert.ok(isMfaRequired(new ApiError(401, { type: 'https://madang.go.kr/problems/mfa-required' })));
  assert.ok(!isMfaRequired(new ApiError(401, { type: 'https://madang.go.kr/problems/bad-credentials' })));
  assert.ok(!isMfaRequired(new ApiError(400, { type: '/mfa-required' })));
  assert.deepEqual(new ApiError(400, { errors: [{ field: 'a', message: 'b' }] }).fieldErrors, [{ field: 'a', message: 'b' }]);
});

test('roles decide which admin pages are offered', () => {
  const u = roles => ({ roles: roles.map(role => ({ role })) });
  assert.ok(hasRole(u(['AUDITOR']), 'ADMIN', 'AUDITOR'));
  assert.ok(!hasRole(null, 'ADMIN'));
  assert.deepEqual(adminPagesFor(u(['ADMIN'])), ['organisations', 'users', 'outbox', 'audit', 'holidays']);
  assert.deepEqual(adminPagesFor(u(['REGISTRAR'])), ['users']);
  assert.deepEqual(adminPagesFor(u(['AUDITOR'])), ['audit']);
  assert.deepEqual(adminPagesFor(u(['PRIVACY_OFFICER'])), ['privacy']);
  assert.deepEqual(adminPagesFor(u(['CITIZEN'])), []);
});

test('organisations are ordered as a tree and moves exclude descendants', () => {
  const orgs = [
    { id: 3, nameKo: '국가기록원', nameEn: 'Archives', parentId: 1 },
    { id: 1, nameKo: '행정안전부', nameEn: 'Interior', parentId: null },
    { id: 2, nameKo: '환경부', nameEn: 'Environment', parentId: null },
    { id: 4, nameKo: '기록관', nameEn: 'Records', parentId: 3 },
  ];
  assert.deepEqual(orgTree(orgs, 'en').map(x => [x.org.id, x.depth]), [[2, 0], [1, 0], [3, 1], [4, 2]]);
  assert.deepEqual([...descendantsOf(orgs, 1)].sort(), [1, 3, 4]);
  const cyclic = [{ id: 1, parentId: 2, nameKo: 'a' }, { id: 2, parentId: 1, nameKo: 'b' }];
  assert.deepEqual(orgTree(cyclic), []);
});
