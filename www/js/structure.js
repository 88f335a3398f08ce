// The text's structure: how it is divided into sections (headings, speaker
// turns, paragraphs, equal parts, or the files of a corpus), the sections
// the worker found, and the scope: the sections every view is limited to.
// One piece of page state, like selection.js: views set it and follow it.
//
// division: a protocol division ({by: 'chapter'}, {by: 'pattern', pattern}
//   (a heading pattern of the user's, as the core reads it) …, see protocol.js), or
//   null: the whole text, undivided.
// sections: the worker's SECTIONS answer for it ({division, sections,
//   groups}), or null until it comes.
// scope: {label, sections: [index]} or null (the whole text). In speaker
//   mode the page always sends a scope (every turn, when no speaker is
//   picked), so that the labels (王毅：) are never counted as words.
// within: {word, label, ranges: [{start, end}]} or null: the concordance of
//   `word` limited to those ranges (UTF-16, whole text), as the compare
//   view sets it when a word of one part is clicked; other words ignore it.

/**
 * Whether `after` is another text than `before` rather than `before`
 * edited (typos mended, a repair, a line added): less than half of the
 * longer of the two is shared, both as the run they share at their start
 * and end (a text of one long line) and as their lines (edits here and there).
 */
export function isNewText(before, after) {
  if (before === after) return false;
  const half = Math.max(before.length, after.length) / 2;
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let end = 0;
  while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end += 1;
  if (start + end >= half) return false;
  const lines = new Set(before.split('\n'));
  const sharedLines = after.split('\n').reduce((sum, line) => sum + (line && lines.has(line) ? line.length + 1 : 0), 0);
  return sharedLines < half;
}

export function createStructure() {
  let state = { division: null, sections: null, scope: null, within: null };
  // A divided text was replaced by another: its division is to follow the new text's suggestion.
  let followSuggestion = false;
  const listeners = new Set();
  const notify = (changed) => { for (const listener of listeners) listener(state, changed); };

  return {
    get division() { return state.division; },
    get sections() { return state.sections; },
    get scope() { return state.scope; },
    get within() { return state.within; },
    /** The ANALYZE option: {division, sections} or undefined (the whole text). */
    scopeOption() {
      const { division, sections, scope } = state;
      if (!division) return undefined;
      if (scope) return { division, sections: scope.sections };
      if (division.by === 'speaker' && sections) {
        return { division, sections: sections.sections.map((_, i) => i) };
      }
      return undefined;
    },
    /** A new division (null: none); the sections, the scope and the within go with the old one. */
    setDivision(division) {
      followSuggestion = false;
      state = { division, sections: null, scope: null, within: null };
      notify(['division', 'sections', 'scope', 'within']);
    },
    /** An edited text: the division stays, but its sections (asked for again) and the scope were the old text's. */
    forgetSections() {
      if (!state.sections && !state.scope && !state.within) return;
      state = { ...state, sections: null, scope: null, within: null };
      notify(['sections', 'scope', 'within']);
    },
    /**
     * The text `before` is now `after`. Edited, it keeps its division (its
     * sections and scope are asked for again). Another text (opened, pasted,
     * the sample) is not divided as the last one was chosen to be: it is
     * undivided until its own suggestion comes, which a text that was
     * divided then takes (views/sections.js asks takeSuggestion()). A
     * corpus's division by file is the corpus's (corpus.js sets it).
     */
    textChanged(before, after) {
      if (before === after) return;
      const another = Boolean(state.division) && state.division.by !== 'given' && isNewText(before, after);
      if (!another && !state.sections && !state.scope && !state.within) return;
      const changed = another ? ['division', 'sections', 'scope', 'within'] : ['sections', 'scope', 'within'];
      state = { division: another ? null : state.division, sections: null, scope: null, within: null };
      if (another) followSuggestion = true;
      notify(changed);
    },
    /** Whether the division is to follow the suggestion for the text now analysed; asked once for it. */
    takeSuggestion() {
      const follow = followSuggestion;
      followSuggestion = false;
      return follow;
    },
    /** The worker's answer for the current division. */
    setSections(sections) {
      state = { ...state, sections };
      notify(['sections']);
    },
    /** Limits every view to `scope` ({label, sections}), or to nothing (null). */
    setScope(scope) {
      state = { ...state, scope };
      notify(['scope']);
    },
    /** Limits the concordance of `within.word` to `within.ranges` ({word, label, ranges}), or not (null). */
    setWithin(within) {
      state = { ...state, within };
      notify(['within']);
    },
    /** Calls `listener(state, changed)` on every change; returns a function that stops it. */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
