// A page's URL, history and hashchange for Node, as selection.js uses them:
// `location` (hash, pathname, search), history.pushState (which, as in a
// browser, fires no hashchange) and window's hashchange listeners.
// goToHash(hash) is what a typed hash or the back button does: the hash
// changes and hashchange fires.

const url = new URL('http://127.0.0.1/');
const listeners = new Set();

globalThis.location = {
  get hash() { return url.hash; },
  get pathname() { return url.pathname; },
  get search() { return url.search; },
  get href() { return url.href; },
};
globalThis.history = {
  pushState(_state, _title, next) { setUrl(next); },
};
globalThis.window = {
  addEventListener(type, listener) { if (type === 'hashchange') listeners.add(listener); },
  removeEventListener(type, listener) { if (type === 'hashchange') listeners.delete(listener); },
};

function setUrl(next) {
  const target = new URL(next, url);
  url.pathname = target.pathname;
  url.search = target.search;
  url.hash = target.hash;
}

/** Sets the hash as the user would (typed, a link, back or forward): hashchange fires. */
export function goToHash(hash) {
  setUrl(hash.startsWith('#') ? hash : `#${hash}`);
  for (const listener of [...listeners]) listener({ type: 'hashchange' });
}

/** Starts over at http://127.0.0.1/`path` without firing anything (a page opened there). */
export function resetUrl(path = '') {
  setUrl(`/${path}`);
}
