// @ts-check
// The worker protocol: the messages the page and the analysis worker
// (../worker.js) send each other. What a request asks and what it answers
// is the core's contract (src/session/, generated into ./contract/ as
// TypeScript declarations): the worker passes it through, deciding nothing.
//
// page → worker   {type, id, ...fields}     (id: the page's number for the request)
// worker → page   {type: Reply.PROGRESS, id, stage, done, total}
//                 {type: Reply.RESULT, id, ...answer}
//                 {type: Reply.ERROR, id, code, message, details?}
// A 'loading' progress or an error before any request has id null.

/** What the page asks the worker. */
export const Request = Object.freeze({
  /** {bytes: the text as UTF-8 (a Uint8Array, transferred), options: Options} →
   *  {keeping: Keeping, document: DocumentInfo}: cuts the text a piece at a time and keeps
   *  it (the same text cut the same way is not cut again; a newer KEEP stops an older one). */
  KEEP: 'keep',
  /** {request: contract Request} → Handled {reply, document, read}: everything else the
   *  session answers (a query of the kept text, its scope, the user's words and stopwords,
   *  the core's constants). */
  SESSION: 'session',
  /** {bytes (ArrayBuffer, transferred), name, encoding?} → {decoded}. Needs no dictionary. */
  DECODE: 'decode',
  /** {} → {encodings}. Needs no dictionary. */
  ENCODINGS: 'encodings',
  /** {} → {constants}: the core's constants (contract/Constants.ts). Needs no dictionary. */
  CONSTANTS: 'constants',
});

export const Reply = Object.freeze({
  PROGRESS: 'progress',
  RESULT: 'result',
  ERROR: 'error',
});

/** The stages a progress report names (the core's Stage, and the load). */
export const Stage = Object.freeze({
  LOADING: 'loading', // the wasm and the dictionary
  SEGMENTING: 'segmenting',
  KEYWORDS: 'keywords',
});

/** Error codes beyond the core's own (src/error.rs: its codes come with its errors). */
export const ErrorCode = Object.freeze({
  /** pkg/ciyan.dict could not be fetched; the next request tries again. */
  DICTIONARY_UNAVAILABLE: 'dictionary-unavailable',
  /** No such request (the core says bad-request for a bad query). */
  BAD_REQUEST: 'bad-request',
  /** A question before any text was kept (the core's own code). */
  NO_DOCUMENT: 'no-document',
  /** A newer analysis replaced this one before it finished. */
  SUPERSEDED: 'superseded',
  /** The page stopped the worker. */
  CANCELLED: 'cancelled',
  /** A trap in the core (a panic, out of memory): the worker is replaced. */
  INTERNAL: 'internal',
});
