// The options form: segmentation mode, new-word discovery (HMM), stopwords.

/** The analyzer's options as the form shows them now. */
export function readOptions(form) {
  const { mode, hmm, stopwords } = form.elements;
  return { mode: mode.value, hmm: hmm.checked, stopwords: stopwords.checked };
}

/** Calls `callback` whenever an option changes. */
export function onOptionsChange(form, callback) {
  form.addEventListener('change', callback);
  form.addEventListener('submit', (event) => event.preventDefault());
}
