// Every card of the page, as the view registry (view-registry.js) draws
// them: in stages, each drawn in its own task after a new analysis, so that
// no one task keeps the page from answering for long (a large text makes
// every layout slow). First what is read first — the counts and the keyword
// chart, which reads the layout before anything else has changed it — then
// the cloud, then the rest, in the page's order.

import * as collocates from './views/collocates.js';
import * as compare from './views/compare.js';
import * as concordance from './views/concordance.js';
import * as counts from './views/counts.js';
import * as dispersion from './views/dispersion.js';
import * as entities from './views/entities.js';
import * as fileInfo from './views/file-info.js';
import * as frequencyTable from './views/frequency-table.js';
import * as keywordChart from './views/keyword-chart.js';
import * as lexicon from './views/lexicon.js';
import * as network from './views/network.js';
import * as newWords from './views/new-words.js';
import * as phrases from './views/phrases.js';
import * as repair from './views/repair.js';
import * as resultsExport from './views/results-export.js';
import * as scopeBanner from './views/scope-banner.js';
import * as sections from './views/sections.js';
import * as textProfile from './views/text-profile.js';
import * as trends from './views/trends.js';
import * as wordCloud from './views/word-cloud.js';
import * as wordInfo from './views/word-info.js';

export const CARDS = [
  [counts, keywordChart, scopeBanner],
  [wordCloud],
  [
    resultsExport, frequencyTable, sections, compare, wordInfo, concordance, dispersion, collocates,
    trends, network, entities, textProfile, phrases, newWords,
    // Outside the results: the input card's file and repairs, the lexicon.
    fileInfo, repair, lexicon,
  ],
];
