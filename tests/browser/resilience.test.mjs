// When the analyzer fails or takes too long: a crash of the core (a trap)
// restarts the worker and the page keeps working with the user's text; a
// worker that cannot load says so and the next request tries again; 取消
// stops an analysis at once. Each failure is made by the test's own worker
// or a request held back (harness.mjs), never by a hook in the page, and
// the analysis 取消 stops is held in a known state, not raced.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  alertText, analysed, analyseText, assertClean, chartWords, dropFile, holdRequests, routeTestWorker, start, TEA_TEXT,
} from './harness.mjs';
import zhCN from '../../www/js/messages/zh-CN.js';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

const TRAP = '【测试：让分析器崩溃】';

/** A page of a context of its own, without a service worker (the routes see every request). */
async function pageWithoutServiceWorker(t, options = {}) {
  const context = await session.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close().catch(() => {}));
  return { context, open: (more = {}) => session.open({ ...options, ...more, context }) };
}

/** Takes the console lines matching `pattern` out of the records: expected, and said by the test that expects them. */
function removeConsole(pattern) {
  const kept = session.records.console.filter((line) => !pattern.test(line));
  session.records.console.splice(0, Infinity, ...kept);
}

test('the page exposes no test hook, whatever its hash', async (t) => {
  const page = await session.page(t, { hash: '#test' });
  assert.deepEqual(await page.evaluate(() => Object.keys(window).filter((key) => key.startsWith('__ciyan'))), []);
});

test('a crash of the core restarts the worker; the text stays and the next analysis works', async (t) => {
  const { context, open } = await pageWithoutServiceWorker(t);
  await routeTestWorker(context, { trapOn: TRAP });
  const page = await open();
  const text = `${TEA_TEXT}${TRAP}`;
  await page.fill('#text', text);
  await page.click('#analyze');
  const alert = await alertText(page);
  assert.equal(alert, zhCN['error.restarted']('test trap'), 'the sentence, and the trap\'s own message for a bug report');
  assert.equal(await page.inputValue('#text'), text);
  assert.match(await page.getAttribute('#dashboard', 'class'), /is-stale/, 'the results shown are of another text');

  await page.fill('#text', TEA_TEXT);
  await analysed(page, () => page.click('#analyze'));
  assert.match(await page.textContent('#status'), /^分析完成/);
  assert.equal(await page.textContent('[role="alert"]'), '');
  assert.ok((await chartWords(page)).includes('龙井茶'));

  // Files are decoded by the new worker too.
  await analysed(page, () => dropFile(page, '长江.txt', ['长江是中国第一大河。'.repeat(3)]));
  assert.ok((await chartWords(page)).includes('长江'));
});

test('a worker that cannot load: the page says so, and the next request tries again', async (t) => {
  const { context, open } = await pageWithoutServiceWorker(t);
  let missing = true;
  await context.route((url) => url.pathname === '/worker.js', (route) => (missing ? route.fulfill({ status: 404, body: '' }) : route.continue()));
  const page = await open({ waitForResults: false });
  // The failed load and then the failed analysis of the sample each say so,
  // and the analysis clears the alert in between: asked for in one step.
  await page.waitForFunction(() => /^分析器无法启动/.test(document.getElementById('error').textContent)
    && !document.getElementById('dashboard').classList.contains('is-busy'));

  missing = false;
  // Waited for by what it shows, not by a count of results: a request the
  // page retried meanwhile (the sample's) may load the worker first.
  await analyseText(page, TEA_TEXT);
  await page.waitForFunction(() => [...document.querySelectorAll('#keyword-chart svg text.bar-label')]
    .some((label) => label.textContent === '龙井茶'));
  assert.equal(await page.textContent('[role="alert"]'), '');
  // The browser may log the missing script: expected here, and only here.
  removeConsole(/404|worker\.js/);
});

test('取消 stops an analysis at once; what it is doing shows while it runs', async (t) => {
  const { context, open } = await pageWithoutServiceWorker(t);
  // The dictionary held back: the first analysis (the sample's) is
  // certainly still loading when 取消 is clicked, however fast the machine.
  const held = await holdRequests(context, '**/pkg/ciyan.dict');
  const page = await open({ waitForResults: false });
  await held.requested;
  await page.waitForFunction(() => document.getElementById('status').textContent === '加载词典…');
  const sample = await page.inputValue('#text');
  assert.match(sample, /王毅/);
  await page.click('#cancel'); // waits for it to be visible (it shows after a moment)
  await page.waitForFunction(() => document.getElementById('status').textContent === '已取消');
  assert.equal(await page.isHidden('#cancel'), true);
  assert.equal(await page.inputValue('#text'), sample, 'the text stays');
  assert.equal(await page.textContent('[role="alert"]'), '');
  assert.match(await page.getAttribute('#dashboard', 'class'), /is-stale/, 'what is shown is not of this text');

  held.release();
  await analyseText(page, TEA_TEXT);
  assert.ok((await chartWords(page)).includes('龙井茶'));
  assert.match(await page.textContent('#status'), /^分析完成/);
  assert.doesNotMatch(await page.getAttribute('#dashboard', 'class'), /is-stale/);
  assert.equal(await page.isHidden('#cancel'), true);
});

test('a long text shows how far the cut has come', async (t) => {
  const page = await session.page(t);
  // Every status the line shows, recorded as it changes: nothing is missed
  // however quickly the analysis runs. The core reports every ~256 KB.
  await page.evaluate(() => {
    window.statusSeen = [];
    new MutationObserver(() => window.statusSeen.push(document.getElementById('status').textContent))
      .observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
  });
  const long = (await page.inputValue('#text')).repeat(40); // about 1 MB
  await analyseText(page, long);
  const seen = await page.evaluate(() => window.statusSeen);
  assert.ok(seen.some((status) => /^分词 [1-9]\d*%$/.test(status)), `statuses: ${[...new Set(seen)].join(' | ')}`);
  assert.match(seen.at(-1), /^分析完成/);
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
