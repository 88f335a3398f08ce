// A table of reviews (tests/fixtures/input/reviews.csv: id, date, rating,
// label, text) dropped on the page: read as a corpus of its rows, its text
// column found, the other columns offered to divide and compare it by, and
// the positive rows compared with the negative ones (issue 21, item 3).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, chartWords, dropFile, fixture, shownDivision, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

async function dropReviews(t) {
  const page = await session.page(t);
  const bytes = await fixture('reviews.csv');
  await analysed(page, () => dropFile(page, 'reviews.csv', [bytes]));
  return page;
}

const selected = (page, select) => page.$eval(`#file-info .table-chooser ${select}`, (s) => s.selectedOptions[0].textContent);

test('a CSV of reviews: its text column is the text, its other columns are offered', async (t) => {
  const page = await dropReviews(t);
  const text = await page.inputValue('#text');
  assert.ok(text.startsWith('物流很快，包装完好，手机运行流畅，非常满意。\n\n屏幕有划痕'), text);
  for (const notText of ['2024-03-01', '1001', '正面', 'rating']) assert.ok(!text.includes(notText), notText);
  const words = await chartWords(page);
  assert.ok(words.includes('客服'), `keywords: ${words}`);
  assert.ok(!words.some((w) => /^\d+$/.test(w)), `no dates or ids among the keywords: ${words}`);
  assert.match(await page.textContent('#file-decoding'), /^表格/);
  assert.equal(await selected(page, '.table-text'), 'text');
  assert.equal(await selected(page, '.table-sections'), 'date', 'dates divide the rows: a trend over time');
  assert.equal(await selected(page, '.table-groups'), 'label', 'the column with two values groups them');
  const { sections } = await shownDivision(page, 'given');
  assert.equal(sections[0].label, '2024-03-01');
});

test('the positive rows compared with the negative ones', async (t) => {
  const page = await dropReviews(t);
  await page.waitForSelector('#compare-card:not([hidden])');
  await page.waitForSelector('#compare[data-state="ready"]');
  assert.equal(await page.$eval('#compare .compare-a', (s) => s.selectedOptions[0].textContent), '正面');
  assert.equal(await page.$eval('#compare .compare-b', (s) => s.selectedOptions[0].textContent), '负面');
  // 客服 (five times, all in negative reviews) is the negative side's word; 满意 the positive's.
  await page.waitForSelector('#compare .compare-side[data-side="b"] .key-word[data-word="客服"]');
  const sideA = await page.$$eval('#compare .compare-side[data-side="a"] .key-word', (words) => words.map((w) => w.dataset.word));
  assert.ok(sideA.includes('满意'), `the positive side's words: ${sideA}`);
});

test('each row a section, labelled by its id, when the user picks it', async (t) => {
  const page = await dropReviews(t);
  await analysed(page, () => page.selectOption('#file-info .table-sections', ''));
  const { sections } = await shownDivision(page, 'given');
  assert.deepEqual(sections.map((s) => s.label).slice(0, 3), ['1001', '1002', '1003']);
  assert.equal(sections.length, 12);
  const text = await page.inputValue('#text');
  assert.equal(text.slice(sections[3].start, sections[3].end), '用了三天就卡顿，发热严重，\n后悔购买。');
});

test('a reload divides the rows again, each with its group', async (t) => {
  const page = await dropReviews(t);
  const before = await shownDivision(page, 'given');
  const reloaded = await session.open({ context: page.context() });
  assert.deepEqual(await shownDivision(reloaded, 'given'), before);
  await reloaded.waitForSelector('#compare[data-state="ready"]');
  assert.equal(await reloaded.$eval('#compare .compare-b', (s) => s.selectedOptions[0].textContent), '负面');
});
