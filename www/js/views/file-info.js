// Under the text box: which file the text came from, how it was read (its
// format, the encoding it was decoded with) and a choice of another encoding
// for when the detected one gives garbled text.

import { h } from '../dom.js';
import { formatInteger } from '../format.js';

const AUTO = ''; // the select's value for "let the core detect it"

/**
 * elements: {container, name, decoding, select, replacements}, all in
 * index.html's #file-info. onPick(encoding): the user chose an encoding
 * ('' for automatic detection).
 */
export function createFileInfo({ container, name, decoding, select, replacements }, onPick) {
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

    /** decoded: {name, text, encoding, format, detected, replacements}. */
    show(decoded) {
      name.textContent = decoded.name;
      decoding.textContent = describe(decoded);
      // A Word document has no encoding to choose.
      select.closest('label').hidden = !decoded.encoding;
      selected = decoded.detected ? AUTO : decoded.encoding;
      select.value = selected;
      replacements.hidden = !(decoded.replacements > 0);
      replacements.textContent = decoded.replacements > 0
        ? `有 ${formatInteger(decoded.replacements)} 处无法解码的字节已替换为 �，可以换一种编码试试。`
        : '';
      container.hidden = false;
    },

    hide() {
      container.hidden = true;
    },
  };
}

function describe({ format, encoding, detected }) {
  if (format === 'docx') return 'Word 文档（.docx）正文';
  const decoded = `按 ${encoding} 解码${detected ? '（自动检测）' : ''}`;
  return format === 'html' ? `网页正文（已去掉脚本和样式），${decoded}` : decoded;
}
