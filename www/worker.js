// The analysis worker: owns the one wasm instance, loads it once, keeps the
// document of the last analysis and answers the page's requests, so that the
// page never blocks. The messages are those of js/protocol.js.
//
// An analysis cuts its text a piece at a time and lets other messages in
// between pieces, so that a quick question (a concordance, a decode) is not
// stuck behind a long cut, and a newer analysis stops an older one.
//
// The core throws {code, message, details} for what the user can fix; the
// message is English, and the page says it in the user's language from the
// code and the details (js/messages/). The worker's own errors are alike.
// Anything else (a trap: a Rust panic, out of memory) leaves the wasm instance broken, so
// the worker reports it with code INTERNAL and closes itself; the page then
// starts a fresh worker.

import init, {
  Analyzer, baseStopwordList, crashForTesting, decode, formatUserDictionary, lastPanic, parseStopwordList, parseUserDictionary, supportedEncodings,
} from './pkg/ciyan.js';
import { ErrorCode, Query, Reply, Request, Stage } from './js/protocol.js';

let analyzer = null;
// One load of each, shared: a request that arrives while the wasm or the
// dictionary is still loading waits for that load instead of starting a
// second one (init() itself does not guard against two concurrent calls: it
// would fetch and compile twice).
let wasmReady = null;
let wasmLoaded = false;
let analyzerReady = null;

/** The document of the last finished analysis: {document, hmm, id}. */
let kept = null;
/** The last document id given: a document gets a new one when its stopwords change. */
let documentIds = 0;
/** The newest analysis asked for: an older one stops at its next piece. */
let newestAnalysis = 0;
/** The user's words and stopwords the analyzer has (as JSON, to skip a repeat). */
const configured = { userWords: '[]', stopwords: null };

/** The wasm module: all that decoding a file needs. */
function loadWasm() {
  wasmReady ??= init().then(() => {
    wasmLoaded = true;
  });
  return wasmReady;
}

/**
 * The analyzer: the wasm and the dictionary file (pkg/ciyan.dict, 3.7 MB,
 * 1.8 MB as the server compresses it), fetched side by side.
 */
function loadAnalyzer(id) {
  if (analyzer) return Promise.resolve(analyzer);
  self.postMessage({ type: Reply.PROGRESS, id, stage: Stage.LOADING, done: 0, total: 1 });
  analyzerReady ??= Promise.all([loadWasm(), fetchDictionary()]).then(([, bytes]) => {
    analyzer = new Analyzer(bytes);
    return analyzer;
  });
  return analyzerReady;
}

async function fetchDictionary() {
  let response;
  try {
    response = await fetch(new URL('./pkg/ciyan.dict', import.meta.url));
  } catch {
    response = null;
  }
  if (!response || !response.ok) {
    // Retried with the next request, not remembered as a failure.
    analyzerReady = null;
    throw { code: ErrorCode.DICTIONARY_UNAVAILABLE, message: 'the dictionary file could not be loaded' };
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Lets the messages that arrived meanwhile run (a task, not a 4 ms timer). */
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToMessages = () => new Promise((resolve) => {
  waiting.push(resolve);
  channel.port2.postMessage(null);
});

// What each request does once the wasm (and, but for NEEDS_ONLY_WASM, the
// dictionary) is loaded; each returns the fields of its RESULT message.
const HANDLERS = {
  async [Request.ANALYZE](a, { id, text, options = {} }) {
    const started = performance.now();
    const analysis = ++newestAnalysis;
    const hmm = options.hmm ?? true;
    // Search and full mode read the text a second time in the summary.
    const passes = (options.mode ?? 'precise') === 'precise' ? 1 : 2;
    const cut = a.startDocument(text, hmm);
    try {
      while (!cut.done) {
        const { stage, done, total } = cut.step();
        self.postMessage({ type: Reply.PROGRESS, id, stage, done, total: total * passes });
        await yieldToMessages();
        if (analysis !== newestAnalysis) {
          throw { code: ErrorCode.SUPERSEDED, message: 'a newer analysis replaced this one' };
        }
      }
      keep(a, cut.finish(), hmm);
      setScope(a, options.scope);
    } finally {
      try {
        cut.free();
      } catch {
        // A trap broke the instance; the error on its way says so.
      }
    }
    return { ...summarize(a, id, options, started), document: describeDocument() };
  },
  [Request.SUMMARIZE](a, { id, options = {} }) {
    if (!kept || kept.hmm !== (options.hmm ?? true)) throw noDocument();
    setScope(a, options.scope);
    return { ...summarize(a, id, options, performance.now()), documentId: kept.id };
  },
  [Request.QUERY](a, { query, args = [] }) {
    if (!kept) throw noDocument();
    if (!Object.values(Query).includes(query)) {
      throw { code: ErrorCode.BAD_REQUEST, message: `no such query: ${query}` };
    }
    // Questions about the text's structure are about the whole text; the
    // rest about the scope, if there is one.
    // A concordance within given spans (one side of a comparison) reads the
    // whole text too: the spans may lie outside the scope.
    const within = query === Query.CONCORDANCE && args[1]?.within?.length > 0;
    const document = WHOLE_TEXT_QUERIES.has(query) || within ? kept.document : current();
    const answer = Object.hasOwn(ANALYZER_QUERIES, query)
      ? ANALYZER_QUERIES[query](a, document, ...args)
      : document[query](...args);
    return { answer, documentId: kept.id };
  },
  [Request.CONFIGURE](a, { userWords = [], stopwords = {} }) {
    // The words first: a bad one throws, and then nothing has changed.
    const words = JSON.stringify(userWords);
    if (words !== configured.userWords) {
      a.setUserDictionary(userWords);
      configured.userWords = words;
    }
    const list = JSON.stringify(stopwords);
    if (list !== configured.stopwords) {
      a.setStopwords(stopwords);
      configured.stopwords = list;
      if (kept) {
        kept.document.setStopwords(a);
        kept.scope?.document.setStopwords(a);
        // Its collocates and keyword explanations now answer otherwise.
        kept.id = ++documentIds;
      }
    }
    return { documentId: kept?.id ?? null };
  },
  [Request.STOPWORD_LIST](a) {
    return { words: a.stopwordList(), baseWords: baseStopwords() };
  },
  [Request.PARSE_USER_DICTIONARY](a, { text }) {
    return { words: parseUserDictionary(text) };
  },
  [Request.FORMAT_USER_DICTIONARY](a, { words }) {
    return { text: formatUserDictionary(words) };
  },
  [Request.PARSE_STOPWORDS](a, { text }) {
    return { words: parseStopwordList(text) };
  },
  [Request.DECODE](a, { bytes, name, encoding }) {
    return { decoded: decode(new Uint8Array(bytes), name ?? undefined, encoding || undefined) };
  },
  [Request.ENCODINGS]() {
    return { encodings: supportedEncodings() };
  },
  [Request.CRASH]() {
    crashForTesting();
    return {};
  },
};

/**
 * The stopwords of the chosen base list (and the classical function words,
 * if chosen) without the user's additions and removals: what the page needs
 * to keep those two lists short (a word of the base list is removed, not
 * un-added).
 */
function baseStopwords() {
  return baseStopwordList(JSON.parse(configured.stopwords ?? '{}'));
}

// The queries the analyzer answers about the document: they need its IDF
// table (the keyword explanation) or its dictionary (the new words).
const ANALYZER_QUERIES = {
  [Query.EXPLAIN_KEYWORD]: (a, document, ...args) => a.explainKeyword(document, ...args),
  [Query.NEW_WORDS]: (a, document, options) => a.newWords(document, options ?? undefined),
  [Query.REPAIRS]: (a, document) => a.repairs(document),
};

// The queries about the whole text, also while a scope is set.
const WHOLE_TEXT_QUERIES = new Set([Query.SECTIONS, Query.DISTINCTIVE, Query.KEYNESS, Query.TRENDS, Query.REPAIRS]);

// Requests that need the wasm but not the dictionary, so that a dropped file
// is decoded while the dictionary is still on its way.
const NEEDS_ONLY_WASM = new Set([
  Request.DECODE, Request.ENCODINGS, Request.CRASH,
  Request.PARSE_USER_DICTIONARY, Request.FORMAT_USER_DICTIONARY, Request.PARSE_STOPWORDS,
]);

/**
 * Limits the kept document to `scope` ({division, sections}; none: the
 * whole text): the scope's own document (the sections' tokens, no new cut),
 * kept until the scope changes.
 */
function setScope(a, scope) {
  const key = scope ? JSON.stringify(scope) : null;
  if ((kept.scope?.key ?? null) === key) return;
  kept.scope?.document.free();
  kept.scope = null;
  // Its queries now answer otherwise.
  kept.id = ++documentIds;
  if (!scope) return;
  const document = kept.document.scoped(scope.division, scope.sections);
  document.setStopwords(a);
  kept.scope = { key, document };
}

/** The document the queries and summaries are about: the scope, or the whole text. */
const current = () => kept.scope?.document ?? kept.document;

function keep(a, document, hmm) {
  kept?.scope?.document.free();
  kept?.document.free();
  // The stopwords may have changed while it was cut.
  document.setStopwords(a);
  kept = { document, hmm, id: ++documentIds, scope: null };
}

function describeDocument() {
  const { document, id } = kept;
  return { id, textLength: document.textLength, tokens: document.tokens, memoryBytes: document.memoryBytes };
}

function summarize(a, id, { scope, ...options }, started) {
  const analysis = a.summarize(current(), options, (p) => self.postMessage({ type: Reply.PROGRESS, id, ...p }));
  return { analysis: packWords(analysis), millis: performance.now() - started };
}

const noDocument = () => ({ code: ErrorCode.NO_DOCUMENT, message: 'no text has been analysed yet' });

/**
 * The word list in columns: {words, counts, tags}. A long text has tens of
 * thousands of words, and copying as many small objects to the page costs
 * its main thread more than two strings and an array of numbers do; the
 * page's analyzer-client.js rebuilds the rows.
 */
function packWords(analysis) {
  const { words, ...rest } = analysis;
  const packed = {
    words: words.map((w) => w.word).join('\n'),
    counts: Uint32Array.from(words, (w) => w.count),
    tags: words.map((w) => w.pos).join('\n'),
  };
  return { ...rest, packedWords: packed };
}

// Each message is handled as it comes; only an analysis takes long, and it
// lets the others in between its pieces.
self.onmessage = (event) => handle(event.data);

async function handle(request) {
  const { type, id } = request;
  const handler = Object.hasOwn(HANDLERS, type) ? HANDLERS[type] : null;
  if (!handler) {
    self.postMessage({ type: Reply.ERROR, id, code: ErrorCode.BAD_REQUEST, message: `no such request: ${type}` });
    return;
  }
  try {
    const a = NEEDS_ONLY_WASM.has(type) ? await loadWasm() : await loadAnalyzer(id);
    self.postMessage({ type: Reply.RESULT, id, ...await handler(a, request) });
  } catch (error) {
    fail(id, error);
  }
}

function fail(id, error) {
  const described = describe(error);
  self.postMessage({ type: Reply.ERROR, id, ...described });
  // After a trap the instance's memory may be anything: never use it again.
  if (described.code === ErrorCode.INTERNAL) self.close();
}

/**
 * The core throws {code, message, details}; anything else is a bug, said plainly: the
 * panic's own message when Rust panicked (a bare "unreachable" otherwise).
 */
function describe(error) {
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return { code: error.code, message: error.message, ...(error.details && { details: error.details }) };
  }
  let panic = null;
  try {
    panic = wasmLoaded ? lastPanic() : null;
  } catch {
    // The instance is broken; the trap's own message will do.
  }
  return { code: ErrorCode.INTERNAL, message: panic ?? (error && error.message ? error.message : String(error)) };
}

loadAnalyzer(null).catch((error) => fail(null, error));
