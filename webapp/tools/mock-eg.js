// MOCK — FAKE BALLOT "ENCRYPTION", FOR THE DEVELOPMENT SERVER ONLY. NOTHING HERE IS CRYPTOGRAPHY.
//
// tools/serve.mjs serves this file at /js/eg/index.js while the build holds the stub of src/js/eg
// (the real module comes with the jscrypto branch), so that the voting page can be clicked through
// and checked with axe against the mock API (tools/mock-voting.mjs). It has the real module's
// exports; the "ciphertexts" are the votes plus a number derived from the nonce, the confirmation
// code and the signature are a non-cryptographic hash. Never ship it.

const MARK = 'MOCK — not encrypted (tools/mock-eg.js)';

function fnvHex(text, length = 64) {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    out += h.toString(16).padStart(8, '0');
    text = `${text}:${h}`;
  }
  return out.slice(0, length);
}
const randomHex = n => Array.from(crypto.getRandomValues(new Uint8Array(n)), b => b.toString(16).padStart(2, '0')).join('');
const hexToBase64 = hex => btoa(String.fromCharCode(...hex.match(/../g).map(x => parseInt(x, 16))));
const pad = (nonce, contestId, selectionId) => parseInt(fnvHex(`${nonce}|${contestId}|${selectionId}`, 6), 16);

export function electionContext(documents) {
  const raw = documents.manifest ?? documents['manifest.json'];
  const manifest = typeof raw === 'string' ? JSON.parse(raw) : raw;
  if (!manifest?.mock) throw new Error('mock-eg: these are not the mock server\'s documents');
  const init = documents.election_initialized ?? documents.initialized ?? documents['election_initialized.json'];
  return { mock: MARK, manifest, extendedBaseHashHex: init?.extended_base_hash_hex, manifestHashChecked: false };
}

export function contestsForStyle(context, ballotStyleId) {
  const style = context.manifest.ballot_styles.find(s => s.object_id === ballotStyleId);
  if (!style) throw new Error(`ballot style '${ballotStyleId}' is not in the manifest`);
  return context.manifest.contests
    .filter(c => style.geopolitical_unit_ids.includes(c.electoral_district_id))
    .sort((a, b) => a.sequence_order - b.sequence_order)
    .map(c => ({ contestId: c.object_id, limit: c.votes_allowed, optionLimit: c.option_limit ?? 1, selections: c.selections.map(s => ({ selectionId: s.object_id })) }));
}

export async function encryptBallot(context, { ballotId, ballotStyleId, choices = {}, state = 'CAST', onProgress }) {
  const nonce = randomHex(32);
  const specs = contestsForStyle(context, ballotStyleId);
  const total = specs.reduce((n, c) => n + c.selections.length, 0);
  let done = 0;
  const contests = [];
  for (const c of specs) {
    contests.push({ contest_id: c.contestId, selections: c.selections.map(s => ({ selection_id: s.selectionId,
      mock_sealed: (choices[c.contestId]?.[s.selectionId] ?? 0) + pad(nonce, c.contestId, s.selectionId) })) });
    done += c.selections.length;
    onProgress?.({ done, total });
    await new Promise(r => setTimeout(r, 150)); // something to see on the progress bar
  }
  const code = fnvHex(`${ballotId}|${JSON.stringify(contests)}`);
  const ballot = { mock: MARK, ballot_id: ballotId, ballot_style_id: ballotStyleId, encrypting_device: 'madang-web',
    timestamp: Math.floor(Date.now() / 1000), confirmation_code: hexToBase64(code), contests, state, is_preencrypt: false };
  return { ballot, confirmationCode: code, masterNonce: nonce };
}

export function openBallotDetails(context, ballot, masterNonceHex) {
  if (!/^[0-9a-f]{64}$/i.test(masterNonceHex)) throw new Error('the master nonce is 64 hexadecimal digits');
  const out = {};
  for (const c of ballot.contests) {
    const votes = {};
    for (const s of c.selections) votes[s.selection_id] = s.mock_sealed - pad(masterNonceHex, c.contest_id, s.selection_id);
    out[c.contest_id] = { votes, status: 'mock', overvotes: [], writeIns: [] };
  }
  return out;
}

export function openBallot(context, ballot, masterNonceHex) {
  const out = {};
  for (const [id, c] of Object.entries(openBallotDetails(context, ballot, masterNonceHex))) out[id] = c.votes;
  return out;
}

export function generateCredential() {
  const secret = randomHex(32);
  return { secret, credential: `02${fnvHex(`credential|${secret}`)}` };
}

export function signBallot(secretHex, extendedBaseHashHex, confirmationCodeHex) {
  return fnvHex(`sign|${secretHex}|${extendedBaseHashHex}|${confirmationCodeHex}`, 128);
}

export function verifyBallotSignature() { return false; }

export function groupedCode(hex) {
  return hex.toUpperCase().match(/.{1,4}/g)?.join('-') ?? '';
}
