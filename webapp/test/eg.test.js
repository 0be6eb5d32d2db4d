// The browser's ballot encryption (src/js/eg) against the Java core: test/vectors/ballots.json is
// written by the Java test BrowserVectorsTest from fixed keys and nonces, and the JS code must
// reproduce it byte for byte. test/vectors/js-ballots.json goes the other way (JS-encrypted
// ballots that the Java test JsBallotsVerifyTest verifies); here we only check it is not stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  electionContext, contestsForStyle, encryptBallot, openBallot, openBallotDetails,
  credentialOf, generateCredential, signBallot, verifyBallotSignature, groupedCode,
} from '../src/js/eg/index.js';
import { encryptWithNonce } from '../src/js/eg/encrypt.js';
import { fromHex, toBase64, toHex, fromBase64 } from '../src/js/eg/bytes.js';
import { hashToScalar, scalarBytes } from '../src/js/eg/group.js';
import { vendorModules } from '../tools/vendor.mjs';

const read = name => JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8'));
const vectors = read('ballots.json');
const jsFixture = read('js-ballots.json');
const context = electionContext(vectors.documents);
const clone = o => structuredClone(o);

test('the election documents chain up to H_E as the Java core computed it', () => {
  assert.equal(toHex(context.parameterBaseHash), vectors.hashes.parameter_base_hash);
  assert.equal(toHex(context.manifestHash), vectors.hashes.manifest_hash);
  assert.equal(toHex(context.electionBaseHash), vectors.hashes.election_base_hash);
  assert.equal(context.extendedBaseHashHex, vectors.hashes.extended_base_hash);
  assert.equal(context.manifestHashChecked, true);
  // a parsed manifest cannot be hashed (H_M is over the published bytes) but still encrypts
  const parsed = electionContext({ ...vectors.documents, manifest: JSON.parse(vectors.documents.manifest) });
  assert.equal(parsed.manifestHashChecked, false);
  assert.equal(parsed.extendedBaseHashHex, vectors.hashes.extended_base_hash);
});

test('electionContext refuses documents that do not fit together', () => {
  const docs = () => clone(vectors.documents);
  const refuse = (mutate, pattern) => {
    const d = docs();
    mutate(d);
    assert.throws(() => electionContext(d), pattern);
  };
  refuse(d => { d.constants.constants.b = d.constants.constants.b.replace(/.$/, '0'); }, /parameter 'b'/);
  refuse(d => { d.constants.type = 'IntegerGroup'; }, /only the P-256 group/);
  refuse(d => { d.manifest = d.manifest.replace('"votes_allowed": 3', '"votes_allowed": 4'); }, /manifest_hash/);
  refuse(d => { d.election_config.quorum = 3; }, /election_base_hash/);
  refuse(d => { d.election_config.chain_confirmation_codes = true; }, /chained/);
  refuse(d => { d.election_initialized.extended_base_hash = toBase64(new Uint8Array(32)); }, /extended_base_hash/);
  refuse(d => {
    const g = d.election_initialized.guardians;
    [g[0].coefficient_proofs[0].public_key, g[0].coefficient_proofs[1].public_key] = [g[0].coefficient_proofs[1].public_key, g[0].coefficient_proofs[0].public_key];
  }, /product of the guardians/);
  refuse(d => { d.election_initialized.joint_public_key = toBase64(new Uint8Array(33).fill(0xff)); }, /identity/);
});

test('hash_to_field (RFC 9380 expand_message_xmd, reduced mod q) matches Java', () => {
  for (const v of vectors.hash_to_field) assert.equal(toHex(scalarBytes(hashToScalar(fromHex(v.input)))), v.scalar);
});

test('with the same master nonce the JS encrypts every vector ballot to identical JSON', async () => {
  for (const v of vectors.ballots) {
    const r = await encryptWithNonce(context, {
      ballotId: v.ballot_id, ballotStyleId: v.ballot_style_id, choices: v.choices, device: v.device, state: v.state, timestamp: v.timestamp,
    }, fromHex(v.master_nonce));
    // the text, not just deep equality: member order and encodings are part of the format
    assert.equal(JSON.stringify(r.ballot, null, 4), JSON.stringify(v.ballot, null, 4), v.ballot_id);
    assert.equal(r.confirmationCode, v.confirmation_code);
    assert.equal(r.masterNonce, v.master_nonce);
  }
});

test('openBallot recovers the votes, and over-voted contests open to zeros with the reason', () => {
  const [v1, v2, v3, v4] = vectors.ballots;
  assert.deepEqual(openBallot(context, v1.ballot, v1.master_nonce), {
    'referendum-housing': { yes: 1, no: 0 },
    mayor: { kim: 0, lee: 1, park: 0, choi: 0 },
    'park-projects': { library: 1, playground: 0, 'bike-lanes': 0, market: 0, garden: 1 },
    'budget-points': { roads: 0, schools: 2, parks: 1 },
  });
  const d2 = openBallotDetails(context, v2.ballot, v2.master_nonce);
  assert.deepEqual(d2.mayor, { votes: { kim: 0, lee: 0, park: 0, choi: 0 }, overvotes: [1, 4], writeIns: [], status: 'over_vote' });
  assert.deepEqual(d2['budget-points'], { votes: { roads: 0, schools: 0, parks: 0 }, overvotes: [1], writeIns: [], status: 'over_vote' });
  assert.equal(d2['park-projects'].status, 'normal');
  assert.equal(d2['referendum-housing'].status, 'null_vote');
  assert.equal(openBallotDetails(context, v1.ballot, v1.master_nonce)['park-projects'].status, 'under_vote');
  assert.deepEqual(openBallot(context, v3.ballot, v3.master_nonce), {
    'referendum-housing': { yes: 0, no: 0 }, mayor: { kim: 0, lee: 0, park: 1, choi: 0 },
  });
  assert.ok(Object.values(openBallot(context, v4.ballot, v4.master_nonce)).every(c => Object.values(c).every(n => n === 0)));
});

test('openBallot refuses a wrong nonce and a tampered ballot', () => {
  const v = vectors.ballots[0];
  assert.throws(() => openBallot(context, v.ballot, vectors.ballots[1].master_nonce), /pad is not g\^ξ/);
  const swapped = clone(v.ballot);
  const sels = swapped.contests[1].selections;
  [sels[0].encrypted_vote, sels[1].encrypted_vote] = [sels[1].encrypted_vote, sels[0].encrypted_vote];
  assert.throws(() => openBallot(context, swapped, v.master_nonce), /pad is not g\^ξ/);
  const data = clone(v.ballot);
  const c1 = fromBase64(data.contests[0].encrypted_contest_data.c1);
  c1[0] ^= 1;
  data.contests[0].encrypted_contest_data.c1 = toBase64(c1);
  assert.throws(() => openBallot(context, data, v.master_nonce), /does not authenticate/);
  const code = clone(v.ballot);
  code.code_baux = 'AA';
  assert.throws(() => openBallot(context, code, v.master_nonce), /confirmation code/);
  assert.throws(() => openBallot(context, v.ballot, 'zz'), /64 hexadecimal/);
});

test('credential signatures are byte-identical to Java\'s (RFC 6979) and verify', () => {
  const s = vectors.credential_signature;
  assert.equal(signBallot(s.secret, s.extended_base_hash, s.confirmation_code), s.signature);
  assert.ok(verifyBallotSignature(s.credential, s.extended_base_hash, s.confirmation_code, s.signature));
  assert.ok(!verifyBallotSignature(s.credential, s.extended_base_hash, vectors.ballots[1].confirmation_code, s.signature));
  const mine = generateCredential();
  assert.match(mine.secret, /^[0-9a-f]{64}$/);
  assert.match(mine.credential, /^0[23][0-9a-f]{64}$/);
  const sig = signBallot(mine.secret, s.extended_base_hash, s.confirmation_code);
  assert.match(sig, /^[0-9a-f]{128}$/);
  assert.ok(verifyBallotSignature(mine.credential, s.extended_base_hash, s.confirmation_code, sig));
  assert.ok(!verifyBallotSignature(s.credential, s.extended_base_hash, s.confirmation_code, sig));
});

test('a secret gives back its credential (Java\'s public key), so a typed secret can be checked', () => {
  const s = vectors.credential_signature;
  assert.equal(credentialOf(s.secret), s.credential);
  const mine = generateCredential();
  assert.equal(credentialOf(mine.secret), mine.credential);
  assert.notEqual(credentialOf(mine.secret), s.credential);
  assert.throws(() => credentialOf('00'.repeat(32)));
});

test('encryptBallot draws a fresh nonce, and the ballot opens to the choices', async () => {
  const choices = { mayor: { kim: 1 }, 'park-projects': { market: 1 } };
  const seen = [];
  const a = await encryptBallot(context, { ballotId: 'web-1', ballotStyleId: 'style-all', choices, onProgress: p => seen.push(p) });
  const b = await encryptBallot(context, { ballotId: 'web-1', ballotStyleId: 'style-all', choices, state: 'CHALLENGED' });
  assert.match(a.masterNonce, /^[0-9a-f]{64}$/);
  assert.notEqual(a.masterNonce, b.masterNonce);
  assert.notEqual(a.confirmationCode, b.confirmationCode);
  assert.equal(a.ballot.encrypting_device, 'madang-web');
  assert.equal(b.ballot.state, 'CHALLENGED');
  assert.deepEqual(seen.at(-1), { done: 14, total: 14 });
  const opened = openBallot(context, a.ballot, a.masterNonce);
  assert.equal(opened.mayor.kim, 1);
  assert.equal(opened['park-projects'].market, 1);
  assert.equal(opened['referendum-housing'].yes, 0);
  await assert.rejects(encryptBallot(context, { ballotId: 'web-2', ballotStyleId: 'style-nation', choices }), /not on ballot style/);
  await assert.rejects(encryptBallot(context, { ballotId: 'web-2', ballotStyleId: 'style-all', choices: { mayor: { nobody: 1 } } }), /not in contest/);
  await assert.rejects(encryptBallot(context, { ballotId: 'web-2', ballotStyleId: 'style-all', choices: { mayor: { kim: -1 } } }), /non-negative/);
  await assert.rejects(encryptBallot(context, { ballotId: '../x', ballotStyleId: 'style-all', choices }), /ballotId/);
  await assert.rejects(encryptBallot(context, { ballotId: 'web-2', ballotStyleId: 'style-x', choices }), /not in the manifest/);
});

test('contestsForStyle lists the style\'s contests with their limits', () => {
  assert.deepEqual(contestsForStyle(context, 'style-nation'), [
    { contestId: 'referendum-housing', limit: 1, optionLimit: 1, selections: [{ selectionId: 'yes' }, { selectionId: 'no' }] },
    { contestId: 'mayor', limit: 1, optionLimit: 1, selections: ['kim', 'lee', 'park', 'choi'].map(selectionId => ({ selectionId })) },
  ]);
  assert.deepEqual(contestsForStyle(context, 'style-all').map(c => [c.contestId, c.limit, c.optionLimit]),
    [['referendum-housing', 1, 1], ['mayor', 1, 1], ['park-projects', 3, 1], ['budget-points', 3, 2]]);
});

test('groupedCode groups in fours, upper case', () => {
  assert.equal(groupedCode('0a1b2c3d4e5f'), '0A1B-2C3D-4E5F');
  assert.equal(groupedCode('abcdef'), 'ABCD-EF');
});

test('the JS-encrypted fixture (checked by JsBallotsVerifyTest) still opens with its nonces', () => {
  assert.deepEqual(jsFixture.documents, vectors.documents, 'js-ballots.json belongs to another election: npm run vectors');
  assert.ok(jsFixture.ballots.length >= 3);
  for (const f of jsFixture.ballots) {
    const details = openBallotDetails(context, f.ballot, f.master_nonce);
    for (const spec of contestsForStyle(context, f.ballot.ballot_style_id)) {
      const chosen = f.choices[spec.contestId] ?? {};
      const marks = Object.values(chosen).reduce((a, b) => a + b, 0);
      const over = marks > spec.limit || Object.values(chosen).some(v => v > spec.optionLimit);
      for (const { selectionId } of spec.selections) {
        assert.equal(details[spec.contestId].votes[selectionId], over ? 0 : (chosen[selectionId] ?? 0), `${f.ballot.ballot_id} ${spec.contestId}/${selectionId}`);
      }
      assert.equal(details[spec.contestId].status === 'over_vote', over);
    }
    assert.ok(verifyBallotSignature(f.credential, context.extendedBaseHashHex, f.confirmation_code, f.signature));
  }
});

test('the built, vendored modules load without node_modules (what the browser gets)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'madang-eg-'));
  try {
    const src = new URL('../src/js/', import.meta.url).pathname;
    const modules = new URL('../node_modules/', import.meta.url).pathname;
    const vendored = vendorModules(['eg/index.js'], src, join(dir, 'js'), modules);
    assert.ok(vendored.includes(join('vendor', 'noble-curves', 'abstract', 'weierstrass.js')));
    // P-256 is built in noble.js, so the page does not load nist.js and the FROST/OPRF modules behind it
    assert.ok(!vendored.some((file) => /nist\.js$|frost\.js$|oprf\.js$/.test(file)), vendored.join(', '));
    // outside the project no bare specifier can resolve: every import must have been rewritten
    const eg = await import(pathToFileURL(join(dir, 'js', 'eg', 'index.js')).href);
    const v = vectors.ballots[0];
    assert.deepEqual(eg.openBallot(eg.electionContext(vectors.documents), v.ballot, v.master_nonce), openBallot(context, v.ballot, v.master_nonce));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
