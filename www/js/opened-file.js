// The files the text came from. The core decodes their bytes (it detects
// the encoding and the format: plain text, a web page, a Word document);
// the bytes stay here so that the user can pick another encoding for a
// file and decode the same bytes again.

import { t } from './i18n.js';
import { ErrorCode } from './protocol.js';

/**
 * Returns {open(files), redecode(encoding, index), forget()}. Both resolve with
 * {files: [decoded], failed: [{name, code, message}]}, decoded: {name,
 * size, text, encoding, format, detected, replacements}, the files in the
 * order given. Each file is decoded on its own: one refused file leaves the
 * others usable. When none can be read they reject with the core's {code,
 * message} (and `names`: the files), and the file before stays current.
 */
export function createOpenedFile(client) {
  // The files read: [{name, bytes, decoded}], and those that could not be.
  let current = { files: [], failed: [] };
  const answer = () => ({ files: current.files.map((file) => file.decoded), failed: current.failed });

  async function decode(file, encoding) {
    // The worker takes the bytes it is sent; a copy keeps ours usable.
    const { decoded } = await client.decode(file.bytes.slice(0), file.name, encoding);
    return { name: file.name, size: file.bytes.byteLength, ...decoded };
  }

  // The core's limit of a file, checked against the file's size before its
  // bytes are read: reading a far bigger file into memory only to be told
  // so would freeze the page first. Worded as the core's own refusal is.
  async function readFile(file) {
    const { limits } = await client.constants();
    if (file.size > limits.fileBytes) {
      throw { code: 'file-too-large', message: 'file too large', details: { bytes: file.size, limit: limits.fileBytes } };
    }
    return { name: file.name, bytes: await file.arrayBuffer() };
  }

  return {
    async open(files) {
      const read = [];
      const failed = [];
      // One at a time: the worker decodes in order anyway, and only one
      // file's bytes are copied to it at once.
      for (const file of files) {
        try {
          const opened = await readFile(file);
          read.push({ ...opened, decoded: await decode(opened) });
        } catch (error) {
          // A cancel (or a crash) stops the whole opening.
          if (error.code === ErrorCode.CANCELLED || error.code === ErrorCode.INTERNAL) throw error;
          failed.push({ name: file.name, code: error.code, message: error.message, details: error.details });
        }
      }
      if (read.length === 0) {
        const [first] = failed;
        throw { ...first, names: failed.map((f) => f.name), failed };
      }
      current = { files: read, failed };
      return answer();
    },
    /**
     * Decodes file `index` (of those read) again, the others as they were;
     * `encoding` '' or undefined: detect it.
     */
    async redecode(encoding, index = 0) {
      const asked = current;
      const file = asked.files[index];
      if (!file) throw { code: 'no-file', message: t('file.noFile') };
      const decoded = await decode(file, encoding || undefined);
      const swap = (state) => ({ ...state, files: state.files.map((f, i) => (i === index ? { ...f, decoded } : f)) });
      const sameFiles = current.files.length === asked.files.length && current.files.every((f, i) => f.bytes === asked.files[i].bytes);
      // Other files opened meanwhile stay current (the page drops this answer).
      if (!sameFiles) return { files: swap(asked).files.map((f) => f.decoded), failed: asked.failed };
      current = swap(current); // with what another file's new encoding gave meanwhile
      return answer();
    },
    /** The text no longer comes from the files: drop their bytes. */
    forget() {
      current = { files: [], failed: [] };
    },
  };
}
