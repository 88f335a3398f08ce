// Shared set-up of the browser tests: one server (scripts/serve.py) and one
// headless Chromium for every test file, a new browser context (a profile
// with storage of its own) for each test that needs one, and pages that
// record what the tests check at the end (console errors and warnings,
// uncaught errors, every request URL, dialogs).
//
// tests/browser/run.mjs (make test-browser) starts the server and Chromium
// once and gives their addresses to the test files it runs
// (CIYAN_TEST_URL, CIYAN_TEST_BROWSER); a file run on its own
// (node --test tests/browser/x.test.mjs) starts its own.

import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/browser/artifacts');
export const WWW = path.join(ROOT, 'www');
const FIXTURES = path.join(ROOT, 'tests/fixtures/input');

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // A page in a background tab or an occluded window keeps its timers and
  // its worker at full speed: two tests may run side by side.
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
  // The wasm runs in V8's baseline compiler only. Every test opens a fresh
  // profile, so every page compiled the hot functions again with the
  // optimising one (TurboFan): a fifth of a page open's CPU (3.0 → 2.4 s measured),
  // for texts too small to gain from it. What the code computes does not
  // depend on the tier; the benchmark (benches/) keeps Chromium's default.
  '--js-flags=--liftoff-only',
];

/** Generous: a wait costs nothing when things pass, and a busy machine is slow. */
export const PATIENCE = 60_000;

/**
 * Starts scripts/serve.py on a free port, serving dist/ as `make serve`
 * does (www/ is not a page until built: scripts/dist.mjs writes its
 * preloads, locales and offline list; node scripts/dist.mjs takes seconds).
 * Returns {server, url: a promise of its URL, stop(): resolves once it has
 * exited}. `args`: more of its options.
 */
export function startServer(args = []) {
  const server = spawn('python3', ['scripts/serve.py', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk) => { stderr += chunk; });
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.py printed no URL in 30 s\n${stderr}`)), 30_000);
    createInterface({ input: server.stdout }).on('line', (line) => {
      const match = line.match(/Ciyan is at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited (${code})\n${stderr}`)); });
  });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
  };
  return { server, url, stop };
}

/**
 * The server and the browser the sessions of this process share, while one
 * is open: those of run.mjs if it started them, else this process's own.
 */
const shared = { users: 0, browser: null, server: null };

async function acquireShared() {
  shared.users += 1;
  shared.browser ??= process.env.CIYAN_TEST_BROWSER
    ? chromium.connect(process.env.CIYAN_TEST_BROWSER, { timeout: PATIENCE })
    : chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  if (!process.env.CIYAN_TEST_URL) shared.server ??= startServer();
  const [browser, url] = await Promise.all([shared.browser, process.env.CIYAN_TEST_URL ?? shared.server.url]);
  return { browser, url };
}

async function releaseShared() {
  shared.users -= 1;
  if (shared.users > 0) return;
  const { browser, server } = shared;
  shared.browser = null;
  shared.server = null;
  // Connected: this only disconnects, and run.mjs's Chromium goes on.
  await (await browser?.catch(() => null))?.close().catch(() => {});
  await server?.stop();
}

/**
 * A session of one test file: the shared browser (or a server of its own,
 * when `serverArgs` are given or `ownServer` is set, for a test that reads
 * its log or stops it), and the contexts and pages it opens, whose
 * problems and requests all go to `records`. Returns
 * {url, context, newContext(options), open(options), page(t, options),
 *  records, stopServer(), close()}:
 *  - context: the session's first context, made at once;
 *  - newContext({locale, serviceWorkers}): a new context (empty storage,
 *    its own HTTP cache), closed with the session; without a service
 *    worker unless serviceWorkers is 'allow';
 *  - open({context, viewport, colorScheme, waitForResults, hash, beforeGoto}):
 *    a page of `context` (the first one by default) at the page's URL;
 *    `beforeGoto(page)` runs before it navigates (to route requests);
 *  - page(t, options): a page of a context of its own, closed after the
 *    test `t`: what a test that sets up its own state starts from;
 *  - stopServer(): ends the session's own server (the page offline).
 * `locale`: the browser's language (navigator.languages, Accept-Language);
 * zh-CN unless asked for another, so that the page is in Chinese whatever
 * the machine's language.
 */
export async function start({ serverArgs = [], ownServer = serverArgs.length > 0, locale = 'zh-CN' } = {}) {
  const { browser, url: sharedUrl } = await acquireShared();
  const own = ownServer ? startServer(serverArgs) : null;
  const url = own ? await own.url : sharedUrl;
  const records = { console: [], pageErrors: [], requests: [], dialogs: [] };
  const contexts = new Set();

  async function newContext({ locale: language = locale, serviceWorkers = 'block' } = {}) {
    const context = await browser.newContext({ locale: language, viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    contexts.add(context);
    context.on('close', () => contexts.delete(context));
    context.on('request', (request) => records.requests.push(request.url()));
    // No service worker unless a test is about it (serviceWorkers: 'allow'):
    // its offline copy would download the page again (the wasm and the
    // dictionary too) for every test, and it answers requests past the
    // routes a test sets. (Playwright's own blocking warns in the console,
    // which the tests count as a problem.)
    if (serviceWorkers === 'block') await context.addInitScript(() => { delete Navigator.prototype.serviceWorker; });
    return context;
  }

  const context = await newContext();

  async function open({ context: target = context, viewport, colorScheme = 'light', waitForResults = true, hash = '', beforeGoto } = {}) {
    const page = await target.newPage();
    page.setDefaultTimeout(PATIENCE);
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        records.console.push(`${message.type()}: ${message.text()} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => records.pageErrors.push(String(error)));
    page.on('dialog', (dialog) => {
      records.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    if (viewport) await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    if (beforeGoto) await beforeGoto(page);
    await page.goto(url + hash);
    if (waitForResults) await resultsAfter(page, 0);
    return page;
  }

  /** A page of a new context, closed once the test `t` ends; `options` as open()'s, and newContext()'s locale and serviceWorkers. */
  async function page(t, { locale: language, serviceWorkers, ...options } = {}) {
    const fresh = await newContext({ locale: language, serviceWorkers });
    t.after(() => fresh.close().catch(() => {}));
    return open({ ...options, context: fresh });
  }

  async function stopServer() {
    if (!own) throw new Error('stopServer: this session shares the server; start({ownServer: true})');
    await own.stop();
  }

  async function close() {
    await Promise.all([...contexts].map((c) => c.close().catch(() => {})));
    await own?.stop();
    await releaseShared();
  }

  return { url, context, newContext, open, page, records, stopServer, close };
}

/** How many analyses the page has shown so far (#dashboard's data-results). */
export const resultCount = (page) =>
  page.$eval('#dashboard', (element) => Number(element.dataset.results || 0));

/** Waits until the page has shown more than `count` analyses. */
export async function resultsAfter(page, count, timeout = PATIENCE) {
  await page.waitForFunction(
    (n) => Number(document.getElementById('dashboard')?.dataset.results || 0) > n,
    count, { timeout },
  );
}

/** Runs `action` and waits for the analysis it starts to be shown. */
export async function analysed(page, action) {
  const before = await resultCount(page);
  await action();
  await resultsAfter(page, before);
}

/** The rows of the word table whose word contains `search`: [{word, count}]. */
export async function tableRows(on, search) {
  await on.fill('#word-search', search);
  await on.waitForFunction((s) => [...document.querySelectorAll('#frequency-table tbody td.col-word')]
    .every((cell) => cell.textContent.includes(s)), search);
  const rows = await on.$$eval('#frequency-table tbody tr', (trs) => trs
    .filter((tr) => tr.querySelector('td.col-word'))
    .map((tr) => ({ word: tr.querySelector('td.col-word').textContent, count: Number(tr.querySelector('.count-num').textContent.replace(/,/g, '')) })));
  await on.fill('#word-search', '');
  return rows;
}

/** The word's count in the word table, or null when the text has no such word. */
export async function tableCount(on, word) {
  return (await tableRows(on, word)).find((row) => row.word === word)?.count ?? null;
}

/** The words in the keyword chart, top first. */
export const chartWords = (page) =>
  page.$$eval('#keyword-chart svg text.bar-label', (texts) => texts.map((t) => t.textContent));

/** Fails unless nothing went wrong on any page and no request left the origin. */
export function assertClean(assert, { url, records }) {
  assert.deepEqual(records.pageErrors, [], 'uncaught errors in the page');
  assert.deepEqual(records.console, [], 'console errors or warnings');
  assert.deepEqual(records.dialogs, [], 'dialogs opened');
  const outside = records.requests.filter((request) => !request.startsWith(url));
  assert.deepEqual(outside, [], 'requests outside the page origin');
  assert.ok(records.requests.length > 0, 'requests were recorded');
}

export async function artifactPath(name) {
  await mkdir(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** The bytes of tests/fixtures/input/`name`, as an array of numbers for page.evaluate. */
export async function fixture(name) {
  return [...await readFile(path.join(FIXTURES, name))];
}

/**
 * Runs `action` (a click that downloads) on `page`; resolves with the file
 * it saved: {name, bytes (a Buffer), text (UTF-8)}. Read as a stream: a
 * browser connected to over the network gives no path.
 */
export async function downloaded(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/**
 * Drops a file made in the page from `parts` (strings or arrays of byte
 * values) on the page's body, as a drag from the desktop would. Resolves
 * with what the page did: {overlayShown, dropAccepted, overlayAfter}.
 */
export function dropFile(page, name, parts, type = '') {
  return dropFiles(page, [{ name, parts, type }]);
}

/** Drops several files at once: [{name, parts, type?}], as dropFile drops one. */
export function dropFiles(page, files) {
  return page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, parts, type = '' } of files) {
      const blobParts = parts.map((part) => (typeof part === 'string' ? part : new Uint8Array(part)));
      transfer.items.add(new File(blobParts, name, { type }));
    }
    const fire = (eventType) => document.body.dispatchEvent(new DragEvent(eventType, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    fire('dragenter');
    fire('dragover');
    const overlayShown = !document.getElementById('drop-overlay').hidden;
    const dropAccepted = !fire('drop'); // the page called preventDefault
    return { overlayShown, dropAccepted, overlayAfter: !document.getElementById('drop-overlay').hidden };
  }, files);
}

/** Waits for the role="alert" element to say something; resolves with it. */
export async function alertText(page) {
  await page.waitForFunction(() => document.querySelector('[role="alert"]').textContent !== '');
  return page.textContent('[role="alert"]');
}

/**
 * Holds back every request of `target` (a page or a context) that matches
 * `pattern` (a glob, as route's) until release() is called: a long step
 * (the dictionary's download, a script) is then certainly still under way
 * when the test acts. Set it before the page navigates. Returns {release,
 * requested: a promise that resolves once the first such request is held}.
 */
export async function holdRequests(target, pattern) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let requested;
  const seen = new Promise((resolve) => { requested = resolve; });
  await target.route(pattern, async (route) => {
    requested();
    await released;
    await route.continue().catch(() => {}); // the page may have gone meanwhile
  });
  return { release, requested: seen };
}

/**
 * Puts `text` in the box and analyses it, as typing and 分析 would (set in
 * the page: filling a long text key by key takes long); resolves once it is
 * shown.
 */
export async function analyseText(page, text) {
  await analysed(page, () => page.evaluate((value) => {
    const textarea = document.getElementById('text');
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    document.getElementById('analyze').click();
  }, text));
}

/** Short texts whose keywords tell them apart (人工智能, 长江, 龙井茶). */
export const AI_TEXT = '人工智能正在改变芯片产业。芯片设计公司用人工智能优化芯片架构，人工智能芯片的算力不断提升。'.repeat(4);
export const RIVER_TEXT = '长江是中国第一大河。长江流域的水电站很多，三峡水电站位于长江上游。长江航运繁忙。'.repeat(3);
export const TEA_TEXT = '龙井茶产于杭州西湖。杭州的茶农采摘龙井茶，炒制龙井茶需要经验。'.repeat(3);

/** Pastes `text` over the textarea's text with a real Ctrl+V through the clipboard; resolves once it is analysed. */
export async function pasteWithKeyboard({ url }, page, text) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.click('#text');
  await page.keyboard.press('Control+A');
  await analysed(page, () => page.keyboard.press('Control+V'));
}

/**
 * Serves, for /worker.js in `context`, a test worker: the real worker
 * (imported under another URL) behind a filter that makes it fail as only
 * a bug or a broken deploy would, with no test hook in the page or the
 * core. `trapOn`: a request whose text contains it is answered as a trap
 * of the core is (an INTERNAL error, then the worker closes itself);
 * `failWhen`: every request whose JSON contains each of these strings
 * (e.g. ['"query":"concordance"', '"term":"合作"']) is answered with a
 * NO_DOCUMENT error. The page's service worker, which
 * would answer /worker.js past the route, is kept out of `context`:
 * make it with newContext({serviceWorkers: 'block'}).
 */
export async function routeTestWorker(context, { trapOn = null, failWhen = null } = {}) {
  // Told apart by their JSON (and the text to analyse): the trap by the
  // text in it, whatever the request's fields are called.
  const source = `
    import { ErrorCode, Reply } from '/js/protocol.js';
    import '/worker.js?under-test';
    const trapOn = ${JSON.stringify(trapOn)};
    const failWhen = ${JSON.stringify(failWhen)};
    // The worker's own handler, wrapped: a message the test fails never
    // reaches it. (A second listener would not do: the worker's handler
    // runs first, and its answer would be on its way before the failure.)
    const handle = self.onmessage;
    self.onmessage = (event) => {
      const { id, bytes, ...fields } = event.data;
      // The text to analyse comes as UTF-8 bytes (js/utf8-slices.js): matched as text.
      const json = JSON.stringify(fields) + (bytes ? new TextDecoder().decode(bytes) : '');
      if (trapOn && json.includes(trapOn)) {
        self.postMessage({ type: Reply.ERROR, id, code: ErrorCode.INTERNAL, message: 'test trap' });
        self.close();
      } else if (failWhen && failWhen.every((part) => json.includes(part))) {
        self.postMessage({ type: Reply.ERROR, id, code: ErrorCode.NO_DOCUMENT, message: 'no text has been analysed yet' });
      } else {
        handle.call(self, event);
      }
    };
  `;
  await context.route((url) => url.pathname === '/worker.js' && url.search === '', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: source }));
}

/** Runs `check` (async) until it returns something truthy, every 50 ms for at most `timeout` ms; resolves with it. */
export async function eventually(check, timeout = PATIENCE, what = 'the condition') {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`${what} did not come true in ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The text the page has saved for the next visit (read as the page reads it). */
export const savedText = (page) => page.evaluate(async () => (await (await import('/js/saved-text.js')).loadSavedText()).text);

/**
 * The division the structure card shows once it is `kind` (its pressed
 * button: 'none', 'chapter', 'speaker', 'given' …): null for 'none', else
 * {by, sections: [{label, start, end}]} as its JSON export gives them
 * (UTF-16 offsets in the whole text).
 */
export async function shownDivision(page, kind) {
  await page.waitForFunction((k) => document.getElementById('sections')?.dataset.state === 'ready'
    && document.querySelector('#sections button[data-kind][aria-pressed="true"]')?.dataset.kind === k, kind);
  if (kind === 'none') return null;
  const file = await downloaded(page, () => page.locator('#sections .export-buttons button', { hasText: 'JSON' }).first().click());
  const { division, sections } = JSON.parse(file.text);
  return { by: division.by, sections: sections.map(({ label, start, end }) => ({ label, start, end })) };
}

/**
 * Resolves after the page has rendered twice: what the last change set off
 * (an image's load or error, a handler) has had its turn. For a check that
 * something did not happen; never a guess at how long something takes.
 */
export const afterRendering = (page) => page.evaluate(() => new Promise((resolve) => {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
}));
