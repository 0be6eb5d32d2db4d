// The made-up election both encryption benchmarks use (bench-encrypt.mjs in Node, bench-browser.mjs in
// Chromium): a 1-of-4 contest and a 3-of-6 approval contest (10 selections), one guardian with a fixed
// key, and the base hashes computed as the server computes them, so electionContext accepts it.
import { toBase64, utf8 } from '../src/js/eg/bytes.js';
import { P256_CONSTANTS, Point, encodeElement } from '../src/js/eg/group.js';
import { electionBaseHash, extendedBaseHash, manifestHash, parameterBaseHash } from '../src/js/eg/hash.js';

const contest = (id, seq, limit, options) => ({
  object_id: id, sequence_order: seq, electoral_district_id: 'nation', votes_allowed: limit, option_selection_limit: 1,
  ballot_selections: options.map((o, i) => ({ object_id: o, sequence_order: i + 1 })),
});
const manifest = JSON.stringify({
  election_scope_id: 'bench', ballot_styles: [{ object_id: 'all', geopolitical_unit_ids: ['nation'] }],
  contests: [contest('mayor', 1, 1, ['a', 'b', 'c', 'd']), contest('projects', 2, 3, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'])],
}, null, 4);
const hp = parameterBaseHash('v2.1.0', P256_CONSTANTS);
const hm = manifestHash(hp, utf8(manifest));
const hb = electionBaseHash(hp, hm, 1, 1);
const K = Point.BASE.multiply(0x5eed5eed5eed5eed5eed5eed5eed5eed5eed5eedn);

/** The four election documents, plain JSON (the manifest as text), ready for electionContext. */
export const BENCH_DOCUMENTS = {
  constants: { name: 'P-256', type: 'EllipticCurve', protocolVersion: 'v2.1.0',
    constants: Object.fromEntries(Object.entries(P256_CONSTANTS).map(([k, v]) => [k, v.toString(16)])) },
  manifest,
  election_config: { number_of_guardians: 1, quorum: 1, parameter_base_hash: toBase64(hp), manifest_hash: toBase64(hm),
    election_base_hash: toBase64(hb), chain_confirmation_codes: false, baux0: '' },
  election_initialized: { joint_public_key: toBase64(encodeElement(K)), extended_base_hash: toBase64(extendedBaseHash(hb, K)),
    guardians: [{ guardian_id: 'g1', x_coordinate: 1, coefficient_proofs: [{ public_key: toBase64(encodeElement(K)) }] }] },
};
export const BENCH_STYLE = 'all';
/** One mark in the 1-of-4 contest, three in the approval contest: ten selections encrypted, each with its range proof. */
export const BENCH_CHOICES = { mayor: { b: 1 }, projects: { p1: 1, p4: 1, p6: 1 } };
