// The repair card: flaws of a printed text that the core finds (the core's repairs query,
// src/analyses: a sentence broken inside a word, a passage printed twice, a
// line that breaks off, a photo caption in the body), each shown in its
// context with a button that fixes it. The text changes only on a click;
// every fix can be undone (a stack of the texts before each fix).
//
// context.editor (analysis-flow.js): {textarea, text(), applyEdit(start, end,
// replacement), snapshot(), restore(snapshot), commit(working)}: applyEdit
// changes the box's text (the corpus's file boundaries follow); snapshot and
// restore keep and put back the text and the boundaries; commit saves the
// text and analyses it again.

import { h } from '../dom.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { t, texts } from '../i18n.js';
import { typedClient } from '../analyzer-client.js';

export const id = 'repair';
// The worker's kept document: its findings are asked once per document.
export const needs = ['document'];

// The strings: the catalogs' repair.* entries (js/messages/).
const TEXT = texts('repair');

/** The kinds, in the order shown, with their headings and what a fix does. */
const KINDS = [
  { kind: 'brokenLine' },
  { kind: 'repeated' },
  { kind: 'fragment', deletes: true },
  { kind: 'caption', deletes: true },
].map((kind) => ({
  ...kind,
  get title() { return t(`repair.kind.${kind.kind}`); },
  get hint() { return t(`repair.kind.${kind.kind}.hint`); },
}));

/** Findings of a kind shown before 再显示 (a long newspaper corpus has hundreds). */
const FIRST_SHOWN = 3;
/** Characters of context shown on each side of a finding. */
const CONTEXT = 14;
/** A longer finding (a repeated passage, a long line) is shown by its beginning and its end. */
const LONGEST_SHOWN = 50;
const HEAD_SHOWN = 30;
const TAIL_SHOWN = 16;

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client, editor }) {
  const context = { client, ...editor };
  const card = container.closest('section') ?? container;
  const view = {
    context, container, card,
    documentId: null, text: '', findings: [], totals: new Map(),
    undo: [], // [{before: snapshot, after: text}], the last fix last
    // Why the findings' positions may not hold now: 'edited' (by hand),
    // 'fixed' (a fix or an undo, whose analysis has not answered yet), or false.
    /** @type {false | 'edited' | 'fixed'} whether the text changed since the findings: by hand, or by a fix */
    stale: false,
    message: '',
    generation: 0,
    expanded: new Set(), // the kinds shown in full
    // The card starts folded to its summary line (the results come first); 查看 opens it.
    collapsed: true,
  };
  // A hand edit moves the text under the findings' positions.
  context.textarea.addEventListener('input', () => {
    if (view.stale === 'edited' || (view.findings.length === 0 && view.undo.length === 0)) return;
    Object.assign(view, { stale: 'edited', message: '' });
    draw(view);
  });
  return {
    /** A switch of language: drawn again. */
    relabel: () => draw(view),
    /** `document`: the worker's kept one ({id, text}), null for none (no text). */
    update({ document }) {
      if (!document) {
        Object.assign(view, { documentId: null, findings: [], totals: new Map(), stale: false, message: '' });
        draw(view);
        return;
      }
      if (document.id === view.documentId && !view.stale) return;
      view.documentId = document.id;
      view.text = document.text;
      ask(view);
    },
  };
}

async function ask(view) {
  const generation = ++view.generation;
  let answer;
  try {
    answer = await typedClient(view.context.client).ask({ query: 'repairs' });
  } catch {
    // A cancel, a restart: nothing to offer now, and the next analysis asks again.
    answer = { repairs: [], totals: [] };
    if (generation === view.generation) view.documentId = null;
  }
  if (generation !== view.generation || answer.stale) return;
  view.findings = answer.repairs;
  // How many of each kind there are: a list the core capped says so.
  view.totals = new Map(answer.totals.map((total) => [total.kind, total.found]));
  // Typed into meanwhile: the findings are of the text analysed, not of the box's.
  view.stale = view.context.text() === view.text ? false : 'edited';
  draw(view);
}

/** Whether the last fix can be undone: the text is still what that fix made. */
const canUndo = (view) => view.undo.length > 0 && view.undo.at(-1).after === view.context.text();

function draw(view) {
  const { findings, container } = view;
  if (!canUndo(view)) view.undo = [];
  view.card.hidden = findings.length === 0 && view.undo.length === 0;
  if (view.card.hidden) {
    container.replaceChildren();
    return;
  }
  const disabled = Boolean(view.stale);
  const undoButton = view.undo.length > 0
    ? button(TEXT.undo, () => undo(view), 'button small repair-undo')
    : null;
  const summary = h('p', { className: 'repair-summary', tabIndex: -1 },
    view.stale === 'edited' ? TEXT.stale : view.stale === 'fixed' ? TEXT.reanalysing
      : findings.length > 0 ? TEXT.summary(foundCount(view), findings.length) : TEXT.nothingLeft);
  const status = h('p', { className: 'repair-status', role: 'status' }, view.message);
  const groups = KINDS.map((kind) => ({ ...kind, items: findings.filter((f) => f.kind === kind.kind) }))
    .filter((group) => group.items.length > 0)
    .map((group) => drawGroup(view, group, disabled));
  const exports = findings.length > 0 ? exportButtons([
    ['CSV', () => downloadCsv(`${TEXT.file}.csv`, TEXT.csvHeader,
      findings.map((f) => [kindTitle(f.kind), f.start, f.end, f.text, f.replacement, f.word ?? '']))],
    ['JSON', () => downloadJson(`${TEXT.file}.json`, findings)],
  ], TEXT.exportLabel) : null;
  const help = h('details', { className: 'repair-help' },
    h('summary', {}, TEXT.helpTitle),
    ...TEXT.help.map((line) => h('p', {}, line)));
  // The buttons are drawn anew: focus in the card (a 修复 just clicked) goes
  // to 撤销, else to the summary, rather than to the page's top.
  const hadFocus = container.contains(document.activeElement);
  const focusKey = hadFocus ? /** @type {HTMLElement} */ (document.activeElement).dataset.focusKey : undefined;
  container.replaceChildren(
    h('div', { className: 'repair-head' }, summary, undoButton, exports, toggleButton(view)),
    status, ...groups, help);
  const again = focusKey && container.querySelector(`[data-focus-key="${focusKey}"]`);
  if (hadFocus) (again || undoButton || summary).focus({ preventScroll: true });
}

/** 查看 / 收起: the findings shown or folded away (css/layout.css: .repair-card.is-collapsed). */
function toggleButton(view) {
  view.card.classList.toggle('is-collapsed', view.collapsed);
  const toggle = button(view.collapsed ? TEXT.open : TEXT.close, () => {
    view.collapsed = !view.collapsed;
    draw(view);
  }, 'button small repair-toggle');
  toggle.setAttribute('aria-expanded', String(!view.collapsed));
  toggle.setAttribute('aria-controls', view.container.id);
  toggle.setAttribute('data-focus-key', 'toggle');
  return toggle;
}

/** How many flaws the text has, listed or not (the core lists the first of each kind). */
const foundCount = (view) => [...view.totals.values()].reduce((sum, n) => sum + n, 0);

/** A kind's count: its total, or "the first N of M" when the core capped its list. */
function countText(view, group) {
  const found = view.totals.get(group.kind) ?? group.items.length;
  return found > group.items.length ? TEXT.firstOf(formatInteger(group.items.length), formatInteger(found)) : formatInteger(found);
}

const kindTitle = (kind) => KINDS.find((k) => k.kind === kind)?.title ?? kind;

function drawGroup(view, group, disabled) {
  const headingId = `repair-${group.kind}`;
  const fixAll = group.items.length > 1
    ? button(TEXT.fixAll(group.items.length), () => fix(view, group.items), 'button small', disabled)
    : null;
  const expanded = view.expanded.has(group.kind);
  const shown = expanded ? group.items : group.items.slice(0, FIRST_SHOWN);
  const hiddenCount = group.items.length - FIRST_SHOWN;
  const more = hiddenCount > 0
    ? button(expanded ? TEXT.showFewer : TEXT.showMore(hiddenCount), () => {
      if (expanded) view.expanded.delete(group.kind);
      else view.expanded.add(group.kind);
      draw(view);
    }, 'button small repair-more')
    : null;
  more?.setAttribute('data-focus-key', `more-${group.kind}`);
  return h('section', { className: 'repair-group', 'aria-labelledby': headingId },
    h('div', { className: 'repair-group-head' },
      h('h3', { id: headingId }, `${group.title} `, h('span', { className: 'repair-count' }, countText(view, group))),
      h('p', { className: 'hint' }, group.hint),
      fixAll),
    h('ol', { className: 'repair-list' }, ...shown.map((finding) => drawFinding(view, finding, group, disabled))),
    more);
}

function drawFinding(view, finding, group, disabled) {
  const { textarea } = view.context;
  // Every button of a finding is named 修复 or the like: the excerpt describes which one.
  const excerptId = `repair-finding-${finding.kind}-${finding.start}`;
  const excerpt = h('button', {
    type: 'button', className: 'repair-excerpt', id: excerptId, title: TEXT.excerptLabel, disabled,
  }, ...excerptOf(view.text, finding));
  excerpt.addEventListener('click', () => showInText(textarea, finding.start, finding.end));
  const detail = describe(view.text, finding);
  const actions = [];
  const line = lineAround(view.text, finding.start, finding.end);
  const fixDeletesLine = finding.replacement === '' && finding.start === line.start && finding.end === line.end;
  if (!(group.deletes && fixDeletesLine)) actions.push(button(TEXT.fix, () => fix(view, [finding]), 'button small primary', disabled));
  if (group.deletes) {
    actions.push(button(TEXT.deleteLine, () => fix(view, [{ ...finding, ...line, replacement: '' }]), 'button small', disabled));
  }
  if (finding.other) {
    actions.push(button(TEXT.showOther, () => showInText(textarea, finding.other.start, finding.other.end), 'button small', disabled));
  }
  for (const action of actions) action.setAttribute('aria-describedby', excerptId);
  return h('li', { className: 'repair-item' },
    excerpt,
    detail ? h('p', { className: 'repair-detail' }, detail) : null,
    h('div', { className: 'repair-actions' }, ...actions));
}

function describe(text, finding) {
  if (finding.kind === 'brokenLine') {
    if (finding.word) return TEXT.brokenWord(finding.word);
    return TEXT.joined(text.slice(Math.max(0, finding.start - 6), finding.start) + finding.replacement + text.slice(finding.end, finding.end + 6));
  }
  if (finding.kind === 'repeated' && finding.other) return TEXT.repeatedOf(finding.other);
  return '';
}

function button(label, action, className, disabled = false) {
  const element = h('button', { type: 'button', className, disabled }, label);
  element.addEventListener('click', action);
  return element;
}

/** Line breaks as ⏎ (a run of them as one), so that a break can be seen in one line. */
const visible = (text) => text.replace(/\r?\n(?:\s*\n)*/g, '⏎');

/**
 * The finding with some text around it: [before, <mark>, after]. The line
 * breaks that end a whole line's span are shown after the mark: the mark is
 * what can be read.
 */
function excerptOf(text, { start, end }) {
  const whole = text.slice(start, end);
  const trimmed = whole.trimEnd() || whole;
  const markEnd = start + trimmed.length;
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, markEnd + CONTEXT);
  const middle = trimmed.length > LONGEST_SHOWN ? `${trimmed.slice(0, HEAD_SHOWN)}……${trimmed.slice(-TAIL_SHOWN)}` : trimmed;
  return [
    `${from > 0 ? '…' : ''}${visible(text.slice(from, start))}`,
    h('mark', {}, visible(middle) || '⏎'),
    `${visible(text.slice(markEnd, to))}${to < text.length ? '…' : ''}`,
  ];
}

/**
 * The line [start, end) lies in, with the line breaks after it (or, for
 * the last line, before it): deleting that leaves no blank line behind.
 */
function lineAround(text, start, end) {
  let lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', Math.max(start, end - 1));
  if (lineEnd === -1) lineEnd = text.length;
  if (text[end - 1] === '\n') lineEnd = end - 1;
  let after = lineEnd;
  while (after < text.length && /\s/.test(text[after])) after += 1;
  if (after === text.length) {
    // The last line: take the breaks before it instead.
    while (lineStart > 0 && /\s/.test(text[lineStart - 1])) lineStart -= 1;
    return { start: lineStart, end: text.length };
  }
  return { start: lineStart, end: after };
}

/** Applies `fixes`, from the end of the text backwards so that each one's positions still hold. */
function fix(view, fixes) {
  const { context } = view;
  if (view.stale || context.text() !== view.text) return;
  const before = context.snapshot();
  let limit = Infinity; // where the last applied fix began: overlapping ones are left out
  let applied = 0;
  for (const finding of [...fixes].sort((a, b) => b.start - a.start || b.end - a.end)) {
    if (finding.end > limit) continue;
    context.applyEdit(finding.start, finding.end, finding.replacement);
    limit = finding.start;
    applied += 1;
  }
  view.undo.push({ before, after: context.text() });
  view.message = TEXT.fixed(applied);
  view.stale = 'fixed'; // until the analysis of the fixed text answers
  draw(view);
  return context.commit(TEXT.working);
}

function undo(view) {
  if (!canUndo(view)) return;
  const { before } = view.undo.pop();
  view.context.restore(before);
  view.message = TEXT.undone;
  view.stale = 'fixed';
  draw(view);
  return view.context.commit(TEXT.undoing);
}

/** Selects [start, end) in the textarea and scrolls it there (and the textarea into view). */
function showInText(textarea, start, end) {
  if (textarea.hidden) return; // a text too long for the box (text-box.js): no place to show it in
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(start, end);
  textarea.scrollTop = Math.max(0, offsetTop(textarea, start) - textarea.clientHeight / 3);
  textarea.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

/**
 * How far down the textarea's text `position` is: a hidden copy of the box
 * with the text before it, laid out alike, measures its height.
 */
function offsetTop(textarea, position) {
  const style = getComputedStyle(textarea);
  const mirror = h('div', { 'aria-hidden': 'true' });
  for (const property of ['boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
    'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
    'fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'tabSize', 'textIndent', 'wordSpacing']) {
    mirror.style[property] = style[property];
  }
  Object.assign(mirror.style, {
    position: 'absolute', visibility: 'hidden', top: '0', left: '-9999px', height: 'auto',
    whiteSpace: 'pre-wrap', overflowWrap: 'break-word', overflowY: 'scroll',
  });
  mirror.textContent = textarea.value.slice(0, position);
  mirror.append(h('span', {}, '|'));
  document.body.append(mirror);
  const top = mirror.lastChild.offsetTop;
  mirror.remove();
  return top;
}
