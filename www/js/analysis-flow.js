// The way of the text: it comes in (typed, pasted, files, the sample, or
// the copy saved from the last visit), the worker analyses it, the results
// show it (dashboard.js). The user's settings (settings.js: their words,
// stopwords, name corrections) go to the worker before the first analysis,
// and each change analyses the text again: a new cut for new words, a new
// summary for the rest; so does a change of the scope (structure.js).

import { createCorpus } from './corpus.js';
import { createFileFlow } from './file-flow.js';
import { createInputFold } from './fold.js';
import { errorText, t } from './i18n.js';
import { setupInput } from './input.js';
import { createTextBox } from './text-box.js';
import { onOptionsChange, readOptions, usePosGroups } from './options-form.js';
import { ErrorCode, Stage } from './protocol.js';
import {
  clearSavedText, loadSavedText, markAnalysed, markAnalysing, saveSoon, saveText,
} from './saved-text.js';
import { currentSettings, loadSettings, onSettingsChange, settingsArePersistent } from './settings.js';

/**
 * {client, structure, status, dashboard, registry} and the input card's
 * elements (index.html). Returns {editor, pickEncoding, chooseColumns, start()}: what the
 * repair and file cards may do (context of view-registry.js), and the first
 * text's analysis.
 */
export function createAnalysisFlow({ client, structure, status, dashboard, registry }) {
  const $ = (id) => document.getElementById(id);
  const textarea = $('text');
  // The text, in the box or held beside it when too long for one (text-box.js).
  const box = createTextBox(textarea);
  const form = $('options');
  const cancelButton = $('cancel');
  // Results first: the input card folds to one line after an analysis (fold.js).
  const inputFold = createInputFold({
    card: textarea.closest('.input-card'), textarea, text: () => box.value, fileInfo: $('file-info'), fileName: $('file-name'), sampleButton: $('load-sample'),
  });
  client.onLoadError = (error) => status.error(() => errorText(error));
  client.onRestart = (error) => status.error(() => errorText(error));
  const corpus = createCorpus(structure);
  const files = createFileFlow({ client, corpus, registry, status, inputFold, box }, () => {
    keepText();
    return analyze();
  });

  let latest = 0; // the newest analysis asked for; older answers are dropped
  // When storage fails, the analysis after a change says so, once.
  let settingsEdited = false;
  let unsavedSaid = false;

  // The keyword filter's tag groups are the core's: known before the first
  // analysis reads a remembered choice of them. Asked at once; again if that
  // request was lost (a cancel, a worker that could not load).
  let posGroupsKnown = false;
  let textBytes = Infinity; // the core's limit of one text (its constants), once known
  let posGroupsAsked = null;
  const knowPosGroups = () => {
    posGroupsAsked ??= client.constants().then(({ posGroups, limits }) => {
      usePosGroups(posGroups);
      textBytes = limits.textBytes;
      posGroupsKnown = true;
    }, (error) => {
      posGroupsAsked = null;
      throw error;
    });
    return posGroupsAsked;
  };
  knowPosGroups().catch(() => {});

  /**
   * The options of an analysis: the form's, the user's corrections of the name
   * lists, and the sections the results are limited to (structure.js), if any.
   */
  function analysisOptions() {
    const scope = structure.scopeOption();
    return { ...readOptions(form), names: currentSettings().names, ...(scope && { scope }) };
  }

  // The scope the last analysis was asked with (JSON): a change of it (a
  // section or a speaker picked, the sections of speaker mode come)
  // summarises the kept text again, as a change of the settings does.
  // Looked at once the structure has settled (a new division clears the
  // scope in the same step).
  let sentScope = 'null';
  const scopeKey = () => JSON.stringify(structure.scopeOption() ?? null);
  structure.subscribe(() => queueMicrotask(() => {
    if (scopeKey() === sentScope || !client.document || box.value.trim() === '') return;
    analyze(() => t('status.recount'));
  }));

  /** `working`: what the status line says meanwhile (words for status.js: a string, or a function that words it). */
  async function analyze(working = undefined) {
    const request = ++latest;
    // Marked until it is drawn: a text that hangs or crashes the tab is not
    // analysed again by the next visit without asking.
    markAnalysing();
    status.clearError();
    status.working(working);
    dashboard.busy(true);
    cancelButton.hidden = false;
    try {
      // The old text's sections and scope say nothing about this one: asked
      // for again; another text drops the division chosen for the last one.
      if (client.document) structure.textChanged(client.document.text, box.value);
      if (!posGroupsKnown) {
        // The core says them once it has loaded (the wasm and the dictionary): the line says so meanwhile.
        status.progress({ stage: Stage.LOADING });
        // 取消 meanwhile cancels the analysis; another failure is the analysis's to say.
        await knowPosGroups().catch((error) => { if (error.code === ErrorCode.CANCELLED) throw error; });
      }
      const options = analysisOptions();
      sentScope = JSON.stringify(options.scope ?? null);
      const answer = await client.analyze(box.value, options, status.progress);
      if (answer.stale) return;
      dashboard.show(answer.analysis, client.document).then(() => { if (request === latest) markAnalysed(); });
      inputFold.analysed();
      status.done(answer.millis);
      if (settingsEdited && !settingsArePersistent() && !unsavedSaid) {
        unsavedSaid = true;
        status.note(() => t('status.notSaved'));
      }
    } catch (error) {
      if (request !== latest) return;
      markAnalysed(); // it ended: the next visit may analyse the text again
      if (error.code === ErrorCode.CANCELLED) status.cancelled();
      else status.error(() => errorText(error));
      // The results on screen no longer describe the text.
      dashboard.stale();
    } finally {
      if (request === latest) {
        dashboard.busy(false);
        // Hiding the focused 取消 would drop the focus to the page's top.
        if (document.activeElement === cancelButton) $('analyze').focus();
        cancelButton.hidden = true;
      }
    }
  }

  function clearText() {
    ++latest; // an analysis still running now answers no one
    if (client.analysing) client.cancel();
    files.forget();
    box.value = '';
    clearSavedText();
    status.clear();
    dashboard.busy(false);
    dashboard.empty();
    cancelButton.hidden = true;
    textarea.focus();
  }

  /** The names of the files the text in the box came from ([] for a typed or pasted one). */
  const fileNames = () => registry.state.file?.files?.map((file) => file.name) ?? [];

  /**
   * Keeps the text in the box now, with its files' spans if it is a corpus,
   * and their names (saved-text.js). A text the core will refuse as too
   * long (more UTF-16 units than its limit of UTF-8 bytes: certainly over)
   * is not kept: every later visit would load it for nothing; the text
   * kept before stays.
   */
  function keepText() {
    if (box.value.length > textBytes) return Promise.resolve();
    return saveText(box.value, corpus.sections, fileNames());
  }

  const input = setupInput(
    { box, openButton: $('open-file'), fileInput: $('file-input'), sampleButton: $('load-sample'), overlay: $('drop-overlay') },
    {
      onText({ replaced }) {
        if (replaced) files.forget();
        keepText();
        return analyze();
      },
      onFiles: (list) => files.open(list),
      onError: (message) => status.error(message),
    },
  );
  $('analyze').addEventListener('click', () => analyze());
  $('clear').addEventListener('click', clearText);
  cancelButton.addEventListener('click', () => client.cancel());
  onOptionsChange(form, () => analyze());

  // Typing is saved once it pauses, and at once when the page is hidden (a
  // closed tab, a switch to another app) so that the last words are not lost.
  textarea.addEventListener('input', () => {
    files.handEdited();
    saveSoon(box.value, corpus.sections, fileNames());
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saveSoon.flush();
  });

  // The user's words and stopwords, to the worker. Resolves false (and says
  // why) if it refused them: it then keeps what it had.
  async function configureWorker(settings) {
    try {
      await client.configure(settings);
      return true;
    } catch (error) {
      if (error.code !== ErrorCode.CANCELLED) status.error(() => t('status.settingsFailed', errorText(error)));
      return false;
    }
  }
  // The worker took the settings (and the analysis after them ended): what it lists from them may differ.
  const configured = () => registry.set({ configuration: registry.state.configuration + 1 });

  onSettingsChange(async (settings, changed) => {
    registry.set({ settings });
    settingsEdited = true;
    const words = changed.has('userWords');
    const applied = !(words || changed.has('stopwords')) || await configureWorker(settings);
    if (applied && box.value.trim() !== '') await analyze(() => t(words ? 'status.resegment' : 'status.recount'));
    // What the lexicon asks the worker (the stopword list) waits for the
    // analysis: asked before, it would hold up the cut.
    configured();
  });

  return {
    // What the repair card's fixes do to the text: the corpus's file
    // boundaries follow each fix, and the fixed text is saved and analysed.
    editor: {
      textarea,
      /** The text, wherever it is (the repair card compares it with the one it found its flaws in). */
      text: () => box.value,
      applyEdit(start, end, replacement) {
        const text = box.value;
        box.value = text.slice(0, start) + replacement + text.slice(end);
        corpus.replaced(start, end, replacement);
      },
      snapshot: () => ({ text: box.value, corpus: corpus.snapshot() }),
      restore({ text, corpus: snapshot }) {
        box.value = text;
        corpus.restore(snapshot);
      },
      commit(working) {
        keepText();
        return analyze(working);
      },
    },
    pickEncoding: (encoding, index) => files.pickEncoding(encoding, index),
    chooseColumns: (choice) => files.chooseColumns(choice),

    /**
     * Analyses the text of the last visit, else the sample (the first visit,
     * or after 清除); resolves once the first analysis has ended.
     */
    async start() {
      const [{ text: saved, sections, fileNames: names, unfinished }, settings] = await Promise.all([loadSavedText(), loadSettings()]);
      registry.set({ settings });
      // Sent before the first analysis; the worker takes requests in order.
      configureWorker(settings);
      try {
        if (box.value !== '') return; // the user was quicker
        if (saved.trim() === '') {
          inputFold.fromSample();
          await input.loadSample();
          return;
        }
        box.value = saved;
        // A corpus is divided by file again (the files themselves are not kept: no encoding menus).
        if (sections) corpus.restore({ files: [], sections, dropped: false });
        if (names.length > 0) inputFold.fromFiles(names);
        if (unfinished) {
          // The last visit hung or crashed on this text: the text is kept,
          // and the user chooses (分析 again, or 清除) with the page answering.
          dashboard.empty();
          status.error(() => t('status.unfinished'));
          return;
        }
        await analyze();
      } finally {
        configured();
      }
    },
  };
}
