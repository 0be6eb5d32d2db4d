import '../shell.js';
import { get, post } from '../api.js';
import { lang, onLangChange, setText } from '../i18n.js';
import { validate } from '../validation.js';
import { values, showValidation, showProblem, announce, busy, clearErrors } from '../forms.js';
import { isMfaRequired } from '../problem.js';
import { safeNext } from '../next.js';
import { setCurrentUser } from '../session.js';

const form = document.getElementById('signin-form');
const totpGroup = document.getElementById('totp-group');
const totpInput = document.getElementById('totp-code');
const next = safeNext(new URLSearchParams(location.search).get('next'), '/');

function askForCode() {
  totpGroup.hidden = false;
  totpInput.disabled = false;
  totpInput.required = true;
  announce(form, 'info', { key: 'signin.mfaNeeded' });
  totpInput.focus();
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const v = values(form);
  const rules = { email: ['required', 'email'], password: ['required'] };
  if (!totpInput.disabled) rules.totpCode = ['required', 'totp'];
  if (showValidation(form, validate(v, rules))) return;
  await busy(form, async () => {
    try {
      const body = { email: v.email.trim(), password: v.password };
      if (!totpInput.disabled) body.totpCode = v.totpCode.trim();
      const session = await post('/api/sessions', body, { auth: false });
      clearErrors(form);
      setCurrentUser(session?.user || null);
      announce(form, 'success', { key: 'signin.done' });
      location.assign(next);
    } catch (err) {
      if (!err.problem) throw err;
      if (isMfaRequired(err) && totpInput.disabled) { clearErrors(form); askForCode(); return; }
      showProblem(form, err);
    }
  });
});

// Sign-in with the configured OpenID Connect provider: shown only when the server has one.
const oidcSection = document.getElementById('oidc-signin');
const oidcLink = document.getElementById('oidc-link');
let provider = null;

function labelProvider() {
  if (!provider) return;
  setText(oidcLink, 'signin.oidcButton', { name: lang() === 'en' ? provider.displayNameEn : provider.displayNameKo });
}

get('/api/sessions/oidc', { auth: false }).then((availability) => {
  if (!availability?.enabled) return;
  provider = availability;
  oidcLink.href = `/api/sessions/oidc/start?next=${encodeURIComponent(next)}`;
  labelProvider();
  oidcSection.hidden = false;
}).catch(() => { /* no provider button; password sign-in still works */ });
onLangChange(labelProvider);

if (new URLSearchParams(location.search).get('error') === 'oidc') announce(form, 'error', { key: 'signin.oidcFailed' });
