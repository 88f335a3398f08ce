// The text profile card (src/analyses/text_profile.rs): the core's figures
// shown as it gives them, its longest sentence readable in its place in the
// text, its figures exported. (The figures themselves are tested in Rust
// and through the wasm in Node: tests/node/session.test.mjs.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analyseText, assertClean, downloaded, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

const CARD = '#text-profile';
const figure = (page, label) => page.$eval(CARD, (card, label) => {
  const term = [...card.querySelectorAll('dt')].find((dt) => dt.textContent === label);
  return term?.nextElementSibling.textContent ?? null;
}, label);

test('the figures of a text counted by hand, and the longest sentence in the reader', async (t) => {
  const page = await session.page(t);
  // 我 / 爱 / 北京 。 北京 / 很大 。: 5 words, 4 distinct, the first sentence the longest.
  await analyseText(page, '我爱北京。北京很大。');
  await page.waitForFunction((card) => document.querySelector(`${card} dl`)?.textContent.includes('0.800'), CARD);
  assert.equal(await figure(page, '词次（N）'), '5');
  assert.equal(await figure(page, '词种（V，含停用词）'), '4');
  assert.equal(await figure(page, '类符/形符比'), '0.800');
  assert.equal(await figure(page, '标准化类符/形符比'), '—', 'none below 1,000 words');
  assert.equal(await figure(page, '句子'), '2');
  assert.equal(await page.textContent(`${CARD} .profile-longest p:not(.hint)`), '我爱北京');

  await page.click(`${CARD} .profile-read`);
  const dialog = '.text-profile-card dialog.reader';
  await page.waitForSelector(`${dialog}[open]`);
  assert.equal(await page.textContent(`${dialog} mark`), '我爱北京', 'the sentence marked in its place');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.classList.contains('profile-read'), undefined);

  const csv = await downloaded(page, () => page.click(`${CARD} .export-buttons button:first-child`));
  assert.equal(csv.name, 'ciyan-text-profile.csv');
  assert.match(csv.text, /^\uFEFF/, 'a byte-order mark for Excel');
  assert.match(csv.text, /词次（N）,5\r\n/);
  assertClean(assert, session);
});
