// The voter's credential on their own device: the small JSON file they save, the printable code,
// and reading either back. The secret never goes to the server; only the public credential is
// registered. Unit-tested in test/credential-file.test.js.

export const CREDENTIAL_FORMAT = 'madang-voter-credential-v1';
const SECRET_RE = /^[0-9a-f]{64}$/;
const CREDENTIAL_RE = /^0[23][0-9a-f]{64}$/;

const fail = key => Object.assign(new Error(key), { key });

export function credentialFileText({ electionId, electionTitle = '', secret, credential, createdAt = new Date().toISOString() }) {
  return JSON.stringify({ format: CREDENTIAL_FORMAT, electionId, election: electionTitle, credential, secret, createdAt,
    note: 'Keep this file private: it lets you vote in this election. / 이 파일은 다른 사람에게 보여 주지 마세요. 이 선거에서 투표할 때 필요합니다.' }, null, 2);
}

/** 'ABCD EF01 …' in lines of four groups: the secret as the voter writes it down or prints it. */
export function printableSecret(hex) {
  const groups = String(hex).toUpperCase().match(/.{1,4}/g) || [];
  const lines = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(' '));
  return lines.join('\n');
}

/** A typed-in printed code → 64 lower-case hex digits (spaces, dashes and line breaks ignored). */
export function normaliseSecret(text) {
  const hex = String(text ?? '').replace(/[\s-]/g, '').toLowerCase();
  if (!SECRET_RE.test(hex)) throw fail('vote.v.secretFormat');
  return hex;
}

/**
 * A saved credential file → {secret, credential}. Refuses a file of another election, and one
 * whose public credential is not the one registered (when `registered` is known).
 */
export function parseCredentialFile(text, electionId, registered = null) {
  let obj;
  try { obj = JSON.parse(String(text ?? '')); } catch { throw fail('vote.v.credentialFile'); }
  if (obj?.format !== CREDENTIAL_FORMAT || !SECRET_RE.test(String(obj.secret).toLowerCase())
      || !CREDENTIAL_RE.test(String(obj.credential).toLowerCase())) throw fail('vote.v.credentialFile');
  if (electionId && obj.electionId !== electionId) throw fail('vote.v.credentialElection');
  const credential = obj.credential.toLowerCase();
  if (registered && registered.toLowerCase() !== credential) throw fail('vote.v.credentialMismatch');
  return { secret: obj.secret.toLowerCase(), credential };
}

export const isCredentialHex = hex => CREDENTIAL_RE.test(String(hex ?? '').toLowerCase());
