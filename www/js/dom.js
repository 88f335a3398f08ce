// Small helpers to build DOM without innerHTML: every string given here ends
// up as a text node or an attribute value, so user text can never become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** h('li', {className: 'x'}, 'text', child) → an HTML element. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key in element && !key.includes('-')) element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/** s('rect', {x: 0, ...}, 'text') → an SVG element; attributes are set verbatim. */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(key, String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/**
 * Calls `fn` once things have been quiet for `ms` milliseconds. cancel()
 * drops a waiting call; flush() makes a waiting call now.
 */
export function debounce(fn, ms) {
  let timer = 0;
  let waiting = null; // the arguments of the call that is waiting, if any
  const run = () => {
    const args = waiting;
    waiting = null;
    clearTimeout(timer);
    if (args) fn(...args);
  };
  const debounced = (...args) => {
    clearTimeout(timer);
    waiting = args;
    timer = setTimeout(run, ms);
  };
  debounced.cancel = () => { clearTimeout(timer); waiting = null; };
  debounced.flush = run;
  return debounced;
}
