// The catalogs (www/js/messages/): every locale of locales.js has the keys
// of the first (the language index.html is written in), each entry of the
// same kind, and each function entry the same parameters, so that a call
// site passes the same arguments whatever the language. English entries
// read as English.

import './support/page-globals.mjs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCALES } from '../../www/js/messages/locales.js';

const [first, ...others] = LOCALES;
const HAN = /[\u4e00-\u9fff]/;

/** The parameter list of a function's source, as written: '(count, per10k, pos)' → 'count, per10k, pos'. */
function parameters(fn) {
  const source = fn.toString().trim();
  if (!source.startsWith('(') && !source.startsWith('function')) return source.slice(0, source.indexOf('=>')).trim(); // x => …
  let depth = 0;
  const open = source.indexOf('(');
  for (let i = open; i < source.length; i++) {
    if ('([{'.includes(source[i])) depth += 1;
    else if (')]}'.includes(source[i]) && --depth === 0) return source.slice(open + 1, i).replace(/\s+/g, ' ').trim();
  }
  throw new Error(`no parameter list in ${source.slice(0, 60)}`);
}

test('two locales at least, with codes of their own', () => {
  assert.ok(LOCALES.length >= 2);
  assert.equal(new Set(LOCALES.map((l) => l.code)).size, LOCALES.length);
});

// Moved here from tests/browser/i18n.test.mjs ("the two catalogs have the same keys").
for (const other of others) {
  test(`${other.code} has the keys of ${first.code}, and no others`, () => {
    assert.deepEqual(Object.keys(other.catalog).sort(), Object.keys(first.catalog).sort());
  });

  test(`${other.code}: each entry of the same kind as in ${first.code}, a function with the same parameters`, () => {
    const differ = [];
    for (const [key, entry] of Object.entries(first.catalog)) {
      const theirs = other.catalog[key];
      // An error may be a string in one language and a function in the other
      // (a function that keeps the core's sentence when it is in the page's language).
      if (typeof entry !== typeof theirs) {
        if (!key.startsWith('error.')) differ.push(`${key}: ${typeof entry} / ${typeof theirs}`);
      } else if (typeof entry === 'function' && parameters(entry) !== parameters(theirs)) {
        differ.push(`${key}: (${parameters(entry)}) / (${parameters(theirs)})`);
      }
    }
    assert.deepEqual(differ, []);
  });
}

test('English entries read as English (a Chinese example inside is fine: fewer Han characters than letters)', () => {
  const en = LOCALES.find((l) => l.code === 'en').catalog;
  for (const [key, value] of Object.entries(en)) {
    if (typeof value !== 'string' || key.startsWith('pos.')) continue;
    const han = value.match(new RegExp(HAN.source, 'g'))?.length ?? 0;
    const letters = value.match(/[A-Za-z]/g)?.length ?? 0;
    assert.ok(han === 0 || han < letters, `en ${key} reads as Chinese: ${value}`);
  }
});
