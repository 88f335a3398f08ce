// Results first: after an analysis the input card folds to one line (on a
// phone the results then fill the first screen; on a desktop the keywords
// and the cloud are above the fold), 编辑 unfolds it; the counts are one
// compact row, and the modes say why their counts are higher; the keyword
// count (10–100) and the part-of-speech filter, remembered.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, assertClean, chartWords, start } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const NOUN_TAGS = ['n', 'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'vn'];

let session;
before(async () => { session = await start(); });
after(() => session?.close());

/**
 * Opens the page at `viewport` and waits for the sample's results, the
 * repair card and the cloud: in a profile of its own for the test `t`, or
 * in `context` (another visit of the same profile).
 */
async function openAt(t, viewport, context = null) {
  const page = context ? await session.open({ viewport, context }) : await session.page(t, { viewport });
  await page.waitForSelector('#repair-card:not([hidden])');
  await page.waitForSelector('#word-cloud-box ol.cloud-words li', { state: 'attached' });
  return page;
}

const box = (page, selector) => page.$eval(selector, (element) => {
  const { top, bottom, height } = element.getBoundingClientRect();
  return { top, bottom, height };
});
const folded = (page) => page.$eval('.input-card', (card) => card.classList.contains('is-folded'));

test('on a phone the input folds to one line and the keywords are on the first screen; 编辑 unfolds', async (t) => {
  const page = await openAt(t, PHONE);
  assert.equal(await folded(page), true, 'folded after the analysis');
  const summary = await page.textContent('.input-summary');
  assert.match(summary, /示例文本/);
  assert.match(summary, /[\d,]+ 字/);
  assert.ok((await box(page, '.input-card')).height < 120, 'the folded card is one line');
  const chart = await box(page, '#keyword-chart svg');
  assert.ok(chart.top < PHONE.height - 120, `the keyword chart starts on the first screen (${chart.top})`);
  assert.ok((await box(page, '#counts')).height < 110, 'the counts are a compact row');

  await page.click('.input-summary-edit');
  assert.equal(await folded(page), false, '编辑 unfolds');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text', 'the text box has the focus');
  assert.ok((await box(page, '#text')).height > 100, 'the text box is shown');
  assert.equal(await page.isVisible('#analyze'), true, 'the toolbar is back');

  // Typing keeps it open (the focus is in the text box) …
  await analysed(page, async () => {
    await page.press('#text', 'End');
    await page.keyboard.type('。');
    await page.keyboard.press('Control+Enter');
  });
  assert.equal(await folded(page), false, 'still open while typing');
  // … an analysis asked for from elsewhere folds it again.
  await analysed(page, () => page.click('#analyze'));
  assert.equal(await folded(page), true);
  // The sample again, for the tests that follow (the typed text is kept).
  await page.click('.input-summary-edit');
  await analysed(page, () => page.click('#load-sample'));
  assert.equal(await folded(page), true);
  assert.match(await page.textContent('.input-summary'), /示例文本/);
  await page.close();
});

test('on a desktop the keywords and the cloud are above the fold', async (t) => {
  const page = await openAt(t, DESKTOP);
  assert.equal(await folded(page), true);
  for (const selector of ['#keyword-chart svg', '#word-cloud']) {
    const { top } = await box(page, selector);
    assert.ok(top < DESKTOP.height, `${selector} starts above the fold (${top})`);
  }
  const counts = await page.$$eval('#counts .count', (cards) => cards.map((card) => card.getBoundingClientRect().top));
  assert.equal(counts.length, 5);
  assert.ok(counts.every((top) => Math.abs(top - counts[0]) < 2), 'the five counts are one row');
  await page.close();
});

test('50 keywords draw 50 bars; the hint follows; the chart scrolls', async (t) => {
  const page = await openAt(t, DESKTOP);
  assert.equal((await chartWords(page)).length, 20);
  assert.match(await page.textContent('#keywords-title + .hint'), /前 20 个/);
  await analysed(page, () => page.selectOption('#keyword-chart select[name="topK"]', '50'));
  assert.equal((await chartWords(page)).length, 50);
  assert.match(await page.textContent('#keywords-title + .hint'), /前 50 个/);
  const figure = await page.$eval('#keyword-chart .chart-figure', (element) => ({ scroll: element.scrollHeight, client: element.clientHeight }));
  assert.ok(figure.scroll > figure.client, 'the long chart scrolls in its card');
  await page.click('[data-method="textrank"]');
  assert.equal((await chartWords(page)).length, 50, 'TextRank shows as many');
  await page.click('[data-method="tfidf"]');

  await analysed(page, () => page.selectOption('#keyword-chart select[name="topK"]', '100'));
  assert.equal((await chartWords(page)).length, 100);
  await page.close();
});

test('the 名词 filter leaves only nouns, and the choices are remembered', async (t) => {
  let page = await openAt(t, DESKTOP);
  await analysed(page, () => page.selectOption('#keyword-chart select[name="topK"]', '100'));
  page = await openAt(t, DESKTOP, page.context());
  assert.equal(await page.inputValue('#keyword-chart select[name="topK"]'), '100', 'the count is remembered');
  await analysed(page, () => page.selectOption('#keyword-chart select[name="topK"]', '20'));
  const before = await page.$$eval('#keyword-chart g.bar-row', (rows) => rows.map((row) => row.dataset.pos));
  assert.ok(before.some((tag) => !NOUN_TAGS.includes(tag)), `all parts of speech at first (${before})`);
  await analysed(page, () => page.selectOption('#keyword-chart select[name="keywordPos"]', { label: '名词' }));
  for (const method of ['tfidf', 'textrank']) {
    await page.click(`[data-method="${method}"]`);
    const rows = await page.$$eval('#keyword-chart g.bar-row', (rows) => rows.map((row) => ({
      pos: row.dataset.pos, title: row.querySelector('title').textContent,
    })));
    assert.equal(rows.length, 20);
    for (const { pos, title } of rows) assert.ok(NOUN_TAGS.includes(pos), `${method}: ${title} is a noun`);
  }
  await page.click('[data-method="tfidf"]');
  const context = page.context();
  await page.close();

  page = await openAt(t, DESKTOP, context);
  assert.equal(await page.inputValue('#keyword-chart select[name="keywordPos"]'), 'nouns', 'remembered');
  const tags = await page.$$eval('#keyword-chart g.bar-row', (rows) => rows.map((row) => row.dataset.pos));
  assert.ok(tags.every((tag) => NOUN_TAGS.includes(tag)), 'and used by the first analysis');
  await analysed(page, () => page.selectOption('#keyword-chart select[name="keywordPos"]', ''));
  await page.close();
});

test('the search-engine and full modes say why their counts are higher', async (t) => {
  const page = await openAt(t, DESKTOP);
  assert.equal(await page.$('.counts-mode-note'), null, 'no note in precise mode');
  const tokens = async () => Number((await page.textContent('#counts [data-count="tokens"] .count-value')).replace(/,/g, ''));
  const precise = await tokens();
  await analysed(page, () => page.click('.segmented label:has(input[value="search"])'));
  assert.match(await page.textContent('.counts-mode-note'), /重叠的短词.*词数会变多/);
  assert.ok(await tokens() > precise);
  await analysed(page, () => page.click('.segmented label:has(input[value="full"])'));
  assert.equal(await page.isVisible('.counts-mode-note'), true);
  await analysed(page, () => page.click('.segmented label:has(input[value="precise"])'));
  assert.equal(await page.$('.counts-mode-note'), null);

  // The help texts: the counts and modes, the keyword measures, the name lists.
  await page.click('.counts-help summary');
  assert.match(await page.textContent('.counts-help'), /全模式/);
  await page.click('.keyword-help summary');
  assert.match(await page.textContent('.keyword-help'), /TF-IDF[\s\S]*TextRank/);
  assert.match(await page.textContent('.names-help'), /错/);
  await page.close();
});

test('on a phone the search mode note shows too, under the counts', async (t) => {
  const page = await openAt(t, PHONE);
  await page.click('.input-summary-edit');
  await analysed(page, () => page.click('.segmented label:has(input[value="search"])'));
  assert.equal(await folded(page), true, 'folded again after the option changed');
  assert.equal(await page.isVisible('.counts-mode-note'), true);
  await analysed(page, () => page.click('.input-summary-edit').then(() => page.click('.segmented label:has(input[value="precise"])')));
  await page.close();
});

/** How many lines the header's tagline takes, and whether it is under the logo row (on a phone). */
const tagline = (page) => page.$eval('.tagline', (element) => {
  const { height, top } = element.getBoundingClientRect();
  return {
    lines: Math.round(height / parseFloat(getComputedStyle(element).lineHeight)),
    below: top >= document.querySelector('.logo').getBoundingClientRect().bottom - 1,
  };
});

test('the tagline takes two lines at most on a phone and one on a desktop, in Chinese and in English', async (t) => {
  const page = await openAt(t, PHONE);
  for (const [language, button] of [['zh-CN', '中文'], ['en', 'English'], ['zh-CN', '中文']]) {
    await page.getByRole('button', { name: button, exact: true }).click();
    assert.equal(await page.getAttribute('html', 'lang'), language);
    await page.setViewportSize(PHONE);
    const phone = await tagline(page);
    assert.ok(phone.lines <= 2, `${language}, 390 px: ${phone.lines} lines`);
    assert.ok(phone.below, `${language}, 390 px: under the logo, the name and the switch`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize(DESKTOP);
    assert.equal((await tagline(page)).lines, 1, `${language}, 1280 px`);
  }
  // (It ends in Chinese, the browser's language, as the page began.)
  await page.close();
});

// From the screenshots' file (tests/screenshots/), the checks a person would make first.
test('two columns on a desktop, one on a phone, light and dark: no sideways scrolling, the cloud fills its card', async (t) => {
  const page = await openAt(t, DESKTOP);
  for (const [viewport, columns] of [[DESKTOP, 2], [PHONE, 1]]) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const where = `${viewport.width}×${viewport.height} ${colorScheme}`;
      // The cloud is drawn again for its card's new width.
      await page.waitForFunction(() => Math.abs(document.getElementById('word-cloud').getBoundingClientRect().width
        - document.getElementById('word-cloud-box').getBoundingClientRect().width) < 2);
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        columns: getComputedStyle(document.getElementById('dashboard')).gridTemplateColumns.split(' ').length,
      }));
      assert.ok(layout.scrollWidth <= layout.clientWidth, `${where}: no horizontal scroll (${layout.scrollWidth} > ${layout.clientWidth})`);
      assert.equal(layout.columns, columns, `${where}: dashboard columns`);
    }
  }
});

test('the page resizes its charts with the window', async (t) => {
  const page = await openAt(t, DESKTOP);
  const width = () => page.$eval('#word-cloud', (canvas) => canvas.getBoundingClientRect().width);
  const wide = await width();
  await page.setViewportSize({ width: 700, height: 800 });
  await page.waitForFunction((w) => Math.abs(document.getElementById('word-cloud').getBoundingClientRect().width - w) > 50, wide);
  // Drawn again for the new width: the cloud fills its box, the keyword chart's viewBox is its width.
  await page.waitForFunction(() => Math.abs(document.getElementById('word-cloud').getBoundingClientRect().width
    - document.getElementById('word-cloud-box').clientWidth) < 2);
  await page.waitForFunction(() => Math.abs(Number(document.querySelector('#keyword-chart svg').getAttribute('viewBox').split(' ')[2])
    - document.getElementById('keyword-chart').clientWidth) < 2);
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
