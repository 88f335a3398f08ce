// The text's structure: how it is divided into sections (chapters, speaker
// turns, paragraphs, equal parts, or the files of a corpus), the sections
// the worker found, and the scope: the sections every view is limited to.
// One piece of page state, like selection.js: views set it and follow it.
//
// division: a protocol division ({by: 'chapter'} …, see protocol.js), or
//   null: the whole text, undivided.
// sections: the worker's SECTIONS answer for it ({division, sections,
//   groups}), or null until it comes.
// scope: {label, sections: [index]} or null (the whole text). In speaker
//   mode the page always sends a scope (every turn, when no speaker is
//   picked), so that the labels (王毅：) are never counted as words.
// within: {word, label, ranges: [{start, end}]} or null: the concordance of
//   `word` limited to those ranges (UTF-16, whole text), as the compare
//   view sets it when a word of one part is clicked; other words ignore it.

export function createStructure() {
  let state = { division: null, sections: null, scope: null, within: null };
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
      state = { division, sections: null, scope: null, within: null };
      notify(['division', 'sections', 'scope', 'within']);
    },
    /** A new text: the division stays, but its sections (asked for again) and the scope were the old text's. */
    forgetSections() {
      if (!state.sections && !state.scope && !state.within) return;
      state = { ...state, sections: null, scope: null, within: null };
      notify(['sections', 'scope', 'within']);
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
