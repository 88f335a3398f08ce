// Full-width letters and digits (阿Ｑ, ２０２４), as Chinese input methods
// type them: cut as their half-width forms, shown as the text spells them;
// and a user word the cut could never give whole is refused, saying why
// (it used to say "added" and change nothing).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, assertClean, start, tableCount } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

const STORY = '我要给阿Ｑ做正传，已经不止一两年了。阿Ｑ不独是姓名籍贯有些渺茫，连他先前的“行状”也渺茫。'
  + '阿Ｑ没有家，住在未庄的土谷祠里。２０２４年，阿Ｑ还在。\n';

test('阿Ｑ is one word, four times, spelled as the text spells it', async (t) => {
  const page = await session.page(t);
  await page.fill('#text', STORY);
  await analysed(page, () => page.click('#analyze'));
  assert.equal(await tableCount(page, '阿Ｑ'), 4);
  assert.equal(await tableCount(page, 'Ｑ'), null);
});

test('a user word the cut always splits is not added, and the page says why', async (t) => {
  const page = await session.page(t);
  await page.fill('#userdict-word', '新冠·疫情');
  await page.press('#userdict-word', 'Enter');
  await page.waitForFunction(() => /·/.test(document.querySelector('#userdict-list')?.closest('section, div')?.querySelector('.lexicon-message')?.textContent ?? ''));
  const message = await page.$eval('#userdict-list', (list) => list.closest('section, div').querySelector('.lexicon-message').textContent);
  assert.match(message, /未加入「新冠·疫情」.*「·」/);
  assert.equal(await page.$$eval('#userdict-list li', (items) => items.length), 0);
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
