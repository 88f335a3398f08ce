// Under the text box: which file the text came from, how it was read (its
// format, the encoding it was decoded with) and a choice of another encoding
// for when the detected one gives garbled text.

import { h } from '../dom.js';
import { formatInteger } from '../format.js';

const AUTO = ''; // the select's value for "let the core detect it"

/**
 * elements: {container, name, decoding, select, replacements, skipped}, all
 * in index.html's #file-info. onPick(encoding): the user chose an encoding
 * ('' for automatic detection).
 */
export function createFileInfo({ container, name, decoding, select, replacements, skipped }, onPick) {
  select.addEventListener('change', () => onPick(select.value));
  let selected = AUTO; // kept for when the list arrives after a file was shown

  return {
    /** The encodings the user may pick, as the core lists them. */
    setEncodings(encodings) {
      select.replaceChildren(
        h('option', { value: AUTO }, '自动检测'),
        ...encodings.map((encoding) => h('option', { value: encoding }, encoding)),
      );
      select.value = selected;
    },

    /**
     * decoded: {name, text, encoding, format, detected, replacements}.
     * `notOpened`: the names of other files dropped with it, which were not read.
     */
    show(decoded, notOpened = []) {
      name.textContent = decoded.name;
      decoding.textContent = describe(decoded);
      // A Word document has no encoding to choose.
      select.closest('label').hidden = !decoded.encoding;
      selected = decoded.detected ? AUTO : decoded.encoding;
      select.value = selected;
      replacements.hidden = !(decoded.replacements > 0);
      replacements.textContent = decoded.replacements > 0 ? describeReplacements(decoded) : '';
      skipped.hidden = notOpened.length === 0;
      skipped.textContent = notOpened.length === 0 ? ''
        : `一次只分析一个文件：已打开「${decoded.name}」，没有打开其余 ${formatInteger(notOpened.length)} 个（${notOpened.map((n) => `「${n}」`).join('、')}）。`;
      container.hidden = false;
    },

    hide() {
      container.hidden = true;
    },
  };
}

function describeReplacements({ encoding, detected, replacements }) {
  const count = formatInteger(replacements);
  // Detected as UTF-8 despite them: a damaged UTF-8 file, not another encoding.
  if (encoding === 'UTF-8' && detected) return `文件中有 ${count} 处损坏的字节，已替换为 �；其余文字照常分析。`;
  return `有 ${count} 处无法解码的字节已替换为 �，可以换一种编码试试。`;
}

function describe({ format, encoding, detected }) {
  if (format === 'docx') return 'Word 文档（.docx）正文';
  const decoded = `按 ${encoding} 解码${detected ? '（自动检测）' : ''}`;
  return format === 'html' ? `网页正文（已去掉脚本和样式），${decoded}` : decoded;
}
