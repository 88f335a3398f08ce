// Under the name of a table file (views/file-info.js): which column holds
// the text, how the rows are divided into sections (each row, or runs of
// rows with one value in a column, such as a date), and which column's
// values group them for a comparison (a label: positive against negative).
// A change reads the table again (file-flow.js chooseColumns).

import { h } from './dom.js';
import { texts } from './i18n.js';

// The strings: the catalogs' table.* entries (js/messages/).
const TEXT = texts('table');
const NONE = ''; // a select's value for "each row" or "no groups"

/**
 * onChoose({text, sections, groups}): column indices, sections and groups
 * null for each row and no groups. Returns {element, show(table), hide(),
 * relabel()}; table: the file state's {columns, rows, choice}.
 */
export function createTableChooser(onChoose) {
  const text = h('select', { className: 'table-text' });
  const sections = h('select', { className: 'table-sections' });
  const groups = h('select', { className: 'table-groups' });
  const caption = h('p', { className: 'hint table-caption' });
  const labels = [h('span', {}), h('span', {}), h('span', {})];
  const element = h('div', { className: 'table-chooser', hidden: true },
    caption,
    h('label', { className: 'table-field' }, labels[0], ' ', text),
    h('label', { className: 'table-field' }, labels[1], ' ', sections),
    h('label', { className: 'table-field' }, labels[2], ' ', groups));
  let shown = null;

  const index = (select) => (select.value === NONE ? null : Number(select.value));
  for (const select of [text, sections, groups]) {
    select.addEventListener('change', () => onChoose({ text: Number(text.value), sections: index(sections), groups: index(groups) }));
  }

  function draw(table) {
    const { columns, rows, choice } = table;
    const name = (column, i) => column || TEXT.column(i + 1);
    const options = (first) => [
      ...(first ? [h('option', { value: NONE }, first)] : []),
      ...columns.map((column, i) => h('option', { value: String(i) }, name(column, i))),
    ];
    caption.textContent = TEXT.caption(rows, columns.length);
    [labels[0].textContent, labels[1].textContent, labels[2].textContent] = [TEXT.text, TEXT.sections, TEXT.groups];
    text.replaceChildren(...options(null));
    sections.replaceChildren(...options(TEXT.eachRow));
    groups.replaceChildren(...options(TEXT.noGroups));
    text.value = String(choice.text);
    sections.value = choice.sections === null ? NONE : String(choice.sections);
    groups.value = choice.groups === null ? NONE : String(choice.groups);
  }

  return {
    element,
    show(table) {
      shown = table;
      draw(table);
      element.hidden = false;
    },
    hide() {
      shown = null;
      element.hidden = true;
    },
    /** The same choice, in the language switched to. */
    relabel() {
      if (shown) draw(shown);
    },
  };
}
