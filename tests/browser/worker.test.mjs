// The worker keeps the document it cut: options that only filter or rank
// summarise it again without a new cut, a query is answered while a long
// analysis is still cutting, and a newer analysis stops an older one.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, startWithPage } from './harness.mjs';

let browser;
let page;
before(async () => ({ browser, page } = await startWithPage({ hash: '#test' })));
after(() => browser?.close());

test('stopwords off and on: a new summary of the kept document, no new cut', async () => {
  const stages = await page.evaluate(async () => {
    const client = window.__ciyanClient;
    const text = document.getElementById('text').value;
    const seen = [];
    const before = client.document.id;
    const answer = await client.analyze(text, { stopwords: false }, (p) => seen.push(p.stage));
    return { seen, same: client.document.id === before, first: answer.analysis.words[0].word };
  });
  assert.ok(!stages.seen.includes('segmenting'), `stages: ${stages.seen}`);
  assert.equal(stages.same, true, 'the same document');
  assert.equal(stages.first, '的', 'stopwords kept');
});

test('a query is answered while a long analysis is still cutting', async () => {
  const timeline = await page.evaluate(async () => {
    const client = window.__ciyanClient;
    const big = document.getElementById('text').value.repeat(300); // about 7 MB
    const events = [];
    const started = performance.now();
    const analysis = client.analyze(big, {}, (p) => { if (p.stage === 'segmenting' && events.length === 0) events.push(['cutting', performance.now() - started]); })
      .then(() => events.push(['analysed', performance.now() - started]));
    // Asked once the cut is under way.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const lines = await client.query('concordance', '中国');
    events.push(['answered', performance.now() - started, lines.length]);
    await analysis;
    return events;
  });
  const at = Object.fromEntries(timeline.map(([name, t]) => [name, t]));
  assert.ok(at.answered < at.analysed, `the query waited for the analysis: ${JSON.stringify(timeline)}`);
  const answered = timeline.find(([name]) => name === 'answered');
  assert.ok(answered[2] > 0, 'the document cut before answered');
});

test('a newer analysis stops an older one', async () => {
  const result = await page.evaluate(async () => {
    const client = window.__ciyanClient;
    const big = '长江是中国第一大河。\n'.repeat(400_000);
    const first = client.analyze(big, {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await client.analyze('黄河是中国第二长河。', {});
    return { first: await first, second: second.analysis.words.map((w) => w.word) };
  });
  assert.deepEqual(result.first, { stale: true });
  assert.ok(result.second.includes('黄河'));
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, browser);
});
