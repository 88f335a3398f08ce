// The file the text came from. The core decodes its bytes (it detects the
// encoding and the format: plain text, a web page, a Word document); the
// bytes stay here so that the user can pick another encoding and decode the
// same bytes again.

// The core refuses files over 64 MiB; reading a far bigger file into memory
// only to be told so would freeze the page first.
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Returns {open(file), redecode(encoding), forget()}. open and redecode
 * resolve with {name, text, encoding, format, detected, replacements} and
 * reject with the core's {code, message}; a refused file leaves the file
 * before it current.
 */
export function createOpenedFile(client) {
  let current = null; // {name, bytes}

  async function decode(file, encoding) {
    // The worker takes the bytes it is sent; a copy keeps ours usable.
    const { decoded } = await client.decode(file.bytes.slice(0), file.name, encoding);
    return { name: file.name, ...decoded };
  }

  return {
    async open(file) {
      if (file.size > MAX_FILE_BYTES) {
        throw {
          code: 'file-too-large',
          message: `文件太大（${(file.size / 1024 / 1024).toFixed(1)} MB），超过了 64 MB 的上限：请分成几部分分析。`,
        };
      }
      const opened = { name: file.name, bytes: await file.arrayBuffer() };
      const decoded = await decode(opened);
      current = opened;
      return decoded;
    },
    /** Decodes the current file again; `encoding` '' or undefined: detect it. */
    redecode(encoding) {
      if (!current) return Promise.reject({ code: 'no-file', message: '没有打开的文件。' });
      return decode(current, encoding || undefined);
    },
    /** The text no longer comes from the file: drop its bytes. */
    forget() {
      current = null;
    },
  };
}
