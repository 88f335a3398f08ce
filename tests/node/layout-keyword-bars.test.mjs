// The keyword chart's geometry (layout/keyword-bars.js): rows best first
// and apart, every bar inside its track and the chart's width, the labels
// cut to their column, the best keyword's bar full.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keywordBars, LONG } from '../../www/js/layout/keyword-bars.js';
import { CHAR_WIDTH, hanWord, seeded, stubMeasure } from './layout-stub.mjs';

function keywords(random, count) {
  return Array.from({ length: count }, (_, i) => ({
    word: hanWord(random, 1 + Math.floor(random() * (i === 3 ? 40 : 5))),
    weight: Number((random() * 0.5).toFixed(4)),
    pos: 'n',
  }));
}

for (const [count, width] of [[10, 520], [20, 260], [21, 900], [100, 340], [1, 600]]) {
  test(`${count} keywords in ${width} pixels: sorted, inside the width, labels in their column`, () => {
    const random = seeded(count * 1000 + width);
    const given = keywords(random, count);
    const measure = stubMeasure();
    const chart = keywordBars(given, { width, measure, family: 'sans-serif' });
    assert.equal(chart.rows.length, count);
    // Best first, whatever order they came in.
    for (let i = 1; i < chart.rows.length; i++) {
      assert.ok(chart.rows[i - 1].keyword.weight >= chart.rows[i].keyword.weight, 'sorted by weight');
      assert.ok(chart.rows[i - 1].barWidth >= chart.rows[i].barWidth, 'bars shorten down the chart');
      assert.ok(chart.rows[i].y > chart.rows[i - 1].y, 'rows go down');
    }
    assert.equal(Math.round(chart.rows[0].barWidth), Math.round(chart.barSpace), 'the best bar fills its track');
    const rowHeight = chart.rows[1] ? chart.rows[1].y - chart.rows[0].y : 30;
    assert.equal(rowHeight, count > LONG ? 24 : 30);
    assert.ok(chart.bar < rowHeight, 'bars do not touch');
    for (const row of chart.rows) {
      assert.ok(row.barWidth >= 2 - 1e-9, 'every bar shows');
      assert.ok(chart.labelWidth + row.barWidth <= chart.labelWidth + chart.barSpace + 1e-9, 'inside the track');
      assert.ok(measure(row.label) <= chart.labelWidth - 14 || [...row.label].length === 2, `label ${row.label} fits its column`);
      assert.ok(row.mid + chart.bar / 2 <= chart.height, 'inside the chart');
    }
    assert.ok(chart.labelWidth <= Math.round(width * 0.36), 'labels take at most a third');
    assert.ok(chart.labelWidth + chart.barSpace <= width, 'bars inside the width');
    assert.ok(chart.valueX + 6 * CHAR_WIDTH * 0.5 <= width + 1e-9, 'the values have room');
  });
}

test('the same weights keep the order they came in (the core breaks ties)', () => {
  const given = ['甲', '乙', '丙', '丁'].map((word) => ({ word, weight: 0.5, pos: 'n' }));
  const chart = keywordBars(given, { width: 500, measure: stubMeasure(), family: 'serif' });
  assert.deepEqual(chart.rows.map((row) => row.keyword.word), ['甲', '乙', '丙', '丁']);
});

test('no keywords: an empty chart, no error', () => {
  const chart = keywordBars([], { width: 500, measure: stubMeasure(), family: 'serif' });
  assert.deepEqual(chart.rows, []);
});
