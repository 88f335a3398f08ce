// The page in Chinese and in English (js/i18n.js, js/messages/): a browser
// set to English gets the English page (title, buttons, headings, the
// keyword chart, the part-of-speech names, the word card, error sentences
// by their code); one set to Chinese gets the Chinese page; the header's
// switch changes the language of everything on screen at once, and the
// choice outlives a reload; a message on screen follows a switch. The first
// paint is in the chosen language already (boot.js), with no Chinese seen
// by an English reader. Each test has a profile of its own, in the
// browser language it is about. (The catalogs' parity is tested without a
// page: tests/node/messages.test.mjs.)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import en from '../../www/js/messages/en.js';
import zhCN from '../../www/js/messages/zh-CN.js';
import { alertText, analysed, assertClean, chartWords, dropFile, fixture, holdRequests, resultsAfter, start } from './harness.mjs';

const HAN = /[\u4e00-\u9fff]/;

let session;
before(async () => { session = await start(); });
after(() => session?.close());

/** A profile of its own for the test `t`, its browser set to `locale`, without a service worker (it would answer main.js past a route). */
async function profile(t, locale) {
  const context = await session.newContext({ locale, serviceWorkers: 'block' });
  t.after(() => context.close().catch(() => {}));
  return { context, url: session.url };
}

/** What the page shows that tells its language. */
function pageFacts(page) {
  return page.evaluate(() => {
    const text = (selector) => document.querySelector(selector)?.textContent.trim();
    return {
      lang: document.documentElement.lang,
      title: document.title,
      analyze: text('#analyze'),
      open: text('#open-file'),
      inputTitle: text('#input-title'),
      keywordsTitle: text('#keywords-title'),
      frequencyTitle: text('#frequency-title'),
      placeholder: document.getElementById('text').placeholder,
      chartLabel: document.querySelector('#keyword-chart svg')?.getAttribute('aria-label'),
      chartNote: text('#keyword-chart .chart-note'),
      counts: [...document.querySelectorAll('#counts .count-label')].map((label) => label.textContent),
      posNames: [...document.querySelectorAll('#frequency-table .pos-name')].map((name) => name.textContent),
      posFilter: text('#pos-filter option'),
      columns: [...document.querySelectorAll('#frequency-table thead button.sort')].map((b) => b.textContent),
      export: text('#results-export button'),
      pressed: document.querySelector('.locale-switch [aria-pressed="true"]')?.dataset.locale,
    };
  });
}

/** Selects the chart's first keyword and waits for its concordance and collocates. */
async function selectFirstKeyword(page) {
  await page.locator('#keyword-chart .bar-row').first().click();
  await page.waitForSelector('#concordance[data-state="ready"]');
  await page.waitForFunction(() => document.querySelector('#collocates .collocates-summary')?.textContent !== '');
}

/**
 * Opens the page with js/main.js held back (the modules have not run: what
 * the first paint shows), calls `check(page)`, then lets main.js through and
 * waits for the results; resolves with the page.
 */
async function beforeModules({ context, url }, check) {
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/js/main.js', async (route) => { await held; await route.continue(); });
  await page.goto(url, { waitUntil: 'commit' });
  // The whole body parsed (the footer is its last part but the overlay).
  await page.waitForSelector('#drop-overlay', { state: 'attached' });
  // And the style sheets in: they block the first paint, not the parsing.
  await page.waitForFunction(() => [...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => link.sheet));
  try {
    await check(page);
  } finally {
    release();
  }
  await resultsAfter(page, 0);
  return page;
}

/**
 * What the first paint shows of index.html's static text: the <html> lang
 * and class, and each static text (data-i18n) that is laid out, whether it
 * is seen. The reveal of the CSS fallback (css/i18n.css: the text shows
 * after 1.5 s should the modules fail) is set back to its start and paused,
 * so that what is checked is the first moment whatever the machine's speed.
 */
function firstPaint(page) {
  return page.evaluate(() => {
    for (const animation of document.getAnimations()) {
      if (animation.animationName?.startsWith('i18n-reveal')) { animation.pause(); animation.currentTime = 0; }
    }
    const seen = [...document.querySelectorAll('[data-i18n]')]
      .filter((element) => {
        const style = getComputedStyle(element);
        return element.getClientRects().length > 0 && style.visibility === 'visible' && style.webkitTextFillColor !== 'rgba(0, 0, 0, 0)';
      })
      .map((element) => element.textContent.trim());
    const placeholder = getComputedStyle(document.getElementById('text'), '::placeholder').color;
    const pressed = [...document.querySelectorAll('.locale-switch .button')]
      .filter((button) => getComputedStyle(button).fontWeight === '600').map((button) => button.dataset.locale);
    const result = { lang: document.documentElement.lang, pending: document.documentElement.classList.contains('i18n-pending'), seen, placeholder, pressed };
    for (const animation of document.getAnimations()) if (animation.animationName?.startsWith('i18n-reveal')) animation.play();
    return result;
  });
}

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

describe('the first paint, before the modules run', () => {
  test('a browser set to English sees no Chinese static text; the text is English once the modules ran', async (t) => {
    const page = await beforeModules(await profile(t, 'en-US'), async (page) => {
      const first = await firstPaint(page);
      assert.equal(first.lang, 'en', 'boot.js set the locale');
      assert.equal(first.pending, true, 'the static text waits for its English');
      assert.deepEqual(first.seen.filter((text) => HAN.test(text)), [], 'Chinese static text seen before the modules ran');
      assert.equal(first.placeholder, TRANSPARENT, 'the Chinese placeholder is not seen');
      assert.deepEqual(first.pressed, ['en'], 'English looks pressed in the switch');
    });
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('i18n-pending')), false, 'applyStatic removed the class');
    assert.equal(await page.textContent('#input-title'), 'Text');
    assert.equal(await page.isVisible('#input-title'), true);
    assert.notEqual(await page.$eval('#text', (element) => getComputedStyle(element, '::placeholder').color), TRANSPARENT);
    await page.close();
  });

  test('should the modules fail, the static text shows anyway (in Chinese) after a moment', async (t) => {
    const { context, url } = await profile(t, 'en-US');
    const page = await context.newPage();
    await page.route('**/js/main.js', (route) => route.abort());
    await page.goto(url);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('i18n-pending')), true);
    await page.waitForFunction(() => getComputedStyle(document.getElementById('input-title')).webkitTextFillColor !== 'rgba(0, 0, 0, 0)');
    await page.waitForFunction(() => getComputedStyle(document.getElementById('text'), '::placeholder').color !== 'rgba(0, 0, 0, 0)');
    assert.equal(await page.textContent('#input-title'), '文本');
    await page.close();
  });

  test('the stored choice decides before the modules: Chinese for an English browser, with nothing hidden', async (t) => {
    const browser = await profile(t, 'en-US');
    const page = await session.open({ context: browser.context });
    await page.getByRole('button', { name: '中文' }).click();
    await page.close();
    const chinese = await beforeModules(browser, async (page) => {
      const first = await firstPaint(page);
      assert.equal(first.lang, 'zh-CN');
      assert.equal(first.pending, false);
      assert.ok(first.seen.includes('文本'), 'the Chinese static text is seen at once');
      assert.notEqual(first.placeholder, TRANSPARENT);
      assert.deepEqual(first.pressed, ['zh-CN']);
    });
    assert.equal(await chinese.textContent('#input-title'), '文本');
    // And English again, chosen: hidden until written.
    await chinese.getByRole('button', { name: 'English' }).click();
    await chinese.close();
    (await beforeModules(browser, async (page) => {
      const first = await firstPaint(page);
      assert.equal(first.lang, 'en');
      assert.equal(first.pending, true);
    })).close();
  });
});

describe('a browser set to English', () => {
  /** A fresh page for the test `t` in a browser set to English. */
  const englishPage = (t) => session.page(t, { locale: 'en-US' });

  test('gets the English page', async (t) => {
    const page = await englishPage(t);
    const facts = await pageFacts(page);
    assert.equal(facts.lang, 'en');
    assert.equal(facts.title, en['page.title']);
    assert.equal(facts.analyze, 'Analyse');
    assert.equal(facts.open, 'Open file…');
    assert.equal(facts.inputTitle, 'Text');
    assert.equal(facts.keywordsTitle, 'Keywords');
    assert.equal(facts.frequencyTitle, 'Word frequencies');
    assert.equal(facts.placeholder, 'Paste Chinese text here…');
    assert.match(facts.chartLabel, /^Keywords \(TF-IDF\), \d+ in all$/);
    assert.equal(facts.chartNote, en['keywords.tfidfNote']);
    assert.ok(facts.counts.includes('Words') && facts.counts.includes('Sentences'), facts.counts.join());
    assert.ok(facts.posNames.includes('noun'), `POS names: ${facts.posNames.slice(0, 10)}`);
    for (const name of facts.posNames) assert.doesNotMatch(name, HAN, name);
    assert.equal(facts.posFilter, 'All parts of speech');
    assert.deepEqual(facts.columns, ['Word', 'Count', 'Per 10,000', 'POS']);
    assert.equal(facts.export, 'Export all results (JSON)');
    assert.equal(facts.pressed, 'en');
    // The headings and the buttons of the whole page: none left in Chinese.
    const chinese = await page.$$eval('h2, h3, h4, button, label, legend, th, summary, .hint, caption, option', (elements) => elements
      .filter((element) => (element.getClientRects().length > 0 || element.matches('caption, option')) && !element.closest('[data-word], .word-link, .entity, tbody th, #compare select, .sections-speaker'))
      .map((element) => element.textContent.trim())
      .filter((text) => /[\u4e00-\u9fff]/.test(text) && !/^(中文|词眼)/.test(text)));
    assert.deepEqual(chinese.filter((text) => !text.startsWith('词眼')), [], 'Chinese labels on the English page');
  });

  test('the word card speaks English', async (t) => {
    const page = await englishPage(t);
    await selectFirstKeyword(page);
    const word = (await chartWords(page))[0];
    assert.match(await page.textContent('#concordance .kwic-summary'), /^\d+ lines/);
    assert.equal(await page.textContent('#concordance th.kwic-left'), 'Left context');
    assert.match(await page.textContent('#collocates .collocates-summary'), new RegExp(`^Collocates of “${word}”`));
    assert.match(await page.textContent('#word-info .word-info-count'), /times, .* per 10,000 words/);
    await page.waitForSelector('#dispersion svg');
    assert.match(await page.locator('#dispersion svg').first().getAttribute('aria-label'), /^Dispersion chart: /);
  });

  test('an error code becomes the English sentence', async (t) => {
    const page = await englishPage(t);
    await page.fill('#text', '');
    await page.click('#analyze');
    await page.waitForFunction(() => document.getElementById('error').textContent !== '');
    assert.equal(await page.textContent('#error'), en['error.empty-text']);
    await analysed(page, () => page.click('#load-sample'));
  });

  test('the switch turns the page to Chinese at once, and the choice outlives a reload', async (t) => {
    const page = await englishPage(t);
    await selectFirstKeyword(page);
    const chart = await chartWords(page);
    await page.getByRole('button', { name: '中文' }).click();
    let facts = await pageFacts(page);
    assert.equal(facts.lang, 'zh-CN');
    assert.equal(facts.title, zhCN['page.title']);
    assert.equal(facts.analyze, '分析');
    assert.equal(facts.keywordsTitle, '关键词');
    assert.match(facts.chartLabel, /^关键词（TF-IDF），共 \d+ 个$/);
    assert.ok(facts.posNames.includes('名词'));
    assert.deepEqual(facts.columns, ['词语', '次数', '每万词', '词性']);
    assert.equal(facts.pressed, 'zh-CN');
    assert.deepEqual(await chartWords(page), chart, 'the same analysis, redrawn');
    assert.match(await page.textContent('#concordance .kwic-summary'), /^共 \d+ 处/);
    assert.equal(await page.textContent('#concordance th.kwic-left'), '左侧上下文');
    assert.match(await page.textContent('#status'), /^分析完成/);
    assert.equal(await page.evaluate(() => localStorage.getItem('ciyan-locale')), 'zh-CN');

    await page.reload();
    await resultsAfter(page, 0);
    facts = await pageFacts(page);
    assert.equal(facts.lang, 'zh-CN', 'the choice, not the browser’s English');
    assert.equal(facts.analyze, '分析');
    assert.ok(facts.posNames.includes('名词'));

    // And back: English again.
    await page.getByRole('button', { name: 'English' }).click();
    facts = await pageFacts(page);
    assert.equal(facts.lang, 'en');
    assert.equal(facts.keywordsTitle, 'Keywords');
    assert.ok(facts.posNames.includes('noun'));
  });

  test('a message on screen is said again in the language switched to', async (t) => {
    // The dictionary held back: the first analysis is certainly running when 取消 is clicked.
    const { context } = await profile(t, 'en-US');
    const held = await holdRequests(context, '**/pkg/ciyan.dict');
    const page = await session.open({ context, waitForResults: false });
    const zh = () => page.getByRole('button', { name: '中文' }).click();
    const english = () => page.getByRole('button', { name: 'English' }).click();
    // Cancelled, once the analysis waits for the dictionary in the worker.
    await held.requested;
    await page.waitForFunction((loading) => document.getElementById('status').textContent === loading, en['status.loading']);
    await zh();
    await page.click('#cancel');
    await page.waitForFunction(() => document.getElementById('status').dataset.state === 'cancelled');
    assert.equal(await page.textContent('#status'), zhCN['status.cancelled']);
    await english();
    assert.equal(await page.textContent('#status'), en['status.cancelled']);
    held.release();

    // An error of the core, by its code.
    await zh();
    await page.fill('#text', '');
    await page.click('#analyze');
    assert.equal(await alertText(page), zhCN['error.empty-text']);
    await english();
    assert.equal(await page.textContent('#error'), en['error.empty-text']);

    // A file refused: the sentence around the core's.
    await zh();
    await dropFile(page, 'binary.bin', [await fixture('binary.bin')]);
    await page.waitForFunction(() => document.getElementById('error').textContent.startsWith('无法打开'));
    assert.equal(await page.textContent('#error'), zhCN['file.cannotOpen']('binary.bin', zhCN['error.binary']));
    await english();
    assert.equal(await page.textContent('#error'), en['file.cannotOpen']('binary.bin', en['error.binary']));

    // The time an analysis took, in Chinese, then in English.
    await zh();
    await analysed(page, () => page.click('#load-sample'));
    assert.match(await page.textContent('#status'), /^分析完成/);
    await english();
    assert.match(await page.textContent('#status'), /^Analysed in /);
    assert.equal(await page.textContent('#error'), '');
  });

});

describe('a browser set to Chinese', () => {
  test('gets the Chinese page', async (t) => {
    const page = await session.page(t, { locale: 'zh-CN' });
    const facts = await pageFacts(page);
    assert.equal(facts.lang, 'zh-CN');
    assert.equal(facts.title, '词眼 Ciyan · 离线中文文本分析');
    assert.equal(facts.analyze, '分析');
    assert.equal(facts.inputTitle, '文本');
    assert.equal(facts.keywordsTitle, '关键词');
    assert.match(facts.chartLabel, /^关键词（TF-IDF），共 \d+ 个$/);
    assert.ok(facts.counts.includes('词数'));
    assert.ok(facts.posNames.includes('名词'));
    assert.equal(facts.posFilter, '全部词性');
    assert.equal(facts.pressed, 'zh-CN');
    assert.equal(await page.evaluate(() => localStorage.getItem('ciyan-locale')), null, 'nothing stored without a choice');
  });

});

test('no errors in the pages, in either language', () => assertClean(assert, session));
