// The concordance (views/concordance.js) over the sample and a few made-up
// texts: one line per occurrence, the word in the centre column; the
// filter, the sort by the words around it, the substring mode, the width;
// the reader and its 上一处 / 下一处; the exports; thousands of lines; and
// offsets that do not drift past characters outside the BMP. Each test
// opens its own page.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, analyseText, assertClean, downloaded, routeTestWorker, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now (each test opens its own; the helpers below act on it).
let page;

const collator = new Intl.Collator('zh-CN');
const VIEW = '#concordance';

/** Waits until the view shows `word`'s lines (after its query, or a change of mode). */
async function ready(word, target = page) {
  await target.waitForFunction((w) => {
    const view = document.getElementById('concordance');
    return view.dataset.term === w && view.dataset.state === 'ready';
  }, word);
}

/** Selects `word` as a link or the back button would: through the URL's hash. */
async function select(word) {
  await page.evaluate((w) => { location.hash = `w=${encodeURIComponent(w)}`; }, word);
  await ready(word);
}

/** A fresh page of the sample with `word` selected and its lines shown. */
async function pageWith(t, word) {
  page = await session.page(t, { hash: `#w=${encodeURIComponent(word)}` });
  await ready(word);
  return page;
}

/** Runs `action` (a change of a control) and waits until the rows are drawn anew for it. */
async function redrawn(action) {
  await page.$$eval(`${VIEW} tbody tr`, (rows) => rows.forEach((row) => { row.dataset.before = ''; }));
  await action();
  await page.waitForFunction(() => document.getElementById('concordance').dataset.state === 'ready'
    && !document.querySelector('#concordance tbody tr[data-before]'));
}

async function setMode(substring) {
  const box = page.locator(`${VIEW} .kwic-substring`);
  if ((await box.isChecked()) === substring) return;
  const word = await page.$eval(VIEW, (view) => view.dataset.term);
  await box.click();
  await ready(word);
}

/** The rows drawn: {index, start, left, node, right, text}. */
const rows = () => page.$$eval(`${VIEW} tbody tr[data-index]`, (trs) => trs.map((tr) => ({
  index: Number(tr.dataset.index),
  start: Number(tr.dataset.start),
  left: tr.querySelector('td.kwic-left').textContent,
  node: tr.querySelector('.kwic-open').textContent,
  right: tr.querySelector('td.kwic-right').textContent,
  text: tr.querySelector('td.kwic-left').textContent + tr.querySelector('.kwic-open').textContent + tr.querySelector('td.kwic-right').textContent,
})));

const summary = () => page.textContent(`${VIEW} .kwic-summary`);
/** N of 共 N 处. */
const total = async () => Number((await summary()).match(/共 ([\d,]+) 处/)[1].replace(/,/g, ''));

/** The word's count in the frequency table. */
const tableCount = (word) => page.$$eval('#frequency-table tbody tr', (trs, w) => {
  const row = trs.find((tr) => tr.querySelector('.col-word')?.textContent === w);
  return row ? Number(row.querySelector('.count-num').textContent.replace(/,/g, '')) : null;
}, word);

async function setWidth(width) {
  await redrawn(() => page.$eval(`${VIEW} .kwic-width`, (input, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, width));
  assert.equal(await page.$eval(`${VIEW} .kwic-width-value`, (output) => output.value), `${width} 字`);
}

/** Types `text` in the filter; resolves once the rows are drawn for it (it applies once typing pauses). */
const filter = (text) => redrawn(() => page.fill(`${VIEW} .kwic-filter`, text));

/** Fails unless `keys` are in the collator's order (equal keys may come in any order). */
function assertOrdered(keys, what) {
  for (let i = 1; i < keys.length; i++) {
    assert.ok(collator.compare(keys[i - 1], keys[i]) <= 0, `${what}, line ${i + 1}: 「${keys[i - 1]}」 before 「${keys[i]}」`);
  }
}

/** RFC 4180 records of `text` (CRLF line ends, "" in quoted cells). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return records;
}

const readerState = () => page.$eval(`${VIEW} dialog.reader`, (dialog) => {
  const text = dialog.querySelector('.reader-text');
  const current = text.querySelector('mark.is-current');
  const box = text.getBoundingClientRect();
  const at = current?.getBoundingClientRect();
  return {
    open: dialog.open,
    position: dialog.querySelector('.reader-position').textContent,
    marks: [...text.querySelectorAll('mark')].map((mark) => mark.textContent),
    current: current?.textContent,
    currentCount: text.querySelectorAll('mark.is-current').length,
    inView: Boolean(at) && at.top >= box.top && at.bottom <= box.bottom,
    length: text.textContent.length,
    // Only text and <mark>s (and the gap marks): user text never becomes markup.
    elements: [...new Set([...text.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))].sort(),
  };
});

async function openReader(index) {
  await page.click(`${VIEW} tbody tr[data-index="${index}"] .kwic-open`);
  await page.waitForFunction(() => document.querySelector('#concordance dialog.reader').open);
}

const focusedLine = () => page.evaluate(() => {
  const focused = document.activeElement;
  return focused.matches('.kwic-open') ? Number(focused.closest('tr').dataset.index) : null;
});

const download = (label) => downloaded(page, () => page.click(`${VIEW} .export-buttons button:text-is("${label}")`));

test('no word selected: the view shows nothing', async (t) => {
  page = await session.page(t);
  assert.equal(await page.$eval('#dashboard', (d) => d.classList.contains('has-word')), false);
  assert.equal(await page.isVisible(VIEW), false);
});

test('one line per occurrence, the word in the centre on every line', async (t) => {
  page = await session.page(t);
  for (const word of ['合作', '中国', '发展']) {
    await select(word);
    const count = await tableCount(word);
    assert.ok(count > 0, `${word} is in the frequency table`);
    assert.equal(await total(), count, `${word}: 共 N 处 is its count`);
    const lines = await rows();
    assert.equal(lines.length, count, `${word}: one row per occurrence`);
    assert.ok(lines.every((line) => line.node === word), `${word} in the centre of every line`);
    const starts = lines.map((line) => line.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'in the order of the text');
    assert.equal(await page.getAttribute(`${VIEW} table`, 'class'), 'kwic');
    assert.ok(await page.$(`${VIEW} table caption`), 'the table has a caption');
  }
  // The node's column is the same on every line: the word lines up.
  const lefts = await page.$$eval(`${VIEW} tbody .kwic-open`, (buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().left)));
  assert.equal(new Set(lefts).size, 1, 'the word is in one column');
  // The left context ends next to the word: right-aligned, cut on its far side.
  const gap = await page.$eval(`${VIEW} tbody tr[data-index="5"]`, (tr) =>
    tr.querySelector('.kwic-open').getBoundingClientRect().left - tr.querySelector('td.kwic-left span').getBoundingClientRect().right);
  assert.ok(gap >= 0 && gap < 12, `the left context ends at the word (${gap}px)`);
});

test('sorting by R1 orders the lines by the word after the node, in pinyin order', async (t) => {
  await pageWith(t, '中国');
  // Each line's words, from the JSON export (in the order of the text, before any sort).
  const answer = JSON.parse((await download('导出 JSON')).text).lines;
  const r1 = new Map(answer.map((line) => [line.start, line.rightWords[0] ?? '']));

  await page.selectOption(`${VIEW} .kwic-sort`, 'R1');
  const sorted = (await rows()).map((line) => line.start);
  assert.equal(sorted.length, answer.length);
  assertOrdered(sorted.map((start) => r1.get(start)), 'by R1');
  assert.notDeepEqual(sorted, [...sorted].sort((a, b) => a - b), 'the order changed');
  // The sort's word is marked, and is the R1 word of its line.
  const keys = await page.$$eval(`${VIEW} tbody tr[data-index]`, (trs) => trs.map((tr) =>
    [Number(tr.dataset.start), tr.querySelector('.kwic-word.is-key')?.textContent ?? null]));
  assert.ok(keys.filter(([, key]) => key !== null).length > answer.length / 2, 'most lines show their R1 word');
  for (const [start, key] of keys) if (key !== null) assert.equal(key, r1.get(start));
  assert.ok(await page.$$eval(`${VIEW} .kwic-word.is-key`, (words) => words.every((w) => w.dataset.slot === 'R1')));

  await page.selectOption(`${VIEW} .kwic-sort`, 'L1');
  const l1 = new Map(answer.map((line) => [line.start, line.leftWords[0] ?? '']));
  assertOrdered((await rows()).map((line) => l1.get(line.start)), 'by L1');

  await page.selectOption(`${VIEW} .kwic-sort`, 'position');
  const starts = (await rows()).map((line) => line.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
});

test('the filter keeps the lines whose context has the text', async (t) => {
  await pageWith(t, '中国');
  const all = await total();
  await filter('发展');
  const kept = await rows();
  assert.ok(kept.length > 0 && kept.length < all, `${kept.length} of ${all} lines kept`);
  assert.ok(kept.every((line) => line.text.replaceAll('⏎', '\n').includes('发展')));
  assert.equal(await summary(), `筛选出 ${kept.length} 处（共 ${all} 处）`);
  await filter('没有这样的上下文');
  assert.match(await page.textContent(`${VIEW} tbody`), /没有上下文含有「没有这样的上下文」的行/);
  await filter('');
  assert.equal((await rows()).length, all);
});

test('the width control trims the contexts', async (t) => {
  await pageWith(t, '合作');
  await setWidth(10);
  const narrow = await rows();
  assert.ok(narrow.every((line) => [...line.left].length <= 10 && [...line.right].length <= 10));
  assert.ok(narrow.some((line) => [...line.left].length === 10), 'ten characters a side');
  await setWidth(40);
  const wide = await rows();
  assert.ok(wide.some((line) => [...line.left].length > 30));
  // Each narrow context is the near end of the wide one.
  wide.forEach((line, i) => {
    assert.ok(line.left.endsWith(narrow[i].left));
    assert.ok(line.right.startsWith(narrow[i].right));
  });
  await setWidth(25);
});

test('substring mode finds the word inside longer words too', async (t) => {
  await pageWith(t, '发展');
  const words = await total();
  await setMode(true);
  const substrings = await total();
  assert.ok(substrings > words, `substring ${substrings} > word ${words}`);
  const lines = await rows();
  assert.ok(lines.every((line) => line.node === '发展'));
  assert.ok(lines.some((line) => line.right.startsWith('中国家')), '发展 in 发展中国家');
  await setMode(false);
  assert.equal(await total(), words);
});

test('a change of sort while the lines load applies to them', async (t) => {
  await pageWith(t, '合作');
  // Right after the selection's own hashchange listener has asked for 中国's
  // lines, before the worker answers: sort by R1.
  const during = await page.evaluate((w) => new Promise((resolve) => {
    window.addEventListener('hashchange', () => {
      const sort = document.querySelector('#concordance .kwic-sort');
      sort.value = 'R1';
      sort.dispatchEvent(new Event('change'));
      const view = document.getElementById('concordance');
      resolve({
        state: view.dataset.state,
        nothing: !view.querySelector('.kwic-nothing').hidden,
        exportDisabled: view.querySelector('.export-buttons button').disabled,
        inert: view.querySelector('.kwic-results').inert,
      });
    }, { once: true });
    location.hash = `w=${encodeURIComponent(w)}`;
  }), '中国');
  assert.deepEqual(during, { state: 'loading', nothing: false, exportDisabled: true, inert: true });
  await ready('中国');
  assert.equal(await page.$eval(`${VIEW} .export-buttons button`, (b) => b.disabled), false);
  assert.equal((await rows()).length, await tableCount('中国'));
  assert.ok(await page.$(`${VIEW} .kwic-word.is-key[data-slot="R1"]`), 'sorted by R1');
  await page.selectOption(`${VIEW} .kwic-sort`, 'position');
});

test('a word that is not in the text says so', async (t) => {
  page = await session.page(t);
  await select('<b>不在文中</b>');
  assert.equal(await page.isVisible(`${VIEW} table`), false);
  const message = await page.textContent(`${VIEW} .kwic-nothing`);
  assert.match(message, /文中没有「<b>不在文中<\/b>」这个词/);
  assert.match(message, /包含该字串的词也算/);
  assert.equal(await page.$(`${VIEW} b`), null, 'the word stays text');
});

test('a query that fails shows its message', async (t) => {
  // The worker answers every query of 合作's lines (as a word) with an error, as it sends one (a test worker, harness.mjs).
  const context = await session.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close().catch(() => {}));
  await routeTestWorker(context, { failWhen: ['"query":"concordance"', '"term":"合作"', '"mode":"word"'] });
  page = await session.open({ context, hash: `#w=${encodeURIComponent('合作')}` });
  await page.waitForFunction(() => document.getElementById('concordance').dataset.state === 'error');
  assert.equal(await page.textContent(`${VIEW} .kwic-nothing`), '还没有分析过文本。');
  assert.equal(await page.isVisible(`${VIEW} table`), false);
  // Asked again, another way (as a part of words): answered.
  await page.click(`${VIEW} .kwic-substring`);
  await ready('合作');
  const lines = await rows();
  assert.ok(lines.length >= await tableCount('合作') && lines.every((line) => line.node === '合作'));
  assert.equal(await page.isVisible(`${VIEW} .kwic-nothing`), false);
});

test('the reader shows the hit in the text, and moves to the next and previous', async (t) => {
  await pageWith(t, '合作');
  const count = await total();
  await openReader(2);
  let state = await readerState();
  assert.equal(state.position, `第 3 / ${count} 处`);
  assert.equal(state.current, '合作');
  assert.equal(state.currentCount, 1);
  assert.ok(state.inView, 'the current hit is scrolled into view');
  assert.ok(state.marks.length > 1 && state.marks.every((mark) => mark === '合作'), 'the other hits are marked too');
  assert.deepEqual(state.elements.filter((tag) => tag !== 'span'), ['mark']);
  assert.ok(await page.$eval(`${VIEW} dialog.reader`, (d) => d.contains(document.activeElement)), 'the focus is in the reader');

  await page.click(`${VIEW} .reader-next`);
  state = await readerState();
  assert.equal(state.position, `第 4 / ${count} 处`);
  assert.ok(state.inView);
  await page.click(`${VIEW} .reader-previous`);
  await page.click(`${VIEW} .reader-previous`);
  assert.equal((await readerState()).position, `第 2 / ${count} 处`);

  // The reader's place is the table's: the current hit is the one of that row.
  const start = await page.$eval(`${VIEW} tbody tr[data-index="1"]`, (tr) => Number(tr.dataset.start));
  const text = await page.inputValue('#text');
  const before = await page.$eval(`${VIEW} mark.is-current`, (mark) => {
    let n = 0;
    const walker = document.createTreeWalker(mark.closest('.reader-text'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode() && !mark.contains(walker.currentNode)) n += walker.currentNode.textContent.length;
    return mark.closest('.reader-text').textContent.slice(Math.max(0, n - 12), n);
  });
  assert.ok(text.slice(0, start).replace(/\r\n?/g, '\n').endsWith(before), 'the text before the mark is the text before the hit');

  await page.keyboard.press('Escape');
  assert.equal((await readerState()).open, false);
  assert.equal(await focusedLine(), 1, 'the focus is back on the line the reader was at');
});

test('the lines are reachable with the keyboard', async (t) => {
  await pageWith(t, '合作');
  await page.focus(`${VIEW} .kwic-filter`);
  for (let i = 0; i < 20 && (await focusedLine()) === null; i++) await page.keyboard.press('Tab');
  assert.equal(await focusedLine(), 0, 'Tab reaches the first line');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedLine(), 2);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedLine(), 1);
  // The table is one tab stop: Tab leaves it.
  await page.keyboard.press('Tab');
  assert.equal(await focusedLine(), null);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedLine(), 1, 'and comes back to the line it left');

  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#concordance dialog.reader').open);
  assert.equal((await readerState()).position, `第 2 / ${await total()} 处`);
  await page.keyboard.press('Enter'); // 下一处 has the focus
  assert.equal((await readerState()).position, `第 3 / ${await total()} 处`);
  await page.click(`${VIEW} .reader-close`);
  assert.equal(await focusedLine(), 2);

  // → reaches the word after the node; Enter on it selects it.
  await page.keyboard.press('ArrowRight');
  const next = await page.evaluate(() => document.activeElement.dataset.word ?? null);
  assert.ok(next, 'a word of the right context has the focus');
  await page.keyboard.press('Enter');
  await ready(next);
  assert.equal(await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('w')), next);
  assert.equal(await focusedLine(), 0, 'the focus goes to the first line of the new word');
});

test('a word of a context is a link to that word', async (t) => {
  await pageWith(t, '中国');
  const word = await page.$eval(`${VIEW} tbody .kwic-word[data-slot="R1"]`, (w) => w.dataset.word);
  await page.click(`${VIEW} tbody .kwic-word[data-slot="R1"]`);
  await ready(word);
  assert.equal(await page.$eval(`${VIEW} dialog.reader`, (d) => d.open), false, 'the reader did not open');
});

test('CSV and JSON exports of the lines as shown', async (t) => {
  await pageWith(t, '中国');
  const count = await total();
  const csv = await download('导出 CSV');
  assert.equal(csv.name, 'concordance-中国.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = csv.bytes.toString('utf8').slice(1);
  assert.ok(text.endsWith('\r\n'));
  assert.equal(text.replaceAll('\r\n', '').includes('\n'), false, 'CRLF line ends only');
  const lines = text.slice(0, -2).split('\r\n');
  assert.equal(lines.length, count + 1, 'a header and one line per occurrence');
  const records = parseCsv(text);
  assert.equal(records.length, count + 1);
  assert.deepEqual(records[0], ['序号', '左侧上下文', '关键词', '右侧上下文', '起点', '终点']);
  const shown = await rows();
  records.slice(1).forEach(([number, left, word, right, start, end], i) => {
    assert.equal(number, String(i + 1));
    assert.equal(word, '中国');
    assert.equal(Number(start), shown[i].start);
    assert.equal(Number(end), shown[i].start + 2);
    assert.equal(left.replace(/^'/, ''), shown[i].left.replaceAll('⏎', ' ').replace(/^'/, ''));
    assert.equal(right.replace(/^'/, ''), shown[i].right.replaceAll('⏎', ' ').replace(/^'/, ''));
  });

  // Filtered and sorted: the file has what the table has, in its order.
  await filter('发展');
  await page.selectOption(`${VIEW} .kwic-sort`, 'R1');
  const kept = await rows();
  const json = await download('导出 JSON');
  assert.equal(json.name, 'concordance-中国.json');
  const value = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(value.word, '中国');
  assert.equal(value.total, count);
  assert.deepEqual(value.lines.map((line) => line.start), kept.map((line) => line.start));
  assert.ok(value.lines.every((line) => line.word === '中国' && Array.isArray(line.rightWords)));
  const filteredCsv = (await download('导出 CSV')).bytes.toString('utf8');
  assert.equal(filteredCsv.split('\r\n').length - 1, kept.length + 1);
  await filter('');
  await page.selectOption(`${VIEW} .kwic-sort`, 'position');
});

test('thousands of lines: drawn a page at a time, exported in full', async (t) => {
  page = await session.page(t);
  await analyseText(page, '我们加强合作，推动共同发展。\n'.repeat(2400));
  await select('合作');
  assert.equal(await total(), 2400);
  assert.equal((await rows()).length, 500, 'the first 500 rows');
  assert.match(await page.textContent(`${VIEW} .kwic-more`), /还有 1,900 行/);
  assert.equal(await page.$$eval(`${VIEW} .kwic-break`, (marks) => marks.length > 0), true, 'line breaks show as ⏎');
  await page.click(`${VIEW} .kwic-more`);
  assert.equal((await rows()).length, 1000);

  await page.selectOption(`${VIEW} .kwic-sort`, 'L1');
  assert.equal((await rows()).length, 500, 'a new order starts from its first page');
  await page.selectOption(`${VIEW} .kwic-sort`, 'position');

  // The reader shows a window of the text, not all of it.
  await openReader(499);
  await page.click(`${VIEW} .reader-next`);
  const state = await readerState();
  assert.equal(state.position, '第 501 / 2,400 处');
  assert.ok(state.length < 4000, `the reader holds ${state.length} characters`);
  assert.ok(state.marks.length > 100);
  await page.keyboard.press('Escape');
  assert.equal(await focusedLine(), 500, 'the row of the hit was drawn to take the focus');

  const csv = (await download('导出 CSV')).bytes.toString('utf8');
  assert.equal(csv.split('\r\n').length - 1, 2401, 'every line, not only the rows drawn');
});

test('characters outside the BMP do not move the offsets', async (t) => {
  page = await session.page(t);
  const text = '𠀀𠀁中国人民。𠀀中国，中国𠀁！';
  await page.fill('#text', text);
  await analysed(page, () => page.click('#analyze'));
  await select('中国');
  await setMode(true);
  const lines = await rows();
  assert.equal(lines.length, 3);
  assert.deepEqual(lines.map((line) => line.start), [4, 11, 14]);
  assert.ok(lines.every((line) => line.node === '中国'));
  assert.equal(lines[0].left, '𠀀𠀁');
  await setWidth(10);
  assert.equal((await rows())[2].left, '𠀁中国人民。𠀀中国，', 'ten characters, a character outside the BMP counting one');
  await setWidth(25);

  for (const index of [0, 1, 2]) {
    await openReader(index);
    const state = await readerState();
    assert.equal(state.position, `第 ${index + 1} / 3 处`);
    assert.deepEqual(state.marks, ['中国', '中国', '中国'], 'exactly 中国 is marked, three times');
    assert.equal(state.current, '中国');
    const marked = await page.$$eval(`${VIEW} .reader-text mark`, (marks) => marks.map((mark) => mark.classList.contains('is-current')));
    assert.deepEqual(marked, [0, 1, 2].map((i) => i === index));
    assert.equal(await page.textContent(`${VIEW} .reader-text`), text);
    await page.keyboard.press('Escape');
  }
  await setMode(false);
});

test('on a phone the view fits the screen and the word stays in sight', async (t) => {
  page = await session.page(t, { viewport: { width: 390, height: 844 }, hash: `#w=${encodeURIComponent('合作')}` });
  await ready('合作');
  await page.locator(VIEW).scrollIntoViewIfNeeded();
  // The view fits the screen (its lines are cut, or scroll inside it).
  const right = await page.$eval(VIEW, (view) => [view.getBoundingClientRect().right, document.documentElement.clientWidth]);
  assert.ok(right[0] <= right[1], `the view ends inside the screen (${right})`);
  // The node stays visible inside the view on a narrow screen.
  const node = await page.$eval(`${VIEW} .kwic-open`, (button) => {
    const box = button.getBoundingClientRect();
    const view = button.closest('.kwic-scroll').getBoundingClientRect();
    return box.left >= view.left && box.right <= view.right;
  });
  assert.ok(node, 'the node is inside the view');
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
