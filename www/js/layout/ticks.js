// Axis steps: round values for a value axis, and how sparsely a category
// axis (sections, parts) is labelled. Computes and draws nothing.

/** 0 and round steps (1, 2 or 5 × 10ⁿ) up to at least `max`: about five of them. */
export function niceTicks(max) {
  if (!(max > 0)) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough);
  // As many steps as reach `max` (a hair's tolerance, so that 0.3 is not 0.30000000000000004 past 0.3).
  const steps = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Every how many sections an axis labels one, so that labels `gap` pixels wide fit in `step`-pixel columns. */
export function labelEvery(step, gap = 26) {
  return [1, 2, 5, 10, 20, 25, 50, 100].find((n) => n * step >= gap) ?? 200;
}
