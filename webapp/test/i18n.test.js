import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseLang, readCookie, resolveLang, translate, parseAttrSpec, langCookie } from '../src/js/i18n-core.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const ko = JSON.parse(readFileSync(join(src, 'i18n', 'ko.json'), 'utf8'));
const en = JSON.parse(readFileSync(join(src, 'i18n', 'en.json'), 'utf8'));

test('Korean is the default; a stored choice wins over the cookie', () => {
  assert.equal(resolveLang({}), 'ko');
  assert.equal(resolveLang({ cookie: 'en' }), 'en');
  assert.equal(resolveLang({ stored: 'ko', cookie: 'en' }), 'ko');
  assert.equal(resolveLang({ stored: 'fr', cookie: 'xx' }), 'ko');
  assert.equal(normaliseLang('EN-us'), 'en');
  assert.equal(normaliseLang(42), null);
});

test('cookies are read by exact name and decoded', () => {
  const c = 'a=1; madang_lang=en; madang_csrf=t%2Bk';
  assert.equal(readCookie(c, 'madang_lang'), 'en');
  assert.equal(readCookie(c, 'madang_csrf'), 't+k');
  assert.equal(readCookie(c, 'lang'), null);
  assert.equal(readCookie('', 'x'), null);
  assert.match(langCookie('en'), /^madang_lang=en; Path=\//);
});

test('translate fills placeholders and falls back to Korean, then the key', () => {
  const m = { ko: { a: '안녕 {name}', only: '한국어' }, en: { a: 'Hello {name}' } };
  assert.equal(translate(m, 'en', 'a', { name: 'Kim' }), 'Hello Kim');
  assert.equal(translate(m, 'en', 'only'), '한국어');
  assert.equal(translate(m, 'en', 'missing'), 'missing');
  assert.equal(translate(m, 'ko', 'a', {}), '안녕 {name}');
});

test('attribute specs are parsed', () => {
  assert.deepEqual(parseAttrSpec('aria-label:a.b; placeholder:c'), [['aria-label', 'a.b'], ['placeholder', 'c']]);
  assert.deepEqual(parseAttrSpec(''), []);
});

test('ko.json and en.json have the same keys, none empty, same placeholders', () => {
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  for (const k of Object.keys(ko)) {
    assert.ok(ko[k].trim() && en[k].trim(), `empty message ${k}`);
    const ph = s => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
    assert.deepEqual(ph(ko[k]), ph(en[k]), `placeholders differ in ${k}`);
  }
});

test('every key used in pages and scripts exists in both languages', () => {
  const walk = d => readdirSync(d).flatMap(n => { const p = join(d, n); return statSync(p).isDirectory() ? walk(p) : [p]; });
  const used = new Set();
  for (const f of walk(src).filter(p => /\.(html|js)$/.test(p))) {
    const s = readFileSync(f, 'utf8');
    for (const m of s.matchAll(/data-i18n="([\w.]+)"/g)) used.add(m[1]);
    for (const m of s.matchAll(/(?:key|i18n|noneKey|title): '([\w]+\.[\w.]+)'/g)) used.add(m[1]);
    for (const m of s.matchAll(/\bt\('([\w]+\.[\w.]+)'/g)) used.add(m[1]);
    for (const m of s.matchAll(/refreshSelected\('([\w.]+)'\)/g)) used.add(m[1]);
  }
  const missing = [...used].filter(k => !(k in ko) || !(k in en));
  assert.deepEqual(missing, []);
});
