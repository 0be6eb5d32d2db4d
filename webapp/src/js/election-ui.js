// Shared by the election pages (public and administration): the id in the URL, state badges,
// Seoul times, bilingual titles, and a copy button for long hex values.
import { lang, t, setText } from './i18n.js';
import { el } from './admin.js';
import { stateBadgeClass, localized, shortHex } from './elections.js';

/** The election id from ?id=…, or null. */
export function electionIdFromUrl() {
  const id = new URLSearchParams(location.search).get('id');
  return id && /^[\w-]{1,64}$/.test(id) ? id : null;
}

export const electionPath = (id, rest = '') => `/api/elections/${encodeURIComponent(id)}${rest}`;

export function stateBadge(state) {
  return el('span', { class: `krds-badge ${stateBadgeClass(state)} madang-state`, i18n: `election.state.${state}` });
}

/** A time in Asia/Seoul, whatever the reader's own zone, with the zone said ("2026. 12. 1. 오후 6:00 (KST)"). */
export function seoulTime(iso) {
  if (!iso) return el('span', { i18n: 'election.notSet' });
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return el('span', {}, String(iso));
  const text = new Intl.DateTimeFormat(lang() === 'ko' ? 'ko-KR' : 'en-GB', {
    year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Seoul',
  }).format(d);
  return el('time', { datetime: iso }, `${text} ${t('election.kst')}`);
}

export const title = e => localized(e, 'title', lang());
export const description = e => localized(e, 'description', lang());
export const nameOf = x => localized(x, 'name', lang());

/** A long hex value: shortened on screen, the whole value copyable and readable in a disclosure. */
export function hexValue(hex, labelKey) {
  if (!hex) return el('span', { i18n: 'election.notYet' });
  const wrap = el('div', { class: 'madang-hex' });
  const status = el('span', { class: 'madang-copy-status', role: 'status' });
  const copy = el('button', { type: 'button', class: 'krds-btn xsmall secondary' },
    el('span', { i18n: 'election.copy' }), el('span', { class: 'sr-only', i18n: labelKey }));
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(hex);
      setText(status, 'election.copied');
    } catch {
      setText(status, 'election.copyFailed');
    }
  });
  const details = el('details', { class: 'madang-details' },
    el('summary', { i18n: 'election.showAll' }), el('code', { class: 'madang-uri' }, hex));
  wrap.append(el('code', { class: 'madang-uri', title: hex }, shortHex(hex, 10)), ' ', copy, ' ', status, details);
  return wrap;
}
