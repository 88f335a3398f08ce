// The input line's count of characters (www/js/fold.js): every character
// but white space, a surrogate pair one character — the same count as the
// regular expressions it replaced (\s with the u flag, and pairs), over
// every UTF-16 unit, in one loop.

import './support/page-globals.mjs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { characters } from '../../www/js/fold.js';

const byRegExp = (text) => text.length - (text.match(/\s/gu)?.length ?? 0) - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

test('every UTF-16 unit, alone and after each other, is counted as \\s and surrogate pairs have it', () => {
  let all = '';
  for (let unit = 0; unit < 0x10000; unit++) all += String.fromCharCode(unit);
  for (const text of [all, `${all}😀`, '中 文\u3000字\n', 'a\u00a0b\u2028c\ufeff', '😀😀 x', '\uD800 lone', 'x\uDC00', '']) {
    assert.equal(characters(text), byRegExp(text), JSON.stringify(text.slice(0, 20)));
  }
});
