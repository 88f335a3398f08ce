// The results: shows one analysis in the five views, redraws the charts
// when their size changes, and marks the results as busy (an analysis runs),
// stale (they no longer describe the text) or empty (no text).

import { debounce } from './dom.js';
import * as counts from './views/counts.js';
import * as entities from './views/entities.js';
import * as frequencyTable from './views/frequency-table.js';
import * as keywordChart from './views/keyword-chart.js';
import * as wordCloud from './views/word-cloud.js';

export function createDashboard(element) {
  const $ = (id) => element.querySelector(`#${id}`);
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

  return {
    show(newAnalysis) {
      analysis = newAnalysis;
      mark('is-empty', false);
      mark('is-stale', false);
      // How many analyses have been shown: lets tests wait for the next one.
      element.dataset.results = String(Number(element.dataset.results || 0) + 1);
      counts.render($('counts'), analysis);
      frequencyTable.render($('frequency-table'), analysis);
      entities.render($('entities'), analysis);
      for (const chart of charts) drawChart(chart);
      // Page open → first chart, read by benches/browser.mjs.
      if (performance.getEntriesByName('ciyan:first-chart').length === 0) performance.mark('ciyan:first-chart');
    },
    busy(on) { mark('is-busy', on); },
    stale() { mark('is-stale', true); },
    /** No text, so no results: hides the views until the next analysis. */
    empty() {
      analysis = null;
      mark('is-empty', true);
    },
  };
}
