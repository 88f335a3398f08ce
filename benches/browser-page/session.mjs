// How the benches hold Ciyan's wasm Session (www/pkg/ciyan.js; its contract
// is src/session/): bench-worker.js here and benches/node.mjs. It sits in
// browser-page/ because benches/browser_worker.mjs serves only this folder.

/**
 * Keeps `text` in `session` as the page's worker does (start, then step
 * until null), with the default options; calls `onStep()` after each
 * piece, where the worker posts its progress. Returns 'cutting' or 'kept'.
 */
export function keep(session, text, onStep = () => {}) {
  const keeping = session.start(text, {});
  while (session.step()) onStep();
  return keeping;
}

/**
 * Replaces the kept text by a tiny one, so that the next keep() of a text
 * cuts it afresh (the session would keep the same text without a new cut)
 * and its memory is free again.
 */
export function forget(session) {
  keep(session, '一。');
}

/** The answer to `query` (a Query of the contract) about the kept text. */
export function ask(session, query) {
  return session.handle({ request: 'ask', query }, 0).reply;
}
