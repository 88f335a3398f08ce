// The cards whose query takes a second or more on a novel (phrases, trends,
// the co-occurrence network, the new words): they ask only once they are
// near the screen, so that the worker stays free for what the user is
// looking at; a failed query shows its sentence in place of the card's body.

import { errorText } from '../i18n.js';

/**
 * Keeps `view.near` (whether `container` is within `margin` pixels of the
 * screen) and calls `refresh()` when it comes near while `view.waiting`.
 */
export function whenNear(container, view, refresh, margin) {
  new IntersectionObserver((entries) => {
    view.near = entries.some((entry) => entry.isIntersecting);
    if (view.near && view.waiting) refresh();
  }, { rootMargin: `${margin}px 0px` }).observe(container);
}

/** Shows `error` in `view.summary` and hides the body and the exports. */
export function showFailure(view, error) {
  view.container.classList.remove('is-loading');
  view.summary.textContent = errorText(error);
  view.body.hidden = true;
  view.exports.hidden = true;
}
