// Ballot receipts: reading what a voter pastes or uploads (the saved JSON file, or the bare JWS),
// decoding the compact JWS, and checking its ES256 signature with WebCrypto against the election's
// published key, so the check does not rest on the server's word alone.
// Unit-tested in test/receipt.test.js.

const JWS_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
export const RECEIPT_FORMAT = 'madang-receipt-v1';

export function base64UrlToBytes(s) {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  return Uint8Array.from(bin, c => c.charCodeAt(0));
}

const utf8 = bytes => new TextDecoder().decode(bytes);

/**
 * Text from the page (pasted or a file) → the compact JWS. Accepts the file the voting page saves
 * ({format, receipt, ...}), the server's receipt answer ({receipt, ...}) or the JWS itself.
 * Throws an Error whose `key` is an i18n key.
 */
export function parseReceiptInput(text) {
  const s = String(text ?? '').trim();
  const fail = key => Object.assign(new Error(key), { key });
  if (!s) throw fail('receiptCheck.v.empty');
  if (s.length > 100000) throw fail('receiptCheck.v.tooLarge');
  let jws = s;
  if (s.startsWith('{')) {
    let obj;
    try { obj = JSON.parse(s); } catch { throw fail('receiptCheck.v.badJson'); }
    if (typeof obj?.receipt !== 'string') throw fail('receiptCheck.v.noReceipt');
    jws = obj.receipt.trim();
  } else {
    jws = s.replace(/\s+/g, '');
  }
  if (!JWS_RE.test(jws) || jws.length > 4000) throw fail('receiptCheck.v.notJws');
  decodeJws(jws); // throws when header or payload are not JSON
  return jws;
}

/** {header, claims, signingInput, signature} of a compact JWS; throws when it is not one. */
export function decodeJws(jws) {
  const parts = String(jws).split('.');
  if (parts.length !== 3) throw Object.assign(new Error('not a compact JWS'), { key: 'receiptCheck.v.notJws' });
  try {
    return {
      header: JSON.parse(utf8(base64UrlToBytes(parts[0]))),
      claims: JSON.parse(utf8(base64UrlToBytes(parts[1]))),
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: base64UrlToBytes(parts[2]),
    };
  } catch {
    throw Object.assign(new Error('not a compact JWS'), { key: 'receiptCheck.v.notJws' });
  }
}

/**
 * Verifies an ES256 compact JWS with a P-256 public JWK, in the browser (or Node's WebCrypto).
 * JWS ES256 signatures are r ∥ s, 64 bytes — exactly what WebCrypto's ECDSA expects.
 * Returns {valid, reason?}: reason 'alg' (not ES256), 'key' (unusable JWK), 'kid' (key ids differ), 'signature'.
 */
export async function verifyReceiptSignature(jws, jwk, subtle = globalThis.crypto?.subtle) {
  const { header, signingInput, signature } = decodeJws(jws);
  if (header.alg !== 'ES256') return { valid: false, reason: 'alg' };
  if (!jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) return { valid: false, reason: 'key' };
  if (header.kid && jwk.kid && header.kid !== jwk.kid) return { valid: false, reason: 'kid' };
  if (signature.length !== 64) return { valid: false, reason: 'signature' };
  let key;
  try {
    key = await subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  } catch {
    return { valid: false, reason: 'key' };
  }
  const ok = await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, new TextEncoder().encode(signingInput));
  return ok ? { valid: true } : { valid: false, reason: 'signature' };
}

/** The file the voter saves after casting: the server's receipt answer plus a format tag. */
export function receiptFileText(view, electionTitle = '') {
  return JSON.stringify({ format: RECEIPT_FORMAT, election: electionTitle, ...view }, null, 2);
}

/** The facts the signed claims state, as the page shows them (position as a number). */
export function receiptFacts(claims) {
  return {
    electionId: String(claims.electionId ?? ''),
    ballotId: String(claims.ballotId ?? ''),
    kind: String(claims.kind ?? ''),
    confirmationCode: String(claims.confirmationCode ?? '').toLowerCase(),
    position: Number(claims.position),
    chainHash: String(claims.chainHash ?? '').toLowerCase(),
    receivedAt: String(claims.receivedAt ?? ''),
  };
}

/** Whether a board entry is the one the receipt names (same code, position and chain hash). */
export function entryMatches(claims, entry) {
  if (!entry) return false;
  const f = receiptFacts(claims);
  return entry.confirmationCode?.toLowerCase() === f.confirmationCode && Number(entry.position) === f.position
    && entry.hash?.toLowerCase() === f.chainHash;
}
