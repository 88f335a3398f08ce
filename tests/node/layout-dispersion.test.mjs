// The dispersion chart's geometry (layout/dispersion.js): each hit marked
// where it is in the text, inside the track; a word of a hundred thousand
// hits drawn with at most two marks a pixel; the barcode rows one under the
// other; the trend's points in their plot, and no trend for phrases alone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispersionLayout, MARK, MAX_MARKS, perPart, RIGHT } from '../../www/js/layout/dispersion.js';
import { seeded, stubMeasure } from './layout-stub.mjs';

function series(random, word, hits, textLength, parts = 10) {
  const positions = Array.from({ length: hits }, () => Math.floor(random() * textLength)).sort((a, b) => a - b);
  const partSizes = Array.from({ length: parts }, () => Math.floor(textLength / parts));
  const counts = partSizes.map(() => 0);
  for (const p of positions) counts[Math.min(parts - 1, Math.floor(p / (textLength / parts)))] += 1;
  return { word, count: hits, positions, textLength, parts: counts, partSizes };
}

test('every hit is marked inside its track, at its place in the text', () => {
  const random = seeded(1);
  const width = 700;
  const one = series(random, '中国', 200, 50_000);
  const geometry = dispersionLayout([one, series(random, '发展', 80, 50_000)], { width, measure: stubMeasure(), family: 'sans-serif' });
  const { left } = geometry;
  const right = width - RIGHT;
  const [row] = geometry.rows;
  assert.equal(row.marks.length, 200);
  row.marks.forEach((x, i) => {
    const value = Number(x);
    assert.ok(value >= left && value <= right, `mark ${x} inside ${left}…${right}`);
    assert.ok(Math.abs(value - (left + (one.positions[i] / one.textLength) * (right - left))) <= 0.05);
  });
  assert.ok(geometry.rows[1].top >= row.top + MARK, 'rows one under the other');
  assert.ok(geometry.positionAxis.y > geometry.rows[1].top + MARK);
  assert.deepEqual(geometry.positionAxis.ticks.map((tick) => tick.label), ['0%', '25%', '50%', '75%', '100%']);
});

test('a word of a hundred thousand hits: at most two marks a pixel', () => {
  const width = 640;
  const one = series(seeded(2), '的', 120_000, 900_000);
  const geometry = dispersionLayout([one], { width, measure: stubMeasure(), family: 'sans-serif' });
  const { marks } = geometry.rows[0];
  assert.ok(one.positions.length > MAX_MARKS);
  assert.ok(marks.length <= 2 * (width - geometry.left - RIGHT) + 1, `${marks.length} marks`);
  assert.equal(new Set(marks).size, marks.length, 'no mark drawn twice');
});

test('the trend: points inside the plot, the axis covering the highest value', () => {
  const random = seeded(3);
  const given = [series(random, '中国', 300, 40_000, 20), series(random, '世界', 100, 40_000, 20)];
  const geometry = dispersionLayout(given, { width: 800, measure: stubMeasure(), family: 'sans-serif' });
  const { trend } = geometry;
  assert.equal(trend.partCount, 20);
  assert.ok(trend.title.y > geometry.positionAxis.y);
  const highest = Math.max(...given.flatMap(perPart));
  assert.ok(trend.yTicks.at(-1).value >= highest);
  for (const line of trend.lines) {
    assert.equal(line.points.length, 20);
    for (const p of line.points) {
      assert.ok(p.x > trend.plot.left && p.x < trend.plot.right);
      assert.ok(p.y >= trend.plot.top - 1e-9 && p.y <= trend.plot.bottom + 1e-9);
    }
  }
  assert.ok(geometry.height >= trend.plot.bottom);
});

test('a phrase alone (no parts): a barcode row and no trend', () => {
  const one = { ...series(seeded(4), '一带一路', 12, 10_000), parts: null, partSizes: [] };
  const geometry = dispersionLayout([one], { width: 500, measure: stubMeasure(), family: 'serif' });
  assert.equal(geometry.trend, null);
  assert.equal(geometry.rows.length, 1);
});

test('a long word is cut to the label column', () => {
  const measure = stubMeasure();
  const one = series(seeded(5), '中'.repeat(60), 5, 1000);
  const geometry = dispersionLayout([one], { width: 600, measure, family: 'serif' });
  assert.ok(geometry.rows[0].word.endsWith('…'));
  assert.ok(measure(geometry.rows[0].word) <= 600 * 0.3);
  assert.equal(geometry.rows[0].fullWord, one.word);
});
