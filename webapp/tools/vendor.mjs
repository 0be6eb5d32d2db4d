// Serves npm packages to the browser without a bundler: copies the files our modules actually
// import (the static import closure, not whole packages) to dist/js/vendor/<package>/, and
// rewrites bare specifiers such as '@noble/curves/nist.js' to relative paths, in the vendored
// files and in ours. Relative paths keep everything same-origin (CSP script-src 'self') and
// work under any context path.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Top-level `import … from '…'` / `export … from '…'` statements (not examples in comments). */
const STATIC_IMPORT = /^(?:import|export)\s[^;]*?from\s*(['"])([^'"]+)\1|^import\s*(['"])([^'"]+)\3/gm;

const VENDORED = ['@noble/curves', '@noble/hashes'];

function vendoredPackage(specifier) {
  return VENDORED.find(p => specifier.startsWith(p + '/'));
}

/** Where a vendored file lands, relative to dist/js: vendor/noble-curves/abstract/weierstrass.js. */
function vendorPath(pkg, subpath) {
  return join('vendor', pkg.replace('@', '').replace('/', '-'), subpath);
}

/** Rewrites the bare specifiers of one module that lives at `fileRel` (relative to dist/js). */
export function rewriteSpecifiers(code, fileRel) {
  return code.replace(STATIC_IMPORT, (statement, q1, s1, q3, s3) => {
    const specifier = s1 ?? s3;
    const pkg = vendoredPackage(specifier);
    if (!pkg) return statement;
    let rel = relative(dirname(fileRel), vendorPath(pkg, specifier.slice(pkg.length + 1))).split(sep).join('/');
    if (!rel.startsWith('.')) rel = './' + rel;
    return statement.replace(specifier, rel);
  });
}

/**
 * Copies `entries` (files relative to srcJs) and everything they import from the vendored
 * packages into destJs, rewriting specifiers. Returns the vendored files (relative to destJs).
 */
export function vendorModules(entries, srcJs, destJs, nodeModules) {
  const seen = new Set();
  const vendored = [];
  const visit = (absolute, rel) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const code = readFileSync(absolute, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const specifier = m[2] ?? m[4];
      const pkg = vendoredPackage(specifier);
      if (pkg) {
        visit(resolve(nodeModules, specifier), vendorPath(pkg, specifier.slice(pkg.length + 1)));
      } else if (specifier.startsWith('.')) {
        visit(resolve(dirname(absolute), specifier), join(dirname(rel), specifier));
      }
    }
    if (rel.startsWith('vendor' + sep) || rel.startsWith('vendor/')) vendored.push(rel);
    mkdirSync(dirname(join(destJs, rel)), { recursive: true });
    writeFileSync(join(destJs, rel), rewriteSpecifiers(code, rel));
  };
  for (const e of entries) visit(resolve(srcJs, e), e);
  // the packages are MIT-licensed: their notice travels with the copies
  for (const pkg of VENDORED) {
    writeFileSync(join(destJs, vendorPath(pkg, 'LICENSE')), readFileSync(join(nodeModules, pkg, 'LICENSE')));
  }
  return vendored;
}
