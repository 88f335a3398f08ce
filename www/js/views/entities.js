// People, places and organisations: one list each, the most named first,
// and the words set aside as plainly not names. The core makes the lists
// (src/names.rs); here the user corrects them: a word is no name, belongs on
// another list, or is another form of a listed name. The corrections are
// kept in the settings (settings.js), which run the analysis again; this
// view only redraws what the new analysis says.

import { h } from '../dom.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { currentSettings, updateSettings } from '../settings.js';

export const needs = ['analysis'];

/** Entries drawn at first, and added by each 显示更多. */
const PAGE = 15;

/** The lists: the analysis's key, the kind the corrections name, how the page says each. */
const LISTS = [
  { key: 'people', kind: 'person', title: '人物', label: '人名' },
  { key: 'places', kind: 'place', title: '地点', label: '地名' },
  { key: 'organizations', kind: 'organization', title: '机构', label: '机构名' },
];
const LIST_OF_KIND = Object.fromEntries(LISTS.map((list) => [list.kind, list]));

/** Where a listed name comes from: the badge, and what its tooltip explains. */
const SOURCES = {
  dictionary: {
    badge: '词典',
    explain: (list, entry) => `jieba 的词典把「${entry.word}」标为${list.label}（${entry.pos}）。词典的标注不总对：它也把「文明」「宣言」标为人名。`,
  },
  model: {
    badge: '模型',
    explain: (list, entry) => `jieba 的词典里没有「${entry.word}」：它的模型（HMM）按上下文把这几个字切成一个词，猜它是${list.label}（${entry.pos}）。模型会猜错。`,
  },
  userDictionary: {
    badge: '我的词典',
    explain: (list, entry) => `你在用户词典里给「${entry.word}」标了 ${entry.pos}。`,
  },
  user: {
    badge: '我改的',
    explain: (list, entry) => `你把「${entry.word}」放进了${list.title}名单（移动或合并）。`,
  },
};

/** Why a word tagged as a name was set aside: a short reason, and the long one. */
const REASONS = {
  oneCharacter: ['只有一个字', '名字至少两个字；一个字的多半是简称或别的词（美、巴、汝）。'],
  numeral: ['数词开头', '以数词开头的词（二人、两国、二十大）不是名字。'],
  noSurname: ['不以姓氏开头', '中文人名以姓氏开头；这个词的第一个字不是常见姓氏（文明、普惠）。译名和字号会被误排除。'],
  tooLong: ['比名字长', '中文人名一般是两到四个字（复姓才有四字）。'],
  commonWord: ['普通词语', '这是常用词或表示一类事物的词（大国、宣言、…化、…性），不是名字。'],
  countryPair: ['两国简称', '两个国家的简称连在一起（中美、巴以），不是一个地名。'],
  personName: ['像人名', '复姓开头的三字词，多半是人名（夏侯惇），不是地名。'],
  removed: ['你删除的', '你把它从名单里删掉了。'],
};

export function create(container) {
  const view = {
    container,
    analysis: null,
    /** How many entries each list (and the set-aside list) shows. */
    shown: {},
    /** The names whose forms are unfolded. */
    openForms: new Set(),
    /** The entry whose corrections are open: {key, word}, or null. */
    open: null,
    /** What gets the focus after the next redraw (the word just corrected), or null. */
    focusAfter: null,
  };
  build(view);
  // Escape, in the open corrections or on their button, closes them and
  // returns to the button.
  container.addEventListener('keydown', (event) => {
    const entry = event.target.closest?.('.entity');
    if (event.key !== 'Escape' || !entry?.querySelector('.entity-actions')) return;
    event.preventDefault();
    closeActions(view);
    entry.querySelector('.entity-menu-toggle').focus();
  });
  return {
    update({ analysis }) {
      view.analysis = analysis;
      view.container.classList.remove('is-saving');
      draw(view);
    },
  };
}

function build(view) {
  const keepAll = h('input', { type: 'checkbox', id: 'names-keep-all' });
  keepAll.addEventListener('change', () => {
    const on = keepAll.checked;
    correct(view, on ? '已显示 jieba 标为名字的所有词（不按规则过滤）。' : '已按规则排除明显不是名字的词。', (names) => {
      names.keepImplausible = on;
    });
  });
  const help = h('p', { className: 'hint entities-help' },
    '名单来自 jieba 的词性标注：标注出自它的词典（词典没有的词由模型猜），',
    '再按规则排除明显不是名字的词。两步都会出错，点名字旁的 ⋯ 更正；更正保存在这个浏览器里。');
  const toolbar = h('div', { className: 'entities-toolbar' },
    h('label', { className: 'check', title: '不按规则排除：列出 jieba 标为人名、地名、机构名的所有词（你删除的除外）' },
      keepAll, h('span', {}, '显示全部（不过滤）')));
  const message = h('p', { className: 'entities-message', role: 'status' });

  const groups = LISTS.map((list) => {
    const box = h('div', { id: list.key, className: 'entity-list', 'aria-labelledby': `${list.key}-title` });
    const exports = exportButtons([
      ['CSV', () => downloadCsv(`${list.title}.csv`, ['名称', '次数', '词性', '来源', '写法'],
        entriesOf(view, list).map((e) => [e.word, e.count, e.pos, SOURCES[e.source]?.badge ?? e.source,
          e.forms.map((f) => `${f.word} ${f.count}`).join('；')]))],
      ['JSON', () => downloadJson(`${list.title}.json`, { kind: list.kind, names: entriesOf(view, list) })],
    ], `导出${list.title}名单`);
    const group = h('div', { className: 'entity-group', id: `${list.key}-group` },
      h('div', { className: 'entity-group-head' }, h('h3', { id: `${list.key}-title` }, list.title), exports),
      box);
    return { list, box, group };
  });

  const setAsideCount = h('span', { className: 'set-aside-count' });
  const setAsideBox = h('div', { className: 'set-aside-list' });
  const setAsideExports = exportButtons([
    ['CSV', () => downloadCsv('已排除.csv', ['词语', '次数', '词性', '标为', '原因'],
      setAsideOf(view).map((s) => [s.word, s.count, s.pos, LIST_OF_KIND[s.kind]?.label ?? s.kind, REASONS[s.reason]?.[0] ?? s.reason]))],
    ['JSON', () => downloadJson('已排除.json', { setAside: setAsideOf(view) })],
  ], '导出已排除的词');
  const setAside = h('details', { className: 'set-aside', id: 'set-aside' },
    h('summary', {}, '已排除', setAsideCount),
    h('div', { className: 'set-aside-head' },
      h('p', { className: 'hint' }, 'jieba 标成名字、但按规则明显不是名字的词，和你删除的词。规则也会误判：「恢复」把词放回名单。'),
      setAsideExports),
    setAsideBox);

  // The names a 合并到… field offers.
  const targets = h('datalist', { id: 'entity-names' });
  view.container.replaceChildren(help, toolbar, message,
    h('div', { className: 'entity-groups' }, groups.map((g) => g.group)), setAside, targets);
  Object.assign(view, { keepAll, message, groups, setAside, setAsideCount, setAsideBox, targets });
}

/**
 * The forms of `word` when it is a listed name with several (孔明: 孔明,
 * 诸葛亮, 孔明曰), else []: for a view that finds every form of a name.
 */
export function formsOfName(analysis, word) {
  for (const list of LISTS) {
    const entry = analysis?.entities[list.key].find((e) => e.word === word);
    if (entry) return entry.forms.map((form) => form.word);
  }
  return [];
}

const entriesOf = (view, list) => view.analysis?.entities[list.key] ?? [];
const setAsideOf = (view) => view.analysis?.entities.setAside ?? [];

function draw(view) {
  const names = currentSettings().names;
  view.keepAll.checked = Boolean(names.keepImplausible);
  view.open = null;
  for (const { list, box } of view.groups) drawList(view, list, box, names);
  drawSetAside(view);
  view.targets.replaceChildren(...LISTS.flatMap((list) => entriesOf(view, list).map((entry) =>
    h('option', { value: entry.word }, `${list.title} · ${formatInteger(entry.count)} 次`))));
  if (view.focusAfter !== null) placeFocus(view);
}

function drawList(view, list, box, names) {
  const entries = entriesOf(view, list);
  if (entries.length === 0) {
    box.replaceChildren(h('p', { className: 'empty' }, '没有找到'));
    return;
  }
  const shown = view.shown[list.key] ?? PAGE;
  const items = entries.slice(0, shown).map((entry) => nameItem(view, list, entry, names));
  const more = moreButton(entries.length - shown, () => {
    view.shown[list.key] = shown + PAGE * 4;
    drawList(view, list, box, currentSettings().names);
    box.querySelectorAll('.entity-menu-toggle')[shown]?.focus();
  });
  // replaceChildren would write a null as the text "null".
  box.replaceChildren(h('ol', { className: 'entity-entries' }, items), ...(more ? [more] : []));
}

function moreButton(rest, showMore) {
  if (rest <= 0) return null;
  const button = h('button', { type: 'button', className: 'button small show-more' }, `显示更多（还有 ${formatInteger(rest)} 个）`);
  button.addEventListener('click', showMore);
  return button;
}

/** One name: a link to it, where it comes from, its count, and its corrections behind ⋯. */
function nameItem(view, list, entry, names) {
  const source = SOURCES[entry.source] ?? { badge: entry.source, explain: () => '' };
  const toggle = h('button', {
    type: 'button', className: 'entity-menu-toggle', 'aria-expanded': 'false', 'aria-label': `更正「${entry.word}」`, title: '更正',
  }, '⋯');
  const item = h('li', { className: 'entity', 'data-name': entry.word },
    h('div', { className: 'entity-row' },
      h('button', { type: 'button', className: 'word-link entity-word', 'data-word': entry.word }, entry.word),
      h('span', { className: `name-source source-${entry.source}`, title: source.explain(list, entry) }, source.badge),
      h('span', { className: 'entity-count', 'data-count': entry.count }, `${formatInteger(entry.count)} 次`),
      toggle));
  if (entry.forms.length > 0) item.append(formsOf(view, entry, names));
  toggle.addEventListener('click', () => {
    const wasOpen = view.open?.word === entry.word && view.open?.key === list.key;
    closeActions(view);
    if (wasOpen) return;
    const actions = actionsOf(view, list, entry, names);
    item.append(actions);
    toggle.setAttribute('aria-expanded', 'true');
    view.open = { key: list.key, word: entry.word };
    actions.querySelector('button').focus();
  });
  return item;
}

function closeActions(view) {
  for (const actions of view.container.querySelectorAll('.entity-actions')) {
    actions.closest('.entity').querySelector('.entity-menu-toggle').setAttribute('aria-expanded', 'false');
    actions.remove();
  }
  view.open = null;
}

/** A merged name's forms (孔明, 孔明曰 …), each with its count; the user's merges can be undone. */
function formsOf(view, entry, names) {
  const alias = names.aliases.find((a) => a.name === entry.word);
  const open = view.openForms.has(entry.word);
  const forms = h('ul', { className: 'entity-forms', hidden: !open, 'aria-label': `「${entry.word}」的写法` },
    entry.forms.map((form) => {
      let split = null;
      if (alias?.forms.includes(form.word)) {
        split = h('button', { type: 'button', className: 'entity-split', 'aria-label': `把「${form.word}」拆出来` }, '拆开');
        split.addEventListener('click', () => correct(view, `已把「${form.word}」从「${entry.word}」拆开。`, (n) => {
          const own = n.aliases.find((a) => a.name === entry.word);
          if (!own) return;
          own.forms = own.forms.filter((f) => f !== form.word);
          if (own.forms.length === 0) n.aliases.splice(n.aliases.indexOf(own), 1);
        }, form.word));
      }
      return h('li', {},
        h('button', { type: 'button', className: 'word-link', 'data-word': form.word }, form.word),
        h('span', { className: 'entity-count', 'data-count': form.count }, `${formatInteger(form.count)} 次`),
        split);
    }));
  const toggle = h('button', { type: 'button', className: 'entity-forms-toggle', 'aria-expanded': String(open) },
    `${entry.forms.length} 种写法`);
  toggle.addEventListener('click', () => {
    const opening = forms.hidden;
    forms.hidden = !opening;
    toggle.setAttribute('aria-expanded', String(opening));
    if (opening) view.openForms.add(entry.word);
    else view.openForms.delete(entry.word);
  });
  return h('div', { className: 'entity-forms-box' }, toggle, forms);
}

/** The corrections of one entry: not a name, another list, another form of a listed name. */
function actionsOf(view, list, entry, names) {
  const action = (text, run, label) => {
    const button = h('button', { type: 'button', className: 'button small', 'aria-label': label }, text);
    button.addEventListener('click', run);
    return button;
  };
  const { word } = entry;
  // A merged name carries its forms along wherever it goes.
  const words = [word, ...entry.forms.map((f) => f.word).filter((w) => w !== word)];
  const moves = LISTS.filter((other) => other !== list).map((other) => action(`移到${other.label}`, () =>
    correct(view, `已把「${word}」移到${other.title}。`, (n) => {
      n.moved = n.moved.filter((m) => !words.includes(m.word));
      n.moved.push(...words.map((w) => ({ word: w, kind: other.kind })));
    }, word)));
  const unmove = names.moved.some((m) => m.word === word)
    ? action('撤销移动', () => correct(view, `已撤销「${word}」的移动。`, (n) => {
      n.moved = n.moved.filter((m) => !words.includes(m.word));
    }, word))
    : null;

  // One panel is open at a time: the field's id is unique.
  const target = h('input', {
    type: 'text', id: 'entity-merge-target', autocomplete: 'off', enterKeyHint: 'done', placeholder: '另一个名字',
  });
  target.setAttribute('list', 'entity-names');
  const problem = h('p', { className: 'entity-merge-problem', 'aria-live': 'polite' });
  const merge = h('form', { className: 'entity-merge' },
    h('label', { htmlFor: 'entity-merge-target' }, `把「${word}」合并到名单上的`),
    target,
    h('button', { type: 'submit', className: 'button small' }, '合并'),
    problem);
  merge.addEventListener('submit', (event) => {
    event.preventDefault();
    const into = target.value.trim();
    const listed = LISTS.some((l) => entriesOf(view, l).some((e) => e.word === into));
    if (into === '' || into === word || !listed) {
      problem.textContent = into === '' ? '请填名单上的另一个名字。'
        : into === word ? '不能合并到它自己。' : `名单上没有「${into}」。`;
      target.focus();
      return;
    }
    view.openForms.add(into);
    correct(view, `已把「${word}」合并到「${into}」：「${word}」算作「${into}」的一种写法。`, (n) => mergeInto(n, words, into), into);
  });

  return h('div', { className: 'entity-actions', role: 'group', 'aria-label': `更正「${word}」` },
    h('div', { className: 'entity-action-buttons' },
      action('不是名字', () => correct(view, `已删除「${word}」：它在「已排除」里，可以恢复。`, (n) => {
        if (!n.removed.includes(word)) n.removed.push(word);
      }, word), `「${word}」不是名字：删除`),
      moves, unmove),
    merge);
}

/**
 * Makes `words` (a name and the forms it had) forms of `into`: an alias
 * names each form once, so they leave any other alias, and a name merged
 * away takes its own alias along.
 */
function mergeInto(names, words, into) {
  for (const alias of names.aliases) alias.forms = alias.forms.filter((f) => !words.includes(f));
  names.aliases = names.aliases.filter((a) => !words.includes(a.name) && a.forms.length > 0);
  let alias = names.aliases.find((a) => a.name === into);
  if (!alias) {
    alias = { name: into, forms: [] };
    names.aliases.push(alias);
  }
  alias.forms.push(...words.filter((w) => w !== into && !alias.forms.includes(w)));
}

function drawSetAside(view) {
  const items = setAsideOf(view);
  view.setAsideCount.textContent = `（${formatInteger(items.length)}）`;
  if (items.length === 0) {
    view.setAsideBox.replaceChildren(h('p', { className: 'empty' }, '没有'));
    return;
  }
  const shown = view.shown.setAside ?? PAGE;
  const rows = items.slice(0, shown).map((item) => {
    const [reason, why] = REASONS[item.reason] ?? [item.reason, ''];
    const kind = LIST_OF_KIND[item.kind];
    const restore = h('button', {
      type: 'button', className: 'button small', 'data-restore': item.word, 'aria-label': `恢复「${item.word}」到${kind?.title ?? ''}名单`,
    }, '恢复');
    restore.addEventListener('click', () => correct(view, `已恢复「${item.word}」到${kind?.title ?? ''}名单。`, (n) => restoreName(n, item), item.word));
    return h('tr', { 'data-name': item.word },
      h('th', { scope: 'row' }, h('button', { type: 'button', className: 'word-link', 'data-word': item.word }, item.word)),
      h('td', { className: 'set-aside-kind' }, kind?.label ?? item.kind),
      h('td', { className: 'number', 'data-count': item.count }, formatInteger(item.count)),
      h('td', { className: 'set-aside-reason', title: why }, reason),
      h('td', { className: 'set-aside-restore' }, restore));
  });
  const table = h('table', { className: 'set-aside-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, '词语'), h('th', { scope: 'col' }, '标为'), h('th', { scope: 'col', className: 'number' }, '次数'),
      h('th', { scope: 'col' }, '原因'), h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, '操作')))),
    h('tbody', {}, rows));
  const more = moreButton(items.length - shown, () => {
    view.shown.setAside = shown + PAGE * 4;
    drawSetAside(view);
    view.setAsideBox.querySelectorAll('[data-restore]')[shown]?.focus();
  });
  view.setAsideBox.replaceChildren(h('div', { className: 'set-aside-scroll' }, table), ...(more ? [more] : []));
}

/**
 * Brings a set-aside word back: one the user removed comes off `removed`
 * (with the name it is a form of: a merged name is removed as a whole, and
 * jieba's glued form 玄德曰 goes with 玄德); one the rules set aside is put
 * on its list, which the rules do not check.
 */
function restoreName(names, item) {
  if (item.reason !== 'removed') {
    names.moved = names.moved.filter((m) => m.word !== item.word);
    names.moved.push({ word: item.word, kind: item.kind });
    return;
  }
  const nameOf = (word) => names.aliases.find((a) => a.forms.includes(word))?.name;
  names.removed = names.removed.filter((w) => w !== item.word && w !== nameOf(item.word)
    && !(item.word.length === w.length + 1 && item.word.startsWith(w)));
}

/**
 * Saves one correction: `change(names)` edits the settings' name
 * corrections, and the analysis runs again with them. Says what was done,
 * with an undo, and puts the focus back on `word` once it is redrawn.
 */
async function correct(view, said, change, word = null) {
  const before = structuredClone(currentSettings().names);
  view.focusAfter = word;
  view.container.classList.add('is-saving');
  say(view, said, before);
  try {
    const saved = await updateSettings((settings) => change(settings.names));
    // Nothing changed (a word removed twice): no analysis comes to redraw.
    if (JSON.stringify(saved.names) === JSON.stringify(before)) {
      view.container.classList.remove('is-saving');
      view.focusAfter = null;
    }
  } catch (error) {
    view.container.classList.remove('is-saving');
    say(view, `没有保存：${error?.message ?? error}`);
  }
}

function say(view, text, before = null) {
  const parts = [h('span', {}, text)];
  if (before) {
    const undo = h('button', { type: 'button', className: 'button small entities-undo' }, '撤销');
    undo.addEventListener('click', () => correct(view, '已撤销。', (names) => {
      for (const key of Object.keys(names)) delete names[key];
      Object.assign(names, before);
    }, ''));
    parts.push(undo);
  }
  view.message.replaceChildren(...parts);
}

/** After a correction: the word's entry (or its restore button), else the undo ('' : the undo). */
function placeFocus(view) {
  const word = view.focusAfter;
  view.focusAfter = null;
  const escaped = CSS.escape(word ?? '');
  const target = (word !== null && (
    view.container.querySelector(`.entity[data-name="${escaped}"] .entity-menu-toggle`)
    ?? (view.setAside.open ? view.container.querySelector(`[data-restore="${escaped}"]`) : null)))
    || view.message.querySelector('.entities-undo');
  target?.focus();
}
