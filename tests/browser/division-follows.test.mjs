// A division chosen for one text does not carry over to the next, whose
// suggestion differs (structure.js textChanged, views/sections.js): another
// text pasted or opened after a divided one is divided as the core suggests
// for it; an undivided text's successor stays undivided, its suggestion
// offered; an edit of the same text keeps the division chosen.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, analyseText, assertClean, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

const CHAPTERS = [
  ['第一回 春', '春天来了，桃花开了，燕子飞回来了。农民在田里播种，春雨滋润着大地。'],
  ['第二回 夏', '夏天很热，荷花开满池塘，孩子们在河里游泳。知了在树上叫，西瓜又甜又凉。'],
  ['第三回 秋', '秋天到了，稻谷金黄，农民忙着收割。枫叶红了，大雁南飞。'],
].map(([heading, body]) => `${heading}\n${body.repeat(3)}`).join('\n\n');

/** The kind of division pressed in the structure card, once it is drawn ('none': undivided). */
async function division(page) {
  await page.waitForSelector('#sections[data-state="ready"]');
  return page.$eval('#sections button[aria-pressed="true"]', (button) => button.dataset.kind);
}
const suggested = (page) => page.$eval('#sections button.is-suggested', (button) => button.dataset.kind);

/** Waits until the structure card, drawn for the text now analysed, shows the division `kind`. */
const showsDivision = (page, kind) => page.waitForFunction((k) => document.getElementById('sections').dataset.state === 'ready'
  && document.querySelector('#sections button[aria-pressed="true"]')?.dataset.kind === k, kind);

test('a text divided by paragraph, then another with chapters: the new one is divided by its chapters', async (t) => {
  const page = await session.page(t);
  assert.equal(await division(page), 'none', 'the sample is undivided at first');
  const sampleSuggestion = await suggested(page);
  assert.notEqual(sampleSuggestion, 'paragraph', 'the choice below differs from the suggestion');

  await page.click('#sections button[data-kind="paragraph"]');
  await showsDivision(page, 'paragraph');

  // An edit of the same text keeps the choice.
  await analysed(page, () => page.evaluate(() => {
    const textarea = document.getElementById('text');
    textarea.value += '\n补一句。';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    document.getElementById('analyze').click();
  }));
  await showsDivision(page, 'paragraph');

  // Another text: its own suggestion, chapters.
  await analyseText(page, CHAPTERS);
  await showsDivision(page, 'chapter');
  assert.equal(await suggested(page), 'chapter');
  const labels = await page.$$eval('#sections .sections-scroll:not(.sections-groups) tbody th', (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(labels, ['第一回 春', '第二回 夏', '第三回 秋']);

  // And back to the sample: divided as it suggests, not by chapters.
  await analysed(page, () => page.evaluate(() => {
    document.querySelector('.input-summary-edit')?.click();
    document.getElementById('load-sample').click();
  }));
  await showsDivision(page, sampleSuggestion);
});

test('an undivided text, then another: still undivided, the new suggestion offered', async (t) => {
  const page = await session.page(t);
  assert.equal(await division(page), 'none');
  await analyseText(page, CHAPTERS);
  await page.waitForFunction(() => document.querySelector('#sections button.is-suggested')?.dataset.kind === 'chapter');
  assert.equal(await division(page), 'none');
  assert.match(await page.textContent('#sections .sections-suggestion'), /标题/);
});

test('nothing went wrong', () => assertClean(assert, session));
