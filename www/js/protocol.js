// The worker protocol: the one place that names what the page and the
// analysis worker (../worker.js) say to each other. Both import it; no
// message type, query name or error code is written anywhere else.
//
// page → worker   {type, id, ...fields}     (id: the page's number for the request)
// worker → page   {type: Reply.PROGRESS, id, stage, done, total}
//                 {type: Reply.RESULT, id, ...answer}
//                 {type: Reply.ERROR, id, code, message}
// A 'loading' progress or an error before any request has id null.

/** What the page asks; each entry says its fields and its answer. */
export const Request = Object.freeze({
  /** {text, options} → {analysis, millis, document: {id, textLength, tokens, memoryBytes}}.
   *  Cuts the text into a document the worker keeps (the last one asked
   *  for replaces the one before) and summarises it. options: {mode, hmm, topK,
   *  keywordPos, stopwords (whether they are left out), names: {removed,
   *  moved: [{word, kind}], aliases: [{name, forms}], keepImplausible}}. */
  ANALYZE: 'analyze',
  /** {options} → {analysis, millis}: the kept document summarised again
   *  (options that only filter or rank: no new cut). */
  SUMMARIZE: 'summarize',
  /** {query, args} → {answer, documentId}: a question about the kept document (Query). */
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

/** The questions a document answers: the name and its arguments. Positions are UTF-16 units. */
export const Query = Object.freeze({
  /** [term, {mode: 'word'|'substring', width, pos}] → [{left, word, right, start, end, leftWords, rightWords}] */
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
