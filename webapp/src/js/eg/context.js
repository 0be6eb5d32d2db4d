// An election's encryption context, built from the four documents the server publishes once the
// key ceremony is complete. Everything is checked that a voter's device can check by itself:
// the group is the standard P-256, and H_P → H_M → H_B → H_E chain up to the joint key K, which
// must be the product of the guardians' published public keys.
import { fromBase64, toHex, utf8, equalBytes } from './bytes.js';
import { FixedBase, P256_CONSTANTS, Point, decodeElement, generator } from './group.js';
import { electionBaseHash, extendedBaseHash, manifestHash, parameterBaseHash } from './hash.js';

function pick(documents, ...names) {
  for (const n of names) if (documents[n] !== undefined) return documents[n];
  throw new Error(`missing election document ${names[names.length - 1]}`);
}

function need(obj, name, type, where) {
  const v = obj?.[name];
  if (typeof v !== type) throw new Error(`${where}.${name}: expected a ${type}`);
  return v;
}

function count(obj, name, where) {
  const v = obj?.[name];
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${where}.${name}: expected a non-negative integer`);
  return v;
}

function hash32(obj, name, where) {
  const b = fromBase64(need(obj, name, 'string', where));
  if (b.length !== 32) throw new Error(`${where}.${name}: a hash value must be 32 bytes`);
  return b;
}

function element(b64, where) {
  try {
    return decodeElement(fromBase64(b64));
  } catch (e) {
    throw new Error(`${where}: ${e.message}`);
  }
}

/** constants.json must describe the standard P-256 group, value by value (hex, as Java writes it). */
function readConstants(c) {
  if (c?.type !== 'EllipticCurve' || c?.name !== 'P-256') {
    throw new Error('constants.json: only the P-256 group is supported in the browser');
  }
  const params = {};
  for (const [name, value] of Object.entries(P256_CONSTANTS)) {
    const s = c.constants?.[name];
    if (typeof s !== 'string' || !/^[0-9a-fA-F]+$/.test(s) || BigInt('0x' + s) !== value) {
      throw new Error(`constants.json does not describe the standard P-256 group: parameter '${name}' differs or is missing`);
    }
    params[name] = value;
  }
  return { protocolVersion: need(c, 'protocolVersion', 'string', 'constants.json'), params };
}

/** manifest.json as RecordJson.readManifest reads it. */
function readManifest(m) {
  const contests = (m.contests ?? []).map((c, i) => {
    const where = `manifest.json.contests[${i}]`;
    return {
      contestId: need(c, 'object_id', 'string', where),
      sequenceOrder: count(c, 'sequence_order', where),
      electoralDistrictId: c.electoral_district_id ?? '',
      contestLimit: count(c, 'votes_allowed', where),
      optionLimit: c.option_selection_limit == null ? 1 : count(c, 'option_selection_limit', where),
      selections: (c.ballot_selections ?? []).map((s, j) => ({
        selectionId: need(s, 'object_id', 'string', `${where}.ballot_selections[${j}]`),
        sequenceOrder: count(s, 'sequence_order', `${where}.ballot_selections[${j}]`),
      })),
    };
  });
  const ballotStyles = (m.ballot_styles ?? []).map((s, i) => ({
    ballotStyleId: need(s, 'object_id', 'string', `manifest.json.ballot_styles[${i}]`),
    geopoliticalUnitIds: s.geopolitical_unit_ids ?? [],
  }));
  return { contests, ballotStyles };
}

/**
 * @param documents {constants, manifest, election_config, election_initialized} (or keyed by the
 *   file names 'constants.json', …). The manifest may be given as the text the server sent: then
 *   its hash H_M is checked too (H_M hashes the published bytes, which a parsed object has lost).
 */
export function electionContext(documents) {
  const { protocolVersion, params } = readConstants(pick(documents, 'constants', 'constants.json'));
  const manifestDoc = pick(documents, 'manifest', 'manifest.json');
  const manifestText = typeof manifestDoc === 'string' ? manifestDoc : null;
  const manifest = readManifest(manifestText === null ? manifestDoc : JSON.parse(manifestText));
  const config = pick(documents, 'election_config', 'election_config.json');
  const init = pick(documents, 'election_initialized', 'election_initialized.json');

  const hp = parameterBaseHash(protocolVersion, params);
  if (!equalBytes(hp, hash32(config, 'parameter_base_hash', 'election_config.json'))) {
    throw new Error('election_config.json: parameter_base_hash is not H_P of constants.json');
  }
  const hm = hash32(config, 'manifest_hash', 'election_config.json');
  if (manifestText !== null && !equalBytes(hm, manifestHash(hp, utf8(manifestText)))) {
    throw new Error('election_config.json: manifest_hash is not H_M of manifest.json');
  }
  const guardians = count(config, 'number_of_guardians', 'election_config.json');
  const quorum = count(config, 'quorum', 'election_config.json');
  if (guardians < 1 || quorum < 1 || quorum > guardians) throw new Error('election_config.json: need 1 <= quorum <= number_of_guardians');
  const hb = electionBaseHash(hp, hm, guardians, quorum);
  if (!equalBytes(hb, hash32(config, 'election_base_hash', 'election_config.json'))) {
    throw new Error('election_config.json: election_base_hash is not H_B of H_P, H_M, n and k');
  }
  // A browser is a fresh device for every ballot: it cannot keep a confirmation-code chain.
  if (config.chain_confirmation_codes === true) throw new Error('election_config.json: chained confirmation codes are not supported in the browser');
  const baux0 = config.baux0 ? fromBase64(config.baux0) : new Uint8Array(0);

  const K = element(need(init, 'joint_public_key', 'string', 'election_initialized.json'), 'election_initialized.json.joint_public_key');
  if (K.is0()) throw new Error('election_initialized.json: the joint public key is the identity');
  const he = extendedBaseHash(hb, K);
  if (!equalBytes(he, hash32(init, 'extended_base_hash', 'election_initialized.json'))) {
    throw new Error('election_initialized.json: extended_base_hash is not H_E of H_B and K');
  }
  // K = Π K_i: the key ballots are encrypted to is the one the guardians' commitments make up.
  const gs = init.guardians ?? [];
  if (gs.length !== guardians) throw new Error(`election_initialized.json: ${gs.length} guardians, the configuration says ${guardians}`);
  let product = Point.ZERO;
  gs.forEach((g, i) => {
    const ki = g?.coefficient_proofs?.[0]?.public_key;
    product = product.add(element(ki, `election_initialized.json.guardians[${i}].coefficient_proofs[0].public_key`));
  });
  if (!product.equals(K)) throw new Error('election_initialized.json: the joint public key is not the product of the guardians\' keys');

  generator(); // builds g's table now, while the page loads, rather than when the voter submits
  return Object.freeze({
    parameterBaseHash: hp,
    manifestHash: hm,
    manifestHashChecked: manifestText !== null,
    electionBaseHash: hb,
    extendedBaseHash: he,
    extendedBaseHashHex: toHex(he),
    jointPublicKey: K,
    keyBase: new FixedBase(K),
    baux0,
    manifest,
  });
}

/** Manifest contests of a ballot style, in the order a ballot encrypts them (BallotEncryptor.contestsFor). */
export function styleContests(context, ballotStyleId) {
  const { contests, ballotStyles } = context.manifest;
  const bySequence = list => [...list].sort((a, b) => a.sequenceOrder - b.sequenceOrder);
  if (ballotStyles.length === 0) return bySequence(contests);
  const style = ballotStyles.find(s => s.ballotStyleId === ballotStyleId);
  if (!style) throw new Error(`ballot style '${ballotStyleId}' is not in the manifest`);
  const units = new Set(style.geopoliticalUnitIds);
  return bySequence(contests.filter(c => units.has(c.electoralDistrictId)));
}

export function contestsForStyle(context, ballotStyleId) {
  return styleContests(context, ballotStyleId).map(c => ({
    contestId: c.contestId,
    limit: c.contestLimit,
    optionLimit: c.optionLimit,
    selections: c.selections.map(s => ({ selectionId: s.selectionId })),
  }));
}
