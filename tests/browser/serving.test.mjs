// How the page is served and installed: scripts/serve.py answers as a
// production host would (precompressed brotli or gzip by Accept-Encoding,
// the right Content-Type, ETags that make a second request a 304), the first
// visit sends each file once, and the page is an installable web app.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { assertClean, CHROMIUM, CHROMIUM_ARGS, resultsAfter, start } from './harness.mjs';

// A server of its own, whose log holds only what this file asked for.
let session;
let logDir;
let log;
before(async () => {
  logDir = await mkdtemp(path.join(tmpdir(), 'ciyan-serve-log-'));
  log = path.join(logDir, 'responses.jsonl');
  session = await start({ serverArgs: ['--log', log] });
});
after(async () => {
  await session?.close();
  await rm(logDir, { recursive: true, force: true });
});

/** A request from Node, outside the browser: its status and headers. */
async function head(file, acceptEncoding, extra = {}) {
  const response = await fetch(new URL(file, session.url), { headers: { 'Accept-Encoding': acceptEncoding, ...extra } });
  await response.arrayBuffer();
  return { status: response.status, headers: Object.fromEntries(response.headers) };
}

test('the first visit sends every file once, compressed, and the offline copy costs 304s', async (t) => {
  // The log's lines from now on: this visit's (the other tests' requests come from Node, after it or before).
  const logged = async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');
  const earlier = (await logged()).length;
  const page = await session.page(t, { serviceWorkers: 'allow' }); // a profile of its own: a first visit
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const browserResponses = (await logged()).slice(earlier).map((line) => JSON.parse(line));
  const sent = new Map();
  for (const r of browserResponses) if (r.status === 200) sent.set(r.path, (sent.get(r.path) ?? 0) + 1);
  const twice = [...sent].filter(([, n]) => n > 1).map(([file]) => file);
  assert.deepEqual(twice, [], 'files sent in full twice');
  for (const file of ['/pkg/ciyan_bg.wasm', '/pkg/ciyan.dict', '/js/main.js', '/']) {
    const full = browserResponses.find((r) => r.path === file && r.status === 200);
    assert.ok(full, `${file} was sent`);
    assert.equal(full.encoding, 'br', `${file} was sent as brotli`);
  }
  // The service worker's copies: conditional requests answered with 304.
  assert.ok(browserResponses.filter((r) => r.status === 304).length >= 20, 'the offline copy was made of 304s');
});

test('each file comes precompressed as the browser accepts it, with its own type', async () => {
  // Node's fetch decodes what it receives; the headers say what was sent.
  const cases = [
    ['pkg/ciyan_bg.wasm', 'application/wasm'],
    ['pkg/ciyan.dict', 'application/octet-stream'],
    ['js/main.js', 'text/javascript; charset=utf-8'],
    ['', 'text/html; charset=utf-8'],
    ['manifest.webmanifest', 'application/manifest+json'],
  ];
  for (const [file, type] of cases) {
    const br = await head(file, 'gzip, deflate, br');
    assert.equal(br.headers['content-type'], type, file);
    assert.equal(br.headers['content-encoding'], 'br', file);
    assert.equal(br.headers.vary, 'Accept-Encoding', file);
    assert.equal(br.headers['cache-control'], 'no-cache', file);
    assert.equal((await head(file, 'gzip')).headers['content-encoding'], 'gzip', file);
    assert.equal((await head(file, 'identity')).headers['content-encoding'], undefined, file);
    assert.equal((await head(file, 'br;q=0, gzip')).headers['content-encoding'], 'gzip', file);
  }
  // A PNG is compressed already: sent as it is.
  const png = await head('icons/icon-192.png', 'br, gzip');
  assert.deepEqual([png.headers['content-type'], png.headers['content-encoding']], ['image/png', undefined]);
});

test('a file asked for again with its ETag is a 304 without a body', async () => {
  const first = await head('pkg/ciyan.dict', 'br');
  assert.match(first.headers.etag, /^".+-br"$/);
  const again = await head('pkg/ciyan.dict', 'br', { 'If-None-Match': first.headers.etag });
  assert.equal(again.status, 304);
  // Another encoding is another representation, with another tag.
  assert.notEqual((await head('pkg/ciyan.dict', 'gzip')).headers.etag, first.headers.etag);
  assert.equal((await head('no/such/file.js', 'br')).status, 404);
  assert.equal((await head('../Cargo.toml', 'br')).status, 404);
});

test('the page is an installable web app', async (t) => {
  // In a profile on disk: Chromium installs nothing from an incognito one, which every other test's is.
  const profile = await mkdtemp(path.join(tmpdir(), 'ciyan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  t.after(async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });
  const page = await context.newPage();
  await page.goto(session.url);
  await resultsAfter(page, 0);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.start_url, './');
  assert.ok(parsed.icons.some((icon) => icon.purpose === 'maskable'));
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
