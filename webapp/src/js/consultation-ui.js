// Shared by the consultation pages: the id in the URL, API paths, state badges and Seoul times.
import { el } from './admin.js';
export { seoulTime } from './election-ui.js';

export function consultationIdFromUrl() {
  const id = new URLSearchParams(location.search).get('id');
  return id && /^[\w-]{1,64}$/.test(id) ? id : null;
}

export const consultationPath = (id, rest = '') => `/api/consultations/${encodeURIComponent(id)}${rest}`;

const BADGES = { DRAFT: 'outline-gray', OPEN: 'outline-success', CLOSED: 'outline-secondary', RESPONDED: 'outline-primary', WITHDRAWN: 'outline-danger' };

export function consultationBadge(state) {
  return el('span', { class: `krds-badge ${BADGES[state] || 'outline-gray'} madang-state`, i18n: `consultation.state.${state}` });
}

/** A proposal's word diff as text with deletions and insertions marked (and named for screen readers). */
export function diffView(spans) {
  const p = el('p', { class: 'madang-diff' });
  for (const s of spans || []) {
    if (s.op === 'EQUAL') p.append(s.text);
    else if (s.op === 'DELETE') p.append(el('del', {}, el('span', { class: 'sr-only', i18n: 'consultation.deleted' }), s.text));
    else p.append(el('ins', {}, el('span', { class: 'sr-only', i18n: 'consultation.inserted' }), s.text));
  }
  return p;
}
