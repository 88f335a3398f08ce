// The dictionary file (pkg/ciyan.dict) is fetched by the worker beside the
// wasm. When it cannot be fetched, the page says so in a sentence, keeps the
// text, and the next request tries again.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, assertClean, chartWords, start, TEA_TEXT } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

test('a dictionary that cannot be fetched is a message; the next analysis fetches it again', async (t) => {
  const context = await session.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close().catch(() => {}));
  let refuse = true;
  await context.route('**/pkg/ciyan.dict', (route) => (refuse ? route.abort() : route.continue()));
  const page = await session.open({ context, waitForResults: false });
  // The failed load and then the failed analysis of the sample each say so,
  // and the analysis clears the alert in between: the alert is asked for
  // in one step (a timeout is the failure), never read again after a wait.
  await page.waitForFunction(() => /词典文件无法载入/.test(document.querySelector('[role="alert"]').textContent));

  refuse = false;
  await page.fill('#text', TEA_TEXT);
  await analysed(page, () => page.click('#analyze'));
  assert.ok((await chartWords(page)).includes('龙井茶'));
  assert.equal(await page.inputValue('#text'), TEA_TEXT);
});

test('nothing went wrong and nothing left the origin', () => {
  // The aborted dictionary request may be logged by the browser (whenever it
  // is: no test waits for it): expected here, and nothing else is.
  const kept = session.records.console.filter((line) => !/ciyan\.dict|ERR_FAILED/.test(line));
  session.records.console.splice(0, Infinity, ...kept);
  assertClean(assert, session);
});
