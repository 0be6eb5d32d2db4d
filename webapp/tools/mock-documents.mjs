// MOCK — real ElectionGuard election documents for the development server's elections, so that the
// voting page runs the real browser encryption (src/js/eg) against the mock API. The group constants are
// the ones the Java core wrote into test/vectors/ballots.json; the manifest is the mock election's ballot
// in egk-ec's layout; H_P, H_M, H_B and H_E are computed with eg's own hash functions, so eg's checks
// pass. The guardians' keys are random and made at start-up, without Schnorr proofs (the browser does
// not check those, and nothing here is ever decrypted): good for clicking through, not for a record.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { electionBaseHash, extendedBaseHash, manifestHash, parameterBaseHash } from '../src/js/eg/hash.js';
import { ORDER, P256_CONSTANTS, Point, encodeElement } from '../src/js/eg/group.js';
import { toBase64, toHex, utf8 } from '../src/js/eg/bytes.js';

const vectors = JSON.parse(readFileSync(new URL('../test/vectors/ballots.json', import.meta.url), 'utf8'));
const constants = vectors.documents.constants;

const VARIATION = { REFERENDUM: 'yes_no', ONE_OF_N: 'one_of_m', K_OF_N: 'n_of_m', APPROVAL: 'approval' };

/** The mock election's manifest form (districts, ballot styles, contests) as egk-ec's manifest.json. */
function manifestOf(e) {
  const form = e.manifest;
  return {
    election_scope_id: e.id,
    spec_version: 'v2.0.0',
    type: 'general',
    start_date: e.opensAt,
    end_date: e.closesAt,
    geopolitical_units: form.districts.map(d => ({ object_id: d.id, name: d.nameEn, type: 'municipality' })),
    ballot_styles: form.ballotStyles.map(s => ({ object_id: s.id, geopolitical_unit_ids: s.districtIds, party_ids: [] })),
    contests: form.contests.map((c, i) => ({
      object_id: c.id, sequence_order: i + 1, electoral_district_id: c.districtId, vote_variation: VARIATION[c.kind] || 'one_of_m',
      number_elected: c.limit, votes_allowed: c.limit, name: c.titleEn,
      ballot_selections: c.options.map((o, j) => ({ object_id: o.id, sequence_order: j + 1, candidate_id: `${c.id}-${o.id}` })),
      ballot_title: c.titleEn, ballot_subtitle: '', option_selection_limit: c.optionLimit ?? 1,
    })),
  };
}

const randomScalar = () => {
  for (;;) {
    const s = BigInt(`0x${randomBytes(32).toString('hex')}`);
    if (s > 0n && s < ORDER) return s;
  }
};

/**
 * The four documents a voter's browser reads (constants, manifest as text, config, initialized) for a
 * mock election with a manifest, plus its H_E and K in hex for the election view.
 */
export function electionDocuments(e) {
  const manifestText = JSON.stringify(manifestOf(e), null, 4);
  const hp = parameterBaseHash(constants.protocolVersion, P256_CONSTANTS);
  const hm = manifestHash(hp, utf8(manifestText));
  const hb = electionBaseHash(hp, hm, e.guardians, e.quorum);
  const keys = Array.from({ length: e.guardians }, () => Point.BASE.multiply(randomScalar()));
  const joint = keys.reduce((k, x) => k.add(x));
  const he = extendedBaseHash(hb, joint);
  return {
    extendedBaseHash: toHex(he),
    jointPublicKey: toHex(encodeElement(joint)),
    files: {
      'constants.json': JSON.stringify(constants, null, 4),
      'manifest.json': manifestText,
      'election_config.json': JSON.stringify({
        config_version: '2.1.0', number_of_guardians: e.guardians, quorum: e.quorum,
        parameter_base_hash: toBase64(hp), manifest_hash: toBase64(hm), election_base_hash: toBase64(hb),
        chain_confirmation_codes: false, baux0: '', metadata: { 'Created by': 'Madang development server (mock keys)' },
      }, null, 4),
      'election_initialized.json': JSON.stringify({
        joint_public_key: toBase64(encodeElement(joint)), extended_base_hash: toBase64(he),
        guardians: keys.map((k, i) => ({ guardian_id: `guardian${i + 1}`, x_coordinate: i + 1,
          coefficient_proofs: [{ public_key: toBase64(encodeElement(k)) }] })),
      }, null, 4),
    },
  };
}
