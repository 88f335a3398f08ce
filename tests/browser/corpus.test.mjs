// Several files as one corpus: each decoded as a single file would be (its
// own encoding detected), joined in the order given with a blank line
// between, and divided by file ({by: 'given'}) for the views; a file that
// cannot be read is named while the others are used; an edit by hand drops
// the division.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { joinTexts, shiftSpans } from '../../www/js/corpus.js';
import { analysed, artifactPath, assertClean, dropFiles, fixture, resultsAfter, startWithPage } from './harness.mjs';

let browser;
let page;
before(async () => {
  ({ browser, page } = await startWithPage({ hash: '#test' }));
});
after(() => browser?.close());

const A = '人工智能正在改变芯片产业。芯片设计公司用人工智能优化芯片架构。';
const B = '龙井茶产于杭州西湖。杭州的茶农采摘龙井茶，炒制龙井茶需要经验。';
const YANGTZE = '长江是中国第一大河，全长六千三百多公里。';

/** UTF-16LE with a byte order mark, written out by hand. */
function utf16le(text) {
  const bytes = [0xff, 0xfe];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes.push(unit & 0xff, unit >> 8);
  }
  return bytes;
}

const division = () => page.evaluate(() => window.__ciyanStructure.division);
const fileName = () => page.textContent('#file-name');
/** Each file of the corpus as the list shows it: its name, size and decoding. */
const fileList = () => page.$$eval('#file-info .corpus-files li', (items) =>
  items.map((li) => `${li.querySelector('.corpus-file-name').textContent} ${li.querySelector('.corpus-file-detail').textContent}`));

async function dropThree() {
  const gb18030 = await fixture('gb18030.txt');
  await analysed(page, () => dropFiles(page, [
    { name: 'a.txt', parts: [[...new TextEncoder().encode(A)]] },
    { name: 'b.txt', parts: [utf16le(B)] },
    { name: 'c.txt', parts: [gb18030] },
  ]));
}

test('three files in three encodings become one text, divided by file', async () => {
  await dropThree();
  const text = await page.inputValue('#text');
  assert.ok(text.startsWith(`${A}\n\n${B}\n\n${YANGTZE}`), text.slice(0, 120));
  assert.equal(await fileName(), '3 个文件（语料库）：a.txt、b.txt、c.txt');
  const files = await fileList();
  assert.equal(files.length, 3);
  assert.match(files[0], /^a\.txt .*字节 · 按 UTF-8 解码（自动检测）$/);
  assert.match(files[1], /^b\.txt .*字节 · 按 UTF-16LE 解码（自动检测）$/);
  assert.match(files[2], /^c\.txt .* · 按 GB18030 解码（自动检测）$/i);
  assert.equal(await page.isHidden('#encoding'), true, 'no one encoding to pick for three files');
  assert.equal(await page.isHidden('#file-skipped'), true);

  const { by, sections } = await division();
  assert.equal(by, 'given');
  assert.deepEqual(sections.map((s) => s.label), ['a.txt', 'b.txt', 'c.txt']);
  // UTF-16 offsets of each file's text in the joined text.
  assert.deepEqual(sections[0], { label: 'a.txt', start: 0, end: A.length });
  assert.deepEqual(sections[1], { label: 'b.txt', start: A.length + 2, end: A.length + 2 + B.length });
  assert.equal(sections[2].start, A.length + 2 + B.length + 2);
  assert.equal(sections[2].end, text.length);
  assert.equal(text.slice(sections[1].start, sections[1].end), B);

  // The structure card (views/sections.js), when the page has one, names the files as its sections.
  if (await page.$('#sections-card')) {
    await page.waitForFunction(() => ['a.txt', 'b.txt', 'c.txt'].every((name) => document.getElementById('sections-card').textContent.includes(name)),
      null, { timeout: 10_000 });
  }
  for (const [viewport, name] of [[{ width: 1280, height: 800 }, 'corpus-1280.png'], [{ width: 390, height: 844 }, 'corpus-390.png']]) {
    await page.setViewportSize(viewport);
    await page.locator('.input-card').screenshot({ path: await artifactPath(name) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('two of the files compared: each one\'s words, a word\'s lines in its own file', async () => {
  await page.waitForSelector('#compare-card:not([hidden])');
  await page.waitForSelector('#compare[data-state="ready"]');
  assert.match(await page.$eval('#compare .compare-a', (s) => s.selectedOptions[0].textContent), /a\.txt$/);
  assert.match(await page.$eval('#compare .compare-b', (s) => s.selectedOptions[0].textContent), /b\.txt$/);
  // 龙井茶 (three times, all in b.txt) is b.txt's word.
  const tea = '#compare .compare-side[data-side="b"] .key-word[data-word="龙井茶"]';
  await page.waitForSelector(tea);
  const asideA = await page.$$eval('#compare .compare-side[data-side="a"] .key-word', (words) => words.map((w) => w.dataset.word));
  assert.ok(asideA.includes('芯片'), `a.txt's words: ${asideA}`);
  await page.click(tea);
  await page.waitForSelector('#concordance[data-state="ready"] .kwic-within:not([hidden])');
  assert.equal((await page.textContent('#concordance .kwic-within span')).trim(), '只看「b.txt」中的用法');
  assert.equal(await page.$$eval('#concordance .kwic tbody tr[data-index]', (rows) => rows.length), 3);
});

test('the saved text is the joined text, and a reload divides it by file again', async () => {
  const text = await page.inputValue('#text');
  const before = await division();
  const reloaded = await browser.open({ hash: '#test' });
  assert.equal(await reloaded.inputValue('#text'), text);
  await reloaded.waitForFunction(() => window.__ciyanStructure?.division?.by === 'given');
  assert.deepEqual(await reloaded.evaluate(() => window.__ciyanStructure.division), before);
  await reloaded.waitForFunction(() => ['a.txt', 'b.txt', 'c.txt'].every((name) => document.getElementById('sections-card').textContent.includes(name)));
  // The folded input line still names the files (their encodings are not kept: no file list).
  assert.equal(await reloaded.textContent('.input-summary-name'), '3 个文件（语料库）：a.txt、b.txt、c.txt');
  await reloaded.close();
});

test('another encoding for one file of the corpus: only that file is decoded again', async () => {
  const label = 'c.txt」的编码';
  const pick = page.getByRole('combobox', { name: `「${label}` });
  await analysed(page, () => pick.selectOption('Big5'));
  const text = await page.inputValue('#text');
  assert.ok(text.startsWith(`${A}\n\n${B}\n\n`), 'the other files as they were');
  assert.ok(!text.includes(YANGTZE), 'the third garbled');
  const { sections } = await division();
  assert.equal(sections[2].end, text.length, 'the division follows the new text');
  assert.match((await fileList())[2], /按 Big5 解码/);
  assert.equal(await pick.inputValue(), 'Big5');
  await analysed(page, () => pick.selectOption(''));
  assert.ok((await page.inputValue('#text')).includes(YANGTZE));
  assert.match((await fileList())[2], /按 GB18030 解码（自动检测）/i);
});

test('an edit by hand drops the division, and the file line says so', async () => {
  await page.click('#text');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('新');
  assert.equal(await division(), null);
  assert.match(await page.textContent('#file-decoding'), /不再按文件分节/);
  assert.equal(await fileName(), '3 个文件（语料库）：a.txt、b.txt、c.txt', 'the names stay');
  // Nor does a reload bring the division back once the typing is saved.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 800)));
  const reloaded = await browser.open({ hash: '#test' });
  assert.ok((await reloaded.inputValue('#text')).endsWith('新'));
  await resultsAfter(reloaded, 0);
  assert.equal(await reloaded.evaluate(() => window.__ciyanStructure.division), null);
  await reloaded.close();
});

test('files chosen with the button: a file that cannot be read is named, the others are used', async () => {
  const png = Buffer.from(await fixture('image.png'));
  await analysed(page, () => page.setInputFiles('#file-input', [
    { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from(A) },
    { name: 'picture.png', mimeType: 'image/png', buffer: png },
    { name: 'two.txt', mimeType: 'text/plain', buffer: Buffer.from(B) },
  ]));
  assert.equal(await page.inputValue('#text'), `${A}\n\n${B}`);
  assert.equal(await fileName(), '2 个文件（语料库）：one.txt、two.txt');
  assert.match(await page.textContent('#file-skipped'), /^没有打开 1 个文件：「picture\.png」（.*图片.*）$/);
  assert.deepEqual((await division()).sections.map((s) => s.label), ['one.txt', 'two.txt']);
  assert.equal(await page.textContent('[role="alert"]'), '');
});

test('a single file is no corpus: no division, the encoding can be picked', async () => {
  await analysed(page, () => dropFiles(page, [{ name: 'alone.txt', parts: [B] }]));
  assert.equal(await page.inputValue('#text'), B);
  assert.equal(await fileName(), 'alone.txt');
  assert.equal(await division(), null);
  assert.equal(await page.isHidden('#file-info .corpus-files'), true);
  assert.equal(await page.isVisible('#encoding'), true);
});

test('no file readable: the text stays and the page names them', async () => {
  const before = await page.inputValue('#text');
  const png = await fixture('image.png');
  const bin = await fixture('binary.bin');
  await dropFiles(page, [{ name: 'x.png', parts: [png] }, { name: 'y.bin', parts: [bin] }]);
  await page.waitForFunction(() => document.querySelector('[role="alert"]').textContent !== '');
  assert.match(await page.textContent('[role="alert"]'), /^无法打开这 2 个文件：「x\.png」：.*「y\.bin」：/);
  assert.equal(await page.inputValue('#text'), before);
});

test('a fix of the repair card shifts the files\' boundaries; 撤销 puts them back', async () => {
  const broken = '标题\n\n王毅：我们不寻求改变中\n\n国体制，不寻求打压。\n记者：好。\n王毅：谢谢。\n';
  await analysed(page, () => dropFiles(page, [{ name: 'talk.txt', parts: [broken] }, { name: 'tea.txt', parts: [B] }]));
  const before = await division();
  const item = page.locator('.repair-item').filter({ hasText: '接上后成词：中国' });
  // The repair card starts folded to its summary line: 查看 opens it.
  const toggle = page.locator('#repair-card .repair-toggle');
  await toggle.waitFor({ timeout: 10_000 });
  if (await toggle.getAttribute('aria-expanded') === 'false') await toggle.click();
  await item.waitFor({ timeout: 10_000 });
  await analysed(page, () => item.getByRole('button', { name: '修复', exact: true }).click());
  const text = await page.inputValue('#text');
  const { by, sections } = await division();
  assert.equal(by, 'given', 'a fix keeps the corpus');
  assert.deepEqual(sections, [
    { label: 'talk.txt', start: 0, end: broken.length - 2 },
    { label: 'tea.txt', start: before.sections[1].start - 2, end: before.sections[1].end - 2 },
  ]);
  assert.equal(text.slice(sections[1].start, sections[1].end), B);
  assert.match(await page.textContent('#file-decoding'), /每个文件是一节/, 'not dropped');
  await page.waitForSelector('#repair-card .repair-undo');
  await analysed(page, () => page.click('#repair-card .repair-undo'));
  assert.deepEqual(await division(), before);
  assert.equal(await page.inputValue('#text'), `${broken}\n\n${B}`);
});

test('joinTexts and shiftSpans (corpus.js, no page needed)', () => {
  const { text, sections } = joinTexts([{ label: 'x', text: '甲乙' }, { label: 'y', text: '' }, { label: 'z', text: '丙😀丁' }]);
  assert.equal(text, '甲乙\n\n\n\n丙😀丁');
  assert.deepEqual(sections, [{ label: 'x', start: 0, end: 2 }, { label: 'y', start: 4, end: 4 }, { label: 'z', start: 6, end: 10 }]);
  const spans = [{ label: 'x', start: 0, end: 5 }, { label: 'y', start: 7, end: 12 }];
  // Inside one file: the file shrinks or grows, the later ones move.
  assert.deepEqual(shiftSpans(spans, 2, 4, ''), [{ label: 'x', start: 0, end: 3 }, { label: 'y', start: 5, end: 10 }]);
  assert.deepEqual(shiftSpans(spans, 8, 8, '新新'), [{ label: 'x', start: 0, end: 5 }, { label: 'y', start: 7, end: 14 }]);
  // The separator taken out (a break joined across two files): they meet.
  assert.deepEqual(shiftSpans(spans, 5, 7, ''), [{ label: 'x', start: 0, end: 5 }, { label: 'y', start: 5, end: 10 }]);
  // Across a boundary: the replacement belongs to neither file.
  assert.deepEqual(shiftSpans(spans, 3, 9, '和'), [{ label: 'x', start: 0, end: 3 }, { label: 'y', start: 4, end: 7 }]);
  // A file taken out whole becomes empty, where it was.
  assert.deepEqual(shiftSpans(spans, 7, 12, ''), [{ label: 'x', start: 0, end: 5 }, { label: 'y', start: 7, end: 7 }]);
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, browser);
});
