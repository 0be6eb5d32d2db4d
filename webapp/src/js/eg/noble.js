// The only place that names the @noble packages. Node resolves these bare specifiers from
// node_modules; for the browser, build.mjs copies the packages to dist/js/vendor/ and rewrites
// the specifiers to relative paths (no bundler, and the CSP allows same-origin scripts only).
import { ecdsa, weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { sha256 } from '@noble/hashes/sha2.js';

export { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
export { hmac } from '@noble/hashes/hmac.js';
export { sha256 };

// P-256 as SEC 2 / FIPS 186-5 define it, built here from the abstract Weierstrass module:
// '@noble/curves/nist.js' would also make the voting page load FROST, OPRF and FFT modules it never uses.
export const p256 = ecdsa(weierstrass({
  p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
  n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  h: 1n,
  a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
  b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  Gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  Gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
}), sha256);
