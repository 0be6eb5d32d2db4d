import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normaliseLang, readCookie, resolveLang, translate, parseAttrSpec } from '../src/js/i18n-core.js';
import { needsCsrf, csrfHeaders } from '../src/js/csrf.js';
import { safeNext, signInUrl } from '../src/js/next.js';
import { validate, groupSecret, isEmail, isTotpCode } from '../src/js/validation.js';
import { isMfaRequired, toProblem, ApiError } from '../src/js/problem.js';
import { hasRole, adminPagesFor, orgTree, descendantsOf } from '../src/js/roles.js';

const ko = JSON.parse(readFileSync(new URL('../src/i18n/ko.json', import.meta.url)));
const en = JSON.parse(readFileSync(new URL('../src/i18n/en.json', import.meta.url)));

test('languages: Korean unless the person chose English', () => {
  assert.equal(resolveLang({}), 'ko');
  assert.equal(resolveLang({ cookie: 'en' }), 'en');
  assert.equal(resolveLang({ stored: 'ko', cookie: 'en' }), 'ko');
  assert.equal(resolveLang({ stored: 'fr' }), 'ko');
  assert.equal(normaliseLang('EN-us'), 'en');
  assert.equal(normaliseLang(42), null);
});

test('every message exists in both languages', () => {
  const keys = o => Object.keys(o).sort();
  assert.deepEqual(keys(ko), keys(en));
  for (const [key, text] of Object.entries(en)) {
    assert.ok(typeof text === 'string' && text.length > 0, key);
    const placeholders = s => (s.match(/\{\w+\}/g) || []).sort().join();
    assert.equal(placeholders(ko[key]), placeholders(text), `placeholders of ${key}`);
  }
});

test('translation fills placeholders and falls back to Korean, then to the key', () => {
  const messages = { ko: { a: '{n}개', b: '한국어만' }, en: { a: '{n} items' } };
  assert.equal(translate(messages, 'en', 'a', { n: 3 }), '3 items');
  assert.equal(translate(messages, 'en', 'b'), '한국어만');
  assert.equal(translate(messages, 'en', 'missing'), 'missing');
  assert.equal(translate(messages, 'ko', 'a', {}), '{n}개');
  assert.deepEqual(parseAttrSpec('placeholder:x.y; aria-label:z'), [['placeholder', 'x.y'], ['aria-label', 'z']]);
});

test('cookies are read by exact name', () => {
  assert.equal(readCookie('a=1; madang_csrf=tok%2F; b=2', 'madang_csrf'), 'tok/');
  assert.equal(readCookie('xmadang_csrf=no', 'madang_csrf'), null);
  assert.equal(readCookie('', 'a'), null);
});

test('the CSRF header goes with state-changing requests only', () => {
  assert.equal(needsCsrf('GET'), false);
  assert.equal(needsCsrf('post'), true);
  assert.deepEqual(csrfHeaders('DELETE', 'madang_csrf=abc'), { 'X-CSRF-Token': 'abc' });
  assert.deepEqual(csrfHeaders('GET', 'madang_csrf=abc'), {});
  assert.deepEqual(csrfHeaders('POST', 'other=1'), {});
});

test('after sign-in only same-site relative paths are followed', () => {
  assert.equal(safeNext('/account.html?x=1'), '/account.html?x=1');
  for (const hostile of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)',
    '/\t/evil.example', '/a:b', '', null, 'relative.html', '/' + 'a'.repeat(2001)]) {
    assert.equal(safeNext(hostile), '/', String(hostile));
  }
  assert.equal(signInUrl('/admin/users.html'), '/signin.html?next=%2Fadmin%2Fusers.html');
  assert.equal(signInUrl('//evil'), '/signin.html');
});

test('forms are checked as the server checks them', () => {
  assert.ok(isEmail('a@b.kr'));
  assert.ok(!isEmail('a@b'));
  assert.ok(isTotpCode('012345'));
  assert.ok(!isTotpCode('12345a'));
  const errors = validate({ email: 'x', password: 'short', again: 'other' },
    { email: ['required', 'email'], password: ['required', 'password'], again: [['match', 'password']], name: ['required'] });
  assert.deepEqual(errors.map(e => [e.field, e.key]), [
    ['email', 'validation.email'], ['password', 'validation.password'], ['again', 'validation.match'], ['name', 'validation.required']]);
  assert.equal(validate({ password: 'ten chars!' }, { password: ['password'] }).length, 0);
  assert.equal(groupSecret('ABCDEFGHIJ'), 'ABCD EFGH IJ');
});

test('problems: the second factor is recognised by its type', () => {
  const mfa = new ApiError(401, toProblem(401, { type: 'https://madang.example/problems/mfa-required', title: 't' }));
  assert.ok(isMfaRequired(mfa));
  assert.ok(!isMfaRequired(new ApiError(401, toProblem(401, { type: 'x/bad-credentials', title: 't' }))));
  assert.equal(toProblem(502, '<html>').title, 'HTTP 502');
  assert.deepEqual(mfa.fieldErrors, []);
});

test('staff pages follow the roles the session holds', () => {
  const staffWithoutSecondFactor = { roles: [{ role: 'ADMIN' }], activeRoles: ['CITIZEN'] };
  assert.deepEqual(adminPagesFor(staffWithoutSecondFactor), []);
  assert.deepEqual(adminPagesFor({ roles: [{ role: 'ADMIN' }], activeRoles: ['ADMIN', 'CITIZEN'] }),
    ['organisations', 'users', 'outbox', 'audit']);
  assert.ok(hasRole({ activeRoles: ['AUDITOR'] }, 'ADMIN', 'AUDITOR'));
  const orgs = [{ id: 'm', nameKo: '부', nameEn: 'M' }, { id: 'a', nameKo: '청', parentId: 'm' }, { id: 'b', nameKo: '원', parentId: 'a' }];
  assert.deepEqual(orgTree(orgs).map(x => [x.org.id, x.depth]), [['m', 0], ['a', 1], ['b', 2]]);
  assert.deepEqual([...descendantsOf(orgs, 'a')].sort(), ['a', 'b']);
});
