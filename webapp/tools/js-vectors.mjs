// Writes test/vectors/js-ballots.json (npm run vectors): ballots the JS code encrypted with
// random master nonces, each signed with a fresh credential, together with the election
// documents they belong to (those of the Java vectors). The Java test JsBallotsVerifyTest checks
// every one with BallotVerifier, BallotOpening and CredentialSignature; eg.test.js reopens them
// with their stored nonces so that the fixture cannot silently go stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { electionContext, encryptBallot, generateCredential, signBallot } from '../src/js/eg/index.js';

const vectors = JSON.parse(readFileSync(new URL('../test/vectors/ballots.json', import.meta.url), 'utf8'));
const context = electionContext(vectors.documents);

const cases = [
  { ballotStyleId: 'style-all', state: 'CAST',
    choices: { 'referendum-housing': { no: 1 }, mayor: { park: 1 }, 'park-projects': { library: 1, market: 1, garden: 1 }, 'budget-points': { roads: 1, parks: 2 } } },
  // over-votes: the limit of a 1-of-2 contest, and an option's limit of 2 in the cumulative contest
  { ballotStyleId: 'style-all', state: 'CHALLENGED',
    choices: { 'referendum-housing': { yes: 1, no: 1 }, 'budget-points': { schools: 3 } } },
  { ballotStyleId: 'style-nation', state: 'CAST', choices: { mayor: { choi: 1 } } },
];

const ballots = [];
for (const [i, c] of cases.entries()) {
  const { ballot, confirmationCode, masterNonce } = await encryptBallot(context, { ballotId: `js-${i + 1}`, ...c });
  const { secret, credential } = generateCredential();
  ballots.push({ choices: c.choices, master_nonce: masterNonce, confirmation_code: confirmationCode, credential,
    signature: signBallot(secret, context.extendedBaseHashHex, confirmationCode), ballot });
}
const out = {
  comment: 'Written by webapp/tools/js-vectors.mjs (npm run vectors): ballots encrypted by webapp/src/js/eg with random nonces; checked by JsBallotsVerifyTest (Java) and eg.test.js.',
  documents: vectors.documents,
  ballots,
};
writeFileSync(new URL('../test/vectors/js-ballots.json', import.meta.url), JSON.stringify(out, null, 4) + '\n');
console.log(`wrote ${ballots.length} ballots to test/vectors/js-ballots.json`);
