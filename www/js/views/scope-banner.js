// The banner at the top of the results while they are limited to a part of
// the text (structure.js's scope): which part, and a way back to the whole.
// Without it a user who picked 「只看这一节」 far down the page would read
// every other card as if it described the whole text.

import { h } from '../dom.js';
import { texts } from '../i18n.js';
import { partName } from '../part-name.js';

export const id = 'scope-banner';
// The division: how its parts are counted (3 chapters, 2 speakers).
export const needs = ['scope', 'division'];

// The strings: the catalogs' scope.* entries (js/messages/).
const TEXT = texts('scope');

export function create(element, { structure }) {
  const label = h('strong', { className: 'scope-label' });
  const showAll = h('button', { type: 'button', className: 'button small' });
  showAll.addEventListener('click', () => structure.setScope(null));
  const only = h('span');
  element.replaceChildren(h('p', { className: 'scope-text' }, only, label), showAll);
  element.setAttribute('role', 'region');
  function name() {
    showAll.textContent = TEXT.showAll;
    only.textContent = TEXT.only;
    element.setAttribute('aria-label', TEXT.label);
  }
  function draw({ scope, division }) {
    element.hidden = !scope;
    if (!scope) return;
    const part = partName(scope);
    label.textContent = scope.sections.length > 1 ? `${part}${TEXT.count(scope.sections.length, division?.by)}` : part;
  }
  name();
  return {
    update: draw,
    relabel(state) {
      name();
      draw(state);
    },
  };
}
