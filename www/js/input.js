// Getting text in: paste, drop a file anywhere on the page, open a file, or
// load the sample. Pasted text and the sample go into the text box (or are
// held beside it when too long for one: text-box.js), then an analysis is
// asked for; files go to onFiles, which decodes them (in the
// worker) and leaves the current text as it is if the file is refused.

import { debounce } from './dom.js';
import { t } from './i18n.js';
import { BOX_LIMIT } from './text-box.js';

const SAMPLE_URL = 'samples/wangyi-press-conference-2024-03-07.txt';
const PASTE_DELAY = 300;

/**
 * elements: {box (text-box.js), openButton, fileInput, sampleButton, overlay}
 * onText({replaced}): the box holds new text to analyse; `replaced`:
 *   all of it is new (the sample, a paste outside the box).
 * onFiles(files): the Files the user dropped or opened (at least one).
 * onError(words): the message for the user, a sentence or a function that
 * gives it in the current language (status.js says it again after a switch).
 * Returns {loadSample}: resolves once the sample's analysis has ended.
 */
export function setupInput({ box, openButton, fileInput, sampleButton, overlay }, { onText, onFiles, onError }) {
  const { textarea } = box;
  const afterPaste = debounce(onText, PASTE_DELAY);

  // Paste in the textarea: analyse once the pasted text has landed. A text
  // too long for the box (an entire book, a pasted image's base64) replaces
  // the text, held beside the box: the browser would freeze inserting it.
  textarea.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text.length <= BOX_LIMIT) {
      afterPaste({ replaced: false });
      return;
    }
    event.preventDefault();
    box.value = text;
    afterPaste({ replaced: true });
  });
  // Ctrl+Enter (⌘+Enter on a Mac) in the textarea is the 分析 button.
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    afterPaste.cancel();
    onText({ replaced: false });
  });

  // Paste anywhere else on the page (not in another field) replaces the text.
  document.addEventListener('paste', (event) => {
    if (event.target === textarea || isEditable(event.target)) return;
    const text = event.clipboardData?.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    box.value = text;
    afterPaste({ replaced: true });
  });

  // Drop a file anywhere: the overlay shows while a file is dragged over the
  // page. Counting enters and leaves copes with the events child elements fire.
  let depth = 0;
  const showOverlay = (shown) => { overlay.hidden = !shown; };
  window.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth += 1;
    showOverlay(true);
  });
  window.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', (event) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) showOverlay(false);
  });
  window.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault(); // else the browser opens the file instead
    depth = 0;
    showOverlay(false);
    if (event.dataTransfer.files.length > 0) onFiles([...event.dataTransfer.files]);
  });

  openButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    if (fileInput.files.length > 0) onFiles([...fileInput.files]);
    fileInput.value = ''; // so that choosing the same file again still reads it
  });

  async function loadSample() {
    try {
      const response = await fetch(SAMPLE_URL);
      if (!response.ok) throw new Error(String(response.status));
      // The file opens with blank lines; they would only push the text out of view.
      box.value = (await response.text()).trimStart();
    } catch {
      onError(() => t('input.sampleFailed')); // words again after a switch of language
      return;
    }
    afterPaste.cancel();
    return onText({ replaced: true });
  }
  sampleButton.addEventListener('click', loadSample);

  return { loadSample };
}

const hasFiles = (event) => Boolean(event.dataTransfer && [...event.dataTransfer.types].includes('Files'));

function isEditable(target) {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}
