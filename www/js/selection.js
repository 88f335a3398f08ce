// The selected word: one piece of page state that every view can set (a
// click or Enter on any word) and follow (the concordance, dispersion and
// collocates show it). The URL's hash keeps it (#w=中国), so a link or a
// reload opens the same word; the back button returns to the word before.

const KEY = 'w';

/** The hash's parameters (#w=中国&test): a URLSearchParams. */
export const hashParams = () => new URLSearchParams(location.hash.slice(1));

export function createSelection() {
  let word = hashParams().get(KEY) || null;
  const listeners = new Set();
  const notify = () => { for (const listener of listeners) listener(word); };

  // A hash typed or changed by back/forward.
  window.addEventListener('hashchange', () => {
    const fromHash = hashParams().get(KEY) || null;
    if (fromHash === word) return;
    word = fromHash;
    notify();
  });

  return {
    /** The selected word, or null. */
    get word() {
      return word;
    },
    /** Selects `next` (null: none) everywhere, and keeps it in the URL. */
    set(next) {
      next = next?.trim() || null;
      if (next === word) return;
      word = next;
      const params = hashParams();
      if (word) params.set(KEY, word);
      else params.delete(KEY);
      const hash = params.toString().replace(/=(&|$)/g, '$1'); // #test, not #test=
      history.pushState(null, '', hash ? `#${hash}` : location.pathname + location.search);
      notify();
    },
    /** Calls `listener(word)` on every change; returns a function that stops it. */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Makes every element with a data-word attribute inside `root` a link to
 * that word: a click, or Enter or Space on it, selects it. (Buttons get
 * Enter and Space from the browser; other elements say role="button" and
 * tabindex="0" themselves.)
 */
export function linkWords(root, selection) {
  const target = (event) => event.target.closest?.('[data-word]');
  root.addEventListener('click', (event) => {
    const element = target(event);
    if (!element || !root.contains(element)) return;
    selection.set(element.dataset.word);
  });
  root.addEventListener('keydown', (event) => {
    const element = target(event);
    if (!element || element.tagName === 'BUTTON' || !(event.key === 'Enter' || event.key === ' ')) return;
    event.preventDefault();
    selection.set(element.dataset.word);
  });
}
