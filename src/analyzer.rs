//! The analyzer: jieba loaded once, one call per text.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::analyses::keyword_explanation::{KeywordExplanation, KeywordRanking};
use crate::analyses::new_words::{NewWordOptions, NewWords};
use crate::dictionary::Dictionary;
use crate::document::{Document, DocumentBuilder, WordId};
use crate::full_cut;
use crate::keywords::{self, KeywordMethod, StopWords, TextRank, TfIdfRun};
use crate::names::{self, NameEvidence};
use crate::script::{self, Script};
use crate::stopwords::Stopwords;
use crate::text::{self, CharCounts, MAX_TEXT_BYTES};
use crate::{Analysis, Counts, Error, Keyword, Keywords, Options, SegmentMode, UserDictionary, WordCount};

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
    /// The word in simplified characters (the stopwords' script).
    normal: &'t str,
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
            let stat = WordStat {
                normal: vocabulary.normal(id),
                count: vocabulary.count(id),
                first_use: id as usize,
                pos: document.first_tag(id),
            };
            (vocabulary.word(id), stat)
        })
        .collect()
}

/// jieba's dictionary and IDF table, loaded once (about a tenth of a second
/// natively), answering any number of analyses.
pub struct Analyzer {
    /// jieba's dictionary as loaded, never changed: the user's words are
    /// always added to a copy of it (see [`Dictionary::with_user_words`]).
    base: Arc<Dictionary>,
    /// The dictionary with the user's words; shared with the cuts under way
    /// ([`Cut`]).
    dictionary: Arc<Dictionary>,
    user_dictionary: UserDictionary,
    /// The stopwords new documents start with.
    stopwords: Arc<Stopwords>,
}

/// A cut under way: the text is cut a piece of about a quarter of a
/// megabyte at a time, so that the caller can report progress, answer other
/// requests or give up between pieces.
#[derive(Debug)]
pub struct Cut {
    dictionary: Arc<Dictionary>,
    text: String,
    /// For a traditional text, the simplified conversion cut so far (each
    /// piece is converted as it is cut).
    simplified: Option<String>,
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
        let Cut { dictionary, text, simplified, done, builder } = self;
        if let Some(chunk) = text::line_chunks(&text[*done..], CHUNK_BYTES).next() {
            match simplified {
                None => {
                    for (word, tag) in dictionary.tag(chunk, builder.hmm()) {
                        builder.push(word, tag);
                    }
                }
                Some(all) => {
                    // Cut the conversion; each token takes as many
                    // characters of the original as it has.
                    let converted = script::to_simplified(chunk);
                    let mut rest = chunk;
                    for (word, tag) in dictionary.tag(&converted, builder.hmm()) {
                        let chars = word.chars().count();
                        let len = rest.char_indices().nth(chars).map_or(rest.len(), |(i, _)| i);
                        let (original, after) = rest.split_at(len);
                        builder.push_converted(original, tag, Some(word));
                        rest = after;
                    }
                    all.push_str(&converted);
                }
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
        self.builder.finish(self.text, self.simplified)
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
        let dictionary = Arc::new(dictionary);
        Analyzer {
            base: Arc::clone(&dictionary),
            dictionary,
            user_dictionary: UserDictionary::default(),
            stopwords: Stopwords::built_in(),
        }
    }

    /// Cuts with jieba's dictionary and `user`'s words from now on (an empty
    /// user dictionary gives back jieba's own). Documents already cut keep
    /// their cut: cut the text again to see the change.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] if a word or tag is not valid
    /// ([`UserWord::validate`](crate::UserWord::validate)); nothing changes.
    pub fn set_user_dictionary(&mut self, user: UserDictionary) -> Result<(), Error> {
        user.validate()?;
        if user == self.user_dictionary {
            return Ok(());
        }
        self.dictionary =
            if user.is_empty() { Arc::clone(&self.base) } else { Arc::new(self.base.with_user_words(&user)) };
        self.user_dictionary = user;
        Ok(())
    }

    /// The user dictionary cuts use.
    pub fn user_dictionary(&self) -> &UserDictionary {
        &self.user_dictionary
    }

    /// The dictionary cuts use (with the user's words).
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// The stopwords new documents start with, and [`Analyzer::keywords`]
    /// leaves out.
    pub fn set_stopwords(&mut self, stopwords: Arc<Stopwords>) {
        self.stopwords = stopwords;
    }

    /// The stopwords new documents start with.
    pub fn stopwords(&self) -> &Arc<Stopwords> {
        &self.stopwords
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
        let builder = DocumentBuilder::new(text.len(), hmm, Arc::clone(&self.stopwords));
        let simplified = (script::detect(&text) == Script::Traditional).then(String::new);
        Ok(Cut { dictionary: Arc::clone(&self.dictionary), text, simplified, done: 0, builder })
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
        let stopwords = options.stopwords.then(|| &**document.stopwords());
        let (words, tokens) = match options.mode {
            SegmentMode::Precise => (word_list(&precise, stopwords), precise_tokens),
            mode => {
                let progress =
                    |d| on_progress(Progress { stage: Stage::Segmenting, done: total + d, total: total * passes });
                // A traditional text's search and full cuts read its
                // simplified conversion, and list simplified words.
                let (stats, tokens) = self.count_words(document.cut_text(), mode, options.hmm, &precise, progress);
                (word_list(&stats, stopwords), tokens)
            }
        };
        on_progress(Progress { stage: Stage::Keywords, done: 0, total });
        let ranking = self.keyword_ranking(document, options, &mut on_progress);
        let tfidf = ranking.tfidf.iter().take(options.top_k).cloned().collect();
        let textrank = ranking.textrank.iter().take(options.top_k).cloned().collect();
        on_progress(Progress { stage: Stage::Keywords, done: total, total });

        let chars = CharCounts::of(text);
        let all_precise = word_list(&precise, None);
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
            entities: names::entities(&all_precise, &Evidence::of(&self.dictionary, document), &options.names),
        })
    }

    /// Words the dictionary lacks, found in the text itself by cohesion and
    /// freedom (see [`crate::analyses::new_words`]); `None` takes options
    /// suited to the text's length. Words the user dictionary has are known.
    pub fn new_words(&self, document: &Document, options: Option<&NewWordOptions>) -> NewWords {
        let text = document.text();
        let for_length;
        let options = match options {
            Some(options) => options,
            None => {
                for_length = NewWordOptions::for_length(CharCounts::of(text).han_characters);
                &for_length
            }
        };
        // A traditional text is read in its simplified conversion (what the
        // dictionary knows); each word is shown as the text spells it.
        let cut_text = document.cut_text();
        let mut found = crate::analyses::new_words::discover(cut_text, |word| self.dictionary.has_word(word), options);
        if document.script() == Script::Traditional {
            for w in &mut found.words {
                if let Some(at) = cut_text.find(&w.word) {
                    let chars_before = cut_text[..at].chars().count();
                    let original: String = text.chars().skip(chars_before).take(w.word.chars().count()).collect();
                    w.word = original;
                }
            }
        }
        found
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
        let stop_words = || StopWords::of(document, options.stopwords);
        let mut kept = document.keyword_ranking.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ranking) = kept.as_ref().filter(|r| r.key == key) {
            return Arc::clone(ranking);
        }
        let textrank_pos = options.keyword_pos.clone().unwrap_or_else(keywords::python_textrank_pos);
        let mut textrank = TextRank::new(textrank_pos, stop_words());
        let tfidf_pos = options.keyword_pos.as_deref().unwrap_or(&[]);
        let mut tfidf = TfIdfRun::new(&self.dictionary.idf, tfidf_pos, stop_words());
        let total = document.text().len();
        let mut next_report = CHUNK_BYTES;
        for (i, (word, tag)) in document.tagged_normal().enumerate() {
            textrank.push(word, tag);
            tfidf.push(word, tag);
            let done = document.span(i).end;
            if done >= next_report {
                on_progress(Progress { stage: Stage::Keywords, done, total });
                next_report = done + CHUNK_BYTES;
            }
        }
        let candidate_tokens = tfidf.total() as usize;
        // Ranked in simplified characters; shown as the text spells them.
        let display = |mut keywords: Vec<Keyword>| {
            if document.script() == Script::Traditional {
                for k in &mut keywords {
                    k.word = document.vocabulary().display_form(&k.word).to_string();
                }
            }
            keywords
        };
        let ranking = Arc::new(KeywordRanking {
            key,
            candidate_tokens,
            tfidf: display(tfidf.finish(usize::MAX)),
            textrank: display(textrank.rank(usize::MAX)),
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
        // A traditional text: the keywords of its conversion, spelled as
        // the text spells them.
        if script::detect(text) == Script::Traditional {
            let converted = script::Converted::new(text);
            let mut keywords = self.keywords_of(converted.simplified(), method, top_k, allowed_pos, stopwords);
            for k in &mut keywords {
                k.word = converted.original_form(&k.word).unwrap_or(&k.word).to_string();
            }
            return Ok(keywords);
        }
        Ok(self.keywords_of(text, method, top_k, allowed_pos, stopwords))
    }

    fn keywords_of(
        &self,
        text: &str,
        method: KeywordMethod,
        top_k: usize,
        allowed_pos: Option<&[String]>,
        stopwords: bool,
    ) -> Vec<Keyword> {
        match method {
            KeywordMethod::TfIdf => {
                let pos = allowed_pos.unwrap_or(&[]);
                let stops = StopWords::with(stopwords.then(|| Arc::clone(&self.stopwords)));
                let mut run = TfIdfRun::new(&self.dictionary.idf, pos, stops);
                for chunk in text::line_chunks(text, CHUNK_BYTES) {
                    self.tag(chunk, true).into_iter().for_each(|(word, tag)| run.push(word, tag));
                }
                run.finish(top_k)
            }
            KeywordMethod::TextRank => {
                let pos = allowed_pos.map_or_else(keywords::python_textrank_pos, <[String]>::to_vec);
                let tags = text::line_chunks(text, CHUNK_BYTES).flat_map(|chunk| self.tag(chunk, true));
                let stops = StopWords::with(stopwords.then(|| Arc::clone(&self.stopwords)));
                let mut rank = TextRank::new(pos, stops);
                tags.for_each(|(word, tag)| rank.push(word, tag));
                rank.rank(top_k)
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
                        WordStat { normal: word, count: 0, first_use: next, pos }
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
fn word_list(stats: &HashMap<&str, WordStat>, stopwords: Option<&Stopwords>) -> Vec<WordCount> {
    let mut list: Vec<(&&str, &WordStat)> =
        stats.iter().filter(|(_, stat)| !stopwords.is_some_and(|s| s.contains(stat.normal))).collect();
    list.sort_unstable_by(|a, b| b.1.count.cmp(&a.1.count).then(a.1.first_use.cmp(&b.1.first_use)));
    list.into_iter().map(|(w, s)| WordCount { word: w.to_string(), count: s.count, pos: s.pos.to_string() }).collect()
}

/// What the name lists know of a document's words.
struct Evidence<'a> {
    dictionary: &'a Dictionary,
    /// Per word: how often a speech verb follows it.
    spoken: HashMap<WordId, u32>,
    document: &'a Document,
}

impl<'a> Evidence<'a> {
    fn of(dictionary: &'a Dictionary, document: &'a Document) -> Self {
        let vocabulary = document.vocabulary();
        let verbs: Vec<WordId> = names::SPEECH_VERBS.iter().filter_map(|v| vocabulary.id(v)).collect();
        let mut spoken: HashMap<WordId, u32> = HashMap::default();
        if !verbs.is_empty() {
            for i in 1..document.len() {
                if verbs.contains(&document.id(i)) {
                    *spoken.entry(document.id(i - 1)).or_insert(0) += 1;
                }
            }
        }
        Evidence { dictionary, spoken, document }
    }
}

impl NameEvidence for Evidence<'_> {
    fn is_user_word(&self, word: &str) -> bool {
        self.dictionary.is_user_word(word)
    }

    fn has_word(&self, word: &str) -> bool {
        self.dictionary.has_word(self.normal(word))
    }

    fn normal<'w>(&'w self, word: &'w str) -> &'w str {
        let vocabulary = self.document.vocabulary();
        vocabulary.id(word).map_or(word, |id| vocabulary.normal(id))
    }

    fn speaks(&self, word: &str) -> bool {
        self.document.vocabulary().id(word).and_then(|id| self.spoken.get(&id)).is_some_and(|&n| n >= 2)
    }
}
