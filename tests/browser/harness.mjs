// Shared set-up of the browser tests: the development server on a free port,
// a headless Chromium with a throw-away profile, and pages that record what
// the tests check at the end (console errors and warnings, uncaught errors,
// every request URL, dialogs).

import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/browser/artifacts');
export const WWW = path.join(ROOT, 'www');
const FIXTURES = path.join(ROOT, 'tests/fixtures/input');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Starts scripts/serve.py on a free port, serving dist/ as `make serve`
 * does (www/ is not a page until built: scripts/dist.mjs writes its
 * preloads, locales and offline list; node scripts/dist.mjs takes seconds);
 * resolves once it has printed its URL. `args`: more of its options.
 */
function startServer(args = []) {
  const server = spawn('python3', ['scripts/serve.py', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk) => { stderr += chunk; });
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.py printed no URL in 10 s\n${stderr}`)), 10_000);
    createInterface({ input: server.stdout }).on('line', (line) => {
      const match = line.match(/Ciyan is at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited (${code})\n${stderr}`)); });
  });
  return { server, url };
}

/**
 * Starts the server and the browser. Returns
 * {url, open(options) → page, records, stopServer(), close()}; `records`
 * holds what every page opened so far logged, threw and requested.
 * stopServer() ends the server (to test the page offline); resolves once
 * it has exited. `serverArgs`: more options of scripts/serve.py (--log).
 * `locale`: the browser's language (navigator.languages, Accept-Language);
 * zh-CN unless a test asks for another, so that the page is in Chinese
 * whatever the machine's language (js/i18n.js follows the browser's).
 */
export async function start({ serverArgs = [], locale = 'zh-CN' } = {}) {
  const { server, url: urlPromise } = startServer(serverArgs);
  const url = await urlPromise;
  const profile = await mkdtemp(path.join(tmpdir(), 'ciyan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale,
  });
  const records = { console: [], pageErrors: [], requests: [], dialogs: [] };
  context.on('request', (request) => records.requests.push(request.url()));

  /** `hash`: appended to the URL ('#test' exposes the page's test hook). */
  async function open({ viewport, colorScheme = 'light', waitForResults = true, hash = '' } = {}) {
    const page = await context.newPage();
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
    await page.goto(url + hash);
    if (waitForResults) await resultsAfter(page, 0);
    return page;
  }

  const exited = new Promise((resolve) => server.on('exit', resolve));
  async function stopServer() {
    server.kill('SIGTERM');
    await exited;
  }

  async function close() {
    await context.close().catch(() => {});
    await stopServer();
    await rm(profile, { recursive: true, force: true });
  }

  return { url, context, open, records, stopServer, close };
}

/** How many analyses the page has shown so far (#dashboard's data-results). */
export const resultCount = (page) =>
  page.$eval('#dashboard', (element) => Number(element.dataset.results || 0));

/** Waits until the page has shown more than `count` analyses. */
export async function resultsAfter(page, count, timeout = 30_000) {
  await page.waitForFunction(
    (n) => Number(document.getElementById('dashboard').dataset.results || 0) > n,
    count, { timeout },
  );
}

/** Runs `action` and waits for the analysis it starts to be shown. */
export async function analysed(page, action) {
  const before = await resultCount(page);
  await action();
  await resultsAfter(page, before);
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

/** A browser and one page, for the tests of one file: {browser, page}. */
export async function startWithPage(options) {
  const browser = await start();
  return { browser, page: await browser.open(options) };
}

/** Short texts whose keywords tell them apart (人工智能, 长江, 龙井茶). */
export const AI_TEXT = '人工智能正在改变芯片产业。芯片设计公司用人工智能优化芯片架构，人工智能芯片的算力不断提升。'.repeat(4);
export const RIVER_TEXT = '长江是中国第一大河。长江流域的水电站很多，三峡水电站位于长江上游。长江航运繁忙。'.repeat(3);
export const TEA_TEXT = '龙井茶产于杭州西湖。杭州的茶农采摘龙井茶，炒制龙井茶需要经验。'.repeat(3);

/** Pastes `text` over the textarea's text with a real Ctrl+V through the clipboard; resolves once it is analysed. */
export async function pasteWithKeyboard({ context, url }, page, text) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.click('#text');
  await page.keyboard.press('Control+A');
  await analysed(page, () => page.keyboard.press('Control+V'));
}
