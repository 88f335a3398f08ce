// Wiring: input and options ask for an analysis; its answer goes to the views.

import { AnalyzerClient } from './analyzer-client.js';
import { debounce } from './dom.js';
import { setupInput } from './input.js';
import { onOptionsChange, readOptions } from './options-form.js';
import { createStatus } from './status.js';
import * as counts from './views/counts.js';
import * as entities from './views/entities.js';
import * as frequencyTable from './views/frequency-table.js';
import * as keywordChart from './views/keyword-chart.js';
import * as wordCloud from './views/word-cloud.js';

const $ = (id) => document.getElementById(id);
const textarea = $('text');
const form = $('options');
const dashboard = $('dashboard');
const status = createStatus($('status'), $('error'));
const client = new AnalyzerClient();
client.onLoadError = (error) => status.error(error.message);

// The views whose drawing depends on their size, with the size last drawn at.
const charts = [
  { view: keywordChart, container: $('keyword-chart'), size: '' },
  { view: wordCloud, container: $('word-cloud-box'), size: '' },
];

let analysis = null;
let latest = 0;

async function analyze() {
  const request = ++latest;
  status.clearError();
  status.working();
  dashboard.classList.add('is-busy');
  try {
    const answer = await client.analyze(textarea.value, readOptions(form), status.progress);
    if (answer.stale) return;
    analysis = answer.analysis;
    show();
    status.done(answer.millis);
    dashboard.classList.remove('is-stale');
  } catch (error) {
    if (request !== latest) return;
    status.error(error.message);
    // The results on screen no longer describe the text.
    dashboard.classList.add('is-stale');
  } finally {
    if (request === latest) dashboard.classList.remove('is-busy');
  }
}

function show() {
  dashboard.classList.remove('is-empty');
  // How many analyses have been shown: lets tests wait for the next one.
  dashboard.dataset.results = String(Number(dashboard.dataset.results || 0) + 1);
  counts.render($('counts'), analysis);
  frequencyTable.render($('frequency-table'), analysis);
  entities.render($('entities'), analysis);
  for (const chart of charts) drawChart(chart);
  // Page open → first chart, read by benches/browser.mjs.
  if (performance.getEntriesByName('ciyan:first-chart').length === 0) performance.mark('ciyan:first-chart');
}

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

const input = setupInput(
  { textarea, openButton: $('open-file'), fileInput: $('file-input'), sampleButton: $('load-sample'), overlay: $('drop-overlay') },
  { onText: analyze, onError: (message) => status.error(message) },
);
$('analyze').addEventListener('click', analyze);
onOptionsChange(form, analyze);

input.loadSample();
