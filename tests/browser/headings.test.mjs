// The headings people write, on the page (views/sections.js): a government
// report's 一、 and （一）, a Markdown novel's "## 第一回", a traditional
// novel whose dialogue opens with 老殘說：「…」. The structure card suggests
// 标题 for each, lists their headings, and never offers 发言人 for a novel.
// A heading pattern of the user's own divides at the lines it matches; a bad
// one shows the core's refusal by its field and leaves the division as it
// was; the pattern is the division every view follows, and a switch of
// language keeps it. The trends, network and dispersion charts export with
// their title and method above them.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { analysed, analyseText, assertClean, downloaded, dropFile, resultCount, resultsAfter, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

let page;

const REPORT = `政府工作报告
——2024年3月5日在第十四届全国人民代表大会第二次会议上

各位代表：
现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。

一、2023年工作回顾
过去一年是全面贯彻党的二十大精神的开局之年，是三年新冠疫情防控转段后经济恢复发展的一年。我们坚持稳中求进工作总基调，国内生产总值超过126万亿元，增长5.2%，城镇新增就业1244万人。
（一）加强宏观政策调控，着力扩需求、稳就业、防风险。实施积极的财政政策，延续和优化减税降费政策，全年新增减税降费及退税缓费超过2.2万亿元。
（二）深化改革扩大开放，持续改善营商环境。推动国有企业改革深化提升，出台促进民营经济发展壮大的意见，稳外贸稳外资。
（三）大力推动现代化产业体系建设，加快科技自立自强。推进关键核心技术攻关，制造业增加值占国内生产总值比重基本稳定。
二、2024年经济社会发展总体要求和政策取向
今年经济社会发展的主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；居民消费价格涨幅3%左右。
（一）坚持稳中求进、以进促稳、先立后破。多出有利于稳预期、稳增长、稳就业的政策，在转方式、调结构、提质量、增效益上积极进取。
（二）增强宏观政策取向一致性。加强财政、货币、就业、产业、区域、科技、环保等政策协调配合，形成推动高质量发展的合力。
三、2024年政府工作任务
（一）大力推进现代化产业体系建设，加快发展新质生产力。推动产业链供应链优化升级，积极培育新兴产业和未来产业。
（二）深入实施科教兴国战略，强化高质量发展的基础支撑。加强高质量教育体系建设，加快推动高水平科技自立自强。
（三）着力扩大国内需求，推动经济实现良性循环。促进消费稳定增长，积极扩大有效投资。
`;

const MARKDOWN_NOVEL = `# 老残游记

刘鹗 著

## 第一回 土不制水历年成患 风能鼓浪到处可危

话说山东登州府东门外有一座大山，名叫蓬莱山。山上有个阁子，名叫蓬莱阁。这阁造得画栋飞云，珠帘卷雨，十分壮丽。
却说那年有个游客，名叫老残。此人原姓铁，单名一个英字，号补残。因慕懒残和尚煨芋的故事，遂取这“残”字做号。
老残说道：“这船虽大，却是危险得很，我们须得想个法子救他一救。”文章伯道：“我们赶紧下山去罢。”

## 第二回 历山山下古帝遗踪 明湖湖边美人绝调

老残动身上车，一路秋山红叶，老圃黄花，颇不寂寞。到了济南府，进得城来，家家泉水，户户垂杨。
到了鹊华桥边，老残雇了一只小船，荡起双桨，朝北不远，便到历下亭前。
只听那台下有人说道：“这就是王小玉唱书了。”老残听了，心里十分诧异。

## 第三回 金线东来寻黑虎 布帆西去访苍鹰

次日，老残到了大明湖，游了一回千佛山。看那山上的梵宇僧楼，与那苍松翠柏，高下相间。
老残对高公说：“这病不难治，只是要慢慢地调养。”高公大喜，留他住下。
`;

// Each chapter's dialogue: lines that start with a name and a colon, as speaker turns do, but open a quotation.
const TRADITIONAL_NOVEL = `老殘遊記

第一回　土不制水歷年成患　風能鼓浪到處可危

話說山東登州府東門外有一座大山，名叫蓬萊山。山上有個閣子，名叫蓬萊閣。
老殘說：「這船雖大，卻是危險得很，我們須得想個法子救他一救。」
文章伯說：「我們趕緊下山去罷。」
老殘說：「他們在船上走了一夜，想必也辛苦了。」

第二回　歷山山下古帝遺蹤　明湖湖邊美人絕調

老殘動身上車，一路秋山紅葉，老圃黃花，頗不寂寞。到了濟南府，進得城來，家家泉水，戶戶垂楊。
老殘說：「這濟南府的風景，真是名不虛傳。」
店家道：「客人，這是大明湖，湖裏荷花開得正好。」
老殘說：「明日再去看罷。」

第三回　金線東來尋黑虎　布帆西去訪蒼鷹

次日，老殘到了大明湖，遊了一回千佛山。
高公說：「先生的醫道，真是高明。」
老殘說：「這病不難治，只是要慢慢地調養。」
高公說：「那就請先生住下罷。」
`;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations in the structure card, as `rule: target` lines. */
async function cardViolations() {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run('#sections-card', { resultTypes: ['violations'] });
    return result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
      .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
  });
}

const OUTLINE_PATTERN = '（[一二三四五六七八九十]+）';

const ready = () => page.waitForSelector('#sections[data-state="ready"]');

/** The labels of the sections the card lists. */
const labels = () => page.$$eval('#sections .sections-scroll:not(.sections-groups) tbody th', (cells) => cells.map((c) => c.textContent));

/** The pressed kind, once the card is ready with it. */
async function shown(kind, rows) {
  await page.waitForFunction(([k, n]) => document.getElementById('sections').dataset.state === 'ready'
    && document.querySelector('#sections button[data-kind][aria-pressed="true"]')?.dataset.kind === k
    && (n === undefined || document.querySelectorAll('#sections .sections-scroll:not(.sections-groups) tbody tr').length === n), [kind, rows]);
}

/** The card's state for a text just analysed: what it suggests, and which kinds are marked so. */
async function suggestion() {
  await ready();
  return page.evaluate(() => ({
    summary: document.querySelector('#sections .sections-summary').textContent,
    marked: [...document.querySelectorAll('#sections button.is-suggested')].map((b) => b.dataset.kind),
  }));
}

/** Types `pattern` in the heading pattern's field (opened by its kind's button) and applies it. */
async function givePattern(pattern) {
  if (await page.isHidden('#sections .sections-pattern-field')) await page.click('#sections button[data-kind="pattern"]');
  await page.fill('#sections-pattern', pattern);
  await page.press('#sections-pattern', 'Enter');
}

test('a government report: 标题 suggested (一、 parts), its own pattern （一） divides at its points, a bad one is refused by the field', async (t) => {
  page = await session.page(t);
  await analyseText(page, REPORT);
  const { summary, marked } = await suggestion();
  assert.deepEqual(marked, ['chapter']);
  assert.match(summary, /按「标题」划分（4 节）/);
  assert.equal(await page.textContent('#sections button[data-kind="chapter"]'), '标题建议');
  await page.click('#sections .sections-suggestion button');
  await shown('chapter', 4);
  assert.deepEqual(await labels(), ['开头', '一、2023年工作回顾', '二、2024年经济社会发展总体要求和政策取向', '三、2024年政府工作任务']);

  // The pattern's kind opens its field with its hint; the division stays until a pattern is given.
  assert.ok(await page.isHidden('#sections .sections-pattern-field'));
  await page.click('#sections button[data-kind="pattern"]');
  assert.ok(await page.isVisible('#sections-pattern'));
  assert.match(await page.textContent('#sections .sections-pattern-hint'), /正则表达式.*（\[一二三四五六七八九十\]\+）/);
  assert.equal(await page.getAttribute('#sections button[data-kind="chapter"]', 'aria-pressed'), 'true');

  // A bad pattern: the core's refusal by the field, the headings' division kept.
  await givePattern('（[一二');
  await page.waitForSelector('#sections-pattern-error:not([hidden])');
  const refusal = await page.textContent('#sections-pattern-error');
  assert.match(refusal, /^选项有误：heading pattern “（\[一二”: .+/);
  assert.equal(await page.getAttribute('#sections-pattern', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#sections button[data-kind="chapter"]', 'aria-pressed'), 'true');
  assert.equal((await labels()).length, 4, 'the division as it was');
  assert.deepEqual(await cardViolations(), [], 'the field, its hint and its refusal are accessible');

  // A good one: a section per （一） point, after the opening.
  await givePattern(OUTLINE_PATTERN);
  await shown('pattern', 9);
  assert.ok(await page.isHidden('#sections-pattern-error'));
  assert.equal(await page.getAttribute('#sections-pattern', 'aria-invalid'), 'false');
  const points = await labels();
  assert.equal(points[0], '开头');
  assert.deepEqual(points.slice(1).map((label) => label.slice(0, 3)), ['（一）', '（二）', '（三）', '（一）', '（二）', '（一）', '（二）', '（三）']);
  assert.equal(points[5], '（二）增强宏观政策取向一致性');

  // A bad pattern now keeps that division, and its sections.
  await givePattern('(?<');
  await page.waitForSelector('#sections-pattern-error:not([hidden])');
  assert.equal(await page.getAttribute('#sections button[data-kind="pattern"]', 'aria-pressed'), 'true');
  assert.deepEqual(await labels(), points);
  // An empty one is the core's to refuse too.
  await givePattern('');
  await page.waitForFunction(() => /cannot be empty/.test(document.getElementById('sections-pattern-error').textContent));
});

test('the pattern is the division every view follows: 只看 a point, trends by it; a switch of language keeps it', async (t) => {
  page = await session.page(t);
  await analyseText(page, REPORT);
  await ready();
  await givePattern(OUTLINE_PATTERN);
  await shown('pattern', 9);

  // 只看这一节: the scope banner names the point, the keywords are its own.
  const before = await resultCount(page);
  await page.click('#sections tr[data-section="5"] [data-scope]');
  await resultsAfter(page, before);
  assert.match(await page.textContent('#scope-banner'), /只看：（二）增强宏观政策取向一致性/);
  const scoped = await page.$eval('#counts [data-count="tokens"] .count-value', (e) => Number(e.textContent.replace(/,/g, '')));
  assert.ok(scoped > 0 && scoped < 60, `the point's words: ${scoped}`);
  const back = await resultCount(page);
  await page.click('#scope-banner button');
  await resultsAfter(page, back);

  // Trends: by the pattern, a point per section.
  await page.locator('#trends-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /按自定的标题规则，共 9 节/.test(document.querySelector('#trends .trends-message').textContent));

  // A bad pattern typed, then English: the field keeps both, the refusal is said in English, the division stays.
  await page.fill('#sections-pattern', '[');
  await page.press('#sections-pattern', 'Enter');
  await page.waitForSelector('#sections-pattern-error:not([hidden])');
  await page.click('.locale-switch [data-locale="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => /^An option is invalid: heading pattern/.test(document.getElementById('sections-pattern-error').textContent));
  assert.equal(await page.inputValue('#sections-pattern'), '[');
  assert.equal(await page.textContent('#sections label[for="sections-pattern"]'), 'Heading pattern');
  assert.match(await page.textContent('#sections button[data-kind="pattern"]'), /^Own pattern/);
  assert.match(await page.textContent('#sections button[data-kind="chapter"]'), /^Headings/);
  assert.equal(await page.getAttribute('#sections button[data-kind="pattern"]', 'aria-pressed'), 'true');
  await page.waitForFunction(() => /By your heading pattern, 9 sections/.test(document.querySelector('#trends .trends-message').textContent));
  // Its own pattern back: it divides as it did.
  await page.fill('#sections-pattern', OUTLINE_PATTERN);
  await page.press('#sections-pattern', 'Enter');
  assert.ok(await page.isHidden('#sections-pattern-error'));
  await shown('pattern', 9);
  await page.click('.locale-switch [data-locale="zh-CN"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
});

test('a Markdown novel (## 第一回) dropped as a file: 标题 suggested, its 回 listed, no speakers', async (t) => {
  page = await session.page(t);
  await analysed(page, () => dropFile(page, '老残游记.md', [MARKDOWN_NOVEL]));
  const { summary, marked } = await suggestion();
  assert.deepEqual(marked, ['chapter']);
  assert.match(summary, /按「标题」划分（4 节）/);
  await page.click('#sections button[data-kind="chapter"]');
  await shown('chapter', 4);
  assert.deepEqual(await labels(), ['开头', '第一回 土不制水历年成患 风能鼓浪到处可危', '第二回 历山山下古帝遗踪 明湖湖边美人绝调', '第三回 金线东来寻黑虎 布帆西去访苍鹰']);
  // Asked for speakers all the same: none (老残说道：“…” is dialogue).
  await page.click('#sections button[data-kind="speaker"]');
  await shown('speaker', 1);
  assert.ok(await page.isHidden('#sections .sections-groups'));
});

test('a traditional novel whose dialogue opens with 老殘說：「…」: 标题 suggested, never 发言人', async (t) => {
  page = await session.page(t);
  await analyseText(page, TRADITIONAL_NOVEL);
  const { marked } = await suggestion();
  assert.deepEqual(marked, ['chapter']);
  await page.click('#sections button[data-kind="chapter"]');
  await shown('chapter', 4);
  assert.deepEqual((await labels()).slice(1), ['第一回　土不制水歷年成患　風能鼓浪到處可危', '第二回　歷山山下古帝遺蹤　明湖湖邊美人絕調', '第三回　金線東來尋黑虎　布帆西去訪蒼鷹']);
  await page.click('#sections button[data-kind="speaker"]');
  await shown('speaker', 1);
  assert.ok(await page.isHidden('#sections .sections-groups'), 'no speaker groups: 老殘 is no speaker');
  assert.ok(await page.isHidden('#sections .sections-speaker-field'));

  // One chapter's dialogue alone, no heading: paragraphs, not speakers.
  const dialogue = TRADITIONAL_NOVEL.split('第二回')[0].split('\n').slice(4).join('\n');
  await analyseText(page, dialogue);
  await page.click('#sections button[data-kind="none"]');
  const alone = await suggestion();
  assert.ok(!alone.marked.includes('speaker'), `suggested: ${alone.marked}`);
});

/** Exports `label` (PNG, SVG) from the export buttons `buttons`. */
const exportFrom = (buttons, label) => downloaded(page, () => page.locator(`${buttons} button`, { hasText: label }).first().click());

/** The caption an exported SVG carries: its <title>, its first two <text>s. */
const captionOf = (svg) => ({
  title: svg.match(/<title>([^<]*)<\/title>/)?.[1],
  lines: [...svg.matchAll(/<text x="12" y="(?:22|42)"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]),
});

/** A PNG's height in pixels, from its IHDR chunk. */
const pngHeight = (bytes) => bytes.readUInt32BE(20);

test('the trends, network and dispersion charts export with their title and method above them', async (t) => {
  page = await session.page(t, { hash: `#w=${encodeURIComponent('发展')}` });
  await analyseText(page, REPORT);
  await page.click('#sections button[data-kind="chapter"]');
  await shown('chapter', 4);

  await page.locator('#trends-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#trends .heat-grid .heat-cell').length > 0);
  const lines = captionOf((await exportFrom('#trends .trends-line-exports.export-buttons', 'SVG')).text);
  assert.deepEqual(lines.lines, ['趋势 · 趋势图', '按标题，共 4 节；每节中每万词的出现次数']);
  assert.equal(lines.title, '趋势 · 趋势图 · 按标题，共 4 节；每节中每万词的出现次数');
  const heat = captionOf((await exportFrom('#trends .trends-heat-exports.export-buttons', 'SVG')).text);
  assert.equal(heat.lines[0], '趋势 · 热图：前 20 个关键词');
  assert.match(heat.lines[1], /^按标题，共 4 节；每格是一个词在一节中每万词的出现次数/);
  const heatChart = await page.$eval('#trends .trends-heat-figure svg', (svg) => svg.viewBox.baseVal.height);
  assert.ok(pngHeight((await exportFrom('#trends .trends-heat-exports.export-buttons', 'PNG')).bytes) > heatChart * 2, 'the PNG has its caption too');

  await page.locator('#network-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#network svg .network-node').length > 0
    && !document.getElementById('network').classList.contains('is-loading'));
  const network = captionOf((await exportFrom('#network .export-buttons', 'SVG')).text);
  assert.equal(network.lines[0], '共现网络（按句）');
  assert.match(network.lines[1], /^同一句里常一起出现的词相连（Jaccard 系数最高的 \d+ 条连线）/);
  assert.ok(pngHeight((await exportFrom('#network .export-buttons', 'PNG')).bytes) > 0);

  await page.locator('#dispersion').scrollIntoViewIfNeeded();
  await page.waitForSelector('#dispersion svg');
  const dispersion = captionOf((await exportFrom('#dispersion .export-buttons', 'SVG')).text);
  assert.deepEqual(dispersion.lines, ['分布：发展', '上：每次出现的位置；下：每万词出现次数（按词数平均分成 10 段）']);
  const chart = await page.$eval('#dispersion svg', (svg) => svg.getBoundingClientRect().height);
  assert.ok(pngHeight((await exportFrom('#dispersion .export-buttons', 'PNG')).bytes) > Math.ceil(chart) * 2, 'the PNG has its caption too');
});

test('no errors', () => assertClean(assert, session));
