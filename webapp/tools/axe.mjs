// Runs axe-core on every built page, in Korean and in English, signed in as the mock admin
// (so account and admin pages show their content). Uses the machine's Chromium via puppeteer-core.
// Usage: npm run build && npm run axe   (CHROMIUM=/path/to/chromium to override)
import puppeteer from 'puppeteer-core';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { start } from './serve.mjs';

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
async function check(page, lang, signedIn, label) {
  // KRDS animates colours (0.4 s); let transitions settle so contrast is measured at rest.
  await new Promise(r => setTimeout(r, 450));
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const v = result.violations;
  total += v.length;
  console.log(`${v.length ? 'FAIL' : 'ok  '} [${lang}${signedIn ? ', signed in' : ''}] ${label} (lang=${htmlLang})`);
  if (htmlLang !== lang) { console.log(`  <html lang> is ${htmlLang}, expected ${lang}`); total++; }
  for (const x of v) {
    console.log(`  ${x.id} (${x.impact}): ${x.help}`);
    for (const n of x.nodes.slice(0, 5)) console.log(`    ${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}`);
  }
}
const cspErrors = [];
try {
  for (const signedIn of [false, true]) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.on('console', m => { if (/Content Security Policy|Refused to/.test(m.text())) cspErrors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', e => cspErrors.push(`${page.url()}: ${e.message}`));
    if (signedIn) {
      await page.goto(`${base}/signin.html`);
      await page.type('#email', 'admin@madang.test');
      await page.type('#password', 'correct-horse');
      await Promise.all([page.waitForNavigation(), page.click('#signin-form button[type=submit]')]);
    }
    for (const lang of ['ko', 'en']) {
      for (const path of pages) {
        const authPage = /^\/(account|totp|admin\/)/.test(path);
        if (signedIn !== authPage && !(signedIn && path === '/index.html')) continue;
        await page.goto(`${base}/`);
        await page.evaluate(l => { localStorage.setItem('madang.lang', l); document.cookie = `madang_lang=${l}; Path=/`; }, lang);
        await page.goto(`${base}${path}${queries[path] || ''}`, { waitUntil: 'networkidle0' });
        if (path === '/admin/users.html') await page.click('#users-body [data-user]').catch(() => {});
        if (path === '/admin/organisations.html') await page.click('#org-tree [data-edit]').catch(() => {});
        if (path === '/admin/outbox.html') await page.click('#outbox-body [data-open]').catch(() => {});
        if (path === '/admin/audit.html') { await page.click('#verify-chain'); await new Promise(r => setTimeout(r, 200)); }
        await check(page, lang, signedIn, path);
        const errorForm = { '/signup.html': '#signup-form', '/signin.html': '#signin-form', '/account.html': '#password-form' }[path];
        if (errorForm) {
          // Also check the error state: submit the form empty, then look again.
          await page.click(`${errorForm} button[type=submit]`);
          await page.waitForSelector('.form-hint-invalid');
          await check(page, lang, signedIn, `${path} (errors shown)`);
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
