import '../shell.js';
import { post, patch } from '../api.js';
import { t, setText, onLangChange } from '../i18n.js';
import { validate } from '../validation.js';
import { handleForm, announce } from '../forms.js';
import { requireUser, setCurrentUser, signOut } from '../session.js';
import { problemMessage } from '../problem.js';

let user = null;
const $ = id => document.getElementById(id);

function roleText(r) {
  const name = t(`role.${r.role || r}`);
  return r.organisationId != null ? `${name} (${t('account.orgScope', { id: r.organisationId })})` : name;
}

function render() {
  if (!user) return;
  $('account-email').textContent = user.email;
  $('account-display-name').textContent = user.displayName || '';
  setText($('account-identity-level'), `identity.${user.identityLevel || 'REGISTERED'}`);
  $('account-roles').textContent = (user.roles || []).map(roleText).join(', ') || t('account.noRoles');
  setText($('account-totp'), user.totpEnabled ? 'account.totpOn' : 'account.totpOff');
  setText($('account-totp-text'), user.totpEnabled ? 'account.totpOnBody' : 'account.totpOffBody');
}

requireUser().then(u => {
  user = u;
  $('display-name').value = u.displayName || '';
  render();
  $('result').textContent = '';
  $('account').hidden = false;
}).catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
onLangChange(render);

handleForm($('profile-form'), {
  rules: { displayName: ['required', ['max', 60]] },
  validateFn: validate,
  submit: v => patch('/api/me', { displayName: v.displayName.trim() }),
  success: u => {
    if (u) { user = u; setCurrentUser(u); render(); }
    const nav = $('nav-user-name');
    if (nav && user) nav.textContent = user.displayName || user.email;
    announce($('profile-form'), 'success', { key: 'account.saved' });
  },
});

handleForm($('email-change-form'), {
  rules: { newEmail: ['required', 'email'], password: ['required'] },
  validateFn: validate,
  submit: v => post('/api/me/email-changes', { newEmail: v.newEmail.trim(), password: v.password }),
  success: (r, v) => {
    $('email-change-form').reset();
    announce($('email-change-form'), 'success', { key: 'account.emailChangeSent', params: { email: v.newEmail.trim() } });
  },
});

handleForm($('password-form'), {
  rules: {
    currentPassword: ['required'],
    newPassword: ['required', 'password'],
    newPasswordConfirm: ['required', ['match', 'newPassword']],
  },
  validateFn: validate,
  submit: v => post('/api/me/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
  success: () => {
    $('password-form').reset();
    announce($('password-form'), 'success', { key: 'account.passwordChanged' });
  },
});

$('signout-button').addEventListener('click', signOut);
