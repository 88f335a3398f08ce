// The status line under the input: progress while the worker runs, the time
// it took when done, and errors (in a separate role="alert" element so that
// screen readers announce them at once).

import { formatMillis, formatPercent } from './format.js';
import { t } from './i18n.js';
import { Stage } from './protocol.js';

export function createStatus(statusElement, errorElement) {
  const say = (text, state = '') => {
    statusElement.textContent = text;
    statusElement.dataset.state = state;
  };
  // What the line says, as a function, so that a switch of language can say it again.
  let saying = () => {};
  const sayAgain = (write) => { saying = write; write(); };
  return {
    /** Says what the line says in the language switched to (a note added is dropped). */
    relabel() { saying(); },
    /** A progress message of the worker: {stage, done, total}. */
    progress({ stage, done, total }) {
      if (stage === Stage.LOADING) say(t('status.loading'), 'busy');
      else if (stage === Stage.SEGMENTING) say(t('status.segmenting', formatPercent(total ? done / total : 0)), 'busy');
      else if (stage === Stage.KEYWORDS) say(t('status.keywords'), 'busy');
    },
    working(text = t('status.working')) {
      say(text, 'busy');
    },
    done(millis) {
      errorElement.textContent = '';
      sayAgain(() => say(t('status.done', formatMillis(millis)), 'done'));
    },
    /** Adds a sentence to what the line says now. */
    note(text) {
      statusElement.textContent = `${statusElement.textContent} ${text}`.trim();
    },
    cancelled() {
      sayAgain(() => say(t('status.cancelled'), 'cancelled'));
    },
    /** Nothing to say: no text. */
    clear() {
      saying = () => {};
      say('');
      errorElement.textContent = '';
    },
    error(message) {
      saying = () => {};
      say('');
      errorElement.textContent = message;
    },
    clearError() {
      errorElement.textContent = '';
    },
  };
}
