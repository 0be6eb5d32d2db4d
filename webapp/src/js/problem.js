// RFC 9457 problem details: normalising what the API (or the network) gave us.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  get type() { return this.problem.type || ''; }
  get fieldErrors() { return Array.isArray(this.problem.errors) ? this.problem.errors : []; }
}

/** True when a sign-in was refused only because the second factor is missing. */
export function isMfaRequired(err) {
  return !!err && err.status === 401 && typeof err.type === 'string' && err.type.endsWith('/mfa-required');
}

/** Builds a problem object from a response body that may not be problem+json. */
export function toProblem(status, body, fallbackTitle) {
  if (body && typeof body === 'object' && (body.title || body.detail || body.type)) {
    return {
      type: body.type || 'about:blank',
      title: body.title || fallbackTitle || '',
      status: body.status || status,
      detail: body.detail || '',
      errors: Array.isArray(body.errors) ? body.errors.filter(e => e && e.field) : undefined,
      // The roll import's 422 lists the refused CSV lines as an extension member.
      rejected: Array.isArray(body.rejected) ? body.rejected.filter(r => r && r.line != null) : undefined,
    };
  }
  return { type: 'about:blank', title: fallbackTitle || `HTTP ${status}`, status, detail: '' };
}

/** The one line to show for an error: detail when present, else title. */
export function problemMessage(problem) {
  return (problem && (problem.detail || problem.title)) || '';
}
