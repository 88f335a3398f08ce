// The user's text, kept in this browser's IndexedDB so that a reload (or a
// closed tab) does not lose it. One record: the text in the box now, and,
// when it is a corpus (several files, corpus.js), each file's span of it, so
// that a reload keeps the division by file too.
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

/**
 * The saved {text, sections}: text '' when there is none (or storage is
 * unavailable); sections the files' spans [{label, start, end}] (UTF-16) if
 * the text was a corpus, else null.
 */
export async function loadSavedText() {
  const saved = await quietly(inStore('readonly', (store) => store.get(KEY)), '');
  // A record from before corpora were kept is the text alone.
  if (typeof saved === 'string') return { text: saved, sections: null };
  const text = typeof saved?.text === 'string' ? saved.text : '';
  return { text, sections: spansWithin(saved?.sections, text.length) };
}

/** `sections` if they are spans of a text of `length`, in order; else null. */
function spansWithin(sections, length) {
  if (!Array.isArray(sections) || sections.length < 2) return null;
  let last = 0;
  for (const { label, start, end } of sections) {
    const span = typeof label === 'string' && Number.isInteger(start) && Number.isInteger(end) && last <= start && start <= end && end <= length;
    if (!span) return null;
    last = end;
  }
  // A table's rows keep their group (corpus.js), for the comparison.
  return sections.map(({ label, start, end, group }) => ({ label, start, end, ...(typeof group === 'string' && { group }) }));
}

/** Saves `text` (and the files' spans of a corpus, or null) now. Resolves once it is stored (or storage failed). */
export function saveText(text, sections = null) {
  saveSoon.cancel();
  return quietly(inStore('readwrite', (store) => store.put({ text, sections }, KEY)));
}

/** Saves `text` (and `sections`) once typing has paused. */
export const saveSoon = debounce((text, sections = null) => saveText(text, sections), SAVE_DELAY);

/** Forgets the saved text (and any save still waiting). */
export function clearSavedText() {
  saveSoon.cancel();
  return quietly(inStore('readwrite', (store) => store.delete(KEY)));
}
