// The counts view: five numbers in one compact row, straight from
// analysis.counts; in the search-engine and full modes a note says why the
// word counts are higher, and a help text says what each mode does.

import { h } from '../dom.js';
import { formatInteger } from '../format.js';
import { t, texts } from '../i18n.js';

export const id = 'counts';
// The document: the options the analysis was made with ({mode, …}).
export const needs = ['analysis', 'document'];

// The strings: the catalogs' countsHelp.* entries (js/messages/).
const TEXT = texts('countsHelp');

const KEYS = ['characters', 'hanCharacters', 'tokens', 'distinctWords', 'sentences'];

export function create(container) {
  const draw = ({ analysis, document }) => render(container, analysis, document?.options ?? {});
  return { update: draw, relabel: draw };
}

function render(container, analysis, options) {
  // Each count's label and note: the catalogs' counts.<key> and counts.<key>Note.
  const cards = KEYS.map((key) => {
    const note = t(`counts.${key}Note`);
    return h('div', { className: 'count', 'data-count': key, title: note },
      h('span', { className: 'count-label' }, t(`counts.${key}`)),
      h('span', { className: 'count-value' }, formatInteger(analysis.counts[key])),
      h('span', { className: 'count-note visually-hidden' }, note));
  });
  const overlapping = options.mode === 'search' || options.mode === 'full';
  const help = h('details', { className: 'help counts-help' },
    h('summary', {}, TEXT.helpTitle), ...TEXT.help.map((line) => h('p', {}, line)));
  // The help stays open across redraws once opened.
  const wasOpen = container.querySelector('.counts-help')?.open;
  help.open = Boolean(wasOpen);
  container.replaceChildren(...cards, help);
  if (overlapping) container.append(h('p', { className: 'counts-mode-note', 'data-mode': options.mode }, TEXT.overlapping));
}
