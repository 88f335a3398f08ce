// Every layout given a word of a million letters (a base64 image, a
// minified script or 100,000 × "a" pasted as one token) measures no more,
// and no more characters, than given one of 50: only a bounded beginning of
// a word is ever measured, and its label is cut (issue 22: the tab grew
// past 8 GB measuring one such word). The stub measure counts both.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispersionLayout } from '../../www/js/layout/dispersion.js';
import { heatLayout } from '../../www/js/layout/heat-map.js';
import { keywordBars } from '../../www/js/layout/keyword-bars.js';
import { LABEL_CHARS } from '../../www/js/layout/label.js';
import { networkLayout } from '../../www/js/layout/network.js';
import { trendLayout } from '../../www/js/layout/trend-lines.js';
import { cloudLayout } from '../../www/js/layout/word-cloud.js';
import { stubMeasure } from './layout-stub.mjs';

const FAMILY = 'sans-serif';
const OTHERS = ['中国', '发展', '合作', '世界'];

/** What each layout is given, with `word` first among ordinary words; returns the words' labels. */
const LAYOUTS = {
  'keyword bars': (word, measure) => keywordBars([word, ...OTHERS].map((w, i) => ({ word: w, weight: 10 - i, pos: 'n' })), { width: 700, measure, family: FAMILY })
    .rows.map((row) => row.label),
  'word cloud': (word, measure) => cloudLayout([word, ...OTHERS].map((w, i) => ({ word: w, count: 50 - i })), { width: 700, height: 400, measure, family: FAMILY })
    .map((placed) => placed.label),
  network: (word, measure) => networkLayout({
    nodes: [word, ...OTHERS].map((w, i) => ({ word: w, count: 10 + i, community: 0, degree: 1, x: Math.cos(i), y: Math.sin(i) })),
    edges: OTHERS.map((_, i) => ({ source: 0, target: i + 1, jaccard: 0.2, together: 3 })),
    communities: 1,
  }, { width: 700, height: 400, measure, family: FAMILY }).nodes.map((node) => node.label),
  'heat map': (word, measure) => heatLayout({
    sections: [1, 2, 3].map((n) => ({ label: String(n), tokens: 100 })),
    rows: [word, ...OTHERS].map((w) => ({ word: w, counts: [1, 2, 3], perTenThousand: [100, 200, 300] })),
  }, { width: 700, measure, family: FAMILY, scale: 'word' }).rows.map((row) => row.label),
  'trend lines': (word, measure) => trendLayout({
    sections: [1, 2, 3].map((n) => ({ label: String(n), tokens: 100 })),
    series: [word, ...OTHERS].map((w, index) => ({ word: w, counts: [1, 2, 3], perTenThousand: [100, 200, 300], index })),
  }, { width: 700, measure, family: FAMILY }).legend.map((item) => item.label),
  dispersion: (word, measure) => {
    const geometry = dispersionLayout([word, ...OTHERS].map((w) => ({
      word: w, count: 3, positions: [10, 500, 900], textLength: 1000, parts: [1, 1, 1], partSizes: [333, 333, 334],
    })), { width: 700, measure, family: FAMILY });
    return [...geometry.rows.map((row) => row.word), ...geometry.trend.legend.map((item) => item.label)];
  },
};

for (const [name, layout] of Object.entries(LAYOUTS)) {
  test(`${name}: a word of a million letters costs what one of 50 costs`, () => {
    const cost = (word) => {
      const measure = stubMeasure();
      const labels = layout(word, measure);
      return { labels, calls: measure.calls, chars: measure.chars };
    };
    for (const letter of ['a', 'ж', '7', '中']) {
      const long = cost(letter.repeat(1_000_000));
      const short = cost(letter.repeat(50));
      assert.ok(long.calls <= short.calls, `${letter}: ${long.calls} measurements, ${short.calls} for 50`);
      assert.ok(long.chars <= short.chars, `${letter}: ${long.chars} characters measured, ${short.chars} for 50`);
      assert.ok(long.chars < 5000, `${letter}: ${long.chars} characters measured`);
      for (const label of long.labels) assert.ok([...label].length <= LABEL_CHARS + 1, `${name}'s label of ${label.length} characters`);
    }
  });
}
