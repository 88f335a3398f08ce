// Ciyan's page in headless Chromium, for benches/run.py, as a user sees it,
// served by scripts/serve.py from dist/ as `make serve` serves it:
//   page open → first chart drawn (the `ciyan:first-chart` mark), with a
//   fresh profile (cold: the sample) and reloaded once the service worker
//   has the page cached (warm: the service worker serves it and the page
//   restores the saved text);
//   the bytes of the first visit over the wire, counted by the server (its
//   --log): the page, the worker, and the service worker's offline copy;
//   each text analysed from the click on 分析 to the charts, with the
//   main thread's long tasks meanwhile (PerformanceObserver 'longtask');
//   a word added to the user dictionary (「我的词典」) until the page shows
//   the text cut again, on the sample and on each text under 5 MB; and the
//   new words of those texts, their sections with each one's distinctive
//   words, the co-occurrence network, and two copies of a text compared as
//   two files, each asked of a worker as the page asks its own (the
//   contract's queries newWords, sections and distinctive, network,
//   keyness; src/session/query.rs).
//
//     node benches/browser.mjs RUNS [FILE...]
//
// Prints one JSON object per line, as benches/native.rs does.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { start } from '../tests/browser/harness.mjs';

const [runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg) || 5;

/** Rows with a `target` (ms) carry it for benches/run.py, which checks the median against it. */
function report({ who, what, file = '', bytes = 0, millis, ...rest }) {
  const rounded = millis && { millis: millis.map((m) => Number(m.toFixed(3))) };
  console.log(JSON.stringify({ who, what, file, bytes, ...rounded, ...rest }));
}

const firstChart = (page) =>
  page.evaluate(() => performance.getEntriesByName('ciyan:first-chart')[0].startTime);

/** The server's log of responses: [{path, status, encoding, bytes}]. */
const responses = (log) => readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line));

const cold = [];
const warm = [];
const visitBytes = [];
const visitRequests = [];
const fullAnswers = []; // 200s of a file the browser already had
const logDir = mkdtempSync(join(tmpdir(), 'ciyan-bench-log-'));
for (let i = 0; i < runs; i++) {
  const log = join(logDir, `visit-${i}.jsonl`);
  const session = await start({ serverArgs: ['--log', log] });
  try {
    // With the service worker a user has (the tests' contexts go without one).
    const context = await session.newContext({ serviceWorkers: 'allow' });
    const page = await session.open({ context });
    cold.push(await firstChart(page));
    // A returning user: the service worker has installed (its cache is
    // complete) and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const visit = responses(log);
    visitBytes.push(visit.reduce((sum, r) => sum + r.bytes, 0) / 1e6);
    visitRequests.push(visit.length);
    const seen = new Set();
    fullAnswers.push(visit.filter((r) => r.status === 200 && seen.size === seen.add(r.path).size).length);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('ciyan:first-chart').length > 0);
    warm.push(await firstChart(page));
  } finally {
    await session.close();
  }
}
report({ who: 'ciyan-chromium-page', what: 'open → first chart, cold', file: 'sample', millis: cold });
report({ who: 'ciyan-chromium-page', what: 'open → first chart, warm', file: 'sample', millis: warm });
report({ who: 'ciyan-chromium-page', what: 'first visit, bytes on the wire', file: 'sample', values: visitBytes, unit: 'MB' });
report({ who: 'ciyan-chromium-page', what: 'first visit, requests', file: 'sample', values: visitRequests, unit: 'reqs' });
report({ who: 'ciyan-chromium-page', what: 'first visit, files sent twice', file: 'sample', values: fullAnswers, unit: 'files' });
rmSync(logDir, { recursive: true, force: true });

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

// Adds `word` in the settings panel (typed, then Enter) and waits, inside
// the page, for the text to be shown cut again and painted; resolves with
// that time. Then removes it again (not timed), so that each run adds it anew.
const addWordInPage = async (page, word) => {
  const millis = await page.evaluate(async (w) => {
    const dashboard = document.getElementById('dashboard');
    const shown = new Promise((resolve) => new MutationObserver((_, watcher) => {
      watcher.disconnect();
      resolve();
    }).observe(dashboard, { attributeFilter: ['data-results'] }));
    document.getElementById('userdict-word').value = w;
    const start = performance.now();
    document.getElementById('userdict-word').form.requestSubmit();
    await shown;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, word);
  // Clicked in the page, not scrolled to: the page stays at its top, so
  // that the phrases and new words (asked for once their cards are near
  // the view) do not keep the worker busy when the next run adds.
  const before = await page.$eval('#dashboard', (element) => Number(element.dataset.results));
  await page.$eval(`#userdict-list li[data-item="${word}"] .lexicon-remove`, (button) => button.click());
  await page.waitForFunction((n) => Number(document.getElementById('dashboard').dataset.results) > n, before, { timeout: 60_000 });
  return millis;
};

// The sample, as the page opens with it: 一带一路 is cut as 一带 / 一路 until added.
{
  const session = await start();
  try {
    const page = await session.open();
    const millis = [];
    for (let i = 0; i < runs; i++) millis.push(await addWordInPage(page, '一带一路'));
    report({ who: 'ciyan-chromium-page', what: 'add a word → page updated', file: 'sample', millis, target: 300 });
  } finally {
    await session.close();
  }
}

/** Times `ask(arg)` in the page (it starts and stops its own clock), `runs` times. */
async function timed(page, ask, arg) {
  const millis = [];
  for (let i = 0; i < runs; i++) millis.push(await page.evaluate(ask, arg));
  return millis;
}

/**
 * Makes window.benchClient in `page` (once): an AnalyzerClient of the
 * page's own module, with a worker of its own, since the page lends none
 * (no test hook ships; tests/browser/worker.test.mjs asks the same way);
 * then has it keep the text in the page's box, untimed, for the queries
 * that follow. window.benchAsk(query) asks it one query of the contract
 * and fails on an answer gone stale.
 */
const benchClientKeeping = (page) => page.evaluate(async () => {
  if (!window.benchClient) {
    const { AnalyzerClient } = await import('/js/analyzer-client.js');
    window.benchClient = new AnalyzerClient();
    window.benchAsk = async (query) => {
      const answer = await window.benchClient.ask(query);
      if (answer?.stale) throw new Error(`the answer to ${query.query} went stale`);
      return answer;
    };
  }
  await window.benchClient.analyze(document.getElementById('text').value, {});
});

/**
 * Issue 12's rows, in the worker (the bench client's, keeping the page's
 * text): the sections of the suggested division (chapters of 红楼梦) and
 * each one's distinctive words; the co-occurrence network; and two copies
 * of the text compared as two files of a corpus (the keyness alone: the
 * cut of both is the analysis row's).
 */
async function structureRows(page, text, common) {
  const bytes = Buffer.byteLength(text);
  const sections = await timed(page, async () => {
    const start = performance.now();
    const { division } = await window.benchAsk({ query: 'sections' });
    await window.benchAsk({ query: 'distinctive', division, options: { skipStopwords: true } });
    return performance.now() - start;
  });
  report({ ...common, what: 'sections + distinctive words, in the worker', bytes, millis: sections, target: 1000 });
  const network = await timed(page, async () => {
    const start = performance.now();
    await window.benchAsk({ query: 'network', options: {} });
    return performance.now() - start;
  });
  report({ ...common, what: 'co-occurrence network, in the worker', bytes, millis: network, target: 1000 });
  // Two files of a corpus: the text twice, a blank line between.
  const joined = `${text}\n\n${text}`;
  await page.$eval('#text', (textarea, value) => { textarea.value = value; }, joined);
  const cuts = [];
  for (let i = 0; i < runs; i++) cuts.push((await analyzeInPage(page)).millis);
  report({ ...common, what: 'two copies as one text: analyze, click → charts', bytes: 2 * bytes, millis: cuts });
  await benchClientKeeping(page);
  const division = {
    by: 'given',
    sections: [{ label: 'a', start: 0, end: text.length }, { label: 'b', start: text.length + 2, end: joined.length }],
  };
  const compare = await timed(page, async (division) => {
    const start = performance.now();
    await window.benchAsk({ query: 'keyness', division, a: { label: 'a', sections: [0] }, b: { label: 'b', sections: [1] }, options: {} });
    return performance.now() - start;
  }, division);
  report({ ...common, what: 'compare two copies (keyness), in the worker', bytes: 2 * bytes, millis: compare, target: 1500 });
}

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
    if (Buffer.byteLength(text) < 5e6) {
      // A name of 红楼梦 that jieba cuts apart; any word makes the whole text cut again.
      const added = [];
      for (let i = 0; i < runs; i++) added.push(await addWordInPage(page, '凤姐儿'));
      report({ ...common, what: 'add a word → page updated', bytes: Buffer.byteLength(text), millis: added, target: 1500 });
      await benchClientKeeping(page);
      const newWords = [];
      for (let i = 0; i < runs; i++) {
        newWords.push(await page.evaluate(async () => {
          const start = performance.now();
          await window.benchAsk({ query: 'newWords' });
          return performance.now() - start;
        }));
      }
      report({ ...common, what: 'new words, in the worker', bytes: Buffer.byteLength(text), millis: newWords, target: 2000 });
      await structureRows(page, text, common);
    }
  } finally {
    await session.close();
  }
}

// What a user feels with a big file (issue 22): the largest gap of a 50 ms
// timer on the page while the file is opened and analysed, while the page
// is reloaded with it kept (the page's own start counted too), and while
// 清除 empties it. The long-task
// observer above does not see a text box's layout or the garbage a big
// text makes; a timer that does not fire on time does.
const gapTimer = () => {
  window.benchGaps = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    window.benchGaps.push(now - last - 50);
    last = now;
  }, 50);
};
const largestGap = (page) => page.evaluate(() => {
  const gap = Math.max(0, ...window.benchGaps);
  window.benchGaps = [];
  return gap;
});
const shownAfter = (page, n) => page.waitForFunction(
  (count) => Number(document.getElementById('dashboard').dataset.results || 0) > count, n, { timeout: 600_000 },
);
for (const file of files.filter((f) => readFileSync(f).length >= 5e6)) {
  const bytes = readFileSync(file);
  const [opened, reloaded, cleared] = [[], [], []];
  for (let i = 0; i < runs; i++) {
    const session = await start();
    try {
      const context = await session.newContext();
      await context.addInitScript(gapTimer);
      const page = await session.open({ context });
      const before = await page.$eval('#dashboard', (element) => Number(element.dataset.results));
      // Opened with the page's own file button (its input), as a user opens one.
      await page.evaluate(() => { window.benchGaps = []; });
      await page.setInputFiles('#file-input', { name: basename(file), mimeType: 'text/plain', buffer: bytes });
      await shownAfter(page, before);
      opened.push(await largestGap(page));
      await page.reload();
      await shownAfter(page, 0);
      reloaded.push(await largestGap(page));
      await page.click('#clear');
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
      cleared.push(await largestGap(page));
    } finally {
      await session.close();
    }
  }
  const common = { who: 'ciyan-chromium-page', file: basename(file), bytes: bytes.length };
  report({ ...common, what: 'largest timer gap, a big file opened and analysed', millis: opened, target: 100 });
  report({ ...common, what: 'largest timer gap, reloaded with it kept', millis: reloaded, target: 100 });
  report({ ...common, what: 'largest timer gap, 清除', millis: cleared, target: 100 });
}
