// The user's settings, the one place they live: their own words (the user
// dictionary), their stopwords and their corrections of the name lists.
// Kept in this browser's IndexedDB (database.js), so that they survive a
// reload; exported to and imported from a file, so that a colleague gets
// the same results.
//
// The record (store 'settings', key 'current'):
//   {version: 1,
//    userWords: [{word, freq?, tag?}]                      — in the order added
//    stopwords: {base: 'iso'|'nltk'|'none', classical, added: [word], removed: [word]}
//    names: {removed: [word], moved: [{word, kind}], aliases: [{name, forms: [word]}], keepImplausible}}
// A record of an older version is brought up to date by MIGRATIONS as it
// is read. Every value that comes in (stored, imported, edited) is checked
// and tidied by `checked`; what it refuses is said in the reader's language (the catalogs).
//
// Storage may be unavailable (a private window, storage blocked): the
// settings then live in memory only, and settingsArePersistent() says so.
// Another tab of the page hears of each change (a BroadcastChannel) and
// applies it as if it were its own.

import { inStore } from './database.js';
import { t } from './i18n.js';

const STORE = 'settings';
const KEY = 'current';
/** The version of the record and of the settings file. */
export const SETTINGS_VERSION = 1;
const FILE_FORMAT = 'ciyan-settings';

/** The tag a word added with one click gets (n, a noun); the settings panel changes it. */
export const DEFAULT_USER_TAG = 'n';
/** The stopword lists to start from (src/stopwords.rs). */
export const STOPWORD_BASES = ['iso', 'nltk', 'none'];
const NAME_KINDS = ['person', 'place', 'organization'];
/** The parts of the settings a change names (onSettingsChange). */
const PARTS = ['userWords', 'stopwords', 'names'];
/** As src/user_dictionary.rs allows. */
const MAX_USER_WORDS = 100_000;
const MAX_WORD_LENGTH = 64;

/**
 * MIGRATIONS[v] turns settings of version v into version v + 1. A new
 * version adds its step here, e.g.
 *   1: (old) => ({ ...old, version: 2, something: defaultValue }),
 */
const MIGRATIONS = {};

export function defaultSettings() {
  return {
    version: SETTINGS_VERSION,
    userWords: [],
    stopwords: { base: 'iso', classical: false, added: [], removed: [] },
    names: { removed: [], moved: [], aliases: [], keepImplausible: false },
  };
}

let settings = deepFreeze(defaultSettings());
let persistent = false;
const listeners = new Set();
const otherTabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('ciyan-settings') : null;

/**
 * Reads the stored settings; call once, as the page starts. Resolves with
 * them (the defaults when there are none, or they cannot be read).
 */
export async function loadSettings() {
  let stored;
  try {
    stored = await inStore(STORE, 'readonly', (store) => store.get(KEY));
    persistent = true;
  } catch {
    persistent = false;
    return settings;
  }
  if (stored === undefined) return settings;
  try {
    settings = deepFreeze(checked(migrated(stored)));
  } catch {
    // A damaged record: the defaults, stored over it at the next change. A
    // record of a newer version (a newer page in another tab): the
    // defaults, and the record is left for the newer page.
    if (isObject(stored) && stored.version > SETTINGS_VERSION) persistent = false;
  }
  return settings;
}

/** The settings now: frozen (change them with updateSettings). */
export const currentSettings = () => settings;

/** Whether the settings are kept in this browser (false: in memory only, lost on reload). */
export const settingsArePersistent = () => persistent;

/**
 * Changes the settings: `mutator(draft)` edits a copy of them. The result
 * is checked (an edit it refuses throws an Error whose message is a Chinese
 * sentence, and nothing changes), stored, and every listener is told.
 * Resolves with the new settings once they are stored.
 */
export async function updateSettings(mutator) {
  const draft = structuredClone(settings);
  mutator(draft);
  const next = deepFreeze(checked(draft));
  const changed = new Set(PARTS.filter((part) => JSON.stringify(next[part]) !== JSON.stringify(settings[part])));
  if (changed.size === 0) return settings;
  settings = next;
  // Stored while the listeners start on it: the page answers sooner than
  // a disk does. (Writes of one store are committed in the order asked.)
  const stored = persistent
    ? inStore(STORE, 'readwrite', (store) => store.put(next, KEY)).catch(() => { persistent = false; })
    : null;
  tell(next, changed);
  otherTabs?.postMessage(next);
  await stored;
  return next;
}

function tell(next, changed) {
  for (const listener of listeners) listener(next, changed);
}

// A change made in another tab (and stored by it).
otherTabs?.addEventListener('message', ({ data }) => {
  let next;
  try {
    next = deepFreeze(checked(migrated(data)));
  } catch {
    return; // a newer page's settings: this one keeps its own
  }
  const changed = new Set(PARTS.filter((part) => JSON.stringify(next[part]) !== JSON.stringify(settings[part])));
  if (changed.size === 0) return;
  settings = next;
  tell(next, changed);
});

/**
 * Calls `listener(settings, changed)` after every change; `changed` is a
 * Set of 'userWords', 'stopwords', 'names'. Returns a function that stops it.
 */
export function onSettingsChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every setting back to its default. */
export const resetSettings = () => updateSettings((draft) => Object.assign(draft, defaultSettings()));

/** The settings as a file (JSON text) that importSettingsFile reads. */
export function exportSettingsFile() {
  const { version, userWords, stopwords, names } = settings;
  return `${JSON.stringify({ format: FILE_FORMAT, version, generator: 'Ciyan 词眼', userWords, stopwords, names }, null, 2)}\n`;
}

/**
 * Replaces every setting with those of a settings file (exportSettingsFile's
 * text). Rejects with an Error whose message says why in the reader's
 * language (the catalogs) if the file is not one, or is damaged; nothing
 * changes then.
 */
export async function importSettingsFile(text) {
  let file;
  try {
    file = JSON.parse(String(text).replace(/^\uFEFF/, ''));
  } catch {
    throw new Error(t('settings.notJson'));
  }
  if (!isObject(file) || file.format !== FILE_FORMAT) {
    throw new Error(t('settings.notSettings'));
  }
  const { format, generator, ...values } = file;
  const imported = checked(migrated(values), t('settings.fileWrong'));
  return updateSettings((draft) => Object.assign(draft, imported));
}

// Edits the views share. Each resolves once the change is stored and told.

/** Adds a word to the user dictionary ({word, freq?, tag?}), or changes the one already there. */
export function addUserWord(entry) {
  return updateSettings((draft) => {
    const at = draft.userWords.findIndex((w) => w.word === entry.word);
    if (at === -1) draft.userWords.push(entry);
    else draft.userWords[at] = entry;
  });
}

export function removeUserWord(word) {
  return updateSettings((draft) => {
    draft.userWords = draft.userWords.filter((w) => w.word !== word);
  });
}

/** Whether `word` is in the user dictionary. */
export const isUserWord = (word) => settings.userWords.some((w) => w.word === word);

/**
 * Makes `word` a stopword. `baseWords` (a Set): the chosen base list's
 * words (without the user's changes), so that a base word the user had
 * removed is only un-removed, not added as well.
 */
export function addStopword(word, baseWords) {
  return updateSettings(({ stopwords }) => {
    stopwords.removed = stopwords.removed.filter((w) => w !== word);
    if (!baseWords.has(word) && !stopwords.added.includes(word)) stopwords.added.push(word);
  });
}

/** Makes `word` no stopword: un-added, and removed if the base list has it. */
export function removeStopword(word, baseWords) {
  return updateSettings(({ stopwords }) => {
    stopwords.added = stopwords.added.filter((w) => w !== word);
    if (baseWords.has(word) && !stopwords.removed.includes(word)) stopwords.removed.push(word);
  });
}

/**
 * Whether `word` can be a user word: 1 to 64 characters, no white space (as
 * src/user_dictionary.rs checks). Returns null if it can, else why not.
 */
export function userWordProblem(word) {
  const length = [...word].length;
  if (length === 0) return t('settings.emptyWord');
  if (/\s/.test(word)) return t('settings.space', word);
  if (length > MAX_WORD_LENGTH) return t('settings.tooLong', [...word].slice(0, 12).join(''), MAX_WORD_LENGTH);
  return null;
}

/** Settings of an older version brought up to this one; a newer version is refused. */
function migrated(value) {
  if (!isObject(value)) throw new Error(t('settings.notObject'));
  let current = value;
  let version = current.version;
  if (!Number.isInteger(version) || version < 1) throw new Error(t('settings.noVersion'));
  if (version > SETTINGS_VERSION) {
    throw new Error(t('settings.newer', version));
  }
  while (version < SETTINGS_VERSION) {
    current = MIGRATIONS[version](current);
    version = current.version;
  }
  return current;
}

/**
 * The settings in `value`, checked and tidied (white space trimmed, words
 * listed twice listed once, a missing part given its default). Throws an
 * Error whose message, a sentence in the page's language (js/messages/)
 * starting with `what`, says what is wrong.
 */
function checked(value, what = t('settings.wrong')) {
  const fail = (why) => { throw new Error(t('settings.failure', what, why)); };
  const part = (key) => t(`settings.part.${key}`);
  const defaults = defaultSettings();
  const { userWords = defaults.userWords, stopwords = defaults.stopwords, names = defaults.names } = value;

  const list = (items, name) => (Array.isArray(items) ? items : fail(t('settings.notList', name)));
  const word = (item, name) => {
    if (typeof item !== 'string' || item.trim() === '') fail(t('settings.notWord', name, JSON.stringify(item) ?? String(item)));
    return item.trim();
  };
  const words = (items, name) => [...new Set(list(items, name).map((item) => word(item, name)))];
  const flag = (item, name) => (typeof item === 'boolean' ? item : fail(t('settings.notFlag', name)));
  const object = (item, name) => (isObject(item) ? item : fail(t('settings.notAnObject', name)));

  // The user dictionary: a later entry of a word replaces an earlier one, in its place.
  const entries = new Map();
  if (list(userWords, part('userWords')).length > MAX_USER_WORDS) fail(t('settings.tooManyWords', MAX_USER_WORDS));
  for (const [i, entry] of userWords.entries()) {
    if (!isObject(entry)) fail(t('settings.entryNotWord', i + 1));
    const text = typeof entry.word === 'string' ? entry.word.trim() : '';
    const problem = userWordProblem(text);
    if (problem) fail(t('settings.entryProblem', i + 1, problem));
    const tidy = { word: text };
    if (entry.freq !== undefined && entry.freq !== null) {
      if (!Number.isSafeInteger(entry.freq) || entry.freq < 0) fail(t('settings.badFreq', text));
      tidy.freq = entry.freq;
    }
    if (entry.tag !== undefined && entry.tag !== null && entry.tag !== '') {
      if (typeof entry.tag !== 'string' || !/^[A-Za-z]{1,8}$/.test(entry.tag)) fail(t('settings.badTag', text, entry.tag));
      tidy.tag = entry.tag;
    }
    entries.set(text, tidy);
  }

  object(stopwords, part('stopwords'));
  const base = stopwords.base ?? 'iso';
  if (!STOPWORD_BASES.includes(base)) fail(t('settings.badBase', base, STOPWORD_BASES));

  object(names, part('names'));
  const moved = list(names.moved ?? [], part('moved')).map((entry) => {
    object(entry, part('moved'));
    if (!NAME_KINDS.includes(entry.kind)) fail(t('settings.badKind', entry.word, entry.kind));
    return { word: word(entry.word, part('moved')), kind: entry.kind };
  });
  const aliases = list(names.aliases ?? [], part('aliases')).map((entry) => {
    object(entry, part('aliases'));
    return { name: word(entry.name, part('aliases')), forms: words(entry.forms ?? [], part('aliases')) };
  });

  return {
    version: SETTINGS_VERSION,
    userWords: [...entries.values()],
    stopwords: {
      base,
      classical: flag(stopwords.classical ?? false, part('classical')),
      added: words(stopwords.added ?? [], part('added')),
      removed: words(stopwords.removed ?? [], part('removed')),
    },
    names: {
      removed: words(names.removed ?? [], part('removedNames')),
      moved,
      aliases,
      keepImplausible: flag(names.keepImplausible ?? false, 'keepImplausible'),
    },
  };
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

function deepFreeze(value) {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
