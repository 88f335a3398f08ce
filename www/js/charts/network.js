// The co-occurrence network painted as SVG from its geometry
// (layout/network.js): edges as lines (wider: a higher Jaccard), nodes as
// circles (area: the word's count) in their community's colour, and the
// words as labels. Every node is a link to its word (data-word: a click, or
// Enter on the focused node).

import { s } from '../dom.js';
import { texts } from '../i18n.js';
import { formatInteger } from '../format.js';
import { FONT_SIZE } from '../layout/network.js';
import { wordLabel, wordSaid } from './word-label.js';

/** Communities get one of this many colours (css/network.css: --community-0 …); the rest share them in turn. */
export const PALETTE = 10;

// The strings: the catalogs' networkChart.* entries (js/messages/).
const TEXT = texts('networkChart');

const jaccardFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
export const formatJaccard = (j) => jaccardFormat.format(j);

/** The chart; unitName: 句 or 段, the unit of co-occurrence (for the edges' titles). */
export function networkSvg(geometry, unitName) {
  const { width, height } = geometry;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'network-chart', role: 'group',
    'aria-label': TEXT.summary(geometry.nodes.length, geometry.edges.length, geometry.communities),
  });
  svg.append(edgesGroup(geometry, unitName), nodesGroup(geometry), labelsGroup(geometry));
  return svg;
}

const communityClass = (community) => `community-${((community % PALETTE) + PALETTE) % PALETTE}`;

function edgesGroup({ edges }, unitName) {
  return s('g', { class: 'network-edges', 'aria-hidden': 'true' },
    ...edges.map((edge) => s('line', {
      class: 'network-edge', x1: edge.a.cx.toFixed(1), y1: edge.a.cy.toFixed(1), x2: edge.b.cx.toFixed(1), y2: edge.b.cy.toFixed(1),
      'stroke-width': edge.strokeWidth.toFixed(2), 'data-source': edge.a.word, 'data-target': edge.b.word,
    }, s('title', {}, TEXT.edge(wordLabel(edge.a.word), wordLabel(edge.b.word), formatJaccard(edge.jaccard), formatInteger(edge.together), unitName)))));
}

function nodesGroup({ nodes }) {
  return s('g', { class: 'network-nodes' },
    ...nodes.map((node) => s('g', {
      class: `network-node ${communityClass(node.community)}`, 'data-word': node.word, 'data-node': node.index,
      tabindex: 0, role: 'button',
      'aria-label': TEXT.node(wordSaid(node.word), formatInteger(node.count), node.degree, node.community + 1),
    },
      s('title', {}, TEXT.node(wordSaid(node.word), formatInteger(node.count), node.degree, node.community + 1)),
      s('circle', { class: 'network-dot', cx: node.cx.toFixed(1), cy: node.cy.toFixed(1), r: node.r.toFixed(1) }))));
}

/** The words over everything else, each a link to its word too (but not a second stop for the keyboard). */
function labelsGroup({ nodes }) {
  return s('g', { class: 'network-labels', 'aria-hidden': 'true' },
    ...nodes.map((node) => s('text', {
      class: 'network-label', x: node.labelX.toFixed(1), y: node.labelY.toFixed(1),
      'text-anchor': 'middle', 'font-size': FONT_SIZE, 'paint-order': 'stroke', 'data-word': node.word, 'data-node': node.index,
    }, node.label)));
}

/**
 * Marks `word`'s node and its neighbours (and the edges between them), and
 * dims the rest; no word, or one not in the network: nothing is marked.
 */
export function highlight(svg, geometry, word) {
  const selected = geometry.nodes.find((node) => node.word === word);
  const near = new Set();
  if (selected) {
    near.add(selected.index);
    for (const edge of geometry.edges) {
      if (edge.a === selected) near.add(edge.b.index);
      if (edge.b === selected) near.add(edge.a.index);
    }
  }
  svg.classList.toggle('has-selection', Boolean(selected));
  for (const element of svg.querySelectorAll('[data-node]')) {
    const index = Number(element.dataset.node);
    element.classList.toggle('is-selected', index === selected?.index);
    element.classList.toggle('is-neighbour', near.has(index) && index !== selected?.index);
  }
  for (const line of svg.querySelectorAll('.network-edge')) {
    line.classList.toggle('is-near', Boolean(selected) && (line.dataset.source === word || line.dataset.target === word));
  }
}
