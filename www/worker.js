// The analysis worker: owns the one wasm instance, loads it once, and
// answers the page's requests so that the page never blocks.
//
// Protocol (all messages are plain objects):
//   page → worker   {type: 'analyze', id, text, options}
//                   {type: 'decode', id, bytes (ArrayBuffer, transferred), name, encoding?}
//                   {type: 'encodings', id}
//                   {type: 'crash', id}        test hook: makes the Rust code trap
//   worker → page   {type: 'progress', id, stage, done, total}
//                     stage: 'loading' (wasm and dictionary), 'segmenting', 'keywords'
//                   {type: 'result', id, analysis, millis}     answers analyze
//                     (analysis.words packed in columns: see packWords)
//                   {type: 'result', id, decoded}              answers decode:
//                     {text, encoding, format, detected, replacements}
//                   {type: 'result', id, encodings}            answers encodings
//                   {type: 'error', id, code, message}
//                     code: the core's (see src/error.rs), 'dictionary-unavailable'
//                     (pkg/ciyan.dict could not be fetched; the next request
//                     tries again), 'bad-request' or 'internal'
// `id` is the request's; a 'loading' progress before any request has id null.
//
// The core throws {code, message} for what the user can fix. Anything else
// (a trap: a Rust panic, out of memory) leaves the wasm instance broken, so
// the worker reports it with code 'internal' and closes itself; the page
// then starts a fresh worker.

import init, { Analyzer, crashForTesting, decode, lastPanic, supportedEncodings } from './pkg/ciyan.js';

let analyzer = null;
// One load of each, shared: a request that arrives while the wasm or the
// dictionary is still loading waits for that load instead of starting a
// second one (init() itself does not guard against two concurrent calls: it
// would fetch and compile twice).
let wasmReady = null;
let wasmLoaded = false;
let analyzerReady = null;

/** The wasm module: all that decoding a file needs. */
function loadWasm() {
  wasmReady ??= init().then(() => {
    wasmLoaded = true;
  });
  return wasmReady;
}

/**
 * The analyzer: the wasm and the dictionary file (pkg/ciyan.dict, 3.7 MB,
 * 1.8 MB as the server compresses it), fetched side by side.
 */
function loadAnalyzer(id) {
  if (analyzer) return Promise.resolve(analyzer);
  self.postMessage({ type: 'progress', id, stage: 'loading', done: 0, total: 1 });
  analyzerReady ??= Promise.all([loadWasm(), fetchDictionary()]).then(([, bytes]) => {
    analyzer = new Analyzer(bytes);
    return analyzer;
  });
  return analyzerReady;
}

async function fetchDictionary() {
  let response;
  try {
    response = await fetch(new URL('./pkg/ciyan.dict', import.meta.url));
  } catch {
    response = null;
  }
  if (!response || !response.ok) {
    // Retried with the next request, not remembered as a failure.
    analyzerReady = null;
    throw { code: 'dictionary-unavailable', message: '词典文件无法载入：请检查网络后刷新页面。' };
  }
  return new Uint8Array(await response.arrayBuffer());
}

// What each request does once the wasm is loaded; each returns the fields of
// its 'result' message.
const HANDLERS = {
  analyze(a, { id, text, options }) {
    const started = performance.now();
    const analysis = a.analyze(text, options, (p) => self.postMessage({ type: 'progress', id, ...p }));
    return { analysis: packWords(analysis), millis: performance.now() - started };
  },
  decode(a, { bytes, name, encoding }) {
    return { decoded: decode(new Uint8Array(bytes), name ?? undefined, encoding || undefined) };
  },
  encodings() {
    return { encodings: supportedEncodings() };
  },
  crash() {
    crashForTesting();
    return {};
  },
};

/**
 * The word list in columns: {words, counts, tags}. A long text has tens of
 * thousands of words, and copying as many small objects to the page costs
 * its main thread more than two strings and an array of numbers do; the
 * page's analyzer-client.js rebuilds the rows.
 */
function packWords(analysis) {
  const { words, ...rest } = analysis;
  const packed = {
    words: words.map((w) => w.word).join('\n'),
    counts: Uint32Array.from(words, (w) => w.count),
    tags: words.map((w) => w.pos).join('\n'),
  };
  return { ...rest, packedWords: packed };
}

// Requests that need the wasm but not the dictionary, so that a dropped file
// is decoded while the dictionary is still on its way.
const NEEDS_ONLY_WASM = new Set(['decode', 'encodings', 'crash']);

// Messages are handled one at a time, in order.
let queue = Promise.resolve();

self.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(() => handle(request));
};

async function handle(request) {
  const { type, id } = request;
  const handler = Object.hasOwn(HANDLERS, type) ? HANDLERS[type] : null;
  if (!handler) {
    self.postMessage({ type: 'error', id, code: 'bad-request', message: `未知的请求：${type}` });
    return;
  }
  try {
    const a = NEEDS_ONLY_WASM.has(type) ? await loadWasm() : await loadAnalyzer(id);
    self.postMessage({ type: 'result', id, ...handler(a, request) });
  } catch (error) {
    fail(id, error);
  }
}

function fail(id, error) {
  const described = describe(error);
  self.postMessage({ type: 'error', id, ...described });
  // After a trap the instance's memory may be anything: never use it again.
  if (described.code === 'internal') self.close();
}

/**
 * The core throws {code, message}; anything else is a bug, said plainly: the
 * panic's own message when Rust panicked (a bare "unreachable" otherwise).
 */
function describe(error) {
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return { code: error.code, message: error.message };
  }
  let panic = null;
  try {
    panic = wasmLoaded ? lastPanic() : null;
  } catch {
    // The instance is broken; the trap's own message will do.
  }
  return { code: 'internal', message: panic ?? (error && error.message ? error.message : String(error)) };
}

loadAnalyzer(null).catch((error) => fail(null, error));
