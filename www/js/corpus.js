// Several files read as one text, a corpus: their texts joined in the
// textarea in the order given, a blank line between two, and each file's
// span of the joined text given to the structure as a division
// ({by: 'given'}), so that the views can compare the files.
//
// The spans hold only while the page knows every change of the text: a fix
// of the repair card (repair.js) shifts them; an edit by hand, which could
// be anywhere, drops them (the text stays, undivided).
//
// A table (a CSV of posts or reviews, decoded by the core with its cells) is
// a corpus too: each row a document, its text from the text column; rows
// are sections, or runs of rows with one value in another column (a date),
// and a third column (a label) may name each section's group, which the
// comparison sets against another (positive against negative reviews).

/** Between two files' texts: a blank line, so that no sentence runs on into the next file. */
export const SEPARATOR = '\n\n';

/**
 * parts: [{label, text, group?}] in order → {text, sections: [{label,
 * start, end, group?}]}; start and end are UTF-16 offsets of each part's
 * text in the joined text.
 */
export function joinTexts(parts) {
  const sections = [];
  let text = '';
  parts.forEach(({ label, text: part, group }, i) => {
    if (i > 0) text += SEPARATOR;
    sections.push({ label, start: text.length, end: text.length + part.length, ...(group !== undefined && { group }) });
    text += part;
  });
  return { text, sections };
}

/** A table's rows of no text (an empty text cell) are no documents. */
const hasText = (row, column) => (row[column] ?? '').trim() !== '';

/**
 * The columns to read a table by, as the page first offers them: the text
 * column the core found; sections by a column of dates if there is one
 * (a trend over time), else each row; groups by the column with the fewest
 * values (2 to 12) that repeat, as a label or a rating does.
 * table: {columns, rows, textColumn} → {text, sections, groups}: column
 * indices, sections and groups null for each row and no groups.
 */
export function defaultTableChoice({ columns, rows, textColumn }) {
  const others = columns.map((_, i) => i).filter((i) => i !== textColumn);
  const values = (i) => rows.filter((row) => hasText(row, textColumn)).map((row) => (row[i] ?? '').trim());
  const isDate = (value) => /^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2})?/.test(value);
  const dates = others.find((i) => { const v = values(i); return v.length > 0 && v.every(isDate); });
  let groups = null;
  let fewest = Infinity;
  for (const i of others) {
    const v = values(i);
    const distinct = new Set(v).size;
    if (distinct >= 2 && distinct <= 12 && distinct < v.length && distinct < fewest && i !== dates) {
      groups = i;
      fewest = distinct;
    }
  }
  return { text: textColumn, sections: dates ?? null, groups };
}

/**
 * The parts of a table read by `choice` ({text, sections, groups}: column
 * indices, see defaultTableChoice): one per row with text, or per run of
 * rows with one value in the sections column (and one group); a row's
 * label is its value in the first column whose values are all different
 * (an id), else its number.
 */
export function tableParts({ columns, rows }, { text, sections, groups }) {
  const withText = rows.map((row, i) => ({ row, number: i + 1 })).filter(({ row }) => hasText(row, text));
  const cell = (row, i) => (row[i] ?? '').trim();
  const idColumn = columns.map((_, i) => i)
    .find((i) => i !== text && new Set(withText.map(({ row }) => cell(row, i))).size === withText.length && withText.every(({ row }) => cell(row, i) !== ''));
  const parts = [];
  for (const { row, number } of withText) {
    const label = sections !== null ? cell(row, sections) : idColumn !== undefined ? cell(row, idColumn) : String(number);
    const group = groups !== null ? cell(row, groups) : undefined;
    const last = parts.at(-1);
    if (sections !== null && last && last.label === label && last.group === group) {
      last.text += SEPARATOR + cell(row, text);
    } else {
      parts.push({ label, text: cell(row, text), ...(group !== undefined && { group }) });
    }
  }
  return parts;
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
 * files: [{name, size, text, encoding, format, detected, replacements, table}].
 */
export function createCorpus(structure) {
  let state = { files: [], sections: null, dropped: false };

  const given = (sections) => ({
    by: 'given',
    sections: sections.map(({ label, start, end, group }) => ({ label, start, end, ...(group !== undefined && { group }) })),
  });
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
    /**
     * A table (a decoded file with its `table`) read by `choice` (see
     * defaultTableChoice): returns the joined text of its rows, divided
     * by row (or run of rows), each section with its group.
     */
    setTable(file, choice) {
      const { text, sections } = joinTexts(tableParts(file.table, choice));
      apply({ files: [file], sections, dropped: false });
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
