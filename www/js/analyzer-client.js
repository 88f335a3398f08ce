// The page's side of the worker protocol (js/protocol.js).
//
// Every request is a promise that resolves with the fields of the worker's
// RESULT message and rejects with {code, message}. Analyses: one at a time
// is current; a newer one makes an older one's answer stale.
//
// The worker's session keeps the text of the last analysis and decides
// whether a text asked for again must be cut again; queries (concordance,
// collocates, …: the core's contract, ./contract/) ask about that text.
//
// The worker is disposable. When it traps (code INTERNAL) it closes
// itself; cancel() terminates it. Either way the client starts a fresh one,
// so the next request just works; onRestart tells the page a crash happened.
//
// The user's words and stopwords (configure) are remembered here and sent
// to every new worker before anything else.

import { errorText, t } from './i18n.js';
import { ErrorCode, Reply, Request } from './protocol.js';
import { encodeInSlices } from './utf8-slices.js';

/**
 * The client kept in a view's own state, typed again, so that what the view
 * asks of it is checked against the core's contract (tsc, jsconfig.json).
 * @param {any} client
 * @returns {AnalyzerClient}
 */
export const typedClient = (client) => client;

const CANCELLED = { code: ErrorCode.CANCELLED, message: 'Cancelled' };

/**
 * The worker boot.js started before the page's modules loaded (it has been
 * loading the wasm and the dictionary meanwhile), taken once; null if there
 * is none or it failed to load (a new one then reports why).
 * @returns {Worker | null}
 */
function takeEarlyWorker() {
  const early = /** @type {any} */ (globalThis).ciyanWorker;
  if (!early) return null;
  delete (/** @type {any} */ (globalThis)).ciyanWorker;
  if (!early.failedToLoad) return early;
  early.terminate();
  return null;
}

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
    /** The kept text: the session's DocumentInfo ({id, wholeId, textLength, tokens, memoryBytes}) with the page's {text, options}, or null. */
    this.document = null;
    /** The last configuration the worker accepted ({userWords, stopwords}), or null. */
    this.configuration = null;
    /** The stopword lists of the current configuration, once asked for: a promise of {words, baseWords}. */
    this.stopwords = null;
    /** The newest analyze() call's number; the one still encoding its text (0: none); the one cancelled while it did. */
    this.analyses = 0;
    this.encoding = 0;
    this.cancelledAnalysis = 0;
    /** The core's constants, once asked for: a promise. */
    this.constantsAsked = null;
    this.spawn();
  }

  spawn() {
    const worker = takeEarlyWorker() ?? new Worker(this.url, { type: 'module' });
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
    if (this.configuration) this.session({ request: 'configure', ...this.configuration }).catch(() => {});
  }

  /** Ends the current worker (whatever it is doing) and starts a new one. */
  restart() {
    this.worker?.terminate();
    this.document = null; // it was the old worker's
    this.spawn();
  }

  /**
   * Analyses `text`: the worker keeps it (cut anew only if the session
   * does not hold it already, cut the same way), limits it to
   * `options.scope`, and summarises it. Resolves with {analysis, millis}.
   * `onProgress({stage, done, total})` is called as it runs. An older
   * analysis still running resolves with {stale: true}.
   */
  async analyze(text, options = {}, onProgress = () => {}) {
    for (const request of this.pending.values()) if (request.type === Request.KEEP || request.analysis) request.stale = true;
    const analysis = ++this.analyses;
    const started = performance.now();
    const { scope = null, ...summaryOptions } = options;
    // The text goes as bytes the worker takes over: cloning a long string
    // in postMessage held the page (js/utf8-slices.js).
    this.encoding = analysis;
    const bytes = await encodeInSlices(text).finally(() => { if (this.encoding === analysis) this.encoding = 0; });
    if (this.cancelledAnalysis === analysis) throw CANCELLED;
    if (analysis !== this.analyses) return { stale: true };
    const kept = await this.request({ type: Request.KEEP, bytes, options: summaryOptions }, [bytes.buffer], onProgress);
    if (kept.stale) return kept;
    // The page's own copy of the text (views cut their context out of it), and what it was asked with.
    this.document = { ...kept.document, text, options: summaryOptions, scope };
    const scoped = await this.session({ request: 'scope', scope }, { analysis: true });
    if (scoped.stale) return scoped;
    this.document = { ...this.document, ...scoped.document };
    const summary = await this.session({ request: 'ask', query: { query: 'summary', options: summaryOptions } }, { analysis: true, onProgress });
    if (summary.stale) return summary;
    return { analysis: unpackWords(summary.reply), millis: performance.now() - started };
  }

  /**
   * Asks the kept text a question of the core's contract ({query: 'concordance', term, options}, …:
   * contract/Query.ts). Resolves with the answer, or with {stale: true} if the text, its scope or
   * its stopwords changed meanwhile (the answer no longer describes what is shown).
   * @param {import('./contract/index').QueryInput} query
   */
  async ask(query) {
    const { reply, read, stale } = await this.session({ request: 'ask', query });
    if (stale) return { stale: true };
    const current = this.document;
    return current && (read === current.id || read === current.wholeId) ? reply : { stale: true };
  }

  /**
   * The core's constants (significance levels, tag groups, limits, file
   * types): a promise, asked once (again after a failure). Needs the wasm
   * only, not the dictionary: the settings are checked with its limits
   * before the first analysis.
   */
  constants() {
    if (!this.constantsAsked) {
      const asked = this.request({ type: Request.CONSTANTS }).then(({ constants }) => constants);
      asked.catch(() => { if (this.constantsAsked === asked) this.constantsAsked = null; });
      this.constantsAsked = asked;
    }
    return this.constantsAsked;
  }

  /**
   * Gives the worker the user's words and stopwords ({userWords,
   * stopwords}, as settings.js keeps them) for every analysis from now on.
   * Resolves once the worker has them; rejects with {code, message} for a
   * bad word, and then the worker keeps what it had. The next analyze()
   * cuts the text again if the words changed (the session decides).
   */
  async configure({ userWords, stopwords }) {
    const configuration = { userWords, stopwords };
    const listChanged = JSON.stringify(stopwords) !== JSON.stringify(this.configuration?.stopwords);
    const answer = await this.session({ request: 'configure', ...configuration });
    this.configuration = configuration;
    if (listChanged) this.stopwords = null;
    // New stopwords give the kept text new ids (its queries answer otherwise).
    if (this.document && answer.document) this.document = { ...this.document, ...answer.document };
    return answer;
  }

  /**
   * Resolves with {words, baseWords}: the current stopword list, and the
   * chosen base list without the user's changes, each sorted (asked once
   * per configuration).
   */
  stopwordList() {
    if (!this.stopwords) {
      const asked = this.session({ request: 'stopwordLists' }).then(({ reply }) => reply);
      // A failure (a restart) is not kept: the next call asks again.
      asked.catch(() => { if (this.stopwords === asked) this.stopwords = null; });
      this.stopwords = asked;
    }
    return this.stopwords;
  }

  /**
   * Reads a user dictionary in jieba's format: resolves with [{word, freq, tag}], or with
   * `columns` {words, freqs, tags} (100,000 words copy from the worker in 10 ms, not 115);
   * rejects naming the bad line.
   */
  async parseUserDictionary(text, { columns = false } = {}) {
    return (await this.session({ request: 'parseUserDictionary', text, columns })).reply;
  }

  /** Writes [{word, freq?, tag?}] in jieba's format: resolves with the text. */
  async formatUserDictionary(words) {
    return (await this.session({ request: 'formatUserDictionary', words })).reply;
  }

  /** Whether a user word can take effect: resolves with {splitAt}, a character jieba's cut always splits it at, or null. */
  async checkUserWord(word) {
    return (await this.session({ request: 'checkUserWord', word })).reply;
  }

  /** Reads a stopword file (a word a line): resolves with the words. */
  async parseStopwords(text) {
    return (await this.session({ request: 'parseStopwords', text })).reply;
  }

  /**
   * A request of the core's contract (contract/Request.ts): resolves with
   * {reply, document, read} (Handled), or {stale: true} for an analysis's
   * step that a newer analysis replaced. `analysis`: it is part of an
   * analysis (a newer one makes it stale).
   */
  session(request, { analysis = false, onProgress = () => {} } = {}) {
    return this.request({ type: Request.SESSION, request }, [], onProgress, analysis);
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

  /** Stops whatever the worker is doing: every pending request rejects with code CANCELLED. */
  cancel() {
    // An analysis still encoding its text ends there.
    this.cancelledAnalysis = this.encoding;
    this.restart();
    this.rejectAll(CANCELLED);
  }

  /** Whether an analysis is running. */
  get analysing() {
    return this.encoding !== 0 || [...this.pending.values()].some((request) => (request.type === Request.KEEP || request.analysis) && !request.stale);
  }

  request(message, transfer = [], onProgress = () => {}, analysis = false) {
    const id = this.nextId++;
    if (!this.worker) this.spawn();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { type: message.type, analysis, resolve, reject, onProgress, stale: false });
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
    else if (type === Reply.RESULT) request.resolve(fields);
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

/** The summary's word list in columns (contract/WordColumns.ts) as rows again. */
function unpackWords({ words: columns, ...analysis }) {
  const { words, counts, tags } = columns;
  if (counts.length === 0) return { ...analysis, words: [] };
  const texts = words.split('\n');
  const poses = tags.split('\n');
  return { ...analysis, words: texts.map((word, i) => ({ word, count: counts[i], pos: poses[i] })) };
}
