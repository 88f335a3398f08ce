// When the analyzer fails or takes too long: a crash of the Rust core (a
// trap) restarts the worker and the page keeps working with the user's text;
// 取消 stops a long analysis at once.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { alertText, analysed, assertClean, chartWords, startWithPage, TEA_TEXT } from './harness.mjs';

let browser;
let page;
// '#test' exposes the worker client as window.__ciyanClient (see main.js).
before(async () => ({ browser, page } = await startWithPage({ hash: '#test' })));
after(() => browser?.close());

test('the test hook exists only on #test', async () => {
  assert.equal(await page.evaluate(() => typeof window.__ciyanClient), 'object');
  const plain = await browser.open({ waitForResults: false });
  assert.equal(await plain.evaluate(() => typeof window.__ciyanClient), 'undefined');
  await plain.close();
});

test('a crash of the core restarts the worker; the text stays and the next analysis works', async () => {
  await page.fill('#text', TEA_TEXT);
  await analysed(page, () => page.click('#analyze'));
  const consoleBefore = browser.records.console.length;

  const rejection = await page.evaluate(() => window.__ciyanClient.crash().then(() => 'resolved', (error) => error));
  assert.equal(rejection.code, 'internal');
  // The panic's own message, kept by the core's panic hook, not a bare "unreachable".
  assert.match(rejection.message, /crashForTesting was called/);
  const alert = await alertText(page);
  assert.match(alert, /^分析器出错并已重新启动/);
  assert.match(alert, /你的文本还在/);
  assert.equal(await page.inputValue('#text'), TEA_TEXT);

  // The panic hook logs the panic to the console: expected here, and only here.
  const logged = browser.records.console.splice(consoleBefore);
  assert.ok(logged.length > 0 && logged.every((line) => /^error: panicked at .*crashForTesting/s.test(line)), `console: ${logged.join('\n')}`);

  await analysed(page, () => page.click('#analyze'));
  assert.match(await page.textContent('#status'), /^分析完成/);
  assert.equal(await page.textContent('[role="alert"]'), '');
  assert.ok((await chartWords(page)).includes('龙井茶'));

  // Files are decoded by the new worker too.
  await analysed(page, () => page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['长江是中国第一大河。'.repeat(3)], '长江.txt'));
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }));
  assert.ok((await chartWords(page)).includes('长江'));
});

test('a worker that cannot load fails its requests with a message, and the next request tries again', async () => {
  const consoleBefore = browser.records.console.length;
  const errors = await page.evaluate(async () => {
    const Client = window.__ciyanClient.constructor;
    const client = new Client(new URL('/no-such-worker.js', location.href));
    const first = await client.analyze('长江').catch((error) => error);
    const second = await client.encodings().catch((error) => error);
    client.worker?.terminate();
    return [first, second];
  });
  for (const error of errors) {
    assert.equal(error.code, 'internal');
    assert.match(error.message, /^分析器无法启动/);
  }
  // The browser logs the missing script: expected here, and only here.
  const logged = browser.records.console.splice(consoleBefore);
  assert.ok(logged.every((line) => line.includes('/no-such-worker.js')), `console: ${logged.join('\n')}`);
});

test('取消 stops a long analysis; progress shows while it runs', async () => {
  assert.equal(await page.isHidden('#cancel'), true, '取消 is hidden while nothing runs');
  // About 20 MB: the sample's text repeated, built in the page.
  await analysed(page, () => page.click('#load-sample'));
  const length = await page.evaluate(() => {
    const textarea = document.getElementById('text');
    textarea.value = textarea.value.repeat(Math.ceil(20e6 / textarea.value.length));
    return textarea.value.length;
  });
  assert.ok(length >= 20e6);

  // Clicked in the page: Playwright's checks before a click (stable, not
  // covered) wait for the layout of 20 MB in the box, which took over 30 s
  // on a busy CI machine.
  await page.$eval('#analyze', (button) => button.click());
  // The core reports its progress every ~256 KB of text.
  await page.waitForFunction(() => /^分词 [1-9]\d*%$/.test(document.getElementById('status').textContent), null, { timeout: 20_000 });
  await page.click('#cancel'); // waits for it to be visible (it shows after a moment)
  await page.waitForFunction(() => document.getElementById('status').textContent === '已取消');
  assert.equal(await page.isHidden('#cancel'), true);
  assert.equal(await page.inputValue('#text').then((text) => text.length), length, 'the text stays');
  assert.equal(await page.textContent('[role="alert"]'), '');
  assert.match(await page.getAttribute('#dashboard', 'class'), /is-stale/, 'the results shown are of another text');

  await page.fill('#text', TEA_TEXT);
  await analysed(page, () => page.click('#analyze'));
  assert.ok((await chartWords(page)).includes('龙井茶'));
  assert.match(await page.textContent('#status'), /^分析完成/);
  assert.doesNotMatch(await page.getAttribute('#dashboard', 'class'), /is-stale/);
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, browser);
});
