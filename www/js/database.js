// The page's IndexedDB database, 'ciyan': opened here only, so that every
// module that keeps something in it agrees on its version and its stores.
// Each version's upgrade adds what it brought; a browser that had an older
// version runs the upgrades it missed, in order.
//
//   version 1: 'texts'    — the text in the box (saved-text.js)
//   version 2: 'settings' — the user's words, stopwords and name corrections (settings.js)

const NAME = 'ciyan';
const UPGRADES = [
  (db) => db.createObjectStore('texts'),
  (db) => db.createObjectStore('settings'),
];

let opening = null;

/** Resolves with the open database; rejects if storage is unavailable (a private window, storage blocked). */
export function openDatabase() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, UPGRADES.length);
    request.onupgradeneeded = (event) => {
      for (let version = event.oldVersion; version < UPGRADES.length; version++) UPGRADES[version](request.result);
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer page (another tab, after an update) needs a newer version:
      // let it have the database; the next use here opens it again.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked'));
  });
  // A failed open may succeed later (storage freed): do not keep the failure.
  opening.catch(() => { opening = null; });
  return opening;
}

/** Runs `use(store)` on `storeName` in one transaction; resolves with its request's result once committed. */
export async function inStore(storeName, mode, use) {
  const db = await openDatabase();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(storeName, mode);
    const request = use(transaction.objectStore(storeName));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}
