// The results (#dashboard): shows an analysis through the view registry,
// and marks the results as busy (an analysis runs), stale (they no longer
// describe the text) or empty (no text: the cards are hidden, and not
// drawn). A word anywhere in them is a link to it (selection.js), whose
// card opens as a sheet at the foot of the window (ui/word-sheet.js).

import { linkWords } from './selection.js';
import { createWordSheet } from './ui/word-sheet.js';

/** `registry`: the page's view registry (view-registry.js), whose results `element` holds. */
export function createDashboard(element, registry, selection) {
  linkWords(element, selection);
  const mark = (name, on) => element.classList.toggle(name, on);
  const sheet = createWordSheet(element, element.querySelector('#word-sheet'), selection);
  const markWord = (word) => {
    mark('has-word', Boolean(word));
    sheet.sync(word);
  };
  selection.subscribe(markWord);
  markWord(selection.word);

  return {
    /** Shows `analysis` of the worker's kept `document`, a stage of cards a task (cards.js). */
    async show(analysis, document) {
      mark('is-empty', false);
      mark('is-stale', false);
      const complete = await registry.set({ analysis, document }, { staged: true });
      // How many analyses have been shown in full: lets tests wait for the next one.
      if (complete) element.dataset.results = String(Number(element.dataset.results || 0) + 1);
    },
    busy(on) { mark('is-busy', on); },
    stale() { mark('is-stale', true); },
    /** No text, so no results: hides the cards until the next analysis (the rest of one being drawn is dropped). */
    empty() {
      mark('is-empty', true);
      registry.set({ analysis: null, document: null });
    },
  };
}
