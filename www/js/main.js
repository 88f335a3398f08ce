// Wiring: text comes in (typed, pasted, a file, the sample, or the copy saved
// from the last visit), the worker analyses it, the dashboard shows it. The
// user's settings (settings.js: their words, stopwords, name corrections)
// go to the worker before the first analysis, and each change analyses the
// text again: a new cut for new words, a new summary for the rest.

import { AnalyzerClient } from './analyzer-client.js';
import { ErrorCode } from './protocol.js';
import { createCorpus } from './corpus.js';
import { createDashboard } from './dashboard.js';
import { createInputFold } from './fold.js';
import { setupInput } from './input.js';
import { registerServiceWorker } from './offline.js';
import { createOpenedFile } from './opened-file.js';
import { onOptionsChange, readOptions } from './options-form.js';
import { clearSavedText, loadSavedText, saveSoon, saveText } from './saved-text.js';
import { createSelection } from './selection.js';
import { currentSettings, loadSettings, onSettingsChange, settingsArePersistent } from './settings.js';
import { createStatus } from './status.js';
import { createStructure } from './structure.js';
import { createFileInfo } from './views/file-info.js';
import { applyStatic, errorText, locale, onLocaleChange, setLocale, t } from './i18n.js';
import * as lexicon from './views/lexicon.js';
import * as repair from './views/repair.js';

const $ = (id) => document.getElementById(id);
// The page's static text in the chosen language, before anything is drawn.
applyStatic();
const textarea = $('text');
const form = $('options');
const cancelButton = $('cancel');
const status = createStatus($('status'), $('error'));
// Results first: the input card folds to one line after an analysis (fold.js).
const inputFold = createInputFold({
  card: textarea.closest('.input-card'), textarea, fileInfo: $('file-info'), fileName: $('file-name'), sampleButton: $('load-sample'),
});
const client = new AnalyzerClient();
const selection = createSelection();
const structure = createStructure();
const dashboard = createDashboard($('dashboard'), { client, selection, structure });
const lexiconPanel = lexicon.create($('lexicon'), { client, selection });
// The status line keeps each message as a function that words it, so that a
// switch of language words it again (status.js).
client.onLoadError = (error) => status.error(() => errorText(error));
client.onRestart = (error) => status.error(() => errorText(error));
const openedFile = createOpenedFile(client);
const corpus = createCorpus(structure);
const fileInfo = createFileInfo(
  {
    container: $('file-info'), name: $('file-name'), decoding: $('file-decoding'), select: $('encoding'),
    replacements: $('file-replacements'), skipped: $('file-skipped'),
  },
  pickEncoding,
);
// The repair card's fixes change the text through here: the corpus's file
// boundaries follow each fix, and the fixed text is saved and analysed.
const repairPanel = repair.create($('repair'), {
  client,
  textarea,
  applyEdit(start, end, replacement) {
    const text = textarea.value;
    textarea.value = text.slice(0, start) + replacement + text.slice(end);
    corpus.replaced(start, end, replacement);
  },
  snapshot: () => ({ text: textarea.value, corpus: corpus.snapshot() }),
  restore({ text, corpus: files }) {
    textarea.value = text;
    corpus.restore(files);
  },
  commit(working) {
    keepText();
    return analyze(working);
  },
});

let latest = 0; // the newest analysis asked for; older answers are dropped

/**
 * The options of an analysis: the form's, the user's corrections of the name
 * lists, and the sections the results are limited to (structure.js), if any.
 */
function analysisOptions() {
  const scope = structure.scopeOption();
  return { ...readOptions(form), names: currentSettings().names, ...(scope && { scope }) };
}

// The scope the last analysis was asked with (JSON): a change of it (a
// section or a speaker picked, the sections of speaker mode come) summarises
// the kept text again, as a change of the settings does. Looked at once the
// structure has settled (a new division clears the scope in the same step).
let sentScope = 'null';
const scopeKey = () => JSON.stringify(structure.scopeOption() ?? null);
structure.subscribe(() => queueMicrotask(() => {
  if (scopeKey() === sentScope || !client.document || textarea.value.trim() === '') return;
  analyze(() => t('status.recount'));
}));

/** `working`: what the status line says meanwhile (words for status.js: a string, or a function that words it). */
async function analyze(working = undefined) {
  const request = ++latest;
  status.clearError();
  status.working(working);
  dashboard.busy(true);
  cancelButton.hidden = false;
  try {
    // A new text keeps the division (chapters, speakers…), but the old
    // text's sections and scope say nothing about it: asked for again.
    if (client.document && client.document.text !== textarea.value) structure.forgetSections();
    const options = analysisOptions();
    sentScope = JSON.stringify(options.scope ?? null);
    const answer = await client.analyze(textarea.value, options, status.progress);
    if (answer.stale) return;
    dashboard.show(answer.analysis);
    inputFold.analysed();
    repairPanel.update(client.document);
    status.done(answer.millis);
    if (settingsEdited && !settingsArePersistent() && !unsavedSaid) {
      unsavedSaid = true;
      status.note(() => t('status.notSaved'));
    }
  } catch (error) {
    if (request !== latest) return;
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

// The text in the box came from files: show how they were read, keep it,
// analyse it. Several files are one corpus, divided by file (corpus.js).
function useDecoded(opened) {
  const { files } = opened;
  if (files.length === 1) {
    corpus.clear();
    textarea.value = files[0].text;
  } else {
    textarea.value = corpus.set(files);
  }
  listEncodings();
  fileInfo.show(opened);
  inputFold.fromFiles(files.map((file) => file.name));
  keepText();
  return analyze();
}

let fileRequest = 0; // the newest files (or encoding) asked for
async function whileCurrent(decoding, describeFailure) {
  const request = ++fileRequest;
  status.clearError();
  try {
    const opened = await decoding;
    if (request === fileRequest) await useDecoded(opened);
  } catch (error) {
    if (request !== fileRequest || error.code === ErrorCode.CANCELLED) return;
    // The text in the box stays as it was.
    status.error(() => describeFailure(error));
  }
}

// Several files dropped or chosen at once are read as one corpus, in the
// order given; a file that cannot be read is named, the others are used.
function openFiles(files) {
  return whileCurrent(openedFile.open(files), (error) => {
    const failed = error.failed ?? [{ ...error, name: files[0].name }];
    if (failed.length === 1) return t('file.cannotOpen', failed[0].name, errorText(failed[0]));
    return t('file.cannotOpenSeveral', failed.map((f) => ({ name: f.name, message: errorText(f) })));
  });
}

// Another encoding for the file (or for file `index` of a corpus): its bytes decoded again.
function pickEncoding(encoding, index) {
  return whileCurrent(openedFile.redecode(encoding, index), errorText);
}

// Text that replaced the whole box no longer comes from the last file.
function forgetFile() {
  ++fileRequest;
  openedFile.forget();
  corpus.clear();
  fileInfo.hide();
}

function clearText() {
  ++latest; // an analysis still running now answers no one
  if (client.analysing) client.cancel();
  forgetFile();
  textarea.value = '';
  repairPanel.update(null);
  clearSavedText();
  status.clear();
  dashboard.busy(false);
  dashboard.empty();
  cancelButton.hidden = true;
  textarea.focus();
}

const input = setupInput(
  { textarea, openButton: $('open-file'), fileInput: $('file-input'), sampleButton: $('load-sample'), overlay: $('drop-overlay') },
  {
    onText({ replaced }) {
      if (replaced) forgetFile();
      keepText();
      return analyze();
    },
    onFiles: openFiles,
    onError: (message) => status.error(message),
  },
);
$('analyze').addEventListener('click', () => analyze());
$('clear').addEventListener('click', clearText);
cancelButton.addEventListener('click', () => client.cancel());
onOptionsChange(form, () => analyze());

/** Keeps the text in the box now, with its files' spans if it is a corpus (saved-text.js). */
function keepText() {
  return saveText(textarea.value, corpus.sections);
}

// Typing is saved once it pauses, and at once when the page is hidden (a
// closed tab, a switch to another app) so that the last words are not lost.
textarea.addEventListener('input', () => {
  // A hand edit could be anywhere: the files' boundaries no longer hold (and are not kept).
  if (corpus.dropped()) fileInfo.corpusDropped();
  saveSoon(textarea.value, corpus.sections);
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') saveSoon.flush();
});

// The encodings to offer come from the core. Asked once; again if that
// request was lost to a cancel or a crash.
let encodingsListed = null;
function listEncodings() {
  encodingsListed ??= client.encodings().then(
    ({ encodings }) => fileInfo.setEncodings(encodings),
    () => { encodingsListed = null; },
  );
}
listEncodings();

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

// When storage fails, the analysis after a change says so, once.
let settingsEdited = false;
let unsavedSaid = false;

onSettingsChange(async (settings, changed) => {
  settingsEdited = true;
  const words = changed.has('userWords');
  const applied = !(words || changed.has('stopwords')) || await configureWorker(settings);
  if (applied && textarea.value.trim() !== '') await analyze(() => t(words ? 'status.resegment' : 'status.recount'));
  // What the panel asks the worker (the stopword list) waits for the
  // analysis: asked before, it would hold up the cut.
  lexiconPanel.update();
});

// The text of the last visit, else the sample (the first visit, or after 清除).
async function start() {
  const [{ text: saved, sections }, settings] = await Promise.all([loadSavedText(), loadSettings()]);
  // Sent before the first analysis; the worker takes requests in order.
  configureWorker(settings);
  lexiconPanel.draw();
  if (textarea.value !== '') return; // the user was quicker
  if (saved.trim() === '') {
    inputFold.fromSample();
    return input.loadSample();
  }
  textarea.value = saved;
  // A corpus is divided by file again (the files themselves are not kept: no encoding menus).
  if (sections) corpus.restore({ files: [], sections, dropped: false });
  return analyze();
}

// The interface language: the header's switch (i18n.js). A switch writes
// the static text again and redraws every view with the analysis shown (a
// view that draws from a query asks it again; nothing is analysed again).
const localeButtons = [...document.querySelectorAll('.locale-switch [data-locale]')];
function markLocale() {
  for (const button of localeButtons) button.setAttribute('aria-pressed', String(button.dataset.locale === locale()));
}
markLocale();
for (const button of localeButtons) button.addEventListener('click', () => setLocale(button.dataset.locale));
onLocaleChange(() => {
  applyStatic();
  markLocale();
  status.relabel();
  fileInfo.relabel();
  dashboard.relabel();
  lexiconPanel.relabel();
});

// The offline copy is made once the first analysis is on screen, so that
// its downloads never delay that.
start().finally(() => {
  lexiconPanel.update();
  registerServiceWorker();
});
