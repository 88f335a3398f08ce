// The user's text, kept in this browser's IndexedDB so that a reload (or a
// closed tab) does not lose it. One record: the text in the box now.
//
// Storage may be unavailable (a private window, a full disk, storage
// blocked): then nothing is saved and load() finds nothing. That is never
// worth an error message: the page works the same without it.

import { inStore as inDatabase } from './database.js';
import { debounce } from './dom.js';

const STORE = 'texts';
const KEY = 'current';
const SAVE_DELAY = 500;

const inStore = (mode, use) => inDatabase(STORE, mode, use);

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
