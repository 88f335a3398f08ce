// Wasm timings in Node for benches/run.py: Ciyan's package and npm jieba-wasm.
//
//     node benches/node.mjs RUNS FILE...
//
// Prints one JSON object per line, as benches/native.rs does.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';

import { initSync as initCiyan, Session } from '../www/pkg/ciyan.js';
import { initSync as initJieba, cut as jiebaCut } from 'jieba-wasm/web';

import { ask, forget, keep } from './browser-page/session.mjs';

const [runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg) || 5;

/** Times `f` `runs` times; `before` runs ahead of each, untimed. */
function time(f, before = () => {}) {
  const millis = [];
  for (let i = 0; i < runs; i++) {
    before();
    const start = performance.now();
    f();
    millis.push(performance.now() - start);
  }
  return millis;
}

function report(who, what, file, bytes, millis) {
  console.log(JSON.stringify({ who, what, file, bytes, millis: millis.map((m) => Number(m.toFixed(3))) }));
}

const ciyanWasm = readFileSync(new URL('../www/pkg/ciyan_bg.wasm', import.meta.url));
const ciyanDictionary = new Uint8Array(readFileSync(new URL('../www/pkg/ciyan.dict', import.meta.url)));
const jiebaWasm = readFileSync(new URL('../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm', import.meta.url));

// Load: compile + instantiate + dictionary. Each run loads a fresh session;
// the module is compiled once, as a browser caches it.
let start = performance.now();
initCiyan({ module: ciyanWasm });
const ciyanCompile = performance.now() - start;
const loads = time(() => new Session(ciyanDictionary).free());
report('ciyan-wasm-node', 'load', '', 0, loads.map((m) => m + ciyanCompile));
const session = new Session(ciyanDictionary);

// jieba-wasm loads its dictionary on the first call, once per instance.
start = performance.now();
initJieba({ module: jiebaWasm });
jiebaCut('', true);
report('jieba-wasm-node', 'load', '', 0, [performance.now() - start]);

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const bytes = Buffer.byteLength(text);
  const name = basename(file);
  report('jieba-wasm-node', 'cut (a JS string per token)', name, bytes, time(() => jiebaCut(text, true)));
  // Was 'cut (countTokens)', a bare cut that kept nothing: the bindings no
  // longer have one. The cut is now always into a kept document, as the
  // page's worker keeps it (start, then step until null).
  report('ciyan-wasm-node', 'cut into a document (start/step)', name, bytes,
    time(() => keep(session, text), () => forget(session)));
  // The text kept and summarised, as the page's worker answers 分析 (was
  // one analyze() call; the same work, now a keep and a summary query).
  report('ciyan-wasm-node', 'analyze', name, bytes, time(() => {
    keep(session, text);
    ask(session, { query: 'summary', options: {} });
  }, () => forget(session)));
}
