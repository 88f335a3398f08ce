// The name lists and the new words, on the sample: the lists leave out what
// jieba tags as a name but is none, each name says where it comes from, and
// the user's corrections (remove, restore, move, merge, show all) run the
// analysis again and are kept; the new words are listed with their
// measures, and one click adds a word to the user dictionary. Screenshots
// of both cards, desktop and phone.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, assertClean, downloaded, resultCount, resultsAfter, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now: each test opens its own (the helpers below act on it).
let page;

/** The entries of a list as drawn: [{word, count, source}] (after 显示更多, every one). */
async function listed(kind, on = page) {
  for (;;) {
    const more = on.locator(`#${kind} > .show-more`);
    if (await more.count() === 0) break;
    await more.click();
  }
  return on.$$eval(`#${kind} .entity`, (items) => items.map((item) => ({
    word: item.dataset.name,
    count: Number(item.querySelector('.entity-row .entity-count').dataset.count),
    source: item.querySelector('.name-source').textContent,
  })));
}
const wordsOf = async (kind, on = page) => (await listed(kind, on)).map((entry) => entry.word);

/** The set-aside words as drawn: [{word, kind, count, reason}], the list unfolded. */
async function setAside(on = page) {
  await on.$eval('#set-aside', (details) => { details.open = true; });
  for (;;) {
    const more = on.locator('#set-aside .show-more');
    if (await more.count() === 0) break;
    await more.click();
  }
  return on.$$eval('#set-aside tbody tr', (rows) => rows.map((row) => ({
    word: row.dataset.name,
    kind: row.querySelector('.set-aside-kind').textContent,
    count: Number(row.querySelector('[data-count]').dataset.count),
    reason: row.querySelector('.set-aside-reason').textContent,
  })));
}

/** Opens the corrections of `word` in the list `kind`. */
async function openActions(kind, word) {
  await page.click(`#${kind} .entity[data-name="${word}"] .entity-menu-toggle`);
  await page.waitForSelector(`#${kind} .entity[data-name="${word}"] .entity-actions`);
}

/** Clicks the button `label` among the open corrections of `word`, and waits for the analysis it starts. */
async function correct(kind, word, label) {
  await openActions(kind, word);
  await analysed(page, () => page.locator(`#${kind} .entity[data-name="${word}"] .entity-actions button`, { hasText: label }).click());
}

/** The word's count in the frequency table, or null. */
function tableCount(word) {
  return page.$$eval('#frequency-table tbody tr', (rows, w) => {
    const row = rows.find((r) => r.querySelector('td.col-word')?.textContent === w);
    return row ? Number(row.querySelector('.count-num').textContent.replace(/,/g, '')) : null;
  }, word);
}

/** Clicks the export button `label` in `container`; resolves with the file's name and text. */
const download = (container, label) => downloaded(page, () => page.locator(`${container} .export-buttons button`, { hasText: label }).first().click());

const csvRows = ({ text }) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','));

test('the people are people: 习近平 and 王毅, not 宣言, 文明 or 二十大; each says where it comes from', async (t) => {
  page = await session.page(t);
  const people = await listed('people');
  const words = people.map((p) => p.word);
  assert.ok(words.includes('习近平') && words.includes('王毅'), words.join(' '));
  for (const word of ['宣言', '文明', '二十大']) assert.ok(!words.includes(word), `${word} is no person`);
  assert.equal(people.find((p) => p.word === '习近平').source, '词典');
  assert.equal(people.find((p) => p.word === '王毅').source, '模型', 'the dictionary lacks 王毅: the model tagged it');
  assert.match(await page.getAttribute('#people .entity[data-name="王毅"] .name-source', 'title'), /模型.*猜/);
  assert.match(await page.getAttribute('#people .entity[data-name="习近平"] .name-source', 'title'), /词典/);
  assert.ok((await wordsOf('places')).includes('中国'));
  assert.ok((await wordsOf('organizations')).length > 0);
  assert.match(await page.textContent('#entities .entities-help'), /词典.*规则/);

  const aside = await setAside();
  const declaration = aside.find((s) => s.word === '宣言');
  assert.deepEqual(declaration && [declaration.kind, declaration.reason], ['人名', '普通词语']);
  assert.equal(aside.find((s) => s.word === '二十大')?.reason, '数词开头');
  assert.match(await page.textContent('#set-aside summary'), new RegExp(`已排除（${aside.length}）`));

  // A name is a link to the word (from the keyboard: the list unfolded above may still be moving things).
  await page.focus('#people button[data-word="王毅"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === `#w=${encodeURIComponent('王毅')}`);
});

test('王毅 removed: off the people, in 已排除 as the user\'s; restored: back', async (t) => {
  page = await session.page(t);
  await page.$eval('#set-aside', (details) => { details.open = false; });
  await correct('people', '王毅', '不是名字');
  assert.ok(!(await wordsOf('people')).includes('王毅'));
  assert.match(await page.textContent('#entities .entities-message'), /已删除「王毅」/);
  // Its entry is gone, and 已排除 is folded: the focus is on the undo.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '撤销');
  const removed = (await setAside()).find((s) => s.word === '王毅');
  assert.deepEqual(removed && [removed.reason, removed.count], ['你删除的', 14]);

  // Kept: a page opened now has the correction too.
  const other = await session.open({ context: page.context() });
  assert.ok(!(await wordsOf('people', other)).includes('王毅'), 'the correction is kept');
  await other.close();

  await analysed(page, () => page.click('#set-aside [data-restore="王毅"]'));
  assert.ok((await wordsOf('people')).includes('王毅'));
  assert.ok(!(await setAside()).some((s) => s.word === '王毅'));
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.entity')?.dataset.name), '王毅', 'the focus follows the name');
});

test('a word the rules set aside is restored onto its list', async (t) => {
  page = await session.page(t);
  assert.equal((await setAside()).find((s) => s.word === '阿拉伯')?.reason, '不以姓氏开头', 'set aside at first (the list unfolded)');
  await analysed(page, () => page.click('#set-aside [data-restore="阿拉伯"]'));
  const people = await listed('people');
  assert.equal(people.find((p) => p.word === '阿拉伯')?.source, '我改的');
  assert.ok(!(await setAside()).some((s) => s.word === '阿拉伯'));
  // Undone from the message.
  await analysed(page, () => page.click('#entities .entities-undo'));
  assert.ok(!(await wordsOf('people')).includes('阿拉伯'));
  assert.equal((await setAside()).find((s) => s.word === '阿拉伯')?.reason, '不以姓氏开头');
});

test('南海 moved to the organisations, with the keyboard; the move undone', async (t) => {
  page = await session.page(t);
  await page.focus('#places .entity[data-name="南海"] .entity-menu-toggle');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#places .entity[data-name="南海"] .entity-actions');
  assert.equal(await page.getAttribute('#places .entity[data-name="南海"] .entity-menu-toggle', 'aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '不是名字', 'the first correction has the focus');
  // Escape closes them and returns to their button.
  await page.keyboard.press('Escape');
  assert.equal(await page.$('#places .entity-actions'), null);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), '更正「南海」');

  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // 移到人名
  await page.keyboard.press('Tab'); // 移到机构名
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '移到机构名');
  await analysed(page, () => page.keyboard.press('Enter'));
  assert.ok(!(await wordsOf('places')).includes('南海'));
  const moved = (await listed('organizations')).find((o) => o.word === '南海');
  assert.deepEqual(moved && [moved.count, moved.source], [11, '我改的']);
  assert.match(await page.getAttribute('#organizations .entity[data-name="南海"] .name-source', 'title'), /你把「南海」放进了机构名单/);

  await correct('organizations', '南海', '撤销移动');
  assert.ok((await wordsOf('places')).includes('南海'));
  assert.ok(!(await wordsOf('organizations')).includes('南海'));
});

test('台湾岛 merged into 台湾: one entry, the counts summed, the forms shown; split again', async (t) => {
  page = await session.page(t);
  const before = await listed('places');
  const taiwan = before.find((p) => p.word === '台湾').count;
  const island = before.find((p) => p.word === '台湾岛').count;

  await openActions('places', '台湾岛');
  await page.fill('#entity-merge-target', '火星');
  await page.press('#entity-merge-target', 'Enter');
  assert.match(await page.textContent('#places .entity-merge-problem'), /名单上没有「火星」/);
  assert.equal(await page.getAttribute('#entity-merge-target', 'list'), 'entity-names');
  assert.ok(await page.$('#entity-names option[value="台湾"]'), 'the field offers the listed names');

  await page.fill('#entity-merge-target', '台湾');
  await analysed(page, () => page.press('#entity-merge-target', 'Enter'));
  const after = await listed('places');
  assert.ok(!after.some((p) => p.word === '台湾岛'), '台湾岛 is no entry of its own');
  assert.equal(after.find((p) => p.word === '台湾').count, taiwan + island, 'the counts are summed');
  assert.match(await page.textContent('#places .entity[data-name="台湾"] .entity-forms-toggle'), /2 种写法/);
  const forms = await page.$$eval('#places .entity[data-name="台湾"] .entity-forms li', (items) =>
    items.map((li) => [li.querySelector('[data-word]').dataset.word, Number(li.querySelector('[data-count]').dataset.count)]));
  assert.deepEqual(forms, [['台湾', taiwan], ['台湾岛', island]]);

  // The concordance of the merged name has the lines of both forms.
  await page.click('#places .entity[data-name="台湾"] > [data-word="台湾"], #places .entity[data-name="台湾"] [data-word="台湾"]');
  await page.waitForFunction((n) => {
    const summary = document.querySelector('#concordance .kwic-summary')?.textContent ?? '';
    return summary.startsWith(`共 ${n} 处`) && summary.includes('台湾岛');
  }, taiwan + island);

  const csv = csvRows(await download('#places-group', 'CSV'));
  assert.deepEqual(csv[0], ['名称', '次数', '词性', '来源', '写法']);
  assert.deepEqual(csv.find((row) => row[0] === '台湾'), ['台湾', String(taiwan + island), 'ns', '词典', `台湾 ${taiwan}；台湾岛 ${island}`]);

  await analysed(page, () => page.click('#places .entity[data-name="台湾"] .entity-split'));
  const split = await listed('places');
  assert.equal(split.find((p) => p.word === '台湾').count, taiwan);
  assert.equal(split.find((p) => p.word === '台湾岛').count, island);
});

test('显示全部（不过滤） lists what the rules set aside', async (t) => {
  page = await session.page(t);
  await analysed(page, () => page.check('#names-keep-all'));
  assert.ok((await wordsOf('people')).includes('宣言'));
  assert.ok((await wordsOf('places')).includes('大国'));
  assert.deepEqual(await setAside(), [], 'nothing is set aside but what the user removed');
  await analysed(page, () => page.uncheck('#names-keep-all'));
  assert.ok(!(await wordsOf('people')).includes('宣言'));
});

test('every list exports as CSV and JSON', async (t) => {
  page = await session.page(t);
  const people = await listed('people');
  for (const kind of ['people', 'places', 'organizations']) {
    const file = await download(`#${kind}-group`, 'CSV');
    assert.match(file.name, /\.csv$/);
    assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
    const json = JSON.parse((await download(`#${kind}-group`, 'JSON')).text);
    assert.equal(json.names.length, csvRows(file).length - 1, `${kind}: every name, in both`);
  }
  const json = JSON.parse((await download('#people-group', 'JSON')).text);
  assert.deepEqual(json.names.map((n) => n.word), people.map((p) => p.word));
  assert.deepEqual(Object.keys(json.names[0]).sort(), ['count', 'forms', 'pos', 'source', 'word']);

  const aside = await setAside();
  const csv = csvRows(await download('#set-aside', 'CSV'));
  assert.deepEqual(csv[0], ['词语', '次数', '词性', '标为', '原因']);
  assert.equal(csv.length - 1, aside.length);
  assert.deepEqual(csv.find((row) => row[0] === '宣言').slice(3), ['人名', '普通词语']);
  assert.equal(JSON.parse((await download('#set-aside', 'JSON')).text).setAside.length, aside.length);
});

test('the new words: asked for once in view, 王毅 and 一带一路 listed, the text said to be short', async (t) => {
  page = await session.page(t);
  assert.match(await page.textContent('#new-words .new-words-summary'), /滚动到这里/, 'not asked for before it is in view');
  await page.locator('#new-words').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#new-words tbody tr').length > 0);
  const words = await page.$$eval('#new-words tbody tr', (rows) => rows.map((row) => row.dataset.newWord));
  assert.ok(words.includes('王毅') || words.includes('一带一路'), words.join(' '));
  assert.ok(words.includes('一带一路'));
  assert.match(await page.textContent('#new-words .new-words-note'), /只有 [\d,]+ 个汉字.*50,000.*仅供参考/);
  assert.match(await page.textContent('#new-words .new-words-summary'), /至少出现 3 次/);
  const cells = await page.$$eval('#new-words tbody tr[data-new-word="一带一路"] td', (tds) => tds.map((td) => td.textContent));
  assert.equal(cells[1], '12');
  assert.match(cells[2], /^\d[\d,]*$/, 'cohesion');
  assert.match(cells[3], /^\d\.\d\d$/, 'left entropy');
  assert.match(cells[4], /^\d\.\d\d$/, 'right entropy');

  const csv = csvRows(await download('#new-words', 'CSV'));
  assert.deepEqual(csv[0], ['词语', '次数', '凝固度', '左熵', '右熵', '得分']);
  assert.deepEqual(csv.slice(1).map((row) => row[0]), words);
  const json = JSON.parse((await download('#new-words', 'JSON')).text);
  assert.equal(json.tooShort, true);
  assert.equal(json.words.length, words.length);

  // A word is a link to its concordance.
  await page.click('#new-words button[data-word="一带一路"]');
  await page.waitForFunction(() => location.hash === `#w=${encodeURIComponent('一带一路')}`);
});

test('加入词典 makes 一带一路 one word of the word table', async (t) => {
  page = await session.page(t);
  await page.locator('#new-words').scrollIntoViewIfNeeded();
  await page.waitForSelector('#new-words tr[data-new-word="一带一路"] .add-word');
  assert.equal(await tableCount('一带一路'), null, 'cut in two before');
  const before = await resultCount(page);
  await page.click('#new-words tr[data-new-word="一带一路"] .add-word');
  await resultsAfter(page, before);
  await page.selectOption('#pos-filter', '');
  await page.fill('#word-search', '一带一路');
  await page.waitForFunction(() => [...document.querySelectorAll('#frequency-table td.col-word')].some((td) => td.textContent === '一带一路'));
  assert.equal(await tableCount('一带一路'), 12);
  // The dictionary has it now: no longer new.
  await page.locator('#new-words').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#new-words tbody tr').length > 0
    && !document.querySelector('#new-words tr[data-new-word="一带一路"]'));
  await page.fill('#word-search', '');
});

test('the name lists and the new words fit a desktop and a phone without sideways scrolling', async (t) => {
  page = await session.page(t);
  await page.click('#places .entity[data-name="台湾"] .entity-menu-toggle');
  await page.$eval('#set-aside', (details) => { details.open = true; });
  await page.locator('#new-words').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#new-words tbody tr').length > 0);
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(layout.scrollWidth <= layout.clientWidth, `${name}: no horizontal scroll (${layout.scrollWidth} > ${layout.clientWidth})`);
  }
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
