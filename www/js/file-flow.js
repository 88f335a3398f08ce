// Files into the text box: one file or several dropped or opened (several
// are one corpus, divided by file: corpus.js), read by the worker
// (opened-file.js), shown under the box (the state's `file`, drawn by
// views/file-info.js), another encoding picked for one of them, and the
// encodings the core offers (the state's `encodings`). A table (CSV, TSV,
// JSON Lines) is a corpus of its rows, read by the columns the user picks
// (corpus.js).

import { ErrorCode } from './protocol.js';
import { errorText, t } from './i18n.js';
import { defaultTableChoice } from './corpus.js';
import { createOpenedFile } from './opened-file.js';

/**
 * {client, corpus, registry, status, inputFold, box (text-box.js)}; `useText()`: the
 * box holds the files' text, to be kept and analysed (resolves once
 * analysed). Returns {open(files), pickEncoding(encoding, index),
 * chooseColumns(choice), forget(), handEdited()}.
 */
export function createFileFlow({ client, corpus, registry, status, inputFold, box }, useText) {
  const openedFile = createOpenedFile(client);
  let request = 0; // the newest files (or encoding) asked for

  // The text in the box came from files: show how they were read, keep it, analyse it.
  // One table is read by the columns picked for it (the same ones again when
  // it is decoded again in another encoding), else by those first offered.
  function useDecoded({ files, failed = [] }, choice = null) {
    const [first] = files;
    let table = null;
    if (files.length === 1 && first.table) {
      const { columns, rows } = first.table;
      const kept = registry.state.file?.table;
      const same = kept && kept.name === first.name && kept.columns.join('\t') === columns.join('\t');
      const picked = choice ?? (same ? kept.choice : defaultTableChoice(first.table));
      table = { name: first.name, columns, rows: rows.length, choice: picked };
      box.value = corpus.setTable(first, picked);
    } else if (files.length === 1) {
      corpus.clear();
      box.value = first.text;
    } else {
      box.value = corpus.set(files);
    }
    listEncodings();
    registry.set({ file: { files, failed, dropped: false, table } });
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
    /**
     * Other columns for the table: choice {text, sections, groups} (column
     * indices; sections and groups may be null): the text is made again
     * from its rows and analysed.
     */
    chooseColumns(choice) {
      const { file } = registry.state;
      if (!file?.table) return Promise.resolve();
      ++request;
      status.clearError();
      return useDecoded(file, choice);
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
