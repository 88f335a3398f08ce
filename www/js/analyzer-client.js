// The page's side of the worker protocol (js/protocol.js).
//
// Every request is a promise that resolves with the fields of the worker's
// RESULT message and rejects with {code, message}. Analyses: one at a time
// is current; a newer one makes an older one's answer stale.
//
// The worker keeps the document of the last analysis. Analysing the same
// text again with options that only filter or rank (stopwords, how many
// keywords) asks it for a new summary of that document instead of a new
// cut; queries (concordance, collocates, …) ask about that document.
//
// The worker is disposable. When it traps (code INTERNAL) it closes
// itself; cancel() terminates it. Either way the client starts a fresh one,
// so the next request just works; onRestart tells the page a crash happened.
//
// The user's words and stopwords (configure) are remembered here and sent
// to every new worker before anything else. A document cut before the
// user's words changed is cut again, never summarised.

import { errorText, t } from './i18n.js';
import { ErrorCode, Reply, Request } from './protocol.js';

const CANCELLED = { code: ErrorCode.CANCELLED, message: 'Cancelled' };

export class AnalyzerClient {
  constructor(url = new URL('../worker.js', import.meta.url)) {
    this.url = url;
    this.nextId = 1;
    this.pending = new Map();
    /** Called with {code, message} when the worker could not load. */
    this.onLoadError = null;
    /** Called with {code, message} after a crashed worker was replaced. */
    this.onRestart = null;
    this.worker = null;
    /** The kept document: {id, text, hmm, options, textLength, tokens, dictionary}, or null. */
    this.document = null;
    /** The last configuration the worker accepted ({userWords, stopwords}), or null. */
    this.configuration = null;
    /** Counts the changes of the user's words: a document records the count it was cut with. */
    this.dictionary = 0;
    /** The stopword lists of the current configuration, once asked for: a promise of {words, baseWords}. */
    this.stopwords = null;
    this.spawn();
  }

  spawn() {
    const worker = new Worker(this.url, { type: 'module' });
    worker.onmessage = (event) => { if (worker === this.worker) this.receive(event.data); };
    // An uncaught error in the worker: its script failed to load (missing,
    // or broken), since the handlers catch everything else. A failed load:
    // the pending requests fail and the next request tries a new worker.
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker !== this.worker) return;
      this.crashed(null, { code: ErrorCode.INTERNAL, message: event.message || t('error.unknown') });
    };
    this.worker = worker;
    // A new worker starts with jieba's own words and list: the user's come
    // first, before any request that would cut or summarise.
    if (this.configuration) this.request({ type: Request.CONFIGURE, ...this.configuration }).catch(() => {});
  }

  /** Ends the current worker (whatever it is doing) and starts a new one. */
  restart() {
    this.worker?.terminate();
    this.document = null; // it was the old worker's
    this.spawn();
  }

  /**
   * Analyses `text`. Resolves with {analysis, millis}. `onProgress({stage,
   * done, total})` is called as it runs. An older analysis still running
   * resolves with {stale: true}.
   */
  async analyze(text, options = {}, onProgress = () => {}) {
    for (const request of this.pending.values()) if (isAnalysis(request.type)) request.stale = true;
    const hmm = options.hmm ?? true;
    const { dictionary } = this;
    if (this.document && this.document.text === text && this.document.hmm === hmm && this.document.dictionary === dictionary) {
      try {
        const answer = await this.request({ type: Request.SUMMARIZE, options }, [], onProgress);
        // A new scope gives the document a new id (its queries answer otherwise).
        if (!answer.stale) this.document = { ...this.document, options, id: answer.documentId ?? this.document.id };
        return answer;
      } catch (error) {
        if (error.code !== ErrorCode.NO_DOCUMENT) throw error;
        // The worker lost it (a restart): cut again.
      }
    }
    const answer = await this.request({ type: Request.ANALYZE, text, options }, [], onProgress);
    if (!answer.stale) this.document = { ...answer.document, text, hmm, options, dictionary };
    return answer;
  }

  /**
   * Gives the worker the user's words and stopwords ({userWords,
   * stopwords}, as settings.js keeps them) for every analysis from now on.
   * Resolves once the worker has them; rejects with {code, message} for a
   * bad word, and then the worker keeps what it had. The next analyze()
   * of the same text cuts it again if the words changed, else summarises.
   */
  async configure({ userWords, stopwords }) {
    const configuration = { userWords, stopwords };
    const wordsChanged = JSON.stringify(userWords) !== JSON.stringify(this.configuration?.userWords ?? []);
    const listChanged = JSON.stringify(stopwords) !== JSON.stringify(this.configuration?.stopwords);
    const answer = await this.request({ type: Request.CONFIGURE, ...configuration });
    this.configuration = configuration;
    if (listChanged) this.stopwords = null;
    // Counted once the worker took them: a document cut from now on has them.
    if (wordsChanged) this.dictionary += 1;
    // New stopwords give the kept document a new id (its queries answer otherwise).
    if (this.document && answer.documentId !== null) this.document = { ...this.document, id: answer.documentId };
    return answer;
  }

  /**
   * Resolves with {words, baseWords}: the current stopword list, and the
   * chosen base list without the user's changes, each sorted (asked once
   * per configuration).
   */
  stopwordList() {
    if (!this.stopwords) {
      const asked = this.request({ type: Request.STOPWORD_LIST }).then(({ words, baseWords }) => ({ words, baseWords }));
      // A failure (a restart) is not kept: the next call asks again.
      asked.catch(() => { if (this.stopwords === asked) this.stopwords = null; });
      this.stopwords = asked;
    }
    return this.stopwords;
  }

  /** Reads a user dictionary in jieba's format: resolves with [{word, freq, tag}]; rejects naming the bad line. */
  async parseUserDictionary(text) {
    return (await this.request({ type: Request.PARSE_USER_DICTIONARY, text })).words;
  }

  /** Writes [{word, freq?, tag?}] in jieba's format: resolves with the text. */
  async formatUserDictionary(words) {
    return (await this.request({ type: Request.FORMAT_USER_DICTIONARY, words })).text;
  }

  /** Reads a stopword file (a word a line): resolves with the words. */
  async parseStopwords(text) {
    return (await this.request({ type: Request.PARSE_STOPWORDS, text })).words;
  }

  /**
   * Asks the kept document `query` (a Query of protocol.js) with `args`.
   * Resolves with the answer, or with {stale: true} if a newer analysis
   * replaced the document meanwhile.
   */
  async query(query, ...args) {
    const asked = this.document?.id;
    const { answer, documentId } = await this.request({ type: Request.QUERY, query, args });
    return documentId === asked && documentId === this.document?.id ? answer : { stale: true };
  }

  /**
   * Decodes a file's bytes (an ArrayBuffer, transferred: it is unusable here
   * afterwards). `encoding` forces one; without it the core detects it.
   * Resolves with {decoded: {text, encoding, format, detected, replacements}}.
   */
  decode(bytes, name, encoding) {
    return this.request({ type: Request.DECODE, bytes, name, encoding }, [bytes]);
  }

  /** Resolves with {encodings: [name, …]}: the encodings a user may pick. */
  encodings() {
    return this.request({ type: Request.ENCODINGS });
  }

  /** Test hook: makes the Rust code trap, as a bug would. */
  crash() {
    return this.request({ type: Request.CRASH });
  }

  /** Stops whatever the worker is doing: every pending request rejects with code CANCELLED. */
  cancel() {
    this.restart();
    this.rejectAll(CANCELLED);
  }

  /** Whether an analysis is running. */
  get analysing() {
    return [...this.pending.values()].some((request) => isAnalysis(request.type) && !request.stale);
  }

  request(message, transfer = [], onProgress = () => {}) {
    const id = this.nextId++;
    if (!this.worker) this.spawn();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { type: message.type, resolve, reject, onProgress, stale: false });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  receive(message) {
    if (message.id === null) {
      if (message.type === Reply.ERROR) this.crashed(null, message);
      return;
    }
    const request = this.pending.get(message.id);
    if (!request) return;
    if (message.type === Reply.PROGRESS) {
      if (!request.stale) request.onProgress(message);
      return;
    }
    if (message.type === Reply.ERROR && message.code === ErrorCode.INTERNAL) {
      this.crashed(message.id, message);
      return;
    }
    this.pending.delete(message.id);
    const { type, id, ...fields } = message;
    if (request.stale) request.resolve({ stale: true });
    else if (type === Reply.RESULT) request.resolve(fields.analysis ? { ...fields, analysis: unpackWords(fields.analysis) } : fields);
    else request.reject({ code: message.code, message: message.message, details: message.details });
  }

  /**
   * The worker is gone (it closes itself after reporting a trap) or never
   * loaded (`id` null). Every pending request fails: the new worker never
   * saw them. A crash on a request starts a fresh worker at once, so the
   * dictionary is loaded again by the time the user retries; a failed load
   * waits for the next request, so that a broken deploy does not loop.
   */
  crashed(id, failure) {
    const { message } = failure;
    if (id === null) {
      // A failure the catalogs word (the dictionary could not be fetched) in the user's language.
      const error = { code: ErrorCode.INTERNAL, message: t('error.startFailed', failure.code === ErrorCode.INTERNAL ? message : errorText(failure)) };
      this.worker.terminate();
      this.worker = null;
      this.rejectAll(error);
      this.onLoadError?.(error);
      return;
    }
    this.restart();
    // The worker sends the panic's message (from the core's panic hook):
    // worth quoting in a bug report, so it is kept after the sentence.
    const error = { code: ErrorCode.INTERNAL, message: t('error.restarted', message) };
    this.rejectAll(error);
    this.onRestart?.(error);
  }

  rejectAll(error) {
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }
}

const isAnalysis = (type) => type === Request.ANALYZE || type === Request.SUMMARIZE;

/** The worker's word list in columns (worker.js packWords) as rows again. */
function unpackWords({ packedWords, ...analysis }) {
  const { words, counts, tags } = packedWords;
  if (counts.length === 0) return { ...analysis, words: [] };
  const texts = words.split('\n');
  const poses = tags.split('\n');
  return { ...analysis, words: texts.map((word, i) => ({ word, count: counts[i], pos: poses[i] })) };
}
