import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionRequest, decodeEntities, markedSegments, pagePath, replyTree, searchPath } from '../src/js/forums.js';

test('highlighted text becomes plain segments; escaped markup stays text', () => {
  assert.deepEqual(markedSegments('교육부의 <mark>교육</mark> &lt;script&gt;alert(1)&lt;/script&gt; &#39;x&#34;'), [
    { text: '교육부의 ', mark: false }, { text: '교육', mark: true }, { text: ' <script>alert(1)</script> \'x"', mark: false }]);
  assert.deepEqual(markedSegments('<b>bold</b>'), [{ text: '<b>bold</b>', mark: false }], 'other tags are shown, not obeyed');
  assert.deepEqual(markedSegments('<mark>open'), [{ text: 'open', mark: true }]);
  assert.deepEqual(markedSegments(null), []);
  assert.equal(decodeEntities('&amp;lt; &#xD800; &bogus; &#x41;'), '&lt; &#xD800; &bogus; A');
});

test('replies nest under their parents; an orphan stays at the top', () => {
  const tree = replyTree('t', [
    { id: 'a', parentId: 't' }, { id: 'b', parentId: 'a' }, { id: 'c', parentId: 'b' }, { id: 'd', parentId: 't' }, { id: 'e', parentId: 'gone' }]);
  assert.deepEqual(tree.map(n => n.post.id), ['a', 'd', 'e']);
  assert.equal(tree[0].children[0].post.id, 'b');
  assert.equal(tree[0].children[0].children[0].post.id, 'c');
});

test('paths leave empty values out', () => {
  assert.equal(searchPath({ q: ' 교육 ', forum: '', from: '2026-01-01' }), '/api/forums/search?q=%EA%B5%90%EC%9C%A1&from=2026-01-01&limit=20');
  assert.equal(searchPath({ q: 'x', offset: 20, limit: 10 }), '/api/forums/search?q=x&offset=20&limit=10');
  assert.equal(pagePath('/api/forums'), '/api/forums');
  assert.equal(pagePath('/api/forums/1/threads', { sort: 'OLDEST', cursor: 'a+b', limit: 20 }), '/api/forums/1/threads?sort=OLDEST&cursor=a%2Bb&limit=20');
});

test('a decision needs an outcome, a rule code, a reason, and days for a suspension', () => {
  assert.deepEqual(decisionRequest({ outcome: 'HIDE', rule: 'commercial spam', reason: ' 광고 ' }).request,
    { outcome: 'HIDE', rule: 'COMMERCIAL_SPAM', reason: '광고', suspendDays: null });
  assert.deepEqual(decisionRequest({ outcome: 'SUSPEND_AUTHOR', rule: 'X', reason: 'r', suspendDays: '' }).errors.map(e => e.field), ['suspendDays']);
  assert.equal(decisionRequest({ outcome: 'SUSPEND_AUTHOR', rule: 'X', reason: 'r', suspendDays: '7' }).request.suspendDays, 7);
  assert.deepEqual(decisionRequest({ outcome: 'NOPE', rule: '1x', reason: '' }).errors.map(e => e.field), ['outcome', 'rule', 'reason']);
});
