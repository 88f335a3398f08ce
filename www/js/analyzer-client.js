// The page's side of the worker protocol (see worker.js).
//
// Every request is a promise that resolves with the fields of the worker's
// 'result' message and rejects with {code, message}. Analyses: one at a time
// is current; a newer one makes an older one's answer stale.
//
// The worker is disposable. When it traps (code 'internal') it closes
// itself; cancel() terminates it. Either way the client starts a fresh one,
// so the next request just works; onRestart tells the page a crash happened.

const CANCELLED = { code: 'cancelled', message: '已取消' };

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
      this.crashed(null, { code: 'internal', message: event.message || '未知错误' });
    };
    this.worker = worker;
  }

  /** Ends the current worker (whatever it is doing) and starts a new one. */
  restart() {
    this.worker?.terminate();
    this.spawn();
  }

  /**
   * Analyses `text`. Resolves with {analysis, millis}. `onProgress({stage,
   * done, total})` is called as it runs. An older analysis still running
   * resolves with {stale: true}.
   */
  analyze(text, options = {}, onProgress = () => {}) {
    for (const request of this.pending.values()) if (request.type === 'analyze') request.stale = true;
    return this.request({ type: 'analyze', text, options }, [], onProgress);
  }

  /**
   * Decodes a file's bytes (an ArrayBuffer, transferred: it is unusable here
   * afterwards). `encoding` forces one; without it the core detects it.
   * Resolves with {decoded: {text, encoding, format, detected, replacements}}.
   */
  decode(bytes, name, encoding) {
    return this.request({ type: 'decode', bytes, name, encoding }, [bytes]);
  }

  /** Resolves with {encodings: [name, …]}: the encodings a user may pick. */
  encodings() {
    return this.request({ type: 'encodings' });
  }

  /** Test hook: makes the Rust code trap, as a bug would. */
  crash() {
    return this.request({ type: 'crash' });
  }

  /** Stops whatever the worker is doing: every pending request rejects with code 'cancelled'. */
  cancel() {
    this.restart();
    this.rejectAll(CANCELLED);
  }

  /** Whether an analysis is running. */
  get analysing() {
    return [...this.pending.values()].some((request) => request.type === 'analyze' && !request.stale);
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
      if (message.type === 'error') this.crashed(null, message);
      return;
    }
    const request = this.pending.get(message.id);
    if (!request) return;
    if (message.type === 'progress') {
      if (!request.stale) request.onProgress(message);
      return;
    }
    if (message.type === 'error' && message.code === 'internal') {
      this.crashed(message.id, message);
      return;
    }
    this.pending.delete(message.id);
    const { type, id, ...fields } = message;
    if (request.stale) request.resolve({ stale: true });
    else if (type === 'result') request.resolve(fields.analysis ? { ...fields, analysis: unpackWords(fields.analysis) } : fields);
    else request.reject({ code: message.code, message: message.message });
  }

  /**
   * The worker is gone (it closes itself after reporting a trap) or never
   * loaded (`id` null). Every pending request fails: the new worker never
   * saw them. A crash on a request starts a fresh worker at once, so the
   * dictionary is loaded again by the time the user retries; a failed load
   * waits for the next request, so that a broken deploy does not loop.
   */
  crashed(id, { message }) {
    if (id === null) {
      const error = { code: 'internal', message: `分析器无法启动（${message}）。请刷新页面再试。` };
      this.worker.terminate();
      this.worker = null;
      this.rejectAll(error);
      this.onLoadError?.(error);
      return;
    }
    this.restart();
    // The worker sends the panic's message (from the core's panic hook):
    // worth quoting in a bug report, so it is kept after the sentence.
    const error = { code: 'internal', message: `分析器出错并已重新启动。你的文本还在，可以再分析一次。（${message}）` };
    this.rejectAll(error);
    this.onRestart?.(error);
  }

  rejectAll(error) {
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }
}

/** The worker's word list in columns (worker.js packWords) as rows again. */
function unpackWords({ packedWords, ...analysis }) {
  const { words, counts, tags } = packedWords;
  if (counts.length === 0) return { ...analysis, words: [] };
  const texts = words.split('\n');
  const poses = tags.split('\n');
  return { ...analysis, words: texts.map((word, i) => ({ word, count: counts[i], pos: poses[i] })) };
}
