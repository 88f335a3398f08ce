// CSV as the page exports it (www/js/export.js toCsv): what Excel needs to
// read Chinese (UTF-8 with a byte order mark, CRLF line ends), RFC 4180
// quoting, and a cell that starts like a formula made inert. (The download
// itself, and which views export what, are the browser tests' job.)

import './support/page-globals.mjs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from '../../www/js/export.js';

test('a byte order mark first, CRLF after every line, the last one too', () => {
  const csv = toCsv(['词语', '次数'], [['中国', 71], ['合作', 24]]);
  assert.equal(csv, '\uFEFF词语,次数\r\n中国,71\r\n合作,24\r\n');
  assert.equal(toCsv(['a'], []), '\uFEFFa\r\n', 'a header alone');
});

test('commas, quotes and line breaks are quoted, quotes doubled', () => {
  const csv = toCsv(['x'], [['a,b'], ['他说"好"'], ['上\n下'], ['回车\r']]);
  assert.equal(csv, '\uFEFFx\r\n"a,b"\r\n"他说""好"""\r\n"上\n下"\r\n"回车\r"\r\n');
});

// Moved here from tests/browser/links.test.mjs ("a cell that starts like a
// formula is made inert in the CSV"), which exported a text of such words.
test('a cell that starts like a formula (= + - @, a tab, CR) gets a \' so that Excel never runs it', () => {
  const cells = ['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\ry'];
  const lines = toCsv(['cell'], cells.map((cell) => [cell])).slice(1).split('\r\n');
  assert.deepEqual(lines.slice(1, 5), ["'=SUM(A1)", "'+1", "'-2+3", "'@cmd"]);
  assert.equal(lines[5], "'\tx");
  assert.ok(lines[6].startsWith('"\'\r'), 'quoted, since it holds a CR, and still inert');
  for (const line of lines.slice(1, -1)) assert.doesNotMatch(line, /^"?[=+\-@]/);
});

test('numbers stay numbers (a negative one too); null and undefined are empty cells', () => {
  assert.equal(toCsv(['n', 'm', 'e', 'u'], [[-3, 0.25, null, undefined]]), '\uFEFFn,m,e,u\r\n-3,0.25,,\r\n');
  assert.equal(toCsv(['s'], [['-3']]), "\uFEFFs\r\n'-3\r\n", 'a string that looks like one is text: made inert');
});

test('a chart exported as SVG carries its title and method above it', async () => {
  const { captionedSvg, CAPTION_HEIGHT } = await import('../../www/js/export.js');
  const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="10" height="10"/></svg>';
  const { markup, width, height } = captionedSvg(chart, {
    width: 300, height: 200, title: '关键词 · TF-IDF', method: '在本文常见、在一般文本里少见的词 <排在前面> & 后面',
    colours: { background: '#fff', text: '#000', muted: '#555' }, family: '"Noto Sans CJK SC", sans-serif',
  });
  assert.equal(width, 300);
  assert.equal(height, 200 + CAPTION_HEIGHT);
  assert.match(markup, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="300" height="252"/);
  assert.match(markup, /<title>关键词 · TF-IDF · 在本文常见、在一般文本里少见的词 &lt;排在前面&gt; &amp; 后面<\/title>/);
  assert.match(markup, /<text [^>]*font-weight="700"[^>]*>关键词 · TF-IDF<\/text>/);
  assert.match(markup, /font-family="&quot;Noto Sans CJK SC&quot;, sans-serif"/, 'the font is quoted safely');
  assert.match(markup, new RegExp(`<svg x="0" y="${CAPTION_HEIGHT}" xmlns=`), 'the chart is moved under the caption');
  assert.ok(markup.endsWith('</svg></svg>'));
  // Well formed: as many opening as closing svg tags.
  assert.equal(markup.match(/<svg\b/g).length, markup.match(/<\/svg>/g).length);
});
