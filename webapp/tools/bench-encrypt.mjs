// ms per 10-selection ballot in Node (npm run bench:encrypt [runs]), on the election of bench-election.mjs.
import { electionContext, encryptBallot } from '../src/js/eg/index.js';
import { BENCH_CHOICES, BENCH_DOCUMENTS, BENCH_STYLE } from './bench-election.mjs';

let t = performance.now();
const context = electionContext(BENCH_DOCUMENTS);
console.log(`electionContext (checks, precomputed tables for g and K): ${(performance.now() - t).toFixed(0)} ms`);
const runs = Number(process.argv[2] ?? 20);
t = performance.now();
await encryptBallot(context, { ballotId: 'warm-up', ballotStyleId: BENCH_STYLE, choices: BENCH_CHOICES });
console.log(`first ballot (cold JIT): ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
for (let i = 0; i < runs; i++) await encryptBallot(context, { ballotId: `bench-${i}`, ballotStyleId: BENCH_STYLE, choices: BENCH_CHOICES });
console.log(`${((performance.now() - t) / runs).toFixed(1)} ms per 10-selection ballot (Node ${process.version}, mean of ${runs})`);
