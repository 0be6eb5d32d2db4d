// The mock server's consultations: an open draft law with comments, statements and an opinion map, and a responded
// one with its report, so that npm run axe sees every consultation page filled in.
export const CONSULTATION_IDS = { open: 'c-open', done: 'c-done' };

const articles = [
  { id: 'a1', number: 1, label: '제11조', heading: '정보공개 여부의 결정', body: '공공기관은 청구를 받은 날부터 10일 이내에 공개 여부를 결정하여야 한다.' },
  { id: 'a2', number: 2, label: '제11조의2', heading: '결정 기간의 연장', body: '부득이한 사유로 기간 내에 결정할 수 없을 때에는 10일의 범위에서 한 번 연장할 수 있다.' },
];
const base = {
  organisationId: 'ministry', kind: 'LAW', summary: '처리 기간을 줄입니다.', summaryHtml: '<p>처리 기간을 <strong>줄입니다</strong>.</p>',
  questions: ['7일이 적절합니까?'], opensAt: '2026-11-01T00:00:00Z', closesAt: '2026-12-11T00:00:00Z', minimumNoticeDays: 40,
  shortNoticeReason: null, articles, documents: [{ id: 'd1', name: '개정 이유서.pdf', url: null, mediaType: 'application/pdf', sha256: 'ab'.repeat(32), size: 20480 }],
  mayEdit: false, mayApprove: false, version: 1, allowedTransitions: [],
};
const consultations = [
  { ...base, id: 'c-open', title: '정보공개법 일부개정법률안 입법예고', state: 'OPEN', acceptingComments: true },
  { ...base, id: 'c-done', title: '공공데이터 개방 지침 개정안', kind: 'ADMINISTRATIVE_RULE', state: 'RESPONDED', acceptingComments: false },
];
const comments = [
  { id: 'k1', seq: 1, articleId: null, body: '전체적으로 찬성합니다.', bodyHtml: '<p>전체적으로 찬성합니다.</p>', mine: false, agree: 3, disagree: 1, createdAt: '2026-11-02T00:00:00Z' },
  { id: 'k2', seq: 2, articleId: 'a1', start: 22, end: 25, quote: '10일', body: '7일은 짧습니다.', bodyHtml: '<p>7일은 짧습니다.</p>', mine: false, agree: 0, disagree: 2,
    proposedText: '공공기관은 청구를 받은 날부터 14일 이내에 공개 여부를 결정하여야 한다.',
    diff: [{ op: 'EQUAL', text: '공공기관은 청구를 받은 날부터 ' }, { op: 'DELETE', text: '10일 ' }, { op: 'INSERT', text: '14일 ' }, { op: 'EQUAL', text: '이내에 공개 여부를 결정하여야 한다.' }],
    decision: 'PARTLY_ADOPTED', reason: '14일로 조정합니다.', createdAt: '2026-11-03T00:00:00Z' },
];
const statements = [
  { id: 's1', number: 0, text: '처리 기간을 7일로 줄여야 한다', moderated: 1, mine: false, myVote: 1, agree: 40, disagree: 30, pass: 5 },
  { id: 's2', number: 1, text: '인력 충원 없이 기간만 줄이면 안 된다', moderated: 1, mine: false, myVote: null, agree: 50, disagree: 10, pass: 8 },
];
const points = [];
for (let i = 0; i < 30; i++) points.push({ participant: `m${i}`, x: Math.cos(i) * (i % 2 ? 0.6 : -0.6), y: Math.sin(i) * 0.4, group: i % 2 });
const map = {
  seed: 1, participants: 30, placed: 30, silhouette: 0.6, points,
  groups: [
    { id: 0, size: 15, centreX: -0.6, centreY: 0, characteristic: [{ statementId: 's1', number: 0, text: statements[0].text, direction: 'AGREE', share: 0.9, score: 3 }] },
    { id: 1, size: 15, centreX: 0.6, centreY: 0, characteristic: [{ statementId: 's1', number: 0, text: statements[0].text, direction: 'DISAGREE', share: 0.8, score: 2 }] },
  ],
  consensus: [{ statementId: 's2', number: 1, text: statements[1].text, direction: 'AGREE', groupShares: [0.8, 0.7] }],
};
const decisions = { ADOPTED: 1, PARTLY_ADOPTED: 1, NOT_ADOPTED: 0, OUT_OF_SCOPE: 0 };
const answered = comments.map(c => ({ ...c, articleLabel: c.articleId ? '제11조' : null, decision: c.decision || 'ADOPTED', reason: c.reason || '반영했습니다.' }));
const report = {
  consultationId: 'c-done', title: consultations[1].title, state: 'RESPONDED', comments: 2, unanswered: 0, decisions,
  sections: [
    { articleId: null, label: null, heading: null, comments: [answered[0]], decisions: { ...decisions, PARTLY_ADOPTED: 0 } },
    { articleId: 'a1', label: '제11조', heading: '정보공개 여부의 결정', comments: [answered[1]], decisions: { ...decisions, ADOPTED: 0 } },
  ],
};

/** Answers the consultation API; false when the path is not one of its. */
export function consultationsApi(req, res, { url, json, problem, L }) {
  const p = url.pathname;
  if (!p.startsWith('/api/consultations')) return false;
  if (p === '/api/consultations') { json(res, 200, { items: consultations.map(c => ({ ...c, articles: [], documents: [] })), page: 0, size: 100, total: 2 }); return true; }
  const m = /^\/api\/consultations\/([\w-]+)(\/.*)?$/.exec(p);
  const c = m && consultations.find(x => x.id === m[1]);
  if (!c) { problem(res, 404, L('없음', 'Not found'), ''); return true; }
  const rest = m[2] || '';
  if (rest === '' && req.method === 'GET') json(res, 200, c);
  else if (rest === '/comments' && req.method === 'GET') json(res, 200, { items: comments });
  else if (rest === '/statements' && req.method === 'GET') json(res, 200, { items: statements });
  else if (rest === '/opinion-map') json(res, 200, map);
  else if (rest === '/report') json(res, 200, report);
  else problem(res, 404, L('없음', 'Not found'), '');
  return true;
}
