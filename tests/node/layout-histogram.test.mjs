// The text profile's histograms (layout/histogram.js): every bar inside the
// box, heights in proportion to the counts, an axis that covers the tallest.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { histogram } from '../../www/js/layout/histogram.js';

test('bars fit the box, in proportion, one per bin in order', () => {
  const counts = [0, 3, 12, 7, 1];
  const { bars, ticks } = histogram(counts, { width: 200, height: 100 });
  assert.equal(bars.length, counts.length);
  for (const [i, bar] of bars.entries()) {
    assert.equal(bar.bin, i);
    assert.ok(bar.x >= 0 && bar.x + bar.width <= 200 + 1e-9, 'inside the width');
    assert.ok(bar.y >= -1e-9 && bar.y + bar.height <= 100 + 1e-9, 'inside the height');
  }
  assert.ok(bars[2].height > bars[3].height && bars[3].height > bars[1].height);
  assert.equal(bars[0].height, 0);
  const top = ticks[ticks.length - 1];
  assert.ok(top.value >= 12 && top.y === 0, 'the highest tick covers the tallest bar');
  assert.ok(Math.abs(bars[2].height / bars[1].height - 4) < 1e-9);
});

test('no counts, or only zeros, make no bars that leave the box', () => {
  assert.deepEqual(histogram([], { width: 100, height: 50 }).bars, []);
  for (const bar of histogram([0, 0], { width: 100, height: 50 }).bars) assert.equal(bar.height, 0);
});

test('the length axis labels the first bin and every tenth length, at their bars\' centres', () => {
  const counts = Array.from({ length: 35 }, (_, i) => i % 7);
  const { bars, labels } = histogram(counts, { width: 350, height: 80 });
  assert.deepEqual(labels.map((l) => l.bin + 1), [1, 10, 20, 30]);
  for (const label of labels) {
    const bar = bars[label.bin];
    assert.ok(label.x > bar.x && label.x < bar.x + bar.width + 1, 'over its bar');
  }
});
