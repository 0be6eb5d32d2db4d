// Who is signed in. One GET /api/me per page, shared by the header and the page.
import { get, del } from './api.js';
import { hasRole } from './roles.js';

let mePromise = null;

/** The signed-in user, or null. Never redirects. */
export function currentUser() {
  if (!mePromise) {
    mePromise = get('/api/me', { redirect: false }).catch(err => {
      if (err.status === 401) return null;
      return null;
    });
  }
  return mePromise;
}

/** The signed-in user; sends the visitor to sign-in (with next) when there is none. */
export async function requireUser() {
  const user = await get('/api/me');
  mePromise = Promise.resolve(user);
  return user;
}

export function setCurrentUser(user) { mePromise = Promise.resolve(user); }

export async function signOut() {
  try { await del('/api/sessions/current', undefined, { auth: false }); } catch { /* already gone */ }
  mePromise = Promise.resolve(null);
  location.assign('/');
}

export { hasRole };
