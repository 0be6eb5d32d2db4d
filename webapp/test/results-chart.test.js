import { test } from 'node:test';
import assert from 'node:assert/strict';
import { niceMax, ticks, percent, chartLayout, byVotes } from '../src/js/results-chart.js';

test('the axis ends on 1, 2 or 5 × 10^k', () => {
  assert.deepEqual([0, 1, 3, 7, 10, 11, 199, 412, 5000, 5001].map(niceMax), [1, 1, 5, 10, 10, 20, 200, 500, 5000, 10000]);
});

test('ticks are whole numbers from 0 to the axis end', () => {
  assert.deepEqual(ticks(412), [0, 100, 200, 300, 400, 500]);
  assert.deepEqual(ticks(3), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(ticks(0), [0, 1]);
  assert.deepEqual(ticks(2), [0, 1, 2]);
});

test('percentages have one decimal and survive an empty contest', () => {
  assert.equal(percent(1, 3), 33.3);
  assert.equal(percent(2, 3), 66.7);
  assert.equal(percent(0, 0), 0);
});

test('bars are proportional to the votes and stay inside the plot', () => {
  const l = chartLayout([{ id: 'yes', votes: 250 }, { id: 'no', votes: 162 }, { id: 'blank', votes: 0 }], 412, { width: 640, labelWidth: 200 });
  assert.equal(l.max, 500);
  assert.equal(l.plotWidth, 350);
  assert.equal(l.bars[0].width, 175);
  assert.ok(Math.abs(l.bars[1].width - 113.4) < 1e-9);
  assert.equal(l.bars[2].width, 0);
  assert.equal(l.bars[0].percent, 60.7);
  assert.ok(l.bars.every(b => b.width <= l.plotWidth));
  assert.equal(l.ticks.at(-1).x, l.plotX + l.plotWidth);
  assert.ok(l.bars[1].y > l.bars[0].y && l.height > l.bars[2].y + l.bars[2].height);
});

test('all-zero results draw empty bars on a 0–1 axis', () => {
  const l = chartLayout([{ id: 'a', votes: 0 }], 0);
  assert.equal(l.max, 1);
  assert.equal(l.bars[0].width, 0);
  assert.equal(l.bars[0].percent, 0);
});

test('the table order is most votes first, ties in ballot order', () => {
  assert.deepEqual(byVotes([{ id: 'a', votes: 1 }, { id: 'b', votes: 3 }, { id: 'c', votes: 1 }]).map(o => o.id), ['b', 'a', 'c']);
});
