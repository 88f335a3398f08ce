// The settings panel 「我的词典与停用词」: the user dictionary (add a word,
// change its tag, remove it; import and export jieba's format), the
// stopwords (the base list, the classical function words, the words added
// and removed, the whole list; import and export a word a line), and every
// setting as one file for a colleague, or back to the defaults.
//
// It only edits settings.js: analysis-flow.js hears of each change and
// applies it (a new cut for new words, a new summary for stopwords); the
// state's configuration then counts one more, and this asks the worker
// again for what only it knows (the stopword list now).

import { h } from '../dom.js';
import { download } from '../export.js';
import { formatInteger } from '../format.js';
import { attrs, errorText, hText, t } from '../i18n.js';
import { posLabel } from '../pos.js';
import {
  addStopword, addUserWord, addUserWords, currentSettings, DEFAULT_USER_TAG, droppedOnLoad, exportSettingsFile, importSettingsFile,
  removeUserWord, resetSettings, settingsArePersistent, tooLargeFile, updateSettings, userWordProblem, wordProblem,
} from '../settings.js';

export const id = 'lexicon';
// settings: drawn as they change; configuration: the worker took them, and lists the stopwords anew.
export const needs = ['settings', 'configuration'];

/** The tags a user word may be given here: jieba's common ones ('' gives none). */
const TAGS = ['n', 'nr', 'ns', 'nt', 'nz', 'v', 'vn', 'a', 'i', 'l', 'j', 'eng', ''];
/** The base stopword lists; each one's name: the catalogs' lexicon.base.<value>. */
const BASES = ['iso', 'nltk', 'none'];
/**
 * User words listed at once; the search box finds the others. Each row's
 * tag menu costs the page about a millisecond to lay out: 200 rows held a
 * 100,000-word import up for 0.2 s.
 */
const LISTED = 50;
/** How long a button that asks 确定？ waits for the second click. */
const CONFIRM_MILLIS = 4000;

export function create(container, { client }) {
  const ui = build(container);
  const view = { client, ui, search: '', stopwords: null, limits: null, droppedSaid: false };
  wire(view);
  // The core's limits: a field takes a little over the longest word (so
  // that a word one too long is said, and a pasted page is cut short).
  client.constants().then(({ limits }) => {
    view.limits = limits;
    ui.word.maxLength = 2 * limits.wordChars;
    ui.stopword.maxLength = 2 * limits.wordChars;
  }, () => {});
  return {
    update(state, changed) {
      render(view);
      // What the stored settings lost to the limits, said once.
      const dropped = droppedOnLoad();
      if (!view.droppedSaid && dropped.length > 0) {
        view.droppedSaid = true;
        show(ui.wholeMessage, t('settings.dropped', formatInteger(dropped.length), dropped[0]), true);
      }
      // The first configuration waits for the first analysis: asked before, the list would hold up the cut.
      if (changed.has('configuration') && state.configuration > 0) refreshStopwordList(view);
    },
    /** A switch of language: the fixed labels follow by themselves (data-i18n); the rest, again. */
    relabel() {
      for (const option of ui.tag.options) option.textContent = option.value ? posLabel(option.value) : t('lexicon.noTag');
      ui.wordList.replaceChildren(); // its rows are made again, in the new language
      render(view);
      if (view.stopwords) showStopwordCount(view, view.stopwords);
    },
  };
}

// ---------------------------------------------------------------- building

function build(container) {
  const say = () => h('p', { className: 'lexicon-message', 'aria-live': 'polite' });
  const fileInput = (id, accept) => h('input', { type: 'file', id, accept, className: 'visually-hidden', tabIndex: -1, 'aria-hidden': 'true' });
  const button = (key, props = {}) => hText('button', key, { type: 'button', className: 'button small', ...props });

  // The user dictionary
  const word = h('input', { type: 'text', id: 'userdict-word', ...attrs({ placeholder: 'lexicon.wordPlaceholder' }), autocomplete: 'off', required: true });
  const freq = h('input', { type: 'number', id: 'userdict-freq', min: 0, step: 1, ...attrs({ placeholder: 'lexicon.freq' }), inputMode: 'numeric' });
  const tag = tagSelect(DEFAULT_USER_TAG, { id: 'userdict-tag' });
  const addWord = h('form', { className: 'lexicon-add', ...attrs({ 'aria-label': 'lexicon.addWord' }) },
    hText('label', 'csv.word', { className: 'visually-hidden', htmlFor: 'userdict-word' }), word,
    hText('label', 'lexicon.freqOptional', { className: 'visually-hidden', htmlFor: 'userdict-freq' }), freq,
    hText('label', 'csv.pos', { className: 'visually-hidden', htmlFor: 'userdict-tag' }), tag,
    hText('button', 'lexicon.add', { type: 'submit', className: 'button small primary' }));
  const wordCount = h('span', { className: 'lexicon-count' });
  const wordSearch = h('input', { type: 'search', id: 'userdict-search', ...attrs({ placeholder: 'lexicon.search' }), autocomplete: 'off', hidden: true });
  const wordList = h('ul', { className: 'lexicon-words', id: 'userdict-list', 'aria-labelledby': 'userdict-title' });
  const wordMore = h('p', { className: 'hint lexicon-more' });
  const wordsEmpty = hText('p', 'lexicon.noWords', { className: 'empty' });
  const wordFile = fileInput('userdict-file', '.txt,.dict,.csv,text/plain');
  const wordMessage = say();
  const importWords = button('lexicon.importWords');
  const exportWords = button('lexicon.exportWords', { id: 'userdict-export' });
  const clearWords = button('lexicon.clearWords', { className: 'button small danger' });

  const dictionary = h('section', { className: 'lexicon-part', 'aria-labelledby': 'userdict-title' },
    h('h3', { id: 'userdict-title' }, hText('span', 'lexicon.dictionary'), ' ', wordCount),
    hText('p', 'lexicon.dictionaryHelp', { className: 'hint' }),
    addWord, wordMessage, wordSearch, wordsEmpty, wordList, wordMore,
    h('div', { className: 'lexicon-buttons' }, importWords, wordFile, exportWords, clearWords));

  // The stopwords
  const base = h('select', { id: 'stopword-base' }, BASES.map((value) => hText('option', `lexicon.base.${value}`, { value })));
  const classical = h('input', { type: 'checkbox', id: 'stopword-classical' });
  const stopword = h('input', { type: 'text', id: 'stopword-word', ...attrs({ placeholder: 'lexicon.stopwordPlaceholder' }), autocomplete: 'off', required: true });
  const addStop = h('form', { className: 'lexicon-add', ...attrs({ 'aria-label': 'lexicon.addStopword' }) },
    hText('label', 'lexicon.stopword', { className: 'visually-hidden', htmlFor: 'stopword-word' }), stopword,
    hText('button', 'lexicon.add', { type: 'submit', className: 'button small primary' }));
  const stopCount = h('span', { className: 'lexicon-count' });
  const added = h('ul', { className: 'lexicon-chips', id: 'stopwords-added', 'aria-labelledby': 'stopwords-added-title' });
  const addedTitle = h('h4', { id: 'stopwords-added-title' });
  const removed = h('ul', { className: 'lexicon-chips', id: 'stopwords-removed', 'aria-labelledby': 'stopwords-removed-title' });
  const removedTitle = h('h4', { id: 'stopwords-removed-title' });
  const allSummary = h('summary', { id: 'stopwords-all-title' }, t('lexicon.allStopwords'));
  // It scrolls: focusable, so that the keyboard scrolls it too.
  const allWords = h('p', { className: 'lexicon-all-words', lang: 'zh', role: 'region', tabIndex: 0, 'aria-labelledby': 'stopwords-all-title' });
  const all = h('details', { className: 'lexicon-all', id: 'stopwords-all' }, allSummary, allWords);
  const stopFile = fileInput('stopwords-file', '.txt,text/plain');
  const stopMessage = say();
  const importStops = button('lexicon.importStopwords');
  const exportStops = button('lexicon.exportStopwords', { id: 'stopwords-export' });

  const stopwords = h('section', { className: 'lexicon-part', 'aria-labelledby': 'stopwords-title' },
    h('h3', { id: 'stopwords-title' }, hText('span', 'lexicon.stopwords'), ' ', stopCount),
    hText('p', 'lexicon.stopwordsHelp', { className: 'hint' }),
    h('div', { className: 'lexicon-row' },
      h('label', { className: 'filter', htmlFor: 'stopword-base' }, hText('span', 'lexicon.base'), base),
      h('label', { className: 'check', ...attrs({ title: 'lexicon.classicalTitle' }) },
        classical, hText('span', 'lexicon.classical'))),
    addStop, stopMessage,
    addedTitle, added,
    removedTitle, removed,
    all,
    h('div', { className: 'lexicon-buttons' }, importStops, stopFile, exportStops));

  // Every setting
  const settingsFile = fileInput('settings-file', '.json,application/json');
  const wholeMessage = say();
  const exportAll = button('lexicon.exportAll', { id: 'settings-export' });
  const importAll = button('lexicon.importAll', { id: 'settings-import' });
  const reset = button('lexicon.reset', { id: 'settings-reset', className: 'button small danger', ...attrs({ title: 'lexicon.resetTitle' }) });
  const unsaved = hText('p', 'lexicon.unsaved', { className: 'lexicon-unsaved', hidden: true });
  const whole = h('div', { className: 'lexicon-whole' },
    h('div', { className: 'lexicon-buttons' }, exportAll, importAll, settingsFile, reset),
    hText('p', 'lexicon.settingsHelp', { className: 'hint' }),
    unsaved, wholeMessage);

  container.replaceChildren(h('div', { className: 'lexicon-parts' }, dictionary, stopwords), whole);
  return {
    word, freq, tag, addWord, wordCount, wordSearch, wordList, wordMore, wordsEmpty, wordFile, wordMessage, importWords, exportWords, clearWords,
    base, classical, stopword, addStop, stopCount, added, addedTitle, removed, removedTitle, all, allSummary, allWords,
    stopFile, stopMessage, importStops, exportStops,
    settingsFile, wholeMessage, exportAll, importAll, reset, unsaved,
  };
}

/** A select of TAGS with `selected` chosen (a tag not among them is offered too). */
function tagSelect(selected, props = {}) {
  const tags = TAGS.includes(selected) ? TAGS : [selected, ...TAGS];
  return h('select', { className: 'lexicon-tag', ...props },
    tags.map((tag) => h('option', { value: tag, selected: tag === selected }, tag ? posLabel(tag) : t('lexicon.noTag'))));
}

// ----------------------------------------------------------------- actions

function wire(view) {
  const { ui, client } = view;
  const attempt = (message, action) => async (...args) => {
    try {
      const said = await action(...args);
      if (typeof said === 'string') show(message, said);
    } catch (error) {
      // The worker's errors in the user's language (an Error of this view's own: its message).
      show(message, errorText(error), true);
    }
  };

  ui.addWord.addEventListener('submit', attempt(ui.wordMessage, async (event) => {
    event.preventDefault();
    const word = ui.word.value.trim();
    const problem = userWordProblem(word);
    if (problem) throw new Error(problem);
    // A word the cut always splits would be "added" and change nothing.
    const { splitAt } = await client.checkUserWord(word);
    if (splitAt !== null) throw new Error(t('lexicon.neverWhole', word, splitAt));
    const entry = { word };
    if (ui.freq.value.trim() !== '') entry.freq = Number(ui.freq.value);
    if (ui.tag.value) entry.tag = ui.tag.value;
    const known = currentSettings().userWords.some((w) => w.word === word);
    await addUserWord(entry);
    ui.word.value = '';
    ui.freq.value = '';
    ui.word.focus({ preventScroll: true }); // the next word; the page stays where it is
    return known ? t('lexicon.updated', word) : t('lexicon.added', word);
  }));

  // A word's tag, or its removal, from its row.
  ui.wordList.addEventListener('change', attempt(ui.wordMessage, async (event) => {
    const select = event.target.closest('select.lexicon-tag');
    if (!select) return undefined;
    const { item: word } = select.closest('li').dataset;
    const entry = { ...currentSettings().userWords.find((w) => w.word === word) };
    if (select.value) entry.tag = select.value;
    else delete entry.tag;
    await addUserWord(entry);
    return t('lexicon.retagged', word, select.value ? posLabel(select.value) : t('lexicon.noTag'));
  }));
  ui.wordList.addEventListener('click', attempt(ui.wordMessage, async (event) => {
    const button = event.target.closest('button.lexicon-remove');
    if (!button) return undefined;
    const item = button.closest('li');
    const { item: word } = item.dataset;
    // The focus goes to the next row's button (or the one before) rather than the page's top.
    const neighbour = (item.nextElementSibling ?? item.previousElementSibling)?.dataset.item;
    await removeUserWord(word);
    focusRemove(ui.wordList, neighbour) || ui.word.focus();
    return t('lexicon.removedWord', word);
  }));
  ui.wordSearch.addEventListener('input', () => {
    view.search = ui.wordSearch.value.trim();
    renderWords(view);
  });

  ui.importWords.addEventListener('click', () => ui.wordFile.click());
  ui.wordFile.addEventListener('change', attempt(ui.wordMessage, async () => {
    const file = takeFile(ui.wordFile);
    if (!file) return undefined;
    let words;
    try {
      // Read, decoded and parsed in the worker (the core names a bad line); the page gets the words.
      words = await client.parseUserDictionary(await readText(view, file), { columns: true });
    } catch (error) {
      throw new Error(t('lexicon.cannotImport', file.name, errorText(error)));
    }
    if (words.words.length === 0) throw new Error(t('lexicon.noWordsInFile', file.name));
    const before = new Set(currentSettings().userWords.map((w) => w.word));
    // Checked a slice a task and merged in one pass (a word's place found
    // in a map: a search of the list per word made 100,000 words take 25 s).
    await addUserWords(words);
    const fresh = new Set(words.words.filter((w) => !before.has(w))).size;
    return t('lexicon.imported', file.name, formatInteger(words.words.length), formatInteger(fresh));
  }));
  ui.exportWords.addEventListener('click', attempt(ui.wordMessage, async () => {
    const text = await client.formatUserDictionary(currentSettings().userWords);
    download('ciyan-userdict.txt', text, 'text/plain;charset=utf-8');
  }));
  confirmFirst(ui.clearWords, 'lexicon.confirmClear', attempt(ui.wordMessage, async () => {
    await updateSettings((draft) => { draft.userWords = []; });
    return t('lexicon.cleared');
  }));

  // Stopwords
  ui.base.addEventListener('change', attempt(ui.stopMessage, () =>
    updateSettings(({ stopwords }) => { stopwords.base = ui.base.value; }).then(() => undefined)));
  ui.classical.addEventListener('change', attempt(ui.stopMessage, () =>
    updateSettings(({ stopwords }) => { stopwords.classical = ui.classical.checked; }).then(() => undefined)));
  ui.addStop.addEventListener('submit', attempt(ui.stopMessage, async (event) => {
    event.preventDefault();
    const word = ui.stopword.value.trim();
    const problem = wordProblem(word);
    if (problem) throw new Error(problem);
    const { baseWords } = await client.stopwordList();
    await addStopword(word, new Set(baseWords));
    ui.stopword.value = '';
    ui.stopword.focus({ preventScroll: true });
    return t('lexicon.alreadyStopword', word);
  }));
  // A chip's × button: un-add, or un-remove.
  for (const [list, key, said] of [[ui.added, 'added', 'lexicon.noLongerStopword'], [ui.removed, 'removed', 'lexicon.stopwordAgain']]) {
    list.addEventListener('click', attempt(ui.stopMessage, async (event) => {
      const button = event.target.closest('button.lexicon-remove');
      if (!button) return undefined;
      const item = button.closest('li');
      const { item: word } = item.dataset;
      const neighbour = (item.nextElementSibling ?? item.previousElementSibling)?.dataset.item;
      await updateSettings(({ stopwords }) => { stopwords[key] = stopwords[key].filter((w) => w !== word); });
      focusRemove(list, neighbour) || ui.stopword.focus();
      return key === 'added' && (view.stopwords?.baseWords ?? []).includes(word)
        ? t('lexicon.inBase', word)
        : t(said, word);
    }));
  }
  ui.all.addEventListener('toggle', () => { if (ui.all.open) renderAllStopwords(view); });
  ui.importStops.addEventListener('click', () => ui.stopFile.click());
  ui.stopFile.addEventListener('change', attempt(ui.stopMessage, async () => {
    const file = takeFile(ui.stopFile);
    if (!file) return undefined;
    let words;
    try {
      words = await client.parseStopwords(await readText(view, file));
    } catch (error) {
      throw new Error(t('lexicon.cannotImport', file.name, errorText(error)));
    }
    if (words.length === 0) throw new Error(t('lexicon.noStopwordsInFile', file.name));
    const { baseWords } = await client.stopwordList();
    const base = new Set(baseWords);
    await updateSettings(({ stopwords }) => {
      const imported = new Set(words);
      const added = new Set(stopwords.added);
      stopwords.removed = stopwords.removed.filter((w) => !imported.has(w));
      for (const word of imported) if (!base.has(word) && !added.has(word)) stopwords.added.push(word);
    });
    return t('lexicon.importedStopwords', file.name, formatInteger(words.length));
  }));
  ui.exportStops.addEventListener('click', attempt(ui.stopMessage, async () => {
    const { words } = await client.stopwordList();
    download('ciyan-stopwords.txt', `${words.join('\n')}\n`, 'text/plain;charset=utf-8');
  }));

  // Every setting
  ui.exportAll.addEventListener('click', () => download('ciyan-settings.json', exportSettingsFile(), 'application/json'));
  ui.importAll.addEventListener('click', () => ui.settingsFile.click());
  ui.settingsFile.addEventListener('change', attempt(ui.wholeMessage, async () => {
    const file = takeFile(ui.settingsFile);
    if (!file) return undefined;
    // The File itself: one over the core's limit is refused unread.
    await importSettingsFile(file);
    return t('lexicon.importedSettings', file.name);
  }));
  confirmFirst(ui.reset, 'lexicon.confirmReset', attempt(ui.wholeMessage, async () => {
    await resetSettings();
    return t('lexicon.resetDone');
  }));
}

/** Says `text` in a panel's message line (an error in the error colour). */
function show(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle('is-error', isError);
  element.setAttribute('role', isError ? 'alert' : 'status');
}

/** The file a file input holds, taken out of it (so that choosing the same file again reads it again). */
function takeFile(input) {
  const [file] = input.files;
  input.value = '';
  return file ?? null;
}

/**
 * A word-list file's text, in whatever encoding it has (the core detects
 * GB18030 and the rest). One over the core's limit for such a file is
 * refused before it is read.
 */
async function readText({ client }, file) {
  const { limits } = await client.constants();
  if (file.size > limits.settingsFileBytes) throw new Error(tooLargeFile(file, limits.settingsFileBytes));
  const { decoded } = await client.decode(await file.arrayBuffer(), file.name);
  return decoded.text;
}

/** A button that acts on its second click (within a few seconds), its label asking first. */
function confirmFirst(button, question, action) {
  let timer = 0;
  const settle = () => {
    clearTimeout(timer);
    button.textContent = t(button.dataset.i18n);
    button.classList.remove('is-asking');
  };
  button.addEventListener('click', () => {
    if (!button.classList.contains('is-asking')) {
      button.textContent = t(question);
      button.classList.add('is-asking');
      timer = setTimeout(settle, CONFIRM_MILLIS);
      return;
    }
    settle();
    action();
  });
  button.addEventListener('blur', settle);
}

/** Focuses the remove button of `word` in `list`; whether there was one. */
function focusRemove(list, word) {
  const button = word && [...list.children].find((item) => item.dataset.item === word)?.querySelector('button.lexicon-remove');
  button?.focus();
  return Boolean(button);
}

// ---------------------------------------------------------------- drawing

function render(view) {
  const { ui } = view;
  const { stopwords } = currentSettings();
  renderWords(view);
  ui.base.value = stopwords.base;
  ui.classical.checked = stopwords.classical;
  ui.addedTitle.textContent = t('lexicon.addedTitle', formatInteger(stopwords.added.length));
  ui.removedTitle.textContent = t('lexicon.removedTitle', formatInteger(stopwords.removed.length));
  // The newest chips only: a list of 100,000 would be as many rows (the titles count them all).
  ui.added.replaceChildren(...stopwords.added.slice(-LISTED).map((word) => chip(word, t('lexicon.unstop', word))));
  ui.removed.replaceChildren(...stopwords.removed.slice(-LISTED).map((word) => chip(word, t('lexicon.restop', word))));
  ui.added.hidden = stopwords.added.length === 0;
  ui.removed.hidden = stopwords.removed.length === 0;
  ui.unsaved.hidden = settingsArePersistent();
}

function renderWords(view) {
  const { ui, search } = view;
  const { userWords } = currentSettings();
  ui.wordCount.textContent = t('lexicon.wordCount', formatInteger(userWords.length));
  ui.wordsEmpty.hidden = userWords.length > 0;
  ui.wordSearch.hidden = userWords.length <= 10 && search === '';
  ui.clearWords.hidden = userWords.length === 0;
  ui.exportWords.disabled = userWords.length === 0;
  const matching = search ? userWords.filter((w) => w.word.includes(search)) : userWords;
  // The newest first: the word just added is at the top.
  const listed = matching.slice(-LISTED).reverse();
  // Rows whose word and values are unchanged are kept, so that the focus stays where it is.
  const kept = new Map([...ui.wordList.children].map((item) => [item.dataset.key, item]));
  ui.wordList.replaceChildren(...listed.map((entry) => {
    const key = JSON.stringify(entry);
    return kept.get(key) ?? wordRow(entry, key);
  }));
  ui.wordMore.textContent = matching.length > LISTED
    ? t('lexicon.listed', LISTED, formatInteger(matching.length))
    : search && matching.length === 0 ? t('lexicon.noMatch', search) : '';
}

function wordRow(entry, key) {
  const { word, freq, tag = '' } = entry;
  return h('li', { 'data-item': word, 'data-key': key },
    h('span', { className: 'lexicon-word', lang: 'zh' }, word),
    h('span', { className: 'lexicon-freq', title: t('lexicon.freq') }, freq === undefined ? '' : t('lexicon.freqOf', formatInteger(freq))),
    tagSelect(tag, { 'aria-label': t('lexicon.tagOf', word) }),
    h('button', { type: 'button', className: 'lexicon-remove', 'aria-label': t('lexicon.removeWord', word), title: t('lexicon.remove') }, '×'));
}

function chip(word, label) {
  return h('li', { 'data-item': word }, h('span', { lang: 'zh' }, word),
    h('button', { type: 'button', className: 'lexicon-remove', 'aria-label': label, title: label }, '×'));
}

/** The stopword count, and the whole list if it is open: from the worker, which has the list now. */
async function refreshStopwordList(view) {
  const { ui, client } = view;
  let list;
  try {
    list = await client.stopwordList();
  } catch {
    return; // a restart: the next change asks again
  }
  view.stopwords = list;
  showStopwordCount(view, list);
  if (ui.all.open) renderAllStopwords(view);
}

function showStopwordCount({ ui }, list) {
  ui.stopCount.textContent = t('lexicon.stopCount', formatInteger(list.words.length));
  ui.allSummary.textContent = t('lexicon.allStopwordsCount', formatInteger(list.words.length));
}

async function renderAllStopwords(view) {
  const list = view.stopwords ?? await view.client.stopwordList().catch(() => null);
  if (!list) return;
  view.ui.allWords.textContent = list.words.length > 0 ? list.words.join('　') : t('lexicon.noStopwords');
}
