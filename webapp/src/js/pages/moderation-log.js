// The public moderation log: what happened to which content, when, by which role and under which rule — never who.
import '../shell.js';
import { get } from '../api.js';
import { el, timeEl } from '../admin.js';
import { pagePath } from '../forums.js';
import { fail } from '../forum-ui.js';

const $ = id => document.getElementById(id);
let items = [];
let next = null;

function contentLink(e) {
  if (e.contentKind !== 'forum-post') return el('span', {}, e.contentKind);
  return el('a', { href: `/forums/thread.html?post=${encodeURIComponent(e.contentId)}` },
    el('span', { i18n: `moderation.kind.${e.contentKind}` }), ` ${String(e.contentId).slice(0, 8)}`);
}

function render() {
  const body = $('log-body');
  body.textContent = '';
  for (const e of items) {
    body.append(el('tr', {},
      el('td', {}, timeEl(e.at)),
      el('td', {}, contentLink(e)),
      el('td', { i18n: `moderation.action.${e.action}` }),
      el('td', { i18n: `moderation.role.${e.actorRole}` }),
      el('td', {}, el('code', {}, e.rule || ''))));
  }
  $('log-empty').hidden = items.length > 0;
  $('more-log').hidden = !next;
}

async function load(more) {
  const page = await get(pagePath('/api/moderation/log', { cursor: more ? next : null, limit: 50 }), { redirect: false });
  items = more ? items.concat(page.items) : page.items;
  next = page.nextCursor || null;
  $('result').textContent = '';
  render();
}

$('more-log').addEventListener('click', () => load(true).catch(err => fail('result', err)));
load(false).catch(err => fail('result', err));
