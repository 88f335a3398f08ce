// The repair card on the built-in sample (a press conference copied from a
// newspaper page): a sentence broken inside 中国, a passage printed twice, a
// line that breaks off. Nothing changes without a click; a fix changes the
// text and analyses it again; 撤销 puts back the text exactly.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, assertClean, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now, and its text at first (the sample).
let page;
let original;

/** A fresh page with the sample, the repair card opened (it starts folded to its summary line: 查看 opens it). */
async function openCard(t) {
  page = await session.page(t);
  await page.waitForSelector('#repair-card:not([hidden]) .repair-toggle');
  assert.equal(await page.isVisible('#repair-card .repair-item'), false, 'folded at first');
  await page.click('#repair-card .repair-toggle');
  await page.waitForSelector('#repair-card .repair-item');
  original = await page.inputValue('#text');
}

const BROKEN = /改变中\s+国体制/;
const items = (kind) => page.locator(`.repair-group[aria-labelledby="repair-${kind}"] .repair-item`);
const brokenChina = () => items('brokenLine').filter({ hasText: '接上后成词：中国' });

test('the card lists a broken 中国, a repeated passage and a fragment, and changes nothing', async (t) => {
  await openCard(t);
  assert.match(original, BROKEN, 'the sample has the broken line');
  assert.equal(await brokenChina().count(), 1);
  assert.match(await brokenChina().locator('.repair-excerpt').textContent(), /改变中⏎国体制/);
  assert.ok(await items('repeated').count() >= 1, 'a repeated passage');
  assert.equal(await items('fragment').filter({ hasText: '就是两个坚持：存在的' }).count(), 1, 'the fragment');
  // The photo caption sits inside a sentence (…多极化和国际 / 争议…): joining takes it out.
  assert.equal(await items('brokenLine').filter({ hasText: '多极化和国际' }).filter({ hasText: '新华社发' }).count(), 1, 'the break around the caption');
  assert.equal(await items('caption').count(), 0, 'the caption goes with the join');
  assert.equal(await page.inputValue('#text'), original, 'the text is untouched');
});

test('a click on a finding selects it in the text', async (t) => {
  await openCard(t);
  await brokenChina().locator('.repair-excerpt').click();
  const selected = await page.evaluate(() => {
    const box = document.getElementById('text');
    return { focused: document.activeElement === box, text: box.value.slice(box.selectionStart, box.selectionEnd), scrolled: box.scrollTop };
  });
  assert.equal(selected.focused, true);
  assert.match(selected.text, /^\s+$/, 'the break between 中 and 国');
  assert.ok(selected.scrolled > 0, 'the box scrolled down to it');
});

test('修复 joins 中国; 撤销 restores the text exactly', async (t) => {
  await openCard(t);
  await analysed(page, () => brokenChina().getByRole('button', { name: '修复', exact: true }).click());
  const fixed = await page.inputValue('#text');
  assert.doesNotMatch(fixed, BROKEN);
  assert.match(fixed, /改变中国体制/);
  assert.equal(fixed.length, original.length - original.match(BROKEN)[0].length + '改变中国体制'.length);
  await page.waitForSelector('#repair-card .repair-undo');
  assert.equal(await brokenChina().count(), 0, 'asked again: the break is gone');

  await analysed(page, () => page.click('#repair-card .repair-undo'));
  assert.equal(await page.inputValue('#text'), original);
  await page.waitForFunction(() => document.querySelectorAll('#repair-card .repair-item').length > 0);
  assert.equal(await brokenChina().count(), 1, 'the break is listed again');
});

test('删去这一行 takes out the fragment; fixes of a kind at once; undo, one at a time', async (t) => {
  await openCard(t);
  const fragment = items('fragment').filter({ hasText: '就是两个坚持：存在的' });
  await analysed(page, () => fragment.getByRole('button', { name: '删去这一行' }).click());
  const without = await page.inputValue('#text');
  assert.doesNotMatch(without, /就是两个坚持：存在的/);
  assert.match(without, /弥足珍惜。\n\n中央广播电视总台央视记者/, 'no blank lines left behind');

  const broken = await items('brokenLine').count();
  const all = page.locator('.repair-group[aria-labelledby="repair-brokenLine"] .repair-group-head button');
  if (broken > 1) {
    await analysed(page, () => all.click());
    assert.doesNotMatch(await page.inputValue('#text'), BROKEN);
    await page.waitForSelector('#repair-card .repair-undo');
    await analysed(page, () => page.click('#repair-card .repair-undo'));
    assert.equal(await page.inputValue('#text'), without);
  }
  await page.waitForSelector('#repair-card .repair-undo');
  await analysed(page, () => page.click('#repair-card .repair-undo'));
  assert.equal(await page.inputValue('#text'), original);
  assert.equal(await page.isHidden('#repair-card .repair-undo'), true, 'nothing more to undo');
});

test('an edit by hand: the fixes wait for the next analysis', async (t) => {
  await openCard(t);
  await page.click('#text');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('。');
  assert.equal(await brokenChina().getByRole('button', { name: '修复', exact: true }).isDisabled(), true);
  await analysed(page, () => page.click('#analyze'));
  await page.waitForFunction(() => !document.querySelector('#repair-card .repair-item button.primary')?.disabled);
  assert.equal(await brokenChina().getByRole('button', { name: '修复', exact: true }).isDisabled(), false);
});

test('many findings of a kind: the first three, then 再显示; 全部修复 fixes them all', async (t) => {
  await openCard(t);
  const text = ['甲说，我们关心中\n国的发展。', '乙说，他们热爱人\n民的生活。', '丙说，大家重视经\n济的增长。',
    '丁说，你们了解文\n化的传统。', '戊说，我们研究历\n史的经验。'].join('\n') + '\n';
  await page.fill('#text', text);
  await analysed(page, () => page.click('#analyze'));
  await page.waitForFunction(() => document.querySelector('.repair-group[aria-labelledby="repair-brokenLine"] .repair-count')?.textContent === '5');
  assert.equal(await items('brokenLine').count(), 3);
  const more = page.locator('.repair-more');
  assert.equal(await more.textContent(), '再显示 2 处');
  await more.click();
  assert.equal(await items('brokenLine').count(), 5);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '收起', 'the focus stays on the button');
  await analysed(page, () => page.getByRole('button', { name: '全部修复（5）' }).click());
  assert.equal(await page.inputValue('#text'), '甲说，我们关心中国的发展。\n乙说，他们热爱人民的生活。\n丙说，大家重视经济的增长。\n丁说，你们了解文化的传统。\n戊说，我们研究历史的经验。\n');
  await page.waitForSelector('#repair-card .repair-undo');
  await analysed(page, () => page.click('#repair-card .repair-undo'));
  assert.equal(await page.inputValue('#text'), text);
});

test('a capped list says how many flaws there are: the first 200 of 515', async (t) => {
  page = await session.page(t);
  const text = Array.from({ length: 515 }, (_, i) => `第${i}次会议上，大家讨论了改变中\n国体制的问题，发言${i}次。\n`).join('');
  await page.fill('#text', text);
  await analysed(page, () => page.click('#analyze'));
  await page.waitForSelector('#repair-card:not([hidden]) .repair-toggle');
  await page.click('#repair-card .repair-toggle');
  await page.waitForSelector('#repair-card .repair-item');
  assert.equal(await page.textContent('.repair-group[aria-labelledby="repair-brokenLine"] .repair-count'), '前 200 处，共 515 处');
  assert.match(await page.textContent('#repair-card .repair-summary'), /找到 515 处/);
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
