// Screenshots of the sample's analysis at desktop and phone sizes, light and
// dark, saved to tests/browser/artifacts/ for a person to look at (also of
// the input card with a file's encoding, and while 取消 shows); and the
// layout checks a person would make first (no sideways scroll, two columns on
// a desktop, one on a phone).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, artifactPath, assertClean, dropFile, fixture, start } from './harness.mjs';

let browser;
before(async () => { browser = await start(); });
after(async () => { await browser?.close(); });

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, columns: 2 },
  { name: 'phone', viewport: { width: 390, height: 844 }, columns: 1 },
];

for (const { name, viewport, columns } of SIZES) {
  for (const colorScheme of ['light', 'dark']) {
    test(`${name} ${viewport.width}×${viewport.height}, ${colorScheme}`, async () => {
      const page = await browser.open({ viewport, colorScheme });
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        columns: getComputedStyle(document.getElementById('dashboard')).gridTemplateColumns.split(' ').length,
        cloudWidth: document.getElementById('word-cloud').getBoundingClientRect().width,
        cloudBox: document.getElementById('word-cloud-box').getBoundingClientRect().width,
      }));
      assert.ok(layout.scrollWidth <= layout.clientWidth, `no horizontal scroll (${layout.scrollWidth} > ${layout.clientWidth})`);
      assert.equal(layout.columns, columns, 'dashboard columns');
      assert.ok(Math.abs(layout.cloudWidth - layout.cloudBox) < 2, 'the word cloud fills its card');
      await page.screenshot({ path: await artifactPath(`ciyan-${name}-${colorScheme}.png`), fullPage: true });
      await page.screenshot({ path: await artifactPath(`ciyan-${name}-${colorScheme}-fold.png`) });
      await page.close();
    });
  }
}

for (const { name, viewport } of SIZES) {
  for (const colorScheme of ['light', 'dark']) {
    test(`${name} ${colorScheme}: the input card with a file, and while analysing`, async () => {
      const page = await browser.open({ viewport, colorScheme });
      const card = page.locator('.input-card');
      // On a phone the card folds to one line after each analysis (js/fold.js): 编辑 shows the file's details.
      const unfold = async () => {
        if (name === 'phone' && await page.$('.input-card.is-folded')) await page.click('.input-summary-edit');
      };
      // A GB18030 file read as Big5: the encoding, the select and the replacement note.
      await analysed(page, async () => dropFile(page, 'gb18030.txt', [await fixture('gb18030.txt')]));
      await unfold();
      await analysed(page, () => page.selectOption('#encoding', 'Big5'));
      await unfold();
      await card.screenshot({ path: await artifactPath(`ciyan-${name}-${colorScheme}-file.png`) });

      // A long analysis, caught while 取消 shows. The box gets its short text
      // back at once: a 20 MB text box would take seconds to screenshot.
      await page.evaluate(() => {
        const textarea = document.getElementById('text');
        const text = textarea.value;
        textarea.value = text.repeat(Math.ceil(20e6 / text.length));
        document.getElementById('analyze').click();
        textarea.value = text;
      });
      await page.locator('#cancel').waitFor({ state: 'visible' });
      await page.waitForFunction(() => getComputedStyle(document.getElementById('cancel')).visibility === 'visible');
      await card.screenshot({ path: await artifactPath(`ciyan-${name}-${colorScheme}-cancel.png`), animations: 'disabled' });
      await page.close(); // ends the analysis with the page's worker
    });
  }
}

test('the page resizes its charts with the window', async () => {
  const page = await browser.open({ viewport: { width: 1280, height: 800 } });
  const width = () => page.$eval('#word-cloud', (canvas) => canvas.getBoundingClientRect().width);
  const wide = await width();
  await page.setViewportSize({ width: 700, height: 800 });
  await page.waitForFunction((w) => Math.abs(document.getElementById('word-cloud').getBoundingClientRect().width - w) > 50, wide);
  const narrow = await width();
  const box = await page.$eval('#word-cloud-box', (element) => element.clientWidth);
  assert.ok(Math.abs(narrow - box) < 2, `the cloud was redrawn for its new width (${narrow} vs ${box})`);
  const viewBox = await page.$eval('#keyword-chart svg', (svg) => Number(svg.getAttribute('viewBox').split(' ')[2]));
  const chartWidth = await page.$eval('#keyword-chart', (element) => element.clientWidth);
  assert.ok(Math.abs(viewBox - chartWidth) < 2, 'the keyword chart was redrawn for its new width');
  await page.close();
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, browser);
});
