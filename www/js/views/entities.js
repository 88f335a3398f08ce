// People, places and organisations: one list each, the most named first,
// and the words set aside as plainly not names. The core makes the lists
// (src/names.rs); here the user corrects them: a word is no name, belongs on
// another list, or is another form of a listed name. The corrections are
// kept in the settings (settings.js), which run the analysis again; this
// view only redraws what the new analysis says.

import { h } from '../dom.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { titleIfCut, wordLabel } from '../charts/word-label.js';
import { errorText, t } from '../i18n.js';
import { currentSettings, updateSettings } from '../settings.js';

export const id = 'entities';
export const needs = ['analysis'];

/** Entries drawn at first, and added by each 显示更多. */
const PAGE = 15;

/** The lists: the analysis's key, the kind the corrections name, how the page says each. */
const LISTS = [
  { key: 'people', kind: 'person' },
  { key: 'places', kind: 'place' },
  { key: 'organizations', kind: 'organization' },
].map((list) => ({
  ...list,
  get title() { return t(`names.${list.key}.title`); },
  get label() { return t(`names.${list.key}.label`); },
}));
const LIST_OF_KIND = Object.fromEntries(LISTS.map((list) => [list.kind, list]));

/** Where a listed name comes from: the badge, and what its tooltip explains. */
// The catalogs' names.source.<source> (the badge) and names.source.<source>.explain.
const SOURCES = Object.fromEntries(['dictionary', 'model', 'userDictionary', 'user', 'text'].map((source) => [source, {
  get badge() { return t(`names.source.${source}`); },
  explain: (list, entry) => t(`names.source.${source}.explain`, list, entry),
}]));

/** Why a word tagged as a name was set aside: a short reason, and the long one. */
// The catalogs' names.reason.<reason> and names.reason.<reason>.why.
const REASONS = new Proxy({}, {
  get: (_, reason) => (typeof reason === 'string' && t(`names.reason.${reason}`) !== `names.reason.${reason}` ? [t(`names.reason.${reason}`), t(`names.reason.${reason}.why`)] : undefined),
});

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
    /** A switch of language builds the parts again, and draws the lists. */
    relabel() {
      build(view);
      if (view.analysis) draw(view);
    },
  };
}

function build(view) {
  const keepAll = h('input', { type: 'checkbox', id: 'names-keep-all' });
  keepAll.addEventListener('change', () => {
    const on = keepAll.checked;
    correct(view, on ? t('names.keptAll') : t('names.filtered'), (names) => {
      names.keepImplausible = on;
    });
  });
  const help = h('p', { className: 'hint entities-help' },
    t('names.help'));
  const toolbar = h('div', { className: 'entities-toolbar' },
    h('label', { className: 'check', title: t('names.keepAllTitle') },
      keepAll, h('span', {}, t('names.keepAll'))));
  const message = h('p', { className: 'entities-message', role: 'status' });

  const groups = LISTS.map((list) => {
    const box = h('div', { id: list.key, className: 'entity-list', 'aria-labelledby': `${list.key}-title` });
    const exports = exportButtons([
      ['CSV', () => downloadCsv(`${list.title}.csv`, [t('names.name'), t('csv.count'), t('csv.pos'), t('names.source'), t('names.forms')],
        entriesOf(view, list).map((e) => [e.word, e.count, e.pos, SOURCES[e.source]?.badge ?? e.source,
          e.forms.map((f) => `${f.word} ${f.count}`).join(t('names.formSeparator'))]))],
      ['JSON', () => downloadJson(`${list.title}.json`, { kind: list.kind, names: entriesOf(view, list) })],
    ], t('names.exportList', list.title));
    const group = h('div', { className: 'entity-group', id: `${list.key}-group` },
      h('div', { className: 'entity-group-head' }, h('h3', { id: `${list.key}-title` }, list.title), exports),
      box);
    return { list, box, group };
  });

  const setAsideCount = h('span', { className: 'set-aside-count' });
  const setAsideBox = h('div', { className: 'set-aside-list' });
  const setAsideExports = exportButtons([
    ['CSV', () => downloadCsv(`${t('names.setAside')}.csv`, [t('csv.word'), t('csv.count'), t('csv.pos'), t('names.taggedAs'), t('names.reason')],
      setAsideOf(view).map((s) => [s.word, s.count, s.pos, LIST_OF_KIND[s.kind]?.label ?? s.kind, REASONS[s.reason]?.[0] ?? s.reason]))],
    ['JSON', () => downloadJson(`${t('names.setAside')}.json`, { setAside: setAsideOf(view) })],
  ], t('names.exportSetAside'));
  const setAside = h('details', { className: 'set-aside', id: 'set-aside' },
    h('summary', {}, t('names.setAside'), setAsideCount),
    h('div', { className: 'set-aside-head' },
      h('p', { className: 'hint' }, t('names.setAsideHelp')),
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
    h('option', { value: entry.word }, `${list.title} · ${t('names.times', formatInteger(entry.count))}`))));
  if (view.focusAfter !== null) placeFocus(view);
}

function drawList(view, list, box, names) {
  const entries = entriesOf(view, list);
  if (entries.length === 0) {
    box.replaceChildren(h('p', { className: 'empty' }, t('names.noneFound')));
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
  const button = h('button', { type: 'button', className: 'button small show-more' }, t('collocates.moreLeft', formatInteger(rest)));
  button.addEventListener('click', showMore);
  return button;
}

/** One name: a link to it, where it comes from, its count, and its corrections behind ⋯. */
function nameItem(view, list, entry, names) {
  const source = SOURCES[entry.source] ?? { badge: entry.source, explain: () => '' };
  const toggle = h('button', {
    type: 'button', className: 'entity-menu-toggle', 'aria-expanded': 'false', 'aria-label': t('names.correctWord', entry.word), title: t('names.correct'),
  }, '⋯');
  const item = h('li', { className: 'entity', 'data-name': entry.word },
    h('div', { className: 'entity-row' },
      h('button', { type: 'button', className: 'word-link entity-word', 'data-word': entry.word, ...titleIfCut(entry.word) }, wordLabel(entry.word)),
      h('span', { className: `name-source source-${entry.source}`, title: source.explain(list, entry) }, source.badge),
      h('span', { className: 'entity-count', 'data-count': entry.count }, t('names.times', formatInteger(entry.count))),
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
  const forms = h('ul', { className: 'entity-forms', hidden: !open, 'aria-label': t('names.formsOf', entry.word) },
    entry.forms.map((form) => {
      let split = null;
      if (alias?.forms.includes(form.word)) {
        split = h('button', { type: 'button', className: 'entity-split', 'aria-label': t('names.splitLabel', form.word) }, t('names.split'));
        split.addEventListener('click', () => correct(view, t('names.splitDone', form.word, entry.word), (n) => {
          const own = n.aliases.find((a) => a.name === entry.word);
          if (!own) return;
          own.forms = own.forms.filter((f) => f !== form.word);
          if (own.forms.length === 0) n.aliases.splice(n.aliases.indexOf(own), 1);
        }, form.word));
      }
      return h('li', {},
        h('button', { type: 'button', className: 'word-link', 'data-word': form.word, ...titleIfCut(form.word) }, wordLabel(form.word)),
        h('span', { className: 'entity-count', 'data-count': form.count }, t('names.times', formatInteger(form.count))),
        split);
    }));
  const toggle = h('button', { type: 'button', className: 'entity-forms-toggle', 'aria-expanded': String(open) },
    t('names.formCount', entry.forms.length));
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
  const moves = LISTS.filter((other) => other !== list).map((other) => action(t('names.moveTo', other), () =>
    correct(view, t('names.moved', word, other.title), (n) => {
      n.moved = n.moved.filter((m) => !words.includes(m.word));
      n.moved.push(...words.map((w) => ({ word: w, kind: other.kind })));
    }, word)));
  const unmove = names.moved.some((m) => m.word === word)
    ? action(t('names.unmove'), () => correct(view, t('names.unmoved', word), (n) => {
      n.moved = n.moved.filter((m) => !words.includes(m.word));
    }, word))
    : null;

  // One panel is open at a time: the field's id is unique.
  const target = h('input', {
    type: 'text', id: 'entity-merge-target', autocomplete: 'off', enterKeyHint: 'done', placeholder: t('names.otherName'),
  });
  target.setAttribute('list', 'entity-names');
  const problem = h('p', { className: 'entity-merge-problem', 'aria-live': 'polite' });
  const merge = h('form', { className: 'entity-merge' },
    h('label', { htmlFor: 'entity-merge-target' }, t('names.mergeLabel', word)),
    target,
    h('button', { type: 'submit', className: 'button small' }, t('names.merge')),
    problem);
  merge.addEventListener('submit', (event) => {
    event.preventDefault();
    const into = target.value.trim();
    const listed = LISTS.some((l) => entriesOf(view, l).some((e) => e.word === into));
    if (into === '' || into === word || !listed) {
      problem.textContent = into === '' ? t('names.mergeEmpty')
        : into === word ? t('names.mergeSelf') : t('names.mergeUnknown', into);
      target.focus();
      return;
    }
    view.openForms.add(into);
    correct(view, t('names.merged', word, into), (n) => mergeInto(n, words, into), into);
  });

  return h('div', { className: 'entity-actions', role: 'group', 'aria-label': t('names.correctWord', word) },
    h('div', { className: 'entity-action-buttons' },
      action(t('names.notAName'), () => correct(view, t('names.deleted', word), (n) => {
        if (!n.removed.includes(word)) n.removed.push(word);
      }, word), t('names.notANameLabel', word)),
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
  view.setAsideCount.textContent = t('names.setAsideCount', formatInteger(items.length));
  if (items.length === 0) {
    view.setAsideBox.replaceChildren(h('p', { className: 'empty' }, t('names.nothing')));
    return;
  }
  const shown = view.shown.setAside ?? PAGE;
  const rows = items.slice(0, shown).map((item) => {
    const [reason, why] = REASONS[item.reason] ?? [item.reason, ''];
    const kind = LIST_OF_KIND[item.kind];
    const restore = h('button', {
      type: 'button', className: 'button small', 'data-restore': item.word, 'aria-label': t('names.restoreLabel', item.word, kind?.title ?? ''),
    }, t('names.restore'));
    restore.addEventListener('click', () => correct(view, t('names.restored', item.word, kind?.title ?? ''), (n) => restoreName(n, item), item.word));
    return h('tr', { 'data-name': item.word },
      h('th', { scope: 'row' }, h('button', { type: 'button', className: 'word-link', 'data-word': item.word, ...titleIfCut(item.word) }, wordLabel(item.word))),
      h('td', { className: 'set-aside-kind' }, kind?.label ?? item.kind),
      h('td', { className: 'number', 'data-count': item.count }, formatInteger(item.count)),
      h('td', { className: 'set-aside-reason', title: why }, reason),
      h('td', { className: 'set-aside-restore' }, restore));
  });
  const table = h('table', { className: 'set-aside-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('csv.word')), h('th', { scope: 'col' }, t('names.taggedAs')), h('th', { scope: 'col', className: 'number' }, t('csv.count')),
      h('th', { scope: 'col' }, t('names.reason')), h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, t('dispersion.actions'))))),
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
    say(view, t('names.notSaved', errorText(error)));
  }
}

function say(view, text, before = null) {
  const parts = [h('span', {}, text)];
  if (before) {
    const undo = h('button', { type: 'button', className: 'button small entities-undo' }, t('names.undo'));
    undo.addEventListener('click', () => correct(view, t('names.undone'), (names) => {
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
