// The text to analyse: in the text box while it is small enough to edit
// there; a longer one (a big file, a big paste, the kept text of the last
// visit) is held here and shown as its size and first lines instead. The
// browser lays out the whole of a text box at every change: 3 million
// characters cost it a second of a frozen page, 7 million four (measured
// on a 2-core machine), while the analysis itself runs in the worker.
// The user may still put a held text in the box to edit it (编辑), and be
// told it may be slow.

import { h } from './dom.js';
import { formatInteger } from './format.js';
import { hText, onLocaleChange, t } from './i18n.js';

/** The longest text (UTF-16 units) the text box is given: about 0.1 s of layout. */
export const BOX_LIMIT = 200_000;
/** What is shown of a held text: its first lines, up to this many characters. */
const PREVIEW_CHARS = 1_000;
const PREVIEW_LINES = 12;

/** The first lines of `text`, cut without reading further than it shows. */
export function previewOf(text) {
  const head = text.slice(0, PREVIEW_CHARS);
  const lines = head.replace(/\n\s*\n(\s*\n)+/g, '\n\n').split('\n').slice(0, PREVIEW_LINES).join('\n');
  return lines.length < text.length ? `${lines}…` : lines;
}

/**
 * `textarea`: the page's #text. Returns {value (get and set: the text,
 * wherever it is), held (whether it is held rather than in the box),
 * textarea}.
 */
export function createTextBox(textarea) {
  let held = null;
  const size = h('p', { className: 'held-text-size' });
  const start = h('pre', { className: 'held-text-start', tabIndex: 0 });
  const edit = hText('button', 'input.heldEdit', { type: 'button', className: 'button small held-text-edit' });
  const panel = h('div', { className: 'held-text', hidden: true }, size, start, edit);
  textarea.after(panel);

  const describe = () => { if (held !== null) size.textContent = t('input.held', formatInteger(held.length)); };
  onLocaleChange(describe);

  function show(text) {
    held = text;
    textarea.value = '';
    textarea.hidden = true;
    panel.hidden = false;
    start.textContent = previewOf(text);
    describe();
  }
  function release() {
    held = null;
    panel.hidden = true;
    textarea.hidden = false;
  }

  // The user asked to edit it: into the box, whatever it costs.
  edit.addEventListener('click', () => {
    const text = held;
    release();
    textarea.value = text;
    textarea.focus();
  });

  return {
    get value() { return held ?? textarea.value; },
    set value(text) {
      if (text.length > BOX_LIMIT) show(text);
      else {
        release();
        textarea.value = text;
      }
    },
    get held() { return held !== null; },
    textarea,
  };
}
