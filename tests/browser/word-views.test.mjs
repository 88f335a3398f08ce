// The selected word's dispersion and collocates, and the document's repeated
// phrases, on the sample: what they show agrees with the word counts, their
// controls ask again, their words are links, their exports are files a
// spreadsheet or an image viewer opens; and screenshots with a word selected.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, assertClean, downloaded, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now: each test opens its own, 合作 selected (the helpers below act on it).
let page;
const HASH = `#w=${encodeURIComponent('合作')}`;

const selectWord = (word) => page.evaluate((w) => { location.hash = `#w=${encodeURIComponent(w)}`; }, word);
const selectedWord = () => page.evaluate(() => decodeURIComponent(new URLSearchParams(location.hash.slice(1)).get('w') ?? ''));

/** The word's count in the frequency table (the analysis's word list), or null. */
async function tableCount(word) {
  await page.selectOption('#pos-filter', '');
  return page.$$eval('#frequency-table tbody tr', (rows, w) => {
    const row = rows.find((r) => r.querySelector('td.col-word')?.textContent === w);
    return row ? Number(row.querySelector('.count-num').textContent.replace(/,/g, '')) : null;
  }, word);
}

/** Waits until the dispersion chart shows `words` (first the selected one), one barcode row each. */
async function dispersionShows(words) {
  await page.waitForFunction((ws) => {
    const labels = [...document.querySelectorAll('#dispersion .dispersion-table tbody th .word-link')].map((b) => b.textContent);
    const rows = document.querySelectorAll('#dispersion svg .barcode-row').length;
    return JSON.stringify(labels) === JSON.stringify(ws) && rows === ws.length;
  }, words);
}

/** The hidden table of the chart's data: [{part, size, counts: [per word]}]. */
const partsData = () => page.$$eval('#dispersion .dispersion-figure table tbody tr', (rows) => rows.map((row) => {
  const cells = [...row.children].map((cell) => Number(cell.textContent));
  return { part: cells[0], size: cells[1], counts: cells.slice(2).filter((_, i) => i % 2 === 0) };
}));

/** Waits for the collocates of `word` whose summary matches `pattern`; resolves with their rows. */
async function collocatesOf(word, pattern = /./) {
  await page.waitForFunction(([w, source]) => {
    const text = document.querySelector('#collocates .collocates-summary')?.textContent ?? '';
    return text.startsWith(`「${w}」`) && new RegExp(source).test(text);
  }, [word, pattern.source]);
  return collocateRows();
}

const collocateRows = () => page.$$eval('#collocates tbody tr', (rows) => rows
  .filter((row) => row.querySelector('.word-link'))
  .map((row) => ({
    word: row.querySelector('.word-link').textContent,
    count: Number(row.querySelector('td.col-count').dataset.value),
    logLikelihood: Number(row.querySelector('td.col-logLikelihood').dataset.value),
    mi: Number(row.querySelector('td.col-mi').dataset.value),
    stars: row.querySelector('td.col-logLikelihood .significance')?.textContent ?? '',
    shown: row.querySelector('td.col-logLikelihood').textContent,
  })));

/** Clicks the export button `label` in `view`; resolves with the file's name and bytes. */
const download = (view, label) => downloaded(page, () => page.locator(`${view} .export-buttons button`, { hasText: label }).click());

function assertCsv({ name, bytes }) {
  assert.match(name, /\.csv$/);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name} starts with the UTF-8 BOM`);
  const text = bytes.toString('utf8');
  assert.ok(text.endsWith('\r\n'), `${name} ends with CRLF`);
  assert.equal(text.match(/(?<!\r)\n/g), null, `${name}: every line ends with CRLF`);
  return text.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
}

test('the dispersion barcode has one mark per occurrence, and the parts add up', async (t) => {
  page = await session.page(t, { hash: HASH });
  const count = await tableCount('合作');
  assert.ok(count > 3, `合作 is in the frequency table (${count})`);
  await dispersionShows(['合作']);
  const marks = await page.$$eval('#dispersion svg .barcode-row.series-0 line.hit', (lines) => lines.map((l) => Number(l.getAttribute('x1'))));
  assert.equal(marks.length, count, 'one mark per occurrence');
  assert.deepEqual(marks, [...marks].sort((a, b) => a - b), 'marks in text order');

  const parts = await partsData();
  assert.equal(parts.length, 10, '10 parts by default');
  assert.equal(parts.reduce((sum, p) => sum + p.counts[0], 0), count, 'the counts per part add up to the count');
  const tokens = Number((await page.textContent('#counts [data-count="tokens"] .count-value')).replace(/,/g, ''));
  assert.equal(parts.reduce((sum, p) => sum + p.size, 0), tokens, 'the parts hold every word token');
  assert.equal(await page.$$eval('#dispersion svg .trend-series.series-0 circle', (c) => c.length), 10, 'a point per part');

  const stats = await page.$$eval('#dispersion .dispersion-table tbody tr:first-child td', (cells) => cells.map((c) => c.textContent));
  assert.equal(stats[0], String(count));
  for (const measure of stats.slice(2, 5)) assert.match(measure, /^[01]\.\d{3}$/, 'DP, DPnorm and D are shown');
  const help = await page.textContent('#dispersion .dispersion-help');
  assert.match(help, /DP.*0 = 分布完全均匀/);
  assert.match(help, /Juilland.*1 = 分布完全均匀/);
  assert.match(await page.getAttribute('#dispersion svg', 'aria-label'), /「合作」\d+ 次/);

  await page.click('#dispersion button[data-parts="20"]');
  await page.waitForFunction(() => document.querySelectorAll('#dispersion .dispersion-figure table tbody tr').length === 20);
  assert.equal((await partsData()).reduce((sum, p) => sum + p.counts[0], 0), count, '20 parts add up too');
  assert.equal(await page.getAttribute('#dispersion button[data-parts="20"]', 'aria-pressed'), 'true');
  await page.click('#dispersion button[data-parts="10"]');
  await page.waitForFunction(() => document.querySelectorAll('#dispersion .dispersion-figure table tbody tr').length === 10);
});

test('comparison words add rows and lines, and are removed again', async (t) => {
  page = await session.page(t, { hash: HASH });
  const count = await tableCount('发展');
  await page.fill('#dispersion-compare', '发展');
  await page.press('#dispersion-compare', 'Enter');
  await dispersionShows(['合作', '发展']);
  assert.equal(await page.$$eval('#dispersion svg .barcode-row.series-1 line.hit', (l) => l.length), count);
  assert.equal(await page.$$eval('#dispersion svg .legend-item', (items) => items.length), 2, 'a legend entry per word');
  assert.equal(await page.$$eval('#dispersion svg .trend-series', (lines) => lines.length), 2);
  assert.equal(await page.inputValue('#dispersion-compare'), '', 'the box is emptied');

  // A word the text does not have is not added.
  await page.fill('#dispersion-compare', '量子计算机');
  await page.press('#dispersion-compare', 'Enter');
  await page.waitForFunction(() => /没有在这段文本中出现/.test(document.querySelector('#dispersion .dispersion-message').textContent));
  assert.equal(await page.$$eval('#dispersion svg .barcode-row', (rows) => rows.length), 2);

  // Up to five words.
  const shown = ['合作', '发展'];
  for (const word of ['中国', '世界', '国家']) {
    await page.fill('#dispersion-compare', word);
    await page.press('#dispersion-compare', 'Enter');
    shown.push(word);
    await dispersionShows(shown);
  }
  await page.fill('#dispersion-compare', '人民');
  await page.press('#dispersion-compare', 'Enter');
  await page.waitForFunction(() => /最多同时比较 5 个词/.test(document.querySelector('#dispersion .dispersion-message').textContent));
  await dispersionShows(shown);

  for (const word of ['中国', '世界', '国家']) {
    await page.click(`#dispersion .dispersion-remove[aria-label="移除对比词「${word}」"]`);
  }
  await dispersionShows(['合作', '发展']);
});

test('the dispersion exports: CSV of counts per part, PNG and SVG of the charts', async (t) => {
  page = await session.page(t, { hash: HASH });
  await page.fill('#dispersion-compare', '发展');
  await page.press('#dispersion-compare', 'Enter');
  await dispersionShows(['合作', '发展']);
  const rows = assertCsv(await download('#dispersion', 'CSV'));
  assert.deepEqual(rows[0], ['段', '词数', '合作 次数', '合作 每万词', '发展 次数', '发展 每万词']);
  assert.equal(rows.length, 11);
  assert.equal(rows.slice(1).reduce((sum, row) => sum + Number(row[2]), 0), await tableCount('合作'));
  await page.click('#dispersion .dispersion-remove');
  await dispersionShows(['合作']);

  const png = await download('#dispersion', 'PNG');
  assert.match(png.name, /\.png$/);
  assert.ok(png.bytes.length > 1000, `the PNG has ${png.bytes.length} bytes`);
  assert.deepEqual([...png.bytes.subarray(1, 4)], [...Buffer.from('PNG')]);

  const svg = await download('#dispersion', 'SVG');
  assert.match(svg.name, /\.svg$/);
  const markup = svg.bytes.toString('utf8');
  assert.ok(markup.startsWith('<svg'), 'the SVG starts with <svg');
  assert.match(markup, /<text[^>]*>合作<\/text>/, 'labels stay text');
});

test('the collocates of 中国: by log-likelihood, with significance marks', async (t) => {
  page = await session.page(t, { hash: HASH });
  await selectWord('中国');
  const rows = await collocatesOf('中国', /左 5 右 5/);
  assert.ok(rows.length > 5, `${rows.length} collocates`);
  const values = rows.map((r) => r.logLikelihood);
  assert.deepEqual(values, [...values].sort((a, b) => b - a), 'log-likelihood descending');
  assert.equal(await page.getAttribute('#collocates th[data-key="logLikelihood"]', 'aria-sort'), 'descending');
  assert.ok(rows.every((r) => r.count >= 3), 'the minimum is 3');
  for (const row of rows) {
    const expected = row.logLikelihood >= 15.13 ? '****' : row.logLikelihood >= 10.83 ? '***'
      : row.logLikelihood >= 6.63 ? '**' : row.logLikelihood >= 3.84 ? '*' : '';
    assert.equal(row.stars, expected, `${row.word}: G² ${row.logLikelihood}`);
    assert.match(row.shown, /^[\d,]+\.\d{2}/, 'two decimals');
  }
  assert.ok(!rows.some((r) => r.word === '的'), 'stopwords are left out by default');
  assert.ok(await page.$eval('#collocates details.collocates-help', (d) => /E11 = R1·C1\/N/.test(d.textContent) && /logDice = 14 \+ log2/.test(d.textContent)));
  assert.ok(await page.$eval('#collocates table caption', (c) => c.textContent.length > 0));

  await page.click('#collocates button[data-sort="mi"]');
  assert.equal(await page.getAttribute('#collocates th[data-key="mi"]', 'aria-sort'), 'descending');
  const mi = (await collocateRows()).map((r) => r.mi);
  assert.deepEqual(mi, [...mi].sort((a, b) => b - a), 'sorted by MI');
  await page.click('#collocates button[data-sort="logLikelihood"]');
});

test('the span, the minimum and the stopword filter change the collocates', async (t) => {
  page = await session.page(t, { hash: HASH });
  await selectWord('中国');
  await collocatesOf('中国', /左 5 右 5/);
  const wide = (await collocatesOf('中国', /左 5 右 5/)).map((r) => r.word);
  await page.fill('#collocates-left', '1');
  await page.fill('#collocates-right', '1');
  const narrow = (await collocatesOf('中国', /左 1 右 1/)).map((r) => r.word);
  assert.notDeepEqual(narrow, wide, 'a narrower span finds other collocates');
  assert.ok(narrow.length < wide.length);

  await page.fill('#collocates-left', '5');
  await page.fill('#collocates-right', '5');
  await collocatesOf('中国', /左 5 右 5.*至少 3 次/);
  await page.fill('#collocates-min', '6');
  const frequent = await collocatesOf('中国', /左 5 右 5.*至少 6 次/);
  assert.ok(frequent.length < wide.length && frequent.every((r) => r.count >= 6), 'the minimum co-occurrence');
  await page.fill('#collocates-min', '3');

  // Near 中国 the sample's stopwords are 是, 在, 了, 将 … (的 is as frequent
  // everywhere else: not attracted, so never listed).
  const STOPWORDS = ['的', '了', '是', '在', '将', '不', '我', '就', '与', '为', '从', '和', '也', '都'];
  await page.click('label.check:has(#collocates-stopwords)');
  const withStopwords = (await collocatesOf('中国', /^「中国」左 5 右 5 个词以内、共现至少 3 次/)).map((r) => r.word);
  const found = STOPWORDS.filter((word) => withStopwords.includes(word));
  assert.ok(found.length >= 3, `stopwords are collocates once they count (${found.join(' ')})`);
  await page.click('label.check:has(#collocates-stopwords)');
  const without = (await collocatesOf('中国', /不含停用词/)).map((r) => r.word);
  assert.deepEqual(STOPWORDS.filter((word) => without.includes(word)), [], 'the filter leaves them out');
  assert.deepEqual(without, wide);

  await page.selectOption('#collocates-pos', 'nouns');
  const nouns = await collocatesOf('中国', /名词的搭配词/);
  const tags = await page.$$eval('#collocates tbody .pos-tag', (cells) => cells.map((c) => c.textContent));
  assert.ok(nouns.length > 0 && tags.every((tag) => ['n', 'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'vn'].includes(tag)), tags.join(' '));
  await page.selectOption('#collocates-pos', 'all');
  await collocatesOf('中国', /至少 3 次的搭配词/);
});

test('the collocates export as CSV and JSON, and each is a link', async (t) => {
  page = await session.page(t, { hash: HASH });
  await selectWord('中国');
  await collocatesOf('中国', /左 5 右 5/);
  const rows = await collocateRows();
  const csv = assertCsv(await download('#collocates', 'CSV'));
  assert.equal(csv[0][0], '词语');
  assert.deepEqual(csv.slice(1).map((row) => row[0]), rows.map((r) => r.word));

  const json = await download('#collocates', 'JSON');
  const parsed = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(parsed.word, '中国');
  assert.equal(parsed.collocates.length, rows.length);
  const fields = Object.keys(parsed.collocates[0]);
  for (const field of ['count', 'expected', 'frequency', 'logDice', 'logLikelihood', 'mi', 'pos', 'tScore', 'word']) {
    assert.ok(fields.includes(field), `${field} in ${fields}`);
  }

  const first = rows[0].word;
  await page.locator('#collocates tbody .word-link').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((w) => location.hash === `#w=${encodeURIComponent(w)}`, first);
  await collocatesOf(first);
  await dispersionShows([first]);
});

test('the repeated phrases: listed, at least 3 times each, and links', async (t) => {
  page = await session.page(t, { hash: HASH });
  // They are asked for once the card comes near the view.
  await page.locator('#phrases').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#phrases .phrase-list li').length > 0);
  const phrases = await page.$$eval('#phrases .phrase-list li', (items) => items.map((li) => ({
    phrase: li.querySelector('.word-link').dataset.word,
    count: Number(li.querySelector('.phrase-count').dataset.count),
  })));
  assert.ok(phrases.length > 0);
  assert.ok(phrases.length <= 100, 'at most 100 at first');
  assert.ok(phrases.every((p) => p.count >= 3), 'every phrase at least 3 times');
  const counts = phrases.map((p) => p.count);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most frequent first');

  await page.fill('#phrases-min', '5');
  await page.waitForFunction(() => /至少 5 次/.test(document.querySelector('#phrases .phrases-summary').textContent));
  const frequent = await page.$$eval('#phrases .phrase-count', (cells) => cells.map((c) => Number(c.dataset.count)));
  assert.ok(frequent.length < phrases.length && frequent.every((c) => c >= 5));
  await page.fill('#phrases-min', '3');
  await page.waitForFunction(() => /至少 3 次/.test(document.querySelector('#phrases .phrases-summary').textContent));

  const csv = assertCsv(await download('#phrases', 'CSV'));
  assert.deepEqual(csv[0], ['短语', '词', '词数', '次数']);
  assert.equal(csv[1][0], phrases[0].phrase);
  const json = JSON.parse((await download('#phrases', 'JSON')).bytes.toString('utf8'));
  assert.equal(json.phrases[0].phrase, phrases[0].phrase);

  // A phrase selected: the dispersion draws where it occurs.
  const { phrase, count } = phrases[0];
  await page.locator('#phrases .word-link').first().click();
  await page.waitForFunction((p) => location.hash === `#w=${encodeURIComponent(p)}`, phrase);
  assert.equal(await selectedWord(), phrase);
  await dispersionShows([phrase]);
  assert.equal(await page.$$eval('#dispersion svg .barcode-row line.hit', (l) => l.length), count, 'a mark per use of the phrase');
});

test('a word the text does not have: said, and nothing to export', async (t) => {
  page = await session.page(t, { hash: HASH });
  await selectWord('量子计算机');
  await page.waitForFunction(() => /「量子计算机」没有在这段文本中出现/.test(document.querySelector('#dispersion .dispersion-message').textContent));
  assert.ok(await page.$eval('#dispersion .dispersion-body', (body) => body.hidden));
  assert.ok(await page.$eval('#dispersion .export-buttons', (buttons) => buttons.hidden));
  await collocatesOf('量子计算机', /没有。$/);
  assert.ok(await page.$eval('#collocates .export-buttons', (buttons) => buttons.hidden));
});

test('many hits: the barcode draws at most two marks a pixel, and says how many', async (t) => {
  const many = await session.page(t, { hash: `#w=${encodeURIComponent('中国')}` });
  await analysed(many, () => many.evaluate(() => {
    const textarea = document.getElementById('text');
    textarea.value = textarea.value.repeat(40);
    document.getElementById('analyze').click();
  }));
  const count = await many.$$eval('#frequency-table tbody tr', (rows) =>
    Number(rows.find((r) => r.querySelector('td.col-word')?.textContent === '中国').querySelector('.count-num').textContent.replace(/,/g, '')));
  assert.ok(count > 3000, `中国 occurs ${count} times`);
  await many.waitForFunction((n) => document.querySelector('#dispersion svg .barcode-row')?.dataset.hits === String(n), count);
  const { marks, width } = await many.$eval('#dispersion svg', (svg) => ({
    marks: svg.querySelectorAll('.barcode-row line.hit').length,
    width: Number(svg.querySelector('.barcode-track').getAttribute('width')),
  }));
  assert.ok(marks > 100 && marks <= 2 * width + 1, `${marks} marks over ${width} pixels`);
  assert.equal((await many.$$eval('#dispersion .dispersion-figure table tbody tr', (rows) =>
    rows.map((row) => Number(row.children[2].textContent)))).reduce((a, b) => a + b, 0), count);
});

test('with three words compared, the page fits a desktop and a phone, and the chart its box', async (t) => {
  page = await session.page(t, { hash: `#w=${encodeURIComponent('中国')}` });
  await dispersionShows(['中国']);
  const shown = ['中国'];
  for (const word of ['发展', '世界']) {
    await page.fill('#dispersion-compare', word);
    await page.press('#dispersion-compare', 'Enter');
    shown.push(word);
    await dispersionShows(shown); // one word at a time, as a reader adds them
  }
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    // The chart is drawn again for its box's new width.
    await page.waitForFunction(() => Math.abs(document.querySelector('#dispersion svg').getBoundingClientRect().width
      - document.querySelector('#dispersion .dispersion-figure').clientWidth) < 2);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(layout.scrollWidth <= layout.clientWidth, `${name}: no horizontal scroll (${layout.scrollWidth} > ${layout.clientWidth})`);
  }
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
