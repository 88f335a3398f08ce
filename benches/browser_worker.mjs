// Ciyan's wasm and npm jieba-wasm inside a Web Worker of headless Chromium,
// for benches/run.py: load (init + dictionary), cut, and for Ciyan the full
// analysis, its largest gap between progress reports and its wasm memory.
//
//     node benches/browser_worker.mjs RUNS FILE...
//
// Serves benches/browser-page/ (a blank page and bench-worker.js) with
// www/pkg/ at /pkg/, jieba-wasm's web build at /jieba/ and the texts at
// /text/N, on 127.0.0.1, and drives it with the browser tests' Chromium.
// Wasm memory is the linear memory's size after the runs: its peak, since it
// never shrinks.
// Prints one JSON object per line, as benches/native.rs does.
import { createReadStream, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { start } from '../tests/browser/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg) || 5;

const ROUTES = [
  ['/pkg/', path.join(ROOT, 'www/pkg')],
  ['/jieba/', path.join(ROOT, 'node_modules/jieba-wasm/pkg/web')],
  ['/', path.join(ROOT, 'benches/browser-page')],
];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

/** The file a URL path names, or null. */
function fileFor(urlPath) {
  const text = urlPath.match(/^\/text\/(\d+)$/);
  if (text) return files[Number(text[1])] ?? null;
  const [prefix, dir] = ROUTES.find(([p]) => urlPath.startsWith(p));
  const file = path.join(dir, decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html');
  return file.startsWith(dir + path.sep) ? file : null;
}

const server = createServer((request, response) => {
  const file = fileFor(new URL(request.url, 'http://localhost').pathname);
  const stream = file && createReadStream(file);
  if (!stream) { response.writeHead(404).end(); return; }
  stream.on('error', () => response.writeHead(404).end());
  stream.on('open', () => {
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    stream.pipe(response);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

/** Starts bench-worker.js in the page with `message`; resolves with its rows. */
const inWorker = (page, message) => page.evaluate((message) => new Promise((resolve, reject) => {
  const worker = new Worker('bench-worker.js', { type: 'module' });
  worker.onmessage = ({ data }) => {
    // Only the answer ends the worker (a progress message the session
    // posts from the worker's scope is kept in it by bench-worker.js).
    if (!data?.rows && !data?.error) return;
    worker.terminate();
    if (data.error) reject(new Error(data.error)); else resolve(data.rows);
  };
  worker.onerror = (event) => { worker.terminate(); reject(new Error(event.message || 'the worker failed to start')); };
  worker.postMessage(message);
}), message);

const print = (row) => console.log(JSON.stringify(row, (key, value) =>
  (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(3)) : value)));

// The browser tests' Chromium and profile; their server of dist/ goes unused.
const session = await start();
try {
  const page = await session.context.newPage();
  await page.goto(url);
  for (const lib of ['ciyan', 'jieba']) {
    // Load: a fresh worker each run, which fetches and compiles the wasm
    // afresh (no-store: no cached code), as on a first visit.
    const loads = [];
    for (let i = 0; i < runs; i++) loads.push(...(await inWorker(page, { lib, runs, text: null })));
    print({ ...loads[0], millis: loads.flatMap((row) => row.millis) });
    for (const [i, file] of files.entries()) {
      const text = { url: `/text/${i}`, name: path.basename(file), bytes: readFileSync(file).length };
      for (const row of (await inWorker(page, { lib, runs, text })).slice(1)) print(row);
    }
  }
} finally {
  await session.close();
  server.close();
}
