// The status line under the input: progress while the worker runs, the time
// it took when done, and errors (in a separate role="alert" element so that
// screen readers announce them at once).

import { formatMillis, formatPercent } from './format.js';
import { Stage } from './protocol.js';

export function createStatus(statusElement, errorElement) {
  const say = (text, state = '') => {
    statusElement.textContent = text;
    statusElement.dataset.state = state;
  };
  return {
    /** A progress message of the worker: {stage, done, total}. */
    progress({ stage, done, total }) {
      if (stage === Stage.LOADING) say('加载词典…', 'busy');
      else if (stage === Stage.SEGMENTING) say(`分词 ${formatPercent(total ? done / total : 0)}`, 'busy');
      else if (stage === Stage.KEYWORDS) say('提取关键词…', 'busy');
    },
    working(text = '分析中…') {
      say(text, 'busy');
    },
    done(millis) {
      errorElement.textContent = '';
      say(`分析完成，用时 ${formatMillis(millis)}`, 'done');
    },
    /** Adds a sentence to what the line says now. */
    note(text) {
      statusElement.textContent = `${statusElement.textContent} ${text}`.trim();
    },
    cancelled() {
      say('已取消', 'cancelled');
    },
    /** Nothing to say: no text. */
    clear() {
      say('');
      errorElement.textContent = '';
    },
    error(message) {
      say('');
      errorElement.textContent = message;
    },
    clearError() {
      errorElement.textContent = '';
    },
  };
}
