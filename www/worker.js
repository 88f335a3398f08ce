// @ts-check
// The analysis worker: owns the one wasm instance and its Session (the core's
// one entry point, src/session/), and carries the page's messages to it
// (js/protocol.js). What a request means is the core's business; the worker
// only loads, cuts a piece at a time so that other messages get in between,
// and reports errors.
//
// The core throws {code, message, details} for what the user can fix. Anything
// else (a trap: a Rust panic, out of memory) leaves the wasm instance broken,
// so the worker reports it with code INTERNAL and closes itself; the page then
// starts a fresh worker.

import init, { Session, constants, decode, lastPanic, supportedEncodings } from './pkg/ciyan.js';
import { ErrorCode, Reply, Request, Stage } from './js/protocol.js';

/** @type {Session | null} */
let session = null;
// One load of each, shared: a request that arrives while the wasm or the
// dictionary is still loading waits for that load instead of starting a
// second one.
/** @type {Promise<void> | null} */
let wasmReady = null;
let wasmLoaded = false;
/** @type {Promise<Session> | null} */
let sessionReady = null;
/** The newest KEEP asked for: an older one stops at its next piece. */
let newestKeep = 0;

/** The wasm module: all that decoding a file needs. */
function loadWasm() {
  wasmReady ??= init().then(() => {
    wasmLoaded = true;
  });
  return wasmReady;
}

/** The session: the wasm and the dictionary file (pkg/ciyan.dict), fetched side by side. */
function loadSession(/** @type {number | null} */ id) {
  if (session) return Promise.resolve(session);
  self.postMessage({ type: Reply.PROGRESS, id, stage: Stage.LOADING, done: 0, total: 1 });
  return startSession();
}

function startSession() {
  sessionReady ??= Promise.all([loadWasm(), fetchDictionary()]).then(([, bytes]) => {
    session = new Session(bytes);
    // For the profile of an open (benches/): when the worker could first answer.
    performance.mark('ciyan:session-ready');
    return session;
  });
  return sessionReady;
}

// Loaded at once, not at the first request: the page starts this worker
// before its own modules (boot.js), and nearly every open analyses a text.
// A failure here is met again, and reported, by the first request.
startSession().catch(() => {});

async function fetchDictionary() {
  let response;
  try {
    response = await fetch(new URL('./pkg/ciyan.dict', import.meta.url));
  } catch {
    response = null;
  }
  if (!response || !response.ok) {
    // Retried with the next request, not remembered as a failure.
    sessionReady = null;
    throw { code: ErrorCode.DICTIONARY_UNAVAILABLE, message: 'the dictionary file could not be loaded' };
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Lets the messages that arrived meanwhile run (a task, not a 4 ms timer). */
const channel = new MessageChannel();
/** @type {Array<() => void>} */
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToMessages = () => new Promise((resolve) => {
  waiting.push(() => resolve(undefined));
  channel.port2.postMessage(null);
});

/** What each request does; each returns the fields of its RESULT message. */
const HANDLERS = {
  async [Request.KEEP]({ id, bytes, options }) {
    const s = await loadSession(id);
    const keep = ++newestKeep;
    // The page sends the text as UTF-8 bytes (js/utf8-slices.js).
    const keeping = s.start(new TextDecoder().decode(bytes), options);
    for (let progress = s.step(); progress; progress = s.step()) {
      self.postMessage({ type: Reply.PROGRESS, id, ...progress });
      await yieldToMessages();
      // A newer KEEP started its own cut (and dropped this one).
      if (keep !== newestKeep) throw { code: ErrorCode.SUPERSEDED, message: 'a newer analysis replaced this one' };
    }
    return { keeping, document: s.document() };
  },
  async [Request.SESSION]({ id, request }) {
    const s = await loadSession(id);
    return s.handle(request, id);
  },
  async [Request.DECODE]({ bytes, name, encoding }) {
    await loadWasm();
    return { decoded: decode(new Uint8Array(bytes), name ?? undefined, encoding || undefined) };
  },
  async [Request.ENCODINGS]() {
    await loadWasm();
    return { encodings: supportedEncodings() };
  },
  async [Request.CONSTANTS]() {
    await loadWasm();
    return { constants: constants() };
  },
};

// Each message is handled as it comes; only a KEEP takes long, and it lets
// the others in between its pieces.
self.onmessage = async (event) => {
  const { type, id } = event.data;
  const handler = Object.hasOwn(HANDLERS, type) ? HANDLERS[/** @type {keyof HANDLERS} */ (type)] : null;
  if (!handler) {
    self.postMessage({ type: Reply.ERROR, id, code: ErrorCode.BAD_REQUEST, message: `no such request: ${type}` });
    return;
  }
  try {
    self.postMessage({ type: Reply.RESULT, id, ...await handler(event.data) });
  } catch (error) {
    fail(id, error);
  }
};

function fail(/** @type {number | null} */ id, /** @type {any} */ error) {
  const described = describe(error);
  self.postMessage({ type: Reply.ERROR, id, ...described });
  // After a trap the instance's memory may be anything: never use it again.
  if (described.code === ErrorCode.INTERNAL) self.close();
}

/**
 * The core throws {code, message, details}; anything else is a bug, said
 * plainly: the panic's own message when Rust panicked.
 * @param {any} error
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

loadSession(null).catch((error) => fail(null, error));
