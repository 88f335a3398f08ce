//! The analyzer: jieba loaded once, one call per text.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::dictionary::Dictionary;
use crate::analyses::keyword_explanation::{KeywordExplanation, KeywordRanking};
use crate::document::{Document, DocumentBuilder};
use crate::full_cut;
use crate::keywords::{self, KeywordMethod, TextRank, TfIdfRun};
use crate::text::{self, CharCounts, MAX_TEXT_BYTES};
use crate::{stopwords, Analysis, Counts, Entities, Error, Keyword, Keywords, Options, SegmentMode, WordCount};

/// How much text is cut between two progress reports.
const CHUNK_BYTES: usize = 256 * 1024;

/// What an analysis is doing when it reports progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Stage {
    /// Cutting the text into tagged words.
    Segmenting,
    /// Weighing keywords.
    Keywords,
}

/// A progress report: `done` of `total` bytes of the current stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    /// The stage.
    pub stage: Stage,
    /// Bytes of text done in this stage.
    pub done: usize,
    /// Bytes of text in all.
    pub total: usize,
}

/// What the analysis knows of one distinct word while it reads.
struct WordStat<'t> {
    count: usize,
    first_use: usize,
    pos: &'t str,
}

/// The word list of the precise cut: each word's count, first use and the
/// tag of its first use, from the document's vocabulary.
fn precise_stats(document: &Document) -> HashMap<&str, WordStat<'_>> {
    let vocabulary = document.vocabulary();
    (0..vocabulary.len() as u32)
        .filter(|&id| vocabulary.is_word(id))
        .map(|id| {
            let stat = WordStat { count: vocabulary.count(id), first_use: id as usize, pos: document.first_tag(id) };
            (vocabulary.word(id), stat)
        })
        .collect()
}

/// jieba's dictionary and IDF table, loaded once (about a tenth of a second
/// natively), answering any number of analyses.
pub struct Analyzer {
    /// Shared with the cuts under way ([`Cut`]).
    dictionary: Arc<Dictionary>,
}

/// A cut under way: the text is cut a piece of about a quarter of a
/// megabyte at a time, so that the caller can report progress, answer other
/// requests or give up between pieces.
#[derive(Debug)]
pub struct Cut {
    dictionary: Arc<Dictionary>,
    text: String,
    /// Bytes cut so far (always at a line end).
    done: usize,
    builder: DocumentBuilder,
}

impl Cut {
    /// Whether the whole text is cut.
    pub fn is_done(&self) -> bool {
        self.done == self.text.len()
    }

    /// Cuts the next piece and says how far the cut is.
    pub fn step(&mut self) -> Progress {
        let Cut { dictionary, text, done, builder } = self;
        if let Some(chunk) = text::line_chunks(&text[*done..], CHUNK_BYTES).next() {
            for (word, tag) in dictionary.tag(chunk, builder.hmm()) {
                builder.push(word, tag);
            }
            *done += chunk.len();
        }
        Progress { stage: Stage::Segmenting, done: *done, total: text.len() }
    }

    /// The document, once every piece is cut (what is left is cut now).
    pub fn finish(mut self) -> Document {
        while !self.is_done() {
            self.step();
        }
        self.builder.finish(self.text)
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").finish_non_exhaustive()
    }
}

impl Analyzer {
    /// Loads the dictionary, HMM model and IDF table embedded in the native
    /// library.
    pub fn new() -> Self {
        Analyzer::with_dictionary(Dictionary::embedded())
    }

    /// An analyzer over a loaded dictionary (the web build fetches its
    /// dictionary file; see [`Dictionary::from_bytes`]).
    pub fn with_dictionary(dictionary: Dictionary) -> Self {
        Analyzer { dictionary: Arc::new(dictionary) }
    }

    /// Analyses `text`.
    pub fn analyze(&self, text: &str, options: &Options) -> Result<Analysis, Error> {
        self.analyze_with_progress(text, options, |_| {})
    }

    /// Analyses `text`, calling `on_progress` between pieces of about a
    /// quarter of a megabyte. In search and full mode the segmenting stage
    /// reads the text twice, and its `total` is twice the text's size.
    pub fn analyze_with_progress(
        &self,
        text: &str,
        options: &Options,
        mut on_progress: impl FnMut(Progress),
    ) -> Result<Analysis, Error> {
        options.validate()?;
        check_size(text)?;
        // Search and full mode cut the text a second time for the word list.
        let passes = if options.mode == SegmentMode::Precise { 1 } else { 2 };
        let total = text.len();
        let document = self.document_with_progress(text.to_owned(), options.hmm, |p| {
            on_progress(Progress { total: total * passes, ..p })
        })?;
        self.summarize(&document, options, on_progress)
    }

    /// Cuts `text` once, precisely and tagged, into a [`Document`] that
    /// answers any number of questions without cutting it again.
    pub fn document(&self, text: String, hmm: bool) -> Result<Document, Error> {
        self.document_with_progress(text, hmm, |_| {})
    }

    /// [`Analyzer::document`], calling `on_progress` (stage `Segmenting`)
    /// between pieces of about a quarter of a megabyte.
    pub fn document_with_progress(
        &self,
        text: String,
        hmm: bool,
        mut on_progress: impl FnMut(Progress),
    ) -> Result<Document, Error> {
        let mut cut = self.start_document(text, hmm)?;
        while !cut.is_done() {
            on_progress(cut.step());
        }
        Ok(cut.finish())
    }

    /// Starts cutting `text` into a [`Document`], one piece per
    /// [`Cut::step`].
    pub fn start_document(&self, text: String, hmm: bool) -> Result<Cut, Error> {
        check_size(&text)?;
        let builder = DocumentBuilder::new(text.len(), hmm);
        Ok(Cut { dictionary: Arc::clone(&self.dictionary), text, done: 0, builder })
    }

    /// The summary of a document: counts, the word list, keywords and names,
    /// by `options`. Options that only filter or rank (stopwords, how many
    /// keywords, their tags) read the document as it is; the search and full
    /// modes cut the text again for their word list. `options.hmm` must be
    /// the document's.
    pub fn summarize(
        &self,
        document: &Document,
        options: &Options,
        mut on_progress: impl FnMut(Progress),
    ) -> Result<Analysis, Error> {
        options.validate()?;
        if options.hmm != document.hmm() {
            return Err(Error::InvalidOption("hmm differs from the document's cut: cut the text again".into()));
        }
        let text = document.text();
        let total = text.len();
        let passes = if options.mode == SegmentMode::Precise { 1 } else { 2 };
        let precise = precise_stats(document);
        let precise_tokens: usize = precise.values().map(|s| s.count).sum();
        let (words, tokens) = match options.mode {
            SegmentMode::Precise => (word_list(&precise, options.stopwords), precise_tokens),
            mode => {
                let progress = |d| on_progress(Progress { stage: Stage::Segmenting, done: total + d, total: total * passes });
                let (stats, tokens) = self.count_words(text, mode, options.hmm, &precise, progress);
                (word_list(&stats, options.stopwords), tokens)
            }
        };
        on_progress(Progress { stage: Stage::Keywords, done: 0, total });
        let ranking = self.keyword_ranking(document, options, &mut on_progress);
        let tfidf = ranking.tfidf.iter().take(options.top_k).cloned().collect();
        let textrank = ranking.textrank.iter().take(options.top_k).cloned().collect();
        on_progress(Progress { stage: Stage::Keywords, done: total, total });

        let chars = CharCounts::of(text);
        let all_precise = word_list(&precise, false);
        Ok(Analysis {
            counts: Counts {
                characters: chars.characters,
                han_characters: chars.han_characters,
                tokens,
                distinct_words: words.len(),
                sentences: chars.sentences,
            },
            words,
            keywords: Keywords { tfidf, textrank },
            entities: Entities {
                people: with_tag(&all_precise, |t| t.starts_with("nr")),
                places: with_tag(&all_precise, |t| t == "ns"),
                organizations: with_tag(&all_precise, |t| t == "nt"),
            },
        })
    }

    /// Why `word` is, or is not, a keyword of `document` under `options`.
    pub fn explain_keyword(&self, document: &Document, word: &str, options: &Options) -> KeywordExplanation {
        let ranking = self.keyword_ranking(document, options, |_| {});
        crate::analyses::keyword_explanation::explain(document, &self.dictionary.idf, &ranking, word, options)
    }

    /// Every candidate ranked by each keyword method, for the stopword and
    /// tag choices of `options`: kept with the document, so that the
    /// explanation of a word after a summary ranks nothing again.
    /// Reports progress (stage `Keywords`, in bytes of text) as it reads
    /// the document, when it ranks anew.
    fn keyword_ranking(
        &self,
        document: &Document,
        options: &Options,
        mut on_progress: impl FnMut(Progress),
    ) -> Arc<KeywordRanking> {
        let key = (options.stopwords, options.keyword_pos.clone());
        let mut kept = document.keyword_ranking.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ranking) = kept.as_ref().filter(|r| r.key == key) {
            return Arc::clone(ranking);
        }
        let textrank_pos = options.keyword_pos.clone().unwrap_or_else(keywords::python_textrank_pos);
        let mut textrank = TextRank::new(textrank_pos, keywords::stop_words(options.stopwords));
        let tfidf_pos = options.keyword_pos.as_deref().unwrap_or(&[]);
        let mut tfidf = TfIdfRun::new(&self.dictionary.idf, tfidf_pos, keywords::stop_words(options.stopwords));
        let total = document.text().len();
        let mut next_report = CHUNK_BYTES;
        for (i, (word, tag)) in document.tagged().enumerate() {
            textrank.push(word, tag);
            tfidf.push(word, tag);
            let done = document.span(i).end;
            if done >= next_report {
                on_progress(Progress { stage: Stage::Keywords, done, total });
                next_report = done + CHUNK_BYTES;
            }
        }
        let candidate_tokens = tfidf.total() as usize;
        let ranking = Arc::new(KeywordRanking {
            key,
            candidate_tokens,
            tfidf: tfidf.finish(usize::MAX),
            textrank: textrank.rank(usize::MAX),
        });
        *kept = Some(Arc::clone(&ranking));
        ranking
    }

    /// Cuts `text` in `mode` into tokens (punctuation and white space
    /// included), as `jieba.cut` does.
    pub fn cut<'t>(&self, text: &'t str, mode: SegmentMode, hmm: bool) -> Vec<&'t str> {
        let tokens = match mode {
            SegmentMode::Precise => self.dictionary.jieba.cut(text, hmm),
            SegmentMode::Search => self.dictionary.jieba.cut_for_search(text, hmm),
            SegmentMode::Full => return full_cut::cut_all(&self.dictionary.jieba, text),
        };
        tokens.into_iter().map(|t| t.word).collect()
    }

    /// Cuts `text` precisely and tags each token with its part of speech.
    pub fn tag<'t>(&'t self, text: &'t str, hmm: bool) -> Vec<(&'t str, &'t str)> {
        self.dictionary.tag(text, hmm)
    }

    /// The keywords of `text` by one method, as Python's `extract_tags` or
    /// `textrank` give them with the same arguments. `allowed_pos` of `None`
    /// is each method's Python default; `stopwords` adds the built-in
    /// Chinese stopwords to Python's English ones.
    pub fn keywords(
        &self,
        text: &str,
        method: KeywordMethod,
        top_k: usize,
        allowed_pos: Option<&[String]>,
        stopwords: bool,
    ) -> Result<Vec<Keyword>, Error> {
        check_size(text)?;
        if top_k == 0 {
            return Ok(Vec::new());
        }
        match method {
            KeywordMethod::TfIdf => {
                let pos = allowed_pos.unwrap_or(&[]);
                let mut run = TfIdfRun::new(&self.dictionary.idf, pos, keywords::stop_words(stopwords));
                for chunk in text::line_chunks(text, CHUNK_BYTES) {
                    self.tag(chunk, true).into_iter().for_each(|(word, tag)| run.push(word, tag));
                }
                Ok(run.finish(top_k))
            }
            KeywordMethod::TextRank => {
                let pos = allowed_pos.map_or_else(keywords::python_textrank_pos, <[String]>::to_vec);
                let tags = text::line_chunks(text, CHUNK_BYTES).flat_map(|chunk| self.tag(chunk, true));
                Ok(keywords::textrank_of_tags(tags, pos, stopwords, top_k))
            }
        }
    }

    /// Counts the words of a search or full cut, tagging each with its tag in
    /// the precise cut or, for words only the other cut finds, with jieba's
    /// tag for the word alone.
    fn count_words<'t>(
        &'t self,
        text: &'t str,
        mode: SegmentMode,
        hmm: bool,
        precise: &HashMap<&'t str, WordStat<'t>>,
        mut on_progress: impl FnMut(usize),
    ) -> (HashMap<&'t str, WordStat<'t>>, usize) {
        let mut stats: HashMap<&str, WordStat> = HashMap::default();
        let mut tokens = 0;
        let mut done = 0;
        for chunk in text::line_chunks(text, CHUNK_BYTES) {
            for word in self.cut(chunk, mode, hmm) {
                if !text::is_word(word) {
                    continue;
                }
                tokens += 1;
                let next = stats.len();
                stats
                    .entry(word)
                    .or_insert_with(|| {
                        let pos = precise.get(word).map(|s| s.pos).unwrap_or_else(|| self.tag_alone(word));
                        WordStat { count: 0, first_use: next, pos }
                    })
                    .count += 1;
            }
            done += chunk.len();
            on_progress(done);
        }
        (stats, tokens)
    }

    /// jieba's tag for `word` cut on its own, or `x` if it falls apart.
    fn tag_alone<'t>(&'t self, word: &'t str) -> &'t str {
        match self.dictionary.tag(word, false).as_slice() {
            [(_, tag)] => tag,
            _ => "x",
        }
    }
}

fn check_size(text: &str) -> Result<(), Error> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::TextTooLarge { bytes: text.len(), limit: MAX_TEXT_BYTES });
    }
    if text.trim().is_empty() {
        return Err(Error::EmptyText);
    }
    Ok(())
}

/// The word list: most frequent first, ties in order of first use.
fn word_list(stats: &HashMap<&str, WordStat>, skip_stopwords: bool) -> Vec<WordCount> {
    let mut list: Vec<(&&str, &WordStat)> =
        stats.iter().filter(|(w, _)| !(skip_stopwords && stopwords::is_stopword(w))).collect();
    list.sort_unstable_by(|a, b| b.1.count.cmp(&a.1.count).then(a.1.first_use.cmp(&b.1.first_use)));
    list.into_iter().map(|(w, s)| WordCount { word: w.to_string(), count: s.count, pos: s.pos.to_string() }).collect()
}

fn with_tag(words: &[WordCount], keep: impl Fn(&str) -> bool) -> Vec<WordCount> {
    words.iter().filter(|w| keep(&w.pos)).cloned().collect()
}
