// Big and hostile settings on the page (issue 22, items 3 and 4): a user
// dictionary of 100,000 lines is imported whole, nothing lost, and the page
// keeps answering; a settings file with a 17.5-million-character stopword is
// refused, saying which entry and why, and the old settings stay; one over
// the core's file limit is refused before it is read; such a stopword
// already in the browser's storage is dropped with a note, and the page
// opens. Every file is made in the test, in the page (no 50 MB crosses the
// test's connection). The time each takes and the largest gap of a 50 ms
// timer are printed (t.diagnostic), not asserted: they depend on the
// machine (docs/limits.md has the figures).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, assertClean, resultCount, resultsAfter, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

const listedUserWords = (on) => on.$$eval('#userdict-list li .lexicon-word', (items) => items.map((item) => item.textContent));
const addedStopwords = (on) => on.$$eval('#stopwords-added li span', (items) => items.map((item) => item.textContent));
const wordMessage = '#userdict-title ~ .lexicon-message';
const wholeMessage = '.lexicon-whole .lexicon-message';

/** Gives the page the settings (through its settings module) and waits for the analysis that follows. */
async function useSettings(on, settings) {
  const file = JSON.stringify({ format: 'ciyan-settings', version: 1, ...settings });
  await analysed(on, () => on.evaluate(async (text) => (await import('/js/settings.js')).importSettingsFile(text), file));
}

/**
 * Makes a file in the page (`make` is the source of a function of no
 * arguments returning its parts) and keeps it as window.madeFile: made
 * before the timer starts, so that making it is not counted.
 */
const makeFile = (on, name, make) => on.evaluate(({ name: fileName, source }) => {
  // eslint-disable-next-line no-new-func
  const parts = new Function(`return (${source})()`)();
  window.madeFile = new File(parts, fileName, { type: 'text/plain' });
  return window.madeFile.size;
}, { name, source: make.toString() });

/** Starts a 50 ms timer on the page that records its largest gap between two ticks. */
const startGapTimer = (on) => on.evaluate(() => {
  window.gaps = { largest: 0, started: performance.now() };
  let last = performance.now();
  window.gaps.timer = setInterval(() => {
    const now = performance.now();
    window.gaps.largest = Math.max(window.gaps.largest, now - last);
    last = now;
  }, 50);
});
const stopGapTimer = (on) => on.evaluate(() => {
  clearInterval(window.gaps.timer);
  return { largest: Math.round(window.gaps.largest), seconds: (performance.now() - window.gaps.started) / 1000 };
});

/** Gives the file input `selector` the file made by makeFile, as a user's choice would. */
const chooseMadeFile = (on, selector) => on.evaluate((inputSelector) => {
  const transfer = new DataTransfer();
  transfer.items.add(window.madeFile);
  const input = document.querySelector(inputSelector);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}, selector);

const storedSettings = (on) => on.evaluate(async () => {
  const { inStore } = await import('/js/database.js');
  const record = await inStore('settings', 'readonly', (store) => store.get('current'));
  return record && { userWords: record.userWords.length, added: record.stopwords.added.map((w) => w.slice(0, 20)) };
});

test('a user dictionary of 100,000 lines is imported whole, and the page keeps answering', async (t) => {
  const page = await session.page(t);
  const size = await makeFile(page, 'big.txt', () => Array.from({ length: 100_000 }, (_, i) => `新词${i} 5 n\n`));
  const before = await resultCount(page);
  await startGapTimer(page);
  await chooseMadeFile(page, '#userdict-file');
  await page.locator(wordMessage).filter({ hasText: /导入了 100,000 个词（新词 100,000 个）/ }).waitFor();
  const imported = await stopGapTimer(page);
  await startGapTimer(page);
  await resultsAfter(page, before);
  const resegmented = await stopGapTimer(page);
  t.diagnostic(`${(size / 1e6).toFixed(1)} MB: imported in ${imported.seconds.toFixed(2)} s, largest timer gap ${imported.largest} ms; `
    + `cut again with the new words in ${resegmented.seconds.toFixed(2)} s, largest gap ${resegmented.largest} ms`);

  assert.match(await page.textContent('#userdict-title'), /100,000 个词/);
  const [, shown] = (await page.textContent('.lexicon-more')).match(/只列出最近加入的 (\d+) 个（共 100,000 个）/);
  const listed = await listedUserWords(page);
  assert.equal(listed.length, Number(shown), 'a row for each listed word, not for every word');
  assert.ok(listed.length <= 200);
  assert.equal(listed[0], '新词99999', 'the newest first');
  assert.equal((await storedSettings(page)).userWords, 100_000, 'every word is stored');

  // Nothing lost across a reload.
  await page.reload();
  await resultsAfter(page, 0);
  assert.match(await page.textContent('#userdict-title'), /100,000 个词/);
});

test('the same 100,000 words in a settings file are imported whole, and the page keeps answering', async (t) => {
  const page = await session.page(t);
  const size = await makeFile(page, 'words.json', () => [JSON.stringify({
    format: 'ciyan-settings', version: 1, userWords: Array.from({ length: 100_000 }, (_, i) => ({ word: `新词${i}`, freq: 5, tag: 'n' })),
  }, null, 2)]);
  await startGapTimer(page);
  await chooseMadeFile(page, '#settings-file');
  await page.locator(wholeMessage).filter({ hasText: /已导入/ }).waitFor();
  const imported = await stopGapTimer(page);
  t.diagnostic(`${(size / 1e6).toFixed(1)} MB: imported in ${imported.seconds.toFixed(2)} s, largest timer gap ${imported.largest} ms`);
  assert.match(await page.textContent('#userdict-title'), /100,000 个词/);
  assert.equal((await storedSettings(page)).userWords, 100_000);
});

test('a settings file with a stopword of 17.5 million characters is refused, naming the entry; the old settings stay', async (t) => {
  const page = await session.page(t);
  await useSettings(page, { userWords: [{ word: '一带一路', tag: 'n' }], stopwords: { added: ['王毅'] } });
  const size = await makeFile(page, 'hostile.json', () => [
    '{"format": "ciyan-settings", "version": 1, "userWords": [{"word": "新词"}], "stopwords": {"added": ["记者", "',
    'a'.repeat(17_500_000), '"]}}',
  ]);
  await startGapTimer(page);
  await chooseMadeFile(page, '#settings-file');
  const message = page.locator(wholeMessage);
  await message.filter({ hasText: /太长/ }).waitFor();
  const refused = await stopGapTimer(page);
  t.diagnostic(`${(size / 1e6).toFixed(1)} MB: refused in ${refused.seconds.toFixed(2)} s, largest timer gap ${refused.largest} ms`);
  const text = await message.textContent();
  assert.match(text, /加入的停用词的第 2 项/, `which entry: ${text}`);
  assert.match(text, /「aaaaaaaaaaaa…」太长：一个词最多 64 个字/, `why: ${text}`);
  assert.ok(text.length < 300, 'the word is quoted short');
  assert.equal(await message.getAttribute('role'), 'alert');
  assert.deepEqual(await listedUserWords(page), ['一带一路']);
  assert.deepEqual(await addedStopwords(page), ['王毅']);
  assert.deepEqual(await storedSettings(page), { userWords: 1, added: ['王毅'] });
});

test('a settings file over the core\'s limit is refused before it is read', async (t) => {
  const page = await session.page(t);
  await useSettings(page, { stopwords: { added: ['王毅'] } });
  // 17.5 million Chinese characters: 52.5 MB.
  const size = await makeFile(page, 'huge.json', () => [
    '{"format": "ciyan-settings", "version": 1, "stopwords": {"added": ["', '字'.repeat(17_500_000), '"]}}',
  ]);
  await startGapTimer(page);
  await chooseMadeFile(page, '#settings-file');
  const message = page.locator(wholeMessage);
  await message.filter({ hasText: /超过/ }).waitFor();
  const refused = await stopGapTimer(page);
  t.diagnostic(`${(size / 1e6).toFixed(1)} MB: refused in ${refused.seconds.toFixed(2)} s, largest timer gap ${refused.largest} ms`);
  assert.match(await message.textContent(), /「huge\.json」有 50\.1 MiB，超过设置、词典和停用词文件的上限 32 MiB/);
  assert.deepEqual(await addedStopwords(page), ['王毅']);
});

test('a user-dictionary file with a word over the limit is refused, naming its line', async (t) => {
  const page = await session.page(t);
  await makeFile(page, 'long.txt', () => ['一带一路\n数字人民币 5 n\n', '字'.repeat(1_000_000), ' 3 n\n']);
  await chooseMadeFile(page, '#userdict-file');
  const message = page.locator(wordMessage);
  await message.filter({ hasText: /无法导入/ }).waitFor();
  assert.match(await message.textContent(), /用户词典第 3 行「字{20}…」有误：词语太长：最多 64 个字，这一行有 1,000,000 个/);
  assert.deepEqual(await listedUserWords(page), []);
});

test('a stopword file with a word over the limit is refused, naming its line', async (t) => {
  const page = await session.page(t);
  await useSettings(page, { stopwords: { added: ['王毅'] } });
  await makeFile(page, 'stop.txt', () => ['的\n', 'a'.repeat(1_000_000), '\n了\n']);
  await chooseMadeFile(page, '#stopwords-file');
  const message = page.locator('#stopwords-title ~ .lexicon-message');
  await message.filter({ hasText: /无法导入/ }).waitFor();
  assert.match(await message.textContent(), /停用词文件第 2 行「a{20}…」有误：词语太长：最多 64 个字，这一行有 1,000,000 个/);
  assert.deepEqual(await addedStopwords(page), ['王毅']);
});

test('a stored stopword of 17.5 million characters is dropped with a note, and the page opens', async (t) => {
  const page = await session.page(t);
  await useSettings(page, { userWords: [{ word: '一带一路', tag: 'n' }], stopwords: { added: ['王毅'] } });
  // What an older page let in: straight into the browser's storage.
  await page.evaluate(async () => {
    const { inStore } = await import('/js/database.js');
    const record = await inStore('settings', 'readonly', (store) => store.get('current'));
    record.stopwords.added.push('a'.repeat(17_500_000));
    await inStore('settings', 'readwrite', (store) => store.put(record, 'current'));
  });
  const started = Date.now();
  await page.reload();
  await resultsAfter(page, 0);
  t.diagnostic(`opened with the stored 17.5-million-character stopword in ${((Date.now() - started) / 1000).toFixed(2)} s`);
  const note = page.locator(wholeMessage);
  await note.filter({ hasText: /已删去/ }).waitFor();
  assert.match(await note.textContent(), /加入的停用词的第 2 项：「aaaaaaaaaaaa…」太长/);
  assert.deepEqual(await listedUserWords(page), ['一带一路']);
  assert.deepEqual(await addedStopwords(page), ['王毅']);
  assert.deepEqual(await storedSettings(page), { userWords: 1, added: ['王毅'] }, 'stored without it: the next visit is clean');
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
