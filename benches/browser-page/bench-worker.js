// Runs inside a dedicated module worker of the bench page (see
// benches/browser_worker.mjs): loads one wasm module, as Ciyan's worker
// does, then times it on one text. One worker per measure, so that each
// load is a fresh one and each text's memory is its own.
//
// page → worker  {lib: 'ciyan' | 'jieba', runs, text: null | {url, name, bytes}}
// worker → page  {rows: [{who, what, file, bytes, millis | values + unit}]}
//                or {error}
import initCiyan, { Analyzer } from '/pkg/ciyan.js';
import initJieba, { cut } from '/jieba/jieba_rs_wasm.js';

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
      return { wasm, analyzer: new Analyzer(new Uint8Array(dictionary)) };
    },
    measure({ wasm, analyzer }, text, file, bytes, runs) {
      const analyses = [];
      const gaps = [];
      for (let i = 0; i < runs; i++) {
        // Progress as the page hears it: the longest stretch without a
        // message, from the call to its answer.
        const times = [performance.now()];
        analyzer.analyze(text, undefined, () => times.push(performance.now()));
        times.push(performance.now());
        analyses.push(times.at(-1) - times[0]);
        gaps.push(Math.max(...times.slice(1).map((t, j) => t - times[j])));
      }
      // Wasm memory only grows: its size now is the peak of these analyses.
      const memory = wasm.memory.buffer.byteLength / 1e6;
      return [
        ...measureDocument(analyzer, text, file, bytes, runs),
        { what: 'analyze', file, bytes, millis: analyses },
        { what: 'largest progress gap', file, bytes: 0, millis: gaps },
        { what: 'wasm memory after analyze', file, bytes: 0, values: [memory], unit: 'MB' },
        { what: 'cut (countTokens)', file, bytes, millis: time(runs, () => analyzer.countTokens(text)) },
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
 * frequent of all: the most lines and spans).
 */
function measureDocument(analyzer, text, file, bytes, runs) {
  let document = null;
  const cut = time(runs, () => {
    document?.free();
    const steps = analyzer.startDocument(text, true);
    while (!steps.done) steps.step();
    document = steps.finish();
  });
  let analysis = null;
  const summary = time(runs, () => { analysis = analyzer.summarize(document, undefined); });
  const top = analysis.words[0]?.word ?? '的';
  const rows = [
    { what: 'document: cut and keep', file, bytes, millis: cut },
    { what: 'summary of the kept document', file, bytes, millis: summary },
  ];
  for (const [label, word] of [['top word', top], ['的', '的']]) {
    rows.push(
      { what: `concordance (${label})`, file, bytes: 0, millis: time(runs, () => document.concordance(word)) },
      { what: `dispersion (${label})`, file, bytes: 0, millis: time(runs, () => document.dispersion(word)) },
      { what: `collocates (${label})`, file, bytes: 0, millis: time(runs, () => document.collocates(word)) },
    );
  }
  rows.push(
    { what: 'phrases', file, bytes: 0, millis: time(runs, () => document.phrases()) },
    { what: 'keyword explanation (top word)', file, bytes: 0, millis: time(runs, () => analyzer.explainKeyword(document, top)) },
    { what: 'kept document, per token', file, bytes: 0, values: [document.memoryBytes / document.tokens], unit: 'B' },
    { what: 'kept document (text not counted)', file, bytes: 0, values: [document.memoryBytes / 1e6], unit: 'MB' },
  );
  document.free();
  return rows;
}

function time(runs, f) {
  const millis = [];
  for (let i = 0; i < runs; i++) {
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
