import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { parseReceiptInput, decodeJws, verifyReceiptSignature, receiptFileText, receiptFacts, entryMatches } from '../src/js/receipt.js';

const b64url = bytes => Buffer.from(bytes).toString('base64url');
const claims = { electionId: '00000000-0000-4000-8000-000000000002', ballotId: 'web-1', kind: 'CAST',
  confirmationCode: 'ab'.repeat(32), position: 4, chainHash: 'cd'.repeat(32), receivedAt: '2026-12-01T09:00:00Z' };

async function signed(payload = claims, kid = 'receipts-1') {
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const jwk = { ...(await webcrypto.subtle.exportKey('jwk', keys.publicKey)), kid };
  delete jwk.key_ops; delete jwk.ext;
  const input = `${b64url(JSON.stringify({ alg: 'ES256', kid, typ: 'madang-receipt+jws' }))}.${b64url(JSON.stringify(payload))}`;
  const sig = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, new TextEncoder().encode(input));
  return { jws: `${input}.${b64url(new Uint8Array(sig))}`, jwk };
}

test('a receipt is read from the saved file, the server answer or the bare JWS', async () => {
  const { jws } = await signed();
  assert.equal(parseReceiptInput(jws), jws);
  assert.equal(parseReceiptInput(`  ${jws.slice(0, 20)}\n${jws.slice(20)}  `), jws);
  assert.equal(parseReceiptInput(receiptFileText({ receipt: jws, position: 4 }, 'title')), jws);
  assert.equal(parseReceiptInput(JSON.stringify({ receipt: jws })), jws);
});

test('malformed input says why', () => {
  const key = s => { try { parseReceiptInput(s); return null; } catch (e) { return e.key; } };
  assert.equal(key(''), 'receiptCheck.v.empty');
  assert.equal(key('{not json'), 'receiptCheck.v.badJson');
  assert.equal(key('{"code":"x"}'), 'receiptCheck.v.noReceipt');
  assert.equal(key('hello'), 'receiptCheck.v.notJws');
  assert.equal(key('aaa.bbb.ccc'), 'receiptCheck.v.notJws'); // not JSON inside
});

test('the JWS decodes into header and claims', async () => {
  const { jws } = await signed();
  const d = decodeJws(jws);
  assert.equal(d.header.alg, 'ES256');
  assert.deepEqual(d.claims, claims);
  assert.equal(d.signature.length, 64);
  assert.deepEqual(receiptFacts(d.claims), { ...claims });
});

test('ES256 signatures verify with WebCrypto, and a changed claim does not', async () => {
  const { jws, jwk } = await signed();
  assert.deepEqual(await verifyReceiptSignature(jws, jwk, webcrypto.subtle), { valid: true });
  const [h, , s] = jws.split('.');
  const forged = `${h}.${b64url(JSON.stringify({ ...claims, position: 5 }))}.${s}`;
  assert.deepEqual(await verifyReceiptSignature(forged, jwk, webcrypto.subtle), { valid: false, reason: 'signature' });
  const other = await signed(claims, 'receipts-1');
  assert.equal((await verifyReceiptSignature(jws, other.jwk, webcrypto.subtle)).valid, false);
  assert.equal((await verifyReceiptSignature(jws, { ...jwk, kid: 'receipts-2' }, webcrypto.subtle)).reason, 'kid');
  assert.equal((await verifyReceiptSignature(jws, { kty: 'RSA' }, webcrypto.subtle)).reason, 'key');
  const none = `${b64url(JSON.stringify({ alg: 'none' }))}.${jws.split('.')[1]}.${s}`;
  assert.equal((await verifyReceiptSignature(none, jwk, webcrypto.subtle)).reason, 'alg');
});

test('a board entry matches a receipt by code, position and chain hash', () => {
  const entry = { confirmationCode: claims.confirmationCode, position: 4, hash: claims.chainHash };
  assert.equal(entryMatches(claims, entry), true);
  assert.equal(entryMatches(claims, { ...entry, position: 5 }), false);
  assert.equal(entryMatches(claims, null), false);
});
