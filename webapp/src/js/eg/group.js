// NIST P-256 as egk-ec (and org.madang.ballot.group.P256Group) uses it: elements are compressed
// SEC1 points (33 bytes), the identity is 33 bytes 0xFF, scalars are 32 big-endian bytes mod q,
// and a 32-byte hash becomes a scalar through RFC 9380 expand_message_xmd (SHA-256, 48 bytes)
// reduced mod q.
import { p256, expand_message_xmd, sha256 } from './noble.js';
import { fixedLength, toBigInt, utf8 } from './bytes.js';

export const Point = p256.Point;
/** q, the order of the group (n of the curve). */
export const ORDER = Point.Fn.ORDER;
export const ELEMENT_BYTES = 33;

/** egk-ec's hash_to_field domain separation tag: it reuses the RFC 9380 test-suite tag. */
const HASH_TO_FIELD_DST = utf8('QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_');
const HASH_TO_FIELD_LENGTH = 48;

/**
 * The standard parameters, as constants.json states them (Java writes BigInteger.toString(16)).
 * A record naming P-256 with any other value is refused, as Groups.fromConstants does.
 */
export const P256_CONSTANTS = Object.freeze({
  a: Point.CURVE().a,
  b: Point.CURVE().b,
  primeModulus: Point.CURVE().p,
  order: Point.CURVE().n,
  'g.x': Point.CURVE().Gx,
  'g.y': Point.CURVE().Gy,
  h: Point.CURVE().h,
});

export function mod(x) {
  const r = x % ORDER;
  return r < 0n ? r + ORDER : r;
}

export function scalarBytes(s) {
  return fixedLength(s, 32);
}

/** Decodes a record scalar; like Group.decodeScalar it must be 32 bytes and below q. */
export function decodeScalar(bytes) {
  if (bytes.length !== 32) throw new Error(`a scalar must be 32 bytes, found ${bytes.length}`);
  const v = toBigInt(bytes);
  if (v >= ORDER) throw new Error('scalar is not less than the group order q');
  return v;
}

export function hashToScalar(hash32) {
  return mod(toBigInt(expand_message_xmd(hash32, HASH_TO_FIELD_DST, HASH_TO_FIELD_LENGTH, sha256)));
}

export function encodeElement(point) {
  if (point.is0()) return new Uint8Array(ELEMENT_BYTES).fill(0xff);
  return point.toBytes(true);
}

/** Decodes and validates an element: a compressed point on the curve, or the 0xFF… identity. */
export function decodeElement(bytes) {
  if (bytes.length !== ELEMENT_BYTES) throw new Error(`a P-256 element must be ${ELEMENT_BYTES} bytes, found ${bytes.length}`);
  if (bytes.every(b => b === 0xff)) return Point.ZERO;
  if (bytes[0] !== 2 && bytes[0] !== 3) throw new Error('a P-256 element must be a compressed point (02 or 03 prefix)');
  const p = Point.fromBytes(bytes); // checks that the point lies on the curve
  p.assertValidity();
  return p;
}

/**
 * A base with a precomputed window table (g, and the joint key K once per election), so that
 * each of the many exponentiations of a ballot costs ~1/8 of a plain multiplication. noble keeps
 * the table on the point instance, so the instance must be the one multiplied.
 */
export class FixedBase {
  constructor(point, windowSize = 8) {
    this.point = point.precompute(windowSize, false);
  }

  /** base^k; k = 0 gives the identity (noble's constant-time multiply refuses 0). */
  pow(k) {
    const e = mod(k);
    return e === 0n ? Point.ZERO : this.point.multiply(e);
  }
}

let generatorBase;
export function generator() {
  generatorBase ??= new FixedBase(Point.BASE);
  return generatorBase;
}
