//! Keyword extraction with the results of Python jieba 0.42.1.
//!
//! Both are computed here, from the tagged cut the rest of the analysis uses.
//! TF-IDF follows Python's `extract_tags` over jieba's IDF table, down to
//! the order of its floating-point operations and its ties. TextRank follows
//! Python's `jieba.analyse.TextRank` step by step (a window of 5 tokens, 10 in-place
//! iterations over the words in sorted order, weights normalised to the best
//! one), because jieba-rs's TextRank iterates 20 times in another order and
//! returns unnormalised weights.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::dictionary::Idf;
use crate::stopwords::{self, Stopwords};

mod explanation;
mod ranking;

pub use explanation::{Exclusion, IdfSource, KeywordExplanation};
pub use ranking::KeywordCache;

/// One keyword with its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Keyword {
    /// The word.
    pub word: String,
    /// Its weight: TF-IDF as Python jieba computes it, or the TextRank score
    /// normalised as Python jieba does (the best keyword has 1.0).
    pub weight: f64,
    /// Its part-of-speech tag.
    pub pos: String,
}

/// Which keyword method to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeywordMethod {
    /// `jieba.analyse.extract_tags`.
    TfIdf,
    /// `jieba.analyse.textrank`.
    TextRank,
}

/// The tags Python's `textrank` keeps when given no `allowPOS`.
pub fn python_textrank_pos() -> Vec<String> {
    ["ns", "n", "vn", "v"].map(String::from).to_vec()
}

/// Python's `len(word.strip()) >= 2` and `word.lower() not in stop_words`.
fn is_candidate(word: &str, stop_words: &StopWords) -> bool {
    is_long_enough(word) && !is_stop_word(word, stop_words)
}

/// Python's `len(word.strip()) >= 2`.
pub(crate) fn is_long_enough(word: &str) -> bool {
    word.trim().chars().nth(1).is_some()
}

/// Python's `word.lower() in stop_words` (or the word itself).
pub(crate) fn is_stop_word(word: &str, stop_words: &StopWords) -> bool {
    stop_words.contains(word)
}

/// The stop words of a keyword run: Python jieba's English list, which its
/// extractors always skip, and a Chinese list if one is chosen.
#[derive(Debug, Clone, Default)]
pub(crate) struct StopWords(Option<Arc<Stopwords>>);

impl StopWords {
    /// The English list and `list`.
    pub(crate) fn with(list: Option<Arc<Stopwords>>) -> Self {
        StopWords(list)
    }

    /// The English list, and `document`'s stopwords when `on`.
    pub(crate) fn of(document: &crate::document::Document, on: bool) -> Self {
        StopWords(on.then(|| Arc::clone(document.stopwords())))
    }

    fn contains(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        stopwords::JIEBA_DEFAULT.contains(&lower.as_str()) || self.0.as_ref().is_some_and(|list| list.contains(word))
    }
}

/// The stop words of a keyword run: Python jieba's English list, and the
/// built-in Chinese list when `with_chinese`.
pub(crate) fn stop_words(with_chinese: bool) -> StopWords {
    StopWords::with(with_chinese.then(Stopwords::built_in))
}

/// A TF-IDF run over a text given piece by piece, so that a long text can
/// report progress: Python's `extract_tags` over the tagged cut.
pub(crate) struct TfIdfRun<'t> {
    idf: &'t Idf,
    allowed_pos: Vec<String>,
    stop_words: StopWords,
    /// Per candidate word: its count, the tag of its first use, and the
    /// order of its first use (Python's dict keeps insertion order).
    counts: HashMap<&'t str, (u64, &'t str, usize)>,
    /// Per word judged no candidate (too short, a stopword): nothing.
    rejected: rustc_hash::FxHashSet<&'t str>,
    /// Candidate tokens so far.
    total: u64,
}

impl<'t> TfIdfRun<'t> {
    /// Starts a run; an empty `allowed_pos` allows every tag.
    pub(crate) fn new(idf: &'t Idf, allowed_pos: &[String], stop_words: StopWords) -> Self {
        TfIdfRun {
            idf,
            allowed_pos: allowed_pos.to_vec(),
            stop_words,
            counts: HashMap::default(),
            rejected: Default::default(),
            total: 0,
        }
    }

    /// Feeds the next token of the tagged cut.
    pub(crate) fn push(&mut self, word: &'t str, tag: &'t str) {
        if !(self.allowed_pos.is_empty() || self.allowed_pos.iter().any(|p| p == tag)) {
            return;
        }
        if let Some(entry) = self.counts.get_mut(word) {
            entry.0 += 1;
        } else if self.rejected.contains(word) {
            return;
        } else if is_candidate(word, &self.stop_words) {
            let order = self.counts.len();
            self.counts.insert(word, (1, tag, order));
        } else {
            self.rejected.insert(word);
            return;
        }
        self.total += 1;
    }

    /// Candidate tokens so far: the denominator of every word's tf.
    pub(crate) fn total(&self) -> u64 {
        self.total
    }

    /// The `top_k` best words, as Python computes and sorts them: each
    /// weight is `count * (idf / total)`; equal weights keep first use.
    pub(crate) fn finish(self, top_k: usize) -> Vec<Keyword> {
        let total = self.total as f64;
        let mut all: Vec<(f64, usize, &str, &str)> = self
            .counts
            .into_iter()
            .map(|(word, (count, tag, order))| (count as f64 * (self.idf.get(word) / total), order, word, tag))
            .collect();
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        all.into_iter()
            .take(top_k)
            .map(|(weight, _, word, tag)| Keyword { word: word.to_string(), weight, pos: tag.to_string() })
            .collect()
    }
}

/// TextRank over an already tagged cut, exactly as Python's
/// `jieba.analyse.textrank` ranks the `(word, flag)` pairs of
/// `jieba.posseg.cut`. `stopwords` adds the built-in Chinese stopwords to
/// Python's English ones.
pub fn textrank_of_tags<'t>(
    tags: impl IntoIterator<Item = (&'t str, &'t str)>,
    allowed_pos: Vec<String>,
    stopwords: bool,
    top_k: usize,
) -> Vec<Keyword> {
    let mut rank = TextRank::new(allowed_pos, stop_words(stopwords));
    tags.into_iter().for_each(|(word, tag)| rank.push(word, tag));
    rank.rank(top_k)
}

/// Python's TextRank window: a word co-occurs with the next `SPAN - 1` tokens.
const SPAN: usize = 5;
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 10;

/// The id of a word that is no candidate (too short, or a stopword), so that
/// it is judged once, not at every use.
const REJECTED: u32 = u32::MAX;

/// Builds the TextRank co-occurrence graph token by token, then ranks it.
pub(crate) struct TextRank<'t> {
    allowed_pos: Vec<String>,
    stop_words: StopWords,
    /// Per word seen with an allowed tag: its candidate id, or [`REJECTED`].
    ids: HashMap<&'t str, u32>,
    /// Per candidate id: the word and the tag of its first use.
    words: Vec<(&'t str, &'t str)>,
    /// The ids (or `None`) of the last `SPAN - 1` tokens, oldest first.
    window: std::collections::VecDeque<Option<u32>>,
    cooccurrence: HashMap<(u32, u32), u32>,
}

impl<'t> TextRank<'t> {
    pub(crate) fn new(allowed_pos: Vec<String>, stop_words: StopWords) -> Self {
        TextRank {
            allowed_pos,
            stop_words,
            ids: HashMap::default(),
            words: Vec::new(),
            window: std::collections::VecDeque::with_capacity(SPAN),
            cooccurrence: HashMap::default(),
        }
    }

    /// Feeds the next token of the tagged cut.
    pub(crate) fn push(&mut self, word: &'t str, tag: &'t str) {
        let id = if self.allowed_pos.iter().any(|p| p == tag) {
            let next = self.words.len() as u32;
            let id = *self.ids.entry(word).or_insert_with(|| {
                if is_candidate(word, &self.stop_words) {
                    self.words.push((word, tag));
                    next
                } else {
                    REJECTED
                }
            });
            (id != REJECTED).then_some(id)
        } else {
            None
        };
        if let Some(j) = id {
            for &i in self.window.iter().flatten() {
                *self.cooccurrence.entry((i, j)).or_insert(0) += 1;
            }
        }
        if self.window.len() == SPAN - 1 {
            self.window.pop_front();
        }
        self.window.push_back(id);
    }

    /// Feeds a token that is no candidate whatever its tag (punctuation, an
    /// address): it only takes a place in the window.
    pub(crate) fn push_gap(&mut self) {
        if self.window.len() == SPAN - 1 {
            self.window.pop_front();
        }
        self.window.push_back(None);
    }

    /// The `top_k` best words, weights normalised as Python does.
    pub(crate) fn rank(self, top_k: usize) -> Vec<Keyword> {
        let n = self.words.len();
        // Undirected: each pair is an edge in both words' lists, as in
        // Python's `UndirectWeightedGraph.addEdge`.
        let mut edges: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
        let mut pairs: Vec<(&(u32, u32), &u32)> = self.cooccurrence.iter().collect();
        pairs.sort_unstable();
        for (&(a, b), &w) in pairs {
            edges[a as usize].push((b, w as f64));
            edges[b as usize].push((a, w as f64));
        }
        // Only words with an edge are in Python's graph.
        let mut nodes: Vec<u32> = (0..n as u32).filter(|&i| !edges[i as usize].is_empty()).collect();
        if nodes.is_empty() {
            return Vec::new();
        }
        let out_sum: Vec<f64> = edges.iter().map(|e| e.iter().map(|&(_, w)| w).sum()).collect();
        let mut score = vec![1.0 / nodes.len() as f64; n];
        nodes.sort_by(|&a, &b| self.words[a as usize].0.cmp(self.words[b as usize].0));
        for _ in 0..ITERATIONS {
            for &node in &nodes {
                let s: f64 = edges[node as usize]
                    .iter()
                    .map(|&(other, w)| w / out_sum[other as usize] * score[other as usize])
                    .sum();
                score[node as usize] = (1.0 - DAMPING) + DAMPING * s;
            }
        }
        let (min, max) =
            nodes.iter().map(|&i| score[i as usize]).fold((f64::MAX, f64::MIN), |(lo, hi), s| (lo.min(s), hi.max(s)));
        // Python's normalisation: (w - min/10) / (max - min/10).
        let normalise = |s: f64| (s - min / 10.0) / (max - min / 10.0);
        // Ties keep first use, as Python's stable sort over insertion order.
        nodes.sort_by(|&a, &b| score[b as usize].total_cmp(&score[a as usize]).then(a.cmp(&b)));
        nodes
            .into_iter()
            .take(top_k)
            .map(|i| {
                let (word, tag) = self.words[i as usize];
                Keyword { word: word.to_string(), weight: normalise(score[i as usize]), pos: tag.to_string() }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_need_two_characters_and_no_stopword() {
        let stops = stop_words(false);
        assert!(is_candidate("北京", &stops));
        assert!(!is_candidate("京", &stops));
        assert!(!is_candidate(" 京 ", &stops));
        assert!(!is_candidate("The", &stops));
        assert!(!is_candidate("\r\n", &stops));
    }

    #[test]
    fn textrank_ranks_the_best_connected_word_first_with_weight_one() {
        let mut rank = TextRank::new(python_textrank_pos(), stop_words(false));
        for (w, t) in [("中国", "ns"), ("发展", "vn"), ("中国", "ns"), ("合作", "vn"), ("中国", "ns"), ("世界", "n")]
        {
            rank.push(w, t);
        }
        let best = rank.rank(10);
        assert_eq!(best[0].word, "中国");
        assert_eq!(best[0].weight, 1.0);
        assert!(best.windows(2).all(|p| p[0].weight >= p[1].weight));
        assert_eq!(best.len(), 4);
    }

    #[test]
    fn textrank_skips_tags_outside_the_filter() {
        let mut rank = TextRank::new(python_textrank_pos(), stop_words(false));
        for (w, t) in [("我们", "r"), ("他们", "r"), ("中国", "ns")] {
            rank.push(w, t);
        }
        assert!(rank.rank(10).is_empty());
    }
}
