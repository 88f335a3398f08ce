// What the layout tests share: a stub of the page's measure(text, font)
// (charts/measure.js measures on a canvas; here every character is 12
// pixels wide, whatever the font) that counts its calls and the characters
// it was given, and a seeded
// random source so that a failure can be run again.

export const CHAR_WIDTH = 12;

/**
 * measure(text, font) → 12 × characters; measure.calls: how often it was
 * called, measure.chars: how many characters it measured in all.
 */
export function stubMeasure() {
  const measure = (text) => {
    const chars = [...text].length;
    measure.calls += 1;
    measure.chars += chars;
    return CHAR_WIDTH * chars;
  };
  measure.calls = 0;
  measure.chars = 0;
  return measure;
}

/** A random source in [0, 1) from `seed` (mulberry32). */
export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = '中国发展人民经济合作世界和平国际关系改革开放文化历史科学技术教育';

/** A word of `length` Han characters from `random`. */
export const hanWord = (random, length) =>
  Array.from({ length }, () => HAN[Math.floor(random() * HAN.length)]).join('');

/** Whether two boxes {x, y, w, h} overlap (touching is not overlapping). */
export const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
