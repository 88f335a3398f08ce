// The service worker: keeps the page shell (HTML, CSS, every script, the
// wasm, the dictionary, the sample) in a cache so that Ciyan opens and
// analyses without a network. Cache first, the network for anything not
// cached.
//
// VERSION names the cache. scripts/build-wasm.py writes pkg/build-id.js
// with a hash of every file of www/, so each build that changes a file
// changes the id: the browser sees a changed imported script, installs this
// worker again, and the old cache is deleted once the new one is complete.
// (Add new files to SHELL.)

importScripts('pkg/build-id.js');
const VERSION = `ciyan-${self.CIYAN_BUILD_ID}`;

// Every file the page needs, relative to this script (the page's folder).
// tests/browser/offline.test.mjs checks that this names every file of www/.
const SHELL = [
  './',
  'boot.js',
  'css/base.css',
  'css/concordance.css',
  'css/layout.css',
  'css/i18n.css',
  'css/lexicon.css',
  'css/names.css',
  'css/network.css',
  'css/print.css',
  'css/repair.css',
  'css/sections.css',
  'css/trends.css',
  'css/views.css',
  'css/word-views.css',
  'css/word.css',
  'favicon.svg',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/maskable-512.png',
  'js/analyzer-client.js',
  'js/corpus.js',
  'js/dashboard.js',
  'js/database.js',
  'js/dom.js',
  'js/export.js',
  'js/fold.js',
  'js/format.js',
  'js/i18n.js',
  'js/input.js',
  'js/main.js',
  'js/measure.js',
  'js/offline.js',
  'js/messages/en.js',
  'js/messages/zh-CN.js',
  'js/opened-file.js',
  'js/options-form.js',
  'js/part-name.js',
  'js/pos.js',
  'js/protocol.js',
  'js/saved-text.js',
  'js/selection.js',
  'js/settings.js',
  'js/status.js',
  'js/structure.js',
  'js/views/chart-table.js',
  'js/views/collocates.js',
  'js/views/compare.js',
  'js/views/concordance.js',
  'js/views/counts.js',
  'js/views/dispersion-chart.js',
  'js/views/dispersion.js',
  'js/views/entities.js',
  'js/views/file-info.js',
  'js/views/frequency-table.js',
  'js/views/heat-map.js',
  'js/views/keyness.js',
  'js/views/keyword-chart.js',
  'js/views/kwic-line.js',
  'js/views/lazy-card.js',
  'js/views/lexicon.js',
  'js/views/network-chart.js',
  'js/views/network.js',
  'js/views/new-words.js',
  'js/views/phrases.js',
  'js/views/reader.js',
  'js/views/scope-banner.js',
  'js/views/sections.js',
  'js/views/repair.js',
  'js/views/trend-lines.js',
  'js/views/trends.js',
  'js/views/word-cloud.js',
  'js/views/word-info.js',
  'js/word-from-selection.js',
  'manifest.webmanifest',
  'pkg/build-id.js',
  'pkg/ciyan.dict',
  'pkg/ciyan.js',
  'pkg/ciyan_bg.wasm',
  'samples/wangyi-press-conference-2024-03-07.txt',
  'worker.js',
];

const ROOT = new URL('./', self.location.href);
const INDEX = new URL('./', ROOT).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(VERSION);
    // 'no-cache': ask the server whether each file changed (a 304 when it
    // did not), so that a stale HTTP cache never ends up in this version.
    await cache.addAll(SHELL.map((file) => new Request(new URL(file, ROOT), { cache: 'no-cache' })));
    // A new version takes over at once rather than when every tab closes.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== VERSION) await caches.delete(name);
    // The page that registered this worker on its first visit is served by
    // it from now on, without a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(ROOT.href)) return;
  event.respondWith(cacheFirst(request));
});

async function cacheFirst(request) {
  const cache = await caches.open(VERSION);
  const url = new URL(request.url);
  // The page itself, whatever its query string: /, /index.html, /?x.
  const isPage = request.mode === 'navigate' && (url.pathname === ROOT.pathname || url.pathname === `${ROOT.pathname}index.html`);
  const cached = isPage ? await cache.match(INDEX) : await cache.match(request);
  return cached ?? fetch(request);
}
