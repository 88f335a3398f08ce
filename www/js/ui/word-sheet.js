// The selected word's sheet (index.html's #word-sheet): open while a word
// is selected, at the foot of the window (css/word.css), so that the lines of
// a word clicked anywhere show where the user is looking. It is not modal:
// the results stay usable behind it. A word chosen outside it (a click, a
// tap, Enter) takes the focus into it; closing it (Escape, or 取消选择 in it) deselects
// the word and gives the focus back to the link it was opened from.

/** Pixels kept between the word chosen and the sheet's top. */
const MARGIN = 32;

/** Whether `event` was already used by something else (a dialog, a menu that closes on Escape). */
// (A search box that Escape empties keeps it for that.)
const handledElsewhere = (event) => event.defaultPrevented || Boolean(event.target.closest?.('dialog'))
  || Boolean(event.target.matches?.('input[type="search"]') && event.target.value);

/**
 * `dashboard`: the results (the words are links in it, selection.js);
 * `sheet`: the sheet inside it. Returns {sync(word)}: called with the
 * selected word on every change of it, after the dashboard marked it.
 */
export function createWordSheet(dashboard, sheet, selection) {
  let chosenFrom = null; // {link, y}: the word link outside the sheet of the last user choice, and where
  let returnTo = null; // where the focus goes back to when the sheet closes

  // Before selection.js's linkWords (which listens on the same element,
  // bubbling) selects the word: which link it was, and the height in the
  // window of the point chosen (a click's, else the link's foot).
  const remember = (event) => {
    const link = event.target.closest?.('[data-word]');
    if (!link) {
      chosenFrom = null;
      return;
    }
    // A word of the sheet's own lists: the focus is theirs (the concordance
    // gives it to the new word's first line).
    if (sheet.contains(link)) {
      chosenFrom = null;
      return;
    }
    const pointed = event.type === 'click' && event.detail > 0;
    chosenFrom = { link, y: pointed ? event.clientY : link.getBoundingClientRect().bottom };
  };
  // A choice of the word already selected changes nothing: it is forgotten
  // once the event is over (a task later, not a microtask, which would run
  // before linkWords hears the event).
  const forget = () => setTimeout(() => { chosenFrom = null; }, 0);
  dashboard.addEventListener('click', (event) => { remember(event); forget(); }, true);
  dashboard.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    remember(event);
    forget();
  }, true);

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !selection.word || handledElsewhere(event)) return;
    event.preventDefault();
    selection.set(null);
  });

  /** The point chosen, if the sheet now covers it: the page moves up just enough to show it above the sheet. */
  function keepInView(y) {
    const free = window.innerHeight - sheet.offsetHeight;
    if (y > free - MARGIN) window.scrollBy({ top: y - free + 2 * MARGIN, behavior: 'instant' });
  }

  return {
    sync(word) {
      const from = chosenFrom;
      chosenFrom = null;
      if (word) {
        if (!from) return; // a word of the sheet, a link to the page, the back button: the focus stays
        returnTo = from.link;
        sheet.focus({ preventScroll: true });
        keepInView(from.y);
        return;
      }
      const back = returnTo;
      returnTo = null;
      const inSheet = sheet.contains(document.activeElement) || document.activeElement === document.body;
      if (back?.isConnected && inSheet) back.focus();
    },
  };
}
