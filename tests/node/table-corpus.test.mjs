// A table as a corpus (www/js/corpus.js): the columns first offered (the
// text column the core found, sections by dates, groups by a label), the
// parts a choice makes (a row each, or runs of rows with one value, each
// with its group), and the division the structure gets.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCorpus, defaultTableChoice, tableParts } from '../../www/js/corpus.js';
import { createStructure } from '../../www/js/structure.js';

const table = {
  columns: ['id', 'date', 'rating', 'label', 'text'],
  rows: [
    ['1', '2024-03-01', '5', '正面', '物流很快。'],
    ['2', '2024-03-01', '1', '负面', '客服很差。'],
    ['3', '2024-03-02', '4', '正面', '  '],
    ['4', '2024-03-02', '5', '正面', '屏幕很好。'],
    ['5', '2024-03-02', '4', '正面', '电池耐用。'],
  ],
  textColumn: 4,
};

test('the text column found, sections by date, groups by the label', () => {
  assert.deepEqual(defaultTableChoice(table), { text: 4, sections: 1, groups: 3 });
  // No dates: each row; no column with repeated values: no groups.
  const plain = { columns: ['id', 'text'], rows: [['a', '好。'], ['b', '差。']], textColumn: 1 };
  assert.deepEqual(defaultTableChoice(plain), { text: 1, sections: null, groups: null });
});

test('a row each, labelled by its id; runs of one date and group joined', () => {
  assert.deepEqual(tableParts(table, { text: 4, sections: null, groups: 3 }), [
    { label: '1', text: '物流很快。', group: '正面' },
    { label: '2', text: '客服很差。', group: '负面' },
    { label: '4', text: '屏幕很好。', group: '正面' },
    { label: '5', text: '电池耐用。', group: '正面' },
  ]);
  assert.deepEqual(tableParts(table, { text: 4, sections: 1, groups: 3 }), [
    { label: '2024-03-01', text: '物流很快。', group: '正面' },
    { label: '2024-03-01', text: '客服很差。', group: '负面' },
    { label: '2024-03-02', text: '屏幕很好。\n\n电池耐用。', group: '正面' },
  ]);
  // Without an id column, a row is named by its number in the file.
  const noId = { columns: ['text'], rows: [['甲'], [''], ['乙']], textColumn: 0 };
  assert.deepEqual(tableParts(noId, { text: 0, sections: null, groups: null }), [{ label: '1', text: '甲' }, { label: '3', text: '乙' }]);
});

test('the structure gets each section with its group', () => {
  const structure = createStructure();
  const corpus = createCorpus(structure);
  const file = { name: 'reviews.csv', table };
  const text = corpus.setTable(file, { text: 4, sections: null, groups: 3 });
  assert.equal(text, '物流很快。\n\n客服很差。\n\n屏幕很好。\n\n电池耐用。');
  assert.deepEqual(structure.division.sections[1], { label: '2', start: 7, end: 12, group: '负面' });
  assert.deepEqual(corpus.files, [file]);
});
