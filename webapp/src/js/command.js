// A command line the reader copies exactly (trustees, auditors): shown as code, with a copy button.
import { el } from './admin.js';
import { setText } from './i18n.js';

export function commandBlock(command, labelKey) {
  const status = el('span', { class: 'madang-copy-status', role: 'status' });
  const button = el('button', { type: 'button', class: 'krds-btn small secondary' },
    el('span', { i18n: 'election.copy' }), el('span', { class: 'sr-only', i18n: labelKey }));
  button.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(command); setText(status, 'election.copied'); } catch { setText(status, 'election.copyFailed'); }
  });
  return [el('pre', { class: 'madang-pre madang-uri' }, el('code', {}, command)), button, status];
}

/** Quotes an argument for a POSIX shell when it needs it. */
export const shellArg = s => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${String(s).replace(/'/g, `'\\''`)}'`);
