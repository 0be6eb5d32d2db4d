import '../shell.js';
import { post } from '../api.js';
import { validate } from '../validation.js';
import { handleForm, announce } from '../forms.js';

const form = document.getElementById('password-reset-confirm-form');
const token = new URLSearchParams(location.search).get('token');
if (!token) {
  form.hidden = true;
  announce('result', 'error', { key: 'verify.noToken' });
}
handleForm(form, {
  rules: { newPassword: ['required', 'password'], newPasswordConfirm: ['required', ['match', 'newPassword']] },
  validateFn: validate,
  submit: v => post('/api/password-resets/confirmations', { token, newPassword: v.newPassword }, { auth: false }),
  success: () => {
    form.hidden = true;
    announce('result', 'success', { key: 'resetConfirm.done' });
    document.getElementById('reset-next').hidden = false;
  },
});
