// Ciyan in headless Chromium, for benches/run.py:
//   page open → first chart drawn (the `ciyan:first-chart` mark), with a
//   fresh profile (cold) and reloaded in the same profile (warm);
//   a large text analysed in the worker, from the click to the charts.
//
//     node benches/browser.mjs RUNS [FILE]
//
// Prints one JSON object per line, as benches/native.rs does.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { analysed, start } from '../tests/browser/harness.mjs';

const [runsArg, file] = process.argv.slice(2);
const runs = Number(runsArg) || 5;

function report(who, what, file, bytes, millis) {
  console.log(JSON.stringify({ who, what, file, bytes, millis: millis.map((m) => Number(m.toFixed(3))) }));
}

const firstChart = (page) =>
  page.evaluate(() => performance.getEntriesByName('ciyan:first-chart')[0].startTime);

const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const session = await start();
  try {
    const page = await session.open();
    cold.push(await firstChart(page));
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('ciyan:first-chart').length > 0);
    warm.push(await firstChart(page));
  } finally {
    await session.close();
  }
}
report('ciyan-chromium', 'open → first chart, cold', '', 0, cold);
report('ciyan-chromium', 'open → first chart, warm', '', 0, warm);

if (file) {
  const text = readFileSync(file, 'utf8');
  const session = await start();
  try {
    const page = await session.open();
    await page.$eval('#text', (textarea, value) => { textarea.value = value; }, text);
    const millis = [];
    for (let i = 0; i < runs; i++) {
      const t0 = await page.evaluate(() => performance.now());
      await analysed(page, () => page.click('#analyze'));
      millis.push((await page.evaluate(() => performance.now())) - t0);
    }
    report('ciyan-chromium', 'analyze in worker', basename(file), Buffer.byteLength(text), millis);
  } finally {
    await session.close();
  }
}
