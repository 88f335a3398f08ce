// The lists the built page needs, made from the files themselves so that no
// one keeps them by hand (scripts/dist.mjs writes them; tests/node/
// dist-lists.test.mjs checks them against www/):
//   - shell.js: what the service worker (sw.js) keeps offline, every file of
//     the page, and the build id that names its cache (a hash of them all);
//   - index.html's modulepreload links: the static import graph of main.js;
//   - the locales of js/messages/locales.js: written into boot.js and as the
//     buttons of index.html's switch;
//   - the file types the file chooser offers (index.html's accept): the
//     core's, from the built wasm (pkg/ciyan.js's constants()).
// Adding a file of the page touches none of these; adding a language
// touches its catalog and js/messages/locales.js.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The page's module, whose static imports are preloaded. */
export const ENTRY = 'js/main.js';
/** The script sw.js imports: the shell list and the build id. */
export const SHELL_SCRIPT = 'shell.js';
/** The list of locales, from the page's folder. */
export const LOCALES_MODULE = 'js/messages/locales.js';

// Where dist.mjs writes into the sources: a comment (a placeholder object in boot.js).
const PRELOAD_MARKER = /^([ \t]*)<!-- modulepreload links -->[ \t]*$/m;
const BUTTONS_MARKER = /^([ \t]*)<!-- locale buttons -->[ \t]*$/m;
const BOOT_PLACEHOLDER = '{/* locales: scripts/dist.mjs */}';
const ACCEPT_PLACEHOLDER = 'accept="(the core\'s file types: scripts/dist.mjs)"';

/**
 * Every file under `dir` that the page is made of, as '/'-separated paths
 * relative to it, sorted: not the wasm package's TypeScript declarations
 * and the core's contract (www/js/contract/, *.ts): for editors and tsc, not browsers.
 */
export function pageFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.ts'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The files the service worker caches, from the files of the built page
 * (paths relative to it): './' for index.html (the page's own URL), and
 * every other file but sw.js (the browser keeps it), shell.js (imported by
 * sw.js, kept with it), source maps and precompressed copies (the server
 * chooses those).
 */
export function shellList(files) {
  return files
    .filter((file) => file !== 'sw.js' && file !== SHELL_SCRIPT && !/\.(map|br|gz)$/.test(file) && !file.endsWith('.ts'))
    .map((file) => (file === 'index.html' ? './' : file))
    .sort();
}

/** A hash of the files' paths and bytes ([[path, bytes]]): 16 hex digits. */
export function buildId(files) {
  const digest = createHash('sha256');
  for (const [file, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    digest.update(file).update('\0').update(bytes).update('\0');
  }
  return digest.digest('hex').slice(0, 16);
}

/** The text of shell.js: the build id and the shell list, as globals for sw.js. */
export function shellScript(list, id) {
  return [
    '// Written by scripts/dist.mjs (scripts/lists.mjs): what the service worker',
    '// (sw.js) keeps offline. CIYAN_BUILD_ID is a hash of every file of the page,',
    '// so a build that changes one names a new cache.',
    `self.CIYAN_BUILD_ID = ${JSON.stringify(id)};`,
    `self.CIYAN_SHELL = ${JSON.stringify(list, null, 1).replace(/\n /g, '\n  ')};`,
    '',
  ].join('\n');
}

// A static import or re-export at the start of a line: import x from '…',
// import { a,\n b } from '…', import * as m from '…', import '…',
// export { a } from '…', export * from '…'. Not import('…'), which loads
// when it is reached (a card below the fold), nor import.meta.
const STATIC_IMPORT = /^[ \t]*(?:import|export)\b[^'";()]*?\bfrom[ \t]*(['"])([^'"\n]+)\1|^[ \t]*import[ \t]*(['"])([^'"\n]+)\3/gm;

/** The specifiers of the static imports of a module's source, in order. */
export function importSpecifiers(source) {
  return [...source.matchAll(STATIC_IMPORT)].map((match) => match[2] ?? match[4]);
}

/**
 * Every module that `entry` (a path under `root`) imports statically,
 * directly or not, as paths relative to `root`, sorted; not `entry`
 * itself. Specifiers are relative ('./x.js', '../y.js'); a module that is
 * not there is an error (a preload of it would fail).
 */
export function staticImports(root, entry = ENTRY) {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const module = queue.shift();
    const source = readFileSync(path.join(root, module), 'utf8');
    for (const specifier of importSpecifiers(source)) {
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
        throw new Error(`${module}: import of '${specifier}': only relative specifiers can be preloaded`);
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(module), specifier));
      if (target.startsWith('../')) throw new Error(`${module}: '${specifier}' is outside the page`);
      if (seen.has(target)) continue;
      try {
        readFileSync(path.join(root, target));
      } catch {
        throw new Error(`${module} imports '${specifier}', which is not there (${target})`);
      }
      seen.add(target);
      queue.push(target);
    }
  }
  seen.delete(entry);
  return [...seen].sort();
}

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Replaces the line of `marker` in `text` by `lines`, each with the marker's indentation. */
function atMarker(text, marker, lines, what) {
  const match = text.match(marker);
  if (!match) throw new Error(`no ${what} marker (${marker.source}) to write at`);
  const indent = match[1];
  return text.slice(0, match.index) + lines.map((line) => indent + line).join('\n') + text.slice(match.index + match[0].length);
}

/** index.html with a modulepreload link per module (paths from the page's folder) at its marker. */
export function withPreloads(html, modules) {
  return atMarker(html, PRELOAD_MARKER, modules.map((module) => `<link rel="modulepreload" href="${escapeHtml(module)}">`), 'modulepreload');
}

/**
 * index.html with a button per locale ([{code, name}]) at its marker, in
 * the list's order; the one of `writtenIn` (index.html's language) pressed,
 * as boot.js marks them again for the locale it chose.
 */
export function withLocaleButtons(html, locales, writtenIn) {
  const buttons = locales.map(({ code, name }) => {
    const attribute = escapeHtml(code);
    return `<button type="button" class="button small" data-locale="${attribute}" lang="${attribute}" aria-pressed="${code === writtenIn}">${escapeHtml(name)}</button>`;
  });
  return atMarker(html, BUTTONS_MARKER, buttons, 'locale buttons');
}

/**
 * The file name endings the core reads (its constants' fileExtensions),
 * from the wasm built into `root`/pkg; needs no dictionary.
 */
export async function coreFileTypes(root) {
  const pkg = path.join(root, 'pkg');
  const module = await import(pathToFileURL(path.join(pkg, 'ciyan.js')).href);
  module.initSync({ module: readFileSync(path.join(pkg, 'ciyan_bg.wasm')) });
  return module.constants().fileExtensions;
}

/** index.html with the file chooser's accept: the core's endings, and any text file. */
export function withFileTypes(html, extensions) {
  if (!html.includes(ACCEPT_PLACEHOLDER)) throw new Error(`index.html has no ${ACCEPT_PLACEHOLDER} to write the file types in`);
  return html.replace(ACCEPT_PLACEHOLDER, () => `accept="${escapeHtml([...extensions, 'text/*'].join(','))}"`);
}

/** The language index.html is written in: its <html lang>. */
export function htmlLang(html) {
  const match = html.match(/<html\b[^>]*\blang="([^"]+)"/);
  if (!match) throw new Error('index.html has no <html lang>');
  return match[1];
}

/** boot.js with the locales ({match: {code: [tags]}, otherwise}) in place of its placeholder. */
export function withBootLocales(source, locales, otherwise) {
  if (!source.includes(BOOT_PLACEHOLDER)) throw new Error(`boot.js has no ${BOOT_PLACEHOLDER} to write the locales in`);
  const match = Object.fromEntries(locales.map(({ code, match: tags }) => [code, tags.map((tag) => tag.toLowerCase())]));
  return source.replace(BOOT_PLACEHOLDER, () => JSON.stringify({ match, otherwise }));
}

/** The list of js/messages/locales.js under `root`: {LOCALES, OTHERWISE}. */
export async function loadLocales(root) {
  const module = await import(pathToFileURL(path.join(root, LOCALES_MODULE)).href);
  const codes = module.LOCALES.map(({ code }) => code);
  if (new Set(codes).size !== codes.length) throw new Error(`${LOCALES_MODULE}: a locale is named twice: ${codes}`);
  if (!codes.includes(module.OTHERWISE)) throw new Error(`${LOCALES_MODULE}: OTHERWISE (${module.OTHERWISE}) is not one of ${codes}`);
  return { LOCALES: module.LOCALES, OTHERWISE: module.OTHERWISE };
}

/**
 * The built page from the page's folder `root`: a Map of every file (path
 * relative to it → bytes), with index.html's preloads and locale buttons
 * and boot.js's locales written in, and shell.js added.
 */
export async function buildPage(root) {
  const files = new Map(pageFiles(root).map((file) => [file, readFileSync(path.join(root, file))]));
  const { LOCALES, OTHERWISE } = await loadLocales(root);
  const html = files.get('index.html').toString('utf8');
  const writtenIn = htmlLang(html);
  if (LOCALES[0].code !== writtenIn) {
    throw new Error(`${LOCALES_MODULE}: the first locale (${LOCALES[0].code}) is not index.html's language (${writtenIn})`);
  }
  const page = withFileTypes(withLocaleButtons(withPreloads(html, staticImports(root)), LOCALES, writtenIn), await coreFileTypes(root));
  files.set('index.html', Buffer.from(page));
  files.set('boot.js', Buffer.from(withBootLocales(files.get('boot.js').toString('utf8'), LOCALES, OTHERWISE)));
  files.delete(SHELL_SCRIPT); // a stale one, should www/ have it
  const shell = shellScript(shellList([...files.keys()]), buildId(files));
  files.set(SHELL_SCRIPT, Buffer.from(shell));
  return files;
}
