// Several files read as one text, a corpus: their texts joined in the
// textarea in the order given, a blank line between two, and each file's
// span of the joined text given to the structure as a division
// ({by: 'given'}), so that the views can compare the files.
//
// The spans hold only while the page knows every change of the text: a fix
// of the repair card (repair.js) shifts them; an edit by hand, which could
// be anywhere, drops them (the text stays, undivided).

/** Between two files' texts: a blank line, so that no sentence runs on into the next file. */
export const SEPARATOR = '\n\n';

/**
 * parts: [{label, text}] in order → {text, sections: [{label, start, end}]};
 * start and end are UTF-16 offsets of each part's text in the joined text.
 */
export function joinTexts(parts) {
  const sections = [];
  let text = '';
  parts.forEach(({ label, text: part }, i) => {
    if (i > 0) text += SEPARATOR;
    sections.push({ label, start: text.length, end: text.length + part.length });
    text += part;
  });
  return { text, sections };
}

/**
 * The spans after [start, end) of the text was replaced by `replacement`.
 * A span's end inside the replaced range moves to the range's start, a
 * start inside it to the end of the replacement: the new text belongs to
 * neither file then, which only a fix across two files could make.
 */
export function shiftSpans(sections, start, end, replacement) {
  const delta = replacement.length - (end - start);
  const after = start + replacement.length;
  const moveStart = (p) => (p <= start ? p : p >= end ? p + delta : after);
  const moveEnd = (p) => (p <= start ? p : p >= end ? p + delta : start);
  return sections.map((section) => {
    const moved = { ...section, start: moveStart(section.start), end: moveEnd(section.end) };
    if (moved.end < moved.start) moved.end = moved.start;
    return moved;
  });
}

/**
 * The corpus the text in the box is, if it is one. `structure`: the page's
 * (structure.js), which gets the division. Returns
 * {set(files), clear(), replaced(start, end, replacement), dropped(),
 *  snapshot(), restore(snapshot), active, files, sections, wasDropped}.
 * files: [{name, size, text, encoding, format, detected, replacements}].
 */
export function createCorpus(structure) {
  let state = { files: [], sections: null, dropped: false };

  const given = (sections) => ({ by: 'given', sections: sections.map(({ label, start, end }) => ({ label, start, end })) });
  // Only the corpus's own division is ever replaced here: a division the
  // user chose (chapters…) stays when a single file is opened.
  const ownsDivision = () => structure.division?.by === 'given';

  function apply(next) {
    state = next;
    if (state.sections) structure.setDivision(given(state.sections));
    else if (ownsDivision()) structure.setDivision(null);
  }

  return {
    /** Several decoded files: returns the joined text, and divides it by file. */
    set(files) {
      const { text, sections } = joinTexts(files.map((file) => ({ label: file.name, text: file.text })));
      apply({ files, sections, dropped: false });
      return text;
    },
    /** The text is no corpus (typed, one file, the sample, cleared). */
    clear() {
      apply({ files: [], sections: null, dropped: false });
    },
    /** [start, end) was replaced by `replacement` through the page (a fix): the spans follow. */
    replaced(start, end, replacement) {
      if (!state.sections) return;
      apply({ ...state, sections: shiftSpans(state.sections, start, end, replacement) });
    },
    /** The user edited the text by hand: the spans no longer hold. Returns whether there were any. */
    dropped() {
      if (!state.sections) return false;
      apply({ ...state, sections: null, dropped: true });
      return true;
    },
    /** What restore() brings back: for an undo, which puts back the text before a fix. */
    snapshot() {
      return state;
    },
    restore(snapshot) {
      apply(snapshot);
    },
    /** Whether the text is divided by file now. */
    get active() { return state.sections !== null; },
    /** The files the text was made of (also after a hand edit dropped the spans). */
    get files() { return state.files; },
    get sections() { return state.sections; },
    /** Whether a hand edit dropped the spans. */
    get wasDropped() { return state.dropped; },
  };
}
