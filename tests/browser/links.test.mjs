// Any word is a link: a click (or Enter) on a word in the keyword chart, the
// cloud, the word list or the name lists selects it everywhere, the URL's
// hash keeps it, and the word's card explains it. And every result can be
// taken out: CSV with a BOM holding every word, PNG, SVG, the whole
// analysis as JSON; printing prints the results, not the form.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, chartWords, downloaded as downloadedFrom, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now: each test opens its own (the helpers below act on it).
let page;

const selected = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('w'));
const infoWord = () => page.textContent('#word-info .word-info-word').catch(() => null);

async function expectSelected(word) {
  await page.waitForFunction((w) => new URLSearchParams(location.hash.slice(1)).get('w') === w, word);
  await page.waitForFunction((w) => document.querySelector('#word-info .word-info-word')?.textContent === w, word);
  assert.equal(await selected(), word);
  assert.equal(await page.isVisible('#concordance'), true, 'the word views show');
}

test('a keyword bar, by click and by Enter, selects its word and explains it', async (t) => {
  page = await session.page(t);
  const [first, second] = await chartWords(page);
  await page.click(`#keyword-chart g.bar-row[data-word="${first}"]`);
  await expectSelected(first);
  assert.match(await page.textContent('#word-info'), /TF-IDF第 1 名/);
  assert.match(await page.textContent('#word-info'), /tf × idf/);

  await page.focus(`#keyword-chart g.bar-row[data-word="${second}"]`);
  await page.keyboard.press('Enter');
  await expectSelected(second);
  // Back returns to the word before.
  await page.goBack();
  await expectSelected(first);
});

test('a word of the word list, a name and a cloud word select themselves', async (t) => {
  page = await session.page(t);
  const word = await page.textContent('#frequency-table td.col-word button');
  await page.click('#frequency-table td.col-word button');
  await expectSelected(word);

  await page.click('#people button[data-word="王毅"]');
  await expectSelected('王毅');
  assert.match(await page.textContent('#word-info'), /出现 \d+ 次/);

  // The cloud's biggest word is at its centre.
  const box = await page.$eval('#word-cloud', (canvas) => {
    canvas.scrollIntoView({ block: 'center' });
    return canvas.getBoundingClientRect().toJSON();
  });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expectSelected('中国');
});

test('a stopword is explained as one; a word of the hash opens selected', async (t) => {
  const other = await session.page(t, { hash: `#w=${encodeURIComponent('我们')}` });
  await other.waitForFunction(() => document.querySelector('#word-info .word-info-word')?.textContent === '我们');
  assert.match(await other.textContent('#word-info'), /停用词/);
  await other.click('#word-info button:has-text("取消选择")');
  await other.waitForFunction(() => !location.hash.includes('w='));
  assert.equal(await other.isVisible('#concordance'), false);
});

const downloaded = (action) => downloadedFrom(page, action);

test('the word list exports every word as CSV for Excel, and as JSON', async (t) => {
  page = await session.page(t);
  const distinct = Number((await page.textContent('#counts [data-count="distinctWords"] .count-value')).replace(/,/g, ''));
  const csv = await downloaded(() => page.click('#frequency-table .export-buttons button:has-text("CSV")'));
  assert.equal(csv.name, 'words.csv');
  const text = csv.bytes.toString('utf8');
  assert.ok(text.startsWith('\uFEFF词语,次数,每万词,词性\r\n'), text.slice(0, 40));
  assert.equal(text.trimEnd().split('\r\n').length, distinct + 1, 'a line per word, and the header');
  const json = JSON.parse((await downloaded(() => page.click('#frequency-table .export-buttons button:has-text("JSON")'))).bytes);
  assert.equal(json.length, distinct);
});

test('the keyword chart exports as PNG, SVG and CSV; the whole analysis as JSON', async (t) => {
  page = await session.page(t);
  const png = await downloaded(() => page.click('#keyword-chart .export-buttons button:has-text("PNG")'));
  assert.deepEqual([...png.bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
  const svg = (await downloaded(() => page.click('#keyword-chart .export-buttons button:has-text("SVG")'))).bytes.toString();
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, new RegExp((await chartWords(page))[0]));
  const csv = (await downloaded(() => page.click('#keyword-chart .export-buttons button:has-text("CSV")'))).bytes.toString();
  assert.equal(csv.trimEnd().split('\r\n').length, 21);
  const cloud = await downloaded(() => page.click('.cloud-export button:has-text("PNG")'));
  assert.ok(cloud.bytes.length > 5000);
  const all = JSON.parse((await downloaded(() => page.click('#results-export button:has-text("JSON")'))).bytes);
  assert.equal(all.analysis.keywords.tfidf[0].word, (await chartWords(page))[0]);
  assert.ok(all.document.tokens > 0);
});

// The CSV's formula escaping is tested without a page: tests/node/export.test.mjs.

test('printing shows the results, not the form', async (t) => {
  page = await session.page(t);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.input-card'), false);
  assert.equal(await page.isVisible('#keyword-chart'), true);
  await page.emulateMedia({ media: 'screen' });
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
