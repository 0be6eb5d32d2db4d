// The mock server's forums and moderation: one topic forum (stance asked) with a thread whose replies nest three deep,
// a hidden reply shown as a placeholder, a deleted one as a tombstone; search with highlighting; the moderators'
// queue, an appeal, the public log, and decisions about the citizen's own posts. Enough for npm run axe.
export const FORUM_IDS = { forum: 'f-topic', thread: 't-1' };

const at = (d, h = 0) => `2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`;
const forums = [
  { id: 'f-topic', kind: 'TOPIC', titleKo: '디지털 교과서 토론', titleEn: 'Digital textbooks', description: '교실의 디지털 교과서에 대해 이야기합니다.',
    organisationId: null, stanceRequired: true, residentsOnly: false, createdAt: at(1) },
  { id: 'f-org', kind: 'ORGANISATION', titleKo: '행정안전부 열린 토론', titleEn: 'Ministry of the Interior open forum', description: '',
    organisationId: 1, stanceRequired: false, residentsOnly: true, createdAt: at(2) },
];
const post = (o) => ({
  forumId: 'f-topic', threadId: 't-1', parentId: 't-1', depth: 1, title: null, bodyMarkdown: null, authorName: '시민', mine: false,
  stance: 'FOR', state: 'VISIBLE', hidden: false, removed: false, deleted: false, withheld: false, agreeCount: 0, disagreeCount: 0,
  replyCount: 0, myReaction: null, editedAt: null, revisionCount: 0, canEdit: false, editableUntil: null, canDelete: false,
  canReply: true, version: 0, attachments: [], ...o, revisionsUrl: `/api/forums/posts/${o.id}/revisions`,
});
const thread = post({ id: 't-1', parentId: null, depth: 0, title: '디지털 교과서, 이대로 괜찮을까요?', authorName: '김시민', stance: 'NEUTRAL',
  bodyHtml: '<p>학생들의 <strong>문해력</strong>에 어떤 영향이 있을지 <a href="https://example.org" rel="nofollow">자료</a>와 함께 이야기해 봅시다.</p>',
  agreeCount: 5, disagreeCount: 1, replyCount: 5, createdAt: at(3), editedAt: at(3, 1), revisionCount: 1 });
const replies = [
  post({ id: 'r-1', bodyHtml: '<p>찬성합니다. 검색 능력이 늘었습니다.</p>', authorName: '이주민', agreeCount: 2, replyCount: 1, createdAt: at(3, 2), myReaction: 'AGREE' }),
  post({ id: 'r-2', parentId: 'r-1', depth: 2, bodyHtml: '<p>근거가 있나요?</p>', authorName: '박시민', stance: 'AGAINST', replyCount: 1, createdAt: at(3, 3) }),
  post({ id: 'r-3', parentId: 'r-2', depth: 3, bodyHtml: '<ul><li>교육부 2025 보고서</li></ul>', authorName: '이주민', canReply: false, createdAt: at(3, 4) }),
  post({ id: 'r-4', bodyHtml: null, authorName: null, stance: null, state: 'HIDDEN', hidden: true, withheld: true, createdAt: at(3, 5) }),
  post({ id: 'r-5', bodyHtml: null, authorName: '홍길동', deleted: true, mine: true, createdAt: at(3, 6) }),
];
const mine = () => post({ id: 'r-6', bodyHtml: '<p>제 생각은 <em>중립</em>입니다.</p>', bodyMarkdown: '제 생각은 *중립*입니다.', authorName: '홍길동',
  stance: 'NEUTRAL', mine: true, canEdit: true, canDelete: true, editableUntil: '2099-01-01T00:00:00Z', createdAt: at(4) });
const hits = [
  { kind: 'forum-thread', postId: 't-1', threadId: 't-1', forumId: 'f-topic', date: at(3), titleHtml: '<mark>디지털</mark> 교과서, 이대로 괜찮을까요?',
    snippetHtml: '학생들의 문해력에 &lt;어떤&gt; 영향이…' },
  { kind: 'forum-post', postId: 'r-1', threadId: 't-1', forumId: 'f-topic', date: at(3, 2), titleHtml: null, snippetHtml: '<mark>디지털</mark> 검색 능력이 늘었습니다.' },
];
const queue = [{ caseId: 'case-1', contentKind: 'forum-post', contentId: 'r-4', openedAt: at(5), autoHidden: true, contentVisible: false,
  excerpt: '싼 시계 팝니다 cheap watches', link: '/forums/thread.html?id=t-1#post-r-4', flagCount: 3,
  flags: [{ reason: 'SPAM', note: '광고', flaggedAt: at(5) }, { reason: 'ABUSE', note: '', flaggedAt: at(5, 1) }, { reason: 'SPAM', note: '', flaggedAt: at(5, 2) }] }];
const decision = { id: 'dec-1', contentKind: 'forum-post', contentId: 'r-5', outcome: 'HIDE', rule: 'COMMERCIAL_SPAM', reason: '광고는 토론 규칙 3조 위반입니다.',
  suspendedUntil: null, decidedAt: at(6), canAppeal: true, appealText: null, appealedAt: null, appealOutcome: null, appealReason: null, appealDecidedAt: null };
const appealed = { ...decision, id: 'dec-2', canAppeal: false, appealText: '광고가 아닙니다.', appealedAt: at(7) };
const log = [
  { id: 'l-1', at: at(6), contentKind: 'forum-post', contentId: 'r-4', action: 'HIDDEN', actorRole: 'MODERATOR', rule: 'COMMERCIAL_SPAM' },
  { id: 'l-2', at: at(5, 2), contentKind: 'forum-post', contentId: 'r-4', action: 'AUTO_HIDDEN', actorRole: 'SYSTEM', rule: 'FLAG_THRESHOLD' },
];

const isModerator = me => !!me && me.roles.some(r => r.role === 'MODERATOR');

/** Answers the forum and moderation API; false when the path is not one of theirs. */
export function forumsApi(req, res, { url, me, b, json, problem, L }) {
  const p = url.pathname;
  if (!p.startsWith('/api/forums') && !p.startsWith('/api/moderation')) return false;
  const notFound = () => problem(res, 404, L('없음', 'Not found'), '');
  const signIn = () => problem(res, 401, L('로그인 필요', 'Sign-in required'), L('로그인해 주세요.', 'Please sign in.'));
  const asViewer = x => ({ ...x, canReply: !!me && x.canReply && !x.withheld, canEdit: !!me && x.canEdit, canDelete: !!me && x.canDelete, mine: !!me && x.mine });
  const thePosts = () => (me ? [...replies, mine()] : replies).map(asViewer);
  let m;
  if (p === '/api/forums' && req.method === 'GET') return json(res, 200, { items: forums, nextCursor: null }), true;
  if (p === '/api/forums/search') {
    if (!url.searchParams.get('q')) return json(res, 200, { total: 0, offset: 0, limit: 20, hits: [] }), true;
    return json(res, 200, { total: hits.length, offset: 0, limit: 20, hits }), true;
  }
  if ((m = /^\/api\/forums\/([\w-]+)$/.exec(p)) && forums.some(f => f.id === m[1])) return json(res, 200, forums.find(f => f.id === m[1])), true;
  if ((m = /^\/api\/forums\/([\w-]+)\/threads$/.exec(p))) {
    if (req.method === 'POST') {
      if (!me) return signIn(), true;
      if (!b.stance) return problem(res, 400, L('입력 오류', 'Invalid input'), L('입장을 골라 주세요.', 'Choose a stance.'), { body: { errors: [{ field: 'stance', message: L('필수입니다.', 'Required.') }] } }), true;
      return json(res, 201, asViewer({ ...thread, id: 't-new', title: b.title, mine: true })), true;
    }
    return json(res, 200, { items: m[1] === 'f-topic' ? [asViewer(thread)] : [], nextCursor: null }), true;
  }
  if (p === '/api/forums/threads/t-1') return json(res, 200, { thread: asViewer(thread), forum: forums[0], following: false }), true;
  if (p === '/api/forums/threads/t-1/replies') return json(res, 200, { items: thePosts(), nextCursor: null }), true;
  if (p === '/api/forums/threads/t-1/follow') return me ? (json(res, 204), true) : (signIn(), true);
  if ((m = /^\/api\/forums\/posts\/([\w-]+)(\/[\w/]+)?$/.exec(p))) {
    const found = m[1] === 't-1' ? asViewer(thread) : thePosts().find(x => x.id === m[1]);
    if (!found) return notFound(), true;
    const rest = m[2] || '';
    if (rest === '' && req.method === 'GET') return json(res, 200, found), true;
    if (rest === '/revisions') return json(res, 200, { items: [{ title: '디지털 교과서', bodyHtml: '<p>처음 쓴 글</p>', writtenAt: at(3), replacedAt: at(3, 1) }] }), true;
    if (!me) return signIn(), true;
    if (rest === '/reaction') return json(res, 200, { ...found, myReaction: req.method === 'DELETE' ? null : b.reaction }), true;
    if (rest === '/flags') return json(res, 200, { flags: 1, hidden: false }), true;
    if (rest === '/replies') return json(res, 201, { ...found, id: 'r-new', parentId: found.id, depth: found.depth + 1 }), true;
    if (rest === '' && req.method === 'PUT') return json(res, 200, { ...found, bodyHtml: `<p>${String(b.body).replace(/[<&>]/g, '')}</p>`, editedAt: at(8) }), true;
    if (rest === '' && req.method === 'DELETE') return json(res, 200, { ...found, deleted: true, bodyHtml: null }), true;
    return notFound(), true;
  }
  if (p === '/api/moderation/flag-reasons') return json(res, 200, ['SPAM', 'ABUSE', 'PERSONAL_INFORMATION', 'OFF_TOPIC', 'ILLEGAL']), true;
  if (p === '/api/moderation/log') return json(res, 200, { items: log, nextCursor: null }), true;
  if (!me) return signIn(), true;
  if (p === '/api/moderation/decisions/mine') return json(res, 200, { items: [decision, appealed] }), true;
  if ((m = /^\/api\/moderation\/decisions\/([\w-]+)\/appeal$/.exec(p))) return json(res, 200, { ...decision, canAppeal: false, appealText: b.text, appealedAt: at(8) }), true;
  if (!isModerator(me)) return problem(res, 403, L('권한 없음', 'Forbidden'), ''), true;
  if (p === '/api/moderation/queue') return json(res, 200, { items: queue, nextCursor: null }), true;
  if (p === '/api/moderation/appeals') return json(res, 200, { items: [appealed] }), true;
  if ((m = /^\/api\/moderation\/cases\/([\w-]+)\/decisions$/.exec(p))) {
    if (b.outcome === 'SUSPEND_AUTHOR' && !b.suspendDays) return problem(res, 400, L('입력 오류', 'Invalid input'), '', { body: { errors: [{ field: 'suspendDays', message: L('기간을 넣어 주세요.', 'Give the period.') }] } }), true;
    return json(res, 200, { ...decision, id: 'dec-new', outcome: b.outcome, rule: b.rule, reason: b.reason }), true;
  }
  if ((m = /^\/api\/moderation\/decisions\/([\w-]+)\/appeal\/decision$/.exec(p))) return json(res, 200, { ...appealed, appealOutcome: b.outcome, appealReason: b.reason }), true;
  return notFound(), true;
}
