// The view registry (www/js/view-registry.js): each card is updated once
// per change of what it needs, relabelled once per switch of language,
// drawn again once a resize of its element settled, and the cards of the
// results wait while there are none. Fake elements and views, no DOM.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRegistry } from '../../www/js/view-registry.js';

/** An element of the page, as the registry reads it: its size, and (for the results) what it contains. */
const element = (width = 600, height = 400) => ({ clientWidth: width, clientHeight: height, contains: () => false });

/** A view module that records its calls in `log`. */
function fakeView(id, needs, { log, relabel = true, sized } = {}) {
  return {
    id, needs, sized,
    create() {
      const instance = {
        update: (state, changed) => log.push([id, 'update', [...changed].sort().join(',')]),
        resize: () => log.push([id, 'resize']),
      };
      if (relabel) instance.relabel = () => log.push([id, 'relabel']);
      return instance;
    },
  };
}

function setUp({ stages, resultIds = [] }) {
  const elements = new Map();
  const observed = new Map();
  for (const stage of stages) for (const view of stage) elements.set(view.id, element());
  const results = { contains: (el) => resultIds.some((id) => elements.get(id) === el) };
  const tasks = [];
  const registry = createRegistry(stages, {
    results,
    find: (id) => elements.get(id),
    settle: 5,
    observeSize: (el, callback) => observed.set(el, callback),
    nextTask: () => new Promise((resolve) => tasks.push(resolve)),
  });
  const runTask = () => tasks.shift()?.();
  return { registry, elements, observed, runTask, tasks };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const ANALYSIS = { counts: {} };

test('a view is updated once per change of a field it needs, with the fields that changed', async () => {
  const log = [];
  const words = fakeView('words', ['word'], { log });
  const files = fakeView('files', ['file'], { log });
  const { registry } = setUp({ stages: [[words, files]] });
  registry.start({});
  assert.deepEqual(log, [['words', 'update', 'word'], ['files', 'update', 'file']], 'first: everything it needs');
  log.length = 0;
  await registry.set({ word: '中国' });
  await registry.set({ word: '中国' }); // no change
  await registry.set({ file: { files: [] }, word: '台湾' });
  assert.deepEqual(log, [['words', 'update', 'word'], ['words', 'update', 'word'], ['files', 'update', 'file']]);
});

test('a document is the same document while its id is', async () => {
  const log = [];
  const kept = fakeView('kept', ['document'], { log });
  const { registry } = setUp({ stages: [[kept]] });
  registry.start({});
  log.length = 0;
  await registry.set({ document: { id: 1, options: { a: 1 } } });
  await registry.set({ document: { id: 1, options: { a: 2 } } });
  assert.equal(registry.state.document.options.a, 2, 'the newer options are kept');
  await registry.set({ document: { id: 2 } });
  assert.deepEqual(log, [['kept', 'update', 'document'], ['kept', 'update', 'document']]);
});

test('the cards of the results wait while there is no analysis, then get everything they need', async () => {
  const log = [];
  const chart = fakeView('chart', ['analysis', 'word'], { log });
  const lexicon = fakeView('lexicon', ['settings'], { log });
  const { registry } = setUp({ stages: [[chart, lexicon]], resultIds: ['chart'] });
  registry.start({});
  await registry.set({ word: '中国', settings: {} });
  assert.deepEqual(log, [['lexicon', 'update', 'settings'], ['lexicon', 'update', 'settings']], 'only the card outside the results');
  log.length = 0;
  await registry.set({ analysis: ANALYSIS });
  assert.deepEqual(log, [['chart', 'update', 'analysis,word']]);
  log.length = 0;
  // Emptied: nothing reaches the results' cards until the next analysis.
  await registry.set({ analysis: null });
  await registry.set({ word: '台湾' });
  assert.deepEqual(log, []);
  await registry.set({ analysis: { ...ANALYSIS } });
  assert.deepEqual(log, [['chart', 'update', 'analysis,word']]);
});

test('a switch of language relabels every card once; one without relabel is updated with all it needs', async () => {
  const log = [];
  const a = fakeView('a', ['analysis'], { log });
  const b = fakeView('b', ['analysis', 'word'], { log, relabel: false });
  const c = fakeView('c', ['settings'], { log });
  const { registry } = setUp({ stages: [[a, b, c]], resultIds: ['a', 'b'] });
  registry.start({});
  await registry.set({ analysis: ANALYSIS });
  log.length = 0;
  registry.relabel();
  assert.deepEqual(log, [['a', 'relabel'], ['b', 'update', 'analysis,word'], ['c', 'relabel']]);
});

test('a card hidden with the results during a switch is relabelled before its next update', async () => {
  const log = [];
  const a = fakeView('a', ['analysis'], { log });
  const { registry } = setUp({ stages: [[a]], resultIds: ['a'] });
  registry.start({});
  registry.relabel();
  registry.relabel();
  assert.deepEqual(log, []);
  await registry.set({ analysis: ANALYSIS });
  assert.deepEqual(log, [['a', 'relabel'], ['a', 'update', 'analysis']]);
});

test('a new analysis is drawn a stage a task; a newer one takes over what the older left', async () => {
  const log = [];
  const first = fakeView('first', ['analysis'], { log });
  const second = fakeView('second', ['analysis', 'document'], { log });
  const { registry, runTask, tasks } = setUp({ stages: [[first], [second]] });
  registry.start({});
  log.length = 0;
  const older = registry.set({ analysis: ANALYSIS, document: { id: 1 } }, { staged: true });
  assert.deepEqual(log, [['first', 'update', 'analysis']], 'the first stage at once');
  const newer = registry.set({ analysis: { ...ANALYSIS } }, { staged: true });
  assert.deepEqual(log, [['first', 'update', 'analysis'], ['first', 'update', 'analysis']]);
  while (tasks.length) { runTask(); await flush(); }
  assert.equal(await older, false, 'the older one stopped');
  assert.equal(await newer, true);
  // The second stage drawn once, with the document the older analysis brought.
  assert.deepEqual(log.slice(2), [['second', 'update', 'analysis,document']]);
});

test('a sized card is drawn again once its size changed and settled, not for nothing', async () => {
  const log = [];
  const chart = fakeView('chart', ['analysis'], { log, sized: 'width' });
  const cloud = fakeView('cloud', ['analysis'], { log, sized: 'size' });
  const { registry, elements, observed } = setUp({ stages: [[chart, cloud]] });
  registry.start({});
  await registry.set({ analysis: ANALYSIS });
  log.length = 0;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  const notify = () => { for (const callback of observed.values()) callback(); };
  notify();
  await settle();
  assert.deepEqual(log, [], 'same size: nothing drawn');
  elements.get('chart').clientHeight = 900; // its height does not count
  elements.get('cloud').clientHeight = 300;
  notify(); notify(); notify();
  await settle();
  assert.deepEqual(log, [['cloud', 'resize']], 'once, after the resize settled');
  log.length = 0;
  elements.get('chart').clientWidth = 390;
  notify();
  await settle();
  assert.deepEqual(log, [['chart', 'resize']]);
});

test('no analysis any more: the rest of one being drawn is dropped, and the cards outside the results hear at once', async () => {
  const log = [];
  const first = fakeView('first', ['analysis'], { log });
  const second = fakeView('second', ['analysis'], { log });
  const repair = fakeView('repair', ['document'], { log });
  const { registry, runTask, tasks } = setUp({ stages: [[first], [second, repair]], resultIds: ['first', 'second'] });
  registry.start({});
  log.length = 0;
  const shown = registry.set({ analysis: ANALYSIS, document: { id: 1 } }, { staged: true });
  assert.deepEqual(log, [['first', 'update', 'analysis']]);
  await registry.set({ analysis: null, document: null });
  assert.deepEqual(log.slice(1), [['repair', 'update', 'document']], 'at once, without waiting for a task');
  while (tasks.length) { runTask(); await flush(); }
  assert.equal(await shown, false);
  assert.equal(log.length, 2, 'the second stage of the dropped analysis is not drawn');
});

test('a pass reads every sized card\'s box before any card draws (one layout of the page, not one a card)', async () => {
  const log = [];
  const sizedView = (id) => ({
    ...fakeView(id, ['word'], { log, sized: 'width' }),
    create: () => ({ update: () => log.push([id, 'update']), resize: () => {} }),
  });
  const { registry, elements } = setUp({ stages: [[sizedView('a'), sizedView('b')]] });
  // A read of a box is logged: after a draw, a browser lays the page out again for it.
  for (const [id, el] of elements) {
    Object.defineProperty(el, 'clientWidth', { get: () => { log.push([id, 'read']); return 600; } });
  }
  registry.start({});
  assert.deepEqual(log, [['a', 'read'], ['b', 'read'], ['a', 'update'], ['b', 'update']]);
});
