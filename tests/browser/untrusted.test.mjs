// Text from outside is data, never markup or code: pasted payloads, a web
// page whose scripts would run if it were rendered, file names with markup.
// Nothing of it runs, nothing opens a dialog, nothing is requested, and the
// text in the box is exactly what was put there.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { afterRendering, analysed, assertClean, chartWords, dropFile, fixture, pasteWithKeyboard, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now: each test opens its own (the helpers below act on it).
let page;

const PAYLOAD = [
  '<script>window.__pwned = 1; alert(1)</script>',
  '<img src=x onerror="window.__pwned = 2; alert(2)">',
  '<a href="javascript:window.__pwned = 3; alert(3)">点我领奖</a>',
  'javascript:window.__pwned=4',
  '<iframe src="javascript:parent.__pwned = 5"></iframe>',
  '"><svg onload="window.__pwned = 6"><b>粗体</b>',
  '{{constructor.constructor(\'window.__pwned = 7\')()}}',
  '人工智能芯片产业发展迅速。',
].join('\n').repeat(3);

/** What would show that something ran or became markup. */
const traces = () => page.evaluate(() => ({
  pwned: window.__pwned,
  // What the payload would have become as markup (the page's own charts and links carry none of it).
  markup: document.querySelectorAll('main img, main iframe, main b, main script, [onerror], [onload], a[href^="javascript:"]').length,
  scripts: [...document.scripts].map((script) => new URL(script.src).pathname),
}));

async function assertNothingRan() {
  await afterRendering(page); // an onerror or a timer would have fired by now
  assert.deepEqual(await traces(), { pwned: undefined, markup: 0, scripts: ['/boot.js', '/js/main.js'] });
  assert.deepEqual(session.records.dialogs, []);
  assert.ok(!session.records.requests.some((url) => new URL(url).pathname === '/x'), 'no request for the image');
}

test('pasted markup and javascript: links are text', async (t) => {
  page = await session.page(t);
  // A real Ctrl+V through the clipboard.
  await pasteWithKeyboard(session, page, PAYLOAD);
  assert.equal(await page.inputValue('#text'), PAYLOAD);
  assert.ok((await chartWords(page)).includes('人工智能'));
  const table = await page.textContent('#frequency-table');
  assert.match(table, /script|onerror|javascript/, 'the markup\'s words are in the table as text');
  await assertNothingRan();

  // The same, pasted while the focus is elsewhere (it replaces the text).
  await page.fill('#text', '');
  await page.click('h1');
  await analysed(page, () => page.evaluate((text) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', text);
    clipboardData.setData('text/html', text); // the page must take the plain text only
    document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData }));
  }, PAYLOAD));
  assert.equal(await page.inputValue('#text'), PAYLOAD);
  await assertNothingRan();
});

test('a dropped web page: its body text shows, its scripts never run', async (t) => {
  page = await session.page(t);
  await analysed(page, async () => dropFile(page, 'page.html', [await fixture('page.html')], 'text/html'));
  const text = await page.inputValue('#text');
  assert.match(text, /黄河是中国第二长河/);
  assert.match(text, /黄河\s水利 <script> 工程/, 'an escaped tag is the page\'s text');
  assert.doesNotMatch(text, /脚本里的字|样式里的字|__pwned/);
  assert.equal(await page.textContent('#file-decoding'), '网页正文（已去掉脚本和样式），按 UTF-8 解码（自动检测）');
  assert.ok((await chartWords(page)).includes('黄河'));
  await assertNothingRan();
});

test('a file name with markup is shown as text', async (t) => {
  page = await session.page(t);
  const name = '<img src=x onerror="window.__pwned = 8">.txt';
  await analysed(page, () => dropFile(page, name, ['长江是中国第一大河。'.repeat(3)], 'text/plain'));
  assert.equal(await page.textContent('#file-name'), name);
  await assertNothingRan();
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
