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

/** The agency's moves in the request's state: acknowledge, extend once, decide, then the objection's. */
export function handlingMoves(r) {
  const undecided = r.status === 'RECEIVED' || r.status === 'ACKNOWLEDGED';
  return {
    acknowledge: r.status === 'RECEIVED',
    extend: undecided && !r.extendedAt,
    decide: undecided,
    objectionExtend: r.status === 'OBJECTED' && !r.objectionExtendedAt,
    objectionDecide: r.status === 'OBJECTED',
  };
}
