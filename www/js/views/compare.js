// The compare card: two parts of the text side by side (two sections, two
// speakers, a speaker and the questions, a file and the rest), the words
// that are used significantly more in one than in the other (KEYNESS:
// log-likelihood and Log Ratio), how many words they share and which only
// one of them uses. A word opens its concordance limited to the part it
// stands for (structure.js's within), so the lines show how A uses it.

import { h } from '../dom.js';
import { attrs, errorText, hText, t, texts } from '../i18n.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { wordLabel, wordSaid } from '../charts/word-label.js';
import { partName, REST } from '../part-name.js';
import { exportFigures, formatLl, formatRatio, keyWord, keynessHelp, stars, TEXT as KEY_TEXT } from '../ui/keyness.js';

export const id = 'compare';
// The parts to compare come with the structure's sections (structure.js).
export const needs = ['division', 'sections'];

// The strings: the catalogs' compare.* entries (js/messages/).
const TEXT = texts('compare');
/** Words listed in each only-in list. */
const ONLY = 40;

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client, structure }) {
  const view = { generation: 0, options: [], answer: null, a: null, b: null, pair: [], division: null };
  // Each export is of the comparison the pickers show: asked for first if it
  // is not at hand yet (issue 22: a click before it threw a TypeError); with
  // nothing to compare (one part twice, no division) the buttons are disabled.
  const exported = (save) => async () => {
    if (!view.answer) await load();
    if (view.answer) save();
  };
  const ui = build(container, {
    csv: exported(() => downloadCsv(`${TEXT.file}.csv`, [TEXT.direction, ...TEXT.columns.map((c) => c.replace(/^A$/, `A ${partName(view.a)}`).replace(/^B$/, `B ${partName(view.b ?? REST)}`))], csvRows(view.answer))),
    json: exported(() => downloadJson(`${TEXT.file}.json`, { division: structure.division, a: view.a, b: view.b, ...view.answer })),
  });
  const exportable = (can) => {
    for (const button of ui.exports.querySelectorAll('button')) button.disabled = !can;
  };
  ui.selectA.addEventListener('change', () => load());
  ui.selectB.addEventListener('change', () => load());
  ui.swap.addEventListener('click', () => {
    const a = ui.selectA.value;
    const b = ui.selectB.value;
    if (b === 'rest') return;
    ui.selectA.value = b;
    ui.selectB.value = a;
    load();
  });

  // A word of one side: its concordance, limited to that side's text. The
  // dashboard's linkWords selects the word after this (the event bubbles up).
  container.addEventListener('click', (event) => {
    const word = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-word][data-side]'));
    if (!word || !view.answer) return;
    const side = word.dataset.side;
    const part = side === 'a' ? view.a : view.b ?? REST;
    // The concordance answers about the scope: a part outside it would show no lines.
    const sections = part.sections ?? rest(view.a.sections);
    const scope = structure.scope;
    if (scope && !sections.every((i) => scope.sections.includes(i))) structure.setScope(null);
    structure.setWithin({ word: word.dataset.word, label: part.label, kind: part.kind, rest: part.rest, ranges: view.answer[side].ranges });
  });
  const rest = (sections) => structure.sections.sections.map((_, i) => i).filter((i) => !sections.includes(i));

  /** The parts a user may compare: the groups, then the sections (the files of a corpus). */
  function fill({ division, sections: answer }) {
    ++view.generation;
    view.answer = null;
    ui.result.hidden = true;
    ui.exports.hidden = true;
    exportable(false);
    const usable = division && answer && answer.sections.length > 1;
    // Undivided, there is nothing to compare: the card waits for a division.
    const card = container.closest('section');
    if (card) card.hidden = !division;
    ui.pickers.hidden = !usable;
    if (!usable) {
      container.dataset.state = division && !answer ? 'loading' : 'empty';
      ui.summary.textContent = division && !answer ? TEXT.loading : TEXT.undivided;
      return;
    }
    // Each option: its key in the selects, the text it shows, and the part it stands for (named by part-name.js).
    const groups = answer.groups.map((group, i) => ({ key: `g:${i}`, text: partName(group), part: { label: group.label, kind: group.kind, sections: group.sections } }));
    const sections = answer.sections.map((section, i) => ({ key: `s:${i}`, text: `${i + 1}. ${partName(section)}`, part: { label: section.label, sections: [i] } }));
    view.options = [...groups, ...sections];
    const groupLabel = division.by === 'given' ? TEXT.files : TEXT.sections;
    for (const [select, withRest] of [[ui.selectA, false], [ui.selectB, true]]) {
      select.replaceChildren(
        withRest ? h('option', { value: 'rest' }, partName(REST)) : null,
        groups.length ? h('optgroup', { label: TEXT.groups }, groups.map((o) => h('option', { value: o.key }, o.text))) : null,
        h('optgroup', { label: groupLabel }, sections.map((o) => h('option', { value: o.key }, o.text))));
    }
    // The same division again (the same text cut again, other stopwords):
    // the pair picked stays; else the default one.
    const same = view.division === JSON.stringify(division) && view.options.some((o) => o.key === view.pair[0]);
    view.division = JSON.stringify(division);
    const [a, b] = same ? view.pair : defaultPair(division, answer);
    ui.selectA.value = a;
    ui.selectB.value = b;
    load();
  }

  async function load() {
    const generation = ++view.generation;
    const part = (key) => view.options.find((o) => o.key === key)?.part ?? null;
    view.pair = [ui.selectA.value, ui.selectB.value];
    const a = part(ui.selectA.value);
    const b = ui.selectB.value === 'rest' ? null : part(ui.selectB.value);
    if (!a || !structure.division) return;
    ui.swap.disabled = !b;
    exportable(false);
    if (b && a.sections.join() === b.sections.join()) {
      ui.summary.textContent = TEXT.same;
      ui.result.hidden = true;
      ui.exports.hidden = true;
      return;
    }
    container.dataset.state = 'loading';
    ui.summary.textContent = TEXT.loading;
    try {
      const skipStopwords = client.document?.options?.stopwords ?? true;
      const answer = await client.ask({ query: 'keyness', division: structure.division, a: asked(a), b: b ? asked(b) : null, options: { minCount: 3, skipStopwords, top: 200 } });
      if (generation !== view.generation || answer.stale) return;
      Object.assign(view, { answer, a, b });
      draw(ui, answer, partName(a), partName(b ?? REST));
      exportable(true);
      container.dataset.state = 'ready';
    } catch (error) {
      if (generation !== view.generation) return;
      ui.summary.textContent = errorText(error);
      ui.result.hidden = true;
      container.dataset.state = 'error';
    }
  }

  return {
    // A new document: the structure brings its sections (or none) and fill() asks again.
    update: (state) => fill(state),
    // A switch of language: the fixed labels follow by themselves (data-i18n); the lists and the comparison, again.
    relabel: (state) => fill(state),
  };
}

/**
 * What to compare first: a speaker with the questions (王毅 and the 记者
 * group), the first two files of a corpus, else the first section and the rest.
 */
function defaultPair(division, { groups, sections }) {
  const speakers = groups.map((g, i) => ({ ...g, i })).filter((g) => g.kind === 'speaker');
  const roles = groups.map((g, i) => ({ ...g, i })).filter((g) => g.kind === 'role');
  if (speakers.length > 0) {
    const main = speakers.reduce((best, g) => (g.tokens > best.tokens ? g : best));
    const other = roles.find((g) => g.sections.join() !== main.sections.join())
      ?? speakers.find((g) => g !== main);
    return [`g:${main.i}`, other ? `g:${other.i}` : 'rest'];
  }
  // A table's rows grouped by a column: its first two groups (positive, negative).
  const given = groups.map((g, i) => ({ ...g, i })).filter((g) => g.kind === 'given');
  if (given.length > 1) return [`g:${given[0].i}`, `g:${given[1].i}`];
  if (division.by === 'given' && sections.length > 1) return ['s:0', 's:1'];
  return ['s:0', 'rest'];
}

function build(container, actions) {
  const selectA = h('select', { className: 'compare-a' });
  const selectB = h('select', { className: 'compare-b' });
  const swap = h('button', { type: 'button', className: 'button small compare-swap', ...attrs({ title: 'compare.swapTitle' }) }, '⇄', hText('span', 'compare.swap', { className: 'visually-hidden' }));
  const pickers = h('div', { className: 'compare-pickers', hidden: true },
    h('label', { className: 'compare-field' }, h('span', { className: 'compare-tag is-a' }, TEXT.a), selectA),
    swap,
    h('label', { className: 'compare-field' }, h('span', { className: 'compare-tag is-b' }, TEXT.b), selectB));
  const summary = h('p', { className: 'hint compare-summary', 'aria-live': 'polite' });
  const exports = exportButtons([['CSV', actions.csv], ['JSON', actions.json]], 'compare.exportLabel');
  exports.hidden = true;
  const result = h('div', { className: 'compare-result', hidden: true });
  container.replaceChildren(pickers, h('div', { className: 'compare-head' }, summary, exports), result, keynessHelp());
  return { selectA, selectB, swap, pickers, summary, exports, result };
}

/** A part as the core takes it: {label, sections}. */
const asked = ({ label, sections }) => ({ label, sections });

/** The comparison, its sides called `nameA` and `nameB`. */
function draw(ui, answer, nameA, nameB) {
  const { words, shared, onlyA, onlyB } = answer;
  // The sides as the core counted them, under the names the reader's language gives them.
  const a = { ...answer.a, label: nameA };
  const b = { ...answer.b, label: nameB };
  ui.summary.textContent = TEXT.summary(a, b, shared);
  ui.exports.hidden = false;
  ui.result.hidden = false;
  const moreA = words.filter((k) => k.positive);
  const moreB = words.filter((k) => !k.positive);
  ui.result.replaceChildren(
    h('div', { className: 'compare-columns' },
      side(TEXT.more(a.label), moreA, 'a', 'is-a'),
      side(TEXT.more(b.label), moreB, 'b', 'is-b')),
    h('div', { className: 'compare-columns compare-only' },
      onlyList(TEXT.only(a.label), onlyA, answer.onlyACount, 'a'),
      onlyList(TEXT.only(b.label), onlyB, answer.onlyBCount, 'b')));
}

/** One side's words: a table, the most significant first. */
function side(title, words, key, className) {
  const body = words.length === 0 ? h('p', { className: 'empty' }, TEXT.none)
    : h('div', { className: 'compare-scroll' }, h('table', { className: 'compare-table' },
      h('caption', { className: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, TEXT.columns.map((c, i) => h('th', { scope: 'col', className: i > 0 ? 'number' : undefined }, c)))),
      h('tbody', {}, words.map((k) => h('tr', { 'data-key-word': k.word },
        h('td', {}, keyWord(k, { side: key })),
        h('td', { className: 'number' }, formatInteger(k.a)),
        h('td', { className: 'number' }, formatInteger(k.b)),
        h('td', { className: 'number' }, formatLl(k.logLikelihood)),
        h('td', { className: 'number' }, formatRatio(k.logRatio)),
        h('td', { className: 'number compare-p', title: KEY_TEXT.p(k.p) }, stars(k.p) || '–'))))));
  return h('section', { className: `compare-side ${className}`, 'data-side': key }, h('h3', {}, title), body);
}

/** The words only one side uses: `total` of them, the first ONLY shown (the core lists at most its own cap). */
function onlyList(title, words, total, key) {
  return h('section', { className: 'compare-only-list', 'data-only': key },
    h('h3', {}, title, h('span', { className: 'hint' }, TEXT.kinds(Math.min(words.length, ONLY), total))),
    words.length === 0 ? h('p', { className: 'empty' }, '—')
      : h('p', { className: 'key-words' }, words.slice(0, ONLY).map((w) =>
        h('button', { type: 'button', className: 'key-word', 'data-word': w.word, 'data-side': key, title: TEXT.wordTitle(wordSaid(w.word), formatInteger(w.count)) },
          wordLabel(w.word), h('span', { className: 'key-count' }, formatInteger(w.count))))));
}

function csvRows(answer) {
  if (!answer) return [];
  return [
    ...answer.words.map((k) => [k.positive ? TEXT.moreA : TEXT.moreB, k.word, k.a, k.b, ...exportFigures(k)]),
    ...answer.onlyA.map((w) => [TEXT.onlyA, w.word, w.count, 0, '', '', '']),
    ...answer.onlyB.map((w) => [TEXT.onlyB, w.word, 0, w.count, '', '', '']),
  ];
}
