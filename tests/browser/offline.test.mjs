// Offline: once the page has been open, its service worker has every file
// of the page in its cache, and the page opens and analyses with the server
// gone.

import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { analysed, assertClean, chartWords, resultsAfter, RIVER_TEXT, start, WWW } from './harness.mjs';
import { staticImports } from '../../scripts/lists.mjs';

// A server of its own: the last test stops it.
let session;
before(async () => { session = await start({ ownServer: true }); });
after(() => session?.close());

/** A fresh page once its service worker controls it and has made the offline copy. */
async function offlinePage(t) {
  const page = await session.page(t, { serviceWorkers: 'allow' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  // clients.claim() hands this first-visit page to the worker without a reload.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

/** Every file under www/ that the page may load, as paths from the root ('/' for index.html). */
async function pageFiles() {
  const entries = await readdir(WWW, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(WWW, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    // sw.js is fetched by the browser itself; TypeScript (declarations, the core's contract) by no one.
    .filter((file) => file !== 'sw.js' && !file.endsWith('.ts'))
    .map((file) => (file === 'index.html' ? '/' : `/${file}`))
    .sort();
}

test('the service worker controls the page and has cached every file of it', async (t) => {
  const page = await offlinePage(t);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, files: (await cache.keys()).map((request) => new URL(request.url).pathname).sort() };
  });
  assert.equal(cached.names.length, 1, `one cache: ${cached.names}`);
  assert.deepEqual(cached.files, await pageFiles());
});

test('index.html preloads every module main.js imports statically, at once', async (t) => {
  const page = await session.page(t);
  const preloaded = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel=modulepreload]')].map((link) => new URL(link.href).pathname).sort());
  assert.deepEqual(preloaded, staticImports(WWW).map((file) => `/${file}`));
});

test('with the server stopped, the page reloads and analyses', async (t) => {
  const page = await offlinePage(t);
  await session.stopServer();
  await assert.rejects(fetch(session.url), 'the server is really gone');

  await page.reload();
  await resultsAfter(page, 0);
  assert.match(await page.inputValue('#text'), /王毅/);
  assert.equal((await chartWords(page))[0], '中国');

  await page.fill('#text', RIVER_TEXT);
  await analysed(page, () => page.click('#analyze'));
  assert.ok((await chartWords(page)).includes('长江'));
  assert.match(await page.textContent('#status'), /^分析完成/);
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
