// Development server: serves dist/ with the production Content-Security-Policy and a small
// in-memory mock of the Madang API (enough to click through every page and run axe).
// Usage: node tools/serve.mjs [port]   — sign in as admin@madang.test / correct-horse
// (election@madang.test is an election administrator; every mock account has the same password)
import { createServer } from 'node:http';
import { consultationsApi } from './mock-consultations.mjs';
import { forumsApi } from './mock-forums.mjs';
import { pollsApi } from './mock-polls.mjs';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { electionsApi } from './mock-elections.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png' };
const PASSWORD = 'correct-horse';

const now = () => new Date().toISOString();
const users = [
  { id: 1, email: 'admin@madang.test', displayName: '관리자', identityLevel: 'VERIFIED_RESIDENT',
    roles: [{ role: 'ADMIN' }, { role: 'AUDITOR' }], totpEnabled: false, createdAt: now() },
  { id: 2, email: 'citizen@madang.test', displayName: '홍길동', identityLevel: 'REGISTERED',
    roles: [{ role: 'CITIZEN' }], totpEnabled: false, createdAt: now() },
  { id: 3, email: 'mfa@madang.test', displayName: 'MFA', identityLevel: 'REGISTERED',
    roles: [{ role: 'CITIZEN' }], totpEnabled: true, createdAt: now() },
  { id: 4, email: 'election@madang.test', displayName: '선거관리자', identityLevel: 'VERIFIED_RESIDENT', district: 'seoul-jongno',
    roles: [{ role: 'ELECTION_ADMIN' }], totpEnabled: false, createdAt: now() },
  ...[1, 2, 3].map(i => ({ id: 4 + i, email: `trustee${i}@madang.test`, displayName: `수탁자 ${i}`, identityLevel: 'REGISTERED',
    roles: [{ role: 'CITIZEN' }], totpEnabled: false, createdAt: now() })),
  ...[1, 2, 3, 4].map(i => ({ id: 7 + i, email: `resident${i}@madang.test`, displayName: `주민 ${i}`, identityLevel: 'VERIFIED_RESIDENT',
    district: i % 2 ? 'seoul-jongno' : 'seoul-jung', roles: [{ role: 'CITIZEN' }], totpEnabled: false, createdAt: now() })),
  { id: 12, email: 'moderator@madang.test', displayName: '운영자', identityLevel: 'REGISTERED',
    roles: [{ role: 'CITIZEN' }, { role: 'MODERATOR' }], totpEnabled: false, createdAt: now() },
];
const orgs = [
  { id: 1, nameKo: '행정안전부', nameEn: 'Ministry of the Interior and Safety', kind: 'MINISTRY', parentId: null, version: 1 },
  { id: 2, nameKo: '국가기록원', nameEn: 'National Archives of Korea', kind: 'AGENCY', parentId: 1, version: 1 },
  { id: 3, nameKo: '환경부', nameEn: 'Ministry of Environment', kind: 'MINISTRY', parentId: null, version: 1 },
];
const outbox = [{ id: 1, to: 'citizen@madang.test', subject: '마당 가입 확인', status: 'SENT', createdAt: now(),
  body: '아래 링크를 눌러 주세요.\nhttp://localhost/verify-email.html?token=abc' }];
const audit = [1, 2, 3].map(seq => ({ seq, at: now(), actor: 'admin@madang.test', action: 'ORG_CREATED',
  target: `organisation:${seq}`, detail: { seq }, hash: `h${seq}`.padEnd(64, '0'), previousHash: `h${seq - 1}`.padEnd(64, '0') }));
const sessions = new Map();

function cookies(req) {
  return Object.fromEntries((req.headers.cookie || '').split(';').map(c => c.trim().split('=')).filter(p => p[0]));
}
function problem(res, status, title, detail, extra = {}) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ type: `https://madang.example/problems/${extra.slug || 'error'}`, title, status, detail, ...extra.body }));
}
function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
const publicUser = u => ({ id: u.id, email: u.email, displayName: u.displayName, identityLevel: u.identityLevel, roles: u.roles,
  activeRoles: u.roles.map(r => r.role), totpEnabled: u.totpEnabled });
async function readText(req) {
  let s = '';
  for await (const c of req) s += c;
  return s;
}
function parseJson(s) {
  try { return s ? JSON.parse(s) : {}; } catch { return {}; }
}
const elections = electionsApi({ users });
function startSession(res, u) {
  const sid = randomUUID();
  const csrf = randomUUID();
  sessions.set(sid, { userId: u.id, csrf });
  json(res, 200, { user: publicUser(u), csrfToken: csrf }, {
    'Set-Cookie': [`madang_session=${sid}; Path=/; HttpOnly; SameSite=Strict`, `madang_csrf=${csrf}; Path=/; SameSite=Strict`] });
}

async function api(req, res, url) {
  const c = cookies(req);
  const session = sessions.get(c.madang_session);
  const me = session && users.find(u => u.id === session.userId);
  const ko = (req.headers['accept-language'] || 'ko').startsWith('ko');
  const L = (k, e) => (ko ? k : e);
  if (!['GET', 'HEAD'].includes(req.method) && session && req.headers['x-csrf-token'] !== session.csrf
      && url.pathname !== '/api/sessions') {
    return problem(res, 403, L('CSRF 토큰 오류', 'CSRF token mismatch'), '');
  }
  const p = url.pathname;
  const raw = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) ? await readText(req) : '';
  const b = /json/.test(req.headers['content-type'] || 'json') ? parseJson(raw) : {};
  if (p === '/api/sessions' && req.method === 'POST') {
    const u = users.find(x => x.email === b.email);
    if (!u || b.password !== PASSWORD) return problem(res, 401, L('로그인 실패', 'Sign-in failed'), L('이메일 또는 비밀번호가 올바르지 않습니다.', 'Wrong e-mail or password.'));
    if (u.totpEnabled && !b.totpCode) return problem(res, 401, L('추가 인증 필요', 'Second factor required'), '', { slug: 'mfa-required' });
    if (u.totpEnabled && b.totpCode !== '123456') return problem(res, 401, L('인증 코드 오류', 'Wrong code'), L('인증 코드가 올바르지 않습니다.', 'The code is not valid.'), { body: { errors: [{ field: 'totpCode', message: L('코드가 틀렸습니다.', 'Wrong code.') }] } });
    return startSession(res, u);
  }
  if (p === '/api/sessions/refresh') return problem(res, 401, L('로그인 필요', 'Sign-in required'), '');
  if (p === '/api/accounts' && req.method === 'POST') {
    if (users.some(u => u.email === b.email)) return problem(res, 409, L('이미 가입된 이메일', 'E-mail taken'), L('이미 사용 중인 이메일입니다.', 'That e-mail is already registered.'), { body: { errors: [{ field: 'email', message: L('이미 사용 중입니다.', 'Already in use.') }] } });
    const u = { id: users.length + 1, email: b.email, displayName: b.displayName, identityLevel: 'REGISTERED', roles: [{ role: 'CITIZEN' }], totpEnabled: false, createdAt: now() };
    users.push(u);
    return json(res, 201, { id: u.id, email: u.email, displayName: u.displayName });
  }
  if (p === '/api/accounts/email-verifications') return b.token === 'bad' ? problem(res, 400, L('잘못된 링크', 'Invalid link'), L('만료되었거나 잘못된 링크입니다.', 'The link is invalid or expired.')) : json(res, 204);
  if (p === '/api/password-resets') return json(res, 202, {});
  if (p === '/api/password-resets/confirmations') return json(res, 204);
  if (await elections(req, res, { url, me, b, raw, L, json, problem })) return;
  if (consultationsApi(req, res, { url, json, problem, L })) return;
  if (forumsApi(req, res, { url, me, b, json, problem, L })) return;
  if (pollsApi(req, res, { url, json, problem, L, b })) return;
  if (p === '/api/privacy/inventory') return json(res, 200, privacyInventory);
  if (!me) return problem(res, 401, L('로그인 필요', 'Sign-in required'), L('로그인해 주세요.', 'Please sign in.'));
  if (p === '/api/sessions/current' && req.method === 'DELETE') {
    sessions.delete(c.madang_session);
    return json(res, 204, undefined, { 'Set-Cookie': ['madang_session=; Path=/; Max-Age=0', 'madang_csrf=; Path=/; Max-Age=0'] });
  }
  if (p === '/api/privacy/me/consents') return json(res, 200, consentsOf(me));
  const m0 = /^\/api\/privacy\/me\/consents\/(\w+)$/.exec(p); if (m0) { consentsOf(me).find(c => c.text.purpose === m0[1]).granted = req.method === 'PUT'; return json(res, 200, consentsOf(me)); }
  if (p === '/api/privacy/me/accesses') return json(res, 200, [{ seq: 1, at: '2026-11-20T01:00:00Z', staffRoles: 'REGISTRAR', fields: ['email', 'residentDistrict'], purpose: '거주 확인 신청 처리 / resident verification' }]);
  if (p === '/api/privacy/me/erasure-requests' && req.method === 'GET') return json(res, 200, me.erasures || []);
  if (p === '/api/privacy/me/erasure-requests') { me.erasures = [{ id: 'e1', status: 'PENDING', removeContributions: !!b.removeContributions, requestedAt: new Date().toISOString(), dueOn: '2026-12-08' }]; return json(res, 201, me.erasures[0]); }
  if (p === '/api/me' && req.method === 'GET') return json(res, 200, publicUser(me));
  if (p === '/api/me' && req.method === 'PATCH') { if (b.displayName) me.displayName = b.displayName; return json(res, 200, publicUser(me)); }
  if (p === '/api/me/password') return b.currentPassword === PASSWORD ? json(res, 204) : problem(res, 400, L('비밀번호 오류', 'Wrong password'), L('현재 비밀번호가 틀렸습니다.', 'The current password is wrong.'), { body: { errors: [{ field: 'currentPassword', message: L('틀렸습니다.', 'Wrong.') }] } });
  if (p === '/api/me/email-changes') return json(res, 202, {});
  if (p === '/api/me/email-changes/confirmations') return json(res, 204);
  if (p === '/api/me/totp' && req.method === 'POST') return json(res, 200, { secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', otpauthUri: `otpauth://totp/Madang:${me.email}?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Madang` });
  if (p === '/api/me/totp/confirmations') { if (b.code !== '123456') return problem(res, 400, L('코드 오류', 'Wrong code'), L('코드가 올바르지 않습니다.', 'The code is not valid.'), { body: { errors: [{ field: 'code', message: L('다시 확인해 주세요.', 'Check the code.') }] } }); me.totpEnabled = true; return json(res, 204); }
  if (p === '/api/me/totp' && req.method === 'DELETE') { if (me.roles.some(r => r.role !== 'CITIZEN')) return problem(res, 409, L('해제 불가', 'Cannot turn off'), L('관리자 역할은 2단계 인증을 유지해야 합니다.', 'Staff must keep two-factor authentication.')); me.totpEnabled = false; return json(res, 204); }
  if (p === '/api/organisations' && req.method === 'GET') return json(res, 200, orgs);
  if (p === '/api/organisations' && req.method === 'POST') { const o = { id: orgs.length + 1, nameKo: b.nameKo, nameEn: b.nameEn, kind: b.kind, parentId: b.parentId ?? null, version: 1 }; orgs.push(o); return json(res, 201, o); }
  let m;
  if ((m = /^\/api\/organisations\/(\d+)$/.exec(p)) && req.method === 'PUT') {
    const o = orgs.find(x => x.id === Number(m[1]));
    if (o.version !== b.version) return problem(res, 409, L('충돌', 'Conflict'), L('다른 사람이 먼저 수정했습니다.', 'Someone changed it first.'));
    Object.assign(o, { nameKo: b.nameKo, nameEn: b.nameEn, parentId: b.parentId ?? null, version: o.version + 1 });
    return json(res, 200, o);
  }
  if (p === '/api/admin/users') {
    const q = (url.searchParams.get('q') || '').toLowerCase();
    return json(res, 200, { items: users.filter(u => !q || u.email.includes(q) || u.displayName.toLowerCase().includes(q)).map(u => ({ ...publicUser(u), createdAt: u.createdAt })), nextCursor: null });
  }
  if ((m = /^\/api\/admin\/users\/(\d+)\/roles(?:\/(\w+))?$/.exec(p))) {
    const u = users.find(x => x.id === Number(m[1]));
    const orgId = req.method === 'DELETE' ? url.searchParams.get('organisationId') : b.organisationId;
    if (req.method === 'POST') u.roles.push(b.organisationId != null ? { role: b.role, organisationId: b.organisationId } : { role: b.role });
    else u.roles = u.roles.filter(r => !(r.role === m[2] && String(r.organisationId ?? '') === String(orgId ?? '')));
    return json(res, 204);
  }
  if ((m = /^\/api\/admin\/users\/(\d+)\/resident-verification$/.exec(p))) { users.find(x => x.id === Number(m[1])).identityLevel = 'VERIFIED_RESIDENT'; return json(res, 204); }
  if (p === '/api/admin/outbox') return json(res, 200, { items: outbox, nextCursor: null });
  if (p === '/api/audit') return json(res, 200, { items: audit, nextCursor: null });
  if (p === '/api/audit/verification') return json(res, 200, { intact: true, entries: audit.length });
  return problem(res, 404, L('없음', 'Not found'), '');
}

async function serveStatic(req, res, url) {
  let path = decodeURIComponent(url.pathname);
  if (path.includes('..')) { res.writeHead(400); return res.end(); }
  if (path.endsWith('/')) path += 'index.html';
  let file = join(dist, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    let data = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Content-Security-Policy': CSP });
    res.end(data);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
}

export function start(port = 0) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    (url.pathname.startsWith('/api/') ? api(req, res, url) : serveStatic(req, res, url))
      .catch(err => { res.writeHead(500); res.end(String(err)); });
  });
  return new Promise(resolve => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await start(Number(process.argv[2] || 8081));
  console.log(`serving dist/ with mock API on http://127.0.0.1:${server.address().port}/`);
}

// privacy mock: the public notice and a citizen's consents
const privacyInventory = [{ section: 'account', fields: [
  { table: 'account', column: 'email', what: 'E-mail address', whatKo: '이메일 주소', purpose: 'Sign-in, account and service mail', legalBasis: 'CONTRACT', retention: 'until the account is erased', protectedAtRest: false },
  { table: 'account', column: 'resident_district', what: 'District of residence', whatKo: '거주 지역', purpose: 'Eligibility for district polls and elections', legalBasis: 'PUBLIC_TASK', retention: 'until the account is erased', protectedAtRest: true }] }];
function consentsOf(user) {
  if (!user.consents) user.consents = ['POLL_DEMOGRAPHICS', 'EMAIL_DIGEST'].map((purpose, i) => ({ text: { purpose, version: 1, textKo: '동의 문구', textEn: 'Consent text', publishedAt: '2026-01-01T00:00:00Z' }, granted: i === 0, agreedVersion: i === 0 ? 1 : null, since: i === 0 ? '2026-11-01T00:00:00Z' : null }));
  return user.consents;
}
