// The view registry: the one contract every card of the page follows, and
// the one place that draws them.
//
// A view is a module of views/ that exports:
//
//   id       the id of the element it draws in (its card's body in index.html)
//   needs    the fields of the page's state (below) it draws from
//   sized    optional: 'width' or 'size', when its layout depends on its
//            element's width (or width and height); resize() is then called
//            once a change of them has settled
//   create(element, context) → { update(state, changed), relabel?(state), resize?(state) }
//
// The registry calls update(state, changed) once for each change of the
// state that touches a field the view needs (`changed`: a Set of the names
// of the fields that changed); relabel(state) once for each switch of
// language (a view without relabel gets update(state, every field it
// needs) instead: it draws everything again); resize(state) once a resize
// of its element settled. A view listens to nothing else of the page: not
// to the language, the selection, the structure, the settings or its size.
// It may ask the worker for what it draws (context.client), and keeps its
// own controls' values. A new card: its module here, its element in
// index.html, its entry in cards.js.
//
// The state, one object every view reads (registry.state):
//
//   analysis       the summary shown (the worker's analysis), or null: no results
//   document       the worker's kept document ({id, text, textLength,
//                  tokens, options}), or null; it changes when its id does
//   word           the selected word (selection.js), or null
//   division, sections, scope, within
//                  the text's structure (structure.js)
//   theme          'light' or 'dark' (a canvas takes its colours from it)
//   settings       the user's settings (settings.js), once loaded
//   configuration  how many times the worker took the settings (a number)
//   file           the files the text came from ({files, failed, dropped}), or null
//   encodings      the encodings a user may pick, as the core lists them
//
// The cards of the results (inside options.results, the #dashboard) are
// hidden while there is no analysis: they are not updated then, and the
// first update after names every field they need (and, after a switch of
// language they missed, relabels them first).
//
// context, create's second argument: {client, selection, structure, editor,
// pickEncoding, chooseColumns} (see main.js): the worker, the page state a view may set,
// and what the input's flow (analysis-flow.js) lets a view do.

import { debounce } from './dom.js';

/**
 * create's second argument. The client is typed, so that every question a
 * view asks (client.ask) is checked against the core's contract by tsc
 * (jsconfig.json, make test).
 * @typedef {object} ViewContext
 * @property {import('./analyzer-client.js').AnalyzerClient} client
 * @property {any} [selection]
 * @property {any} [structure]
 * @property {any} [editor]
 * @property {any} [pickEncoding]
 * @property {any} [chooseColumns]
 */

const SAME = {
  // A document is the same while its id is (its options may be newer).
  document: (a, b) => (a?.id ?? null) === (b?.id ?? null),
};
const same = (field, a, b) => (SAME[field] ?? Object.is)(a, b);

/** Resolves in a task after the next frame: what was drawn is painted, and the next view reads an up-to-date layout. */
const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * stages: arrays of view modules, each array drawn in its own task when the
 * analysis changes (so that no one task keeps the page from answering for
 * long), in the order given. options: results (the element of the results'
 * cards), find(id) (the element of a view), settle (ms a resize must pause
 * before views are drawn again), and for tests observeSize(element,
 * callback) and nextTask().
 */
export function createRegistry(stages, options = {}) {
  const {
    results = null,
    find = (id) => document.getElementById(id),
    settle = 150,
    observeSize = (element, callback) => new ResizeObserver(callback).observe(element),
    nextTask = afterPaint,
  } = options;
  const state = {
    analysis: null, document: null, word: null,
    division: null, sections: null, scope: null, within: null,
    theme: 'light', settings: null, configuration: 0, file: null, encodings: [],
  };
  /** Each view: {module, element, instance, pending: Set, relabel: whether a switch is owed, size}. */
  let views = [];
  let started = false;
  let pass = 0; // the newest staged pass; an older one stops
  let depth = 0; // passes running (a view's update may change the state)

  const isResult = (view) => results !== null && results.contains(view.element);
  const allowed = (view) => !(isResult(view) && state.analysis === null);
  const sizeOf = (view) => (view.module.sized === 'size'
    ? `${view.element.clientWidth}x${view.element.clientHeight}`
    : `${view.element.clientWidth}`);

  const owed = (view) => allowed(view) && view.instance && (view.relabel || view.pending.size > 0);

  /**
   * Calls what `view` is owed: relabel() first if a switch passed it by,
   * then update() with what changed. `size`: its box, read before any view
   * of the pass wrote to the page.
   */
  function deliver(view, size) {
    if (!owed(view)) return;
    if (view.relabel) {
      view.relabel = false;
      if (view.instance.relabel) view.instance.relabel(state);
      else for (const need of view.module.needs) view.pending.add(need);
    }
    if (view.pending.size === 0) return;
    const changed = view.pending;
    view.pending = new Set();
    if (view.module.sized) view.size = size ?? sizeOf(view);
    view.instance.update(state, changed);
  }

  function deliverAll(list = views) {
    depth += 1;
    try {
      // Every box read first: a read after another view's drawing would
      // lay the whole page out again, once a view (150 ms a pass, measured
      // on the sample). A box that a drawing changes meanwhile is drawn
      // again by the size observer.
      const sizes = new Map(list.filter((view) => view.module.sized && owed(view)).map((view) => [view, sizeOf(view)]));
      for (const view of list) deliver(view, sizes.get(view));
    } finally {
      depth -= 1;
    }
  }

  /** Assigns `fields`, and marks the views that need one that changed. */
  function assign(fields) {
    for (const [field, value] of Object.entries(fields)) {
      if (!(field in state)) throw new Error(`no state field ${field}`);
      const changed = !same(field, state[field], value);
      state[field] = value;
      if (changed) for (const view of views) if (view.module.needs.includes(field)) view.pending.add(field);
    }
  }

  function createViews(context) {
    views = stages.map((stage) => stage.map((module) => {
      const element = find(module.id);
      if (!element) throw new Error(`no element #${module.id} for a view`);
      const view = { module, element, instance: null, pending: new Set(module.needs), relabel: false, size: '', stage };
      view.instance = module.create(element, context);
      return view;
    })).flat();
    for (const view of views.filter((v) => v.module.sized)) {
      observeSize(view.element, debounce(() => {
        if (!allowed(view) || !view.instance.resize || sizeOf(view) === view.size) return;
        view.size = sizeOf(view);
        view.instance.resize(state);
      }, settle));
    }
  }

  return {
    /** The page's state, as the views read it (change it through set). */
    state,

    /** Creates every view (in the order of the stages) with `context`, and draws those allowed now. */
    start(context) {
      createViews(context);
      started = true;
      deliverAll();
    },

    /**
     * Sets fields of the state and updates, once, each view that needs one
     * that changed. staged: the views are drawn a stage a task (a new
     * analysis). Resolves with true once every view is drawn, false if a
     * newer analysis (or none) took over: it draws what this one left.
     */
    async set(fields, { staged = false } = {}) {
      // Another analysis, or none: an older one's stages still to draw are dropped.
      const current = 'analysis' in fields ? ++pass : pass;
      assign(fields);
      if (!started) return true;
      if (!staged || depth > 0) {
        deliverAll();
        return true;
      }
      for (const [i, stage] of stages.entries()) {
        if (i > 0) await nextTask();
        if (current !== pass) return false;
        deliverAll(views.filter((view) => view.stage === stage));
      }
      return true;
    },

    /** A switch of language: each view relabelled once (those hidden with the results, when next drawn). */
    relabel() {
      for (const view of views) view.relabel = true;
      deliverAll();
    },
  };
}
