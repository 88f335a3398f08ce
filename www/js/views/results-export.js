// Under the counts: the whole analysis as one JSON file (as the worker gave
// it, with what it was made of), and the page printed.

import { downloadJson, exportButtons } from '../export.js';
import { t } from '../i18n.js';

export const id = 'results-export';
export const needs = ['analysis', 'document'];

export function create(container) {
  let shown = null; // the state whose analysis the file holds
  const draw = (state) => {
    shown = state;
    container.replaceChildren(exportButtons([
      [t('export.all'), () => downloadJson('ciyan-analysis.json', {
        generator: 'Ciyan 词眼',
        options: shown.document?.options ?? {},
        document: shown.document && { characters: [...shown.document.text].length, tokens: shown.document.tokens },
        analysis: shown.analysis,
      })],
      [t('export.print'), () => window.print()],
    ], t('export.allLabel')));
  };
  // The buttons read the state when clicked: drawn once, and again in another language.
  return { update: (state) => { if (!shown) draw(state); }, relabel: draw };
}
