import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext, signInUrl } from '../src/js/next.js';

test('same-site relative paths are kept', () => {
  assert.equal(safeNext('/account.html'), '/account.html');
  assert.equal(safeNext('/admin/users.html?q=kim'), '/admin/users.html?q=kim');
});

test('anything that could leave the site falls back', () => {
  for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)',
    '/x?u=http://a', 'account.html', '', null, undefined, '/\t/evil.example', '/%0a']) {
    const expected = bad === '/%0a' ? '/%0a' : '/';
    assert.equal(safeNext(bad), expected, String(bad));
  }
  assert.equal(safeNext('//x', '/home'), '/home');
});

test('sign-in URL carries an encoded next', () => {
  assert.equal(signInUrl('/account.html?a=1'), '/signin.html?next=%2Faccount.html%3Fa%3D1');
  assert.equal(signInUrl('//evil'), '/signin.html');
});
