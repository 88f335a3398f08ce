// A Markdown newsletter and an interview's subtitles dropped on the page
// (tests/fixtures/input/): read as their text, so that no address, markup
// or timing is a keyword (issue 21, item 3).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, chartWords, dropFile, fixture, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

async function drop(t, name) {
  const page = await session.page(t);
  const bytes = await fixture(name);
  await analysed(page, () => dropFile(page, name, [bytes]));
  return page;
}

test('a Markdown newsletter: its words, not its links, images and markup', async (t) => {
  const page = await drop(t, 'newsletter.md');
  const text = await page.inputValue('#text');
  assert.ok(text.startsWith('科技周刊（第 300 期）\n\n这里记录'), text);
  // Link targets and images go; an address written in a sentence stays in the text, as no word.
  assert.ok(!/beekka|github\.com|\]\(|##|```/.test(text), text);
  assert.ok(text.includes('详见 https://sqlite.org/wasm/doc/trunk/index.md 的说明'));
  const words = await chartWords(page);
  assert.equal(words[0], '维护者', `keywords: ${words}`);
  for (const markup of ['https', 'cdn.beekka.com', 'blogimg', 'asset', 'github.com', '##', '--']) assert.ok(!words.includes(markup), markup);
  assert.match(await page.textContent('#file-decoding'), /^Markdown 文件正文/);
});

test('subtitles: the spoken lines, each speaker named as in a transcript', async (t) => {
  const page = await drop(t, 'interview.vtt');
  const text = await page.inputValue('#text');
  assert.ok(text.startsWith('主持人：欢迎收看今天的节目。\n王毅：谢谢主持人'), text);
  const words = await chartWords(page);
  for (const timing of ['00', '--', 'align', 'start', 'position', 'WEBVTT']) assert.ok(!words.includes(timing), `${timing} in ${words}`);
  assert.ok(words.includes('外交'), `keywords: ${words}`);
});
