import '../shell.js';
import { post } from '../api.js';
import { announce } from '../forms.js';
import { problemMessage } from '../problem.js';

const token = new URLSearchParams(location.search).get('token');
if (!token) {
  announce('result', 'error', { key: 'verify.noToken' });
} else {
  post('/api/accounts/email-verifications', { token }, { auth: false })
    .then(() => {
      announce('result', 'success', { key: 'verify.done' });
      document.getElementById('verify-next').hidden = false;
    })
    .catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
}
