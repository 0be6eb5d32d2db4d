import { test } from 'node:test';
import assert from 'node:assert/strict';
import { credentialFileText, parseCredentialFile, printableSecret, normaliseSecret, isCredentialHex } from '../src/js/credential-file.js';

const secret = '0123456789abcdef'.repeat(4);
const credential = `02${'ab'.repeat(32)}`;
const E = '00000000-0000-4000-8000-000000000002';

test('the saved file reads back, for its own election and registered credential only', () => {
  const text = credentialFileText({ electionId: E, secret, credential });
  assert.deepEqual(parseCredentialFile(text, E), { secret, credential });
  assert.deepEqual(parseCredentialFile(text, E, credential.toUpperCase()), { secret, credential });
  const key = f => { try { f(); return null; } catch (e) { return e.key; } };
  assert.equal(key(() => parseCredentialFile(text, 'other')), 'vote.v.credentialElection');
  assert.equal(key(() => parseCredentialFile(text, E, `03${'ab'.repeat(32)}`)), 'vote.v.credentialMismatch');
  assert.equal(key(() => parseCredentialFile('{}', E)), 'vote.v.credentialFile');
  assert.equal(key(() => parseCredentialFile('nope', E)), 'vote.v.credentialFile');
});

test('the printed code is four groups a line and types back in', () => {
  const printed = printableSecret(secret);
  assert.equal(printed.split('\n').length, 4);
  assert.equal(printed.split('\n')[0], '0123 4567 89AB CDEF');
  assert.equal(normaliseSecret(printed), secret);
  assert.equal(normaliseSecret(printed.replace(/ /g, '-')), secret);
  assert.throws(() => normaliseSecret('0123'), e => e.key === 'vote.v.secretFormat');
});

test('a credential is a compressed P-256 point in hex', () => {
  assert.equal(isCredentialHex(credential), true);
  assert.equal(isCredentialHex(`04${'ab'.repeat(32)}`), false);
  assert.equal(isCredentialHex('02ab'), false);
});
