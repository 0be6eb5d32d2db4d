// ElectionGuard's H(B0; B1) = HMAC-SHA-256(B0, B1) (spec 2.1.0 section 5.1), mirroring
// org.madang.ballot.hash.Hasher and ElectionHashes: B0 is a 32-byte key, B1 a domain-separation
// byte followed by the fixed-length encodings of the inputs, appended in order.
import { hmac, sha256 } from './noble.js';
import { fixedLength, int4, utf8 } from './bytes.js';
import { encodeElement } from './group.js';

export function hmacSha256(key, data) {
  return hmac(sha256, key, data);
}

export class Hasher {
  constructor(key) {
    if (key.length !== 32) throw new Error('the key of H is 32 bytes');
    this.mac = hmac.create(sha256, key);
  }

  /** H(key; separator ∥ …). */
  static with(key, separator) {
    return new Hasher(key).byte(separator);
  }

  byte(b) {
    this.mac.update(new Uint8Array([b]));
    return this;
  }

  bytes(b) {
    this.mac.update(b);
    return this;
  }

  int4(i) {
    return this.bytes(int4(i));
  }

  element(p) {
    return this.bytes(encodeElement(p));
  }

  /** Pad then data, as egk-ec hashes a ciphertext. */
  ciphertext(c) {
    return this.element(c.pad).element(c.data);
  }

  /** UTF-8 without a length prefix, as egk-ec 2.1 hashes strings (its issue #48). */
  utf8(s) {
    return this.bytes(utf8(s));
  }

  digest() {
    return this.mac.digest();
  }
}

/**
 * H_P = H(ver; 0x00, a, b, p, g.x, g.y, h), each in 32 bytes; ver is the protocol version from
 * constants.json zero-padded to 32 bytes.
 */
export function parameterBaseHash(protocolVersion, parameters) {
  const key = new Uint8Array(32);
  key.set(utf8(protocolVersion).subarray(0, 32));
  const h = new Hasher(key).byte(0x00);
  for (const name of ['a', 'b', 'primeModulus', 'g.x', 'g.y', 'h']) h.bytes(fixedLength(parameters[name], 32));
  return h.digest();
}

/** H_M = H(H_P; 0x01, b(len, 4), manifest bytes) over the manifest file exactly as published. */
export function manifestHash(hp, manifestBytes) {
  return Hasher.with(hp, 0x01).int4(manifestBytes.length).bytes(manifestBytes).digest();
}

/** H_B = H(H_P; 0x02, H_M, b(n, 4), b(k, 4)). */
export function electionBaseHash(hp, hm, guardians, quorum) {
  return Hasher.with(hp, 0x02).bytes(hm).int4(guardians).int4(quorum).digest();
}

/** H_E = H(H_B; 0x12, K). */
export function extendedBaseHash(hb, jointPublicKey) {
  return Hasher.with(hb, 0x12).element(jointPublicKey).digest();
}
