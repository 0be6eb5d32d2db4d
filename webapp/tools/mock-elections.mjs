// In-memory mock of the elections API (the contract in the project's elections-api.md), for the
// development server and the axe runner: elections in every state, manifests, trustees, the voter roll,
// lifecycle moves with the server's refusals, tally and decryption status. Keyed P-256 elections get real
// election documents (tools/mock-documents.mjs) so the voting page encrypts for real; other hashes and keys
// are made-up hex of the right length.
import { createHash, randomUUID } from 'node:crypto';
import { validateManifest, toManifestForm, fromManifestForm } from '../src/js/manifest.js';
import { votingApi } from './mock-voting.mjs';
import { electionDocuments } from './mock-documents.mjs';

const NEXT = {
  DRAFT: ['KEY_CEREMONY'], KEY_CEREMONY: ['READY'], READY: ['OPEN'], OPEN: ['CLOSED'], CLOSED: ['TALLYING'],
  TALLYING: [], DECRYPTED: ['PUBLISHED'], PUBLISHED: [], CANCELLED: [],
};
const hex = (seed, len = 64) => {
  let out = '';
  for (let i = 0; out.length < len; i++) out += createHash('sha256').update(`${seed}:${i}`).digest('hex');
  return out.slice(0, len);
};
const jointKey = (group, seed) => (group === 'P-256' ? `02${hex(seed, 64)}` : hex(seed, 1024));
const day = 24 * 60 * 60 * 1000;
const at = offsetDays => new Date(Math.floor((Date.now() + offsetDays * day) / 3600000) * 3600000).toISOString().replace('.000Z', 'Z');
export const ELECTION_IDS = Object.fromEntries(
  ['draft', 'open', 'published', 'ceremony', 'tallying', 'cancelled', 'ready', 'closed', 'decrypted', 'old1', 'old2', 'old3']
    .map((k, i) => [k, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`]));

const jongno = {
  districts: [
    { id: 'seoul-jongno', nameKo: '종로구', nameEn: 'Jongno-gu' },
    { id: 'seoul-jung', nameKo: '중구', nameEn: 'Jung-gu' },
  ],
  ballotStyles: [
    { id: 'style-jongno', districtIds: ['seoul-jongno'] },
    { id: 'style-jung', districtIds: ['seoul-jung'] },
  ],
  contests: [
    { id: 'budget-priorities', kind: 'K_OF_N', titleKo: '2027 주민참여예산 우선 사업 (2개 선택)', titleEn: '2027 participatory budget priorities (choose 2)',
      districtId: 'seoul-jongno', limit: 2, optionLimit: 1, options: [
        { id: 'park', nameKo: '어린이 공원 정비', nameEn: "Children's park renewal", descriptionKo: '삼청동 어린이 공원 놀이시설 교체', descriptionEn: 'New play equipment at the Samcheong-dong park' },
        { id: 'lights', nameKo: '골목길 조명 개선', nameEn: 'Better alley lighting', descriptionKo: '', descriptionEn: '' },
        { id: 'library', nameKo: '작은도서관 연장 운영', nameEn: 'Longer small-library hours', descriptionKo: '', descriptionEn: '' },
      ] },
    { id: 'car-free-sunday', kind: 'REFERENDUM', titleKo: '일요일 차 없는 거리 시행', titleEn: 'Car-free Sundays', districtId: 'seoul-jung',
      limit: 1, optionLimit: 1, options: [
        { id: 'yes', nameKo: '예', nameEn: 'Yes', descriptionKo: '', descriptionEn: '' },
        { id: 'no', nameKo: '아니오', nameEn: 'No', descriptionKo: '', descriptionEn: '' },
      ] },
  ],
};
const youth = {
  districts: [{ id: 'seoul', nameKo: '서울특별시', nameEn: 'Seoul' }],
  ballotStyles: [{ id: 'style-seoul', districtIds: ['seoul'] }],
  contests: [{ id: 'youth-income', kind: 'REFERENDUM', titleKo: '청년 기본소득 도입', titleEn: 'Introducing a youth basic income', districtId: 'seoul',
    limit: 1, optionLimit: 1, options: [
      { id: 'yes', nameKo: '예', nameEn: 'Yes', descriptionKo: '', descriptionEn: '' },
      { id: 'no', nameKo: '아니오', nameEn: 'No', descriptionKo: '', descriptionEn: '' }] }],
};
const village = {
  districts: [{ id: 'seoul-jongno', nameKo: '종로구', nameEn: 'Jongno-gu' }],
  ballotStyles: [{ id: 'style-jongno', districtIds: ['seoul-jongno'] }],
  contests: [{ id: 'representative', kind: 'ONE_OF_N', titleKo: '마을 대표', titleEn: 'Village representative', districtId: 'seoul-jongno',
    limit: 1, optionLimit: 1, options: [
      { id: 'kim', nameKo: '김민준', nameEn: 'Kim Min-jun', descriptionKo: '마을 환경 개선', descriptionEn: 'A greener village' },
      { id: 'lee', nameKo: '이서연', nameEn: 'Lee Seo-yeon', descriptionKo: '', descriptionEn: '' }] }],
};

function trusteesOf(n, emails, status = {}) {
  return Array.from({ length: n }, (_, i) => ({
    guardianId: `guardian${i + 1}`, x: i + 1, email: emails[i] || null,
    displayName: emails[i] ? `${['김', '이', '박', '최', '정', '강', '조', '윤', '장'][i]}수탁자` : `Demo guardian ${i + 1}`,
    announced: false, sharesSent: false, sharesReceived: false, confirmed: false, decryptionDone: false,
    ...(typeof status === 'function' ? status(i) : status),
  }));
}
const allDone = { announced: true, sharesSent: true, sharesReceived: true, confirmed: true };
const trusteeEmails = ['trustee1@madang.test', 'trustee2@madang.test', 'trustee3@madang.test'];

function election(key, fields) {
  const e = {
    id: ELECTION_IDS[key], descriptionKo: null, descriptionEn: null, group: 'P-256', guardians: 3, quorum: 2, demoTrustees: false,
    manifest: null, trustees: [], roll: [], board: 0, version: 1, tally: null, decryption: null, ...fields,
  };
  if (e.manifest) e.manifestHash = hex(`manifest:${e.id}`);
  if (!['DRAFT', 'KEY_CEREMONY', 'CANCELLED'].includes(e.state) || e.trustees.every(t => t.confirmed) && e.trustees.length) keyElection(e);
  return e;
}

/** The ceremony's outcome: on P-256, real election documents (so the browser encrypts for real); else made-up keys. */
function keyElection(e) {
  if (e.group === 'P-256' && e.manifest) {
    const docs = electionDocuments(e);
    Object.assign(e, { jointPublicKey: docs.jointPublicKey, extendedBaseHash: docs.extendedBaseHash, documents: docs.files });
  } else {
    Object.assign(e, { jointPublicKey: jointKey(e.group, e.id), extendedBaseHash: hex(`he:${e.id}`), documents: null });
  }
}
const roll = (entries) => entries.map(([email, district, style, cred = false]) => ({ email, district, ballotStyle: style, credentialRegistered: cred }));

export function seedElections() {
  return [
    election('draft', { titleKo: '2027 마을 대표 선출', titleEn: '2027 village representative election', state: 'DRAFT',
      descriptionKo: '종로구 마을 자치회의 대표를 뽑습니다.', descriptionEn: 'Choose the representative of the Jongno-gu village council.',
      opensAt: at(30), closesAt: at(31), manifest: village }),
    election('open', { titleKo: '종로·중구 주민참여예산 및 차 없는 거리 투표', titleEn: 'Jongno and Jung-gu participatory budget and car-free streets',
      descriptionKo: '주민참여예산 우선 사업과 차 없는 거리 시행 여부를 정합니다.', descriptionEn: 'Decide the budget priorities and whether to close streets to cars on Sundays.',
      state: 'OPEN', opensAt: at(-2), closesAt: at(5), manifest: jongno, trustees: trusteesOf(3, trusteeEmails, allDone), board: 3,
      roll: roll([['election@madang.test', 'seoul-jongno', 'style-jongno', true], ['citizen@madang.test', 'seoul-jung', 'style-jung'],
        ['resident1@madang.test', 'seoul-jongno', 'style-jongno', true], ['resident2@madang.test', 'seoul-jung', 'style-jung', true]]) }),
    election('published', { titleKo: '서울 청년 기본소득 주민투표', titleEn: 'Seoul youth basic income referendum', state: 'PUBLISHED',
      opensAt: at(-40), closesAt: at(-33), manifest: youth, trustees: trusteesOf(3, trusteeEmails, { ...allDone, decryptionDone: true }), board: 412,
      roll: roll([['citizen@madang.test', 'seoul', 'style-seoul', true]]) }),
    election('ceremony', { titleKo: '2027 통장 선출', titleEn: '2027 neighbourhood head election', state: 'KEY_CEREMONY', opensAt: at(10), closesAt: at(12),
      manifest: village, guardians: 3, quorum: 2, trustees: trusteesOf(3, trusteeEmails, i => (i === 0 ? allDone : { announced: i === 1 })) }),
    election('tallying', { titleKo: '도서관 운영시간 주민투표', titleEn: 'Library opening hours referendum', state: 'TALLYING', opensAt: at(-9), closesAt: at(-2),
      manifest: youth, trustees: trusteesOf(3, trusteeEmails, allDone), board: 57, tally: { ballotsAdded: 55, ballotsTotal: 55 },
      decryption: { batchId: 'batch-1', round: 'WAITING', participants: ['guardian1', 'guardian3'] } }),
    election('cancelled', { titleKo: '취소된 시범 투표', titleEn: 'Cancelled pilot vote', state: 'CANCELLED', opensAt: at(-20), closesAt: at(-19), manifest: youth }),
    election('ready', { titleKo: '학교 급식 주민투표', titleEn: 'School meals referendum', state: 'READY', opensAt: at(-1), closesAt: at(6),
      manifest: youth, demoTrustees: true, guardians: 2, quorum: 2, trustees: trusteesOf(2, [], allDone) }),
    election('closed', { titleKo: '공원 명칭 선정', titleEn: 'Naming the new park', state: 'CLOSED', opensAt: at(-6), closesAt: at(-1),
      manifest: village, trustees: trusteesOf(3, trusteeEmails, allDone), board: 120 }),
    election('decrypted', { titleKo: '자전거 도로 확충', titleEn: 'More cycle lanes', state: 'DECRYPTED', opensAt: at(-15), closesAt: at(-10),
      manifest: youth, trustees: trusteesOf(3, trusteeEmails, { ...allDone, decryptionDone: true }), board: 88,
      decryption: { batchId: 'batch-1', round: 'DONE', participants: ['guardian1', 'guardian2'], available: ['guardian1', 'guardian2'] } }),
    ...['old1', 'old2', 'old3'].map((k, i) => election(k, { titleKo: `${2023 + i}년 마을 축제 주제 선정`, titleEn: `${2023 + i} village festival theme`,
      state: 'PUBLISHED', opensAt: at(-400 + i * 100), closesAt: at(-395 + i * 100), manifest: youth,
      trustees: trusteesOf(3, trusteeEmails, { ...allDone, decryptionDone: true }), board: 200 + i })),
  ];
}

/** Mounts the mock; returns a handler (req, res, ctx) → true when it answered. */
export function electionsApi({ users }) {
  const elections = seedElections();
  const voting = votingApi();
  const isAdmin = me => !!me && me.roles.some(r => r.role === 'ELECTION_ADMIN');
  const canSeeDrafts = me => !!me && me.roles.some(r => ['ELECTION_ADMIN', 'AUDITOR'].includes(r.role));

  function view(e, me) {
    return {
      id: e.id, titleKo: e.titleKo, titleEn: e.titleEn, descriptionKo: e.descriptionKo, descriptionEn: e.descriptionEn,
      group: e.group, guardians: e.guardians, quorum: e.quorum, state: e.state, opensAt: e.opensAt, closesAt: e.closesAt,
      demoTrustees: e.demoTrustees, manifestHash: e.manifestHash || null, extendedBaseHash: e.extendedBaseHash || null,
      jointPublicKey: e.jointPublicKey || null, boardSize: e.board, boardHead: e.board ? voting.head(e) : null,
      voters: e.roll.length, credentials: e.roll.filter(r => r.credentialRegistered).length, version: e.version,
      allowedTransitions: isAdmin(me) ? [...NEXT[e.state], ...(['PUBLISHED', 'CANCELLED'].includes(e.state) ? [] : ['CANCELLED'])] : [],
    };
  }
  const manifestView = e => ({ ...toManifestForm(fromManifestForm(e.manifest)), hash: e.manifestHash || null });
  const styleOf = (e, district) => (e.manifest?.ballotStyles || []).find(s => s.districtIds.includes(district))?.id || null;

  function validateElectionBody(b, L) {
    const errors = [];
    const need = (f, ok, ko, en) => { if (!ok) errors.push({ field: f, message: L(ko, en) }); };
    need('titleKo', typeof b.titleKo === 'string' && b.titleKo.trim() && b.titleKo.length <= 200, '제목을 입력해 주세요 (200자 이하).', 'Enter a title (200 characters at most).');
    need('titleEn', typeof b.titleEn === 'string' && b.titleEn.trim() && b.titleEn.length <= 200, '영문 제목을 입력해 주세요 (200자 이하).', 'Enter an English title (200 characters at most).');
    need('group', ['P-256', 'Integer4096'].includes(b.group), '군을 선택해 주세요.', 'Choose a group.');
    need('guardians', Number.isInteger(b.guardians) && b.guardians >= 1 && b.guardians <= 9, '수탁자 수는 1~9명입니다.', 'Guardians: 1 to 9.');
    need('quorum', Number.isInteger(b.quorum) && b.quorum >= 1 && b.quorum <= b.guardians, '정족수는 1 이상 수탁자 수 이하입니다.', 'Quorum: 1 to the number of guardians.');
    const o = Date.parse(b.opensAt), c = Date.parse(b.closesAt);
    need('opensAt', !Number.isNaN(o), '시작 시각이 올바르지 않습니다.', 'Invalid opening time.');
    need('closesAt', !Number.isNaN(c) && c > o, '마감 시각은 시작 시각보다 뒤여야 합니다.', 'Closing must come after opening.');
    return errors;
  }

  // Rules the server checks beyond the form's own (the editor cannot know them all): every contest's
  // district must be on some ballot style, or nobody could vote in it.
  function serverManifestErrors(m, L) {
    const messages = {
      'validation.required': ['필수 항목입니다.', 'Required.'], 'manifest.v.id': ['영문 소문자, 숫자, -만 쓸 수 있습니다.', 'Use a-z, 0-9 and - only.'],
      'manifest.v.duplicate': ['중복된 ID입니다.', 'Duplicate id.'],
    };
    const errors = validateManifest(m).map(e => ({ field: e.path, message: L(...(messages[e.key] || ['올바르지 않은 값입니다.', 'Invalid value.'])) }));
    const covered = new Set(m.ballotStyles.flatMap(s => s.districtIds));
    m.contests.forEach((c, i) => {
      if (c.districtId && !covered.has(c.districtId)) {
        errors.push({ field: `contests[${i}].districtId`, message: L('어느 투표용지 유형에도 포함되지 않은 선거구입니다.', 'No ballot style includes this district.') });
      }
    });
    return errors;
  }

  return async function handle(req, res, { url, me, b, raw, L, json, problem }) {
    const p = url.pathname;
    const answer = (...a) => { json(res, ...a); return true; };
    if (p === '/api/receipts/verifications' && req.method === 'POST') return voting.verifyReceipt(elections, b, answer);
    if (!p.startsWith('/api/elections')) return false;
    const fail = (status, slug, ko, en, detailKo, detailEn, body) => {
      problem(res, status, L(ko, en), L(detailKo, detailEn), { slug, body }); return true;
    };
    const notFound = () => fail(404, 'not-found', '찾을 수 없음', 'Not found', '선거를 찾을 수 없습니다.', 'No such election.');
    const needAdmin = () => {
      if (!me) { fail(401, 'unauthorized', '로그인 필요', 'Sign-in required', '로그인해 주세요.', 'Please sign in.'); return false; }
      if (!isAdmin(me)) { fail(403, 'forbidden', '권한 없음', 'Forbidden', '선거 관리자만 할 수 있습니다.', 'Only election administrators may do this.'); return false; }
      return true;
    };
    const invalidState = (ko, en) => fail(409, 'invalid-state', '지금 상태에서는 할 수 없습니다', 'Not possible in this state', ko, en);

    if (p === '/api/elections' && req.method === 'GET') {
      const page = Math.max(0, Number(url.searchParams.get('page') || 0));
      const size = Math.min(100, Math.max(1, Number(url.searchParams.get('size') || 20)));
      const visible = elections.filter(e => e.state !== 'DRAFT' || canSeeDrafts(me))
        .sort((a, b2) => Date.parse(b2.opensAt) - Date.parse(a.opensAt));
      return answer(200, { items: visible.slice(page * size, page * size + size).map(e => view(e, me)), page, size, total: visible.length });
    }
    if (p === '/api/elections' && req.method === 'POST') {
      if (!needAdmin()) return true;
      const errors = validateElectionBody(b, L);
      if (errors.length) return fail(422, 'invalid-input', '입력값 오류', 'Invalid input', '입력한 내용을 확인해 주세요.', 'Please check the form.', { errors });
      const e = { id: randomUUID(), state: 'DRAFT', manifest: null, trustees: [], roll: [], board: 0, version: 1, tally: null, decryption: null, ...pick(b) };
      elections.push(e);
      return answer(201, view(e, me));
    }
    const m = /^\/api\/elections\/([\w-]+)(?:\/(.+))?$/.exec(p);
    if (!m) return false;
    const e = elections.find(x => x.id === m[1]);
    if (!e || (e.state === 'DRAFT' && !canSeeDrafts(me))) return notFound();
    const sub = m[2] || '';
    const conflictIfStale = () => {
      if (b.version !== e.version) {
        fail(409, 'conflict', '충돌', 'Conflict', '다른 사람이 먼저 수정했습니다. 새로 불러온 내용을 확인해 주세요.', 'Someone changed this election first; check the reloaded values.');
        return true;
      }
      return false;
    };

    if (!sub && req.method === 'GET') return answer(200, view(e, me));
    if (!sub && req.method === 'PUT') {
      if (!needAdmin()) return true;
      if (e.state !== 'DRAFT') return invalidState('초안 상태에서만 고칠 수 있습니다.', 'Only a draft can be edited.');
      if (conflictIfStale()) return true;
      const errors = validateElectionBody(b, L);
      if (errors.length) return fail(422, 'invalid-input', '입력값 오류', 'Invalid input', '입력한 내용을 확인해 주세요.', 'Please check the form.', { errors });
      Object.assign(e, pick(b), { version: e.version + 1 });
      if (e.trustees.length !== e.guardians) e.trustees = [];
      return answer(200, view(e, me));
    }
    if (sub === 'transitions' && req.method === 'POST') {
      if (!needAdmin()) return true;
      if (conflictIfStale()) return true;
      const to = b.to;
      const allowed = view(e, me).allowedTransitions;
      if (!allowed.includes(to)) return invalidState(`${e.state}에서 ${to}(으)로 옮길 수 없습니다.`, `Cannot move from ${e.state} to ${to}.`);
      if (to === 'KEY_CEREMONY') {
        if (!e.manifest) return invalidState('투표용지(매니페스트)가 없습니다.', 'There is no manifest (ballot definition) yet.');
        if (!e.demoTrustees && e.trustees.length !== e.guardians) return invalidState(`수탁자 ${e.guardians}명이 지정되지 않았습니다.`, `The ${e.guardians} trustees have not been assigned.`);
        if (e.demoTrustees) {
          e.trustees = trusteesOf(e.guardians, [], allDone);
          keyElection(e);
        }
      }
      if (to === 'READY') {
        const missing = e.trustees.filter(t => !t.confirmed).map(t => t.guardianId);
        if (missing.length) return invalidState(`키 생성 의식이 끝나지 않았습니다: ${missing.join(', ')} 확인 대기.`, `The key ceremony is incomplete: waiting for ${missing.join(', ')} to confirm.`);
      }
      if (to === 'OPEN' && Date.now() < Date.parse(e.opensAt)) return invalidState('아직 투표 시작 시각이 아닙니다.', 'Too early: the election has not reached its opening time.');
      if (to === 'TALLYING') {
        e.tally = { ballotsAdded: e.board, ballotsTotal: e.board };
        e.decryption = { batchId: 'batch-1', round: 'WAITING', participants: [] };
      }
      e.state = to;
      e.version++;
      return answer(200, view(e, me));
    }
    if (sub === 'manifest' && req.method === 'GET') {
      if (e.state === 'DRAFT' && !isAdmin(me)) return notFound();
      if (!e.manifest) return fail(404, 'not-found', '찾을 수 없음', 'Not found', '아직 투표용지가 없습니다.', 'No manifest yet.');
      return answer(200, manifestView(e));
    }
    if (sub === 'manifest' && req.method === 'PUT') {
      if (!needAdmin()) return true;
      if (e.state !== 'DRAFT') return invalidState('초안 상태에서만 투표용지를 고칠 수 있습니다.', 'The manifest can only be changed in DRAFT.');
      const form = fromManifestForm(b);
      const errors = serverManifestErrors(form, L);
      if (errors.length) return fail(422, 'invalid-input', '투표용지 오류', 'Invalid manifest', `${errors.length}개 항목을 확인해 주세요.`, `Please check ${errors.length} field(s).`, { errors });
      e.manifest = toManifestForm(form);
      e.manifestHash = hex(`manifest:${JSON.stringify(e.manifest)}`);
      e.version++;
      return answer(200, manifestView(e));
    }
    if (sub === 'trustees' && req.method === 'GET') {
      return answer(200, { items: e.trustees.map(({ email, ...t }) => ({ ...t, participating: !!e.decryption?.participants.includes(t.guardianId) })) });
    }
    if (sub === 'ceremony' && req.method === 'GET') {
      const seat = me && e.trustees.find(t => t.email === me.email);
      if (!me) return fail(401, 'unauthorized', '로그인 필요', 'Sign-in required', '로그인해 주세요.', 'Please sign in.');
      if (!seat && !canSeeDrafts(me)) return fail(403, 'forbidden', '권한 없음', 'Forbidden', '이 선거의 수탁자가 아닙니다.', 'You are not a trustee of this election.');
      if (e.state === 'DRAFT') return invalidState('키 생성 의식이 아직 시작되지 않았습니다.', 'The key ceremony has not started.');
      return answer(200, { state: e.state, me: seat ? { guardianId: seat.guardianId, x: seat.x } : null, constants: { mock: 'MOCK constants' }, config: { mock: 'MOCK config' },
        announcements: [], failure: null, complete: e.trustees.length > 0 && e.trustees.every(t => t.confirmed) });
    }
    if (sub === 'trustees' && req.method === 'PUT') {
      if (!needAdmin()) return true;
      if (e.state !== 'DRAFT') return invalidState('초안 상태에서만 수탁자를 지정할 수 있습니다.', 'Trustees can only be assigned in DRAFT.');
      if (e.demoTrustees) return answer(200, { items: [] });
      const list = Array.isArray(b.trustees) ? b.trustees : [];
      const errors = [];
      if (list.length !== e.guardians) errors.push({ field: 'trustees', message: L(`정확히 ${e.guardians}명이어야 합니다.`, `Exactly ${e.guardians} are needed.`) });
      const seen = new Set();
      list.forEach((t, i) => {
        const email = String(t?.email || '').trim().toLowerCase();
        if (!users.some(u => u.email === email)) errors.push({ field: `trustees[${i}].email`, message: L('이 이메일로 가입한 계정이 없습니다.', 'No account has this e-mail.') });
        else if (seen.has(email)) errors.push({ field: `trustees[${i}].email`, message: L('같은 사람을 두 번 지정했습니다.', 'The same person is named twice.') });
        seen.add(email);
      });
      if (errors.length) return fail(422, 'invalid-input', '수탁자 오류', 'Invalid trustees', '수탁자 목록을 확인해 주세요.', 'Please check the trustees.', { errors });
      e.trustees = trusteesOf(e.guardians, list.map(t => t.email.trim().toLowerCase()))
        .map(t => ({ ...t, displayName: users.find(u => u.email === t.email)?.displayName || t.email }));
      return answer(200, { items: e.trustees.map(({ email, ...t }) => t) });
    }
    if (sub === 'roll' && req.method === 'GET') {
      if (!me || !canSeeDrafts(me)) return fail(403, 'forbidden', '권한 없음', 'Forbidden', '', '');
      const page = Math.max(0, Number(url.searchParams.get('page') || 0));
      const size = Math.min(100, Math.max(1, Number(url.searchParams.get('size') || 20)));
      return answer(200, { items: e.roll.slice(page * size, page * size + size), page, size, total: e.roll.length });
    }
    const rollFrozen = () => !['DRAFT', 'KEY_CEREMONY', 'READY'].includes(e.state)
      && invalidState('투표가 시작되어 선거인 명부가 확정되었습니다.', 'The roll was frozen when voting opened.');
    if (sub === 'roll/residents' && req.method === 'POST') {
      if (!needAdmin() || rollFrozen()) return true;
      const districts = new Set((e.manifest?.ballotStyles || []).flatMap(s => s.districtIds));
      if (!districts.size) return invalidState('투표용지 유형에 선거구가 없습니다. 먼저 투표용지를 만들어 주세요.', 'No ballot style names a district yet: write the manifest first.');
      let added = 0;
      for (const u of users) {
        if (u.identityLevel === 'VERIFIED_RESIDENT' && districts.has(u.district) && !e.roll.some(r => r.email === u.email)) {
          e.roll.push({ email: u.email, district: u.district, ballotStyle: styleOf(e, u.district), credentialRegistered: false });
          added++;
        }
      }
      return answer(200, { added, total: e.roll.length });
    }
    if (sub === 'roll/imports' && req.method === 'POST') {
      if (!needAdmin() || rollFrozen()) return true;
      if (!/^text\/csv/.test(req.headers['content-type'] || '')) return fail(415, 'unsupported-media-type', '형식 오류', 'Unsupported media type', 'text/csv로 보내 주세요.', 'Send text/csv.');
      const lines = String(raw || '').replace(/^\uFEFF/, '').split(/\r?\n/);
      if ((lines[0] || '').trim().toLowerCase().replace(/\s/g, '') !== 'email,district') {
        return fail(422, 'invalid-input', 'CSV 오류', 'Invalid CSV', '첫 줄은 email,district 이어야 합니다.', 'The first line must be the header email,district.',
          { rejected: [{ line: 1, reason: L('머리글 없음', 'missing header') }] });
      }
      const malformed = [];
      const rows = [];
      lines.forEach((line, i) => {
        if (i === 0 || !line.trim()) return;
        const cells = line.split(',').map(s => s.trim());
        if (cells.length !== 2 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cells[0]) || !cells[1]) malformed.push({ line: i + 1, reason: L('형식 오류: "이메일,선거구"여야 합니다', 'malformed: expected "email,district"') });
        else rows.push({ line: i + 1, email: cells[0].toLowerCase(), district: cells[1] });
      });
      if (malformed.length) {
        return fail(422, 'invalid-input', 'CSV 오류', 'Invalid CSV', `${malformed.length}개 줄의 형식이 잘못되어 아무것도 추가하지 않았습니다.`,
          `${malformed.length} line(s) are malformed; nothing was added.`, { rejected: malformed });
      }
      const rejected = [];
      let added = 0;
      for (const r of rows) {
        const style = styleOf(e, r.district);
        if (!users.some(u => u.email === r.email)) rejected.push({ line: r.line, reason: L('가입한 계정이 없음', 'no account with this e-mail') });
        else if (!style) rejected.push({ line: r.line, reason: L('투표용지 유형에 없는 선거구', 'district is on no ballot style') });
        else if (e.roll.some(x => x.email === r.email)) rejected.push({ line: r.line, reason: L('이미 명부에 있음', 'already on the roll') });
        else { e.roll.push({ email: r.email, district: r.district, ballotStyle: style, credentialRegistered: false }); added++; }
      }
      return answer(200, { added, total: e.roll.length, rejected });
    }
    if (sub === 'tally' && req.method === 'GET') {
      if (!e.tally) return invalidState('아직 개표가 시작되지 않았습니다.', 'Tallying has not started.');
      const done = e.tally.ballotsAdded >= e.tally.ballotsTotal;
      return answer(200, { state: done ? 'DONE' : 'RUNNING', ...e.tally, tallied: done, decrypted: ['DECRYPTED', 'PUBLISHED'].includes(e.state) });
    }
    if (sub === 'decryption' && req.method === 'GET') {
      if (!canSeeDrafts(me) && !(me && e.trustees.some(t => t.email === me.email))) return fail(403, 'forbidden', '권한 없음', 'Forbidden', '', '');
      if (!e.decryption) return invalidState('아직 복호화 단계가 아닙니다.', 'Decryption has not started.');
      const d = e.decryption;
      const avail = d.round === 'WAITING' ? d.participants : (d.available || d.participants);
      return answer(200, { batchId: d.batchId, round: d.round, extendedBaseHash: e.extendedBaseHash,
        available: avail.map(g => ({ guardianId: g, x: Number(g.replace('guardian', '')) })), pads: [], partials: [], reveals: [], challenges: [] });
    }
    if (sub === 'decryption/start' && req.method === 'POST') {
      if (!needAdmin()) return true;
      if (e.state !== 'TALLYING' || !e.decryption) return invalidState('개표 중일 때만 복호화를 시작할 수 있습니다.', 'Decryption starts only while TALLYING.');
      const d = e.decryption;
      if (d.round !== 'WAITING') return invalidState('복호화가 이미 시작되었습니다.', 'Decryption has already started.');
      if (d.participants.length < e.quorum) {
        return invalidState(`참여한 수탁자가 ${d.participants.length}명으로 정족수 ${e.quorum}명보다 적습니다.`,
          `Only ${d.participants.length} trustee(s) are present; the quorum is ${e.quorum}.`);
      }
      d.available = [...d.participants];
      d.round = 'PARTIAL';
      return answer(200, {});
    }
    if (await voting.handle(req, { e, sub, me, b, url, res, answer, fail, invalidState, L })) return true;
    return fail(404, 'not-found', '없음', 'Not found', '', '');
  };
}

function pick(b) {
  const keys = ['titleKo', 'titleEn', 'descriptionKo', 'descriptionEn', 'group', 'guardians', 'quorum', 'opensAt', 'closesAt', 'demoTrustees'];
  return Object.fromEntries(keys.map(k => [k, b[k] ?? null]));
}
