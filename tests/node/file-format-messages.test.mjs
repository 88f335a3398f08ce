// What the file line under the text box says of a file read as a web page,
// Markdown, subtitles or a table: in English the format's sentence and the
// encoding's are two sentences (a subtitle file once read "…starts the
// line), Decoded as UTF-8 (detected)", a capital after a comma).

import './support/page-globals.mjs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import en from '../../www/js/messages/en.js';

test('a format and its encoding read as two sentences in English', () => {
  const decoded = en['file.decodedAs']('UTF-8', true);
  for (const key of ['file.html', 'file.markdown', 'file.subtitles', 'file.table']) {
    const line = en[key](decoded);
    assert.ok(line.endsWith(decoded), `${key}: ${line}`);
    assert.doesNotMatch(line, /, Decoded/, key);
    assert.match(line, /[a-z)]\. Decoded as UTF-8 \(detected\)$/, key);
  }
});
