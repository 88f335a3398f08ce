// The text the worker analyses goes as UTF-8 bytes encoded a slice a task
// (js/utf8-slices.js): the bytes are the text's, whatever the slices.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeInSlices } from '../../www/js/utf8-slices.js';

const decode = (bytes) => new TextDecoder().decode(bytes);
const counting = () => {
  const calls = { count: 0 };
  return { calls, yieldToPage: async () => { calls.count += 1; } };
};

test('the bytes are the text\'s UTF-8, in slices of any length', async () => {
  const text = '中国 is 𠮷野家的 ok\n第二行：“引号”😀 end';
  for (const sliceLength of [1, 2, 3, 5, 7, 1000]) {
    const bytes = await encodeInSlices(text, { sliceLength, yieldToPage: async () => {} });
    assert.deepEqual(bytes, new TextEncoder().encode(text), `slices of ${sliceLength}`);
  }
});

test('a slice never splits a surrogate pair', async () => {
  // Every slice boundary of length 1 falls inside a pair.
  const text = '😀😀😀𠮷';
  const bytes = await encodeInSlices(text, { sliceLength: 1, yieldToPage: async () => {} });
  assert.equal(decode(bytes), text);
  assert.ok(!decode(bytes).includes('\uFFFD'));
});

test('a lone surrogate becomes U+FFFD, as TextEncoder writes it', async () => {
  const text = 'a\uD800b\uDC00c';
  assert.equal(decode(await encodeInSlices(text, { sliceLength: 2, yieldToPage: async () => {} })), 'a\uFFFDb\uFFFDc');
});

test('the page gets a task between slices, none after the last', async () => {
  const { calls, yieldToPage } = counting();
  await encodeInSlices('x'.repeat(10), { sliceLength: 4, yieldToPage });
  assert.equal(calls.count, 2); // 4 + 4 + 2
  const one = counting();
  await encodeInSlices('短文本', { yieldToPage: one.yieldToPage });
  assert.equal(one.calls.count, 0, 'a short text in one task');
  assert.equal((await encodeInSlices('')).length, 0);
});

test('the buffer to transfer holds at most twice the bytes', async () => {
  for (const text of ['ascii only '.repeat(100), '中文'.repeat(100)]) {
    const bytes = await encodeInSlices(text);
    assert.ok(bytes.buffer.byteLength <= 2 * bytes.length, `${bytes.buffer.byteLength} for ${bytes.length}`);
  }
});
