// Several files as one corpus: each decoded as a single file would be (its
// own encoding detected), joined in the order given with a blank line
// between, and divided by file ({by: 'given'}) for the views; a file that
// cannot be read is named while the others are used; an edit by hand drops
// the division. The division is read where the user sees it: the structure
// card's pressed button and its JSON export. (How the spans are joined and
// shifted is tested without a page: tests/node/corpus.test.mjs.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  analysed, assertClean, dropFiles, eventually, fixture, resultsAfter, savedText, shownDivision, start,
} from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

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

const fileName = (page) => page.textContent('#file-name');
/** Each file of the corpus as the list shows it: its name, size and decoding. */
const fileList = (page) => page.$$eval('#file-info .corpus-files li', (items) =>
  items.map((li) => `${li.querySelector('.corpus-file-name').textContent} ${li.querySelector('.corpus-file-detail').textContent}`));

/** A fresh page with a.txt (UTF-8), b.txt (UTF-16LE) and c.txt (GB18030) dropped at once. */
async function pageWithThree(t) {
  const page = await session.page(t);
  const gb18030 = await fixture('gb18030.txt');
  await analysed(page, () => dropFiles(page, [
    { name: 'a.txt', parts: [[...new TextEncoder().encode(A)]] },
    { name: 'b.txt', parts: [utf16le(B)] },
    { name: 'c.txt', parts: [gb18030] },
  ]));
  return page;
}

test('three files in three encodings become one text, divided by file', async (t) => {
  const page = await pageWithThree(t);
  const text = await page.inputValue('#text');
  assert.ok(text.startsWith(`${A}\n\n${B}\n\n${YANGTZE}`), text.slice(0, 120));
  assert.equal(await fileName(page), '3 个文件（语料库）：a.txt、b.txt、c.txt');
  const files = await fileList(page);
  assert.equal(files.length, 3);
  assert.match(files[0], /^a\.txt .*字节 · 按 UTF-8 解码（自动检测）$/);
  assert.match(files[1], /^b\.txt .*字节 · 按 UTF-16LE 解码（自动检测）$/);
  assert.match(files[2], /^c\.txt .* · 按 GB18030 解码（自动检测）$/i);
  assert.equal(await page.isHidden('#encoding'), true, 'no one encoding to pick for three files');
  assert.equal(await page.isHidden('#file-skipped'), true);

  const { by, sections } = await shownDivision(page, 'given');
  assert.equal(by, 'given');
  assert.deepEqual(sections.map((s) => s.label), ['a.txt', 'b.txt', 'c.txt']);
  // UTF-16 offsets of each file's text in the joined text.
  assert.deepEqual(sections[0], { label: 'a.txt', start: 0, end: A.length });
  assert.deepEqual(sections[1], { label: 'b.txt', start: A.length + 2, end: A.length + 2 + B.length });
  assert.equal(sections[2].start, A.length + 2 + B.length + 2);
  assert.equal(sections[2].end, text.length);
  assert.equal(text.slice(sections[1].start, sections[1].end), B);
  // The structure card names the files as its sections.
  const labels = await page.$$eval('#sections .sections-scroll:not(.sections-groups) tbody th', (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(labels, ['a.txt', 'b.txt', 'c.txt']);
});

test('two of the files compared: each one\'s words, a word\'s lines in its own file', async (t) => {
  const page = await pageWithThree(t);
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

test('the saved text is the joined text, and a reload divides it by file again', async (t) => {
  const page = await pageWithThree(t);
  const text = await page.inputValue('#text');
  const before = await shownDivision(page, 'given');
  const reloaded = await session.open({ context: page.context() });
  assert.equal(await reloaded.inputValue('#text'), text);
  assert.deepEqual(await shownDivision(reloaded, 'given'), before);
  // The folded input line still names the files (their encodings are not kept: no file list).
  assert.equal(await reloaded.textContent('.input-summary-name'), '3 个文件（语料库）：a.txt、b.txt、c.txt');
});

test('another encoding for one file of the corpus: only that file is decoded again', async (t) => {
  const page = await pageWithThree(t);
  const label = 'c.txt」的编码';
  const pick = page.getByRole('combobox', { name: `「${label}` });
  await analysed(page, () => pick.selectOption('Big5'));
  const text = await page.inputValue('#text');
  assert.ok(text.startsWith(`${A}\n\n${B}\n\n`), 'the other files as they were');
  assert.ok(!text.includes(YANGTZE), 'the third garbled');
  // The card asks for the new text's sections after the analysis: read once it has them.
  await eventually(async () => (await shownDivision(page, 'given')).sections[2].end === text.length, undefined, 'the division following the new text');
  assert.match((await fileList(page))[2], /按 Big5 解码/);
  assert.equal(await pick.inputValue(), 'Big5');
  await analysed(page, () => pick.selectOption(''));
  assert.ok((await page.inputValue('#text')).includes(YANGTZE));
  assert.match((await fileList(page))[2], /按 GB18030 解码（自动检测）/i);
});

test('an edit by hand drops the division, and the file line says so', async (t) => {
  const page = await pageWithThree(t);
  await page.click('#text');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('新');
  assert.equal(await shownDivision(page, 'none'), null);
  assert.match(await page.textContent('#file-decoding'), /不再按文件分节/);
  assert.equal(await fileName(page), '3 个文件（语料库）：a.txt、b.txt、c.txt', 'the names stay');
  // Nor does a reload bring the division back once the typing is saved.
  await eventually(async () => (await savedText(page)).endsWith('新'), undefined, 'the typing saved');
  const reloaded = await session.open({ context: page.context() });
  assert.ok((await reloaded.inputValue('#text')).endsWith('新'));
  await resultsAfter(reloaded, 0);
  assert.equal(await shownDivision(reloaded, 'none'), null);
});

test('files chosen with the button: a file that cannot be read is named, the others are used', async (t) => {
  const page = await session.page(t);
  const png = Buffer.from(await fixture('image.png'));
  await analysed(page, () => page.setInputFiles('#file-input', [
    { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from(A) },
    { name: 'picture.png', mimeType: 'image/png', buffer: png },
    { name: 'two.txt', mimeType: 'text/plain', buffer: Buffer.from(B) },
  ]));
  assert.equal(await page.inputValue('#text'), `${A}\n\n${B}`);
  assert.equal(await fileName(page), '2 个文件（语料库）：one.txt、two.txt');
  assert.match(await page.textContent('#file-skipped'), /^没有打开 1 个文件：「picture\.png」（.*图片.*）$/);
  assert.deepEqual((await shownDivision(page, 'given')).sections.map((s) => s.label), ['one.txt', 'two.txt']);
  assert.equal(await page.textContent('[role="alert"]'), '');
});

test('a single file is no corpus: no division, the encoding can be picked', async (t) => {
  const page = await pageWithThree(t);
  await analysed(page, () => dropFiles(page, [{ name: 'alone.txt', parts: [B] }]));
  assert.equal(await page.inputValue('#text'), B);
  assert.equal(await fileName(page), 'alone.txt');
  assert.equal(await shownDivision(page, 'none'), null, 'the corpus\'s division went with it');
  assert.equal(await page.isHidden('#file-info .corpus-files'), true);
  assert.equal(await page.isVisible('#encoding'), true);
});

test('no file readable: the text stays and the page names them', async (t) => {
  const page = await session.page(t);
  const before = await page.inputValue('#text');
  const png = await fixture('image.png');
  const bin = await fixture('binary.bin');
  await dropFiles(page, [{ name: 'x.png', parts: [png] }, { name: 'y.bin', parts: [bin] }]);
  await page.waitForFunction(() => document.querySelector('[role="alert"]').textContent !== '');
  assert.match(await page.textContent('[role="alert"]'), /^无法打开这 2 个文件：「x\.png」：.*「y\.bin」：/);
  assert.equal(await page.inputValue('#text'), before);
});

test('a fix of the repair card shifts the files\' boundaries; 撤销 puts them back', async (t) => {
  const page = await session.page(t);
  const broken = '标题\n\n王毅：我们不寻求改变中\n\n国体制，不寻求打压。\n记者：好。\n王毅：谢谢。\n';
  await analysed(page, () => dropFiles(page, [{ name: 'talk.txt', parts: [broken] }, { name: 'tea.txt', parts: [B] }]));
  const before = await shownDivision(page, 'given');
  const item = page.locator('.repair-item').filter({ hasText: '接上后成词：中国' });
  // The repair card starts folded to its summary line: 查看 opens it.
  const toggle = page.locator('#repair-card .repair-toggle');
  await toggle.waitFor();
  if (await toggle.getAttribute('aria-expanded') === 'false') await toggle.click();
  await item.waitFor();
  await analysed(page, () => item.getByRole('button', { name: '修复', exact: true }).click());
  const text = await page.inputValue('#text');
  const shifted = [
    { label: 'talk.txt', start: 0, end: broken.length - 2 },
    { label: 'tea.txt', start: before.sections[1].start - 2, end: before.sections[1].end - 2 },
  ];
  // A fix keeps the corpus; the card asks for the new text's sections after the analysis.
  const { sections } = await eventually(async () => {
    const shown = await shownDivision(page, 'given');
    return JSON.stringify(shown.sections) === JSON.stringify(shifted) && shown;
  }, undefined, `the division shifted to ${JSON.stringify(shifted)}`);
  assert.equal(text.slice(sections[1].start, sections[1].end), B);
  assert.match(await page.textContent('#file-decoding'), /每个文件是一节/, 'not dropped');
  await page.waitForSelector('#repair-card .repair-undo');
  await analysed(page, () => page.click('#repair-card .repair-undo'));
  await eventually(async () => JSON.stringify(await shownDivision(page, 'given')) === JSON.stringify(before), undefined, 'the division put back');
  assert.equal(await page.inputValue('#text'), `${broken}\n\n${B}`);
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
