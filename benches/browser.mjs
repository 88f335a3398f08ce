// Ciyan's page in headless Chromium, for benches/run.py, as a user sees it:
//   page open → first chart drawn (the `ciyan:first-chart` mark), with a
//   fresh profile (cold: the sample) and reloaded once the service worker
//   has the page cached (warm: the service worker serves it and the page
//   restores the saved text);
//   each text analysed from the click on 分析 to the charts, with the
//   main thread's long tasks meanwhile (PerformanceObserver 'longtask').
//
//     node benches/browser.mjs RUNS [FILE...]
//
// Prints one JSON object per line, as benches/native.rs does.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { start } from '../tests/browser/harness.mjs';

const [runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg) || 5;

function report({ who, what, file = '', bytes = 0, millis, ...rest }) {
  const rounded = millis && { millis: millis.map((m) => Number(m.toFixed(3))) };
  console.log(JSON.stringify({ who, what, file, bytes, ...rounded, ...rest }));
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
    // A returning user: the service worker has installed (its cache is
    // complete) and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('ciyan:first-chart').length > 0);
    warm.push(await firstChart(page));
  } finally {
    await session.close();
  }
}
report({ who: 'ciyan-chromium-page', what: 'open → first chart, cold', file: 'sample', millis: cold });
report({ who: 'ciyan-chromium-page', what: 'open → first chart, warm', file: 'sample', millis: warm });

// Clicks 分析 and waits, inside the page, for the charts to be drawn and
// painted; resolves with that time and the main thread's long tasks
// meanwhile. (Playwright's waitForFunction polls every frame, and with 20 MB
// in the textarea each poll is itself a long task: no polling here.)
const analyzeInPage = (page) => page.evaluate(async () => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const dashboard = document.getElementById('dashboard');
  const shown = new Promise((resolve) => new MutationObserver((_, watcher) => {
    watcher.disconnect();
    resolve();
  }).observe(dashboard, { attributeFilter: ['data-results'] }));
  const start = performance.now();
  document.getElementById('analyze').click();
  await shown;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const millis = performance.now() - start;
  // A long task's entry is delivered after the task.
  await new Promise((resolve) => setTimeout(resolve, 100));
  longTasks.push(...observer.takeRecords());
  observer.disconnect();
  return { millis, longTasks: longTasks.map((entry) => entry.duration) };
});

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const session = await start();
  try {
    const page = await session.open();
    await page.$eval('#text', (textarea, value) => { textarea.value = value; }, text);
    // The text's own layout comes before the click, not during the analysis.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500))));
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await analyzeInPage(page));
    const common = { who: 'ciyan-chromium-page', file: basename(file) };
    report({ ...common, what: 'analyze, click → charts', bytes: Buffer.byteLength(text), millis: results.map((r) => r.millis) });
    report({ ...common, what: 'main-thread long tasks', values: results.map((r) => r.longTasks.length), unit: 'tasks' });
    report({ ...common, what: 'longest main-thread task', millis: results.map((r) => Math.max(0, ...r.longTasks)) });
  } finally {
    await session.close();
  }
}
