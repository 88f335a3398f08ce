// Files in other encodings and formats (tests/fixtures/input/): the core
// decodes them in the worker, the page says how it read them, the user can
// pick another encoding for the same bytes, and files that are not text are
// refused with the core's message while the text stays.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { alertText, analysed, assertClean, chartWords, dropFile, dropFiles, fixture, resultCount, start, WWW } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now: each test opens its own (the helpers below act on it).
let page;

const YANGTZE = '长江是中国第一大河，全长六千三百多公里。';
const tableWords = () => page.$$eval('#frequency-table tbody td.col-word', (cells) => cells.map((c) => c.textContent));
const decodingLabel = () => page.textContent('#file-decoding');

/** Drops tests/fixtures/input/`name` and waits for its analysis. */
async function dropFixture(name) {
  const bytes = await fixture(name);
  await analysed(page, () => dropFile(page, name, [bytes]));
}

test('a GB18030 file is detected and analysed', async (t) => {
  page = await session.page(t);
  await dropFixture('gb18030.txt');
  assert.ok((await page.inputValue('#text')).startsWith(YANGTZE));
  const words = await chartWords(page);
  assert.ok(words.includes('长江') && words.includes('水电站'), `keywords: ${words}`);
  assert.equal(await page.textContent('#file-name'), 'gb18030.txt');
  assert.match(await decodingLabel(), /^按 GB18030 解码（自动检测）$/i);
  assert.equal(await page.inputValue('#encoding'), '', 'the select says 自动检测');
  assert.equal(await page.isVisible('#encoding'), true);
  assert.equal(await page.isHidden('#file-replacements'), true);
});

test('a Big5 file is detected and analysed', async (t) => {
  page = await session.page(t);
  await dropFixture('big5.txt');
  assert.ok((await page.inputValue('#text')).startsWith('臺灣位於東亞'));
  const words = await tableWords();
  assert.ok(words.includes('夜市'), `words: ${words}`);
  assert.ok(!words.includes('长江'));
  assert.equal(await page.textContent('#file-name'), 'big5.txt');
  assert.equal(await decodingLabel(), '按 Big5 解码（自动检测）');
});

test('UTF-16 files with a byte order mark are read', async (t) => {
  page = await session.page(t);
  for (const [name, encoding] of [['utf16le-bom.txt', 'UTF-16LE'], ['utf16be-bom.txt', 'UTF-16BE']]) {
    await dropFixture(name);
    assert.ok((await page.inputValue('#text')).startsWith(YANGTZE), name);
    assert.ok((await chartWords(page)).includes('长江'), name);
    assert.equal(await decodingLabel(), `按 ${encoding} 解码（自动检测）`);
  }
});

test('a Word document opened with the button: its body text', async (t) => {
  page = await session.page(t);
  await dropFixture('big5.txt'); // so that the text changes
  const bytes = Buffer.from(await fixture('sample.docx'));
  await analysed(page, () => page.setInputFiles('#file-input', {
    name: 'sample.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bytes,
  }));
  const text = await page.inputValue('#text');
  assert.ok(text.startsWith(YANGTZE), text);
  assert.match(text, /A & B <tag>/, 'entities decoded, markup in the document kept as text');
  assert.ok((await chartWords(page)).includes('长江'));
  assert.equal(await page.textContent('#file-name'), 'sample.docx');
  assert.equal(await decodingLabel(), 'Word 文档（.docx）正文');
  assert.equal(await page.isHidden('#encoding'), true, 'a Word document has no encoding to pick');
});

test('a web page in GBK: its body text, decoded', async (t) => {
  page = await session.page(t);
  await dropFixture('page-gbk.html');
  const text = await page.inputValue('#text');
  assert.match(text, /黄河是中国第二长河/);
  assert.doesNotMatch(text, /网页标题不算正文|样式里的字|脚本里的字|__pwned/);
  assert.match(await decodingLabel(), /^网页正文（已去掉脚本和样式），按 GB18030 解码（自动检测）$/i);
  assert.ok((await chartWords(page)).includes('黄河'));
});

test('the encoding select offers the core\'s encodings', async (t) => {
  page = await session.page(t);
  const options = await page.$$eval('#encoding option', (all) => all.map((o) => [o.value, o.textContent]));
  assert.deepEqual(options[0], ['', '自动检测']);
  const values = options.slice(1).map(([value]) => value);
  for (const name of ['UTF-8', 'Big5', 'UTF-16LE', 'UTF-16BE', 'Shift_JIS']) assert.ok(values.includes(name), `${name} in ${values}`);
  assert.ok(values.some((value) => /^gb18030$/i.test(value)), `GB18030 in ${values}`);
});

test('picking another encoding decodes the same bytes again', async (t) => {
  page = await session.page(t);
  await dropFixture('gb18030.txt');
  const gb18030 = await page.$eval('#encoding', (select) => [...select.options].find((o) => /^gb18030$/i.test(o.value)).value);

  await analysed(page, () => page.selectOption('#encoding', 'Big5'));
  const garbled = await page.inputValue('#text');
  assert.doesNotMatch(garbled, /长江/);
  assert.ok(garbled.length > 20, 'still text, only the wrong one');
  assert.ok(!(await chartWords(page)).includes('长江'));
  assert.equal(await decodingLabel(), '按 Big5 解码', 'chosen, not detected');
  assert.equal(await page.inputValue('#encoding'), 'Big5');
  assert.match(await page.textContent('#file-replacements'), /^有 \d+ 处无法解码的字节已替换为 �/);
  assert.equal(await page.textContent('#file-name'), 'gb18030.txt');

  await analysed(page, () => page.selectOption('#encoding', gb18030));
  assert.ok((await page.inputValue('#text')).startsWith(YANGTZE));
  assert.ok((await chartWords(page)).includes('长江'));
  assert.match(await decodingLabel(), /^按 GB18030 解码$/i);
  assert.equal(await page.isHidden('#file-replacements'), true);

  await analysed(page, () => page.selectOption('#encoding', ''));
  assert.match(await decodingLabel(), /^按 GB18030 解码（自动检测）$/i);
});

test('files that are not text are refused with the core\'s message; the text stays', async (t) => {
  page = await session.page(t);
  await page.fill('#text', '龙井茶产于杭州西湖。'.repeat(3)); // an edit keeps the file's label
  await analysed(page, () => page.click('#analyze'));
  const before = await page.inputValue('#text');
  const refused = [
    ['binary.bin', /不是文本文件/],
    ['document.pdf', /PDF/],
    ['image.png', /图片/],
    ['legacy.doc', /\.doc/],
    ['sheet.xlsx', /表格/],
  ];
  for (const [name, message] of refused) {
    await analysed(page, () => page.click('#analyze')); // clears the last alert
    const shown = await resultCount(page);
    await dropFile(page, name, [await fixture(name)]);
    const alert = await alertText(page);
    assert.ok(alert.startsWith(`无法打开「${name}」。`), alert);
    assert.match(alert, message);
    // The alert is the end of it: a refused file starts no analysis.
    assert.equal(await page.inputValue('#text'), before, `${name}: the text stays`);
    assert.equal(await resultCount(page), shown, `${name}: no analysis`);
  }
});

test('a file over 64 MiB is refused before it is read', async (t) => {
  page = await session.page(t);
  const before = await page.inputValue('#text');
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(65 * 1024 * 1024)], 'huge.txt'));
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  assert.match(await alertText(page), /^无法打开「huge\.txt」。文件太大（65 MiB），超过了 64 MiB 的上限/);
  assert.equal(await page.inputValue('#text'), before);
});

test('a UTF-8 file with damaged bytes is read, and the page says how many were replaced', async (t) => {
  page = await session.page(t);
  const bytes = [...await readFile(`${WWW}/samples/wangyi-press-conference-2024-03-07.txt`)];
  const step = Math.floor(bytes.length / 50);
  for (let i = 0; i < 50; i++) bytes[i * step + Math.floor(step / 2)] = 0xff;
  await analysed(page, () => dropFile(page, 'damaged.txt', [bytes]));
  assert.equal(await decodingLabel(), '按 UTF-8 解码（自动检测）');
  assert.match(await page.textContent('#file-replacements'), /^文件中有 \d+ 处损坏的字节，已替换为 �；其余文字照常分析。$/);
  assert.equal((await chartWords(page))[0], '中国');
  assert.equal(await page.textContent('[role="alert"]'), '');
});

test('several files dropped at once are one text (a corpus); one file alone is not', async (t) => {
  page = await session.page(t);
  await analysed(page, () => dropFiles(page, [
    { name: 'first.txt', parts: ['长江是中国第一大河。长江流域的水电站很多。'] },
    { name: 'second.txt', parts: ['黄河是中国第二长河。'] },
    { name: 'third.txt', parts: ['珠江。'] },
  ]));
  assert.equal(await page.inputValue('#text'), '长江是中国第一大河。长江流域的水电站很多。\n\n黄河是中国第二长河。\n\n珠江。');
  assert.equal(await page.textContent('#file-name'), '3 个文件（语料库）：first.txt、second.txt、third.txt');
  await analysed(page, () => dropFile(page, 'alone.txt', ['黄河是中国第二长河。']));
  assert.equal(await page.textContent('#file-name'), 'alone.txt');
  assert.equal(await page.isHidden('#file-info .corpus-files'), true);
});

test('a name list of 15 or fewer ends with its last name, not with "null"', async (t) => {
  page = await session.page(t);
  await page.fill('#text', '刘备、关羽和张飞在桃园结义。刘备对关羽说：张飞是我兄弟。曹操在许昌。');
  await analysed(page, () => page.click('#analyze'));
  for (const kind of ['people', 'places', 'organizations']) {
    assert.doesNotMatch(await page.textContent(`#${kind}`), /null|undefined/, kind);
  }
  // A person is listed on the text's evidence: 关羽 is followed by 说 (刘备对关羽说); 刘备, only
  // named and never followed by a speech or action verb, is set aside in so short a text.
  assert.match(await page.textContent('#people'), /关羽/);
});

test('the sample replaces the file: no file is named any more', async (t) => {
  page = await session.page(t);
  await dropFixture('utf8.txt');
  assert.equal(await page.isVisible('#file-info'), true);
  await analysed(page, () => page.click('#load-sample'));
  assert.equal(await page.isHidden('#file-info'), true);
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
