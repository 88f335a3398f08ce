// Screenshots for a person to look at (make screenshots), saved to
// tests/browser/artifacts/: the page at desktop and phone sizes, light and
// dark, and each card in the states worth seeing. Nothing here is checked
// but that the state was reached: the layout checks are browser tests
// (tests/browser/), and `make test` takes no pictures.

import { after, before, test } from 'node:test';
import {
  analysed, analyseText, artifactPath, dropFile, dropFiles, fixture, holdRequests, resultCount, resultsAfter, start,
} from '../browser/harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

const SIZES = [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]];
const SCHEMES = ['light', 'dark'];
const word = (w) => `#w=${encodeURIComponent(w)}`;

/** Saves a screenshot of `selector` (the whole page for null) as `name`. */
async function shot(page, selector, name, options = {}) {
  const path = await artifactPath(name);
  if (selector) await page.locator(selector).screenshot({ path, ...options });
  else await page.screenshot({ path, ...options });
}

/** Unfolds the input card (it folds after an analysis on a phone). */
async function unfold(page) {
  if (await page.$('.input-card.is-folded')) await page.click('.input-summary-edit');
}

for (const [name, viewport] of SIZES) {
  for (const colorScheme of SCHEMES) {
    test(`the page, ${name} ${colorScheme}`, async (t) => {
      const page = await session.page(t, { viewport, colorScheme });
      await page.waitForSelector('#word-cloud-box ol.cloud-words li', { state: 'attached' });
      await shot(page, null, `ciyan-${name}-${colorScheme}.png`, { fullPage: true });
      await shot(page, null, `ciyan-${name}-${colorScheme}-fold.png`);
    });

    test(`the input card with a file, and while analysing, ${name} ${colorScheme}`, async (t) => {
      const page = await session.page(t, { viewport, colorScheme });
      // A GB18030 file read as Big5: the encoding, the select and the replacement note.
      await analysed(page, async () => dropFile(page, 'gb18030.txt', [await fixture('gb18030.txt')]));
      await unfold(page);
      await analysed(page, () => page.selectOption('#encoding', 'Big5'));
      await unfold(page);
      await shot(page, '.input-card', `ciyan-${name}-${colorScheme}-file.png`);

      // An analysis held at the dictionary: 取消 shows.
      const context = await session.newContext({ serviceWorkers: 'block' });
      t.after(() => context.close().catch(() => {}));
      const held = await holdRequests(context, '**/pkg/ciyan.dict');
      const busy = await session.open({ context, viewport, colorScheme, waitForResults: false });
      await held.requested;
      await busy.locator('#cancel').waitFor({ state: 'visible' });
      await busy.waitForFunction(() => getComputedStyle(document.getElementById('cancel')).visibility === 'visible');
      await shot(busy, '.input-card', `ciyan-${name}-${colorScheme}-cancel.png`, { animations: 'disabled' });
      held.release();
    });

    test(`the word card with a word selected, ${name} ${colorScheme}`, async (t) => {
      const page = await session.page(t, { viewport, colorScheme, hash: word('中国') });
      await page.locator('#phrases').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelectorAll('#dispersion svg .barcode-row').length === 1
        && document.querySelectorAll('#collocates tbody .word-link').length > 0
        && document.querySelectorAll('#phrases .phrase-list li').length > 0);
      for (const other of ['发展', '世界']) {
        await page.fill('#dispersion-compare', other);
        await page.press('#dispersion-compare', 'Enter');
        await page.waitForFunction((w) => [...document.querySelectorAll('#dispersion .dispersion-table .word-link')].some((b) => b.textContent === w), other);
      }
      const prefix = `word-views-${name}-${colorScheme}`;
      await shot(page, '#word-card', `${prefix}-word.png`);
      await shot(page, '.word-view:has(#dispersion)', `${prefix}-dispersion.png`);
      await shot(page, '.word-view:has(#collocates)', `${prefix}-collocates.png`);
      await page.locator('#new-words-title').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => !/滚动到这里|正在/.test(document.querySelector('.new-words-summary')?.textContent ?? ''));
      await shot(page, '.phrases-card', `${prefix}-phrases.png`);
    });

    test(`the concordance and its reader, ${name} ${colorScheme}`, async (t) => {
      const page = await session.page(t, { viewport, colorScheme, hash: word('合作') });
      await page.waitForSelector('#concordance[data-state="ready"][data-term="合作"]');
      await page.locator('#concordance').scrollIntoViewIfNeeded();
      await shot(page, '#word-card', `concordance-${name}-${colorScheme}.png`);
      await page.click('#concordance tbody tr[data-index="3"] .kwic-open');
      await page.waitForFunction(() => document.querySelector('#concordance dialog.reader').open);
      await shot(page, null, `concordance-${name}-${colorScheme}-reader.png`);
    });

    test(`the names and the new words, ${name} ${colorScheme}`, async (t) => {
      const page = await session.page(t, { viewport, colorScheme });
      await page.click('#places .entity[data-name="台湾"] .entity-menu-toggle');
      await page.$eval('#set-aside', (details) => { details.open = true; });
      await page.locator('#new-words').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelectorAll('#new-words tbody tr').length > 0);
      const prefix = `names-${name}-${colorScheme}`;
      await shot(page, 'section:has(#entities)', `${prefix}-entities.png`);
      await shot(page, '.new-words-card', `${prefix}-new-words.png`);
    });

    test(`the network, ${name} ${colorScheme}`, async (t) => {
      const page = await session.page(t, { viewport, colorScheme });
      await page.locator('#network-card').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => !document.getElementById('network').classList.contains('is-loading')
        && document.querySelectorAll('#network svg .network-node').length > 0);
      await shot(page, '#network-card', `charts-network-${name}${colorScheme === 'dark' ? '-dark' : ''}.png`);
    });
  }

  test(`the structure and compare cards by speaker, ${name}`, async (t) => {
    const page = await session.page(t, { viewport });
    await page.waitForSelector('#sections[data-state="ready"]');
    let before = await resultCount(page);
    await page.click('#sections button[data-kind="speaker"]');
    await resultsAfter(page, before);
    await page.waitForSelector('#compare[data-state="ready"]');
    const wang = await page.$eval('#sections .sections-speaker', (select) => [...select.options].find((o) => o.textContent.startsWith('王毅（')).value);
    before = await resultCount(page);
    await page.selectOption('#sections .sections-speaker', wang);
    await resultsAfter(page, before);
    await page.locator('#sections-card').scrollIntoViewIfNeeded();
    await shot(page, null, `sections-${name}-viewport.png`);
    await shot(page, '#sections-card', `sections-${name}.png`);
    await shot(page, '#compare-card', `compare-${name}.png`);
    if (name === 'desktop') {
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot(page, '#sections-card', 'sections-desktop-dark.png');
      await shot(page, '#compare-card', 'compare-desktop-dark.png');
    }
  });

  test(`the trends of three chapters and of 120, ${name}`, async (t) => {
    const page = await session.page(t, { viewport });
    const chapters = ['宝玉在花园里读书。黛玉也喜欢读书。', '凤姐在府里管家。宝玉去看凤姐。', '黛玉在潇湘馆里写诗。宝钗也来写诗。'];
    await analyseText(page, chapters.map((body, i) => `第${'一二三'[i]}回\n${body.repeat(6)}`).join('\n'));
    await page.click('#sections button[data-kind="chapter"]');
    await page.locator('#trends-card').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('#trends .heat-grid .heat-cell').length > 0);
    await shot(page, '#trends-card', `charts-trends-${name}.png`);
    await analyseText(page, Array.from({ length: 120 }, (_, i) => `第${i + 1}节\n${chapters[i % 3]}${i % 10 === 0 ? '袭人来了。' : ''}`).join('\n'));
    await page.locator('#trends-card').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('#trends .heat-grid .heat-row:first-child rect').length >= 120);
    await shot(page, '#trends-card', `charts-trends-120-${name}.png`);
  });

  test(`the repair card, the corpus and the lexicon panel, ${name}`, async (t) => {
    const size = viewport.width;
    const page = await session.page(t, { viewport });
    await page.click('#repair-card .repair-toggle');
    await page.waitForSelector('#repair-card .repair-item');
    await shot(page, '#repair-card', `repair-${size}.png`);
    await page.locator('#lexicon-card').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => /当前 \d+ 个/.test(document.getElementById('stopwords-title').textContent));
    await shot(page, '#lexicon-card', `lexicon-${name}.png`);
    await analysed(page, async () => dropFiles(page, [
      { name: 'a.txt', parts: ['人工智能正在改变芯片产业。'] }, { name: 'b.txt', parts: ['龙井茶产于杭州西湖。'] },
      { name: 'c.txt', parts: [await fixture('gb18030.txt')] },
    ]));
    await unfold(page);
    await shot(page, '.input-card', `corpus-${size}.png`);
  });

  for (const [language, locale] of [['zh', 'zh-CN'], ['en', 'en-US']]) {
    test(`the page in ${language}, ${name}`, async (t) => {
      const size = viewport.width;
      const page = await session.page(t, { viewport, locale });
      await page.locator('#keyword-chart .bar-row').first().click();
      await page.waitForSelector('#concordance[data-state="ready"]');
      await page.waitForFunction(() => document.querySelector('#collocates .collocates-summary')?.textContent !== '');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, null, `i18n-${language}-${size}.png`);
      await page.locator('#keywords-title').scrollIntoViewIfNeeded();
      await shot(page, null, `i18n-${language}-${size}-results.png`);
      for (const part of ['word-info', 'concordance', 'dispersion', 'collocates', 'sections-card', 'entities']) {
        await shot(page, `#${part}`, `i18n-${language}-${size}-${part}.png`);
      }
      await shot(page, '.frequency-card', `i18n-${language}-${size}-frequency.png`);
    });
  }
}

test('the results first: folded and unfolded on a phone, 50 keywords, the search mode and the help texts on a desktop', async (t) => {
  const phone = await session.page(t, { viewport: { width: 390, height: 844 } });
  await shot(phone, null, 'layout-390.png');
  await phone.click('.input-summary-edit');
  await shot(phone, null, 'layout-390-unfolded.png');
  await analysed(phone, () => phone.click('.segmented label:has(input[value="search"])'));
  await shot(phone, null, 'layout-390-search.png');
  await shot(phone, '.site-header', 'layout-390-header-zh-CN.png');

  const desktop = await session.page(t);
  await shot(desktop, null, 'layout-1280.png');
  await analysed(desktop, () => desktop.selectOption('#keyword-chart select[name="topK"]', '50'));
  await shot(desktop, null, 'layout-1280-50.png');
  await analysed(desktop, () => desktop.click('.segmented label:has(input[value="search"])'));
  await shot(desktop, null, 'layout-1280-search.png');
  await desktop.click('.counts-help summary');
  await desktop.click('.keyword-help summary');
  await shot(desktop, null, 'layout-1280-help.png');
});
