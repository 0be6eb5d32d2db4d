// Ballot encryption in the voter's browser, compatible byte for byte with the Java core
// (org.madang.ballot). See README.md in this directory.
import { fromHex } from './bytes.js';
import { electionContext, contestsForStyle } from './context.js';
import { encryptWithNonce, openContests } from './encrypt.js';
import { credentialOf, generateCredential, signBallot, verifyBallotSignature } from './credential.js';

export { electionContext, contestsForStyle, credentialOf, generateCredential, signBallot, verifyBallotSignature };

/**
 * Encrypts a ballot with a fresh 32-byte master nonce from crypto.getRandomValues.
 * @returns {Promise<{ballot: object, confirmationCode: string, masterNonce: string}>} the
 *   EncryptedBallot JSON object (as Java's RecordJson.write), the confirmation code and the
 *   master nonce in hex; keep the nonce only for a ballot that will be challenged.
 */
export async function encryptBallot(context, options) {
  const nonce = new Uint8Array(32);
  crypto.getRandomValues(nonce);
  for (const [name, value] of [['ballotId', options.ballotId], ['device', options.device ?? 'madang-web']]) {
    // the server's intake refuses other ids (BallotBox.checkBallot); fail before the work
    const max = name === 'device' ? 64 : 100;
    if (typeof value !== 'string' || value.length < 1 || value.length > max || !/^[A-Za-z0-9._-]+$/.test(value) || value.startsWith('.')) {
      throw new Error(`${name} must be 1-${max} characters of A-Z a-z 0-9 . _ - and not start with '.'`);
    }
  }
  return encryptWithNonce(context, options, nonce);
}

/** Votes per option that the ballot encrypts, recomputed from its master nonce (Benaloh challenge); throws if it does not open. */
export function openBallot(context, ballot, masterNonceHex) {
  const out = {};
  for (const [id, c] of Object.entries(openBallotDetails(context, ballot, masterNonceHex))) out[id] = c.votes;
  return out;
}

/** As openBallot, with the decrypted contest data: {contestId: {votes, status, overvotes, writeIns}}. */
export function openBallotDetails(context, ballot, masterNonceHex) {
  if (typeof masterNonceHex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(masterNonceHex)) throw new Error('the master nonce is 64 hexadecimal digits');
  return openContests(context, ballot, fromHex(masterNonceHex));
}

/** 'ABCD-EF01-…': upper case, groups of 4, for reading a code aloud or comparing it by eye. */
export function groupedCode(hex) {
  return hex.toUpperCase().match(/.{1,4}/g)?.join('-') ?? '';
}
