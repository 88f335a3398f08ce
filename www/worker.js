// The analysis worker: owns the one wasm instance, loads it once, and
// answers the page's requests so that the page never blocks.
//
// Protocol (all messages are plain objects):
//   page → worker   {type: 'analyze', id, text, options}
//   worker → page   {type: 'progress', id, stage, done, total}
//                     stage: 'loading' (dictionary), 'segmenting', 'keywords'
//                   {type: 'result', id, analysis, millis}
//                   {type: 'error', id, code, message}
// `id` is the request's; a 'loading' progress before any request has id null.

import init, { Analyzer } from './pkg/ciyan.js';

let analyzer = null;
// One load, shared: a request that arrives while the wasm is still loading
// waits for that load instead of starting a second one (init() itself does
// not guard against two concurrent calls: it would fetch and compile twice).
let loading = null;

async function load(id) {
  if (analyzer) return analyzer;
  self.postMessage({ type: 'progress', id, stage: 'loading', done: 0, total: 1 });
  loading ??= init().then(() => {
    analyzer = new Analyzer();
    return analyzer;
  });
  return loading;
}

// Messages are handled one at a time, in order.
let queue = Promise.resolve();

self.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(() => handle(request));
};

async function handle({ type, id, text, options }) {
  if (type !== 'analyze') {
    self.postMessage({ type: 'error', id, code: 'bad-request', message: `未知的请求：${type}` });
    return;
  }
  try {
    const a = await load(id);
    const started = performance.now();
    const analysis = a.analyze(text, options, (p) => self.postMessage({ type: 'progress', id, ...p }));
    self.postMessage({ type: 'result', id, analysis, millis: performance.now() - started });
  } catch (error) {
    self.postMessage({ type: 'error', id, ...describe(error) });
  }
}

/** The core throws {code, message}; anything else is a bug, said plainly. */
function describe(error) {
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return { code: error.code, message: error.message };
  }
  return { code: 'internal', message: `分析器出错了：${error && error.message ? error.message : String(error)}` };
}

load(null).catch((error) => self.postMessage({ type: 'error', id: null, ...describe(error) }));
