// The structure card: how the text is divided (the headings the core finds:
// 第X回, Markdown's #, a report's 一、 and （一）; the lines a heading
// pattern of the user's own starts; speaker turns, paragraphs, equal parts,
// the files of a corpus), each section with its
// size and the words that set it apart from the rest (DISTINCTIVE), and the
// scope: 「只看这一节」 (or one speaker's turns) limits every other view to it.
//
// The division is page state (structure.js): a pick here sets it, and the
// sections come from the worker (SECTIONS). Undivided, the card shows the
// division the core suggests for this text, and a button to use it.
//
// A heading pattern is a regular expression the core reads (its syntax and
// its errors are the core's): it is asked for its sections before it
// becomes the division, so that a bad one leaves the division as it was and
// its error shows by the field.

import { debounce, h } from '../dom.js';
import { attrs, errorText, hText, t, texts } from '../i18n.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { partName } from '../part-name.js';
import { describe, keynessHelp, keyWord } from '../ui/keyness.js';

export const id = 'sections';
// The division is picked here and kept by structure.js; the scope is marked in the table.
export const needs = ['document', 'division', 'scope'];

// The strings: the catalogs' sections.* entries (js/messages/).
const TEXT = texts('sections');

const KINDS = ['none', 'chapter', 'pattern', 'speaker', 'paragraph', 'parts', 'given'];
const PARTS = { min: 2, max: 100, initial: 5 };
/** Distinctive words per section: few, so that 120 chapters stay a quick table. */
const TOP = 5;
/** The words used less, shown muted after the others. */
const TOP_LESS = 3;

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client, structure }) {
  const view = {
    basis: null, // what the sections and their words were drawn from (sourceOf)
    generation: 0,
    suggested: null, // {by, count} the core suggests for this document
    given: null, // the last 'given' division (a corpus), offered as 文件 while its text is shown
    answer: null, // SECTIONS for the current division
    distinctive: null, // DISTINCTIVE per section
    groupsDistinctive: null, // DISTINCTIVE per group (speaker mode)
    patternOpen: false, // the pattern field is shown before a pattern divides
  };
  const ui = build(container, view, {
    pick: (kind) => pick(kind),
    csv: () => downloadCsv(`${TEXT.file}.csv`, TEXT.csvHeader, csvRows(view)),
    json: () => downloadJson(`${TEXT.file}.json`, jsonValue(view)),
  });

  /** A pick in the picker: the division it names, for the structure (which then asks for its sections). */
  function pick(kind) {
    if (kind === 'pattern') {
      // Its field first: the pattern in it (the last one given, or one typed) divides once applied.
      view.patternOpen = true;
      drawPatternField(ui, view, structure.division);
      if (ui.pattern.value.trim()) applyPattern();
      else ui.pattern.focus();
      return;
    }
    if (view.patternOpen) {
      view.patternOpen = false;
      drawPatternField(ui, view, structure.division);
    }
    const division = kind === 'none' ? null
      : kind === 'parts' ? { by: 'parts', parts: partsCount() }
      : kind === 'given' ? view.given
      : { by: kind };
    if (JSON.stringify(division) === JSON.stringify(structure.division)) return;
    structure.setDivision(division);
  }
  /**
   * The pattern in the field as the division, once the core has divided the
   * text by it; its refusal (a pattern that is no regular expression) is
   * shown by the field, and the division stays.
   */
  async function applyPattern() {
    const division = /** @type {const} */ ({ by: 'pattern', pattern: ui.pattern.value });
    showPatternError(ui, null);
    if (JSON.stringify(division) === JSON.stringify(structure.division)) return;
    const generation = view.generation;
    try {
      const answer = await client.ask({ query: 'sections', division });
      if (answer.stale || generation !== view.generation) return;
    } catch (error) {
      if (generation === view.generation) showPatternError(ui, error);
      return;
    }
    structure.setDivision(division);
  }
  ui.patternForm.addEventListener('submit', (event) => {
    event.preventDefault();
    applyPattern();
  });
  ui.pattern.addEventListener('input', () => showPatternError(ui, null));

  const partsCount = () => Math.min(PARTS.max, Math.max(PARTS.min, Math.round(Number(ui.parts.value) || PARTS.initial)));
  ui.parts.addEventListener('change', debounce(() => {
    ui.parts.value = String(partsCount());
    // A number typed is a pick of 等分 too.
    const division = { by: 'parts', parts: partsCount() };
    if (JSON.stringify(division) !== JSON.stringify(structure.division)) structure.setDivision(division);
  }, 200));

  // A scope picked in the table, the groups or the speaker filter.
  container.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-scope]'));
    if (!button) return;
    const scope = scopeOf(view, button.dataset.scope);
    structure.setScope(sameScope(scope, structure.scope) ? null : scope);
  });
  ui.speaker.addEventListener('change', () => {
    structure.setScope(ui.speaker.value ? scopeOf(view, ui.speaker.value) : null);
  });

  /**
   * Asks for the sections of the current division (or, undivided, for the
   * suggested one), then their words. follow: undivided because another
   * text replaced a divided one, which takes this text's suggestion.
   */
  async function load({ follow = false } = {}) {
    const generation = ++view.generation;
    const { division } = structure;
    Object.assign(view, { answer: null, distinctive: null, groupsDistinctive: null });
    // The field shows the pattern that divides (set here, where the division changes, not at each drawing: a switch of language keeps what is typed).
    if (division?.by === 'pattern') ui.pattern.value = division.pattern;
    drawPicker(ui, view, division);
    if (!client.document) return;
    setState(container, 'loading');
    ui.summary.textContent = TEXT.loading;
    const current = () => generation === view.generation;
    try {
      const answer = await client.ask({ query: 'sections', division });
      if (!current() || answer.stale) return;
      // suggested: the kind ('speaker'), or the division it names ({by: 'speaker'}).
      const suggested = typeof answer.suggested === 'string' ? answer.suggested : answer.suggested?.by;
      view.suggested = { by: suggested, count: division ? view.suggested?.count : answer.sections.length };
      if (!division && follow && suggested && suggested !== 'none' && answer.sections.length > 1) {
        // The division changes: the structure asks for its sections (update → load).
        structure.setDivision(typeof answer.suggested === 'string' ? { by: suggested } : answer.suggested);
        return;
      }
      if (!division) {
        drawPicker(ui, view, division);
        drawUndivided(ui, view);
        setState(container, 'ready');
        return;
      }
      view.answer = answer;
      structure.setSections(answer);
      drawPicker(ui, view, division);
      drawSections(ui, view, structure.scope);
      const skipStopwords = client.document?.options?.stopwords ?? true;
      const options = { top: TOP, minCount: 3, skipStopwords };
      if (answer.sections.length > 1) {
        const distinctive = await client.ask({ query: 'distinctive', division, options });
        if (!current() || distinctive.stale) return;
        view.distinctive = distinctive;
      }
      if (answer.groups.length > 1) {
        const parts = answer.groups.map((group) => ({ label: group.label, sections: group.sections }));
        const groups = await client.ask({ query: 'distinctive', division, options: { ...options, parts } });
        if (!current() || groups.stale) return;
        view.groupsDistinctive = groups;
      }
      drawSections(ui, view, structure.scope);
      setState(container, 'ready');
    } catch (error) {
      if (!current()) return;
      ui.summary.textContent = errorText(error);
      setState(container, 'error');
    }
  }

  return {
    update(state, changed) {
      if (changed.has('division') && state.division?.by === 'given') view.given = state.division;
      // A new scope gives the document a new id, but the sections and their
      // words are the whole text's: asked again only for another text,
      // other stopwords or another cut, or another division.
      const basis = sourceOf(client, state.document);
      if (basis !== view.basis) {
        view.basis = basis;
        view.suggested = null;
        if (state.division?.by !== 'given') view.given = null;
        load({ follow: structure.takeSuggestion() });
      } else if (changed.has('division')) {
        load();
      } else if (changed.has('scope')) {
        markScope(ui, view, state.scope);
      }
    },
    /** A switch of language: the fixed labels follow by themselves (data-i18n); what was drawn, again (the pattern's field keeps its text). */
    relabel() {
      ui.relabelColumns();
      if (ui.patternError.dataset.error) showPatternError(ui, JSON.parse(ui.patternError.dataset.error));
      drawPicker(ui, view, structure.division);
      if (view.answer) drawSections(ui, view, structure.scope);
      else if (view.suggested && !structure.division) drawUndivided(ui, view);
    },
  };
}

/** What the whole text's sections depend on: the text, its cut, the stopwords and whether they are left out. */
function sourceOf(client, document) {
  if (!document) return null;
  const { text, dictionary, options } = client.document ?? {};
  return JSON.stringify([text?.length, dictionary, options?.stopwords, client.configuration?.stopwords ?? null]) + text;
}

/** data-state (loading, ready, error): tests wait on it. */
function setState(container, state) {
  container.dataset.state = state;
  container.setAttribute('aria-busy', String(state === 'loading'));
}

const kindOf = (division) => division?.by ?? 'none';
const sameScope = (a, b) => Boolean(a && b) && a.sections.join() === b.sections.join();

/** 's:3' (a section) or 'g:1' (a group) → a scope {label, kind?, sections} (named by part-name.js). */
function scopeOf(view, key) {
  const [type, index] = [key[0], Number(key.slice(2))];
  if (type === 'g') {
    const group = view.answer.groups[index];
    return { label: group.label, kind: group.kind, sections: group.sections };
  }
  return { label: view.answer.sections[index].label, sections: [index] };
}

function build(container, view, actions) {
  const buttons = Object.fromEntries(KINDS.map((kind) => {
    const button = h('button', { type: 'button', 'data-kind': kind, 'aria-pressed': 'false' }, TEXT.kinds[kind]);
    button.addEventListener('click', () => actions.pick(kind));
    return [kind, button];
  }));
  const parts = h('input', { type: 'number', className: 'sections-parts', min: PARTS.min, max: PARTS.max, step: 1, value: PARTS.initial });
  const picker = h('div', { className: 'sections-picker' },
    h('div', { className: 'segmented', role: 'group', ...attrs({ 'aria-label': 'sections.pickerLabel' }) }, ...Object.values(buttons)),
    h('label', { className: 'sections-parts-field' }, hText('span', 'sections.partsLabel'), parts));
  // The heading pattern: a regular expression, matched at each line's start.
  const pattern = h('input', {
    type: 'text', id: 'sections-pattern', className: 'sections-pattern', autocomplete: 'off', autocapitalize: 'off',
    enterKeyHint: 'go', 'aria-describedby': 'sections-pattern-hint sections-pattern-error', ...attrs({ placeholder: 'sections.patternPlaceholder' }),
  });
  pattern.spellcheck = false; // a regular expression, not words
  const patternError = h('p', { id: 'sections-pattern-error', className: 'sections-pattern-error', role: 'alert', hidden: true });
  const patternForm = h('form', { className: 'sections-pattern-field', hidden: true },
    hText('label', 'sections.patternLabel', { htmlFor: 'sections-pattern' }),
    pattern,
    hText('button', 'sections.patternApply', { type: 'submit', className: 'button small' }),
    hText('p', 'sections.patternHint', { id: 'sections-pattern-hint', className: 'hint sections-pattern-hint' }),
    patternError);
  const summary = h('p', { className: 'hint sections-summary', 'aria-live': 'polite' });
  const suggestion = h('div', { className: 'sections-suggestion', hidden: true });
  const speaker = h('select', { className: 'sections-speaker' });
  const speakerField = h('label', { className: 'sections-speaker-field', hidden: true }, hText('span', 'sections.speakerFilter'), speaker);
  const exports = exportButtons([['CSV', actions.csv], ['JSON', actions.json]], 'sections.exportLabel');
  const groupRows = h('tbody');
  const groupsTable = table('groupsCaption', ['speaker', 'turns', 'tokens', 'words'], groupRows);
  const groups = h('div', { className: 'sections-scroll sections-groups', hidden: true }, groupsTable);
  const rows = h('tbody');
  const sectionsTable = table('sectionsCaption', ['#', 'label', 'tokens', 'words'], rows);
  const sections = h('div', { className: 'sections-scroll', hidden: true, role: 'region', ...attrs({ 'aria-label': 'sections.sectionsCaption' }), tabIndex: 0 },
    sectionsTable);
  const relabelColumns = () => { groupsTable.relabel(); sectionsTable.relabel(); };
  container.replaceChildren(
    picker, patternForm,
    h('div', { className: 'sections-head' }, summary, speakerField, exports),
    suggestion, groups, sections, keynessHelp());
  return { buttons, parts, pattern, patternForm, patternError, summary, suggestion, speaker, speakerField, exports, groupRows, groups, rows, sections, relabelColumns };
}

/**
 * `caption`: its name under sections.*; `columns`: '#' or names under
 * sections.columns. The table's relabel() names the columns again.
 */
function table(caption, columns, body) {
  const header = (column) => (column === '#'
    ? h('th', { scope: 'col', className: 'number' }, '#')
    : h('th', { scope: 'col', className: column === 'tokens' || column === 'turns' ? 'number' : undefined }, TEXT.columns[column]));
  const thead = h('thead', {}, h('tr', {}, columns.map(header),
    h('th', { scope: 'col' }, hText('span', 'sections.only', { className: 'visually-hidden' }))));
  const element = h('table', { className: 'sections-table' },
    hText('caption', `sections.${caption}`, { className: 'visually-hidden' }), thead, body);
  element.relabel = () => thead.querySelectorAll('th').forEach((th, i) => {
    if (columns[i] && columns[i] !== '#') th.textContent = TEXT.columns[columns[i]];
  });
  return element;
}

function drawPicker(ui, view, division) {
  const current = kindOf(division);
  for (const [kind, button] of Object.entries(ui.buttons)) {
    button.setAttribute('aria-pressed', String(kind === current));
    button.hidden = kind === 'given' && !view.given;
    const suggested = view.suggested?.by === kind && kind !== 'none';
    button.classList.toggle('is-suggested', suggested);
    button.replaceChildren(TEXT.kinds[kind], ...(suggested ? [h('span', { className: 'suggested-mark' }, TEXT.suggested)] : []));
  }
  if (division?.by === 'parts') ui.parts.value = String(division.parts);
  drawPatternField(ui, view, division);
  ui.parts.closest('label').classList.toggle('is-active', current === 'parts');
  ui.exports.hidden = true;
  ui.groups.hidden = true;
  ui.sections.hidden = true;
  ui.suggestion.hidden = true;
  ui.speakerField.hidden = true;
}

/** The pattern's field: shown while it divides or was picked to be given, with the pattern that divides. */
function drawPatternField(ui, view, division) {
  const current = kindOf(division) === 'pattern';
  ui.patternForm.hidden = !(current || view.patternOpen);
  ui.patternForm.classList.toggle('is-active', current);
}

/** The core's refusal of a pattern by its field (error: {code, message, details}), or none (null). */
function showPatternError(ui, error) {
  ui.patternError.textContent = error ? errorText(error) : '';
  ui.patternError.hidden = !error;
  if (error) ui.patternError.dataset.error = JSON.stringify(error);
  else delete ui.patternError.dataset.error;
  ui.pattern.setAttribute('aria-invalid', String(Boolean(error)));
}

function drawUndivided(ui, view) {
  const { by, count } = view.suggested ?? {};
  if (!by || by === 'none' || count < 2) {
    ui.summary.textContent = TEXT.undivided;
    return;
  }
  ui.summary.textContent = TEXT.suggest(TEXT.kinds[by], count);
  const use = h('button', { type: 'button', className: 'button small' }, TEXT.useSuggested(TEXT.kinds[by]));
  use.addEventListener('click', () => ui.buttons[by].click());
  ui.suggestion.replaceChildren(use);
  ui.suggestion.hidden = false;
}

/** The sections (and in speaker mode the groups) with their words; the words may still be on their way. */
function drawSections(ui, view, scope) {
  const { sections, groups } = view.answer;
  const total = sections.reduce((sum, section) => sum + section.tokens, 0);
  ui.summary.textContent = sections.length > 1 ? TEXT.summary(sections.length, total) : TEXT.oneSection;
  ui.exports.hidden = false;
  ui.sections.hidden = false;
  ui.rows.replaceChildren(...sections.map((section, i) => h('tr', { 'data-section': i },
    h('td', { className: 'number' }, formatInteger(i + 1)),
    h('th', { scope: 'row', className: 'sections-label', title: partName(section) }, partName(section)),
    h('td', { className: 'number', 'data-tokens': section.tokens, 'data-unit': TEXT.units.tokens }, formatInteger(section.tokens)),
    h('td', { className: 'sections-words' }, wordsOf(view.distinctive?.[i])),
    h('td', { className: 'sections-only' }, scopeButton(`s:${i}`, TEXT.only, partName(section))))));
  ui.groups.hidden = groups.length === 0;
  ui.groupRows.replaceChildren(...groups.map((group, i) => h('tr', { 'data-group': group.label, 'data-kind': group.kind },
    h('th', { scope: 'row', className: 'sections-label', title: partName(group) }, partName(group)),
    h('td', { className: 'number', 'data-turns': group.sections.length, 'data-unit': TEXT.units.turns }, formatInteger(group.sections.length)),
    h('td', { className: 'number', 'data-tokens': group.tokens, 'data-unit': TEXT.units.tokens }, formatInteger(group.tokens)),
    h('td', { className: 'sections-words' }, wordsOf(view.groupsDistinctive?.[i])),
    h('td', { className: 'sections-only' }, scopeButton(`g:${i}`, TEXT.onlyGroup, partName(group))))));
  ui.speakerField.hidden = groups.length === 0;
  ui.speaker.replaceChildren(h('option', { value: '' }, TEXT.everyone),
    ...groups.map((group, i) => h('option', { value: `g:${i}` }, `${partName(group)}${TEXT.turnCount(formatInteger(group.sections.length))}`)));
  markScope(ui, view, scope);
}

function scopeButton(key, text, label) {
  return h('button', { type: 'button', className: 'button small', 'data-scope': key, 'aria-pressed': 'false', 'aria-label': TEXT.scopeLabel(text, label) }, text);
}

/** A part's distinctive words: the top ones used more, then (muted) a few used less. */
function wordsOf(part) {
  if (!part) return TEXT.noneDistinctive;
  const more = part.positive.slice(0, TOP).map((k) => keyWord(k));
  const less = part.negative.slice(0, TOP_LESS).map((k) => keyWord(k, { muted: true }));
  if (more.length + less.length === 0) return TEXT.noneDistinctive;
  return h('span', { className: 'key-words' }, ...more, ...less);
}

/** Marks the rows and the speaker filter that show the current scope. */
function markScope(ui, view, scope) {
  if (!view.answer) return;
  for (const button of [...ui.rows.querySelectorAll('[data-scope]'), ...ui.groupRows.querySelectorAll('[data-scope]')]) {
    button.setAttribute('aria-pressed', String(sameScope(scopeOf(view, button.dataset.scope), scope)));
  }
  const groupIndex = scope ? view.answer.groups.findIndex((group) => group.sections.join() === scope.sections.join()) : -1;
  ui.speaker.value = groupIndex >= 0 ? `g:${groupIndex}` : '';
}

// Exports: every section with its words, and the groups.

const wordList = (list = []) => list.map((k) => `${k.word}(${describe(k)})`).join(' ');

function csvRows({ answer, distinctive, groupsDistinctive }) {
  if (!answer) return [];
  const rows = answer.sections.map((section, i) => [i + 1, partName(section), section.start, section.end, section.tokens,
    wordList(distinctive?.[i]?.positive), wordList(distinctive?.[i]?.negative)]);
  const groups = answer.groups.map((group, i) => [TEXT.group(i + 1), partName(group), '', '', group.tokens,
    wordList(groupsDistinctive?.[i]?.positive), wordList(groupsDistinctive?.[i]?.negative)]);
  return [...rows, ...groups];
}

function jsonValue({ answer, distinctive, groupsDistinctive }) {
  return {
    division: answer?.division ?? null,
    offsets: 'UTF-16 code units',
    sections: (answer?.sections ?? []).map((section, i) => ({ ...section, distinctive: distinctive?.[i] ?? null })),
    groups: (answer?.groups ?? []).map((group, i) => ({ ...group, distinctive: groupsDistinctive?.[i] ?? null })),
  };
}
