import '../shell.js';
import { post } from '../api.js';
import { validate } from '../validation.js';
import { handleForm, announce } from '../forms.js';

const form = document.getElementById('password-reset-form');
handleForm(form, {
  rules: { email: ['required', 'email'] },
  validateFn: validate,
  submit: v => post('/api/password-resets', { email: v.email.trim() }, { auth: false }),
  success: () => {
    form.hidden = true;
    announce('result', 'success', { key: 'reset.done' });
  },
});
