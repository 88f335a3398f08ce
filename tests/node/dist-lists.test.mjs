// The lists scripts/dist.mjs makes (scripts/lists.mjs), made here from www/
// without writing dist/: the service worker's files name every file of the
// page, index.html preloads every static import of main.js, and every locale
// of js/messages/locales.js has its catalog, its button and its place in
// boot.js, whose choice of locale is run here against made-up browsers.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import {
  buildId, buildPage, coreFileTypes, ENTRY, importSpecifiers, loadLocales, SHELL_SCRIPT, shellList, staticImports, withBootLocales,
} from '../../scripts/lists.mjs';

const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../www');
const built = await buildPage(WWW);
const { LOCALES, OTHERWISE } = await loadLocales(WWW);
const text = (file) => built.get(file).toString('utf8');

/** Every file under www/, walked here rather than by lists.mjs ('/'-separated). */
function wwwFiles(dir = WWW) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? wwwFiles(full) : [path.relative(WWW, full).split(path.sep).join('/')];
  });
}

/** self.CIYAN_BUILD_ID and self.CIYAN_SHELL, as sw.js gets them from shell.js. */
function shellGlobals(source) {
  const self = {};
  vm.runInNewContext(source, { self });
  return { id: self.CIYAN_BUILD_ID, shell: [...self.CIYAN_SHELL] };
}

test('the service worker keeps every file of www/, and only files of the built page', () => {
  const { id, shell } = shellGlobals(text(SHELL_SCRIPT));
  assert.match(id, /^[0-9a-f]{16}$/);
  // sw.js is kept by the browser itself; TypeScript (the wasm package's declarations, the core's
  // contract in js/contract/) is for editors and tsc.
  const expected = wwwFiles().filter((file) => file !== 'sw.js' && !file.endsWith('.ts'))
    .map((file) => (file === 'index.html' ? './' : file));
  for (const file of expected) assert.ok(shell.includes(file), `${file} is not in the shell list`);
  for (const file of shell) assert.ok(file === './' || built.has(file), `${file} is in the shell list but not in the page`);
  assert.equal(new Set(shell).size, shell.length, 'a file is named twice');
  assert.deepEqual(shellList(['index.html', 'sw.js', SHELL_SCRIPT, 'a.js', 'a.js.br', 'a.js.gz', 'a.js.map', 'pkg/x.d.ts', 'js/contract/Query.ts']), ['./', 'a.js']);
});

test('the build id is a hash of every file: one changed byte changes it', () => {
  const files = [['a.js', Buffer.from('one')], ['b/c.css', Buffer.from('two')]];
  const id = buildId(files);
  assert.equal(buildId([...files].reverse()), id, 'the order files come in does not matter');
  assert.notEqual(buildId([['a.js', Buffer.from('onf')], files[1]]), id);
  assert.notEqual(buildId([['a2.js', Buffer.from('one')], files[1]]), id, 'a renamed file changes it');
  assert.notEqual(buildId(files.slice(0, 1)), id, 'a removed file changes it');
  // The page's own id covers the files the build writes (index.html, boot.js).
  const page = [...built].filter(([file]) => file !== SHELL_SCRIPT);
  assert.equal(shellGlobals(text(SHELL_SCRIPT)).id, buildId(page));
});

test('static imports are read from the source; import() is left to load when reached', () => {
  const source = [
    "import { a } from './a.js';",
    "import b, {",
    "  c,",
    "  d,",
    "} from \"../b.js\";",
    "import * as e from './e.js';",
    "import './side-effect.js';",
    "export { f } from './f.js';",
    "export * from './g.js';",
    "// import { no } from './comment.js';",
    " * import { no } from './doc-comment.js';",
    "const lazy = () => import('./lazy.js');",
    "const here = new URL('./worker.js', import.meta.url);",
    "export function from(x) { return x; }",
    "export const text = 'import x from \"./string.js\"';",
  ].join('\n');
  assert.deepEqual(importSpecifiers(source), ['./a.js', '../b.js', './e.js', './side-effect.js', './f.js', './g.js']);
});

test('index.html preloads every module main.js imports statically, and nothing else', () => {
  const html = text('index.html');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
  const graph = staticImports(WWW);
  assert.deepEqual([...preloaded].sort(), graph);
  // Every direct import of main.js among them, and each a file of the page.
  for (const specifier of importSpecifiers(readFileSync(path.join(WWW, ENTRY), 'utf8'))) {
    assert.ok(graph.includes(path.posix.join('js', specifier)), specifier);
  }
  for (const module of graph) assert.ok(built.has(module), module);
  assert.ok(!graph.includes(ENTRY), 'main.js itself is loaded by its <script>');
  assert.doesNotMatch(readFileSync(path.join(WWW, 'index.html'), 'utf8'), /<link rel="modulepreload"/, 'a preload written by hand in www/index.html');
});

test('every locale has its catalog, its button, and its place in boot.js; every catalog is a locale', () => {
  const html = text('index.html');
  const buttons = [...html.matchAll(/<button [^>]*data-locale="([^"]+)" lang="([^"]+)" aria-pressed="(true|false)">([^<]+)<\/button>/g)]
    .map(([, code, lang, pressed, name]) => ({ code, lang, pressed, name }));
  assert.deepEqual(buttons.map(({ code, name }) => ({ code, name })), LOCALES.map(({ code, name }) => ({ code, name })));
  assert.deepEqual(buttons.filter(({ pressed }) => pressed === 'true').map(({ code }) => code), [LOCALES[0].code], 'index.html\'s own language pressed');
  assert.match(readFileSync(path.join(WWW, 'index.html'), 'utf8'), new RegExp(`<html lang="${LOCALES[0].code}">`), 'the first locale is index.html\'s language');
  for (const { code, catalog, match } of LOCALES) {
    const file = path.join(WWW, 'js/messages', `${code}.js`);
    assert.ok(existsSync(file), `no catalog js/messages/${code}.js`);
    assert.ok(Object.keys(catalog).length > 0, `${code}'s catalog is empty`);
    assert.ok(match.length > 0 && match.every((tag) => tag === tag.toLowerCase()), `${code}: its language tags, lower-case`);
  }
  const catalogs = readdirSync(path.join(WWW, 'js/messages')).filter((file) => file !== 'locales.js').map((file) => file.replace(/\.js$/, ''));
  assert.deepEqual(catalogs.sort(), LOCALES.map(({ code }) => code).sort(), 'a catalog that js/messages/locales.js does not list');
  assert.match(text('boot.js'), new RegExp(`"otherwise":"${OTHERWISE}"`));
  assert.doesNotMatch(text('boot.js'), /scripts\/dist\.mjs \*\/\}/, 'the placeholder is replaced');
});

/**
 * Runs boot.js `source` in a made-up browser: its languages, the stored
 * choice (an Error: storage blocked), index.html's <html lang>. Returns
 * {lang, pending, pressed(code)}: what boot.js chose, whether it hid the
 * static text, and what aria-pressed it gives a switch button the parser adds.
 */
function runBoot(source, { languages, stored = null, lang = LOCALES[0].code }) {
  const classes = new Set();
  const root = { lang, classList: { add: (name) => classes.add(name) } };
  let observed = null;
  vm.runInNewContext(source, {
    document: { documentElement: root, addEventListener() {} },
    navigator: { languages, language: languages[0] },
    localStorage: {
      getItem(key) {
        if (stored instanceof Error) throw stored;
        return key === 'ciyan-locale' ? stored : null;
      },
    },
    MutationObserver: class {
      constructor(callback) { observed = callback; }
      observe() {}
      disconnect() {}
    },
  });
  function pressed(code) {
    const attributes = { 'data-locale': code };
    const button = {
      nodeType: 1,
      parentNode: { classList: { contains: (name) => name === 'locale-switch' } },
      hasAttribute: (name) => name in attributes,
      getAttribute: (name) => attributes[name],
      setAttribute: (name, value) => { attributes[name] = value; },
    };
    observed([{ addedNodes: [button] }]);
    return attributes['aria-pressed'];
  }
  return { lang: root.lang, pending: classes.has('i18n-pending'), pressed };
}

test('boot.js: the stored choice, else the browser\'s first language a locale serves, else OTHERWISE', () => {
  const boot = text('boot.js');
  const writtenIn = LOCALES[0].code;
  const english = runBoot(boot, { languages: ['en-US', 'zh-CN'] });
  assert.deepEqual([english.lang, english.pending], ['en', true]);
  assert.equal(english.pressed('en'), 'true');
  assert.equal(english.pressed(writtenIn), 'false');
  const chinese = runBoot(boot, { languages: ['zh-TW', 'en'] });
  assert.deepEqual([chinese.lang, chinese.pending], ['zh-CN', false]);
  assert.equal(chinese.pressed('zh-CN'), 'true');
  assert.equal(runBoot(boot, { languages: ['fr-FR', 'zh'] }).lang, 'zh-CN', 'the first language a locale serves');
  assert.equal(runBoot(boot, { languages: ['fr-FR', 'de'] }).lang, OTHERWISE);
  assert.equal(runBoot(boot, { languages: ['english'] }).lang, OTHERWISE, 'a tag, not any string that starts alike');
  assert.equal(runBoot(boot, { languages: ['zh-CN'], stored: 'en' }).lang, 'en', 'the stored choice first');
  assert.equal(runBoot(boot, { languages: ['en'], stored: 'xx' }).lang, 'en', 'a stored locale that is no more');
  assert.equal(runBoot(boot, { languages: ['zh'], stored: new Error('blocked') }).lang, 'zh-CN', 'storage blocked');

  // A third locale wins the tags it names more closely (zh-TW), and leaves zh to zh-CN.
  const withHant = withBootLocales(readFileSync(path.join(WWW, 'boot.js'), 'utf8'),
    [...LOCALES, { code: 'zh-Hant', match: ['zh-Hant', 'zh-TW', 'zh-HK'] }], OTHERWISE);
  assert.equal(runBoot(withHant, { languages: ['zh-TW'] }).lang, 'zh-Hant');
  assert.equal(runBoot(withHant, { languages: ['zh-Hant-HK'] }).lang, 'zh-Hant');
  assert.equal(runBoot(withHant, { languages: ['zh-SG'] }).lang, 'zh-CN');

  // Unbuilt (www/ as it is), boot.js knows no locale and leaves index.html's language.
  const unbuilt = runBoot(readFileSync(path.join(WWW, 'boot.js'), 'utf8'), { languages: ['en-US'] });
  assert.deepEqual([unbuilt.lang, unbuilt.pending], [writtenIn, false]);
});

test('the file chooser offers the core\'s file types (its constants), and any text file', async () => {
  const types = await coreFileTypes(WWW);
  assert.ok(types.includes('.docx') && types.includes('.txt') && types.every((t) => t.startsWith('.')));
  const accept = text('index.html').match(/id="file-input"[^>]*\baccept="([^"]*)"/)[1];
  assert.equal(accept, [...types, 'text/*'].join(','));
});
