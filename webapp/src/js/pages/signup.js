import '../shell.js';
import { post } from '../api.js';
import { lang } from '../i18n.js';
import { validate } from '../validation.js';
import { handleForm, announce } from '../forms.js';

const form = document.getElementById('signup-form');
handleForm(form, {
  rules: {
    email: ['required', 'email'],
    displayName: ['required', ['max', 60]],
    password: ['required', 'password'],
    passwordConfirm: ['required', ['match', 'password']],
  },
  validateFn: validate,
  submit: v => post('/api/accounts',
    { email: v.email.trim(), password: v.password, displayName: v.displayName.trim(), locale: lang() },
    { auth: false }),
  success: (account, v) => {
    form.hidden = true;
    announce('result', 'success', { key: 'signup.done', params: { email: account?.email || v.email } });
    document.getElementById('result').focus();
  },
});
