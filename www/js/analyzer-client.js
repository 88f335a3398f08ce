// The page's side of the worker protocol (see worker.js): one request at a
// time is current; a newer request makes the older one's answer stale.

export class AnalyzerClient {
  constructor(url = new URL('../worker.js', import.meta.url)) {
    this.worker = new Worker(url, { type: 'module' });
    this.nextId = 1;
    this.pending = new Map();
    this.onLoadError = null;
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => this.failAll('internal', `分析器无法启动：${event.message || '未知错误'}`);
  }

  /**
   * Analyses `text`. Resolves with {analysis, millis}; rejects with
   * {code, message}. `onProgress({stage, done, total})` is called as it runs.
   * An older request still running resolves with {stale: true}.
   */
  analyze(text, options = {}, onProgress = () => {}) {
    const id = this.nextId++;
    for (const [otherId, request] of this.pending) {
      request.stale = true;
      this.pending.set(otherId, request);
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress, stale: false });
      this.worker.postMessage({ type: 'analyze', id, text, options });
    });
  }

  receive(message) {
    if (message.id === null) {
      if (message.type === 'error') this.failAll(message.code, message.message);
      return;
    }
    const request = this.pending.get(message.id);
    if (!request) return;
    if (message.type === 'progress') {
      if (!request.stale) request.onProgress(message);
      return;
    }
    this.pending.delete(message.id);
    if (request.stale) request.resolve({ stale: true });
    else if (message.type === 'result') request.resolve({ analysis: message.analysis, millis: message.millis });
    else request.reject({ code: message.code, message: message.message });
  }

  failAll(code, message) {
    for (const request of this.pending.values()) request.reject({ code, message });
    this.pending.clear();
    if (this.onLoadError) this.onLoadError({ code, message });
  }
}
