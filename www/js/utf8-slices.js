// A text as UTF-8 bytes, encoded a slice at a time.
//
// The analysis worker gets the text to analyse as bytes it takes over
// (transferred, not copied): posting a 60 MB string to it cloned the
// string on the page's thread, a quarter of a second in which the page
// did not answer. Encoding it here costs about as much, so it is done a
// slice a task, and the page answers in between.

/** UTF-16 units encoded a task: 768 KB of Chinese, about 15 ms (a slice of 1 MiB units took 50–90 ms). */
export const SLICE_LENGTH = 1 << 18;

/** Resolves in a new task (a timer of 0: the page's input and paints run first). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * `text` as UTF-8, in a Uint8Array to transfer (its buffer holds it and
 * at most as much again). A slice never ends between the two halves of a
 * surrogate pair (TextEncoder would write each half as U+FFFD); a lone
 * surrogate becomes U+FFFD as in any UTF-8 encoding of the text.
 * @param {string} text
 * @param {{sliceLength?: number, yieldToPage?: () => Promise<unknown>}} [options]
 * @returns {Promise<Uint8Array>}
 */
export async function encodeInSlices(text, { sliceLength = SLICE_LENGTH, yieldToPage = nextTask } = {}) {
  const encoder = new TextEncoder();
  // At most 3 bytes a UTF-16 unit (a pair's 4 bytes are 2 units).
  const bytes = new Uint8Array(text.length * 3);
  let read = 0;
  let written = 0;
  while (read < text.length) {
    let end = Math.min(text.length, read + sliceLength);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
    written += encoder.encodeInto(text.slice(read, end), bytes.subarray(written)).written;
    read = end;
    if (read < text.length) await yieldToPage();
  }
  // A copy of its own buffer when the text's bytes fill much less than the
  // allocation (a transfer moves the whole buffer).
  return written > bytes.length / 2 ? bytes.subarray(0, written) : bytes.slice(0, written);
}

const isHighSurrogate = (unit) => unit >= 0xd800 && unit <= 0xdbff;
