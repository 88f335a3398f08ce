// Files into the text box: one file or several dropped or opened (several
// are one corpus, divided by file: corpus.js), read by the worker
// (opened-file.js), shown under the box (the state's `file`, drawn by
// views/file-info.js), another encoding picked for one of them, and the
// encodings the core offers (the state's `encodings`).

import { ErrorCode } from './protocol.js';
import { errorText, t } from './i18n.js';
import { createOpenedFile } from './opened-file.js';

/**
 * {client, corpus, registry, status, inputFold, textarea}; `useText()`: the
 * box holds the files' text, to be kept and analysed (resolves once
 * analysed). Returns {open(files), pickEncoding(encoding, index), forget(),
 * handEdited()}.
 */
export function createFileFlow({ client, corpus, registry, status, inputFold, textarea }, useText) {
  const openedFile = createOpenedFile(client);
  let request = 0; // the newest files (or encoding) asked for

  // The text in the box came from files: show how they were read, keep it, analyse it.
  function useDecoded({ files, failed = [] }) {
    if (files.length === 1) {
      corpus.clear();
      textarea.value = files[0].text;
    } else {
      textarea.value = corpus.set(files);
    }
    listEncodings();
    registry.set({ file: { files, failed, dropped: false } });
    inputFold.fromFiles(files.map((file) => file.name));
    return useText();
  }

  async function whileCurrent(decoding, describeFailure) {
    const asked = ++request;
    status.clearError();
    try {
      const opened = await decoding;
      if (asked === request) await useDecoded(opened);
    } catch (error) {
      if (asked !== request || error.code === ErrorCode.CANCELLED) return;
      // The text in the box stays as it was.
      status.error(() => describeFailure(error));
    }
  }

  // The encodings to offer come from the core. Asked once; again if that
  // request was lost to a cancel or a crash.
  let encodingsListed = null;
  function listEncodings() {
    encodingsListed ??= client.encodings().then(
      ({ encodings }) => registry.set({ encodings }),
      () => { encodingsListed = null; },
    );
  }
  listEncodings();

  return {
    // Several files dropped or chosen at once are read as one corpus, in the
    // order given; a file that cannot be read is named, the others are used.
    open(files) {
      return whileCurrent(openedFile.open(files), (error) => {
        const failed = error.failed ?? [{ ...error, name: files[0].name }];
        if (failed.length === 1) return t('file.cannotOpen', failed[0].name, errorText(failed[0]));
        return t('file.cannotOpenSeveral', failed.map((f) => ({ name: f.name, message: errorText(f) })));
      });
    },
    /** Another encoding for the file (or for file `index` of a corpus): its bytes decoded again. */
    pickEncoding(encoding, index) {
      return whileCurrent(openedFile.redecode(encoding, index), errorText);
    },
    /** Text that replaced the whole box no longer comes from the last files. */
    forget() {
      ++request;
      openedFile.forget();
      corpus.clear();
      registry.set({ file: null });
    },
    /** A hand edit could be anywhere: the files' boundaries no longer hold (and are not kept). */
    handEdited() {
      const { file } = registry.state;
      if (corpus.dropped() && file) registry.set({ file: { ...file, dropped: true } });
    },
  };
}
