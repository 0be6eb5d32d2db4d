// MOCK — the voting half of the elections API for the development server and the axe runner:
// credentials, ballot intake, the hash-chained bulletin board, signed receipts, results and the record.
// Receipts are real ES256 JWS (a key made at start-up), so the receipt page's local WebCrypto check
// runs for real, and the election documents are real (tools/mock-documents.mjs), so the browser's
// ElectionGuard encryption runs for real; the rest is made up: ballots are not checked
// cryptographically, board hashes are SHA-256 of the entry fields rather than the record's chaining,
// results are invented.
import { createHash, generateKeyPairSync, sign as signBytes, verify as verifyBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';

const sha = s => createHash('sha256').update(s).digest('hex');
const b64url = s => Buffer.from(s).toString('base64url');
const HEX64 = /^[0-9a-f]{64}$/;
const BALLOT_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

function receiptSigner() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwkOf = id => ({ ...publicKey.export({ format: 'jwk' }), kid: `receipts-${id}` });
  const sign = (id, claims) => {
    const input = `${b64url(JSON.stringify({ alg: 'ES256', kid: `receipts-${id}`, typ: 'madang-receipt+jws' }))}.${b64url(JSON.stringify(claims))}`;
    const sig = signBytes('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    return `${input}.${sig.toString('base64url')}`;
  };
  const verify = jws => {
    const [h, p, sig] = String(jws).split('.');
    try {
      const ok = verifyBytes('sha256', Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'));
      return ok ? JSON.parse(Buffer.from(p, 'base64url').toString()) : null;
    } catch { return null; }
  };
  return { jwkOf, sign, verify };
}

const grouped = hex => hex.toUpperCase().match(/.{1,4}/g).join('-');

// A minimal stored (no compression needed, but deflate is smaller) zip: enough for a download link to work.
function crc32(buf) {
  let c = ~0;
  for (const byte of buf) { c ^= byte; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xEDB88320 & -(c & 1)); }
  return ~c >>> 0;
}
function zip(files) {
  const locals = []; const centrals = []; let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text); const packed = deflateRawSync(data); const n = Buffer.from(name);
    const head = Buffer.alloc(30); head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(data.length, 22); head.writeUInt16LE(n.length, 26);
    const cen = Buffer.alloc(46); cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(20, 4); cen.writeUInt16LE(20, 6); cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(crc32(data), 16); cen.writeUInt32LE(packed.length, 20); cen.writeUInt32LE(data.length, 24); cen.writeUInt16LE(n.length, 28); cen.writeUInt32LE(offset, 42);
    locals.push(head, n, packed); centrals.push(cen, n); offset += 30 + n.length + packed.length;
  }
  const central = Buffer.concat(centrals); const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(central.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

export function votingApi() {
  const signer = receiptSigner();
  const boards = new Map(); // election id → entries
  const credentials = new Map(); // election id → Map(email → credential hex)

  function board(e) {
    if (!boards.has(e.id)) {
      // Seeded entries from simulated voters (every seventh a challenge), so the board has pages to browse.
      const entries = [];
      const seeded = e.board;
      for (let i = 0; i < seeded; i++) append(e, entries, { kind: i % 7 === 3 ? 'CHALLENGE' : 'CAST', ballotId: `seed-${i + 1}`,
        code: sha(`code:${e.id}:${i}`), credential: `02${sha(`voter:${e.id}:${i % 50}`)}`, email: null, receivedAt: new Date(Date.parse(e.opensAt) + i * 60000).toISOString() });
      boards.set(e.id, entries);
    }
    return boards.get(e.id);
  }
  function append(e, entries, { kind, ballotId, code, credential, email, receivedAt, ballot }) {
    const position = entries.length + 1;
    const previousHash = entries.length ? entries[entries.length - 1].hash : sha(`genesis:${e.extendedBaseHash}`);
    const hash = sha([previousHash, position, kind, ballotId, code, credential, receivedAt].join('|'));
    const claims = { electionId: e.id, ballotId, kind, confirmationCode: code, position, chainHash: hash, receivedAt };
    const entry = { position, kind, ballotId, confirmationCode: code, credential, receivedAt, previousHash, hash,
      email, ballot, receipt: signer.sign(e.id, claims) };
    entries.push(entry);
    e.board = entries.length;
    e.boardHeadHex = hash;
    return entry;
  }
  const entryView = ({ position, kind, ballotId, confirmationCode, credential, receivedAt, previousHash, hash }) =>
    ({ position, kind, ballotId, confirmationCode, credential, receivedAt, previousHash, hash });
  const lastCastBy = (entries, credential) => [...entries].reverse().find(x => x.kind === 'CAST' && x.credential === credential);
  const receiptView = (e, x) => ({ receipt: x.receipt, electionId: e.id, ballotId: x.ballotId, kind: x.kind, confirmationCode: x.confirmationCode,
    confirmationCodeGrouped: grouped(x.confirmationCode), position: x.position, chainHash: x.hash, receivedAt: x.receivedAt,
    counted: x.kind === 'CAST' && lastCastBy(board(e), x.credential) === x });
  const credentialOf = (e, email, rollEntry) => {
    const mine = credentials.get(e.id)?.get(email);
    if (mine) return mine;
    return rollEntry?.credentialRegistered ? `03${sha(`cred:${e.id}:${email}`)}` : null;
  };

  function results(e) {
    const form = e.manifest;
    const counted = Math.max(0, board(e).filter(x => x.kind === 'CAST').length - 3);
    return {
      electionId: e.id,
      contests: form.contests.map(c => {
        let left = counted;
        const options = c.options.map((o, j) => {
          const v = j === c.options.length - 1 ? Math.max(0, Math.round(left * 0.9)) : Math.round(left * (0.35 + (parseInt(sha(`${e.id}${c.id}${o.id}`).slice(0, 2), 16) / 255) * 0.3));
          left -= Math.min(left, v);
          return { id: o.id, nameKo: o.nameKo, nameEn: o.nameEn, votes: v * (c.limit > 1 ? 2 : 1) > counted * c.limit ? counted : v };
        });
        return { id: c.id, titleKo: c.titleKo, titleEn: c.titleEn, kind: c.kind, ballots: counted, options };
      }),
      turnout: { eligible: Math.max(e.roll.length, Math.round(counted * 1.6)), counted },
    };
  }
  const recordFiles = e => ['constants.json', 'election_config.json', 'election_initialized.json', 'manifest.json', 'encrypted_tally.json', 'tally.json',
    ...board(e).slice(0, 5).map(x => (x.kind === 'CAST' ? `encrypted_ballots/madang-web/eballot-${x.ballotId}.json` : `challenged_ballots/cballot-${x.ballotId}.json`)),
    'madang/board.json', 'madang/credentials.json', 'madang/counted.json', 'madang/receipt_key.json'];

  function verifyReceipt(elections, body, answer) {
    const none = { signatureValid: false, onBoard: false, entry: null };
    const claims = signer.verify(typeof body?.receipt === 'string' ? body.receipt : '');
    const e = claims && elections.find(x => x.id === claims.electionId);
    if (!e) return answer(200, none);
    const x = board(e).find(y => y.confirmationCode === claims.confirmationCode && y.position === claims.position && y.hash === claims.chainHash);
    return answer(200, { signatureValid: true, onBoard: !!x, entry: x ? entryView(x) : null });
  }

  /** Handles one sub-path of /api/elections/{id}/…; returns true when it answered. */
  async function handle(req, ctx) {
    const { e, sub, me, b, url, res, answer, fail, invalidState, L } = ctx;
    const signIn = () => fail(401, 'unauthorized', '로그인 필요', 'Sign-in required', '로그인해 주세요.', 'Please sign in.');
    const notPublished = () => invalidState('결과가 아직 공개되지 않았습니다.', 'The results have not been published yet.');
    const keyed = !['DRAFT', 'KEY_CEREMONY', 'CANCELLED'].includes(e.state) && e.extendedBaseHash;

    if (sub === 'me' && req.method === 'GET') {
      if (!me) return signIn();
      const r = e.roll.find(x => x.email === me.email);
      if (!r) return answer(200, { eligible: false, district: null, ballotStyle: null, credential: null, lastReceipt: null });
      const credential = credentialOf(e, me.email, r);
      const last = credential && lastCastBy(board(e), credential);
      return answer(200, { eligible: true, district: r.district, ballotStyle: r.ballotStyle, credential, lastReceipt: last ? receiptView(e, last) : null });
    }
    if (sub === 'me/credential' && req.method === 'PUT') {
      if (!me) return signIn();
      const r = e.roll.find(x => x.email === me.email);
      if (!r) return fail(403, 'forbidden', '권한 없음', 'Forbidden', '이 선거의 선거인 명부에 없습니다.', 'You are not on the roll of this election.');
      if (!['DRAFT', 'KEY_CEREMONY', 'READY', 'OPEN'].includes(e.state)) return invalidState('투표가 마감되어 자격증명을 등록할 수 없습니다.', 'Voting has closed: credentials can no longer be registered.');
      const cred = String(b.credential || '').toLowerCase();
      if (!/^0[23][0-9a-f]{64}$/.test(cred)) {
        return fail(422, 'invalid-input', '입력값 오류', 'Invalid input', '자격증명 형식이 올바르지 않습니다.', 'The credential is not a compressed P-256 point.',
          { errors: [{ field: 'credential', message: L('66자리 16진수여야 합니다.', 'Expected 66 hexadecimal digits.') }] });
      }
      if (!credentials.has(e.id)) credentials.set(e.id, new Map());
      credentials.get(e.id).set(me.email, cred);
      r.credentialRegistered = true;
      res.writeHead(204); res.end();
      return true;
    }
    if (sub.startsWith('documents/') && req.method === 'GET') {
      const name = sub.slice('documents/'.length);
      if (!keyed) return invalidState('키 생성 의식이 끝나야 선거 문서가 공개됩니다.', 'The election documents are published when the key ceremony is complete.');
      // The documents as text (the manifest's hash covers its exact bytes); see tools/mock-documents.mjs.
      const text = e.documents?.[name];
      if (!text) return fail(404, 'not-found', '찾을 수 없음', 'Not found', '', '');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(text);
      return true;
    }
    if (sub === 'ballots' && req.method === 'POST') {
      if (!me) return signIn();
      const r = e.roll.find(x => x.email === me.email);
      if (!r) return fail(403, 'forbidden', '권한 없음', 'Forbidden', '이 선거의 선거인 명부에 없습니다.', 'You are not on the roll of this election.');
      if (e.state !== 'OPEN') return invalidState('투표 기간이 아닙니다.', 'The election is not open for voting.');
      const credential = credentialOf(e, me.email, r);
      if (!credential) return invalidState('먼저 자격증명을 등록해 주세요.', 'Register a credential first.');
      const ballot = b.ballot;
      const code = (() => { try { return Buffer.from(String(ballot?.confirmation_code || ''), 'base64').toString('hex'); } catch { return ''; } })();
      if (!ballot || typeof ballot !== 'object' || !BALLOT_ID.test(String(ballot.ballot_id || '')) || !HEX64.test(code)
          || !['CAST', 'CHALLENGED'].includes(ballot.state) || !/^[0-9a-f]{128}$/i.test(String(b.signature || ''))) {
        return fail(400, 'malformed-request', '잘못된 요청', 'Malformed request', '투표지 형식이 올바르지 않습니다.', 'The ballot is not well formed.');
      }
      if (ballot.ballot_style_id !== r.ballotStyle) return fail(422, 'invalid-input', '입력값 오류', 'Invalid input', '내 투표용지 유형이 아닙니다.', 'This is not your ballot style.');
      const entries = board(e);
      const same = entries.find(x => x.ballotId === ballot.ballot_id);
      if (same) {
        if (same.confirmationCode === code && same.email === me.email) return answer(200, receiptView(e, same));
        return fail(409, 'conflict', '충돌', 'Conflict', '이미 쓰인 투표지 ID입니다.', 'This ballot id is already taken.');
      }
      const x = append(e, entries, { kind: ballot.state === 'CAST' ? 'CAST' : 'CHALLENGE', ballotId: ballot.ballot_id, code, credential,
        email: me.email, receivedAt: new Date().toISOString(), ballot });
      return answer(201, receiptView(e, x));
    }
    if (sub === 'board' && req.method === 'GET') {
      const page = Math.max(0, Number(url.searchParams.get('page') || 0));
      const size = Math.min(200, Math.max(1, Number(url.searchParams.get('size') || 50)));
      const raw = (url.searchParams.get('code') || '').replace(/-/g, '').trim().toLowerCase();
      if (raw && !/^[0-9a-f]{1,64}$/.test(raw)) {
        return fail(422, 'invalid-input', '입력값 오류', 'Invalid input', '확인 코드는 16진수로 입력해 주세요.', 'Enter the confirmation code in hexadecimal.',
          { errors: [{ field: 'code', message: L('0-9와 A-F만 쓸 수 있습니다.', 'Use 0-9 and A-F only.') }] });
      }
      const all = board(e).filter(x => !raw || x.confirmationCode.startsWith(raw));
      return answer(200, { items: all.slice(page * size, page * size + size).map(entryView), page, size, total: all.length, head: e.boardHeadHex || null });
    }
    const byCode = /^board\/([0-9A-Fa-f-]+)$/.exec(sub);
    if (byCode && req.method === 'GET') {
      const x = board(e).find(y => y.confirmationCode === byCode[1].replace(/-/g, '').toLowerCase());
      return x ? answer(200, entryView(x)) : fail(404, 'not-found', '찾을 수 없음', 'Not found', '게시판에 없는 확인 코드입니다.', 'No ballot with this code is on the board.');
    }
    if (sub === 'receipt-key' && req.method === 'GET') {
      if (['DRAFT', 'KEY_CEREMONY', 'READY', 'CANCELLED'].includes(e.state)) return invalidState('투표가 시작되면 영수증 키가 공개됩니다.', 'The receipt key is published when voting opens.');
      return answer(200, { jwk: signer.jwkOf(e.id) });
    }
    if (sub === 'results' && req.method === 'GET') {
      if (e.state !== 'PUBLISHED') return notPublished();
      return answer(200, results(e));
    }
    if (sub === 'record' && req.method === 'GET') {
      if (e.state !== 'PUBLISHED') return notPublished();
      return answer(200, { files: recordFiles(e) });
    }
    if (sub.startsWith('record/') && req.method === 'GET') {
      if (e.state !== 'PUBLISHED') return notPublished();
      const path = sub.slice('record/'.length);
      if (!recordFiles(e).includes(path)) return fail(404, 'not-found', '찾을 수 없음', 'Not found', '', '');
      return answer(200, { mock: `MOCK record file ${path}` });
    }
    if (sub === 'record.zip' && req.method === 'GET') {
      if (e.state !== 'PUBLISHED') return notPublished();
      const data = zip([['README-MOCK.txt', 'MOCK election record from the Madang development server; not a real ElectionGuard record.\n'],
        ...recordFiles(e).map(f => [f, JSON.stringify({ mock: `MOCK record file ${f}` })])]);
      res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="election-record-${e.id}.zip"` });
      res.end(data);
      return true;
    }
    return false;
  }

  return { handle, verifyReceipt, head: e => (board(e).at(-1)?.hash ?? null) };
}
