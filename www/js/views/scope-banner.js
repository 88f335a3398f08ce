// The banner at the top of the results while they are limited to a part of
// the text (structure.js's scope): which part, and a way back to the whole.
// Without it a user who picked 「只看这一节」 far down the page would read
// every other card as if it described the whole text.

import { h } from '../dom.js';
import { onLocaleChange, texts } from '../i18n.js';
import { partName } from '../part-name.js';

// The strings: the catalogs' scope.* entries (js/messages/).
const TEXT = texts('scope');

export function create(element, { structure }) {
  const label = h('strong', { className: 'scope-label' });
  const showAll = h('button', { type: 'button', className: 'button small' });
  showAll.addEventListener('click', () => structure.setScope(null));
  const only = h('span');
  element.replaceChildren(h('p', { className: 'scope-text' }, only, label), showAll);
  element.setAttribute('role', 'region');
  function relabel() {
    showAll.textContent = TEXT.showAll;
    only.textContent = TEXT.only;
    element.setAttribute('aria-label', TEXT.label);
  }
  relabel();
  onLocaleChange(() => { relabel(); draw(structure); });

  function draw({ scope, division }) {
    element.hidden = !scope;
    if (!scope) return;
    const name = partName(scope);
    label.textContent = scope.sections.length > 1 ? `${name}${TEXT.count(scope.sections.length, division?.by)}` : name;
  }
  structure.subscribe((state, changed) => {
    if (changed.includes('scope')) draw(state);
  });
  draw(structure);
}
