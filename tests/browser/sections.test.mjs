// The structure and compare cards, on the sample (a press conference: 王毅
// answering 11 reporters) and on a short text of three chapters: the
// suggested division, speaker mode with its groups, the scope (「只看：王毅」)
// that every other card follows and that leaves the labels uncounted,
// 王毅 compared with the questions, a word of one side opening its
// concordance limited to that side, the exports. Each test opens its own
// profile and sets up the division it is about (speakerPage).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  AI_TEXT, analysed, analyseText, assertClean, chartWords, downloaded, dropFiles, resultCount, resultsAfter, RIVER_TEXT, start, TEA_TEXT,
} from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now (each test opens its own; the helpers below act on it).
let page;

const ready = (id) => page.waitForSelector(`#${id}[data-state="ready"]`);

/** A fresh page with the sample, its structure card ready: {keywords, count: 王毅's count} of the whole text. */
async function samplePage(t) {
  page = await session.page(t);
  await ready('sections');
  return { keywords: await chartWords(page), count: await tableCount('王毅') };
}

/** A fresh page with the sample divided by speaker; resolves with the whole text's {keywords, count} as samplePage's. */
async function speakerPage(t) {
  const whole = await samplePage(t);
  await rescoped(() => page.click('#sections button[data-kind="speaker"]'));
  await ready('sections');
  return whole;
}

/** The word's count in the frequency table, or null (every part of speech shown). */
async function tableCount(word) {
  if (await page.$('#pos-filter')) await page.selectOption('#pos-filter', '');
  return page.$$eval('#frequency-table tbody tr', (rows, w) => {
    const row = rows.find((r) => r.querySelector('td.col-word')?.textContent === w);
    return row ? Number(row.querySelector('.count-num').textContent.replace(/,/g, '')) : null;
  }, word);
}

/** Runs `action`, which changes the scope, and waits for the analysis it starts. */
async function rescoped(action) {
  const before = await resultCount(page);
  await action();
  await resultsAfter(page, before);
}

const groups = () => page.$$eval('#sections .sections-groups tbody tr', (rows) => rows.map((row) => ({
  label: row.dataset.group, kind: row.dataset.kind, turns: Number(row.querySelector('[data-turns]').dataset.turns),
  words: [...row.querySelectorAll('.key-word:not(.is-less)')].map((b) => b.dataset.word),
})));

const download = (container, label) => downloaded(page, () => page.locator(`${container} .export-buttons button`, { hasText: label }).first().click());

test('the sample: the card suggests speaker turns, the text stays undivided until one is picked', async (t) => {
  const { keywords, count } = await samplePage(t);
  assert.equal(await page.getAttribute('#sections button[data-kind="none"]', 'aria-pressed'), 'true');
  assert.match(await page.textContent('#sections button[data-kind="speaker"]'), /建议/);
  assert.ok(await page.isHidden('#sections button[data-kind="given"]'), '文件 only for a corpus');
  assert.ok(await page.isHidden('#compare-card'), 'nothing to compare undivided');
  assert.ok(await page.isHidden('#scope-banner'));
  assert.ok(keywords.length > 0);
  assert.ok(count >= 12, `王毅 counted with its labels: ${count}`);
});

test('speaker mode: 王毅 with 12 turns, the reporters as a group of 11, and the labels no longer counted', async (t) => {
  const { count: wholeCount } = await speakerPage(t);
  assert.equal(await page.getAttribute('#sections button[data-kind="speaker"]', 'aria-pressed'), 'true');
  const list = await groups();
  const wang = list.find((g) => g.label === '王毅');
  const reporters = list.find((g) => g.kind === 'role');
  assert.equal(wang?.turns, 12, JSON.stringify(list));
  assert.match(reporters?.label ?? '', /记者/);
  assert.equal(reporters.turns, 11);
  assert.ok(wang.words.length > 0, '王毅 has distinctive words');
  assert.ok(!wang.words.includes('王毅'));
  const count = await tableCount('王毅');
  assert.ok(count === null || count <= wholeCount - 12, `the 12 labels are not words: ${wholeCount} → ${count}`);
  // Every turn a row, each with its size and a button.
  const rows = await page.$$eval('#sections .sections-scroll:not(.sections-groups) tbody tr', (trs) => trs.length);
  assert.ok(rows >= 23, `${rows} sections`);
});

test('只看 王毅: the banner says so, the keywords change, 王毅 is no top word; 显示全文 goes back', async (t) => {
  const { keywords: wholeKeywords } = await speakerPage(t);
  const wang = await page.$eval('#sections .sections-speaker', (select) =>
    [...select.options].find((o) => o.textContent.startsWith('王毅（')).value);
  await rescoped(() => page.selectOption('#sections .sections-speaker', wang));
  assert.ok(await page.isVisible('#scope-banner'));
  assert.match(await page.textContent('#scope-banner'), /只看：王毅（12 段）.*显示全文/);
  const keywords = await chartWords(page);
  assert.notDeepEqual(keywords, wholeKeywords, 'the keywords are those of 王毅\'s answers');
  assert.ok(!keywords.slice(0, 5).includes('王毅'), keywords.join(' '));
  const top = await page.$$eval('#frequency-table tbody tr td.col-word', (cells) => cells.slice(0, 10).map((c) => c.textContent));
  assert.ok(!top.includes('王毅'), top.join(' '));
  assert.equal(await page.getAttribute('#sections .sections-groups tr[data-group="王毅"] [data-scope]', 'aria-pressed'), 'true');

  await rescoped(() => page.click('#scope-banner button'));
  assert.ok(await page.isHidden('#scope-banner'));
  assert.equal(await page.inputValue('#sections .sections-speaker'), '');
});

test('compare: 王毅 against the questions, each side\'s words with their figures', async (t) => {
  await speakerPage(t);
  await page.waitForSelector('#compare-card:not([hidden])');
  await ready('compare');
  assert.equal(await page.$eval('#compare .compare-a', (s) => s.selectedOptions[0].textContent), '王毅');
  assert.match(await page.$eval('#compare .compare-b', (s) => s.selectedOptions[0].textContent), /记者/);
  const moreA = await page.$$eval('#compare .compare-side[data-side="a"] tbody tr', (rows) => rows.map((row) =>
    [...row.cells].map((cell) => cell.textContent)));
  assert.ok(moreA.length > 0, 'words more in 王毅\'s answers');
  for (const [, a, b, ll] of moreA.slice(0, 5)) {
    assert.ok(Number(a.replace(/,/g, '')) > 0 && Number(ll) > 0, `${a} ${b} ${ll}`);
  }
  assert.match(await page.textContent('#compare .compare-summary'), /两边都用的词/);
  // A capped list says so: the words only 王毅 uses are over a thousand.
  assert.match(await page.textContent('#compare [data-only="a"] h3'), /共 1,\d{3} 种，这里列出前 40 种/);
  assert.match(await page.textContent('#compare .keyness-help'), /Log Ratio/);
  const csv = await download('#compare', 'CSV');
  assert.match(csv.text, /^\uFEFF方向,词语,A 王毅,B 记者/);
  const json = JSON.parse((await download('#compare', 'JSON')).text);
  assert.ok(json.words.length > 0 && json.a.ranges.length > 0);
});

test('a word of 王毅\'s side: selected, its concordance limited to 王毅\'s answers until ×', async (t) => {
  await speakerPage(t);
  await ready('compare');
  const word = await page.getAttribute('#compare .compare-side[data-side="a"] tbody tr .key-word', 'data-word');
  await page.click(`#compare .compare-side[data-side="a"] .key-word[data-word="${word}"]`);
  await page.waitForFunction((w) => location.hash === `#w=${encodeURIComponent(w)}`, word);
  await page.waitForSelector('#concordance[data-state="ready"] .kwic-within:not([hidden])');
  assert.equal((await page.textContent('#concordance .kwic-within span')).trim(), '只看「王毅」中的用法');
  const limited = await page.$$eval('#concordance .kwic tbody tr[data-index]', (rows) => rows.length);
  assert.ok(limited > 0);
  await page.click('#concordance .kwic-within');
  await page.waitForSelector('#concordance[data-state="ready"] .kwic-within[hidden]', { state: 'attached' });
  const all = await page.$$eval('#concordance .kwic tbody tr[data-index]', (rows) => rows.length);
  assert.ok(all >= limited, `${limited} lines in 王毅's answers, ${all} in all`);
});

test('the sections export as CSV and JSON with their words', async (t) => {
  await speakerPage(t);
  const csv = await download('#sections', 'CSV');
  assert.match(csv.name, /\.csv$/);
  assert.match(csv.text, /^\uFEFF序号,节,起点,终点,词数,特征词（多）,特征词（少）/);
  assert.match(csv.text, /王毅/);
  const json = JSON.parse((await download('#sections', 'JSON')).text);
  assert.equal(json.division.by, 'speaker');
  assert.ok(json.sections.some((s) => s.distinctive?.positive.length > 0));
});

test('the parts the core leaves unnamed are named in the reader\'s language: 开头 / Opening, the reporters, 其余部分 / The rest', async (t) => {
  await speakerPage(t);
  const names = () => page.evaluate(() => ({
    opening: document.querySelector('#sections tr[data-section="0"] th').textContent,
    role: document.querySelector('#sections .sections-groups tr[data-kind="role"] th').textContent,
    rest: document.querySelector('#compare .compare-b option[value="rest"]').textContent,
    b: document.querySelector('#compare .compare-b').selectedOptions[0].textContent,
    banner: document.querySelector('#scope-banner .scope-label').textContent,
    summary: document.querySelector('#compare .compare-summary').textContent,
  }));
  await rescoped(() => page.click('#sections .sections-groups tr[data-kind="role"] [data-scope]'));
  await ready('compare');
  const chinese = await names();
  assert.deepEqual({ ...chinese, summary: undefined },
    { opening: '开头', role: '记者（全部提问）', rest: '其余部分', b: '记者（全部提问）', banner: '记者（全部提问）（11 段）', summary: undefined });
  assert.match(chinese.summary, /「记者（全部提问）」/);

  await page.click('.locale-switch [data-locale="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => /Opening/.test(document.querySelector('#sections tr[data-section="0"] th').textContent));
  await ready('compare');
  const english = await names();
  assert.deepEqual({ ...english, summary: undefined }, {
    opening: 'Opening', role: 'All reporters (the questions)', rest: 'The rest', b: 'All reporters (the questions)',
    banner: 'All reporters (the questions) (11 turns)', summary: undefined,
  });
  assert.match(english.summary, /“All reporters \(the questions\)”/);
  assert.doesNotMatch(Object.values(english).join(' '), /开头|全部提问|其余/);

  await page.click('.locale-switch [data-locale="zh-CN"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await ready('compare');
  await rescoped(() => page.click('#scope-banner button'));
});

const CHAPTERS = [
    ['第一回 春', '春天来了，桃花开了，燕子飞回来了。农民在田里播种，春雨滋润着大地。桃花和燕子是春天的信使。'],
    ['第二回 夏', '夏天很热，荷花开满池塘，孩子们在河里游泳。知了在树上叫，西瓜又甜又凉。荷花和西瓜属于夏天。'],
  ['第三回 秋', '秋天到了，稻谷金黄，农民忙着收割。枫叶红了，大雁南飞。稻谷和枫叶是秋天的颜色。'],
].map(([heading, body]) => `${heading}\n${body.repeat(3)}`).join('\n\n');

/** A fresh page with CHAPTERS analysed and divided by 章回. */
async function chaptersPage(t) {
  await samplePage(t);
  await analyseText(page, CHAPTERS);
  await ready('sections');
  assert.match(await page.textContent('#sections button[data-kind="chapter"]'), /建议/);
  await page.click('#sections button[data-kind="chapter"]');
  await page.waitForFunction(() => document.getElementById('sections').dataset.state === 'ready'
    && document.querySelectorAll('#sections .sections-scroll:not(.sections-groups) tbody tr').length === 3);
}

test('three chapters typed in: 章回 gives three sections, compare the first with the rest', async (t) => {
  await chaptersPage(t);
  const labels = await page.$$eval('#sections .sections-scroll:not(.sections-groups) tbody th', (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(labels, ['第一回 春', '第二回 夏', '第三回 秋']);
  assert.ok(await page.isHidden('#sections .sections-groups'));
  const spring = await page.$$eval('#sections tr[data-section="0"] .key-word:not(.is-less)', (bs) => bs.map((b) => b.dataset.word));
  assert.ok(spring.some((w) => ['桃花', '燕子', '春天', '春雨'].includes(w)), spring.join(' '));
  await ready('compare');
  assert.equal(await page.inputValue('#compare .compare-b'), 'rest');
  assert.match(await page.$eval('#compare .compare-a', (s) => s.selectedOptions[0].textContent), /第一回/);
  // 只看这一节: the banner names the chapter.
  await rescoped(() => page.click('#sections tr[data-section="1"] [data-scope]'));
  assert.match(await page.textContent('#scope-banner'), /只看：第二回 夏/);
  assert.ok((await chartWords(page)).some((w) => ['荷花', '西瓜', '夏天'].includes(w)));
  await rescoped(() => page.click('#scope-banner button'));
});

test('120 chapters: the division stays for a new text, the table scrolls inside the card', async (t) => {
  await chaptersPage(t);
  const numerals = (n) => {
    const digits = '零一二三四五六七八九';
    const tens = Math.floor(n / 10) % 10;
    const hundreds = Math.floor(n / 100);
    return `${hundreds ? `${digits[hundreds]}百` : ''}${tens ? `${hundreds && tens === 1 ? '一' : tens === 1 ? '' : digits[tens]}十` : hundreds && n % 10 ? '零' : ''}${n % 10 ? digits[n % 10] : ''}`;
  };
  const words = ['桃花', '荷花', '枫叶', '雪花', '燕子', '大雁', '稻谷', '西瓜'];
  const text = Array.from({ length: 120 }, (_, i) =>
    `第${numerals(i + 1)}回\n${`${words[i % 8]}在山中，${words[(i + 3) % 8]}在水边。村里人说起${words[i % 8]}，都很高兴。`.repeat(4)}`).join('\n');
  await analyseText(page, text);
  await page.waitForFunction(() => document.querySelectorAll('#sections .sections-scroll:not(.sections-groups) tbody tr').length === 120
    && document.getElementById('sections').dataset.state === 'ready');
  assert.equal(await page.getAttribute('#sections button[data-kind="chapter"]', 'aria-pressed'), 'true');
  const scroll = await page.$eval('#sections .sections-scroll:not(.sections-groups)', (e) => [e.scrollHeight, e.clientHeight]);
  assert.ok(scroll[0] > scroll[1] * 2 && scroll[1] < 700, `the table scrolls: ${scroll}`);
});

test('a corpus (the division given by file): 文件 is offered and picked, compare starts with the first two files', async (t) => {
  await samplePage(t);
  await analysed(page, () => dropFiles(page, [
    { name: 'file1.txt', parts: [AI_TEXT] }, { name: 'file2.txt', parts: [RIVER_TEXT] }, { name: 'file3.txt', parts: [TEA_TEXT] },
  ]));
  await page.waitForFunction(() => document.getElementById('sections').dataset.state === 'ready'
    && document.querySelector('#sections button[data-kind="given"]')?.getAttribute('aria-pressed') === 'true');
  assert.ok(await page.isVisible('#sections button[data-kind="given"]'));
  await page.waitForSelector('#compare[data-state="ready"]');
  assert.equal(await page.$eval('#compare .compare-a', (s) => s.selectedOptions[0].textContent), '1. file1.txt');
  assert.equal(await page.$eval('#compare .compare-b', (s) => s.selectedOptions[0].textContent), '2. file2.txt');
  const moreA = await page.$$eval('#compare .compare-side[data-side="a"] .key-word', (bs) => bs.map((b) => b.dataset.word));
  assert.ok(moreA.includes('芯片') || moreA.includes('人工智能'), moreA.join(' '));
});

test('no errors', () => assertClean(assert, session));
