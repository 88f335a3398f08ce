// The co-occurrence network's geometry (layout/network.js): every circle
// and label inside the box, labels clear of each other where there is room,
// edges as wide as their Jaccard, the same answer the same picture.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boxHeight, LABEL_HEIGHT, MAX_EDGE, MIN_EDGE, networkLayout } from '../../www/js/layout/network.js';
import { hanWord, overlaps, seeded, stubMeasure } from './layout-stub.mjs';

/** A network as the core answers: communities of words around centres, x and y about −1…1. */
function answer(random, communities, perCommunity) {
  const nodes = [];
  const edges = [];
  for (let c = 0; c < communities; c++) {
    const [cx, cy] = [random() * 2 - 1, random() * 2 - 1];
    const first = nodes.length;
    for (let k = 0; k < perCommunity; k++) {
      nodes.push({ word: hanWord(random, 2 + Math.floor(random() * 2)), count: 5 + Math.floor(random() * 200), community: c, degree: 1, x: cx + random() * 0.1, y: cy + random() * 0.1 });
      if (k > 0) edges.push({ source: first + k - 1, target: first + k, jaccard: random() * 0.4, together: 3 });
    }
  }
  return { nodes, edges, communities };
}

const labelBox = (node) => ({ x: node.labelX - node.labelWidth / 2, y: node.labelY + 3.5 - LABEL_HEIGHT, w: node.labelWidth, h: LABEL_HEIGHT });

for (const width of [1100, 720, 390]) {
  test(`a network laid out in ${width} pixels: inside the box, labels apart`, () => {
    const height = boxHeight(width);
    const geometry = networkLayout(answer(seeded(width), 4, 6), { width, height, measure: stubMeasure(), family: 'sans-serif' });
    assert.equal(geometry.nodes.length, 24);
    for (const node of geometry.nodes) {
      assert.ok(node.cx - node.r >= 0 && node.cx + node.r <= width, `${node.word}'s circle inside horizontally`);
      assert.ok(node.cy - node.r >= 0 && node.cy + node.r <= height, `${node.word}'s circle inside vertically`);
      const label = labelBox(node);
      assert.ok(label.x >= 0 && label.x + label.w <= width + 1e-9, `${node.word}'s label inside horizontally`);
      assert.ok(label.y >= -1e-9 && label.y + label.h <= height + 1e-9, `${node.word}'s label inside vertically`);
    }
    // Labels that found a free place overlap no other label: most of them, in a box this roomy.
    const boxes = geometry.nodes.map(labelBox);
    const clashes = boxes.filter((a, i) => boxes.some((b, j) => i !== j && overlaps(a, b))).length;
    assert.ok(clashes <= geometry.nodes.length / 4, `${clashes} labels overlap another`);
  });
}

test('long words at the edges of the box: their labels are kept inside it', () => {
  const corner = (word, x, y, community) => ({ word, count: 50, community, degree: 1, x, y });
  const given = {
    nodes: [
      corner('中华人民共和国国务院', -1, -1, 0), corner('联合国安全理事会', 1, -1, 0),
      corner('亚洲基础设施投资银行', -1, 1, 1), corner('上海合作组织成员国', 1, 1, 1),
    ],
    edges: [{ source: 0, target: 1, jaccard: 0.3, together: 3 }, { source: 2, target: 3, jaccard: 0.2, together: 2 }],
    communities: 2,
  };
  for (const width of [390, 800]) {
    const height = boxHeight(width);
    const geometry = networkLayout(given, { width, height, measure: stubMeasure(), family: 'serif' });
    for (const node of geometry.nodes) {
      const label = labelBox(node);
      assert.ok(label.x >= 0 && label.x + label.w <= width, `${node.word}'s label inside horizontally at ${width}`);
      assert.ok(label.y >= 0 && label.y + label.h <= height, `${node.word}'s label inside vertically at ${width}`);
    }
  }
});

test('an edge is as wide as its Jaccard: the weakest thinnest, the strongest widest', () => {
  const geometry = networkLayout(answer(seeded(11), 3, 5), { width: 800, height: 440, measure: stubMeasure(), family: 'serif' });
  const sorted = [...geometry.edges].sort((a, b) => a.jaccard - b.jaccard);
  assert.ok(Math.abs(sorted[0].strokeWidth - MIN_EDGE) < 1e-9);
  assert.ok(Math.abs(sorted.at(-1).strokeWidth - MAX_EDGE) < 1e-9);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].strokeWidth >= sorted[i - 1].strokeWidth);
  for (const edge of geometry.edges) {
    assert.equal(edge.a, geometry.nodes[edge.source]);
    assert.equal(edge.b, geometry.nodes[edge.target]);
  }
});

test('the more frequent word has the bigger circle', () => {
  const geometry = networkLayout(answer(seeded(12), 2, 8), { width: 800, height: 440, measure: stubMeasure(), family: 'serif' });
  const sorted = [...geometry.nodes].sort((a, b) => a.count - b.count);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].r >= sorted[i - 1].r - 1e-9);
});

test('the same answer gives the same picture', () => {
  const given = answer(seeded(13), 3, 4);
  const options = { width: 700, height: 400, family: 'serif' };
  const strip = (g) => g.nodes.map(({ cx, cy, r, labelX, labelY }) => [cx, cy, r, labelX, labelY]);
  assert.deepEqual(strip(networkLayout(given, { ...options, measure: stubMeasure() })), strip(networkLayout(given, { ...options, measure: stubMeasure() })));
});

test('the box is wider than tall on a screen, taller on a phone, within bounds', () => {
  assert.ok(boxHeight(1100) < 1100);
  assert.ok(boxHeight(390) > 390 * 1.4);
  for (const width of [200, 390, 560, 800, 2000]) assert.ok(boxHeight(width) >= 380 && boxHeight(width) <= 620);
});
