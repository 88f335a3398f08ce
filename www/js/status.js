// The status line under the input: progress while the worker runs, the time
// it took when done, and errors (in a separate role="alert" element so that
// screen readers announce them at once).
//
// What either line says is kept as words: a string, or a function that
// returns one in the page's language now (() => t(key, …), () =>
// errorText(error)). relabel() calls the functions again, so that a message
// already on screen follows a switch of language; a plain string (a text
// that is not the page's, or was worded elsewhere) stays as it is.

import { formatMillis, formatPercent } from './format.js';
import { t } from './i18n.js';
import { Stage } from './protocol.js';

/** The text of `words`: a string, or a function that returns one. */
const wordsOf = (words) => (typeof words === 'function' ? words() : words ?? '');

export function createStatus(statusElement, errorElement) {
  // The status line: its words and state, and the notes added to it.
  let line = { words: '', state: '' };
  let notes = [];
  // The alert: its words, or '' for none.
  let alert = '';

  const drawLine = () => {
    statusElement.textContent = [line.words, ...notes].map(wordsOf).join(' ').trim();
    statusElement.dataset.state = line.state;
  };
  const drawAlert = () => {
    errorElement.textContent = wordsOf(alert);
  };
  const say = (words, state = '') => {
    line = { words, state };
    notes = [];
    drawLine();
  };
  const raise = (words) => {
    alert = words;
    drawAlert();
  };

  return {
    /** Says what both lines say again, in the language switched to. */
    relabel() {
      drawLine();
      drawAlert();
    },
    /** A progress message of the worker: {stage, done, total}. */
    progress({ stage, done, total }) {
      if (stage === Stage.LOADING) say(() => t('status.loading'), 'busy');
      else if (stage === Stage.SEGMENTING) say(() => t('status.segmenting', formatPercent(total ? done / total : 0)), 'busy');
      else if (stage === Stage.KEYWORDS) say(() => t('status.keywords'), 'busy');
    },
    /** `words`: what is being done (a string, or a function of nothing that words it). */
    working(words = () => t('status.working')) {
      say(words, 'busy');
    },
    done(millis) {
      raise('');
      say(() => t('status.done', formatMillis(millis)), 'done');
    },
    /** Adds a sentence (words, as for working) to what the line says now. */
    note(words) {
      notes.push(words);
      drawLine();
    },
    cancelled() {
      say(() => t('status.cancelled'), 'cancelled');
    },
    /** Nothing to say: no text. */
    clear() {
      say('');
      raise('');
    },
    /** `words`: the error's sentence (a string, or a function of nothing that words it). */
    error(words) {
      say('');
      raise(words);
    },
    clearError() {
      raise('');
    },
  };
}
