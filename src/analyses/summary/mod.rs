//! The summary of a document: counts, the word list (in any mode), the
//! name lists with the evidence they weigh, and new words. The types of the
//! answer are in `types.rs`.

mod types;

use rustc_hash::FxHashMap as HashMap;

pub use types::{Analysis, Counts, Entities, Keywords, WordCount};

use crate::analyses::new_words::{NewWordOptions, NewWords};
use crate::dictionary::Dictionary;
use crate::document::{Document, WordId};
use crate::error::Error;
use crate::keywords::KeywordCache;
use crate::names::{self, NameEvidence};
use crate::options::Options;
use crate::options::SegmentMode;
use crate::segmenter::Progress;
use crate::segmenter::Stage;
use crate::segmenter::{check_size, Segmenter, CHUNK_BYTES};
use crate::stopwords::Stopwords;
use crate::text::{self, CharCounts};

/// What the analysis knows of one distinct word while it reads.
struct WordStat<'t> {
    /// The word in simplified characters (the stopwords' script).
    normal: &'t str,
    count: usize,
    first_use: usize,
    pos: &'t str,
    /// Where its first token starts in the text the cut read, in bytes.
    at: usize,
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
                at: 0,
            };
            (vocabulary.word(id), stat)
        })
        .collect()
}

impl Segmenter {
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

    /// The summary of a document: counts, the word list, keywords and names,
    /// by `options`. Options that only filter or rank (stopwords, how many
    /// keywords, their tags) read the document as it is; the search and full
    /// modes cut the text again for their word list. `options.hmm` must be
    /// the document's.
    pub fn summarize(
        &self,
        document: &Document,
        options: &Options,
        on_progress: impl FnMut(Progress),
    ) -> Result<Analysis, Error> {
        self.summarize_cached(document, options, &KeywordCache::default(), on_progress)
    }

    /// [`Segmenter::summarize`], keeping the keyword ranking in `cache` for
    /// the next summary or explanation of the same document.
    pub fn summarize_cached(
        &self,
        document: &Document,
        options: &Options,
        cache: &KeywordCache,
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
                // A traditional text's search and full cuts (or one with
                // full-width letters) read its normal form, and list each
                // word as the text first spells it.
                let cut_text = document.cut_text();
                let precise_tags: HashMap<&str, &str> = if document.is_converted() {
                    let mut by_first_use: Vec<&WordStat> = precise.values().collect();
                    by_first_use.sort_unstable_by_key(|s| std::cmp::Reverse(s.first_use));
                    by_first_use.into_iter().map(|s| (s.normal, s.pos)).collect()
                } else {
                    precise.iter().map(|(&w, s)| (w, s.pos)).collect()
                };
                let (stats, tokens) = self.count_words(cut_text, mode, options.hmm, &precise_tags, progress);
                let mut words = word_list(&stats, stopwords);
                if document.is_converted() {
                    spell_as_text(&mut words, &stats, cut_text, text);
                }
                (words, tokens)
            }
        };
        on_progress(Progress { stage: Stage::Keywords, done: 0, total });
        let ranking = self.keyword_ranking(document, options, cache, &mut on_progress);
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
            entities: names::entities(&all_precise, &Evidence::of(self.dictionary(), document), &options.names),
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
        let mut found =
            crate::analyses::new_words::discover(cut_text, |word| self.dictionary().has_word(word), options);
        if document.is_converted() {
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

    /// Counts the words of a search or full cut, tagging each with its tag in
    /// the precise cut or, for words only the other cut finds, with jieba's
    /// tag for the word alone.
    fn count_words<'t>(
        &'t self,
        text: &'t str,
        mode: SegmentMode,
        hmm: bool,
        precise_tags: &HashMap<&'t str, &'t str>,
        mut on_progress: impl FnMut(usize),
    ) -> (HashMap<&'t str, WordStat<'t>>, usize) {
        let mut stats: HashMap<&str, WordStat> = HashMap::default();
        let mut tokens = 0;
        let mut done = 0;
        for chunk in text::line_chunks(text, CHUNK_BYTES) {
            // The precise cut's rule: no piece of an address is a word.
            let addresses = crate::document::address_spans(chunk);
            let in_address = |word: &str| {
                let at = word.as_ptr() as usize - chunk.as_ptr() as usize;
                addresses.iter().any(|span| span.contains(&at))
            };
            for word in self.cut(chunk, mode, hmm) {
                if !text::is_word(word) || (!addresses.is_empty() && in_address(word)) {
                    continue;
                }
                tokens += 1;
                let next = stats.len();
                stats
                    .entry(word)
                    .or_insert_with(|| {
                        let pos = precise_tags.get(word).copied().unwrap_or_else(|| self.tag_alone(word));
                        let at = word.as_ptr() as usize - text.as_ptr() as usize;
                        WordStat { normal: word, count: 0, first_use: next, pos, at }
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
        match self.dictionary().tag(word, false).as_slice() {
            [(_, tag)] => tag,
            _ => "x",
        }
    }
}

/// The word list: most frequent first, ties in order of first use.
fn word_list(stats: &HashMap<&str, WordStat>, stopwords: Option<&Stopwords>) -> Vec<WordCount> {
    let mut list: Vec<(&&str, &WordStat)> =
        stats.iter().filter(|(_, stat)| !stopwords.is_some_and(|s| s.contains(stat.normal))).collect();
    list.sort_unstable_by(|a, b| b.1.count.cmp(&a.1.count).then(a.1.first_use.cmp(&b.1.first_use)));
    list.into_iter().map(|(w, s)| WordCount { word: w.to_string(), count: s.count, pos: s.pos.to_string() }).collect()
}

/// Respells `words`, counted in `cut_text` (the normal form of `text`, with
/// as many characters, each in its place), as `text` spells each where it
/// first has it: a traditional text's word list is in its own characters,
/// never the conversion's (麼, not 么 or 幺).
fn spell_as_text(words: &mut [WordCount], stats: &HashMap<&str, WordStat>, cut_text: &str, text: &str) {
    let mut wanted: Vec<(usize, usize, usize)> = words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| stats.get(w.word.as_str()).map(|s| (s.at, s.at + w.word.len(), i)))
        .collect();
    wanted.sort_unstable();
    // One walk through both texts: byte offsets of the normal form to those
    // of the text, at each word's start and end.
    let mut marks: Vec<usize> = wanted.iter().flat_map(|&(start, end, _)| [start, end]).collect();
    marks.sort_unstable();
    marks.dedup();
    let mut in_text: HashMap<usize, usize> = HashMap::default();
    let mut next = marks.iter().peekable();
    let mut original = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
    for at in cut_text.char_indices().map(|(i, _)| i).chain(std::iter::once(cut_text.len())) {
        let there = original.next().unwrap_or(text.len());
        while next.peek().is_some_and(|&&m| m == at) {
            in_text.insert(at, there);
            next.next();
        }
        if next.peek().is_none() {
            break;
        }
    }
    for (start, end, i) in wanted {
        if let (Some(&s), Some(&e)) = (in_text.get(&start), in_text.get(&end)) {
            words[i].word = text[s..e].to_string();
        }
    }
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

    fn text(&self) -> &str {
        self.document.cut_text()
    }

    fn original_text(&self) -> &str {
        self.document.text()
    }
}
