// The READMEs' screenshots: the first screen at 1280×800 (in Chinese and in
// English) and at 390×844 (light and dark), the word card with 合作
// selected, and the newer cards (the sample divided by speaker: structure,
// compare, trends, network, repair); saved to docs/.
// Run: make docs-screenshots (node scripts/docs-screenshots.mjs, serving dist/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultCount, resultsAfter, start } from '../tests/browser/harness.mjs';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs');
const browser = await start();
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

  const shoot = async (name, { locale, ...options }, what = null) => {
    const shot = await browser.open({ ...options, context: locale ? await browser.newContext({ locale }) : undefined });
    await shot.waitForSelector('#dashboard[data-results]', { state: 'attached' });
    await shot.waitForTimeout(800); // the cloud and the lazy views settle
    if (what) {
      await shot.locator(what).scrollIntoViewIfNeeded();
      await shot.waitForSelector('#concordance[data-state="ready"]');
      await shot.waitForTimeout(500);
      await shot.locator(what).screenshot({ path: path.join(DOCS, name) });
    } else {
      await shot.screenshot({ path: path.join(DOCS, name) });
    }
    await shot.close();
  };
  await shoot('screenshot-desktop.png', { viewport: { width: 1280, height: 800 } });
  await shoot('screenshot-english.png', { viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await shoot('screenshot-phone.png', { viewport: { width: 390, height: 844 } });
  await shoot('screenshot-phone-dark.png', { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  await shoot('screenshot-word.png', { viewport: { width: 1280, height: 800 }, hash: `#w=${encodeURIComponent('合作')}` }, '#word-card');
} finally {
  await browser.close();
}
