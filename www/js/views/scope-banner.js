// The banner at the top of the results while they are limited to a part of
// the text (structure.js's scope): which part, and a way back to the whole.
// Without it a user who picked 「只看这一节」 far down the page would read
// every other card as if it described the whole text.

import { h } from '../dom.js';
import { formatInteger } from '../format.js';

const TEXT = {
  only: '只看：',
  showAll: '显示全文',
  units: { chapter: '章', speaker: '段', paragraph: '段', parts: '份', given: '个文件' },
  count: (n, unit) => `（${formatInteger(n)} ${unit}）`,
};

export function create(element, { structure }) {
  const label = h('strong', { className: 'scope-label' });
  const showAll = h('button', { type: 'button', className: 'button small' }, TEXT.showAll);
  showAll.addEventListener('click', () => structure.setScope(null));
  element.replaceChildren(h('p', { className: 'scope-text' }, TEXT.only, label), showAll);
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', '结果的范围');

  function draw({ scope, division }) {
    element.hidden = !scope;
    if (!scope) return;
    const unit = TEXT.units[division?.by] ?? '节';
    label.textContent = scope.sections.length > 1 ? `${scope.label}${TEXT.count(scope.sections.length, unit)}` : scope.label;
  }
  structure.subscribe((state, changed) => {
    if (changed.includes('scope')) draw(state);
  });
  draw(structure);
}
