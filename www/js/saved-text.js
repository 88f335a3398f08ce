// The user's text, kept in this browser's IndexedDB so that a reload (or a
// closed tab) does not lose it. Each tab keeps its own record (the text in
// its box now, the files' spans when it is a corpus, the files' names), so
// that two tabs never overwrite each other's text; a new tab continues the
// text saved last. The newest few records are kept, the rest forgotten.
//
// A text whose analysis started and never ended (the tab hung or crashed
// on it) is marked: the next visit asks before analysing it again, instead
// of hanging again with no way to reach 清除.
//
// Storage may be unavailable (a private window, a full disk, storage
// blocked): then nothing is saved and load() finds nothing. That is never
// worth an error message: the page works the same without it.

import { inStore as inDatabase } from './database.js';
import { debounce } from './dom.js';

const STORE = 'texts';
/** The record of a page from before each tab kept its own: read once, if nothing newer is kept. */
const LEGACY_KEY = 'current';
/** The list of the kept records, newest first: [{key, savedAt, length}]. */
const RECENT_KEY = 'recent';
/** How many tabs' texts are kept. */
export const RECENT_LIMIT = 5;
const SAVE_DELAY = 500;
const TAB_ID = 'ciyan.tab';
const UNFINISHED = 'ciyan.unfinished';

const inStore = (mode, use) => inDatabase(STORE, mode, use);

const quietly = (promise, fallback = undefined) => promise.catch(() => fallback);

/** This tab's record key: kept in sessionStorage, which a reload keeps and another tab does not share. */
function tabKey() {
  try {
    let id = sessionStorage.getItem(TAB_ID);
    if (!id) {
      id = crypto.randomUUID();
      sessionStorage.setItem(TAB_ID, id);
    }
    return `tab:${id}`;
  } catch {
    return 'tab:shared'; // no session storage: the tabs share one record, as before
  }
}

/** The keys whose analysis started and has not ended (localStorage: written at once, and it outlives a crash). */
function unfinishedKeys() {
  try {
    const keys = JSON.parse(localStorage.getItem(UNFINISHED) ?? '[]');
    return Array.isArray(keys) ? keys.filter((key) => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

function writeUnfinished(keys) {
  try {
    if (keys.length === 0) localStorage.removeItem(UNFINISHED);
    else localStorage.setItem(UNFINISHED, JSON.stringify(keys.slice(-RECENT_LIMIT)));
  } catch { /* storage unavailable: nothing to ask next time */ }
}

/** Marks this tab's text as being analysed: should the tab hang or crash, the next visit asks first. */
export function markAnalysing() {
  const key = tabKey();
  const keys = unfinishedKeys();
  if (!keys.includes(key)) writeUnfinished([...keys, key]);
}

/** This tab's analysis ended (shown, failed or cancelled): its text is safe to analyse again. */
export function markAnalysed() {
  const key = tabKey();
  const keys = unfinishedKeys();
  if (keys.includes(key)) writeUnfinished(keys.filter((k) => k !== key));
}

const recentOf = (value) => (Array.isArray(value) ? value.filter((entry) => typeof entry?.key === 'string') : []);

/** The kept records, newest first. */
const recentList = async () => recentOf(await quietly(inStore('readonly', (store) => store.get(RECENT_KEY)), null));

/**
 * Rewrites the list of recent records with `change(list)` in the
 * transaction of `objects` (read and written in one: two tabs saving at
 * once lose neither), deleting the records that fall off it.
 */
function updateRecent(objects, change) {
  const read = objects.get(RECENT_KEY);
  read.onsuccess = () => {
    const list = change(recentOf(read.result));
    for (const old of list.slice(RECENT_LIMIT)) objects.delete(old.key);
    objects.put(list.slice(0, RECENT_LIMIT), RECENT_KEY);
    objects.delete(LEGACY_KEY);
  };
}

/**
 * The saved {text, sections, fileNames, unfinished}: this tab's text if it
 * kept one, else the one saved last (by any tab). text is '' when there is
 * none (or storage is unavailable); sections the files' spans [{label,
 * start, end}] (UTF-16) if the text was a corpus, else null; fileNames the
 * names of the files it came from ([] when typed or pasted); unfinished
 * whether its last analysis never ended.
 */
export async function loadSavedText() {
  const own = tabKey();
  const recent = await recentList();
  const key = recent.some((entry) => entry.key === own) ? own : recent[0]?.key ?? LEGACY_KEY;
  const saved = await quietly(inStore('readonly', (store) => store.get(key)), '');
  const unfinished = unfinishedKeys().includes(key);
  // The unfinished mark moves to this tab: its analysis of the text is the one to watch now.
  if (unfinished && key !== own) {
    writeUnfinished([...unfinishedKeys().filter((k) => k !== key), own]);
  }
  // A record from before corpora were kept is the text alone.
  if (typeof saved === 'string') return { text: saved, sections: null, fileNames: [], unfinished };
  const text = typeof saved?.text === 'string' ? saved.text : '';
  const fileNames = Array.isArray(saved?.fileNames) ? saved.fileNames.filter((name) => typeof name === 'string') : [];
  return { text, sections: spansWithin(saved?.sections, text.length), fileNames, unfinished };
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

/** Stores this tab's record and puts it first in the list of recent ones. */
function store(record) {
  const key = tabKey();
  return inStore('readwrite', (objects) => {
    updateRecent(objects, (list) => [{ key, savedAt: Date.now(), length: record.text.length }, ...list.filter((e) => e.key !== key)]);
    return objects.put(record, key);
  });
}

/**
 * Saves `text` (with the files' spans of a corpus, or null, and the names
 * of the files it came from) now, as this tab's. Resolves once it is stored
 * (or storage failed).
 */
export function saveText(text, sections = null, fileNames = []) {
  saveSoon.cancel();
  return quietly(store({ text, sections, fileNames }));
}

/** Saves `text` (and `sections`, `fileNames`) once typing has paused. */
export const saveSoon = debounce((text, sections = null, fileNames = []) => saveText(text, sections, fileNames), SAVE_DELAY);

/**
 * Forgets this tab's saved text (and any save still waiting): an empty text
 * is its newest, so that its reload (or a new tab) starts from the sample,
 * as after 清除 before; other tabs keep theirs.
 */
export function clearSavedText() {
  saveSoon.cancel();
  markAnalysed();
  return quietly(store({ text: '', sections: null, fileNames: [] }));
}
