// Long tokens (issue 22, item 1): a base64 image, a minified script or
// 100,000 × "a" pasted as one word must cost the page no more than a short
// word. Each text here is one enormous token of a script, with a normal
// sentence after it: the analysis is done, every card drawn (the page
// scrolled through), the long word selected; the page still answers a
// click, is no wider than the window, draws no text of the word's length,
// and its JavaScript heap stays small. No timing is asserted.
//
// And the exports of the cards that ask for their answer only once near the
// screen (item 7): a click before that saves the file it names, or the
// button is disabled; never a TypeError.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analyseText, assertClean, downloaded, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

const LENGTH = 100_000;
const SENTENCE = ' 今天天气很好，我们去公园散步。天气预报说明天也是晴天。';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A seeded string of LENGTH characters drawn from `alphabet`. */
function mixed(alphabet, seed) {
  let state = seed;
  return Array.from({ length: LENGTH }, () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return alphabet[(state >>> 16) % alphabet.length];
  }).join('');
}

/**
 * Generated runs of LENGTH characters. oneWord: the core keeps it as one
 * token (Latin letters, digits, letters and digits mixed); Cyrillic is a
 * token a letter, and base64's + and / cut it into many short ones.
 */
const TOKENS = {
  latin: { make: () => 'a'.repeat(LENGTH), oneWord: true },
  digits: { make: () => '7'.repeat(LENGTH), oneWord: true },
  alphanumeric: { make: () => mixed(BASE64.slice(0, 62), 22), oneWord: true },
  base64: { make: () => mixed(BASE64, 7), oneWord: false },
  cyrillic: { make: () => 'ж'.repeat(LENGTH), oneWord: false },
};

/** The page's JavaScript heap in MB (the main thread's: the worker's is the core's). */
async function heapMb(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
  } finally {
    await cdp.detach();
  }
}

/** Scrolls the whole page through, a screen at a time, so that every card that waits to be near is drawn. */
const scrollThrough = (page) => page.evaluate(async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await frame();
  }
  scrollTo(0, 0);
  await frame();
});

/** The longest text the page shows outside the text box: a text node's, or an attribute's other than data-word (what a click selects), value or the like. */
const longestShown = (page) => page.evaluate(() => {
  let longest = { length: 0, where: '' };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('textarea') || node.data.length <= longest.length) continue;
    longest = { length: node.data.length, where: `text in ${node.parentElement?.tagName}.${node.parentElement?.getAttribute('class')}` };
  }
  for (const element of document.body.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (['data-word', 'data-series', 'data-row', 'data-name', 'data-new-word', 'data-key-word', 'data-term', 'value'].includes(attribute.name)) continue;
      if (attribute.value.length > longest.length) longest = { length: attribute.value.length, where: `${attribute.name} of ${element.tagName}.${element.getAttribute('class')}` };
    }
  }
  return longest;
});

for (const [script, { make, oneWord }] of Object.entries(TOKENS)) {
  test(`${LENGTH.toLocaleString('en')} characters of ${script}: the page answers, stays small and draws long words cut`, async (t) => {
    const page = await session.page(t);
    const token = make();
    await analyseText(page, token + SENTENCE);
    assert.equal(await page.getAttribute('#status', 'data-state'), 'done');
    await scrollThrough(page);

    const links = page.locator('#frequency-table td.col-word button.word-link');
    if (oneWord) {
      // The word list shows it cut, whole on hover with its length.
      const link = links.filter({ hasText: token.slice(0, 40) }).first();
      assert.equal(await link.textContent(), `${token.slice(0, 40)}…`);
      const title = await link.getAttribute('title');
      assert.ok(title.length < 300 && title.startsWith(token.slice(0, 200)) && /100,000/.test(title), `title: …${title.slice(-40)}`);
      // Selected: the concordance, dispersion and collocates of it are drawn, cut too.
      await link.click();
    } else {
      await links.first().click();
    }
    await page.waitForFunction(() => document.querySelectorAll('#concordance tbody tr').length > 0);
    await page.waitForFunction(() => document.querySelectorAll('#dispersion svg .barcode-row').length > 0);
    await scrollThrough(page);

    const shown = await longestShown(page);
    assert.ok(shown.length < 2000, `the longest text shown is ${shown.length} characters (${shown.where})`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 1280, `the page is ${width} pixels wide`);
    const heap = await heapMb(page);
    assert.ok(heap < 200, `JavaScript heap ${heap.toFixed(1)} MB`);

    // The page still answers: a short word searched for and clicked is selected.
    await page.fill('#word-search', '公园');
    await links.filter({ hasText: /^公园$/ }).click();
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('w') === '公园');
    await page.waitForFunction(() => [...document.querySelectorAll('#concordance .kwic-node')].some((cell) => cell.textContent === '公园'));
  });
}

// The cards that wait to be near the screen before they ask the core; the
// page is not scrolled, so none of them has its answer when its button is
// clicked (the buttons are hidden until then: clicked as a script would).
const EXPORTS = [
  { card: '#compare', label: 'CSV', file: /\.csv$/ },
  { card: '#network', label: '节点 CSV', file: /\.csv$/ },
  { card: '#network', label: '连线 CSV', file: /\.csv$/ },
  { card: '#new-words', label: 'CSV', file: /\.csv$/ },
];

for (const { card, label, file } of EXPORTS) {
  test(`${card}'s ${label} before the card is computed: the file, or a disabled button`, async (t) => {
    const page = await session.page(t);
    const button = page.locator(`${card} .export-buttons button`, { hasText: label }).first();
    await button.waitFor({ state: 'attached' });
    if (await button.isDisabled()) return;
    const saved = await downloaded(page, () => button.evaluate((element) => element.click()));
    assert.match(saved.name, file);
    const lines = saved.text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.ok(lines.length >= 2, `${saved.name}: a header and rows (${lines.length} lines)`);
  });
}

test('no errors in the page', () => {
  assertClean(assert, session);
});
