// The trends line chart's geometry (layout/trend-lines.js): every point in
// the plot, the y axis's round ticks covering the highest value, one x
// position per section from left to right, the legend inside the width.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trendLayout } from '../../www/js/layout/trend-lines.js';
import { hanWord, seeded, stubMeasure } from './layout-stub.mjs';

function data(random, sectionCount, seriesCount) {
  const sections = Array.from({ length: sectionCount }, (_, i) => ({ label: String(i + 1), tokens: 500 }));
  const series = Array.from({ length: seriesCount }, (_, index) => {
    const counts = sections.map(() => Math.floor(random() * 20));
    return { word: hanWord(random, index === 1 ? 25 : 2), counts, perTenThousand: counts.map((n) => n * 20.0049), index };
  });
  return { sections, series };
}

for (const [sectionCount, seriesCount, width] of [[5, 2, 900], [120, 8, 900], [10, 8, 300]]) {
  test(`${seriesCount} words over ${sectionCount} sections in ${width} pixels`, () => {
    const given = data(seeded(sectionCount * seriesCount), sectionCount, seriesCount);
    const geometry = trendLayout(given, { width, measure: stubMeasure(), family: 'sans-serif' });
    const { plot } = geometry;
    assert.ok(plot.left < plot.right && plot.right <= width && plot.top < plot.bottom && plot.bottom < geometry.height);
    const highest = Math.max(...given.series.flatMap((one) => one.perTenThousand));
    assert.equal(geometry.yTicks[0].value, 0);
    assert.ok(geometry.yTicks.at(-1).value >= highest, 'the axis covers the highest value');
    assert.equal(geometry.yTicks[0].y, plot.bottom);
    for (const line of geometry.lines) {
      assert.equal(line.points.length, sectionCount);
      line.points.forEach((p, i) => {
        assert.ok(p.x > plot.left && p.x < plot.right, 'inside horizontally');
        assert.ok(p.y >= plot.top - 1e-9 && p.y <= plot.bottom + 1e-9, `inside vertically: ${p.y} in ${plot.top}…${plot.bottom}`);
        if (i > 0) assert.ok(p.x > line.points[i - 1].x, 'in the text\'s order');
        assert.equal(p.section, given.sections[i]);
      });
    }
    for (const item of geometry.legend) {
      assert.ok(item.x >= plot.left && item.y < plot.top, 'the legend is above the plot');
      assert.ok(item.x + 22 + stubMeasure()(item.label) <= width || item.x === plot.left, `legend item ${item.label} inside`);
    }
    const numbers = geometry.xTicks.map((tick) => Number(tick.label));
    assert.equal(numbers[0], 1);
    for (let i = 1; i < numbers.length; i++) assert.ok(numbers[i] > numbers[i - 1]);
  });
}
