// Pure rules of the disclosure pages (no DOM): which moves a request's state allows, and who may object. They mirror
// the server's rules so the pages offer only what will be accepted; the server stays the authority.

/** A reference as the server issues them (year-sequence); anything else is not worth a request. */
export const isReference = ref => /^\d{4}-\d{6,9}$/.test(ref || '');

/** The open deadline of one kind, or undefined. */
export const openDeadline = (r, kind) => (r.deadlines || []).find(d => d.kind === kind && d.open);

/** Both refusals need a ground of Art. 9(1) and a reason: a partial disclosure withholds the redacted part. */
export const withholds = decision => decision === 'NOT_DISCLOSED' || decision === 'PARTLY_DISCLOSED';

/** The objection deadline the requester may still use, or null (nothing to object to when all was disclosed). */
export function objectionWindow(r) {
  if (!r || !r.mine || r.decision === 'DISCLOSED') return null;
  return openDeadline(r, 'OBJECTION') || null;
}

/** The agency's moves in the request's state: acknowledge, extend once, decide, then the objection's; besides them
 *  asking the requester to clarify, transferring, hearing a third party, and releasing documents once disclosed. */
export function handlingMoves(r) {
  const undecided = r.status === 'RECEIVED' || r.status === 'ACKNOWLEDGED';
  const disclosed = r.decision === 'DISCLOSED' || r.decision === 'PARTLY_DISCLOSED';
  return {
    acknowledge: r.status === 'RECEIVED',
    extend: undecided && !r.extendedAt,
    decide: undecided || r.status === 'AWAITING_CLARIFICATION',
    objectionExtend: r.status === 'OBJECTED' && !r.objectionExtendedAt,
    objectionDecide: r.status === 'OBJECTED',
    clarify: undecided,
    transfer: undecided,
    notifyThirdParty: undecided || r.status === 'AWAITING_CLARIFICATION',
    release: disclosed && !openDeadline(r, 'DISCLOSURE_WAIT'),
  };
}

/** The requester (and only they) answers the agency's question while the request waits for it. */
export const clarificationToAnswer = r => Boolean(r && r.mine && r.status === 'AWAITING_CLARIFICATION');

/**
 * The secret of a third party's notice link, from the address's fragment ("#token=…"); '' when there is none.
 * Only the characters the server puts in a token are accepted.
 */
export function noticeToken(hash) {
  const token = new URLSearchParams(String(hash || '').replace(/^#/, '')).get('token') || '';
  return /^[A-Za-z0-9_-]{1,100}$/.test(token) ? token : '';
}

/** How the consultation of third parties stands, without saying who they are: notified, objected, still may object. */
export function consultation(r) {
  const parties = (r && r.thirdParties) || [];
  const windows = ((r && r.deadlines) || []).filter(d => d.kind === 'THIRD_PARTY_OBJECTION');
  return {
    notified: parties.length,
    objected: parties.filter(p => p.objectedAt).length,
    mayObject: windows.filter(d => d.open).length,
  };
}

/** The Art. 9(1) items a released document withheld passages under, as "ITEM_7" codes → item numbers. */
export const groundItems = grounds => (grounds || []).map(g => Number(String(g).replace(/^ITEM_/, ''))).filter(Number.isInteger);
