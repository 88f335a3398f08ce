// The composition root: makes the page's pieces and wires them together,
// and nothing else. The worker's client (analyzer-client.js); the page
// state views set and follow (selection.js, structure.js); the cards,
// drawn by the view registry (cards.js, view-registry.js: the contract
// every view follows); the results (dashboard.js); and the way of the text
// from the input to the results (analysis-flow.js).

import { AnalyzerClient } from './analyzer-client.js';
import { createAnalysisFlow } from './analysis-flow.js';
import { CARDS } from './cards.js';
import { createDashboard } from './dashboard.js';
import { applyStatic, locale, onLocaleChange, setLocale } from './i18n.js';
import { registerServiceWorker } from './offline.js';
import { useCoreLimits } from './settings.js';
import { createSelection } from './selection.js';
import { createStatus } from './status.js';
import { createStructure } from './structure.js';
import { createRegistry } from './view-registry.js';

const $ = (id) => document.getElementById(id);
// The page's static text in the chosen language, before anything is drawn.
applyStatic();
const client = new AnalyzerClient();
// The settings are held to the core's limits on every path (settings.js).
useCoreLimits(() => client.constants().then(({ limits }) => limits));
const selection = createSelection();
const structure = createStructure();
const status = createStatus($('status'), $('error'));
const registry = createRegistry(CARDS, { results: $('dashboard') });
const dashboard = createDashboard($('dashboard'), registry, selection);
const flow = createAnalysisFlow({ client, structure, status, dashboard, registry });

// The state every card reads: the selected word, the text's structure, the theme.
registry.set({ word: selection.word });
selection.subscribe((word) => registry.set({ word }));
const structureFields = ({ division, sections, scope, within }) => ({ division, sections, scope, within });
registry.set(structureFields(structure));
structure.subscribe((state, changed) =>
  registry.set(Object.fromEntries(Object.entries(structureFields(state)).filter(([field]) => changed.includes(field)))));
const dark = matchMedia('(prefers-color-scheme: dark)');
const theme = () => (dark.matches ? 'dark' : 'light');
registry.set({ theme: theme() });
dark.addEventListener('change', () => registry.set({ theme: theme() }));

registry.start({ client, selection, structure, editor: flow.editor, pickEncoding: flow.pickEncoding, chooseColumns: flow.chooseColumns });

// The interface language: the header's switch (i18n.js). A switch writes
// the static text again and relabels every card once (a card that draws
// from a query keeps its answer; nothing is analysed again).
const localeButtons = [...document.querySelectorAll('.locale-switch [data-locale]')];
function markLocale() {
  for (const button of localeButtons) button.setAttribute('aria-pressed', String(button.dataset.locale === locale()));
}
markLocale();
for (const button of localeButtons) button.addEventListener('click', () => setLocale(button.dataset.locale));
onLocaleChange(() => {
  applyStatic();
  markLocale();
  status.relabel();
  registry.relabel();
});

// The offline copy is made once the first analysis is on screen, so that
// its downloads never delay that.
flow.start().finally(registerServiceWorker);
