import '../shell.js';
import { requireUser } from '../session.js';
import { adminPagesFor } from '../roles.js';
import { announce } from '../forms.js';
import { problemMessage } from '../problem.js';

requireUser().then(user => {
  const pages = adminPagesFor(user);
  if (!pages.length) { announce('result', 'error', { key: 'admin.forbidden' }); return; }
  document.getElementById('result').textContent = '';
  for (const li of document.querySelectorAll('#admin-tools [data-page]')) li.hidden = !pages.includes(li.dataset.page);
  document.getElementById('admin-tools').hidden = false;
}).catch(err => announce('result', 'error', { text: problemMessage(err.problem) || err.message }));
