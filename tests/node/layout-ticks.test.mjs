// Axis steps (layout/ticks.js): round values from 0 that cover the range,
// about five of them, evenly spaced; category labels sparse enough to fit.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelEvery, niceTicks } from '../../www/js/layout/ticks.js';
import { seeded } from './layout-stub.mjs';

/** Whether `step` is 1, 2 or 5 × 10ⁿ. */
function isNice(step) {
  const magnitude = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const mantissa = step / magnitude;
  return [1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6);
}

test('ticks start at 0, cover the highest value, and step evenly by 1, 2 or 5 × 10ⁿ', () => {
  const random = seeded(7);
  const values = [0.0003, 0.3, 1, 2.5, 4, 7, 9.99, 10, 12.5, 99, 100, 101, 333, 1234.5, 98_765];
  for (let i = 0; i < 300; i++) values.push(10 ** (random() * 10 - 4));
  for (const max of values) {
    const ticks = niceTicks(max);
    assert.equal(ticks[0], 0, `${max}: from 0`);
    assert.ok(ticks.at(-1) >= max, `${max}: covered by ${ticks}`);
    assert.ok(ticks.length >= 3 && ticks.length <= 6, `${max}: ${ticks.length} ticks`);
    const step = ticks[1] - ticks[0];
    assert.ok(isNice(step), `${max}: step ${step}`);
    for (let k = 1; k < ticks.length; k++) {
      assert.ok(Math.abs(ticks[k] - ticks[k - 1] - step) < step * 1e-9, `${max}: even steps ${ticks}`);
    }
    // No tick wasted past the range: the one before the last is below the highest value.
    assert.ok(ticks.at(-2) < max, `${max}: ${ticks}`);
  }
});

test('round values stay round (no 0.30000000000000004)', () => {
  assert.deepEqual(niceTicks(0.3), [0, 0.1, 0.2, 0.3]);
  assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 8]);
  assert.deepEqual(niceTicks(100), [0, 50, 100]);
});

test('nothing to show still makes an axis', () => {
  assert.deepEqual(niceTicks(0), [0, 1]);
  assert.deepEqual(niceTicks(-3), [0, 1]);
  assert.deepEqual(niceTicks(Number.NaN), [0, 1]);
});

test('category labels: the fewest skipped that leave each label its room', () => {
  for (const step of [0.5, 1, 3, 5, 9, 13, 26, 40, 100]) {
    const every = labelEvery(step);
    assert.ok(every * step >= 26 || every === 200, `${step}: every ${every}`);
    const smaller = [1, 2, 5, 10, 20, 25, 50, 100].filter((n) => n < every);
    for (const n of smaller) assert.ok(n * step < 26, `${step}: ${n} would have been enough`);
  }
  assert.equal(labelEvery(30), 1);
  assert.equal(labelEvery(10, 24), 5);
});
