// The word cloud's placement: the most frequent words, font size by count,
// each on the first free spot of a spiral from the centre. Deterministic:
// the same words and size always give the same picture. Computes and draws
// nothing (views/word-cloud.js paints it on a canvas).

import { fitted } from './fit.js';

export const MAX_WORDS = 80;
const PADDING = 3; // pixels kept clear around each word

/** The CSS font of a word drawn at `size` pixels and `weight`. */
export const cloudFont = (size, weight, family) => `${weight} ${size}px ${family}`;

/**
 * words: [{word, count}], most frequent first; the first MAX_WORDS are
 * placed, a word that fits nowhere is left out; a word wider than the box
 * is cut to fit it (label). Returns [{word, count, label, rank, size,
 * weight, font, x, y, width, height}]: (x, y) the centre of the
 * word's box, which includes its padding; no two boxes overlap and every
 * box is inside width × height.
 */
export function cloudLayout(words, { width, height, measure, family }) {
  const shown = words.slice(0, MAX_WORDS);
  if (shown.length === 0) return [];
  const maxCount = Math.max(...shown.map((w) => w.count));
  const minCount = Math.min(...shown.map((w) => w.count));
  const biggest = Math.min(72, Math.max(28, Math.min(width / 7.5, height / 5)));
  const smallest = Math.max(12, biggest / 5);
  const boxes = [];
  const placed = [];
  shown.forEach((entry, rank) => {
    // Square root: area, not height, should follow the count.
    const share = maxCount === minCount ? 1 : Math.sqrt((entry.count - minCount) / (maxCount - minCount));
    const size = Math.round(smallest + share * (biggest - smallest));
    const weight = rank < 10 ? 700 : rank < 30 ? 600 : 400;
    const font = cloudFont(size, weight, family);
    const { label, width: labelWidth } = fitted(entry.word, width - PADDING * 2, measure, font);
    const w = labelWidth + PADDING * 2;
    const h = size * 1.05 + PADDING * 2;
    const spot = findSpot(w, h, width, height, boxes);
    if (!spot) return;
    boxes.push(spot);
    placed.push({ ...entry, label, rank, size, weight, font, x: spot.x + w / 2, y: spot.y + h / 2, width: w, height: h });
  });
  return placed;
}

/** The placed word at (x, y), if any: for the pointer. */
export const wordAt = (placed, x, y) =>
  placed.find((w) => Math.abs(x - w.x) <= w.width / 2 && Math.abs(y - w.y) <= w.height / 2);

/** Walks an Archimedean spiral, stretched to the box's aspect, from the centre. */
function findSpot(w, h, width, height, boxes) {
  const cx = width / 2;
  const cy = height / 2;
  const aspect = width / height;
  const maxRadius = Math.hypot(width, height) / 2;
  // Steps of about 6 pixels along the curve; turns 3·2π ≈ 19 pixels apart.
  for (let angle = 0; ; angle += Math.min(0.5, 6 / Math.max(3 * angle, 1))) {
    const radius = 3 * angle;
    if (radius > maxRadius) return null;
    const x = cx + radius * Math.cos(angle) * Math.sqrt(aspect) - w / 2;
    const y = cy + radius * Math.sin(angle) / Math.sqrt(aspect) - h / 2;
    if (x < 0 || y < 0 || x + w > width || y + h > height) continue;
    const box = { x, y, w, h };
    if (!boxes.some((other) => overlaps(box, other))) return box;
  }
}

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
