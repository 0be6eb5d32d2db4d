import '../shell.js';
import { post } from '../api.js';
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
