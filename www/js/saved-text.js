// The user's text, kept in this browser's IndexedDB so that a reload (or a
// closed tab) does not lose it. One record: the text in the box now.
//
// Storage may be unavailable (a private window, a full disk, storage
// blocked): then nothing is saved and load() finds nothing. That is never
// worth an error message: the page works the same without it.

import { debounce } from './dom.js';

const DB_NAME = 'ciyan';
const STORE = 'texts';
const KEY = 'current';
const SAVE_DELAY = 500;

let opening = null;

function openDb() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked'));
  });
  // A failed open may succeed later (storage freed): do not keep the failure.
  opening.catch(() => { opening = null; });
  return opening;
}

/** Runs `use(store)` in one transaction; resolves with its request's result once committed. */
async function inStore(mode, use) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = use(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

const quietly = (promise, fallback = undefined) => promise.catch(() => fallback);

/** The saved text, or '' when there is none (or storage is unavailable). */
export async function loadSavedText() {
  const text = await quietly(inStore('readonly', (store) => store.get(KEY)), '');
  return typeof text === 'string' ? text : '';
}

/** Saves `text` now. Resolves once it is stored (or storage failed). */
export function saveText(text) {
  saveSoon.cancel();
  return quietly(inStore('readwrite', (store) => store.put(text, KEY)));
}

/** Saves `text` once typing has paused. */
export const saveSoon = debounce((text) => saveText(text), SAVE_DELAY);

/** Forgets the saved text (and any save still waiting). */
export function clearSavedText() {
  saveSoon.cancel();
  return quietly(inStore('readwrite', (store) => store.delete(KEY)));
}
