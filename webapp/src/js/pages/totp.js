import '../shell.js';
import { post } from '../api.js';
import { validate, groupSecret } from '../validation.js';
import { handleForm, announce } from '../forms.js';
import { requireUser, setCurrentUser } from '../session.js';
import { problemMessage } from '../problem.js';
import { renderQr } from '../qr.js';

const $ = id => document.getElementById(id);
let user = null;

async function beginSetup() {
  const setup = await post('/api/me/totp');
  $('totp-secret').textContent = groupSecret(setup.secret);
  $('totp-uri').textContent = setup.otpauthUri;
  renderQr($('totp-qr'), setup.otpauthUri);
  $('totp-setup').hidden = false;
  $('result').textContent = '';
}

function showEnabled() {
  $('totp-setup').hidden = true;
  $('totp-enabled').hidden = false;
}

requireUser().then(async u => {
  user = u;
  if (u.totpEnabled) { $('result').textContent = ''; showEnabled(); } else await beginSetup();
}).catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));

handleForm($('totp-confirm-form'), {
  rules: { code: ['required', 'totp'] },
  validateFn: validate,
  submit: v => post('/api/me/totp/confirmations', { code: v.code.trim() }),
  success: () => {
    user = { ...user, totpEnabled: true };
    setCurrentUser(user);
    $('totp-confirm-form').reset();
    showEnabled();
    announce('result', 'success', { key: 'totp.enabledNow' });
    $('enabled-heading').focus();
  },
});

handleForm($('totp-disable-form'), {
  rules: { code: ['required', 'totp'] },
  validateFn: validate,
  submit: v => post('/api/me/totp/deactivations', { code: v.code.trim() }),
  success: async () => {
    user = { ...user, totpEnabled: false };
    setCurrentUser(user);
    $('totp-disable-form').reset();
    $('totp-enabled').hidden = true;
    announce('result', 'success', { key: 'totp.disabledNow' });
    try { await beginSetup(); } catch (err) { announce('result', 'error', { text: problemMessage(err.problem) }); }
  },
});
