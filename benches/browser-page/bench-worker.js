// Runs inside a dedicated module worker of the bench page (see
// benches/browser_worker.mjs): loads one wasm module, as Ciyan's worker
// does, then times it on one text. One worker per measure, so that each
// load is a fresh one and each text's memory is its own.
//
// page → worker  {lib: 'ciyan' | 'jieba', runs, text: null | {url, name, bytes}}
// worker → page  {rows: [{who, what, file, bytes, millis | values + unit}]}
//                or {error}
import initCiyan, { Session } from '/pkg/ciyan.js';
import initJieba, { cut } from '/jieba/jieba_rs_wasm.js';

import { ask, forget, keep } from './session.mjs';

// The session posts its progress from the worker's own scope while it
// answers (src/bindings.rs, through web-sys: {type: 'progress', ...}); the
// page would hear it then. Caught here, where it is timed, instead of
// reaching the bench page.
const postToPage = self.postMessage.bind(self);
/** Called for each progress message the session posts, or null. */
let onPosted = null;
self.postMessage = (message, ...rest) => {
  if (message?.type === 'progress') onPosted?.();
  else postToPage(message, ...rest);
};

const LIBS = {
  // Ciyan's worker.js: init() (fetch, compile, instantiate) beside the
  // dictionary's fetch, then the dictionary's load.
  ciyan: {
    who: 'ciyan-chromium-worker',
    async load() {
      const [wasm, dictionary] = await Promise.all([
        initCiyan(),
        fetch('/pkg/ciyan.dict').then((r) => r.arrayBuffer()),
      ]);
      return { wasm, session: new Session(new Uint8Array(dictionary)) };
    },
    measure({ wasm, session }, text, file, bytes, runs) {
      const analyses = [];
      const gaps = [];
      for (let i = 0; i < runs; i++) {
        forget(session);
        // 分析 as the page's worker answers it (was one analyze() call; the
        // same work, now a keep and a summary query). Progress as the page
        // hears it: the longest stretch without a message, from the call to
        // its answer. The worker posts one after each piece of the cut, the
        // session its own during the summary.
        const times = [performance.now()];
        const heard = () => times.push(performance.now());
        onPosted = heard;
        keep(session, text, heard);
        ask(session, { query: 'summary', options: {} });
        onPosted = null;
        times.push(performance.now());
        analyses.push(times.at(-1) - times[0]);
        gaps.push(Math.max(...times.slice(1).map((t, j) => t - times[j])));
      }
      // Wasm memory only grows: its size now is the peak of these analyses.
      const memory = wasm.memory.buffer.byteLength / 1e6;
      const rows = measureDocument(session, text, file, bytes, runs);
      // Was 'cut (countTokens)', a bare cut that kept nothing: the bindings
      // no longer have one, so this is now the cut into a kept document
      // (start/step), as 'document: cut and keep' measures it too.
      const cuts = time(runs, () => keep(session, text), () => forget(session));
      return [
        ...rows,
        { what: 'analyze', file, bytes, millis: analyses },
        { what: 'largest progress gap', file, bytes: 0, millis: gaps },
        { what: 'wasm memory after analyze', file, bytes: 0, values: [memory], unit: 'MB' },
        { what: 'cut into a document (start/step)', file, bytes, millis: cuts },
      ];
    },
  },
  // npm jieba-wasm loads its dictionary on the first call.
  jieba: {
    who: 'jieba-wasm-chromium',
    async load() {
      const wasm = await initJieba();
      cut('', true);
      return { wasm };
    },
    measure({ wasm }, text, file, bytes, runs) {
      const millis = time(runs, () => cut(text, true));
      return [
        { what: 'cut (a JS string per token)', file, bytes, millis },
        { what: 'wasm memory after cut', file, bytes: 0, values: [wasm.memory.buffer.byteLength / 1e6], unit: 'MB' },
      ];
    },
  },
};

/**
 * The kept document, as the page's worker keeps it: the cut piece by piece,
 * a summary without a new cut, and the queries a click asks for, on the
 * text's most frequent word (stopwords left out) and on 的 (the most
 * frequent of all: the most lines and spans). Each is a Query of the
 * contract (src/session/query.rs) with its default options.
 */
function measureDocument(session, text, file, bytes, runs) {
  const cut = time(runs, () => keep(session, text), () => forget(session));
  let summary = null;
  const summaryMillis = time(runs, () => { summary = ask(session, { query: 'summary', options: {} }); });
  // The word list comes in columns, a word a line, most frequent first.
  const top = summary.words.words.split('\n', 1)[0] || '的';
  const rows = [
    { what: 'document: cut and keep', file, bytes, millis: cut },
    { what: 'summary of the kept document', file, bytes, millis: summaryMillis },
  ];
  for (const [label, word] of [['top word', top], ['的', '的']]) {
    rows.push(
      { what: `concordance (${label})`, file, bytes: 0, millis: time(runs, () => ask(session, { query: 'concordance', term: word })) },
      { what: `dispersion (${label})`, file, bytes: 0, millis: time(runs, () => ask(session, { query: 'dispersion', word })) },
      { what: `collocates (${label})`, file, bytes: 0, millis: time(runs, () => ask(session, { query: 'collocates', word })) },
    );
  }
  const { memoryBytes, tokens } = session.document();
  rows.push(
    { what: 'phrases', file, bytes: 0, millis: time(runs, () => ask(session, { query: 'phrases' })) },
    { what: 'keyword explanation (top word)', file, bytes: 0, millis: time(runs, () => ask(session, { query: 'explainKeyword', word: top })) },
    { what: 'kept document, per token', file, bytes: 0, values: [memoryBytes / tokens], unit: 'B' },
    { what: 'kept document (text not counted)', file, bytes: 0, values: [memoryBytes / 1e6], unit: 'MB' },
  );
  return rows;
}

/** Times `f` `runs` times; `before` runs ahead of each, untimed. */
function time(runs, f, before = () => {}) {
  const millis = [];
  for (let i = 0; i < runs; i++) {
    before();
    const start = performance.now();
    f();
    millis.push(performance.now() - start);
  }
  return millis;
}

self.onmessage = async ({ data: { lib, runs, text } }) => {
  try {
    const { who, load, measure } = LIBS[lib];
    const start = performance.now();
    const loaded = await load();
    const rows = [{ what: 'load', file: '', bytes: 0, millis: [performance.now() - start] }];
    if (text) {
      const content = await (await fetch(text.url)).text();
      rows.push(...measure(loaded, content, text.name, text.bytes, runs));
    }
    self.postMessage({ rows: rows.map((row) => ({ who, ...row })) });
  } catch (error) {
    self.postMessage({ error: String(error?.stack ?? error) });
  }
};
