// ms per 10-selection ballot in headless Chromium (npm run bench:browser [runs]): the built dist/ is served
// as the voting page gets it (tools/serve.mjs, production CSP), the page imports the real /js/eg/index.js
// (vendored noble, no bundler) and times electionContext and encryptBallot on the election of
// bench-election.mjs. Prints figures only. Run after `npm run build`; CHROMIUM= overrides /usr/bin/chromium.
import puppeteer from 'puppeteer-core';
import { start } from './serve.mjs';
import { BENCH_CHOICES, BENCH_DOCUMENTS, BENCH_STYLE } from './bench-election.mjs';

const runs = Number(process.argv[2] ?? 15);
const server = await start(0);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(120000);
  await page.goto(`http://127.0.0.1:${server.address().port}/elections/receipt.html`, { waitUntil: 'networkidle0' });
  const r = await page.evaluate(async (documents, style, choices, n) => {
    const eg = await import('/js/eg/index.js');
    let t = performance.now();
    const context = eg.electionContext(documents);
    const contextMs = performance.now() - t;
    t = performance.now();
    await eg.encryptBallot(context, { ballotId: 'warm-up', ballotStyleId: style, choices });
    const firstMs = performance.now() - t;
    const times = [];
    for (let i = 0; i < n; i++) {
      t = performance.now();
      const { ballot } = await eg.encryptBallot(context, { ballotId: `bench-${i}`, ballotStyleId: style, choices });
      times.push(performance.now() - t);
      if (ballot.contests.reduce((k, c) => k + c.selections.length, 0) !== 10) throw new Error('not a 10-selection ballot');
    }
    return { contextMs, firstMs, times };
  }, BENCH_DOCUMENTS, BENCH_STYLE, BENCH_CHOICES, runs);
  const sorted = [...r.times].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  console.log(`${await browser.version()}, headless`);
  console.log(`electionContext (checks, tables for g and K): ${r.contextMs.toFixed(0)} ms`);
  console.log(`first ballot (cold JIT): ${r.firstMs.toFixed(0)} ms`);
  console.log(`10-selection ballot with proofs, ${runs} runs: median ${median.toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
} finally {
  await browser.close();
  server.close();
}
