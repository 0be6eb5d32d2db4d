// Prints the JavaScript the voting page loads: every module reachable from dist/js/pages/vote.js through
// static (and dynamic) relative imports, with bytes and gzip bytes. Run after `npm run build`.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const entry = join(dist, 'js', 'pages', 'vote.js');
if (!existsSync(entry)) { console.error('dist/js/pages/vote.js is missing: run `npm run build` first'); process.exit(1); }
// Statements at the start of a line (import … from '…', import '…', export … from '…') and import('…').
const IMPORT_RE = /^\s*import\s*(?:[\w*\s{},$]+?\s*from\s*)?['"]([^'"]+)['"]|^\s*export\s*(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
const seen = new Map();
const queue = [entry];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  const text = readFileSync(file);
  seen.set(file, text);
  for (const m of text.toString('utf8').matchAll(IMPORT_RE)) {
    const spec = m[1] || m[2] || m[3];
    if (!spec.startsWith('.') && !spec.startsWith('/')) { console.warn(`unresolved bare import '${spec}' in ${relative(dist, file)}`); continue; }
    queue.push(spec.startsWith('/') ? join(dist, spec) : resolve(dirname(file), spec));
  }
}
let bytes = 0;
let gz = 0;
const rows = [...seen].map(([f, text]) => ({ f: relative(dist, f), b: text.length, g: gzipSync(text).length })).sort((a, b) => b.b - a.b);
for (const r of rows) { bytes += r.b; gz += r.g; console.log(`${String(r.b).padStart(9)} ${String(r.g).padStart(8)}  ${r.f}`); }
console.log(`${String(bytes).padStart(9)} ${String(gz).padStart(8)}  total: ${rows.length} modules (bytes, gzip bytes each)`);
