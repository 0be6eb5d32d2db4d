// Roles and identity levels as the API names them; pure helpers for the pages.

export const ROLES = ['CITIZEN', 'OFFICIAL', 'ORG_ADMIN', 'MODERATOR', 'REGISTRAR', 'ELECTION_ADMIN', 'AUDITOR', 'ADMIN', 'PRIVACY_OFFICER'];
export const IDENTITY_LEVELS = ['REGISTERED', 'VERIFIED_RESIDENT'];

/**
 * True when the user's session holds any of the roles (at any organisation scope). Staff roles count only once
 * signed in with the second factor, which the API reports as activeRoles.
 */
export function hasRole(user, ...roles) {
  if (!user) return false;
  const held = Array.isArray(user.activeRoles) ? user.activeRoles : (user.roles || []);
  return held.some(r => roles.includes(typeof r === 'string' ? r : r.role));
}

/** Admin pages the user may open, in menu order. */
export function adminPagesFor(user) {
  const pages = [];
  if (hasRole(user, 'ADMIN')) pages.push('organisations');
  if (hasRole(user, 'ADMIN', 'REGISTRAR')) pages.push('users');
  if (hasRole(user, 'ADMIN')) pages.push('outbox');
  if (hasRole(user, 'ADMIN', 'AUDITOR')) pages.push('audit');
  if (hasRole(user, 'ADMIN')) pages.push('holidays');
  if (hasRole(user, 'ELECTION_ADMIN')) pages.push('elections', 'election-new');
  if (hasRole(user, 'PRIVACY_OFFICER')) pages.push('privacy');
  return pages;
}

/** Orders organisations as a tree: [{org, depth}] with ministries first, agencies beneath. */
export function orgTree(orgs, lang = 'ko') {
  const byParent = new Map();
  const ids = new Set(orgs.map(o => o.id));
  for (const o of orgs) {
    const p = o.parentId != null && ids.has(o.parentId) ? o.parentId : null;
    if (!byParent.has(p)) byParent.set(p, []);
    byParent.get(p).push(o);
  }
  const name = o => (lang === 'en' ? o.nameEn : o.nameKo) || o.nameKo || o.nameEn || '';
  for (const list of byParent.values()) list.sort((a, b) => name(a).localeCompare(name(b), lang));
  const out = [];
  const seen = new Set();
  const walk = (parent, depth) => {
    for (const o of byParent.get(parent) || []) {
      if (seen.has(o.id)) continue; // guards against cycles in bad data
      seen.add(o.id);
      out.push({ org: o, depth });
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Ids of an organisation and everything beneath it (it cannot be moved under these). */
export function descendantsOf(orgs, id) {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentId != null && result.has(o.parentId) && !result.has(o.id)) { result.add(o.id); grew = true; }
    }
  }
  return result;
}
