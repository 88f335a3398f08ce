// The heat map's geometry (layout/heat-map.js): one column per section,
// side by side without overlap, cells within their bounds, shades from 0 to
// 1 with each row's highest value darkest on the per-word scale, and the
// word labels cut to their column.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CELL_HEIGHT, HEADER, heatLayout } from '../../www/js/layout/heat-map.js';
import { hanWord, seeded, stubMeasure } from './layout-stub.mjs';

function data(random, sectionCount, wordCount) {
  const sections = Array.from({ length: sectionCount }, (_, i) => ({ label: `第${i + 1}回`, tokens: 1000 }));
  const rows = Array.from({ length: wordCount }, (_, r) => {
    const counts = sections.map(() => (random() < 0.3 ? 0 : Math.floor(random() * 30)));
    return { word: hanWord(random, r === 0 ? 30 : 2), counts, perTenThousand: counts.map((n) => n * 10) };
  });
  return { sections, rows };
}

for (const [sectionCount, width] of [[5, 900], [120, 900], [12, 340]]) {
  test(`${sectionCount} sections in ${width} pixels`, () => {
    const given = data(seeded(sectionCount), sectionCount, 20);
    const measure = stubMeasure();
    const geometry = heatLayout(given, { width, measure, family: 'sans-serif', scale: 'word', scope: [1, 3, 999] });
    assert.ok(geometry.cell >= 9 && geometry.cell <= 48, `cell ${geometry.cell}`);
    if (sectionCount * 48 + geometry.labelWidth <= width) assert.ok(geometry.labelWidth + sectionCount * geometry.cell <= width, 'fits when it can');
    assert.equal(geometry.gridWidth, sectionCount * geometry.cell + 12);
    assert.equal(geometry.height, HEADER + 20 * CELL_HEIGHT);
    assert.ok(geometry.labelWidth <= 130);
    for (const [r, row] of geometry.rows.entries()) {
      assert.equal(row.y, HEADER + r * CELL_HEIGHT);
      assert.ok(measure(row.label) <= geometry.labelWidth - 12 || [...row.label].length === 2, `label ${row.label} fits`);
      assert.equal(row.cells.length, sectionCount);
      row.cells.forEach((c, i) => {
        assert.equal(c.x, i * geometry.cell, 'columns side by side');
        assert.equal(c.section, given.sections[i]);
        assert.ok(c.shade >= 0 && c.shade <= 1 + 1e-9);
        assert.equal(c.shade === 0, c.value === 0, 'only a zero is blank');
      });
      const highest = Math.max(...row.cells.map((c) => c.value));
      if (highest > 0) assert.ok(Math.abs(Math.max(...row.cells.map((c) => c.shade)) - 1) < 1e-9, 'the row\'s highest is darkest');
    }
    // Tick labels number the sections, the first one always.
    assert.equal(geometry.ticks[0].label, '1');
    for (const tick of geometry.ticks) assert.ok(tick.x > 0 && tick.x < geometry.gridWidth);
    assert.deepEqual(geometry.scope.map((mark) => mark.x), [1, 3].filter((i) => i < sectionCount).map((i) => i * geometry.cell));
  });
}

test('one scale for the grid: only the grid\'s highest value is darkest', () => {
  const given = data(seeded(9), 10, 8);
  const geometry = heatLayout(given, { width: 800, measure: stubMeasure(), family: 'serif', scale: 'all' });
  const shades = geometry.rows.flatMap((row) => row.cells.map((c) => [c.value, c.shade]));
  const highest = Math.max(...shades.map(([value]) => value));
  for (const [value, shade] of shades) {
    if (value === highest) assert.ok(Math.abs(shade - 1) < 1e-9);
    else assert.ok(shade < 1);
  }
  // A higher value is never lighter.
  const sorted = shades.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i][1] >= sorted[i - 1][1]);
});
