// The trends and network cards (views/trends.js, views/network.js): the
// network is drawn once its card is in view, its nodes select their word
// (click and Enter) and mark their neighbours, its options ask again, its
// edges list as a table and export; the trends card waits for a division,
// then draws a line per word and a heat map of the keywords per chapter,
// whose cells select their word; a novel's 120 chapters scroll sideways.
// Each test opens its own page and sets up what it is about.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, analyseText, assertClean, downloaded, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now (each test opens its own; the helpers below act on it).
let page;

const selectedWord = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('w') ?? '');

/** Waits until the concordance shows `word`'s lines. */
const concordanceShows = (word) => page.waitForFunction((w) => {
  const view = document.getElementById('concordance');
  return view.dataset.term === w && view.dataset.state === 'ready';
}, word);

/** Clicks the button `label` of the export buttons `group`; resolves with the file's name and bytes. */
const download = (group, label) => downloaded(page, () => page.locator(`${group} button`, { hasText: label }).first().click());

/** A CSV download's rows (checks the BOM and the CRLF line ends). */
function csvRows({ name, bytes }) {
  assert.match(name, /\.csv$/);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name} starts with the UTF-8 BOM`);
  const text = bytes.toString('utf8');
  assert.equal(text.match(/(?<!\r)\n/g), null, `${name}: every line ends with CRLF`);
  return text.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
}

const assertPng = ({ name, bytes }) => {
  assert.match(name, /\.png$/);
  assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')], `${name} is a PNG`);
  assert.ok(bytes.length > 2000, `${name} has ${bytes.length} bytes`);
};

const nodeCount = () => page.$$eval('#network svg .network-node', (nodes) => nodes.length);
const edgeCount = () => page.$$eval('#network svg .network-edge', (edges) => edges.length);

/** Waits for the network to be drawn (not loading, with nodes). */
async function networkDrawn() {
  await page.waitForFunction(() => {
    const view = document.getElementById('network');
    return !view.classList.contains('is-loading') && view.querySelectorAll('svg .network-node').length > 0;
  });
}

/** A fresh page of the sample with the network drawn (its card scrolled to). */
async function networkPage(t, options = {}) {
  page = await session.page(t, options);
  await page.locator('#network-card').scrollIntoViewIfNeeded();
  await networkDrawn();
}

test('the network waits until its card is in view, then draws nodes, edges and communities', async (t) => {
  page = await session.page(t);
  assert.match(await page.textContent('#network .network-summary'), /滚动到这里/, 'not asked for before it is in view');
  assert.equal(await nodeCount(), 0);
  await page.locator('#network-card').scrollIntoViewIfNeeded();
  await networkDrawn();
  const nodes = await nodeCount();
  const edges = await edgeCount();
  assert.ok(nodes >= 10, `${nodes} nodes`);
  assert.ok(edges > 0 && edges <= 60, `${edges} edges (60 at most by default)`);
  const summary = await page.textContent('#network .network-summary');
  assert.match(summary, new RegExp(`^${nodes} 个词、${edges} 条连线、\\d+ 组（模块度 [\\d.]+）；按句统计`));
  // Sizes follow counts, colours communities; every node is a focusable link with a label.
  const facts = await page.$$eval('#network svg .network-node', (gs) => gs.map((g) => ({
    word: g.dataset.word, r: Number(g.querySelector('circle').getAttribute('r')),
    count: Number(g.getAttribute('aria-label').match(/出现 ([\d,]+) 次/)[1].replace(/,/g, '')),
    community: g.getAttribute('class').match(/community-(\d)/)?.[1], tabindex: g.getAttribute('tabindex'),
  })));
  for (const node of facts) {
    assert.ok(node.community !== undefined, `${node.word} has a community colour`);
    assert.equal(node.tabindex, '0');
  }
  const byCount = [...facts].sort((a, b) => a.count - b.count);
  assert.ok(byCount.at(-1).r > byCount[0].r, 'a more frequent word has a larger circle');
  const labels = await page.$$eval('#network svg text.network-label', (texts) => texts.map((t) => t.textContent));
  assert.deepEqual(labels, facts.map((node) => node.word), 'every node is labelled with its word');
  // Inside the box.
  const box = await page.$eval('#network svg', (svg) => ({ width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height }));
  const circles = await page.$$eval('#network svg circle', (cs) => cs.map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]));
  assert.ok(circles.every(([x, y]) => x > 0 && x < box.width && y > 0 && y < box.height), 'the layout fits the box');
  assert.match(await page.textContent('#network .network-help'), /Jaccard.*Louvain.*同一段文本/s);
});

test('a node selects its word (click and Enter), and marks its neighbours', async (t) => {
  await networkPage(t);
  const before = await selectedWord();
  await page.locator('#network-card').scrollIntoViewIfNeeded();
  // A node no other covers (a cluster's circles may touch).
  const word = await page.$$eval('#network svg .network-node', (gs, w) => gs.find((g) => {
    const { x, y, width, height } = g.querySelector('circle').getBoundingClientRect();
    return g.dataset.word !== w && g.contains(document.elementFromPoint(x + width / 2, y + height / 2));
  })?.dataset.word, before);
  assert.ok(word, 'a node to click');
  await page.locator(`#network svg .network-node[data-word="${word}"] circle`).click();
  await page.waitForFunction((w) => new URLSearchParams(location.hash.slice(1)).get('w') === w, word);
  await concordanceShows(word);
  const marked = await page.$eval('#network svg', (svg) => ({
    has: svg.classList.contains('has-selection'),
    selected: [...svg.querySelectorAll('.network-node.is-selected')].map((g) => g.dataset.word),
    neighbours: svg.querySelectorAll('.network-node.is-neighbour').length,
    near: svg.querySelectorAll('.network-edge.is-near').length,
  }));
  assert.ok(marked.has);
  assert.deepEqual(marked.selected, [word]);
  assert.ok(marked.neighbours > 0, 'its neighbours are marked');
  assert.equal(marked.near, marked.neighbours, 'one marked edge per neighbour');

  // The keyboard: Tab reaches the nodes, Enter selects.
  const other = await page.$$eval('#network svg .network-node', (gs, w) => gs.map((g) => g.dataset.word).find((x) => x !== w), word);
  await page.focus(`#network svg .network-node[data-word="${other}"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((w) => new URLSearchParams(location.hash.slice(1)).get('w') === w, other);
  await concordanceShows(other);
});

test('the network\'s options ask again; its edges show as a table', async (t) => {
  await networkPage(t);
  await page.fill('#network-edges', '30');
  await page.waitForFunction(() => {
    const n = document.querySelectorAll('#network svg .network-edge').length;
    return n > 0 && n <= 30 && !document.getElementById('network').classList.contains('is-loading');
  });
  assert.equal(await page.textContent('#network .network-edges-value'), '30');

  await page.click('#network button[data-unit="paragraph"]');
  await page.waitForFunction(() => /按段统计/.test(document.querySelector('#network .network-summary').textContent));
  await networkDrawn();
  await page.click('#network button[data-unit="sentence"]');
  await page.waitForFunction(() => /按句统计/.test(document.querySelector('#network .network-summary').textContent));
  await networkDrawn();

  const edges = await edgeCount();
  await page.click('#network .network-table-toggle');
  assert.equal(await page.getAttribute('#network .network-table-toggle', 'aria-pressed'), 'true');
  const rows = await page.$$eval('#network .network-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, edges, 'a row per edge');
  const jaccards = rows.map((row) => Number(row[3]));
  assert.deepEqual(jaccards, [...jaccards].sort((a, b) => b - a), 'strongest first');
  assert.ok(await page.$('#network .network-table tbody .word-link[data-word]'), 'the words are links');
  await page.click('#network .network-table-toggle');
  await networkDrawn();
});

test('the network exports: nodes and edges as CSV, PNG, SVG, JSON', async (t) => {
  await networkPage(t);
  await page.fill('#network-edges', '30');
  await page.waitForFunction(() => document.querySelector('#network .network-edges-value')?.textContent === '30'
    && !document.getElementById('network').classList.contains('is-loading')
    && document.querySelectorAll('#network svg .network-edge').length <= 30);
  const labels = await page.$$eval('#network .export-buttons button', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(labels, ['PNG', 'SVG', '节点 CSV', '连线 CSV', 'JSON']);
  const edges = csvRows(await download('#network .export-buttons', '连线 CSV'));
  assert.deepEqual(edges[0], ['source', 'target', 'jaccard', 'together']);
  assert.equal(edges.length - 1, await edgeCount());
  assert.ok(edges.slice(1).every((row) => Number(row[2]) > 0 && Number(row[2]) <= 1 && Number(row[3]) >= 1));
  const nodes = csvRows(await download('#network .export-buttons', '节点 CSV'));
  assert.deepEqual(nodes[0], ['word', 'count', 'community', 'degree']);
  assert.equal(nodes.length - 1, await nodeCount());
  assertPng(await download('#network .export-buttons', 'PNG'));
  const svg = await download('#network .export-buttons', 'SVG');
  const markup = svg.bytes.toString('utf8');
  assert.ok(markup.startsWith('<svg'), 'the SVG starts with <svg');
  assert.match(markup, /<text[^>]*>[^<]+<\/text>/, 'labels stay text');
  const json = JSON.parse((await download('#network .export-buttons', 'JSON')).bytes.toString('utf8'));
  assert.equal(json.options.edges, 30);
  assert.ok(Array.isArray(json.nodes) && Array.isArray(json.edges));
});


test('the network is laid out again for a phone\'s width', async (t) => {
  await networkPage(t);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#network-card').scrollIntoViewIfNeeded();
  // Laid out again for the card's new width (the registry's resize of a sized card, view-registry.js).
  await page.waitForFunction(() => {
    const figure = document.querySelector('#network .network-figure');
    const svg = figure?.querySelector('svg.network-chart');
    return svg && figure.clientWidth < 500 && Math.abs(svg.viewBox.baseVal.width - figure.clientWidth) <= 1;
  });
  await networkDrawn();
});

const CHAPTERS = [
  '宝玉在花园里读书。宝玉喜欢读书，黛玉也喜欢读书。花园里的桃花开了，宝玉和黛玉一起看桃花。',
  '凤姐在府里管家。凤姐很会算账，府里的银子都归凤姐管。宝玉去看凤姐，凤姐正在算账。',
  '黛玉在潇湘馆里写诗。黛玉的诗写得很好，宝钗也来写诗。宝玉读了黛玉的诗，十分佩服。',
];
const NUMERALS = ['一', '二', '三'];
const chaptered = CHAPTERS.map((body, i) => `第${NUMERALS[i]}回\n${body.repeat(4)}`).join('\n');

/** A fresh page with the three chapters analysed and divided by 章回, the trends card drawn. */
async function trendsPage(t, options = {}) {
  page = await session.page(t, options);
  await analyseText(page, chaptered);
  await page.click('#sections button[data-kind="chapter"]');
  await page.locator('#trends-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#trends .heat-grid .heat-cell').length > 0);
}

test('trends: a note until the text is divided, then lines and a heat map per chapter', async (t) => {
  page = await session.page(t);
  await page.locator('#trends-card').scrollIntoViewIfNeeded();
  assert.match(await page.textContent('#trends .trends-message'), /先在「结构」里/);
  await analyseText(page, chaptered);
  await page.click('#sections button[data-kind="chapter"]');
  await page.locator('#trends-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#trends .heat-grid .heat-cell').length > 0);
  const sections = await page.$$eval('#trends .heat-grid .heat-row:first-child rect', (rects) => rects.length);
  assert.ok(sections >= 3, `${sections} sections`);
  assert.match(await page.textContent('#trends .trends-message'), new RegExp(`按标题，共 ${sections} 节`));

  // The line chart: the selected word and the top keywords, a point per section.
  const lines = await page.$$eval('#trends .trend-lines .trend-series', (gs) => gs.map((g) => ({
    word: g.dataset.series, points: g.querySelectorAll('circle.trend-point').length,
  })));
  assert.ok(lines.length >= 2, `${lines.length} lines`);
  assert.ok(lines.every((line) => line.points === sections));
  const chips = await page.$$eval('#trends .trends-chip .word-link', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(chips, lines.map((line) => line.word), 'a chip per line');

  // 凤姐 is only in the second chapter: its cells say so.
  await page.fill('#trends-add', '凤姐');
  await page.press('#trends-add', 'Enter');
  await page.waitForFunction(() => document.querySelector('#trends .trend-series[data-series="凤姐"]'));
  const titles = await page.$$eval('#trends .trend-series[data-series="凤姐"] circle title', (ts) => ts.map((t) => t.textContent));
  assert.match(titles.find((t) => /第二回/.test(t)), /「凤姐」第二回：\d+ 次，每万词 [\d,.]+/);
  assert.ok(titles.filter((t) => /：0 次/.test(t)).length >= 2, 'none in the other chapters');
  await page.click('#trends .trends-chip-remove[aria-label="从趋势图移除「凤姐」"]');
  await page.waitForFunction(() => !document.querySelector('#trends .trend-series[data-series="凤姐"]'));
  await page.fill('#trends-add', '量子计算机');
  await page.press('#trends-add', 'Enter');
  await page.waitForFunction(() => /没有在这段文本中出现/.test(document.querySelector('#trends .trends-feedback').textContent));

  // A heat-map cell selects its word.
  const cell = page.locator('#trends .heat-grid .heat-row:nth-child(2) rect').first();
  const word = await cell.getAttribute('data-word');
  assert.match(await cell.locator('title').textContent(), new RegExp(`「${word}」.+：\\d+ 次，每万词`));
  await cell.click();
  await page.waitForFunction((w) => new URLSearchParams(location.hash.slice(1)).get('w') === w, word);
  await concordanceShows(word);
  // A point selects its word too.
  const point = page.locator('#trends .trend-series').last().locator('circle').first();
  const pointWord = await point.getAttribute('data-word');
  await point.click();
  await page.waitForFunction((w) => new URLSearchParams(location.hash.slice(1)).get('w') === w, pointWord);
});

test('a scope (one chapter) draws the network again and is marked on the heat map', async (t) => {
  await trendsPage(t);
  const units = async () => Number((await page.textContent('#network .network-summary')).match(/共 ([\d,]+) 句/)?.[1].replace(/,/g, ''));
  await page.locator('#network-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /共 \d+ 句/.test(document.querySelector('#network .network-summary').textContent));
  const whole = await units();
  await analysed(page, () => page.click('#sections button[data-scope="s:1"]'));
  await page.locator('#network-card').scrollIntoViewIfNeeded(); // the click scrolled to the structure card
  await page.waitForFunction((n) => {
    const match = document.querySelector('#network .network-summary').textContent.match(/共 (\d+) 句/);
    return match && Number(match[1]) < n;
  }, whole);
  assert.ok(await units() < whole, 'fewer sentences in one chapter');
  await page.locator('#trends-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#trends .heat-grid .heat-scope').length === 1);
  await analysed(page, () => page.click('#sections button[data-scope="s:1"]'));
  // The click scrolled to the structure card: the trends card redraws once it is near the screen again.
  await page.locator('#trends-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#trends .heat-grid .heat-scope').length === 0);
});

test('trends as tables, and their exports', async (t) => {
  await trendsPage(t);
  await page.click('#trends .trends-table-toggle');
  // The scope cleared by the test before draws the trends again: wait for the tables.
  await page.waitForFunction(() => [...document.querySelectorAll('#trends .trends-table thead th')].some((t) => t.textContent === '章节'));
  const headers = await page.$$eval('#trends .trends-table thead th', (ths) => ths.map((t) => t.textContent));
  assert.ok(headers.includes('章节') && headers.some((h) => /每万词$/.test(h)));
  const sections = await page.$$eval('#trends .trends-line-figure tbody tr', (trs) => trs.length);
  assert.ok(sections >= 3);
  await page.click('#trends .trends-table-toggle');
  await page.waitForSelector('#trends .trend-lines');

  const labels = await page.$$eval('#trends .trends-line-exports button', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(labels, ['PNG', 'SVG', 'CSV', 'JSON']);
  const rows = csvRows(await download('#trends .trends-heat-exports', 'CSV'));
  assert.deepEqual(rows[0].slice(0, 3), ['#', '章节', '词数']);
  assert.equal(rows.length - 1, sections);
  const words = await page.$$eval('#trends .heat-labels .heat-label', (gs) => gs.length);
  assert.equal(rows[0].length, 3 + 2 * words, 'a count and a frequency per keyword');
  assertPng(await download('#trends .trends-heat-exports', 'PNG'));
  const svg = (await download('#trends .trends-heat-exports', 'SVG')).bytes.toString('utf8');
  assert.match(svg, /class="heat-label-text"[^>]*>[^<]+<\/text>/, 'the exported heat map has its words');
  assertPng(await download('#trends .trends-line-exports', 'PNG'));
  const json = JSON.parse((await download('#trends .trends-line-exports', 'JSON')).bytes.toString('utf8'));
  assert.equal(json.division.by, 'chapter');
  assert.equal(json.sections.length, sections);
});

test('on a phone, 120 chapters scroll sideways with the words beside them', async (t) => {
  await trendsPage(t, { viewport: { width: 390, height: 844 } });
  const hundredTwenty = Array.from({ length: 120 }, (_, i) =>
    `第${i + 1}节\n${CHAPTERS[i % 3]}${i % 10 === 0 ? '袭人来了。袭人笑了。' : ''}`).join('\n');
  await analyseText(page, hundredTwenty);
  await page.locator('#trends-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#trends .heat-grid .heat-row:first-child rect').length >= 120);
  const frame = await page.$eval('#trends .heat-scroll', (box) => ({
    scrolls: box.scrollWidth > box.clientWidth,
    cell: Number(box.querySelector('rect').getAttribute('width')),
    labels: document.querySelector('#trends .heat-labels').getBoundingClientRect().width,
  }));
  assert.ok(frame.scrolls, 'the grid scrolls sideways on a phone');
  assert.ok(frame.cell >= 8, `cells ${frame.cell} px wide`);
  assert.ok(frame.labels > 30, 'the words stay beside it');
});

test('no errors in the page', () => assertClean(assert, session));
