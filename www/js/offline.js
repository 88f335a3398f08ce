// Registers the service worker (../sw.js) that keeps the page, its scripts
// and the wasm in a cache, so that the analyzer opens without a network.

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const root = new URL('../', import.meta.url); // the page's folder: '/' when served at the root
  // A failure (storage blocked, a private window) only means no offline copy.
  navigator.serviceWorker.register(new URL('sw.js', root), { scope: root.pathname }).catch(() => {});
}
