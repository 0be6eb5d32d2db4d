import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReference, openDeadline, withholds, objectionWindow, handlingMoves } from '../src/js/disclosure.js';

const due = (kind, open) => ({ kind, open, lastDay: '2026-12-14' });

test('references look like the server issues them', () => {
  assert.ok(isReference('2026-000123'));
  assert.ok(!isReference('2026-12'));
  assert.ok(!isReference('../2026-000123'));
  assert.ok(!isReference(null));
});

test('only refusals ask for a ground and a reason', () => {
  assert.ok(withholds('NOT_DISCLOSED'));
  assert.ok(withholds('PARTLY_DISCLOSED'));
  assert.ok(!withholds('DISCLOSED'));
  assert.ok(!withholds('NOT_HELD'));
});

test('the objection is offered to the requester alone, while its deadline is open, and not after full disclosure', () => {
  const decided = { mine: true, decision: 'PARTLY_DISCLOSED', deadlines: [due('DECISION', false), due('OBJECTION', true)] };
  assert.equal(objectionWindow(decided).kind, 'OBJECTION');
  assert.equal(objectionWindow({ ...decided, mine: false }), null);
  assert.equal(objectionWindow({ ...decided, decision: 'DISCLOSED' }), null);
  assert.equal(objectionWindow({ ...decided, deadlines: [due('OBJECTION', false)] }), null);
  assert.equal(openDeadline(decided, 'DECISION'), undefined);
});

test('the handling page offers the moves the state allows', () => {
  assert.deepEqual(handlingMoves({ status: 'RECEIVED' }),
    { acknowledge: true, extend: true, decide: true, objectionExtend: false, objectionDecide: false });
  assert.deepEqual(handlingMoves({ status: 'ACKNOWLEDGED', extendedAt: '2026-11-20T01:00:00Z' }),
    { acknowledge: false, extend: false, decide: true, objectionExtend: false, objectionDecide: false });
  assert.deepEqual(handlingMoves({ status: 'DECIDED' }),
    { acknowledge: false, extend: false, decide: false, objectionExtend: false, objectionDecide: false });
  assert.deepEqual(handlingMoves({ status: 'OBJECTED' }),
    { acknowledge: false, extend: false, decide: false, objectionExtend: true, objectionDecide: true });
  assert.deepEqual(handlingMoves({ status: 'OBJECTED', objectionExtendedAt: '2026-11-25T01:00:00Z' }).objectionExtend, false);
});
