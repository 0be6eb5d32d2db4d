// Ballot encryption and opening, mirroring org.madang.ballot.encrypt.BallotEncryptor (and the
// crypto classes it uses) step by step, so that the same master nonce yields the same JSON as
// RecordJson.write in Java, byte for byte. Everything random derives from the 32-byte master
// nonce ξ_B, which is what lets a challenged ballot be reopened and re-checked.
import { concat, equalBytes, fromBase64, fromHex, int4, toBase64, toHex, utf8 } from './bytes.js';
import { Point, decodeElement, encodeElement, generator, hashToScalar, mod, scalarBytes } from './group.js';
import { Hasher, hmacSha256 } from './hash.js';
import { styleContests } from './context.js';

const CONTEST_DATA_LABEL = 'contest_data';
const KDF_LABEL = utf8('share_enc_keys');
const STATUS = ['normal', 'null_vote', 'over_vote', 'under_vote'];

/** ξ_(i,j) = H(H_E; 0x20, ξ_B, ind_c(Λ_i), ind_o(λ_j)). */
export function selectionNonce(context, masterNonce, contestIndex, optionIndex) {
  return hashToScalar(Hasher.with(context.extendedBaseHash, 0x20).bytes(masterNonce).int4(contestIndex).int4(optionIndex).digest());
}

/** ξ = H(H_E; 0x20, ξ_B, ind_c(Λ_i), "contest_data"). */
export function contestDataNonce(context, masterNonce, contestIndex) {
  return hashToScalar(Hasher.with(context.extendedBaseHash, 0x20).bytes(masterNonce).int4(contestIndex).utf8(CONTEST_DATA_LABEL).digest());
}

/** NonceSequence: nonce(i) = H_q(seed; label, b(i, 4)) with the seed a scalar's 32 bytes as the raw HMAC key. */
function nonceSequence(seedScalar, label) {
  const key = scalarBytes(seedScalar);
  return i => hashToScalar(new Hasher(key).utf8(label).int4(i).digest());
}

/**
 * RangeProof.prove: a disjunctive Chaum–Pedersen proof that (α, β) = (g^ξ, K^(ξ+σ)) encrypts σ in
 * 0..limit. Java computes the simulated commitments as g^v·α^c and K^w·β^c; since we know
 * α = g^ξ and β = K^(ξ+σ) these are the same points as g^(v+ξc) and K^(w+(ξ+σ)c), one
 * fixed-base multiplication each instead of two multiplications (one without a table) and an
 * addition. The encodings, hence the hash and the proof, are identical.
 */
function proveRange(context, ct, vote, limit, nonce, randomness) {
  const g = generator();
  const K = context.keyBase;
  const exponentOfBeta = mod(nonce + BigInt(vote));
  const u = randomness(0);
  const challenges = new Array(limit + 1);
  const responses = new Array(limit + 1);
  const h = Hasher.with(context.extendedBaseHash, 0x21).element(context.jointPublicKey).ciphertext(ct);
  let othersSum = 0n;
  for (let j = 0; j <= limit; j++) {
    if (j === vote) {
      h.element(g.pow(u)).element(K.pow(u));
      continue;
    }
    const c = randomness(2 * j + 1);
    const v = randomness(2 * j + 2);
    const w = mod(v - BigInt(j) * c);
    h.element(g.pow(v + nonce * c)).element(K.pow(w + exponentOfBeta * c));
    challenges[j] = c;
    responses[j] = v;
    othersSum += c;
  }
  const c = hashToScalar(h.digest());
  challenges[vote] = mod(c - othersSum);
  responses[vote] = mod(u - challenges[vote] * nonce);
  return challenges.map((ch, j) => ({ challenge: ch, response: responses[j] }));
}

function proofJson(parts) {
  return { proofs: parts.map(p => ({ challenge: toBase64(scalarBytes(p.challenge)), response: toBase64(scalarBytes(p.response)) })) };
}

function ciphertextJson(ct) {
  return { pad: toBase64(encodeElement(ct.pad)), data: toBase64(encodeElement(ct.data)) };
}

// ---------------------------------------------------------------- contest data (ContestData.java)

function writeVarint(value, out) {
  let v = value;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

function writeString(s, out) {
  const b = utf8(s);
  writeVarint(b.length, out);
  out.push(...b);
}

function encodeUnpadded(overvotes, writeIns, status) {
  const out = [];
  writeVarint(overvotes.length, out);
  overvotes.forEach(v => writeVarint(v, out));
  writeVarint(writeIns.length, out);
  writeIns.forEach(w => writeString(w, out));
  writeString(status, out);
  return out;
}

/**
 * egk-ec's encoding, zero-padded to (L + 1)·32 bytes so that every contest data ciphertext of a
 * contest has the same length; over-vote indices are dropped from the end if they do not fit.
 * (The browser has no write-ins, so Java's write-in shortening never applies.)
 */
export function encodeContestData(overvotes, status, contestLimit) {
  const size = (contestLimit + 1) * 32;
  let kept = [...overvotes];
  let bytes = encodeUnpadded(kept, [], status);
  while (bytes.length > size && kept.length > 0) {
    kept = kept.slice(0, -1);
    bytes = encodeUnpadded(kept, [], status);
  }
  const out = new Uint8Array(Math.max(size, bytes.length));
  out.set(bytes);
  return out;
}

export function decodeContestData(bytes) {
  let at = 0;
  const varint = () => {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      if (shift > 28) throw new Error('varint too long');
      if (at >= bytes.length) throw new Error('contest data ends early');
      const x = bytes[at++];
      result |= (x & 0x7f) << shift;
      if ((x & 0x80) === 0) return result;
    }
  };
  const string = () => {
    const n = varint();
    if (at + n > bytes.length) throw new Error('string runs past the data');
    const s = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + n));
    at += n;
    return s;
  };
  const overvotes = Array.from({ length: varint() }, varint);
  const writeIns = Array.from({ length: varint() }, string);
  const status = string();
  if (!STATUS.includes(status)) throw new Error(`unknown contest status ${status}`);
  return { overvotes, writeIns, status };
}

// ---------------------------------------------------------------- hashed ElGamal (HashedElGamalCiphertext.java)

/** k_i = HMAC(k, b(i, 4) ∥ "share_enc_keys" ∥ 0x00 ∥ "contest_data" + contest id ∥ b(8·numBytes, 4)). */
function kdf(k, i, contestId, numBytes) {
  return hmacSha256(k, concat(int4(i), KDF_LABEL, new Uint8Array([0]), utf8(CONTEST_DATA_LABEL + contestId), int4(numBytes * 8)));
}

function sharedKey(context, c0, beta) {
  return Hasher.with(context.extendedBaseHash, 0x22).element(context.jointPublicKey).element(c0).element(beta).digest();
}

function encryptContestData(context, contestId, data, nonce) {
  const c0 = generator().pow(nonce);
  const k = sharedKey(context, c0, context.keyBase.pow(nonce));
  const blocks = Math.ceil(data.length / 32);
  const c1 = new Uint8Array(blocks * 32);
  for (let block = 0; block < blocks; block++) {
    const ki = kdf(k, block + 1, contestId, data.length);
    for (let j = 0; j < 32; j++) {
      const at = block * 32 + j;
      c1[at] = (at < data.length ? data[at] : 0) ^ ki[j];
    }
  }
  const c2 = hmacSha256(kdf(k, 0, contestId, data.length), concat(encodeElement(c0), c1));
  return { c0: toBase64(encodeElement(c0)), c1: toBase64(c1), c2: toBase64(c2), numBytes: data.length };
}

/** Decrypts with β = K^ξ; throws when the MAC C2 does not authenticate. */
function decryptContestData(context, contestId, json, nonce) {
  const c0 = decodeElement(fromBase64(json.c0));
  const c1 = fromBase64(json.c1);
  const numBytes = json.numBytes;
  const k = sharedKey(context, c0, context.keyBase.pow(nonce));
  const mac = hmacSha256(kdf(k, 0, contestId, numBytes), concat(encodeElement(c0), c1));
  if (!equalBytes(mac, fromBase64(json.c2))) throw new Error(`contest ${contestId}: the contest data does not authenticate with this nonce`);
  const plain = new Uint8Array(c1.length);
  for (let block = 0; block * 32 < c1.length; block++) {
    const ki = kdf(k, block + 1, contestId, numBytes);
    for (let j = 0; j < 32 && block * 32 + j < c1.length; j++) plain[block * 32 + j] = c1[block * 32 + j] ^ ki[j];
  }
  return plain.subarray(0, Math.min(numBytes, plain.length));
}

// ---------------------------------------------------------------- ballots

function contestHash(context, sequenceOrder, ciphertexts) {
  const h = Hasher.with(context.extendedBaseHash, 0x23).int4(sequenceOrder).element(context.jointPublicKey);
  ciphertexts.forEach(c => h.ciphertext(c));
  return h.digest();
}

function confirmationCode(context, contestHashes, codeBaux) {
  const h = Hasher.with(context.extendedBaseHash, 0x24);
  contestHashes.forEach(c => h.bytes(c));
  return h.bytes(codeBaux).digest();
}

function encryptContest(context, ballotId, spec, votes, masterNonce) {
  const options = new Set(spec.selections.map(s => s.selectionId));
  for (const [id, v] of Object.entries(votes)) {
    if (!options.has(id)) throw new Error(`ballot ${ballotId}: option '${id}' is not in contest '${spec.contestId}'`);
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`ballot ${ballotId}: the votes for '${spec.contestId}/${id}' must be a non-negative integer`);
  }
  const votesFor = id => votes[id] ?? 0;
  // Over-votes (spec 2.1.0 section 3.3.3): all options are encrypted as 0 and the contest data
  // lists the options voted for (their sequence orders, in manifest order) and says why.
  const votedFor = [];
  let total = 0;
  let optionOvervote = false;
  for (const s of spec.selections) {
    const v = votesFor(s.selectionId);
    if (v > 0) {
      votedFor.push(s.sequenceOrder);
      total += v;
      optionOvervote ||= v > spec.optionLimit;
    }
  }
  const status = total === 0 ? 'null_vote'
    : optionOvervote || total > spec.contestLimit ? 'over_vote'
      : total < spec.contestLimit ? 'under_vote' : 'normal';
  const overvoted = status === 'over_vote';

  const g = generator();
  const selections = [];
  const ciphertexts = [];
  let sum = { pad: Point.ZERO, data: Point.ZERO };
  let nonceSum = 0n;
  let encryptedTotal = 0;
  for (const s of [...spec.selections].sort((a, b) => a.sequenceOrder - b.sequenceOrder)) {
    const vote = overvoted ? 0 : votesFor(s.selectionId);
    const nonce = selectionNonce(context, masterNonce, spec.sequenceOrder, s.sequenceOrder);
    const ct = { pad: g.pow(nonce), data: context.keyBase.pow(nonce + BigInt(vote)) };
    const proof = proveRange(context, ct, vote, spec.optionLimit, nonce, nonceSequence(nonce, 'selection range proof'));
    selections.push({ selection_id: s.selectionId, sequence_order: s.sequenceOrder, encrypted_vote: ciphertextJson(ct), proof: proofJson(proof) });
    ciphertexts.push(ct);
    sum = { pad: sum.pad.add(ct.pad), data: sum.data.add(ct.data) };
    nonceSum = mod(nonceSum + nonce);
    encryptedTotal += vote;
  }
  const contestProof = proveRange(context, sum, encryptedTotal, spec.contestLimit, nonceSum, nonceSequence(nonceSum, 'contest range proof'));
  const data = encodeContestData(overvoted ? votedFor : [], status, spec.contestLimit);
  const hash = contestHash(context, spec.sequenceOrder, ciphertexts);
  return {
    hash,
    json: {
      contest_id: spec.contestId,
      sequence_order: spec.sequenceOrder,
      contest_hash: toBase64(hash),
      selections,
      proof: proofJson(contestProof),
      encrypted_contest_data: encryptContestData(context, spec.contestId, data, contestDataNonce(context, masterNonce, spec.sequenceOrder)),
    },
  };
}

const yieldToBrowser = () => new Promise(resolve => setTimeout(resolve, 0));

/**
 * BallotEncryptor.encrypt with a given master nonce (32 bytes). Deterministic: the test vectors
 * rely on it; production code goes through index.js's encryptBallot, which draws the nonce.
 */
export async function encryptWithNonce(context, { ballotId, ballotStyleId, choices = {}, device = 'madang-web', state = 'CAST', timestamp, onProgress }, masterNonce) {
  if (!(masterNonce instanceof Uint8Array) || masterNonce.length !== 32) throw new Error('the master nonce is 32 bytes');
  if (state !== 'CAST' && state !== 'CHALLENGED') throw new Error(`state must be CAST or CHALLENGED, not ${state}`);
  const ts = timestamp ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(ts) || ts < 0) throw new Error('timestamp must be a non-negative integer (seconds)');
  const contests = styleContests(context, ballotStyleId);
  const onStyle = new Set(contests.map(c => c.contestId));
  for (const id of Object.keys(choices)) {
    if (!onStyle.has(id)) throw new Error(`ballot ${ballotId}: contest '${id}' is not on ballot style '${ballotStyleId}'`);
  }
  const total = contests.reduce((n, c) => n + c.selections.length, 0);
  let done = 0;
  const encrypted = [];
  for (const spec of contests) {
    encrypted.push(encryptContest(context, ballotId, spec, choices[spec.contestId] ?? {}, masterNonce));
    done += spec.selections.length;
    if (onProgress) {
      onProgress({ done, total });
      await yieldToBrowser(); // let the page paint the progress between contests
    }
  }
  // Madang does not chain codes (electionContext refuses chained configs), so B_aux = B_aux,0.
  const codeBaux = context.baux0;
  const code = confirmationCode(context, encrypted.map(c => c.hash), codeBaux);
  const ballot = {
    ballot_id: ballotId,
    ballot_style_id: ballotStyleId,
    encrypting_device: device,
    timestamp: ts,
    code_baux: toHex(codeBaux, true),
    confirmation_code: toBase64(code),
    election_id: toBase64(context.extendedBaseHash),
    contests: encrypted.map(c => c.json),
    state,
    is_preencrypt: false,
  };
  return { ballot, confirmationCode: toHex(code), masterNonce: toHex(masterNonce) };
}

/**
 * BallotOpening.open: every selection must be (g^ξ, K^(ξ+σ)) with the ξ derived from the master
 * nonce and σ within the option limit, every contest data must authenticate, and (beyond the
 * Java code, cheap and what the voter compares) the contest hashes and confirmation code must
 * be those of the ciphertexts. Throws with the reason when the ballot does not open.
 */
export function openContests(context, ballot, masterNonce) {
  if (ballot.election_id !== toBase64(context.extendedBaseHash)) throw new Error('the ballot belongs to another election (election_id is not H_E)');
  const specs = new Map(context.manifest.contests.map(c => [c.contestId, c]));
  const g = generator();
  const result = {};
  const hashes = [];
  for (const c of ballot.contests) {
    const spec = specs.get(c.contest_id);
    if (!spec) throw new Error(`contest ${c.contest_id} is not in the manifest`);
    const votes = {};
    const ciphertexts = [];
    for (const s of c.selections) {
      const xi = selectionNonce(context, masterNonce, c.sequence_order, s.sequence_order);
      const ct = { pad: decodeElement(fromBase64(s.encrypted_vote.pad)), data: decodeElement(fromBase64(s.encrypted_vote.data)) };
      ciphertexts.push(ct);
      if (!g.pow(xi).equals(ct.pad)) throw new Error(`${c.contest_id}/${s.selection_id}: the pad is not g^ξ for this nonce`);
      const kSigma = ct.data.subtract(context.keyBase.pow(xi));
      let power = Point.ZERO;
      let vote = null;
      for (let v = 0; v <= spec.optionLimit; v++) {
        if (power.equals(kSigma)) {
          vote = v;
          break;
        }
        power = power.add(context.jointPublicKey);
      }
      if (vote === null) throw new Error(`${c.contest_id}/${s.selection_id}: the vote is not within 0..${spec.optionLimit}`);
      votes[s.selection_id] = vote;
    }
    const hash = contestHash(context, c.sequence_order, ciphertexts);
    if (toBase64(hash) !== c.contest_hash) throw new Error(`${c.contest_id}: the contest hash does not match its ciphertexts`);
    hashes.push(hash);
    const data = decodeContestData(decryptContestData(context, c.contest_id, c.encrypted_contest_data,
      contestDataNonce(context, masterNonce, c.sequence_order)));
    result[c.contest_id] = { votes, ...data };
  }
  const code = confirmationCode(context, hashes, fromHex(ballot.code_baux ?? ''));
  if (toBase64(code) !== ballot.confirmation_code) throw new Error('the confirmation code does not match the contests');
  return result;
}
