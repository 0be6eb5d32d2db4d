import '../shell.js';
import { post } from '../api.js';
import { announce } from '../forms.js';
import { problemMessage } from '../problem.js';

const token = new URLSearchParams(location.search).get('token');
if (!token) {
  announce('result', 'error', { key: 'verify.noToken' });
} else {
  post('/api/me/email-changes/confirmations', { token })
    .then(() => {
      announce('result', 'success', { key: 'emailConfirm.done' });
      document.getElementById('confirm-next').hidden = false;
    })
    .catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
}
