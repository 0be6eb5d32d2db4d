import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage, fillKorean, breadcrumbHtml, checkKeys, renderPage } from '../tools/pages.mjs';
import { qrPath } from '../src/js/qr-path.js';

const messages = { ko: { 'a.b': '안녕 & <반가워>', 'site.name': '마당', t: '제목', 'nav.home': '홈' }, en: { 'a.b': 'Hi', 'site.name': 'Madang', t: 'Title', 'nav.home': 'Home' } };

test('page header is parsed', () => {
  const { meta, content } = parsePage('<!--page {"title":"t","script":"x"}-->\n<h1>x</h1>');
  assert.deepEqual(meta, { title: 't', script: 'x' });
  assert.equal(content, '<h1>x</h1>');
  assert.throws(() => parsePage('<h1>no header</h1>'));
});

test('Korean text is filled in, escaped, into elements and attributes', () => {
  assert.equal(fillKorean('<p data-i18n="a.b"></p>', messages), '<p data-i18n="a.b">안녕 &amp; &lt;반가워&gt;</p>');
  assert.equal(fillKorean('<nav data-i18n-attr="aria-label:t">', messages), '<nav data-i18n-attr="aria-label:t" aria-label="제목">');
});

test('breadcrumbs end with the current page', () => {
  const html = breadcrumbHtml([['t']]);
  assert.match(html, /<a href="\/" class="txt" data-i18n="nav.home">/);
  assert.match(html, /aria-current="page" data-i18n="t"/);
});

test('missing keys are reported', () => {
  assert.deepEqual(checkKeys('<p data-i18n="nope"></p><p data-i18n="a.b"></p>', messages), ['nope']);
});

test('layout gets title, script and content', () => {
  const html = renderPage('<title>{{titleText}}</title><script src="/js/pages/{{script}}.js"></script>{{breadcrumb}}{{content}}',
    '<!--page {"title":"t","script":"s"}--><h1 data-i18n="t"></h1>', messages, 'x');
  assert.equal(html, '<title>제목 | 마당</title><script src="/js/pages/s.js"></script><h1 data-i18n="t">제목</h1>');
});

test('QR path draws one square per dark module inside the quiet zone', () => {
  assert.equal(qrPath(2, (r, c) => r === c), 'M4 4h1v1h-1zM5 5h1v1h-1z');
});
