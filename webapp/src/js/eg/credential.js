// Voter credentials, mirroring org.madang.ballot.board.CredentialSignature: a P-256 key made on
// the voter's device; the public credential is the compressed point (33 bytes). A ballot is
// signed with ECDSA over SHA-256("madang-ballot-v1" ∥ H_E ∥ confirmation code), r ∥ s (64 bytes).
import { p256 } from './noble.js';
import { concat, fromHex, toHex, utf8 } from './bytes.js';

const DOMAIN = utf8('madang-ballot-v1');

function message(extendedBaseHashHex, confirmationCodeHex) {
  const he = fromHex(extendedBaseHashHex);
  const code = fromHex(confirmationCodeHex);
  if (he.length !== 32 || code.length !== 32) throw new Error('H_E and the confirmation code are 32 bytes each');
  return concat(DOMAIN, he, code);
}

export function generateCredential() {
  const secret = p256.utils.randomSecretKey(); // crypto.getRandomValues underneath
  return { secret: toHex(secret), credential: toHex(p256.getPublicKey(secret, true)) };
}

/** The public credential (compressed point, hex) of a secret: to check a secret the voter typed in. */
export function credentialOf(secretHex) {
  return toHex(p256.getPublicKey(fromHex(secretHex), true));
}

/**
 * Deterministic ECDSA (RFC 6979, as Bouncy Castle's HMacDSAKCalculator on the server) without
 * low-s normalisation, so that the same key and ballot give the same signature in both
 * languages; the server's verifier accepts either s.
 */
export function signBallot(secretHex, extendedBaseHashHex, confirmationCodeHex) {
  const sig = p256.sign(message(extendedBaseHashHex, confirmationCodeHex), fromHex(secretHex), { prehash: true, lowS: false, format: 'compact' });
  return toHex(sig);
}

export function verifyBallotSignature(credentialHex, extendedBaseHashHex, confirmationCodeHex, signatureHex) {
  try {
    const credential = fromHex(credentialHex);
    if (credential.length !== 33 || (credential[0] !== 2 && credential[0] !== 3)) return false;
    return p256.verify(fromHex(signatureHex), message(extendedBaseHashHex, confirmationCodeHex), credential,
      { prehash: true, lowS: false, format: 'compact' });
  } catch {
    return false;
  }
}
