// The service worker: keeps the page shell (HTML, CSS, every script, the
// wasm, the dictionary, the sample) in a cache so that Ciyan opens and
// analyses without a network. Cache first, the network for anything not
// cached.
//
// shell.js, which scripts/dist.mjs writes beside this script, names every
// file the page needs (CIYAN_SHELL, relative to this script: the page's
// folder) and the build (CIYAN_BUILD_ID, a hash of every file of the page).
// A build that changes any file changes the id: the browser sees a changed
// imported script, installs this worker again, and the old cache is deleted
// once the new one is complete. (Unbuilt, from www/, there is no shell.js:
// the worker fails to install and the page works online only.)

importScripts('shell.js');
const VERSION = `ciyan-${self.CIYAN_BUILD_ID}`;
const SHELL = self.CIYAN_SHELL;

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
