// The worker protocol: the one place that names what the page and the
// analysis worker (../worker.js) say to each other. Both import it; no
// message type, query name or error code is written anywhere else.
//
// page → worker   {type, id, ...fields}     (id: the page's number for the request)
// worker → page   {type: Reply.PROGRESS, id, stage, done, total}
//                 {type: Reply.RESULT, id, ...answer}
//                 {type: Reply.ERROR, id, code, message, details?}
// A 'loading' progress or an error before any request has id null.

/** What the page asks; each entry says its fields and its answer. */
export const Request = Object.freeze({
  /** {text, options} → {analysis, millis, document: {id, textLength, tokens, memoryBytes}}.
   *  Cuts the text into a document the worker keeps (the last one asked
   *  for replaces the one before) and summarises it. options: {mode, hmm, topK,
   *  keywordPos, stopwords (whether they are left out), names: {removed,
   *  moved: [{word, kind}], aliases: [{name, forms}], keepImplausible},
   *  scope}. scope (optional): {division, sections: [index]}: summarise, and
   *  answer every Query but those marked "whole text", over those sections
   *  only (their tokens, no new cut); in speaker mode the labels (王毅：) are
   *  never part of a section, so a scope of every turn leaves them out. */
  ANALYZE: 'analyze',
  /** {options} → {analysis, millis, documentId}: the kept document summarised again
   *  (options that only filter or rank, or a new scope: no new cut). A new scope
   *  gives the document a new id. */
  SUMMARIZE: 'summarize',
  /** {query, args} → {answer, documentId}: a question about the kept document (Query), or
   *  about its scope (the sections the last ANALYZE/SUMMARIZE was limited to). */
  QUERY: 'query',
  /** {bytes (ArrayBuffer, transferred), name, encoding?} → {decoded}. */
  DECODE: 'decode',
  /** {} → {encodings}. */
  ENCODINGS: 'encodings',
  /** {userWords: [{word, freq?, tag?}], stopwords: {base, classical, added, removed}}
   *  → {documentId}: the user's words and stopwords, for every analysis from
   *  now on. A bad word changes nothing (the error names it). New stopwords
   *  are given to the kept document too, which then has a new id (its
   *  queries answer differently); new words need a new cut (ANALYZE). */
  CONFIGURE: 'configure',
  /** {} → {words, baseWords}: the current stopword list, and the chosen base
   *  list (with the classical words, if chosen) without the user's additions
   *  and removals; each sorted. */
  STOPWORD_LIST: 'stopwordList',
  /** {text} → {words: [{word, freq, tag}]}: a user dictionary in jieba's
   *  format (`word [freq] [tag]` a line); an error names the bad line. */
  PARSE_USER_DICTIONARY: 'parseUserDictionary',
  /** {words: [{word, freq?, tag?}]} → {text}: the same in jieba's format. */
  FORMAT_USER_DICTIONARY: 'formatUserDictionary',
  /** {text} → {words}: a stopword file (a word a line, # comments). */
  PARSE_STOPWORDS: 'parseStopwords',
  /** Test hook: makes the Rust code trap. */
  CRASH: 'crash',
});

/**
 * The questions a document answers: the name and its arguments. Positions are UTF-16 units, always
 * in the whole text (also in a scope).
 *
 * A division says how to split the text into sections:
 *   {by: 'chapter'} | {by: 'speaker'} | {by: 'paragraph'} | {by: 'parts', parts: n}
 *   | {by: 'given', sections: [{label, start, end}]}   (the page's own: a corpus of files)
 * A part is one or more sections taken together: {label, sections: [index]}.
 */
export const Query = Object.freeze({
  /** [term, {mode: 'word'|'substring', width, pos, forms, within: [{start, end}]}] →
   *  [{left, word, right, start, end, leftWords, rightWords}]; within: only lines that start there. */
  CONCORDANCE: 'concordance',
  /** [word, {left, right, minCount, skipStopwords, pos}] → [{word, pos, count, expected, frequency, logLikelihood, mi, tScore, logDice}] */
  COLLOCATES: 'collocates',
  /** [word, {parts, skipStopwords}] → {parts, partSizes, dp, dpNorm, juillandD, positions, textLength} */
  DISPERSION: 'dispersion',
  /** [{minLength, maxLength, minCount, longestOnly}] → [{phrase, words, count}] */
  PHRASES: 'phrases',
  /** [word, options (as for ANALYZE)] → {word, count, pos, idf, idfSource: 'table'|'median', medianIdf,
   *  tfidfCount, candidateTokens, tf, tfidf, tfidfRank, tfidfExcluded, textrank, textrankRank,
   *  textrankExcluded, tfidfCandidates, textrankCandidates, topK}; an exclusion is one of
   *  'notInText' 'notAWord' 'tooShort' 'stopword' 'posFilter' 'noNeighbours', or null. */
  EXPLAIN_KEYWORD: 'explainKeyword',
  /** [{maxLen, minCount, minCohesion, minFreedom, limit}?] (left out: suited to the text's
   *  length) → {words: [{word, count, cohesion, leftEntropy, rightEntropy, score}],
   *  hanCharacters, tooShort, minCount}: words the dictionary lacks. */
  NEW_WORDS: 'newWords',
  /** Whole text. [division | null (the suggested one)] → {division, suggested: by,
   *  sections: [{label, start, end, tokens}], groups: [{label, kind: 'speaker'|'role', sections: [index], tokens}]}.
   *  groups: in speaker mode each speaker's turns, and each role's (all 记者 turns: the questions). */
  SECTIONS: 'sections',
  /** Whole text. [division, {parts?: [part] (default: each section), top: 10, minCount: 3, skipStopwords}] →
   *  [{label, sections, tokens, positive: [keyness], negative: [keyness]}]: each part against the rest. */
  DISTINCTIVE: 'distinctive',
  /** Whole text. [division, a: part, b: part | null (the rest), {minCount: 3, skipStopwords, limit: 200}] →
   *  {a: {label, tokens, types, ranges}, b: {…}, words: [keyness] (positive: more in a), shared: n,
   *  sharedWords: [{word, a, b}], onlyA: [{word, count}], onlyB: [{word, count}]}; ranges: [{start, end}].
   *  keyness: {word, a, b, logLikelihood, logRatio, percentDiff, bic, positive, p (0.05 0.01 0.001 0.0001 | null)} */
  KEYNESS: 'keyness',
  /** Whole text. [division, words, {skipStopwords}] → {sections: [{label, tokens}],
   *  words: [{word, counts: [n per section], perTenThousand: [per section]}]} */
  TRENDS: 'trends',
  /** [{unit: 'sentence'|'paragraph', words: 120, edges: 60, skipStopwords: true}] →
   *  {nodes: [{word, count, community, degree, x, y}], edges: [{source, target, jaccard, together}] (node indices),
   *  minCount, units, communities, modularity}: KH Coder's network; x, y from a seeded force layout, about −1…1. */
  NETWORK: 'network',
  /** Whole text. [] → [{kind, start, end, text, replacement, word?, other?: {start, end}}]: flaws of a printed
   *  text, fixed by replacing [start, end) with replacement. kind: 'brokenLine' (a sentence broken across
   *  lines: the break; word: the word the join makes, as 中国), 'repeated' (a passage printed twice: the second
   *  copy; other: the first), 'fragment' (a line that breaks off: the line), 'caption' (a photo caption). */
  REPAIRS: 'repairs',
});

export const Reply = Object.freeze({
  PROGRESS: 'progress',
  RESULT: 'result',
  ERROR: 'error',
});

/** The stages a progress report names. */
export const Stage = Object.freeze({
  LOADING: 'loading', // the wasm and the dictionary
  SEGMENTING: 'segmenting',
  KEYWORDS: 'keywords',
});

/** Error codes beyond the core's own (src/error.rs). */
export const ErrorCode = Object.freeze({
  /** pkg/ciyan.dict could not be fetched; the next request tries again. */
  DICTIONARY_UNAVAILABLE: 'dictionary-unavailable',
  /** No such request or query. */
  BAD_REQUEST: 'bad-request',
  /** A query before any analysis, or after the document was dropped. */
  NO_DOCUMENT: 'no-document',
  /** A newer analysis replaced this one before it finished. */
  SUPERSEDED: 'superseded',
  /** The page stopped the worker. */
  CANCELLED: 'cancelled',
  /** A trap in the core (a panic, out of memory): the worker is replaced. */
  INTERNAL: 'internal',
});
