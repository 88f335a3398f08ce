// Writes dist/: the page as any static host serves it. Every file of www/
// (build the wasm into www/pkg first: make wasm), with the lists made from
// the files themselves (scripts/lists.mjs): index.html's modulepreload links
// and locale buttons, boot.js's locales, and shell.js, the service worker's
// file list and build id. Beside each file that
// compresses a brotli (.br, quality 11) and a gzip (.gz, level 9) copy, so
// that a server sends the smallest one the browser accepts without
// compressing anything itself (nginx brotli_static/gzip_static, Caddy's
// file_server precompressed, scripts/serve.py).
//
//     node scripts/dist.mjs [OUT_DIR]        (default: dist)
//
// Compression is Node's own zlib (brotli and gzip built in: nothing to
// install). A file whose bytes did not change keeps its compressed copies,
// so a rebuild takes a moment, not the half minute brotli 11 needs.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildPage } from './lists.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const OUT = path.resolve(ROOT, process.argv[2] ?? 'dist');
// Which source bytes (by hash) each compressed copy was made from; kept out
// of dist/ so that the folder holds only what a host serves.
const STAMPS = path.join(ROOT, 'node_modules', '.cache', 'ciyan-dist.json');

// What compresses; images such as PNG already are compressed.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.txt', '.wasm', '.dict', '.json', '.webmanifest']);
// A compressed copy that saves less than this is not worth a second file.
const MIN_SAVING = 0.95;

function* filesOf(dir, base = dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesOf(full, base);
    else yield path.relative(base, full);
  }
}

function writeIfChanged(file, bytes) {
  if (existsSync(file) && readFileSync(file).equals(bytes)) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return true;
}

function brotli(bytes, isText) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_MODE]: isText ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

if (!existsSync(path.join(WWW, 'pkg', 'ciyan_bg.wasm'))) {
  console.error('www/pkg is missing: build the wasm first (make wasm)');
  process.exit(1);
}

const stamps = existsSync(STAMPS) ? JSON.parse(readFileSync(STAMPS, 'utf8')) : {};
const newStamps = {};
const kept = new Set();
const totals = { raw: 0, gzip: 0, brotli: 0 };
for (const [name, bytes] of await buildPage(WWW)) {
  const target = path.join(OUT, name);
  const changed = writeIfChanged(target, bytes);
  kept.add(target);
  const ext = path.extname(name);
  let [gz, br] = [bytes.length, bytes.length];
  if (COMPRESSIBLE.has(ext)) {
    const isText = !['.wasm', '.dict'].includes(ext);
    for (const [suffix, compress] of [['.gz', () => gzipSync(bytes, { level: 9 })], ['.br', () => brotli(bytes, isText)]]) {
      const file = target + suffix;
      // Unchanged bytes keep their compressed copy.
      const key = path.relative(OUT, file);
      const hash = createHash('sha256').update(bytes).digest('hex');
      const fresh = !changed && existsSync(file) && stamps[key] === hash;
      const compressed = fresh ? readFileSync(file) : compress();
      if (compressed.length <= bytes.length * MIN_SAVING) {
        if (!fresh) writeFileSync(file, compressed);
        newStamps[key] = hash;
        kept.add(file);
        if (suffix === '.gz') gz = compressed.length;
        else br = compressed.length;
      }
    }
  }
  totals.raw += bytes.length;
  totals.gzip += gz;
  totals.brotli += br;
}

// Files of an earlier build that www/ no longer has.
for (const name of existsSync(OUT) ? [...filesOf(OUT)] : []) {
  if (!kept.has(path.join(OUT, name))) rmSync(path.join(OUT, name));
}

mkdirSync(path.dirname(STAMPS), { recursive: true });
writeFileSync(STAMPS, JSON.stringify(newStamps));

const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
console.log(`${path.relative(ROOT, OUT) || '.'}/: ${mb(totals.raw)} raw, ${mb(totals.gzip)} as gzip, ${mb(totals.brotli)} as brotli`);
