// Runs axe-core on every built page, in Korean and in English, signed out, signed in as the mock admin
// (account and admin pages) and as the mock election administrator (election pages), plus form error states. Uses the machine's Chromium via puppeteer-core.
// Usage: npm run build && npm run axe   (CHROMIUM=/path/to/chromium to override)
import puppeteer from 'puppeteer-core';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { start } from './serve.mjs';
import { ELECTION_IDS } from './mock-elections.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const walk = d => readdirSync(d).flatMap(n => { const p = join(d, n); return statSync(p).isDirectory() ? walk(p) : [p]; });
const pages = walk(dist).filter(p => p.endsWith('.html')).map(p => '/' + relative(dist, p).split('\\').join('/')).sort();
const queries = { '/verify-email.html': '?token=ok', '/password-reset-confirm.html': '?token=ok', '/email-change-confirm.html': '?token=ok' };

const server = await start(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let total = 0;
async function check(page, lang, who, label) {
  // KRDS animates colours (0.4 s); let transitions settle so contrast is measured at rest.
  await new Promise(r => setTimeout(r, 450));
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const v = result.violations;
  total += v.length;
  console.log(`${v.length ? 'FAIL' : 'ok  '} [${lang}${who ? `, ${who}` : ''}] ${label} (lang=${htmlLang})`);
  if (htmlLang !== lang) { console.log(`  <html lang> is ${htmlLang}, expected ${lang}`); total++; }
  for (const x of v) {
    console.log(`  ${x.id} (${x.impact}): ${x.help}`);
    for (const n of x.nodes.slice(0, 5)) console.log(`    ${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}`);
  }
}
const cspErrors = [];
const E = ELECTION_IDS;
// Which pages each visitor sees: signed out, the platform admin, and an election administrator.
const electionAdminPage = path => /^\/admin\/election-/.test(path);
const visitsOf = path => {
  if (electionAdminPage(path)) {
    return {
      '/admin/election-new.html': [''],
      '/admin/election-edit.html': [`?id=${E.draft}`, `?id=${E.open}`],
      '/admin/election-manifest.html': [`?id=${E.draft}`, `?id=${E.open}`],
      '/admin/election-manage.html': [`?id=${E.draft}`, `?id=${E.tallying}`, `?id=${E.published}`],
    }[path] || [''];
  }
  if (path === '/elections/election.html') return [`?id=${E.open}`, `?id=${E.published}`];
  if (path === '/elections/vote.html') return [`?id=${E.open}`, `?id=${E.published}`, `?id=${E.ready}`];
  if (path === '/elections/trustee.html') return [`?id=${E.ceremony}`, `?id=${E.tallying}`];
  if (path === '/elections/board.html') return [`?id=${E.open}`, `?id=${E.published}`];
  if (path === '/elections/record.html' || path === '/elections/results.html') return [`?id=${E.published}`];
  if (path === '/elections/index.html') return ['', '?page=2'];
  if (path === '/consultations/consultation.html') return ['?id=c-open', '?id=c-done'];
  if (path === '/consultations/report.html') return ['?id=c-done'];
  if (path === '/forums/forum.html') return ['?id=f-topic', '?id=f-org'];
  if (path === '/forums/thread.html') return ['?id=t-1'];
  if (path === '/polls/poll.html') return ['?id=p-ranked', '?id=p-single'];
  return [queries[path] || ''];
};
const csvFile = join(mkdtempSync(join(tmpdir(), 'madang-axe-')), 'roll.csv');
writeFileSync(csvFile, 'email,district\nresident1@madang.test,seoul-jongno\nnot an e-mail line\n');

// Error states: fill or submit a form wrongly, then look again.
async function errorStates(page, path, query, lang, who) {
  const again = label => check(page, lang, who, `${path}${query} (${label})`);
  const errorForm = { '/signup.html': '#signup-form', '/signin.html': '#signin-form', '/account.html': '#password-form' }[path];
  if (errorForm) {
    await page.click(`${errorForm} button[type=submit]`);
    await page.waitForSelector('.form-hint-invalid');
    await again('errors shown');
  }
  if (path === '/admin/election-new.html') {
    await page.$eval('#quorum', x => { x.value = '7'; x.dispatchEvent(new Event('input', { bubbles: true })); });
    await page.click('#election-form button[type=submit]');
    await page.waitForSelector('.form-hint-invalid');
    await page.click('#demo-trustees');
    await again('errors shown, demo warning');
  }
  if (path === '/admin/election-manifest.html' && query.includes(E.draft)) {
    // Client-side errors: a bad id and an empty name.
    await page.click('#add-district');
    await page.type('#mf-districts-1-id', 'Seoul Jung');
    await page.click('#manifest-form button[type=submit]');
    await page.waitForSelector('.form-hint-invalid');
    await again('client errors');
    // Server-side errors mapped to the inputs: the contest's district is on no ballot style.
    await page.$eval('#mf-districts-1-id', x => { x.value = ''; });
    await page.type('#mf-districts-1-id', 'seoul-jung');
    await page.type('#mf-districts-1-nameKo', '중구');
    await page.type('#mf-districts-1-nameEn', 'Jung-gu');
    await page.focus('#mf-contests-0-titleKo');
    await new Promise(r => setTimeout(r, 100));
    await page.select('#mf-contests-0-districtId', 'seoul-jung');
    // element.click(): a coordinate click can land on the sticky header once the error summary has moved the page
    await press(page, '#manifest-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#manifest-form-status')?.textContent && document.querySelector('#mf-contests-0-districtId[aria-invalid]'));
    await again('server errors');
    await page.select('#mf-contests-0-kind', 'K_OF_N');
    await page.click('#btn-add-mf-contests-0-options');
    await again('k-of-n with an added option');
  }
  if (path === '/admin/election-manage.html' && query.includes(E.draft)) {
    await page.click('#trustees-form button[type=submit]');
    await page.waitForSelector('#trustees-form .form-hint-invalid');
    const file = await page.$('#roll-file');
    await file.uploadFile(csvFile);
    await page.click('#import-form button[type=submit]');
    await page.waitForSelector('#rejected:not([hidden])');
    await again('trustee and CSV errors');
    await page.click('#transitions [data-to="KEY_CEREMONY"]');
    await page.waitForSelector('#confirm-dialog[open]');
    await again('confirm dialog');
    await page.click('#confirm-yes');
    await page.waitForSelector('#lifecycle-status.is-error');
    await again('move refused');
  }
  if (path === '/forums/index.html' && !who) {
    await press(page, '#search-form button[type=submit]');
    await page.waitForSelector('#search-form .form-hint-invalid');
    await again('empty search');
    await page.type('#search-q', '디지털');
    await press(page, '#search-form button[type=submit]');
    await page.waitForSelector('#search-results mark');
    await again('search results');
  }
  if (path === '/forums/forum.html' && query.includes('f-topic') && who === 'citizen@madang.test') {
    await press(page, '#thread-form button[type=submit]');
    await page.waitForSelector('#thread-form .form-hint-invalid');
    await again('new thread errors');
  }
  if (path === '/forums/thread.html' && who === 'citizen@madang.test') {
    await press(page, '#reply-form button[type=submit]');
    await page.waitForSelector('#reply-form .form-hint-invalid');
    await again('reply errors');
    await press(page, '#post-r-1 [data-action=reply]');
    await again('replying to a reply');
    await press(page, '#post-r-1 [data-action=flag]');
    await page.waitForSelector('#flag-dialog[open] #flag-reason option[value=SPAM]');
    await press(page, '#flag-form button[type=submit]');
    await page.waitForSelector('#flag-form .form-hint-invalid');
    await again('flag dialog with an error');
    await press(page, '#flag-cancel');
    await press(page, '#post-r-6 [data-action=edit]');
    await page.waitForSelector('#edit-dialog[open]');
    await again('edit dialog');
    await press(page, '#edit-cancel');
    await press(page, '#post-t-1 [data-action=history]');
    await page.waitForSelector('#history li');
    await again('revision history');
    await press(page, '#history-close');
  }
  if (path === '/forums/moderation.html' && who === 'moderator@madang.test') {
    await page.select('#d-case-1-outcome', 'SUSPEND_AUTHOR');
    await press(page, '#d-case-1-form button[type=submit]');
    await page.waitForSelector('#d-case-1-form .form-hint-invalid');
    await again('decision errors');
  }
}

// The voter's flow, step by step (the real browser encryption, on the mock's real election documents): credential,
// ballot at its limit, review with an under-vote, encryption, challenge, vote again, cast, receipt; then
// the receipt check with that receipt, and the board search.
const visible = (page, sel) => page.$eval(sel, x => !x.hidden && !!x.offsetParent).catch(() => false);
const press = (page, sel) => page.$eval(sel, x => x.click());
async function voterFlow(page, path, query, lang, who) {
  const again = label => check(page, lang, who, `${path}${query} (${label})`);
  if (path === '/elections/board.html' && query.includes(E.published)) {
    await page.type('#code', 'zz');
    await press(page, '#search-form button[type=submit]');
    await page.waitForSelector('#search-form .form-hint-invalid');
    await again('bad code');
    await page.$eval('#code', x => { x.value = ''; });
    await page.type('#code', 'ab');
    await press(page, '#search-form button[type=submit]');
    await page.waitForFunction(() => /ab/i.test(location.search));
    await again('search');
  }
  if (path === '/elections/receipt.html') {
    await press(page, '#receipt-form button[type=submit]');
    await page.waitForSelector('#receipt-form .form-hint-invalid');
    await again('empty');
    if (lastReceipt) {
      await page.$eval('#receipt-text', (x, v) => { x.value = v; }, lastReceipt);
      await press(page, '#receipt-form button[type=submit]');
      await page.waitForSelector('#outcome:not([hidden])');
      const fails = await page.$$eval('#checks .madang-check-fail', x => x.length);
      if (fails) { console.log(`  receipt check: ${fails} failed check(s) for a genuine receipt`); total++; }
      await again('genuine receipt');
    }
  }
  if (path !== '/elections/vote.html' || !query.includes(E.open) || who !== 'election@madang.test') return;
  // election@ is on the roll with a registered credential but no secret in this tab: load screen, then replace it.
  if (await visible(page, '#credential-load')) {
    await page.type('#secret-input', '12');
    await press(page, '#secret-form button[type=submit]');
    await page.waitForSelector('#secret-form .form-hint-invalid');
    await again('credential: load, bad code');
    await page.$eval('#credential-load details', x => { x.open = true; });
    await press(page, '#replace-credential');
  }
  if (await visible(page, '#generate')) {
    await press(page, '#generate');
    await page.waitForSelector('#credential-made:not([hidden])');
    await press(page, '#register');
    await page.waitForSelector('#credential-status.is-error');
    await again('credential: made, not saved');
    await press(page, '#saved-confirm');
    await press(page, '#register');
  }
  await page.waitForSelector('#step-ballot:not([hidden])');
  await again('ballot');
  await press(page, '#c-0-o-0');
  await press(page, '#c-0-o-1');
  await page.waitForFunction(() => document.querySelector('#c-0-o-2').disabled);
  await again('ballot at its limit');
  await press(page, '#c-0-o-1');
  await press(page, '#ballot-form button[type=submit]');
  await page.waitForSelector('#step-review:not([hidden]) .madang-warning');
  await again('review with an under-vote');
  await press(page, '#encrypt');
  await page.waitForSelector('#code-box:not([hidden])');
  await again('confirmation code');
  await press(page, '#challenge');
  await page.waitForSelector('#step-challenge:not([hidden])');
  const matches = await page.$eval('#challenge-status', x => x.classList.contains('is-success'));
  if (!matches) { console.log('  challenge: the opened ballot does not match the choices'); total++; }
  await again('challenge opened');
  await press(page, '#vote-again');
  await page.waitForSelector('#step-ballot:not([hidden])');
  await press(page, '#c-0-o-1');
  await press(page, '#ballot-form button[type=submit]');
  await page.waitForSelector('#step-review:not([hidden])');
  await press(page, '#encrypt');
  await page.waitForSelector('#code-box:not([hidden])');
  await press(page, '#cast');
  await page.waitForSelector('#step-receipt:not([hidden])');
  await again('receipt');
  lastReceipt = await page.$eval('.madang-jws', x => x.textContent);
}
let lastReceipt = null;
const only = process.env.AXE_ONLY ? new RegExp(process.env.AXE_ONLY) : null;

try {
  for (const who of ['', 'admin@madang.test', 'election@madang.test', 'citizen@madang.test', 'trustee2@madang.test', 'moderator@madang.test']) {
    const signedIn = !!who;
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.on('console', m => { if (/Content Security Policy|Refused to/.test(m.text())) cspErrors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', e => cspErrors.push(`${page.url()}: ${e.message}`));
    if (signedIn) {
      await page.goto(`${base}/signin.html`);
      await page.type('#email', who);
      await page.type('#password', 'correct-horse');
      await Promise.all([page.waitForNavigation(), page.click('#signin-form button[type=submit]')]);
    }
    for (const lang of ['ko', 'en']) {
      for (const path of pages) {
        const authPage = /^\/(account|totp|admin\/)/.test(path);
        // admin@ is also an AUDITOR: the board, record, results and trustee pages as an auditor sees them.
        const auditorPage = /^\/elections\/(board|record|results|trustee)\.html$/.test(path);
        const wanted = {
          'election@madang.test': () => electionAdminPage(path) || path.startsWith('/elections/') || path === '/admin/index.html',
          'admin@madang.test': () => authPage && !electionAdminPage(path) || path === '/index.html' || auditorPage,
          'citizen@madang.test': () => /^\/elections\/(vote|receipt|election)\.html$/.test(path) || path.startsWith('/my-data/')
            || /^\/forums\/(forum|thread|mine)\.html$/.test(path),
          'moderator@madang.test': () => path === '/forums/moderation.html',
          'trustee2@madang.test': () => path === '/elections/trustee.html',
          '': () => !authPage && !/^\/forums\/(moderation|mine)\.html$/.test(path),
        }[who]();
        if (!wanted || (only && !only.test(path))) continue;
        for (const query of visitsOf(path)) {
          await page.goto(`${base}/`);
          await page.evaluate(l => { localStorage.setItem('madang.lang', l); document.cookie = `madang_lang=${l}; Path=/`; }, lang);
          await page.goto(`${base}${path}${query}`, { waitUntil: 'networkidle0' });
          if (path === '/admin/users.html') {
            // a search needs a stated purpose (it is written to each listed person's access log)
            await page.type('#user-purpose', 'axe accessibility check');
            await page.click('#user-search-form button[type=submit]');
            await page.waitForSelector('#users-body [data-user]', { timeout: 3000 }).catch(() => {});
            await page.click('#users-body [data-user]').catch(() => {});
          }
          if (path === '/admin/organisations.html') await page.click('#org-tree [data-edit]').catch(() => {});
          if (path === '/admin/outbox.html') await page.click('#outbox-body [data-open]').catch(() => {});
          if (path === '/admin/audit.html') { await page.click('#verify-chain'); await new Promise(r => setTimeout(r, 200)); }
          await check(page, lang, who, `${path}${query}`);
          await errorStates(page, path, query, lang, who);
          await voterFlow(page, path, query, lang, who);
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
for (const e of cspErrors) console.log(`script/CSP error: ${e}`);
console.log(`${total} axe violations, ${cspErrors.length} script/CSP errors`);
process.exit(total || cspErrors.length ? 1 : 0);
