// Getting text in: paste, drop a file anywhere on the page, open a file, or
// load the sample. Each way puts the text in the textarea and then asks for
// an analysis; a file that is not UTF-8 leaves the current text as it is.

import { debounce } from './dom.js';

const SAMPLE_URL = 'samples/wangyi-press-conference-2024-03-07.txt';
// The core refuses texts over 64 MB; reading a far bigger file into the
// textarea first would only freeze the page.
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const PASTE_DELAY = 300;

/**
 * elements: {textarea, openButton, fileInput, sampleButton, overlay}
 * onText(): the textarea holds new text to analyse.
 * onError(message): a Chinese sentence for the user.
 * Returns {loadSample}.
 */
export function setupInput({ textarea, openButton, fileInput, sampleButton, overlay }, { onText, onError }) {
  const afterPaste = debounce(onText, PASTE_DELAY);

  // Paste in the textarea: analyse once the pasted text has landed.
  textarea.addEventListener('paste', () => afterPaste());
  // Ctrl+Enter (⌘+Enter on a Mac) in the textarea is the 分析 button.
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    afterPaste.cancel();
    onText();
  });

  // Paste anywhere else on the page (not in another field) replaces the text.
  document.addEventListener('paste', (event) => {
    if (event.target === textarea || isEditable(event.target)) return;
    const text = event.clipboardData?.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    textarea.value = text;
    afterPaste();
  });

  async function readFile(file) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      onError(`文件「${file.name}」太大（${(file.size / 1e6).toFixed(1)} MB），超过了 64 MB 的上限：请分成几部分分析。`);
      return;
    }
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      onError(`无法读取「${file.name}」：它不是 UTF-8 编码的文本。目前只支持 UTF-8，GBK、Big5 等其他编码暂不支持，请先用文本编辑器另存为 UTF-8。`);
      return;
    }
    textarea.value = text;
    afterPaste.cancel();
    onText();
  }

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
    readFile(event.dataTransfer.files[0]);
  });

  openButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    readFile(fileInput.files[0]);
    fileInput.value = ''; // so that choosing the same file again still reads it
  });

  async function loadSample() {
    try {
      const response = await fetch(SAMPLE_URL);
      if (!response.ok) throw new Error(String(response.status));
      // The file opens with blank lines; they would only push the text out of view.
      textarea.value = (await response.text()).trimStart();
    } catch {
      onError('无法加载示例文本，请刷新页面再试。');
      return;
    }
    afterPaste.cancel();
    onText();
  }
  sampleButton.addEventListener('click', loadSample);

  return { loadSample };
}

const hasFiles = (event) => Boolean(event.dataTransfer && [...event.dataTransfer.types].includes('Files'));

function isEditable(target) {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}
