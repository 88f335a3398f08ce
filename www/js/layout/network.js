// The co-occurrence network's geometry (KH Coder's picture): the core gives
// the nodes with a seeded layout (x, y about −1…1), the edges and the
// communities; this fits the layout into the box, sizes the circles (area:
// the word's count) and the edges (width: the Jaccard), and puts each label
// where it overlaps nothing. Computes and draws nothing (charts/network.js
// paints it as SVG).

import { fitted } from './fit.js';

const MIN_RADIUS = 3.5;
export const MIN_EDGE = 0.8;
export const MAX_EDGE = 4.5;
export const FONT_SIZE = 13;
export const LABEL_HEIGHT = 15;
/** The widest a node's label is: a longer word is cut (its node's title says it whole). */
export const MAX_LABEL_WIDTH = 180;
/** A group of words is enlarged at most this many times (spreadComponents). */
const MAX_SPREAD = 8;

/** The box for a container `width` pixels wide: wider than tall on a screen, taller on a phone. */
export const boxHeight = (width) => Math.round(Math.max(380, Math.min(620, width < 560 ? width * 1.6 : width * 0.55)));

/**
 * Where everything goes. answer: the NETWORK answer ({nodes: [{word, count,
 * community, degree, x, y}], edges: [{source, target, jaccard, together}],
 * communities}); measure(text, font) and family: the labels' widths.
 * Returns {width, height, nodes: [{…node, index, cx, cy, r, label, labelWidth,
 * labelX, labelY}], edges: [{…edge, a, b, strokeWidth}], communities}
 * (labelX: the label's centre, labelY: its baseline).
 */
export function networkLayout(answer, { width, height, measure, family }) {
  const { nodes, edges } = answer;
  const font = `${FONT_SIZE}px ${family}`;
  const widest = Math.max(10, Math.min(20, width / 45));
  const pad = { x: widest + 20, y: widest + 18 };
  const spread = spreadComponents(nodes, edges);
  const xOf = fitTo(spread.map((p) => p.x), pad.x, width - pad.x);
  const yOf = fitTo(spread.map((p) => p.y), pad.y, height - pad.y);
  const points = spread.map((p) => ({ cx: xOf(p.x), cy: yOf(p.y) }));
  // The layout packs a cluster's words close together: the circles are
  // kept small enough that neighbours mostly stay apart.
  const maxRadius = Math.max(6, Math.min(widest, 0.5 * median(nearestDistances(points))));
  const maxCount = Math.max(1, ...nodes.map((node) => node.count));
  const least = Math.min(maxRadius, MIN_RADIUS);
  const radius = (count) => least + (maxRadius - least) * Math.sqrt(count / maxCount);
  const jaccards = edges.map((edge) => edge.jaccard);
  const lowJ = Math.min(...jaccards);
  const spanJ = Math.max(...jaccards) - lowJ;
  const placed = nodes.map((node, i) => ({ ...node, index: i, ...points[i], r: radius(node.count), ...labelOf(node.word, measure, font) }));
  placeLabels(placed, width, height);
  return {
    width, height,
    nodes: placed,
    edges: edges.map((edge) => ({
      ...edge,
      a: placed[edge.source], b: placed[edge.target],
      strokeWidth: MIN_EDGE + (spanJ > 0 ? (edge.jaccard - lowJ) / spanJ : 0.5) * (MAX_EDGE - MIN_EDGE),
    })),
    communities: answer.communities,
  };
}

/** A node's label, cut to MAX_LABEL_WIDTH, and its width: {label, labelWidth}. */
function labelOf(word, measure, font) {
  const { label, width } = fitted(word, MAX_LABEL_WIDTH, measure, font);
  return { label, labelWidth: width };
}

/**
 * The layout with each group of connected words (a component of the graph)
 * enlarged about its centre, up to nearly half the distance to the nearest
 * other group: a layout that keeps the groups far apart leaves each one a
 * knot of overlapping words otherwise. Only a scaling of the core's
 * layout: the same answer gives the same picture.
 */
function spreadComponents(nodes, edges) {
  const parent = nodes.map((_, i) => i);
  const root = (i) => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const { source, target } of edges) parent[root(source)] = root(target);
  const groups = new Map();
  nodes.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  const components = [...groups.values()].map((members) => {
    const x = members.reduce((sum, i) => sum + nodes[i].x, 0) / members.length;
    const y = members.reduce((sum, i) => sum + nodes[i].y, 0) / members.length;
    const radius = Math.max(...members.map((i) => Math.hypot(nodes[i].x - x, nodes[i].y - y)));
    return { members, x, y, radius };
  });
  const points = nodes.map((node) => ({ x: node.x, y: node.y }));
  if (components.length < 2) return points;
  for (const c of components) {
    if (c.members.length < 2 || !(c.radius > 0)) continue;
    const room = 0.45 * Math.min(...components.filter((o) => o !== c).map((o) => Math.hypot(o.x - c.x, o.y - c.y)));
    const scale = Math.min(MAX_SPREAD, Math.max(1, room / c.radius));
    for (const i of c.members) points[i] = { x: c.x + (nodes[i].x - c.x) * scale, y: c.y + (nodes[i].y - c.y) * scale };
  }
  return points;
}

/** Maps values onto from…to (all of them to the middle if they are equal). */
function fitTo(values, from, to) {
  const low = Math.min(...values);
  const span = Math.max(...values) - low;
  return (value) => (span > 0 ? from + ((value - low) / span) * (to - from) : (from + to) / 2);
}

/** Each point's distance to the nearest other point. */
function nearestDistances(points) {
  return points.map((p, i) => Math.min(Infinity, ...points.filter((_, j) => j !== i).map((q) => Math.hypot(p.cx - q.cx, p.cy - q.cy))));
}

function median(values) {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length ? finite[Math.floor(finite.length / 2)] : Infinity;
}

/**
 * Puts each word's label above its circle, or else below, right or left of
 * it, wherever it first overlaps no label placed before and no other
 * circle; the most frequent words choose first. (No place free: above.)
 */
function placeLabels(nodes, width, height) {
  const boxes = [];
  const overlaps = (box) => boxes.some((b) => box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h)
    || nodes.some((n) => n.cx + n.r > box.x && n.cx - n.r < box.x + box.w && n.cy + n.r > box.y && n.cy - n.r < box.y + box.h && !box.own(n));
  for (const node of [...nodes].sort((a, b) => b.count - a.count)) {
    const w = node.labelWidth;
    const candidates = [
      { x: node.cx - w / 2, y: node.cy - node.r - 2 - LABEL_HEIGHT },
      { x: node.cx - w / 2, y: node.cy + node.r + 2 },
      { x: node.cx + node.r + 3, y: node.cy - LABEL_HEIGHT / 2 },
      { x: node.cx - node.r - 3 - w, y: node.cy - LABEL_HEIGHT / 2 },
    ].map((c) => ({
      // Inside the box (an exported file has nothing around it).
      x: Math.max(2, Math.min(width - w - 2, c.x)), y: Math.max(0, Math.min(height - LABEL_HEIGHT, c.y)),
      w, h: LABEL_HEIGHT, own: (n) => n === node,
    }));
    const box = candidates.find((c) => !overlaps(c)) ?? candidates[0];
    boxes.push(box);
    node.labelX = box.x + w / 2;
    node.labelY = box.y + LABEL_HEIGHT - 3.5; // the baseline
  }
}
