// Shared by the poll pages: the id in the URL, API paths and the state badge.
import { el } from './admin.js';

export function pollIdFromUrl() {
  const id = new URLSearchParams(location.search).get('id');
  return id && /^[\w-]{1,64}$/.test(id) ? id : null;
}

export const pollPath = (id, rest = '') => `/api/polls/${encodeURIComponent(id)}${rest}`;

/** PROPOSED / REJECTED for proposals, else whether the poll is open, closed or not yet open. */
export function pollStatus(p) {
  if (p.state !== 'PUBLISHED') return p.state;
  if (p.closed) return 'CLOSED';
  return p.open ? 'OPEN' : 'UPCOMING';
}

const BADGES = { OPEN: 'outline-success', CLOSED: 'outline-secondary', UPCOMING: 'outline-information', PROPOSED: 'outline-warning', REJECTED: 'outline-danger' };

export function pollBadge(p) {
  const status = pollStatus(p);
  return el('span', { class: `krds-badge ${BADGES[status] || 'outline-gray'} madang-state`, i18n: `poll.status.${status}` });
}
