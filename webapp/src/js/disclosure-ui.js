// Shared by the disclosure request pages (public, requester, agency): the request's facts and its deadlines, each
// with the server's explanation of why it falls on that day, so every page shows the same statutory clock.
import { lang, setText } from './i18n.js';
import { el, timeEl } from './admin.js';
import { consultation, groundItems } from './disclosure.js';

export const requestLink = ref => `/information/request.html?ref=${encodeURIComponent(ref)}`;
export const handleLink = ref => `/information/handle.html?ref=${encodeURIComponent(ref)}`;

const named = x => (x ? (lang() === 'en' ? x.nameEn : x.nameKo) : null);

function fact(key, value) {
  if (value == null || value === '') return [];
  return [el('dt', { i18n: key }), el('dd', {}, value)];
}

/** Fills a <dl> with what is known about the request, in the order it happened. */
export function fillFacts(dl, r) {
  dl.textContent = '';
  dl.append(
    ...fact('info.agency', named(r.agency)),
    ...fact('info.status', el('span', { i18n: `info.state.${r.status}` })),
    ...fact('info.description', r.description),
    ...fact('info.preferredForm', r.preferredForm ? el('span', { i18n: `info.form.${r.preferredForm}` }) : null),
    ...fact('info.receivedAt', r.receivedAt ? timeEl(r.receivedAt) : null),
    ...fact('info.transferredFrom', named(r.transferredFrom)),
    ...fact('info.transferredAt', r.transferredAt ? timeEl(r.transferredAt) : null),
    ...fact('info.transferReason', r.transferReason),
    ...fact('info.acknowledgedAt', r.acknowledgedAt ? timeEl(r.acknowledgedAt) : null),
    ...fact('info.clarificationRequestedAt', r.clarificationRequestedAt ? timeEl(r.clarificationRequestedAt) : null),
    ...fact('info.clarificationQuestion', r.clarificationQuestion),
    ...fact('info.clarifiedAt', r.clarifiedAt ? timeEl(r.clarifiedAt) : null),
    ...fact('info.clarificationAnswer', r.clarificationAnswer),
    ...fact('info.clarificationPausedDays', r.clarifiedAt ? el('span', { i18n: 'info.days', i18nParams: { days: r.clarificationPausedDays } }) : null),
    ...fact('info.extensionReason', r.extensionReason),
    ...fact('info.decision', r.decision ? el('span', { i18n: `info.decision.${r.decision}` }) : null),
    ...fact('info.ground', named(r.ground)),
    ...fact('info.reason', r.decisionReason),
    ...fact('info.redactions', r.redactions),
    ...fact('info.objectionText', r.objectionText),
    ...fact('info.objectionOutcome', r.objectionOutcome ? el('span', { i18n: `info.outcome.${r.objectionOutcome}` }) : null),
    ...fact('info.objectionReason', r.objectionReason));
}

/** Fills a deadlines <tbody>: kind, last day, open/closed/overdue and the explanation. */
export function fillDeadlines(body, deadlines) {
  body.textContent = '';
  for (const d of deadlines || []) {
    const state = d.overdue ? 'info.overdue' : d.open ? 'info.open' : 'info.closed';
    body.append(el('tr', { 'data-kind': d.kind },
      el('td', {}, el('span', { i18n: `info.deadline.${d.kind}` })),
      el('td', {}, d.lastDay),
      el('td', {}, el('span', { class: d.overdue ? 'krds-badge bg-danger' : null, i18n: state })),
      el('td', {}, lang() === 'en' ? d.explanationEn : d.explanationKo)));
  }
}

/** A short "kind: last day" list of the open deadlines, for tables of requests. */
export function openDeadlinesCell(r) {
  const open = (r.deadlines || []).filter(d => d.open);
  if (!open.length) return el('span', { i18n: 'info.noOpenDeadline' });
  const list = el('ul', {});
  for (const d of open) {
    list.append(el('li', { 'data-kind': d.kind }, el('span', { i18n: `info.deadline.${d.kind}` }), ': ', d.lastDay, ' ',
      d.overdue ? el('span', { class: 'krds-badge bg-danger', i18n: 'info.overdue' }) : null));
  }
  return list;
}

/**
 * Fills a <ul> with the released documents: title (a link to the redacted text, the only text there is), how many
 * passages were withheld and under which items of Art. 9(1).
 */
export function fillDocuments(list, documents) {
  list.textContent = '';
  for (const d of documents || []) {
    const items = groundItems(d.grounds);
    list.append(el('li', { 'data-document': d.id },
      el('a', { href: d.href }, d.title), ' ',
      el('span', {}, `(${d.mediaType})`), ' · ',
      el('span', { i18n: 'info.redactedPassages', i18nParams: { count: d.redactedPassages } }),
      items.length ? ' · ' : null,
      items.length ? el('span', { i18n: 'info.redactedGrounds', i18nParams: { items: items.join(', ') } }) : null,
      ' · ', timeEl(d.attachedAt)));
  }
  if (!list.children.length) list.append(el('li', { i18n: 'info.noDocuments' }));
}

/** The consultation of third parties as anyone may see it: how many were notified, objected, may still object. */
export function fillConsultation(p, r) {
  const c = consultation(r);
  setText(p, 'info.consultationState', c);
  return c;
}
