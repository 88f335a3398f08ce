// The worker keeps the document it cut: options that only filter or rank
// summarise it again without a new cut, a query is answered while a long
// analysis is still cutting, and a newer analysis stops an older one. Asked
// of a client of its own that each test makes in the page from the page's
// module (js/analyzer-client.js): the page itself exposes none.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, start } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

/**
 * A fresh page with window.testClient: a new AnalyzerClient (a worker of
 * its own, not the page's) that has analysed the sample, which is
 * window.sample. Made by the test in its page; the worker ends with the page.
 */
async function pageWithClient(t) {
  const page = await session.page(t);
  await page.evaluate(async () => {
    const { AnalyzerClient } = await import('/js/analyzer-client.js');
    window.sample = document.getElementById('text').value;
    window.testClient = new AnalyzerClient();
    await window.testClient.analyze(window.sample, {});
  });
  return page;
}

test('stopwords off and on: a new summary of the kept document, no new cut', async (t) => {
  const page = await pageWithClient(t);
  const stages = await page.evaluate(async () => {
    const { testClient: client, sample } = window;
    const seen = [];
    const before = client.document.id;
    const answer = await client.analyze(sample, { stopwords: false }, (p) => seen.push(p.stage));
    return { seen, same: client.document.id === before, first: answer.analysis.words[0].word };
  });
  assert.ok(!stages.seen.includes('segmenting'), `stages: ${stages.seen}`);
  assert.equal(stages.same, true, 'the same document');
  assert.equal(stages.first, '的', 'stopwords kept');
});

test('a query is answered while a long analysis is still cutting', async (t) => {
  const page = await pageWithClient(t);
  const timeline = await page.evaluate(async () => {
    const { testClient: client, sample } = window;
    const big = sample.repeat(300); // about 7 MB
    const events = [];
    let cutting;
    const underWay = new Promise((resolve) => { cutting = resolve; });
    const analysis = client.analyze(big, {}, (p) => { if (p.stage === 'segmenting') cutting(); })
      .then(() => events.push('analysed'));
    // Asked once the cut is under way (its first progress), not after a guess at how long that takes.
    await underWay;
    const lines = await client.ask({ query: 'concordance', term: '中国' });
    events.push(`answered ${!lines.stale && JSON.stringify(lines).includes('"中国"')}`);
    await analysis;
    return events;
  });
  assert.deepEqual(timeline, ['answered true', 'analysed'], 'the query did not wait for the analysis, and was about the document cut before');
});

test('a newer analysis stops an older one', async (t) => {
  const page = await pageWithClient(t);
  const result = await page.evaluate(async () => {
    const client = window.testClient;
    const big = '长江是中国第一大河。\n'.repeat(400_000);
    let cutting;
    const underWay = new Promise((resolve) => { cutting = resolve; });
    const first = client.analyze(big, {}, (p) => { if (p.stage === 'segmenting') cutting(); });
    await underWay;
    const second = await client.analyze('黄河是中国第二长河。', {});
    return { first: await first, second: second.analysis.words.map((w) => w.word) };
  });
  assert.deepEqual(result.first, { stale: true });
  assert.ok(result.second.includes('黄河'));
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
