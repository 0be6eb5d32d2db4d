// The only place that names the @noble packages. Node resolves these bare specifiers from
// node_modules; for the browser, build.mjs copies the packages to dist/js/vendor/ and rewrites
// the specifiers to relative paths (no bundler, and the CSP allows same-origin scripts only).
export { p256 } from '@noble/curves/nist.js';
export { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
export { hmac } from '@noble/hashes/hmac.js';
export { sha256 } from '@noble/hashes/sha2.js';
