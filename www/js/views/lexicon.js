// The settings panel 「我的词典与停用词」: the user dictionary (add a word,
// change its tag, remove it; import and export jieba's format), the
// stopwords (the base list, the classical function words, the words added
// and removed, the whole list; import and export a word a line), and every
// setting as one file for a colleague, or back to the defaults.
//
// It only edits settings.js: main.js hears of each change and applies it
// (a new cut for new words, a new summary for stopwords), then calls
// update(), which asks the worker again for what only it knows (the
// stopword list now).

import { h } from '../dom.js';
import { download } from '../export.js';
import { formatInteger } from '../format.js';
import { posLabel } from '../pos.js';
import {
  addStopword, addUserWord, currentSettings, DEFAULT_USER_TAG, exportSettingsFile, importSettingsFile, onSettingsChange,
  removeUserWord, resetSettings, settingsArePersistent, updateSettings, userWordProblem,
} from '../settings.js';

export const needs = [];

/** The tags a user word may be given here: jieba's common ones ('' gives none). */
const TAGS = ['n', 'nr', 'ns', 'nt', 'nz', 'v', 'vn', 'a', 'i', 'l', 'j', 'eng', ''];
const BASES = [
  ['iso', '内置 stopwords-iso（约 790 个）'],
  ['nltk', 'NLTK 中文（约 840 个）'],
  ['none', '无'],
];
/** User words listed at once; the search box finds the others. */
const LISTED = 200;
/** How long a button that asks 确定？ waits for the second click. */
const CONFIRM_MILLIS = 4000;

export function create(container, { client }) {
  const ui = build(container);
  const view = { client, ui, search: '', stopwords: null };
  wire(view);
  onSettingsChange(() => render(view));
  render(view);
  return {
    /** The settings were applied: draw them, and what the worker now lists. */
    update() {
      render(view);
      refreshStopwordList(view);
    },
    /** The settings were loaded: draw them (the worker is asked later, by update). */
    draw() {
      render(view);
    },
  };
}

// ---------------------------------------------------------------- building

function build(container) {
  const say = () => h('p', { className: 'lexicon-message', 'aria-live': 'polite' });
  const fileInput = (id, accept) => h('input', { type: 'file', id, accept, className: 'visually-hidden', tabIndex: -1, 'aria-hidden': 'true' });
  const button = (text, props = {}) => h('button', { type: 'button', className: 'button small', ...props }, text);

  // The user dictionary
  const word = h('input', { type: 'text', id: 'userdict-word', placeholder: '新词，如 一带一路', autocomplete: 'off', required: true, maxLength: 64 });
  const freq = h('input', { type: 'number', id: 'userdict-freq', min: 0, step: 1, placeholder: '词频', inputMode: 'numeric' });
  const tag = tagSelect(DEFAULT_USER_TAG, { id: 'userdict-tag' });
  const addWord = h('form', { className: 'lexicon-add', 'aria-label': '加入词典' },
    h('label', { className: 'visually-hidden', htmlFor: 'userdict-word' }, '词语'), word,
    h('label', { className: 'visually-hidden', htmlFor: 'userdict-freq' }, '词频（可不填）'), freq,
    h('label', { className: 'visually-hidden', htmlFor: 'userdict-tag' }, '词性'), tag,
    h('button', { type: 'submit', className: 'button small primary' }, '加入'));
  const wordCount = h('span', { className: 'lexicon-count' });
  const wordSearch = h('input', { type: 'search', id: 'userdict-search', placeholder: '在词典里查找', autocomplete: 'off', hidden: true });
  const wordList = h('ul', { className: 'lexicon-words', id: 'userdict-list', 'aria-labelledby': 'userdict-title' });
  const wordMore = h('p', { className: 'hint lexicon-more' });
  const wordsEmpty = h('p', { className: 'empty' }, '还没有词。在上面输入，或在上下文、原文里选中几个字，点「加为一个词」。');
  const wordFile = fileInput('userdict-file', '.txt,.dict,.csv,text/plain');
  const wordMessage = say();
  const importWords = button('导入词典文件…');
  const exportWords = button('导出（jieba 格式）', { id: 'userdict-export' });
  const clearWords = button('清空词典', { className: 'button small danger' });

  const dictionary = h('section', { className: 'lexicon-part', 'aria-labelledby': 'userdict-title' },
    h('h3', { id: 'userdict-title' }, '我的词典 ', wordCount),
    h('p', { className: 'hint' }, '这里的词总是切成一个词（重新分词后生效）。词频可不填，自动取一个足以成词的值；词性决定它归入哪类：nr 人名、ns 地名、nt 机构名。'),
    addWord, wordMessage, wordSearch, wordsEmpty, wordList, wordMore,
    h('div', { className: 'lexicon-buttons' }, importWords, wordFile, exportWords, clearWords));

  // The stopwords
  const base = h('select', { id: 'stopword-base' }, BASES.map(([value, label]) => h('option', { value }, label)));
  const classical = h('input', { type: 'checkbox', id: 'stopword-classical' });
  const stopword = h('input', { type: 'text', id: 'stopword-word', placeholder: '加一个停用词', autocomplete: 'off', required: true, maxLength: 64 });
  const addStop = h('form', { className: 'lexicon-add', 'aria-label': '加入停用词' },
    h('label', { className: 'visually-hidden', htmlFor: 'stopword-word' }, '停用词'), stopword,
    h('button', { type: 'submit', className: 'button small primary' }, '加入'));
  const stopCount = h('span', { className: 'lexicon-count' });
  const added = h('ul', { className: 'lexicon-chips', id: 'stopwords-added', 'aria-labelledby': 'stopwords-added-title' });
  const addedTitle = h('h4', { id: 'stopwords-added-title' });
  const removed = h('ul', { className: 'lexicon-chips', id: 'stopwords-removed', 'aria-labelledby': 'stopwords-removed-title' });
  const removedTitle = h('h4', { id: 'stopwords-removed-title' });
  const allSummary = h('summary', {}, '查看全部停用词');
  const allWords = h('p', { className: 'lexicon-all-words', lang: 'zh' });
  const all = h('details', { className: 'lexicon-all', id: 'stopwords-all' }, allSummary, allWords);
  const stopFile = fileInput('stopwords-file', '.txt,text/plain');
  const stopMessage = say();
  const importStops = button('导入停用词文件…');
  const exportStops = button('导出全部停用词', { id: 'stopwords-export' });

  const stopwords = h('section', { className: 'lexicon-part', 'aria-labelledby': 'stopwords-title' },
    h('h3', { id: 'stopwords-title' }, '停用词 ', stopCount),
    h('p', { className: 'hint' }, '停用词不进词频表、关键词和搭配词（勾选「过滤停用词」时）。改动后立即重新统计，不必重新分词。'),
    h('div', { className: 'lexicon-row' },
      h('label', { className: 'filter', htmlFor: 'stopword-base' }, '基础词表', base),
      h('label', { className: 'check', title: '之、乎、者、也、曰、道、遂……古典小说里它们最多，会挤掉真正的关键词' },
        classical, h('span', {}, '加上文言虚词（适合古典小说）'))),
    addStop, stopMessage,
    addedTitle, added,
    removedTitle, removed,
    all,
    h('div', { className: 'lexicon-buttons' }, importStops, stopFile, exportStops));

  // Every setting
  const settingsFile = fileInput('settings-file', '.json,application/json');
  const wholeMessage = say();
  const exportAll = button('导出全部设置', { id: 'settings-export' });
  const importAll = button('导入设置…', { id: 'settings-import' });
  const reset = button('全部恢复默认', { id: 'settings-reset', className: 'button small danger', title: '清空词典、停用词恢复内置词表，人名地名的修改也一并撤销' });
  const unsaved = h('p', { className: 'lexicon-unsaved', hidden: true },
    '这个浏览器不能保存设置（可能是隐私模式）：关闭页面后，这里的改动会丢失。需要时请先「导出全部设置」。');
  const whole = h('div', { className: 'lexicon-whole' },
    h('div', { className: 'lexicon-buttons' }, exportAll, importAll, settingsFile, reset),
    h('p', { className: 'hint' }, '设置只保存在这个浏览器里。导出的 ciyan-settings.json 可以发给同事：导入后，同一文本得到同样的结果。'),
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
    tags.map((tag) => h('option', { value: tag, selected: tag === selected }, tag ? posLabel(tag) : '不指定')));
}

// ----------------------------------------------------------------- actions

function wire(view) {
  const { ui, client } = view;
  const attempt = (message, action) => async (...args) => {
    try {
      const said = await action(...args);
      if (typeof said === 'string') show(message, said);
    } catch (error) {
      show(message, error.message ?? String(error), true);
    }
  };

  ui.addWord.addEventListener('submit', attempt(ui.wordMessage, async (event) => {
    event.preventDefault();
    const word = ui.word.value.trim();
    const problem = userWordProblem(word);
    if (problem) throw new Error(problem);
    const entry = { word };
    if (ui.freq.value.trim() !== '') entry.freq = Number(ui.freq.value);
    if (ui.tag.value) entry.tag = ui.tag.value;
    const known = currentSettings().userWords.some((w) => w.word === word);
    await addUserWord(entry);
    ui.word.value = '';
    ui.freq.value = '';
    ui.word.focus({ preventScroll: true }); // the next word; the page stays where it is
    return known ? `已更新「${word}」。` : `已加入「${word}」，正在重新分词。`;
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
    return `「${word}」的词性改为 ${select.value ? posLabel(select.value) : '不指定'}。`;
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
    return `已从词典删除「${word}」。`;
  }));
  ui.wordSearch.addEventListener('input', () => {
    view.search = ui.wordSearch.value.trim();
    renderWords(view);
  });

  ui.importWords.addEventListener('click', () => ui.wordFile.click());
  ui.wordFile.addEventListener('change', attempt(ui.wordMessage, async () => {
    const file = takeFile(ui.wordFile);
    if (!file) return undefined;
    const text = await readText(client, file);
    let words;
    try {
      words = await client.parseUserDictionary(text);
    } catch (error) {
      throw new Error(`无法导入「${file.name}」：${error.message}`);
    }
    if (words.length === 0) throw new Error(`「${file.name}」里没有词（每行：词语 [词频] [词性]）。`);
    const before = new Set(currentSettings().userWords.map((w) => w.word));
    await updateSettings((draft) => {
      for (const { word, freq, tag } of words) {
        const entry = { word };
        if (freq !== null) entry.freq = freq;
        if (tag !== null) entry.tag = tag;
        const at = draft.userWords.findIndex((w) => w.word === word);
        if (at === -1) draft.userWords.push(entry);
        else draft.userWords[at] = entry;
      }
    });
    const fresh = new Set(words.map((w) => w.word).filter((w) => !before.has(w))).size;
    return `从「${file.name}」导入了 ${formatInteger(words.length)} 个词（新词 ${formatInteger(fresh)} 个），正在重新分词。`;
  }));
  ui.exportWords.addEventListener('click', attempt(ui.wordMessage, async () => {
    const text = await client.formatUserDictionary(currentSettings().userWords);
    download('ciyan-userdict.txt', text, 'text/plain;charset=utf-8');
  }));
  confirmFirst(ui.clearWords, '确定清空词典？', attempt(ui.wordMessage, async () => {
    await updateSettings((draft) => { draft.userWords = []; });
    return '词典已清空，正在重新分词。';
  }));

  // Stopwords
  ui.base.addEventListener('change', attempt(ui.stopMessage, () =>
    updateSettings(({ stopwords }) => { stopwords.base = ui.base.value; }).then(() => undefined)));
  ui.classical.addEventListener('change', attempt(ui.stopMessage, () =>
    updateSettings(({ stopwords }) => { stopwords.classical = ui.classical.checked; }).then(() => undefined)));
  ui.addStop.addEventListener('submit', attempt(ui.stopMessage, async (event) => {
    event.preventDefault();
    const word = ui.stopword.value.trim();
    if (word === '' || /\s/.test(word)) throw new Error('停用词是一个词：不能为空，也不能有空格。');
    const { baseWords } = await client.stopwordList();
    await addStopword(word, new Set(baseWords));
    ui.stopword.value = '';
    ui.stopword.focus({ preventScroll: true });
    return `「${word}」已是停用词。`;
  }));
  // A chip's × button: un-add, or un-remove.
  for (const [list, key, said] of [[ui.added, 'added', '不再是停用词'], [ui.removed, 'removed', '又算停用词了']]) {
    list.addEventListener('click', attempt(ui.stopMessage, async (event) => {
      const button = event.target.closest('button.lexicon-remove');
      if (!button) return undefined;
      const item = button.closest('li');
      const { item: word } = item.dataset;
      const neighbour = (item.nextElementSibling ?? item.previousElementSibling)?.dataset.item;
      await updateSettings(({ stopwords }) => { stopwords[key] = stopwords[key].filter((w) => w !== word); });
      focusRemove(list, neighbour) || ui.stopword.focus();
      return key === 'added' && (view.stopwords?.baseWords ?? []).includes(word)
        ? `「${word}」在基础词表里，仍是停用词。`
        : `「${word}」${said}。`;
    }));
  }
  ui.all.addEventListener('toggle', () => { if (ui.all.open) renderAllStopwords(view); });
  ui.importStops.addEventListener('click', () => ui.stopFile.click());
  ui.stopFile.addEventListener('change', attempt(ui.stopMessage, async () => {
    const file = takeFile(ui.stopFile);
    if (!file) return undefined;
    const words = (await client.parseStopwords(await readText(client, file))).filter((w) => !/\s/.test(w));
    if (words.length === 0) throw new Error(`「${file.name}」里没有词（一行一个词）。`);
    const { baseWords } = await client.stopwordList();
    const base = new Set(baseWords);
    await updateSettings(({ stopwords }) => {
      const imported = new Set(words);
      stopwords.removed = stopwords.removed.filter((w) => !imported.has(w));
      for (const word of imported) if (!base.has(word) && !stopwords.added.includes(word)) stopwords.added.push(word);
    });
    return `从「${file.name}」导入了 ${formatInteger(words.length)} 个停用词。`;
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
    await importSettingsFile(await file.text());
    return `已导入「${file.name}」的设置，正在重新分析。`;
  }));
  confirmFirst(ui.reset, '确定全部恢复默认？', attempt(ui.wholeMessage, async () => {
    await resetSettings();
    return '已恢复默认设置。';
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

/** A file's text, in whatever encoding it has (the core detects GB18030 and the rest). */
async function readText(client, file) {
  const { decoded } = await client.decode(await file.arrayBuffer(), file.name);
  return decoded.text;
}

/** A button that acts on its second click (within a few seconds), its label asking first. */
function confirmFirst(button, question, action) {
  const label = button.textContent;
  let timer = 0;
  const settle = () => {
    clearTimeout(timer);
    button.textContent = label;
    button.classList.remove('is-asking');
  };
  button.addEventListener('click', () => {
    if (!button.classList.contains('is-asking')) {
      button.textContent = question;
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
  ui.addedTitle.textContent = `我加的停用词（${formatInteger(stopwords.added.length)}）`;
  ui.removedTitle.textContent = `我移出的（${formatInteger(stopwords.removed.length)}，不再算停用词）`;
  ui.added.replaceChildren(...stopwords.added.map((word) => chip(word, `移出停用词「${word}」`)));
  ui.removed.replaceChildren(...stopwords.removed.map((word) => chip(word, `让「${word}」重新算停用词`)));
  ui.added.hidden = stopwords.added.length === 0;
  ui.removed.hidden = stopwords.removed.length === 0;
  ui.unsaved.hidden = settingsArePersistent();
}

function renderWords(view) {
  const { ui, search } = view;
  const { userWords } = currentSettings();
  ui.wordCount.textContent = `（${formatInteger(userWords.length)} 个词）`;
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
    ? `只列出最近加入的 ${LISTED} 个（共 ${formatInteger(matching.length)} 个）：用查找框找其他的。`
    : search && matching.length === 0 ? `词典里没有含「${search}」的词。` : '';
}

function wordRow(entry, key) {
  const { word, freq, tag = '' } = entry;
  return h('li', { 'data-item': word, 'data-key': key },
    h('span', { className: 'lexicon-word', lang: 'zh' }, word),
    h('span', { className: 'lexicon-freq', title: '词频' }, freq === undefined ? '' : `词频 ${formatInteger(freq)}`),
    tagSelect(tag, { 'aria-label': `「${word}」的词性` }),
    h('button', { type: 'button', className: 'lexicon-remove', 'aria-label': `从词典删除「${word}」`, title: '删除' }, '×'));
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
  ui.stopCount.textContent = `（当前 ${formatInteger(list.words.length)} 个）`;
  ui.allSummary.textContent = `查看全部停用词（${formatInteger(list.words.length)} 个）`;
  if (ui.all.open) renderAllStopwords(view);
}

async function renderAllStopwords(view) {
  const list = view.stopwords ?? await view.client.stopwordList().catch(() => null);
  if (!list) return;
  view.ui.allWords.textContent = list.words.length > 0 ? list.words.join('　') : '（没有停用词）';
}
