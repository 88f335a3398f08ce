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
// The limits (a word's characters, each list's entries, a settings file's
// bytes) are the core's (src/limits.rs), given once by useCoreLimits: the
// page declares none of them. They hold on every path: typed, imported,
// restored from storage, heard from another tab. A stored record that
// breaks one (an older page let it in) loses the entries that do, with a
// note (droppedOnLoad), and is stored again without them. A word is never
// spread or measured whole: one longer than twice the limit in UTF-16
// units is too long without counting its characters.
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

/** The core's limits (Constants.limits: wordChars, userWords, listWords, settingsFileBytes), once known. */
let limits = null;
/** Asks the core for its limits (a promise), as useCoreLimits was given; null before. */
let askLimits = null;
let limitsAsked = null;

/**
 * Where the core's limits come from: `ask()` resolves with the core's
 * Constants.limits (main.js asks the worker). Call once, before
 * loadSettings. A failed ask is asked again at the next need.
 */
export function useCoreLimits(ask) {
  askLimits = ask;
  limitsAsked = null;
  limits = null;
}

/** The core's limits: resolves with them, or rejects if the core cannot say (it could not load). */
function coreLimits() {
  if (limits) return Promise.resolve(limits);
  if (!askLimits) return Promise.reject(new Error('settings.js: useCoreLimits was not called'));
  limitsAsked ??= Promise.resolve(askLimits()).then((given) => {
    limits = given;
    return given;
  }, (error) => {
    limitsAsked = null;
    throw error;
  });
  return limitsAsked;
}

/** What loadSettings dropped from the stored settings (each a sentence), if anything. */
let dropped = [];
export const droppedOnLoad = () => dropped;

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
  dropped = [];
  try {
    // The core's limits first: without them no stored value can be trusted
    // not to freeze the page. A core that cannot load: the defaults, in
    // memory, and the record is left for the next visit.
    await coreLimits();
  } catch {
    persistent = false;
    return settings;
  }
  try {
    stored = await inStore(STORE, 'readonly', (store) => store.get(KEY));
    persistent = true;
  } catch {
    persistent = false;
    return settings;
  }
  if (stored === undefined) return settings;
  try {
    const drops = [];
    const what = t('settings.wrong');
    settings = deepFreeze(checked(await userWordsChecked(migrated(stored), what, drops), what, drops));
    dropped = drops;
    // Stored again without what broke a limit: the next visit is clean.
    if (drops.length > 0) await inStore(STORE, 'readwrite', (store) => store.put(settings, KEY)).catch(() => {});
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
  if (!limits) await coreLimits();
  // The user words' entries are frozen and shared (a mutator replaces an
  // entry, never edits it: an edit throws); the rest is a copy.
  const draft = { ...structuredClone({ ...settings, userWords: [] }), userWords: [...settings.userWords] };
  mutator(draft);
  const next = deepFreeze(checked(draft));
  const changed = new Set(PARTS.filter((part) => !same(next[part], settings[part])));
  if (changed.size === 0) return settings;
  settings = next;
  // Stored while the listeners start on it: the page answers sooner than
  // a disk does. (Writes of one store are committed in the order asked.)
  // Each step is a task of its own: with 100,000 words each copies them
  // (tens of milliseconds), and the page answers in between.
  await nextTask();
  const stored = persistent
    ? inStore(STORE, 'readwrite', (store) => store.put(next, KEY)).catch(() => { persistent = false; })
    : null;
  await nextTask();
  tell(next, changed);
  await nextTask();
  otherTabs?.postMessage(next);
  await stored;
  return next;
}

/** Resolves in a task of its own (after what the page has to do meanwhile). */
export const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

/** Whether two settings values are the same (plain data: objects, arrays, strings, numbers, flags); no copy made. */
function same(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!same(a[i], b[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && same(a[key], b[key]));
}

function tell(next, changed) {
  for (const listener of listeners) listener(next, changed);
}

// A change made in another tab (and stored by it).
otherTabs?.addEventListener('message', async ({ data }) => {
  let next;
  try {
    if (!limits) return; // this page is still starting: it reads the stored settings next
    const what = t('settings.wrong');
    next = deepFreeze(checked(await userWordsChecked(migrated(data), what), what));
  } catch {
    return; // a newer page's settings: this one keeps its own
  }
  const changed = new Set(PARTS.filter((part) => !same(next[part], settings[part])));
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
 * Replaces every setting with those of a settings file: its text
 * (exportSettingsFile's), or the File (a Blob) itself, which is refused
 * unread if it is over the core's limit. Rejects with an Error whose
 * message says why in the reader's language (the catalogs) if the file is
 * not one, is too large, or is damaged; nothing changes then.
 */
export async function importSettingsFile(fileOrText) {
  const { settingsFileBytes } = await coreLimits();
  let text = fileOrText;
  if (typeof Blob === 'function' && fileOrText instanceof Blob) {
    const { size } = fileOrText;
    if (size > settingsFileBytes) throw new Error(tooLargeFile({ name: /** @type {File} */ (fileOrText).name ?? '', size }, settingsFileBytes));
    text = await fileOrText.text();
  } else if (String(text).length > settingsFileBytes) {
    throw new Error(tooLargeFile({ name: '', size: String(text).length }, settingsFileBytes));
  }
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
  const what = t('settings.fileWrong');
  const imported = checked(await userWordsChecked(migrated(values), what), what);
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
 * The sentence refusing a file over the core's limit of `limit` bytes,
 * unread: {name, size} are the File's. Also the views' (a user dictionary
 * or stopword file).
 */
export function tooLargeFile({ name, size }, limit) {
  return t('settings.fileTooLarge', name, size, limit);
}

/**
 * Whether `word` (trimmed) can be a word of the settings (a user word, a
 * stopword): 1 to the core's wordChars characters, no white space (as
 * src/limits.rs checks). Returns null if it can, else why not. A word of
 * any length costs no more than a short one: one over twice the limit in
 * UTF-16 units is too long uncounted.
 */
export function wordProblem(word, { spaces = false } = {}) {
  const max = (limits ?? {}).wordChars;
  if (word.length === 0) return t('settings.emptyWord');
  const start = () => [...word.slice(0, 24)].slice(0, 12).join('');
  // The core has not said yet (it could not load): no word can be judged.
  if (max === undefined) return t('settings.noLimits');
  // Characters are counted only between max and 2 max UTF-16 units: fewer are fewer characters, more are more.
  if (word.length > 2 * max || (word.length > max && [...word].length > max)) return t('settings.tooLong', start(), max);
  if (!spaces && /\s/.test(word)) return t('settings.space', word);
  return null;
}

/** Whether `word` can be a user word (see wordProblem). */
export const userWordProblem = (word) => wordProblem(word);

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
 * The settings in `value`, checked against the core's limits and tidied
 * (white space trimmed, words listed twice listed once, a missing part
 * given its default). Throws an Error whose message, a sentence in the
 * page's language (js/messages/) starting with `what`, says what is wrong
 * and where (the entry's number in its list). `drops`: an array to collect
 * the entries that break a limit instead (a stored record): each is left
 * out and said there; a damaged structure still throws.
 */
function checked(value, what = t('settings.wrong'), drops = null) {
  const fail = (why) => { throw new Error(t('settings.failure', what, why)); };
  // An entry that breaks a limit: refused, or left out and said.
  const over = (why) => {
    if (!drops) fail(why);
    drops.push(why);
    return false;
  };
  const part = (key) => t(`settings.part.${key}`);
  const defaults = defaultSettings();
  const { userWords = defaults.userWords, stopwords = defaults.stopwords, names = defaults.names } = value;

  const list = (items, name) => (Array.isArray(items) ? items : fail(t('settings.notList', name)));
  // At most `max` entries: the first `max` when dropping.
  const capped = (items, name, max) => {
    if (list(items, name).length <= max) return items;
    over(t('settings.tooManyItems', name, max));
    return items.slice(0, max);
  };
  // A word of a list (its entry `n`): a string, a word; else refused (a number is "not a word", not "empty").
  const word = (item, name, n, options) => {
    if (typeof item !== 'string') fail(t('settings.notWord', name, n, shortJson(item)));
    const text = item.trim();
    const problem = wordProblem(text, options);
    return problem ? over(t('settings.itemProblem', name, n, problem)) && '' : text;
  };
  const words = (items, name, options) => {
    const kept = capped(items, name, limits.listWords).map((item, i) => word(item, name, i + 1, options));
    return [...new Set(kept.filter((w) => w !== false && w !== ''))];
  };
  const flag = (item, name) => (typeof item === 'boolean' ? item : fail(t('settings.notFlag', name)));
  const object = (item, name) => (isObject(item) ? item : fail(t('settings.notAnObject', name)));

  // The user dictionary: a later entry of a word replaces an earlier one, in its place.
  // A frozen entry was checked as it came in (it is the settings' own, or
  // userWordEntry made it, for addUserWords): it is taken as it is.
  const entries = new Map();
  const listed = capped(userWords, part('userWords'), limits.userWords);
  for (let i = 0; i < listed.length; i += 1) {
    const entry = listed[i];
    const tidy = Object.isFrozen(entry) && isObject(entry) ? entry : userWordEntry(entry, i + 1, fail, over);
    if (tidy) entries.set(tidy.word, tidy);
  }

  object(stopwords, part('stopwords'));
  const base = stopwords.base ?? 'iso';
  if (!STOPWORD_BASES.includes(base)) fail(t('settings.badBase', shortText(base), STOPWORD_BASES));

  // Names may hold a space (a name the user typed); never more than a word's characters.
  const nameWord = { spaces: true };
  object(names, part('names'));
  const moved = capped(names.moved ?? [], part('moved'), limits.listWords).map((entry, i) => {
    object(entry, part('moved'));
    if (!NAME_KINDS.includes(entry.kind)) fail(t('settings.badKind', shortText(entry.word), shortText(entry.kind)));
    const text = word(entry.word, part('moved'), i + 1, nameWord);
    return text ? { word: text, kind: entry.kind } : null;
  }).filter(Boolean);
  const aliases = capped(names.aliases ?? [], part('aliases'), limits.listWords).map((entry, i) => {
    object(entry, part('aliases'));
    const name = word(entry.name, part('aliases'), i + 1, nameWord);
    return name ? { name, forms: words(entry.forms ?? [], part('aliases'), nameWord) } : null;
  }).filter(Boolean);

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
      removed: words(names.removed ?? [], part('removedNames'), nameWord),
      moved,
      aliases,
      keepImplausible: flag(names.keepImplausible ?? false, 'keepImplausible'),
    },
  };
}

/**
 * Entry `n` of a user dictionary, checked and tidied (frozen); null if it
 * breaks a limit and `over` (see checked) leaves it out. `fail` throws.
 */
function userWordEntry(entry, n, fail, over) {
  if (!isObject(entry) || typeof entry.word !== 'string') fail(t('settings.entryNotWord', n));
  const text = entry.word.trim();
  const problem = wordProblem(text);
  if (problem) return over(t('settings.entryProblem', n, problem)) || null;
  const tidy = { word: text };
  if (entry.freq !== undefined && entry.freq !== null) {
    if (!Number.isSafeInteger(entry.freq) || entry.freq < 0) fail(t('settings.badFreq', text));
    tidy.freq = entry.freq;
  }
  if (entry.tag !== undefined && entry.tag !== null && entry.tag !== '') {
    if (typeof entry.tag !== 'string' || !/^[A-Za-z]{1,8}$/.test(entry.tag)) fail(t('settings.badTag', text, shortText(entry.tag)));
    tidy.tag = entry.tag;
  }
  return Object.freeze(tidy);
}

/** User words checked at once, at most this many a task. */
const CHECKED_A_TASK = 10_000;

/**
 * Adds many user words, a file's, as the core reads them (its
 * UserWordColumns: {words, freqs, tags}, entry i of each one word's, null
 * for no frequency or tag). A later entry of a word replaces an earlier
 * one, in its place. Each is checked as any entry is, a slice of them a
 * task, so that 100,000 words never hold the page up. Rejects with the
 * first bad entry's sentence (its number), and nothing changes then.
 * Resolves as updateSettings does.
 */
export async function addUserWords({ words, freqs = [], tags = [] }) {
  await coreLimits();
  const what = t('settings.wrong');
  const fail = (why) => { throw new Error(t('settings.failure', what, why)); };
  if (words.length > limits.userWords) fail(t('settings.tooManyItems', t('settings.part.userWords'), limits.userWords));
  const tidy = [];
  for (let start = 0; start < words.length; start += CHECKED_A_TASK) {
    const end = Math.min(words.length, start + CHECKED_A_TASK);
    for (let i = start; i < end; i += 1) tidy.push(userWordEntry({ word: words[i], freq: freqs[i], tag: tags[i] }, i + 1, fail, fail));
    await nextTask();
  }
  return updateSettings((draft) => {
    const at = new Map(draft.userWords.map((w, i) => [w.word, i]));
    for (const entry of tidy) {
      const known = at.get(entry.word);
      if (known === undefined) at.set(entry.word, draft.userWords.push(entry) - 1);
      else draft.userWords[known] = entry;
    }
  });
}

/**
 * `value` (settings, migrated) with its user words checked a slice a task
 * as checked would (userWordEntry: frozen, so that checked takes them as
 * they are): 100,000 words in a settings file or in storage never hold the
 * page up. `drops` as checked's. A list that is none, or too long, is left
 * for checked to say so.
 */
async function userWordsChecked(value, what, drops = null) {
  const { userWords } = value;
  if (!Array.isArray(userWords) || userWords.length > limits.userWords) return value;
  const fail = (why) => { throw new Error(t('settings.failure', what, why)); };
  const over = (why) => {
    if (!drops) fail(why);
    drops.push(why);
    return false;
  };
  const tidy = [];
  for (let start = 0; start < userWords.length; start += CHECKED_A_TASK) {
    const end = Math.min(userWords.length, start + CHECKED_A_TASK);
    for (let i = start; i < end; i += 1) {
      const entry = userWords[i];
      const kept = Object.isFrozen(entry) && isObject(entry) ? entry : userWordEntry(entry, i + 1, fail, over);
      if (kept) tidy.push(kept);
    }
    if (end < userWords.length) await nextTask();
  }
  return { ...value, userWords: tidy };
}

/** A value named in a message: a short string as it is, anything else as shortJson. */
const shortText = (value) => (typeof value === 'string' && value.length <= 24 ? value : shortJson(value));

/** A value quoted in a message: JSON, at most a few dozen characters (a refused value may be millions long). */
function shortJson(value) {
  if (typeof value === 'string' && value.length > 24) return `${JSON.stringify(value.slice(0, 12)).slice(0, -1)}…"`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 24)}…` : text;
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

function deepFreeze(value) {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
