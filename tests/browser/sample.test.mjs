// The sample text, analysed as the page opens, and what can be done with its
// results: the keyword method switch, the frequency table's sort and filter,
// and the options.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, assertClean, chartWords, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now: each test opens its own (the helpers below act on it).
let page;

const tableWords = () => page.$$eval('#frequency-table tbody td.col-word', (cells) => cells.map((c) => c.textContent));
const tableColumn = (name) => page.$$eval(`#frequency-table tbody td.col-${name}`, (cells) => cells.map((c) => c.textContent));
const tableCounts = () => page.$$eval('#frequency-table tbody .count-num', (cells) => cells.map((c) => Number(c.textContent.replace(/,/g, ''))));
const tablePos = () => page.$$eval('#frequency-table tbody .pos-tag', (cells) => cells.map((c) => c.textContent));
const sortState = () => page.$$eval('#frequency-table th[data-key]', (ths) => Object.fromEntries(ths.map((th) => [th.dataset.key, th.getAttribute('aria-sort')])));

test('the sample is analysed as the page opens', async (t) => {
  page = await session.page(t);
  assert.match(await page.inputValue('#text'), /王毅/);
  assert.match(await page.textContent('#status'), /^分析完成，用时 [\d,.]+ (毫秒|秒)$/);

  const words = await chartWords(page);
  assert.equal(words.length, 20);
  assert.equal(words[0], '中国');
  const values = await page.$$eval('#keyword-chart svg text.bar-value', (texts) => texts.map((t) => t.textContent));
  assert.equal(values.length, 20);
  for (const value of values) assert.match(value, /^0\.\d{3}$/);

  const counts = await page.$$eval('#counts .count', (cards) => Object.fromEntries(cards.map((card) =>
    [card.dataset.count, card.querySelector('.count-value').textContent])));
  assert.deepEqual(Object.keys(counts), ['characters', 'hanCharacters', 'tokens', 'distinctWords', 'sentences']);
  for (const value of Object.values(counts)) assert.match(value, /^[1-9][\d,]*$/);
  const number = (key) => Number(counts[key].replace(/,/g, ''));
  assert.ok(number('characters') > number('hanCharacters'));
  assert.ok(number('tokens') > number('distinctWords'));

  assert.match(await page.textContent('#people'), /王毅/);
  assert.match(await page.textContent('#places'), /中国/);
  assert.ok((await page.$$('#organizations li')).length > 0);
  // Words plainly no names are set aside, with their reasons (宣言, 文明 …).
  assert.doesNotMatch(await page.textContent('#people'), /宣言|文明|二十大/);
  assert.match(await page.textContent('#places'), /还有 \d+ 个/);
  assert.equal(await page.textContent('#error'), '');
});

test('the word cloud is drawn, sharp, and readable as text', async (t) => {
  page = await session.page(t);
  const cloud = await page.$eval('#word-cloud', (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
    return {
      inked,
      width: canvas.width,
      cssWidth: canvas.getBoundingClientRect().width,
      ratio: window.devicePixelRatio,
      role: canvas.getAttribute('role'),
      label: canvas.getAttribute('aria-label'),
      listed: [...document.querySelectorAll('#word-cloud-box ol.cloud-words li')].map((li) => li.textContent),
    };
  });
  assert.ok(cloud.inked > 2000, `the canvas has ink (${cloud.inked} pixels)`);
  assert.equal(cloud.width, Math.round(cloud.cssWidth * cloud.ratio), 'backing store in device pixels');
  assert.equal(cloud.role, 'img');
  assert.match(cloud.label, /中国/);
  assert.ok(cloud.listed.length >= 30, `${cloud.listed.length} words listed for screen readers`);
  assert.match(cloud.listed[0], /^中国：\d+ 次$/);
});

test('the TF-IDF / TextRank switch changes the chart', async (t) => {
  page = await session.page(t);
  const tfidf = await chartWords(page);
  assert.equal(await page.getAttribute('[data-method="tfidf"]', 'aria-pressed'), 'true');

  await page.click('[data-method="textrank"]');
  assert.equal(await page.getAttribute('[data-method="textrank"]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('[data-method="tfidf"]', 'aria-pressed'), 'false');
  assert.match(await page.getAttribute('#keyword-chart svg', 'class'), /textrank/);
  const textrank = await chartWords(page);
  assert.notDeepEqual(textrank, tfidf);
  assert.equal(await page.textContent('#keyword-chart svg text.bar-value'), '1.000', 'TextRank\'s best weighs 1');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.method), 'textrank', 'focus stays on the switch');

  await page.click('[data-method="tfidf"]');
  assert.deepEqual(await chartWords(page), tfidf);
});

test('the frequency table sorts by each column', async (t) => {
  page = await session.page(t);
  // Virtualised: the rows in view (and a few more) are in the DOM.
  const shown = (await tableWords()).length;
  assert.ok(shown >= 15 && shown < 200, `${shown} rows drawn`);
  assert.deepEqual(await sortState(), { word: 'none', count: 'descending', per10k: 'none', pos: 'none' });
  const byCount = await tableCounts();
  assert.deepEqual(byCount, [...byCount].sort((a, b) => b - a));

  await page.click('#frequency-table button[data-sort="word"]');
  assert.deepEqual(await sortState(), { word: 'ascending', count: 'none', per10k: 'none', pos: 'none' });
  const words = await tableWords();
  const collator = new Intl.Collator('zh-CN');
  assert.deepEqual(words, [...words].sort(collator.compare));

  await page.click('#frequency-table button[data-sort="word"]');
  assert.equal((await sortState()).word, 'descending');
  const descending = await tableWords();
  assert.deepEqual(descending, [...descending].sort((a, b) => collator.compare(b, a)));

  await page.click('#frequency-table button[data-sort="pos"]');
  assert.equal((await sortState()).pos, 'ascending');
  const tags = await tablePos();
  assert.deepEqual(tags, [...tags].sort());

  await page.click('#frequency-table button[data-sort="count"]');
  assert.equal((await sortState()).count, 'descending');
  // The same order again (as many rows as both drawings have: the table draws the rows near the view).
  const again = await tableCounts();
  const both = Math.min(again.length, byCount.length);
  assert.ok(both >= 15);
  assert.deepEqual(again.slice(0, both), byCount.slice(0, both));
  await page.click('#frequency-table button[data-sort="count"]');
  const ascending = await tableCounts();
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
  assert.equal(ascending[0], 1, 'every word is in the list, the rarest first');
  await page.click('#frequency-table button[data-sort="count"]');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.sort), 'count', 'focus stays on the header');
});

test('the frequency table filters by part of speech, over all words', async (t) => {
  page = await session.page(t);
  const options = await page.$$eval('#pos-filter option', (all) => all.map((o) => [o.value, o.textContent]));
  assert.deepEqual(options[0], ['', '全部词性']);
  assert.ok(options.some(([value, label]) => value === 'ns' && label === 'ns 地名'));
  assert.ok(options.some(([value, label]) => value === 'vn' && label === 'vn 动名词'));

  await page.selectOption('#pos-filter', 'ns');
  const places = await tablePos();
  assert.ok(places.length > 0 && places.every((tag) => tag === 'ns'));
  assert.equal((await tableWords())[0], '中国');

  await page.selectOption('#pos-filter', 'nr');
  assert.ok((await tableWords()).includes('王毅'));
  assert.ok((await tableColumn('pos')).every((cell) => cell.includes('人名')));

  // A rare tag: its words come from beyond the 200 most frequent.
  await page.selectOption('#pos-filter', 'i');
  const idioms = await tablePos();
  assert.ok(idioms.length > 0 && idioms.every((tag) => tag === 'i'));

  await page.selectOption('#pos-filter', '');
  assert.match(await page.textContent('#frequency-table .table-summary'), /^共 [\d,]+ 个词$/);
});

test('the word list holds every word: search, scroll to the last, per 10,000 words', async (t) => {
  page = await session.page(t);
  const distinct = Number((await page.textContent('#counts [data-count="distinctWords"] .count-value')).replace(/,/g, ''));
  assert.match(await page.textContent('#frequency-table .table-summary'), new RegExp(`^共 ${distinct.toLocaleString('en')} 个词$`));
  await page.fill('#word-search', '合作');
  const found = await tableWords();
  assert.ok(found.length >= 2 && found.every((w) => w.includes('合作')), `${found}`);
  assert.match(await page.textContent('#frequency-table .table-summary'), /^\d+ 个词符合/);
  const per10k = Number((await tableColumn('per10k'))[0]);
  const count = (await tableCounts())[0];
  const tokens = Number((await page.textContent('#counts [data-count="tokens"] .count-value')).replace(/,/g, ''));
  assert.ok(Math.abs(per10k - (count / tokens) * 10000) < 0.06, `${per10k} per 10,000`);
  await page.fill('#word-search', '');
  // Scrolled to the end, the last word of the list is drawn.
  await page.$eval('#frequency-table .table-scroll', (box) => { box.scrollTop = box.scrollHeight; });
  await page.waitForFunction((n) => [...document.querySelectorAll('#frequency-table td.col-rank')].some((td) => td.textContent === n.toLocaleString('zh-CN')), distinct);
});

test('changing an option analyses again', async (t) => {
  page = await session.page(t);
  assert.notEqual((await tableWords())[0], '的');
  await analysed(page, () => page.click('label.check:has(input[name="stopwords"])'));
  assert.equal((await tableWords())[0], '的', 'with stopwords kept, 的 is the most frequent word');

  await analysed(page, () => page.click('label.check:has(input[name="stopwords"])'));
  assert.equal((await tableWords())[0], '中国');

  const precise = await page.textContent('#counts [data-count="tokens"] .count-value');
  await analysed(page, () => page.click('.segmented label:has(input[value="search"])'));
  assert.notEqual(await page.textContent('#counts [data-count="tokens"] .count-value'), precise, 'search mode cuts more words');
  await analysed(page, () => page.click('.segmented label:has(input[value="precise"])'));
  assert.equal(await page.textContent('#counts [data-count="tokens"] .count-value'), precise);

  await analysed(page, () => page.click('#load-sample'));
  await analysed(page, () => page.click('#analyze'));
  assert.equal((await chartWords(page))[0], '中国');
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
