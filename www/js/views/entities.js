// People, places and organisations: one list each, the most named first.

import { h } from '../dom.js';
import { formatInteger } from '../format.js';

const SHOWN = 15;

const KINDS = ['people', 'places', 'organizations'];

/** `container` holds one element per kind: #people, #places, #organizations. */
export function render(container, analysis) {
  for (const kind of KINDS) {
    container.querySelector(`#${kind}`).replaceChildren(...entityList(analysis.entities[kind]));
  }
}

function entityList(entries) {
  if (entries.length === 0) return [h('p', { className: 'empty' }, '没有找到')];
  const items = entries.slice(0, SHOWN).map((entry) =>
    h('li', {},
      h('button', { type: 'button', className: 'word-link entity-word', 'data-word': entry.word }, entry.word),
      h('span', { className: 'entity-count' }, `${formatInteger(entry.count)} 次`)));
  const rest = entries.length - SHOWN;
  // replaceChildren would write a null as the text "null".
  return rest > 0 ? [h('ol', {}, items), h('p', { className: 'more' }, `还有 ${formatInteger(rest)} 个`)] : [h('ol', {}, items)];
}
