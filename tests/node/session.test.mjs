// The core's session as the page's worker holds it: the built wasm package
// (www/pkg, `make wasm`) loaded in Node, asked through the same contract
// (src/session/) the worker carries. Positions are UTF-16 units here.
// These replace the wasm-bindgen tests of the old bindings (tests/wasm.rs).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { initSync, Session, decode, lastPanic } from '../../www/pkg/ciyan.js';

const pkg = (name) => readFileSync(new URL(`../../www/pkg/${name}`, import.meta.url));
initSync({ module: pkg('ciyan_bg.wasm') });
const DICTIONARY = new Uint8Array(pkg('ciyan.dict'));
const SAMPLE = readFileSync(new URL('../../www/samples/wangyi-press-conference-2024-03-07.txt', import.meta.url), 'utf8');

/** A session that keeps `text`, stepping the cut as the worker does. */
function keep(text, options = {}, session = new Session(DICTIONARY)) {
  let steps = 0;
  const keeping = session.start(text, options);
  for (let progress = session.step(); progress; progress = session.step()) {
    assert.equal(progress.stage, 'segmenting');
    steps += 1;
  }
  return { session, keeping, steps };
}
const ask = (session, query) => session.handle({ request: 'ask', query }, 0).reply;
const summaryWords = (summary) => (summary.words.words === '' ? [] : summary.words.words.split('\n'));

test('a damaged dictionary is an error object with a code', () => {
  assert.throws(() => new Session(new Uint8Array([1, 2, 3])), (error) => error.code === 'bad-dictionary' && typeof error.message === 'string');
});

test('a kept text is summarised in columns, and the same text is not cut again', () => {
  const { session, keeping, steps } = keep(SAMPLE);
  assert.equal(keeping, 'cutting');
  assert.ok(steps >= 1);
  const summary = ask(session, { query: 'summary', options: {} });
  assert.ok(summary.counts.tokens > 3000);
  const words = summaryWords(summary);
  assert.equal(words.length, summary.words.counts.length);
  assert.equal(summary.words.tags.split('\n').length, words.length);
  assert.ok(summary.keywords.tfidf.length === 20 && summary.entities);
  assert.equal(session.start(SAMPLE, {}), 'kept', 'the same text, cut the same way');
  assert.equal(session.step(), null);
  assert.equal(session.start(SAMPLE, { hmm: false }), 'cutting', 'another cut');
});

test('errors are a code, an English message and details', () => {
  const session = new Session(DICTIONARY);
  assert.throws(() => ask(session, { query: 'textProfile' }), (e) => e.code === 'no-document');
  assert.throws(() => session.start('   ', {}), (e) => e.code === 'empty-text' && /empty/.test(e.message));
  keep('中国人民。', {}, session);
  assert.throws(() => ask(session, { query: 'concordance', term: '中国', options: { width: 'wide' } }), (e) => e.code === 'bad-request');
  assert.throws(() => session.handle({ request: 'nope' }, 0), (e) => e.code === 'bad-request' && /nope/.test(e.message));
  assert.throws(() => ask(session, { query: 'summary', options: { hmm: false } }), (e) => e.code === 'invalid-option');
  assert.equal(lastPanic(), undefined);
});

test('queries answer in UTF-16 positions', () => {
  // 𠀀 takes two UTF-16 units: every position after it differs from its scalar count.
  const text = '𠀀中国人民。𠀁中国，中国𠀀！';
  const { session } = keep(text);
  assert.equal(session.document().textLength, text.length);
  const lines = ask(session, { query: 'concordance', term: '中国' });
  assert.equal(lines.length, 3);
  for (const line of lines) assert.equal(text.slice(line.start, line.end), '中国');
  const spread = ask(session, { query: 'dispersion', word: '中国' });
  assert.equal(spread.positions.length, 3);
  assert.equal(spread.textLength, text.length);
  assert.ok(Array.isArray(ask(session, { query: 'phrases' })));
  assert.equal(ask(session, { query: 'explainKeyword', word: '中国' }).count, 3);
  const longer = keep('中国，人民很勤劳。我们去公园散步，天气很好。'.repeat(20)).session;
  const people = ask(longer, { query: 'collocates', word: '中国', options: { minCount: 2 } }).find((c) => c.word === '人民');
  assert.equal(people.count, 20);
  assert.ok(people.logLikelihood > 3.84 && people.p <= 0.05, 'the core gives the significance level');
});

test('user words and stopwords, as the page configures them', () => {
  const text = '推动构建人类命运共同体，人类命运共同体是王毅常说的。';
  const session = new Session(DICTIONARY);
  const words = () => summaryWords(ask(keep(text, {}, session).session, { query: 'summary', options: {} }));
  assert.ok(!words().includes('人类命运共同体'));
  session.handle({ request: 'configure', userWords: [{ word: '人类命运共同体', tag: 'nz' }], stopwords: {} }, 0);
  assert.ok(words().includes('人类命运共同体'), 'new words: cut again');
  assert.throws(() => session.handle({ request: 'configure', userWords: [{ word: '两 个' }], stopwords: {} }, 0), (e) => e.code === 'invalid-option');
  const before = session.document().id;
  const handled = session.handle({ request: 'configure', userWords: [{ word: '人类命运共同体', tag: 'nz' }], stopwords: { base: 'iso', added: ['王毅'] } }, 0);
  assert.notEqual(handled.document.id, before, 'new stopwords: the kept text answers otherwise');
  assert.ok(!words().includes('王毅'));
  assert.ok(session.handle({ request: 'stopwordLists' }, 0).reply.words.includes('王毅'));
  const parsed = session.handle({ request: 'parseUserDictionary', text: '一带一路\n进博会 3 nz\n' }, 0).reply;
  assert.equal(parsed.length, 2);
  assert.equal(parsed[1].freq, 3);
  assert.throws(() => session.handle({ request: 'parseUserDictionary', text: '好 1 2 3\n' }, 0), (e) => e.code === 'bad-user-dictionary');
  assert.equal(session.handle({ request: 'formatUserDictionary', words: parsed }, 0).reply, '一带一路\n进博会 3 nz\n');
});

test('new words come from the kept text', () => {
  // The sample with a made-up word at the start of its first 40 sentences.
  let text = SAMPLE;
  for (let i = 0; i < 40; i++) text = text.replace(/。(?!咕噜咪)/, '。咕噜咪');
  const found = ask(keep(text).session, { query: 'newWords' });
  assert.ok(found.words.some((w) => w.word === '咕噜咪'));
  assert.equal(found.tooShort, true);
});

test('sections by speaker, in UTF-16', () => {
  const text = '标题\n王毅：𠀀好。\n新华社记者：问？\n王毅：答。\n';
  const { session } = keep(text);
  const answer = ask(session, { query: 'sections' });
  assert.equal(answer.suggested.by, 'speaker');
  assert.deepEqual(answer.sections.map((s) => s.label), ['', '王毅', '新华社记者', '王毅'], 'the opening has no label: the page names it');
  assert.equal(answer.sections[2].start, 17);
  assert.equal(answer.groups[0].label, '王毅');
  assert.equal(answer.groups[0].sections.length, 2);
  assert.equal(ask(session, { query: 'sections', division: { by: 'parts', parts: 2 } }).sections.length, 2);
  const given = { by: 'given', sections: [{ label: 'a.txt', start: 0, end: 3 }, { label: 'b.txt', start: 3, end: 11 }] };
  assert.equal(ask(session, { query: 'sections', division: given }).sections[1].end, 11);
});

test('a scope answers for its sections in the whole text’s positions; whole-text queries still read the whole', () => {
  const text = '记者：中国经济怎么样？\n王毅：中国经济𠀀很好。\n记者：美国呢？\n王毅：美国也好。\n';
  const { session } = keep(text);
  const whole = session.document();
  const scoped = session.handle({ request: 'scope', scope: { division: { by: 'speaker' }, sections: [1, 3] } }, 0);
  assert.notEqual(scoped.document.id, whole.id);
  assert.equal(scoped.document.wholeId, whole.wholeId, 'the whole text did not change');
  const summary = session.handle({ request: 'ask', query: { query: 'summary', options: {} } }, 0);
  assert.equal(summary.read, scoped.document.id);
  const words = summaryWords(summary.reply);
  assert.ok(!words.includes('王毅') && !words.includes('记者'));
  const lines = ask(session, { query: 'concordance', term: '美国' });
  assert.equal(lines.length, 1);
  assert.equal(lines[0].start, text.lastIndexOf('美国'));
  const sections = session.handle({ request: 'ask', query: { query: 'sections', division: { by: 'speaker' } } }, 0);
  assert.equal(sections.read, whole.wholeId, 'sections read the whole text');
  const compared = ask(session, { query: 'keyness', division: { by: 'speaker' }, a: { label: '王毅', sections: [1, 3] }, options: { minCount: 1 } });
  assert.equal(compared.b.label, '', 'the rest has no label: the page names it');
  const within = ask(session, { query: 'concordance', term: '中国', options: { within: compared.b.ranges } });
  assert.equal(within.length, 1, 'only the reporter’s 中国');
});

test('the network, repairs, text profile and constants are plain objects', () => {
  const { session } = keep(SAMPLE);
  const network = ask(session, { query: 'network' });
  assert.equal(network.edges.length, 60);
  assert.ok(Math.abs(network.nodes[0].x) <= 1);
  const repairs = ask(session, { query: 'repairs' });
  assert.ok(repairs.repairs.some((r) => r.word === '中国'));
  assert.equal(repairs.totals.reduce((n, t) => n + t.found, 0), repairs.repairs.length);
  const profile = ask(session, { query: 'textProfile' });
  assert.equal(profile.tokens, ask(session, { query: 'summary', options: {} }).counts.tokens, 'one definition of a token');
  assert.ok(profile.typeTokenRatio > 0 && profile.typeTokenRatio < 1);
  const { start, end } = profile.longestSentence;
  assert.ok(SAMPLE.slice(start, end).length > 0);
  const constants = session.handle({ request: 'constants' }, 0).reply;
  assert.deepEqual(constants.significance.map((s) => s.p), [0.0001, 0.001, 0.01, 0.05]);
  assert.ok(constants.posGroups.some((g) => g.key === 'nouns' && g.tags.includes('vn')));
  assert.ok(constants.fileExtensions.includes('.docx'));
});

test('decode detects the encoding and names it', () => {
  const gbk = new Uint8Array(readFileSync(new URL('../fixtures/input/gb18030.txt', import.meta.url)));
  const decoded = decode(gbk, 'a.txt', undefined);
  assert.equal(decoded.encoding, 'GB18030');
  assert.equal(decoded.detected, true);
  assert.throws(() => decode(new Uint8Array([0, 1, 2, 0, 0, 0, 7, 8]), 'x.bin', undefined), (e) => e.code === 'binary');
});
