// Under the text box: which file the text came from, how it was read (its
// format, the encoding it was decoded with) and a choice of another encoding
// for when the detected one gives garbled text. For several files (a
// corpus, corpus.js): their names, and each file's size, decoding and
// encoding choice in a compact list. For a table (CSV, TSV, JSON Lines):
// the columns it is read by (table-chooser.js).

import { h } from '../dom.js';
import { formatInteger } from '../format.js';
import { errorText, texts } from '../i18n.js';
import { createTableChooser } from '../table-chooser.js';

export const id = 'file-info';
// file: {files, failed, dropped, table} (file-flow.js), or null; encodings: the core's list.
export const needs = ['file', 'encodings'];

const AUTO = ''; // the select's value for "let the core detect it"

// The strings: the catalogs' file.* entries (js/messages/).
const TEXT = texts('file');

const kilo = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
function formatSize(bytes) {
  if (bytes < 1024) return TEXT.bytes(bytes);
  if (bytes < 1024 * 1024) return `${kilo.format(bytes / 1024)} KB`;
  return `${kilo.format(bytes / 1024 / 1024)} MB`;
}

/**
 * `container`: index.html's #file-info, with #file-name, #file-decoding,
 * #encoding, #file-replacements and #file-skipped. pickEncoding(encoding,
 * index): the user chose an encoding ('' for automatic detection) for file
 * `index` (0 for a single file). chooseColumns(choice): other columns for a
 * table.
 */
export function create(container, { pickEncoding, chooseColumns }) {
  const part = (id) => container.querySelector(`#${id}`);
  const info = createFileInfo({
    container, name: part('file-name'), decoding: part('file-decoding'), select: part('encoding'),
    replacements: part('file-replacements'), skipped: part('file-skipped'),
  }, pickEncoding, chooseColumns);
  let shown = null; // the state's file as shown
  return {
    update({ file, encodings }, changed) {
      if (changed.has('encodings')) info.setEncodings(encodings);
      if (!changed.has('file')) return;
      if (!file) info.hide();
      // The same files, now with their boundaries dropped by a hand edit.
      else if (file.dropped && shown?.files === file.files) info.corpusDropped();
      else {
        info.show(file);
        if (file.dropped) info.corpusDropped();
      }
      shown = file;
    },
    relabel: () => info.relabel(),
  };
}

function createFileInfo({ container, name, decoding, select, replacements, skipped }, onPick, onChoose) {
  select.addEventListener('change', () => onPick(select.value, 0));
  const chooser = createTableChooser((choice) => onChoose?.(choice));
  let selected = AUTO; // kept for when the list arrives after a file was shown
  let encodings = []; // the core's, once listed
  let files = []; // the corpus's, as shown
  let lastShown = null; // {files, failed, dropped}: for a switch of language
  const options = () => [h('option', { value: AUTO }, TEXT.autoDetect), ...encodings.map((e) => h('option', { value: e }, e))];
  const picked = (file) => (file.detected ? AUTO : file.encoding);
  const list = h('ul', { className: 'corpus-files', 'aria-label': TEXT.filesLabel, hidden: true });
  name.closest('.file-source').after(list, chooser.element);

  function showFailures(failed) {
    skipped.hidden = failed.length === 0;
    // Each failure in the user's language, from its code and details.
    skipped.textContent = failed.length === 0 ? '' : TEXT.failed(failed.map((f) => ({ name: f.name, message: errorText(f) })));
  }

  function showOne(decoded) {
    name.textContent = decoded.name;
    decoding.textContent = describe(decoded);
    // A Word document has no encoding to choose.
    select.closest('label').hidden = !decoded.encoding;
    selected = decoded.detected ? AUTO : decoded.encoding;
    select.value = selected;
    replacements.hidden = !(decoded.replacements > 0);
    replacements.textContent = decoded.replacements > 0 ? describeReplacements(decoded) : '';
    files = [];
    list.hidden = true;
    list.replaceChildren();
  }

  /** A select of the encodings for one file of a corpus. */
  function encodingSelect(file, index) {
    const pick = h('select', { className: 'corpus-encoding', 'aria-label': TEXT.encodingOf(file.name) }, ...options());
    pick.value = picked(file);
    pick.addEventListener('change', () => onPick(pick.value, index));
    return pick;
  }

  function showCorpus(shown) {
    files = shown;
    // A pick redraws the list: the focus stays on that file's select.
    const focused = [...list.querySelectorAll('select')].indexOf(document.activeElement);
    name.textContent = TEXT.corpusName(files.map((file) => file.name));
    decoding.textContent = TEXT.corpusDivided;
    // Each file has its own encoding: picked in the list, file by file.
    select.closest('label').hidden = true;
    replacements.hidden = true;
    replacements.textContent = '';
    list.replaceChildren(...files.map((file, index) => h('li', {},
      h('span', { className: 'corpus-file-name' }, file.name), ' ',
      h('span', { className: 'corpus-file-detail' },
        [formatSize(file.size), describe(file), file.replacements > 0 ? TEXT.replaced(file.replacements) : null]
          .filter(Boolean).join(' · ')),
      // A Word document has no encoding to choose.
      file.encoding ? encodingSelect(file, index) : null)));
    list.hidden = false;
    if (focused >= 0) list.children[focused]?.querySelector('select')?.focus();
  }

  return {
    /** The encodings the user may pick, as the core lists them. */
    setEncodings(listed) {
      encodings = listed;
      select.replaceChildren(...options());
      select.value = selected;
      for (const pick of list.querySelectorAll('select')) {
        const file = files[[...list.children].indexOf(pick.closest('li'))];
        pick.replaceChildren(...options());
        pick.value = picked(file);
      }
    },

    /**
     * files: [{name, size, text, encoding, format, detected, replacements}]
     * (one, or several: a corpus); failed: [{name, message}], the files
     * that could not be read; table: the columns a table is read by.
     */
    show({ files, failed = [], table = null }) {
      lastShown = { files, failed, table };
      if (files.length === 1) showOne(files[0]);
      else showCorpus(files);
      if (table) chooser.show(table);
      else chooser.hide();
      container.classList.remove('is-dropped');
      showFailures(failed);
      container.hidden = false;
    },

    /** A hand edit dropped the corpus's division: the names stay, the line says so. */
    corpusDropped() {
      if (lastShown) lastShown.dropped = true;
      decoding.textContent = TEXT.corpusDropped;
      container.classList.add('is-dropped');
    },

    hide() {
      lastShown = null;
      container.hidden = true;
    },

    /** Shows what it shows again, in the language switched to. */
    relabel() {
      list.setAttribute('aria-label', TEXT.filesLabel);
      chooser.relabel();
      const options = select.options;
      if (options.length) options[0].textContent = TEXT.autoDetect;
      if (!lastShown) return;
      const { dropped } = lastShown;
      this.show(lastShown);
      if (dropped) this.corpusDropped();
    },
  };
}

function describeReplacements({ encoding, detected, replacements }) {
  const count = formatInteger(replacements);
  // Detected as UTF-8 despite them: a damaged UTF-8 file, not another encoding.
  if (encoding === 'UTF-8' && detected) return TEXT.damagedUtf8(count);
  return TEXT.undecodable(count);
}

function describe({ format, encoding, detected }) {
  if (format === 'docx') return TEXT.docx;
  const decoded = TEXT.decodedAs(encoding, detected);
  if (format === 'html') return TEXT.html(decoded);
  if (format === 'markdown') return TEXT.markdown(decoded);
  if (format === 'subtitles') return TEXT.subtitles(decoded);
  if (format === 'table') return TEXT.table(decoded);
  return decoded;
}
