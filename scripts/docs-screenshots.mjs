// The READMEs' screenshots of the newer cards: the sample analysed and
// divided by speaker, the structure, compare, trends, network and repair
// cards at 1280×800, the first screen at 390×844; saved to docs/.
// Run: node scripts/docs-screenshots.mjs (serves www/ as it is).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultCount, resultsAfter, start, WWW } from '../tests/browser/harness.mjs';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs');
const browser = await start({ serverArgs: ['--dir', WWW] });
try {
  const page = await browser.open({ viewport: { width: 1280, height: 800 } });
  await page.waitForSelector('#sections[data-state="ready"]');
  const before = await resultCount(page);
  await page.click('#sections button[data-kind="speaker"]');
  await resultsAfter(page, before);
  await page.waitForSelector('#compare[data-state="ready"]');
  await page.locator('#sections-card').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.locator('#sections-card').screenshot({ path: path.join(DOCS, 'screenshot-structure.png') });
  await page.locator('#compare-card').screenshot({ path: path.join(DOCS, 'screenshot-compare.png') });
  await page.locator('#trends-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#trends .heat-grid .heat-cell').length > 0, null, { timeout: 30_000 });
  await page.locator('#network-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#network svg .network-node').length > 0, null, { timeout: 30_000 });
  await page.waitForTimeout(800);
  await page.locator('#trends-card').screenshot({ path: path.join(DOCS, 'screenshot-trends.png') });
  await page.locator('#network-card').screenshot({ path: path.join(DOCS, 'screenshot-network.png') });
  await page.click('#repair-card .repair-toggle');
  await page.waitForSelector('#repair-card .repair-item');
  await page.locator('#repair-card').scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.locator('#repair-card').screenshot({ path: path.join(DOCS, 'screenshot-repair.png') });
  await page.close();

  const phone = await browser.open({ viewport: { width: 390, height: 844 } });
  await phone.screenshot({ path: path.join(DOCS, 'screenshot-phone.png') });
  await phone.close();
} finally {
  await browser.close();
}
