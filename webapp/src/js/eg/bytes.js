// Byte helpers shared by the ElectionGuard modules: the spec's fixed-length encodings and the
// record's text forms (base64 for elements, scalars and hashes; hex for code_baux and the UI).

const encoder = new TextEncoder();

export function utf8(s) {
  return encoder.encode(s);
}

export function concat(...parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** b(i, 4): indices, counts and sequence numbers are hashed as 4 big-endian bytes. */
export function int4(i) {
  if (!Number.isInteger(i) || i < 0 || i > 0xffffffff) throw new RangeError(`not a 4-byte unsigned integer: ${i}`);
  return new Uint8Array([i >>> 24, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff]);
}

/** b(x, n): a non-negative bigint as n big-endian bytes. */
export function fixedLength(x, n) {
  if (x < 0n) throw new RangeError('negative value has no fixed-length encoding');
  const out = new Uint8Array(n);
  let v = x;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (v !== 0n) throw new RangeError(`value does not fit in ${n} bytes`);
  return out;
}

export function toBigInt(bytes) {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

export function toHex(bytes, upper = false) {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return upper ? s.toUpperCase() : s;
}

export function fromHex(hex) {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new TypeError('expected an even number of hexadecimal digits');
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
  return out;
}

// btoa/atob exist in browsers and in Node >= 16, so the same code serves both.
export function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64) {
  if (typeof b64 !== 'string') throw new TypeError('expected a base64 string');
  // Java's decoder (what the server reads with) refuses missing padding; so do we.
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new TypeError('not valid base64');
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}
