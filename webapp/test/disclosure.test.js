import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isReference, openDeadline, withholds, objectionWindow, handlingMoves, clarificationToAnswer, noticeToken, consultation, groundItems,
} from '../src/js/disclosure.js';

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
  const none = {
    acknowledge: false, extend: false, decide: false, objectionExtend: false, objectionDecide: false,
    clarify: false, transfer: false, notifyThirdParty: false, release: false,
  };
  const beforeDecision = { decide: true, clarify: true, transfer: true, notifyThirdParty: true };
  assert.deepEqual(handlingMoves({ status: 'RECEIVED' }), { ...none, ...beforeDecision, acknowledge: true, extend: true });
  assert.deepEqual(handlingMoves({ status: 'ACKNOWLEDGED', extendedAt: '2026-11-20T01:00:00Z' }), { ...none, ...beforeDecision });
  assert.deepEqual(handlingMoves({ status: 'DECIDED' }), none);
  assert.deepEqual(handlingMoves({ status: 'OBJECTED' }), { ...none, objectionExtend: true, objectionDecide: true });
  assert.deepEqual(handlingMoves({ status: 'OBJECTED', objectionExtendedAt: '2026-11-25T01:00:00Z' }).objectionExtend, false);
});

test('while the requester is asked to clarify, the agency may still decide or hear a third party, but not ask again or transfer', () => {
  assert.deepEqual(handlingMoves({ status: 'AWAITING_CLARIFICATION' }), {
    acknowledge: false, extend: false, decide: true, objectionExtend: false, objectionDecide: false,
    clarify: false, transfer: false, notifyThirdParty: true, release: false,
  });
});

test('documents are released after a decision to disclose, and not while the wait after a third party objection runs', () => {
  assert.ok(handlingMoves({ status: 'DECIDED', decision: 'DISCLOSED', deadlines: [due('OBJECTION', true)] }).release);
  assert.ok(handlingMoves({ status: 'OBJECTED', decision: 'PARTLY_DISCLOSED' }).release);
  assert.ok(!handlingMoves({ status: 'DECIDED', decision: 'NOT_DISCLOSED' }).release);
  assert.ok(!handlingMoves({ status: 'DECIDED', decision: 'NOT_HELD' }).release);
  assert.ok(!handlingMoves({ status: 'DECIDED', decision: 'DISCLOSED', deadlines: [due('DISCLOSURE_WAIT', true)] }).release);
  assert.ok(handlingMoves({ status: 'DECIDED', decision: 'DISCLOSED', deadlines: [due('DISCLOSURE_WAIT', false)] }).release);
});

test('only the requester answers a request for clarification, and only while it waits for one', () => {
  assert.ok(clarificationToAnswer({ mine: true, status: 'AWAITING_CLARIFICATION' }));
  assert.ok(!clarificationToAnswer({ mine: false, status: 'AWAITING_CLARIFICATION' }));
  assert.ok(!clarificationToAnswer({ mine: true, status: 'ACKNOWLEDGED' }));
  assert.ok(!clarificationToAnswer(null));
});

test('the notice token is read from the fragment, and only in the shape the server issues', () => {
  assert.equal(noticeToken('#token=Ab3_-x9'), 'Ab3_-x9');
  assert.equal(noticeToken('token=Ab3'), 'Ab3');
  assert.equal(noticeToken('#other=1&token=zz'), 'zz');
  assert.equal(noticeToken(''), '');
  assert.equal(noticeToken(undefined), '');
  assert.equal(noticeToken('#token='), '');
  assert.equal(noticeToken('#token=<script>'), '');
  assert.equal(noticeToken(`#token=${'a'.repeat(101)}`), '');
});

test('the consultation is counted without names: notified, objected, may still object', () => {
  const r = {
    thirdParties: [{ id: 'a', name: null, objectedAt: '2026-11-20T01:00:00Z' }, { id: 'b', name: null, objectedAt: null }],
    deadlines: [due('THIRD_PARTY_OBJECTION', false), due('THIRD_PARTY_OBJECTION', true), due('DECISION', true)],
  };
  assert.deepEqual(consultation(r), { notified: 2, objected: 1, mayObject: 1 });
  assert.deepEqual(consultation({}), { notified: 0, objected: 0, mayObject: 0 });
});

test('the grounds of a document are shown as the items of Art. 9(1)', () => {
  assert.deepEqual(groundItems(['ITEM_6', 'ITEM_7']), [6, 7]);
  assert.deepEqual(groundItems([]), []);
  assert.deepEqual(groundItems(undefined), []);
});
