// The page shell: language switch, account menu, current navigation item.
import { lang, setLang, applyTranslations, onLangChange } from './i18n.js';
import { currentUser, signOut } from './session.js';
import { patch } from './api.js';
import { adminPagesFor } from './roles.js';

function initLangSwitch() {
  const btn = document.getElementById('lang-switch');
  if (!btn) return;
  const render = () => {
    const other = lang() === 'ko' ? 'en' : 'ko';
    btn.setAttribute('lang', other);
    btn.dataset.target = other;
  };
  btn.addEventListener('click', () => { setLang(btn.dataset.target); render(); });
  onLangChange(render);
  render();
}

function markCurrentNav() {
  const path = location.pathname;
  for (const a of document.querySelectorAll('.gnb-menu a[href]')) {
    const href = a.getAttribute('href');
    if (href !== '/' && path.startsWith(href)) {
      a.setAttribute('aria-current', 'page');
      a.classList.add('active');
    }
  }
}

async function initAccountMenu() {
  const user = await currentUser();
  const signedIn = !!user;
  for (const el of document.querySelectorAll('[data-auth="out"]')) el.hidden = signedIn;
  for (const el of document.querySelectorAll('[data-auth="in"]')) el.hidden = !signedIn;
  if (user) {
    const name = document.getElementById('nav-user-name');
    if (name) name.textContent = user.displayName || user.email;
    const admin = document.getElementById('nav-admin');
    if (admin) admin.hidden = adminPagesFor(user).length === 0;
  }
  document.getElementById('nav-signout')?.addEventListener('click', signOut);
  // A signed-in person's language choice also goes to their profile (used for their e-mail).
  onLangChange(next => { if (user) patch('/api/me', { locale: next }, { redirect: false }).catch(() => {}); });
  document.dispatchEvent(new CustomEvent('madang:user', { detail: user }));
}

applyTranslations();
initLangSwitch();
markCurrentNav();
initAccountMenu();
