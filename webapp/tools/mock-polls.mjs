// The mock server's polls: a ranked-choice poll with live results (rounds, a breakdown with hidden cells) and a
// single-choice poll whose results wait for the close, so that npm run axe sees the poll pages filled in.
export const POLL_IDS = { ranked: 'p-ranked', single: 'p-single' };

const options = [{ ko: '공원', en: 'Park' }, { ko: '도서관', en: 'Library' }, { ko: '주차장', en: 'Car park' }];
const base = {
  organisationId: null, state: 'PUBLISHED', options, minChoices: 1, maxChoices: 3, audience: 'SIGNED_IN', districts: [],
  opensAt: '2026-11-01T00:00:00Z', closesAt: '2027-12-01T00:00:00Z', open: true, closed: false, k: 5, myAnswer: null, eligible: true, version: 0,
};
const polls = [
  { ...base, id: 'p-ranked', kind: 'RANKED', questionKo: '동네에 무엇을 먼저 지을까요?', questionEn: 'What should the neighbourhood build first?',
    allowChange: true, visibility: 'LIVE', resultsVisible: true },
  { ...base, id: 'p-single', kind: 'SINGLE', questionKo: '도서관 운영 시간을 늘릴까요?', questionEn: 'Should the library open longer?',
    options: [{ ko: '예', en: 'Yes' }, { ko: '아니요', en: 'No' }], allowChange: false, visibility: 'AFTER_CLOSE', resultsVisible: false },
];
const results = {
  kind: 'RANKED', respondents: 16, mean: null, tieBreakRule: 'fewest-votes',
  counts: options.map((o, i) => ({ key: String(i), ...o, count: [7, 6, 3][i] })),
  rounds: [
    { number: 1, votes: [7, 6, 3], exhausted: 0, eliminated: 2, winner: null, tieBroken: false },
    { number: 2, votes: [8, 8, -1], exhausted: 0, eliminated: 1, winner: null, tieBroken: true },
    { number: 3, votes: [16, -1, -1], exhausted: 0, eliminated: null, winner: 0, tieBroken: false },
  ],
  breakdowns: [
    { dimension: 'district', categories: [], columns: ['0', '1', '2'], cells: [], rowTotals: [], columnTotals: [], total: null, k: 5 },
    { dimension: 'ageBand', categories: [], columns: ['0', '1', '2'], cells: [], rowTotals: [], columnTotals: [], total: null, k: 5 },
    { dimension: 'gender', categories: ['FEMALE', 'MALE'], columns: ['0', '1', '2'], cells: [[5, null, null], [null, 5, null]],
      rowTotals: [10, 6], columnTotals: [7, 6, null], total: 16, k: 5 },
  ],
};
const chart = '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="chart" width="320" height="60"><rect x="0" y="10" width="140" height="20" fill="#256ef4"/></svg>';
let attributes = { birthYear: null, gender: null, shareDistrict: false };

/** Answers the polls API; false when the path is not one of its. */
export function pollsApi(req, res, { url, json, problem, L, b }) {
  const p = url.pathname;
  if (!p.startsWith('/api/polls')) return false;
  if (p === '/api/polls') { json(res, 200, { items: polls, page: Number(url.searchParams.get('page') || 0), size: 20 }); return true; }
  if (p === '/api/polls/attributes') {
    if (req.method === 'PUT') attributes = { birthYear: b.birthYear ?? null, gender: b.gender ?? null, shareDistrict: !!b.shareDistrict };
    json(res, 200, attributes);
    return true;
  }
  const m = /^\/api\/polls\/([\w-]+)(\/.*)?$/.exec(p);
  const poll = m && polls.find(x => x.id === m[1]);
  if (!poll) { problem(res, 404, L('없음', 'Not found'), ''); return true; }
  const rest = m[2] || '';
  if (rest === '') json(res, 200, poll);
  else if (rest === '/response' && req.method === 'PUT') { poll.myAnswer = b.choices; json(res, 200, { pollId: poll.id, choices: b.choices, answeredAt: new Date().toISOString() }); }
  else if (!poll.resultsVisible) problem(res, 403, L('결과 비공개', 'Results hidden'), '');
  else if (rest === '/results') json(res, 200, results);
  else if (rest === '/results.svg') { res.writeHead(200, { 'Content-Type': 'image/svg+xml' }); res.end(chart); }
  else problem(res, 404, L('없음', 'Not found'), '');
  return true;
}
