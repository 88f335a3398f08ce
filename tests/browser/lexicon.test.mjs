// 「我的词典与停用词」 on the sample: words added to the user dictionary are
// cut whole (and apart again once removed), from the panel and from a
// selection in the concordance; stopwords added from the selected word's
// panel leave the keywords; the base list and the classical function words
// change the word table; the settings survive a reload, travel as a file to
// a fresh profile, and a bad dictionary file is refused in plain words.
// Each test starts from a profile of its own and gives it the settings it
// needs (useSettings), so that no test stands on what another one did.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  analysed, assertClean, chartWords, downloaded, resultCount, resultsAfter, routeTestWorker, start, tableCount, tableRows,
} from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

/** The settings of the tests that need some: 一带一路 a word, 王毅 a stopword. */
const WORD_AND_STOPWORD = { userWords: [{ word: '一带一路', tag: 'n' }], stopwords: { base: 'iso', classical: false, added: ['王毅'], removed: [] } };

/**
 * Gives the page's profile `settings` ({userWords, stopwords}) as a
 * settings file would (through the page's own settings module), and waits
 * for the analysis that follows.
 */
async function useSettings(on, settings) {
  const file = JSON.stringify({ format: 'ciyan-settings', version: 1, ...settings });
  await analysed(on, () => on.evaluate(async (text) => (await import('/js/settings.js')).importSettingsFile(text), file));
  await on.waitForFunction((n) => document.querySelectorAll('#userdict-list li').length === n, settings.userWords?.length ?? 0);
}

/** The keywords of the sample with the default settings (a profile of its own). */
async function defaultKeywords(t) {
  return chartWords(await session.page(t));
}

/** The first words of the word table, most frequent first. */
const topWords = (on, n = 5) => on.$$eval('#frequency-table tbody td.col-word', (cells, count) => cells.slice(0, count).map((c) => c.textContent), n);

const listedUserWords = (on) => on.$$eval('#userdict-list li .lexicon-word', (items) => items.map((item) => item.textContent));
const addedStopwords = (on) => on.$$eval('#stopwords-added li span', (items) => items.map((item) => item.textContent));
const selectWord = (on, word) => on.evaluate((w) => { location.hash = `#w=${encodeURIComponent(w)}`; }, word);

/** Waits for the selected word's panel to show `word` with its buttons; resolves with their labels. */
async function wordActions(on, word) {
  await on.waitForFunction((w) => document.querySelector('#word-info .word-info-word')?.textContent === w
    && document.querySelectorAll('#word-info .word-action').length === 2, word);
  return on.$$eval('#word-info .word-action', (buttons) => buttons.map((b) => b.textContent));
}

/** Clicks `selector` and resolves with the downloaded file's name and text. */
const download = (on, selector) => downloaded(on, () => on.click(selector));

/** Gives the file input `selector` a file made of `text`. */
const chooseFile = (on, selector, name, text, mimeType = 'text/plain') =>
  on.setInputFiles(selector, { name, mimeType, buffer: Buffer.from(text) });


test('before: 一带一路 and 人类命运共同体 are cut apart', async (t) => {
  const page = await session.page(t);
  assert.equal(await tableCount(page, '一带一路'), null);
  assert.equal(await tableCount(page, '人类命运共同体'), null);
  assert.ok(await tableCount(page, '一带') > 0 || await tableCount(page, '一路') > 0, 'its parts are words');
  assert.equal(await page.textContent('#userdict-title'), '我的词典 （0 个词）');
  assert.match(await page.textContent('#stopwords-title'), /当前 \d{3} 个/);
});

test('a word added in the panel is cut as one word, at once', async (t) => {
  const page = await session.page(t);
  await page.fill('#userdict-word', '一带一路');
  await analysed(page, () => page.press('#userdict-word', 'Enter'));
  assert.equal(await tableCount(page, '一带一路'), 12);
  assert.deepEqual(await listedUserWords(page), ['一带一路']);
  assert.equal(await page.$eval('#userdict-list li select', (select) => select.value), 'n', 'tag n by default');
  assert.equal(await page.inputValue('#userdict-word'), '', 'the field is emptied for the next word');
  assert.ok((await chartWords(page)).includes('一带一路'), 'a keyword now');
});

test('characters selected in a concordance line are added as one word', async (t) => {
  const page = await session.page(t, { hash: `#w=${encodeURIComponent('人类')}` });
  await useSettings(page, { userWords: [{ word: '一带一路', tag: 'n' }] });
  await page.waitForFunction(() => document.querySelector('#concordance')?.dataset.state === 'ready'
    && document.querySelector('#concordance')?.dataset.term === '人类');
  // From the node (人类) into the right context: 人类命运共同体, across two cells of one line.
  const selected = await page.evaluate(() => {
    const row = [...document.querySelectorAll('#concordance tbody tr[data-index]')]
      .find((tr) => tr.querySelector('.kwic-right').textContent.startsWith('命运共同体'));
    const walker = document.createTreeWalker(row.querySelector('.kwic-right'), NodeFilter.SHOW_TEXT);
    let left = '命运共同体'.length;
    let node = walker.nextNode();
    while (node.textContent.length < left) {
      left -= node.textContent.length;
      node = walker.nextNode();
    }
    const range = document.createRange();
    range.setStart(row.querySelector('.kwic-open').firstChild, 0);
    range.setEnd(node, left);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return getSelection().toString();
  });
  assert.match(selected, /^人类\s*命运共同体$/);
  const offer = page.locator('#concordance .kwic-status .add-selection');
  await offer.waitFor({ state: 'visible' });
  assert.equal(await offer.textContent(), '加为一个词「人类命运共同体」');
  // Reached with the keyboard too: it is a button.
  await offer.focus();
  await analysed(page, () => page.keyboard.press('Enter'));
  assert.equal(await tableCount(page, '人类命运共同体'), 9);
  assert.deepEqual(await listedUserWords(page), ['人类命运共同体', '一带一路']);
  assert.ok(await offer.isHidden(), 'the offer goes with the selection');
});

test('the reader offers characters selected in it too', async (t) => {
  const page = await session.page(t, { hash: `#w=${encodeURIComponent('人类')}` });
  await page.waitForFunction(() => document.querySelector('#concordance')?.dataset.state === 'ready');
  await page.locator('#concordance tbody tr[data-index="0"] .kwic-open').click();
  await page.waitForSelector('dialog.reader[open] mark.is-current');
  const selected = await page.evaluate(() => {
    const mark = document.querySelector('dialog.reader[open] mark.is-current');
    const after = mark.nextSibling; // the text after the occurrence
    const range = document.createRange();
    range.setStart(mark.firstChild, 0);
    range.setEnd(after, 2);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return getSelection().toString();
  });
  const offer = page.locator('dialog.reader[open] .add-selection');
  await offer.waitFor({ state: 'visible' });
  assert.equal(await offer.textContent(), `加为一个词「${selected}」`);
  // A selection that runs over a line break is no word.
  await page.evaluate(() => {
    const text = document.querySelector('dialog.reader[open] .reader-text');
    const range = document.createRange();
    range.selectNodeContents(text);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await offer.waitFor({ state: 'hidden' });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog.reader[open]'));
});

test('a word removed from the dictionary is cut apart again', async (t) => {
  const page = await session.page(t);
  await useSettings(page, { userWords: [{ word: '一带一路', tag: 'n' }, { word: '人类命运共同体', tag: 'n' }] });
  assert.equal(await tableCount(page, '人类命运共同体'), 9);
  await analysed(page, () => page.click('#userdict-list li[data-item="人类命运共同体"] .lexicon-remove'));
  assert.equal(await tableCount(page, '人类命运共同体'), null);
  assert.equal(await tableCount(page, '一带一路'), 12, 'the other word stays');
  assert.deepEqual(await listedUserWords(page), ['一带一路']);
  assert.equal(await page.textContent('#userdict-title'), '我的词典 （1 个词）');
});

test('王毅 made a stopword from the selected word leaves the keywords', async (t) => {
  const page = await session.page(t);
  assert.ok((await chartWords(page)).includes('王毅'), '王毅 is a keyword');
  await selectWord(page, '王毅');
  assert.deepEqual(await wordActions(page, '王毅'), ['加入停用词', '加入词典']);
  await page.focus('#word-info [data-action="stopword"]');
  await analysed(page, () => page.keyboard.press('Enter'));
  assert.deepEqual(await wordActions(page, '王毅'), ['移出停用词', '加入词典']);
  assert.equal(await page.$eval('#word-info [data-action="stopword"]', (b) => b === document.activeElement), true, 'the focus stays on the button');
  assert.ok(!(await chartWords(page)).includes('王毅'), 'no longer a keyword');
  assert.equal(await tableCount(page, '王毅'), null, 'nor in the word table');
  assert.deepEqual(await addedStopwords(page), ['王毅']);
});

test('the base list: none lets 的 in; the classical function words take it out again', async (t) => {
  const page = await session.page(t);
  await useSettings(page, WORD_AND_STOPWORD);
  const count = await resultCount(page);
  await page.selectOption('#stopword-base', 'none');
  await resultsAfter(page, count);
  assert.equal((await topWords(page, 1))[0], '的');
  await page.waitForFunction(() => /当前 1 个/.test(document.getElementById('stopwords-title').textContent));

  // Ticked from the keyboard: a click would land where the box was a moment
  // ago if the panel above it is still growing with the new list.
  const toggleClassical = async () => {
    await page.focus('#stopword-classical');
    await page.keyboard.press('Space');
  };
  await analysed(page, toggleClassical);
  assert.equal(await page.isChecked('#stopword-classical'), true);
  const top = await topWords(page, 10);
  assert.ok(!top.includes('的') && !top.includes('了'), `the classical list has 的 and 了: ${top}`);
  await page.waitForFunction(() => Number(document.getElementById('stopwords-title').textContent.match(/当前 (\d+) 个/)?.[1]) > 100);

  await page.click('#stopwords-all summary');
  await page.waitForFunction(() => document.querySelector('#stopwords-all .lexicon-all-words').textContent.includes('曰'));

  await analysed(page, toggleClassical);
  assert.equal(await page.isChecked('#stopword-classical'), false);
  await analysed(page, () => page.selectOption('#stopword-base', 'iso'));
  assert.notEqual((await topWords(page, 1))[0], '的');
  assert.ok(!(await chartWords(page)).includes('王毅'), 'the words the user added stay');
});

test('the settings survive a reload', async (t) => {
  const page = await session.page(t);
  await useSettings(page, WORD_AND_STOPWORD);
  const keywords = await chartWords(page);
  await page.reload();
  await resultsAfter(page, 0);
  assert.deepEqual(await listedUserWords(page), ['一带一路']);
  assert.deepEqual(await addedStopwords(page), ['王毅']);
  assert.equal(await tableCount(page, '一带一路'), 12, 'the first cut after the reload has the word');
  assert.deepEqual(await chartWords(page), keywords);
});

test('another tab of the page follows a change at once', async (t) => {
  const page = await session.page(t);
  await useSettings(page, WORD_AND_STOPWORD);
  const other = await session.open({ context: page.context() });
  assert.equal(await tableCount(other, '一带一路'), 12);
  await analysed(other, () => page.fill('#stopword-word', '记者').then(() => page.press('#stopword-word', 'Enter')));
  assert.deepEqual(await addedStopwords(other), ['王毅', '记者']);
  assert.equal(await tableCount(other, '记者'), null);
  await analysed(other, () => page.click('#stopwords-added li[data-item="记者"] .lexicon-remove'));
  assert.ok(await tableCount(other, '记者') > 0);
});

test('a worker that crashed is replaced with the user\'s words and stopwords', async (t) => {
  const context = await session.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close().catch(() => {}));
  const trap = '【测试：让分析器崩溃】';
  await routeTestWorker(context, { trapOn: trap });
  const page = await session.open({ context });
  await useSettings(page, WORD_AND_STOPWORD);
  const sample = await page.inputValue('#text');
  await page.fill('#text', `${sample}${trap}`);
  await page.click('#analyze');
  await page.waitForFunction(() => /分析器出错并已重新启动/.test(document.querySelector('[role="alert"]').textContent));
  await page.fill('#text', sample);
  await analysed(page, () => page.click('#analyze'));
  assert.equal(await tableCount(page, '一带一路'), 12);
  assert.ok(!(await chartWords(page)).includes('王毅'));
});

test('the dictionary and the stopwords export as files', async (t) => {
  const page = await session.page(t);
  await useSettings(page, WORD_AND_STOPWORD);
  const dictionary = await download(page, '#userdict-export');
  assert.equal(dictionary.name, 'ciyan-userdict.txt');
  assert.equal(dictionary.text, '一带一路 n\n');
  const stopwords = await download(page, '#stopwords-export');
  assert.equal(stopwords.name, 'ciyan-stopwords.txt');
  const words = stopwords.text.trim().split('\n');
  assert.ok(words.includes('王毅') && words.includes('的') && words.length > 700, `${words.length} stopwords`);
});

test('the settings file gives a fresh profile the same keywords', async (t) => {
  const page = await session.page(t);
  await useSettings(page, WORD_AND_STOPWORD);
  const file = await download(page, '#settings-export');
  assert.equal(file.name, 'ciyan-settings.json');
  const settings = JSON.parse(file.text);
  assert.equal(settings.format, 'ciyan-settings');
  assert.equal(settings.version, 1);
  assert.deepEqual(settings.userWords, [{ word: '一带一路', tag: 'n' }]);
  assert.deepEqual(settings.stopwords, { base: 'iso', classical: false, added: ['王毅'], removed: [] });

  const fresh = await session.page(t);
  assert.notDeepEqual(await chartWords(fresh), await chartWords(page), 'a fresh profile has the defaults');
  await analysed(fresh, () => chooseFile(fresh, '#settings-file', 'ciyan-settings.json', file.text, 'application/json'));
  assert.deepEqual(await chartWords(fresh), await chartWords(page));
  assert.deepEqual(await listedUserWords(fresh), ['一带一路']);
  assert.match(await fresh.textContent('.lexicon-whole .lexicon-message'), /已导入「ciyan-settings\.json」/);

  // Not a settings file: said, and nothing changes.
  await chooseFile(fresh, '#settings-file', 'notes.json', '{"hello": 1}', 'application/json');
  await fresh.waitForFunction(() => /不是词眼的设置文件/.test(document.querySelector('.lexicon-whole .lexicon-message').textContent));
  assert.deepEqual(await listedUserWords(fresh), ['一带一路']);
});

test('a bad user-dictionary file is refused in plain words', async (t) => {
  const page = await session.page(t);
  await useSettings(page, { userWords: [{ word: '一带一路', tag: 'n' }] });
  await chooseFile(page, '#userdict-file', 'mine.txt', '数字人民币 5 n\n新质 生产力 很 多\n');
  const message = page.locator('#userdict-title ~ .lexicon-message');
  await message.filter({ hasText: /无法导入/ }).waitFor();
  const text = await message.textContent();
  assert.match(text, /^无法导入「mine\.txt」：用户词典第 2 行「新质 生产力 很 多」有误：一行只能有词语、词频、词性三项/);
  assert.equal(await message.getAttribute('role'), 'alert');
  assert.deepEqual(await listedUserWords(page), ['一带一路'], 'nothing was added');

  // A good one is added.
  await analysed(page, () => chooseFile(page, '#userdict-file', 'mine.txt', '\uFEFF# 我的词\n数字人民币 5 n\n新质生产力\n'));
  assert.deepEqual(await listedUserWords(page), ['新质生产力', '数字人民币', '一带一路']);
  assert.match(await message.textContent(), /导入了 2 个词/);
});

test('reset: everything back to the defaults, after a second click', async (t) => {
  const defaults = await defaultKeywords(t);
  const page = await session.page(t);
  await useSettings(page, WORD_AND_STOPWORD);
  assert.notDeepEqual(await chartWords(page), defaults);
  await page.click('#settings-reset');
  assert.equal(await page.textContent('#settings-reset'), '确定全部恢复默认？');
  await analysed(page, () => page.click('#settings-reset'));
  assert.deepEqual(await listedUserWords(page), []);
  assert.deepEqual(await addedStopwords(page), []);
  assert.deepEqual(await chartWords(page), defaults);
});

test('the panel fits a desktop and a phone without sideways scrolling', async (t) => {
  const page = await session.page(t);
  await useSettings(page, {
    userWords: [{ word: '一带一路', tag: 'n' }, { word: '人类命运共同体', tag: 'nz' }],
    stopwords: { base: 'iso', classical: false, added: ['记者'], removed: [] },
  });
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    await page.locator('#lexicon-card').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => /当前 \d+ 个/.test(document.getElementById('stopwords-title').textContent));
    const layout = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: innerWidth }));
    assert.ok(layout.scrollWidth <= layout.width, `${name}: no sideways scrolling (${layout.scrollWidth} > ${layout.width})`);
  }
});

test('without storage the settings live in memory, and the page says so', async (t) => {
  const context = await session.newContext();
  t.after(() => context.close().catch(() => {}));
  await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
  const memory = await session.open({ context });
  assert.equal(await memory.$eval('.lexicon-unsaved', (p) => p.hidden), false, 'the panel says so');
  await memory.fill('#userdict-word', '一带一路');
  await analysed(memory, () => memory.press('#userdict-word', 'Enter'));
  assert.equal(await tableCount(memory, '一带一路'), 12, 'the word works all the same');
  assert.match(await memory.textContent('#status'), /^分析完成.*这个浏览器不能保存设置/);
  await analysed(memory, () => memory.click('#userdict-list li .lexicon-remove'));
  assert.doesNotMatch(await memory.textContent('#status'), /不能保存/, 'said once');
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
