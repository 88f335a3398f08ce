// The results: shows one analysis in the summary views, and keeps the views
// of the selected word and of the kept document up to date; redraws the
// charts when their size changes, and marks the results as busy (an
// analysis runs), stale (they no longer describe the text) or empty.
//
// The view registry: each view of VIEWS is a module that exports
// `needs` (which of 'analysis', 'word', 'document' it draws from) and
// `create(container, context)` → {update(state)}; update is called only when
// something it needs changed. state: {analysis, word, document}; document
// is the worker's kept document ({id, text, textLength, tokens}); context:
// {client, selection, structure} (structure.js: the division, the sections
// and the scope the results are limited to). Views ask the worker for what they draw with
// client.query(Query.X, ...args).

import { debounce } from './dom.js';
import { downloadJson, exportButtons } from './export.js';
import { t } from './i18n.js';
import { linkWords } from './selection.js';
import * as collocates from './views/collocates.js';
import * as compare from './views/compare.js';
import * as concordance from './views/concordance.js';
import * as counts from './views/counts.js';
import * as dispersion from './views/dispersion.js';
import * as entities from './views/entities.js';
import * as frequencyTable from './views/frequency-table.js';
import * as keywordChart from './views/keyword-chart.js';
import * as network from './views/network.js';
import * as newWords from './views/new-words.js';
import * as phrases from './views/phrases.js';
import * as scopeBanner from './views/scope-banner.js';
import * as sections from './views/sections.js';
import * as trends from './views/trends.js';
import * as wordCloud from './views/word-cloud.js';
import * as wordInfo from './views/word-info.js';

/** The views of the selected word, of the document and of the names, by container id. */
const VIEWS = [
  [sections, 'sections'],
  [compare, 'compare'],
  [wordInfo, 'word-info'],
  [concordance, 'concordance'],
  [dispersion, 'dispersion'],
  [collocates, 'collocates'],
  [trends, 'trends'],
  [network, 'network'],
  [entities, 'entities'],
  [phrases, 'phrases'],
  [newWords, 'new-words'],
];

/** Resolves in a task after the next frame: what was drawn is painted, and
 * the next view reads a layout that is already up to date. */
const nextTask = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function createDashboard(element, context) {
  const $ = (id) => element.querySelector(`#${id}`);
  const { client, selection } = context;
  linkWords(element, selection);
  scopeBanner.create($('scope-banner'), context);
  const views = VIEWS.map(([view, id]) => ({ needs: view.needs, instance: view.create($(id), context) }));
  const state = { analysis: null, word: selection.word, document: null };
  /** Updates the views that need any of `changed` (names of state's fields). */
  function updateViews(changed) {
    if (!state.analysis) return;
    for (const view of views) {
      if (view.needs.some((need) => changed.includes(need))) view.instance.update(state);
    }
  }
  selection.subscribe((word) => {
    state.word = word;
    element.classList.toggle('has-word', Boolean(word));
    updateViews(['word']);
  });
  element.classList.toggle('has-word', Boolean(state.word));
  // The whole analysis, as the worker gave it, with what it was made of.
  const drawExports = () => $('results-export').replaceChildren(exportButtons([
    [t('export.all'), () => downloadJson('ciyan-analysis.json', {
      generator: 'Ciyan 词眼',
      options: state.document?.options ?? {},
      document: state.document && { characters: [...state.document.text].length, tokens: state.document.tokens },
      analysis: state.analysis,
    })],
    [t('export.print'), () => window.print()],
  ], t('export.allLabel')));
  drawExports();
  // The views whose drawing depends on their size, with the size last drawn at.
  const charts = [
    { view: keywordChart, container: $('keyword-chart'), size: '' },
    { view: wordCloud, container: $('word-cloud-box'), size: '' },
  ];
  let analysis = null;

  // The keyword chart sets its own height (so only its width counts); the
  // cloud's box is sized by CSS, so both of its sides do.
  const sizeOf = ({ view, container }) =>
    view === keywordChart ? `${container.clientWidth}` : `${container.clientWidth}x${container.clientHeight}`;

  function drawChart(chart) {
    chart.view.render(chart.container, analysis);
    chart.size = sizeOf(chart);
  }

  // Redraw the charts whose size changed, once resizing has settled.
  const redraw = debounce(() => {
    for (const chart of charts) if (analysis && sizeOf(chart) !== chart.size) drawChart(chart);
  }, 150);
  const observer = new ResizeObserver(redraw);
  for (const chart of charts) observer.observe(chart.container);

  // The cloud's colours come from the theme; the SVG follows CSS by itself.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (analysis) drawChart(charts[1]);
  });

  const mark = (name, on) => element.classList.toggle(name, on);
  let shown = 0; // the newest analysis being shown

  return {
    /**
     * Shows `newAnalysis` in three tasks, so that no one of them keeps the
     * page from answering for long (a large text makes every layout slow):
     * the counts and the keyword chart, which reads the layout before
     * anything else has changed it; the cloud; the table and the names.
     */
    async show(newAnalysis) {
      const current = ++shown;
      analysis = newAnalysis;
      mark('is-empty', false);
      mark('is-stale', false);
      drawChart(charts[0]);
      counts.render($('counts'), analysis, client.document?.options);
      // Page open → first chart, read by benches/browser.mjs.
      if (performance.getEntriesByName('ciyan:first-chart').length === 0) performance.mark('ciyan:first-chart');
      await nextTask();
      if (current !== shown) return;
      drawChart(charts[1]);
      await nextTask();
      if (current !== shown) return;
      frequencyTable.render($('frequency-table'), analysis);
      const documentChanged = state.document?.id !== client.document?.id;
      Object.assign(state, { analysis, document: client.document });
      updateViews(documentChanged ? ['analysis', 'document'] : ['analysis']);
      // How many analyses have been shown in full: lets tests wait for the next one.
      element.dataset.results = String(Number(element.dataset.results || 0) + 1);
    },
    /**
     * Draws everything again in the language switched to (i18n.js): the
     * summary views, and every view of the registry, whatever it needs.
     */
    relabel() {
      drawExports();
      if (!analysis) return;
      drawChart(charts[0]);
      counts.render($('counts'), analysis, client.document?.options);
      drawChart(charts[1]);
      frequencyTable.render($('frequency-table'), analysis);
      for (const view of views) view.instance.update(state);
    },
    busy(on) { mark('is-busy', on); },
    stale() { mark('is-stale', true); },
    /** No text, so no results: hides the views until the next analysis. */
    empty() {
      ++shown; // the rest of an analysis still being shown is dropped
      analysis = null;
      Object.assign(state, { analysis: null, document: null });
      mark('is-empty', true);
    },
  };
}
