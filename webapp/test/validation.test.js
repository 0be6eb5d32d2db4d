import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, isEmail, isTotpCode, groupSecret, PASSWORD_MIN } from '../src/js/validation.js';

test('e-mail and TOTP code formats', () => {
  assert.ok(isEmail('kim@example.kr'));
  assert.ok(!isEmail('kim@'));
  assert.ok(!isEmail('a b@c.d'));
  assert.ok(isTotpCode('012345'));
  assert.ok(!isTotpCode('12345'));
  assert.ok(!isTotpCode('12345a'));
});

test('validate reports the first failing rule per field with message keys', () => {
  const rules = { email: ['required', 'email'], password: ['required', 'password'], confirm: [['match', 'password']] };
  assert.deepEqual(validate({ email: '', password: 'x'.repeat(PASSWORD_MIN), confirm: 'x'.repeat(PASSWORD_MIN) }, rules),
    [{ field: 'email', key: 'validation.required' }]);
  const errs = validate({ email: 'bad', password: 'short', confirm: 'other' }, rules);
  assert.deepEqual(errs.map(e => [e.field, e.key]),
    [['email', 'validation.email'], ['password', 'validation.password'], ['confirm', 'validation.match']]);
  assert.deepEqual(validate({ name: 'abcd' }, { name: [['max', 3]] })[0].params, { max: 3 });
  assert.deepEqual(validate({ code: '123456' }, { code: ['required', 'totp'] }), []);
});

test('optional fields are only checked when filled', () => {
  assert.deepEqual(validate({ email: '' }, { email: ['email'] }), []);
});

test('secrets are grouped in fours', () => {
  assert.equal(groupSecret('JBSWY3DPEHPK3PXP'), 'JBSW Y3DP EHPK 3PXP');
  assert.equal(groupSecret('ABCDEF'), 'ABCD EF');
  assert.equal(groupSecret(''), '');
});
