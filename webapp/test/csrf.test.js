import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csrfHeaders, needsCsrf, CSRF_HEADER } from '../src/js/csrf.js';

test('state-changing methods carry the CSRF cookie in the header', () => {
  const cookie = 'madang_lang=ko; madang_csrf=abc123';
  for (const m of ['POST', 'put', 'PATCH', 'DELETE']) assert.deepEqual(csrfHeaders(m, cookie), { [CSRF_HEADER]: 'abc123' });
  assert.equal(CSRF_HEADER, 'X-CSRF-Token');
});

test('safe methods and missing cookies add nothing', () => {
  assert.deepEqual(csrfHeaders('GET', 'madang_csrf=abc'), {});
  assert.deepEqual(csrfHeaders('HEAD', 'madang_csrf=abc'), {});
  assert.deepEqual(csrfHeaders('POST', 'other=1'), {});
  assert.equal(needsCsrf(undefined), false);
});
