//! Collocates: the words found near a word more often than chance would
//! put them there (the window model of AntConc and of Evert, "The
//! Statistics of Word Cooccurrences", 2005).
//!
//! For a node word with `f_n` tokens, a span of `L` words to its left and
//! `R` to its right (`S = L + R`) and `N` word tokens in all:
//!
//! - `O11`: the (node token, word in its span) pairs whose word is the
//!   collocate. Spans stop at the start and end of the text; a node token in
//!   another's span counts as a collocate of itself.
//! - `R1 = f_n·S`, `C1 = f_c` (the collocate's count), `R2 = N − R1`,
//!   `C2 = N − C1`, `E_ij = R_i·C_j / N`; `O12 = R1 − O11`, `O21 = C1 − O11`,
//!   `O22 = N − R1 − C1 + O11`.
//! - Log-likelihood `G² = 2·Σ O_ij·ln(O_ij / E_ij)` (a term with `O_ij ≤ 0`
//!   counts 0), `MI = log2(O11 / E11)`, T-score `= (O11 − E11) / √O11`,
//!   logDice `= 14 + log2(2·O11 / (f_n + f_c))` (Rychlý 2008).
//!
//! Listed: words with `O11 > E11` and `O11` at least the minimum, by
//! log-likelihood, then `O11`, then first use in the text.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::document::WordId;

/// A collocates request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct CollocateOptions {
    /// Words to the left of the node (L), and to its right (R).
    pub left: usize,
    pub right: usize,
    /// The fewest co-occurrences (`O11`) a collocate needs.
    pub min_count: usize,
    /// Whether stopwords leave the text first (then they are not counted in
    /// `N`, take no place in a span and are never collocates; a stopword
    /// asked about stays, as the node).
    pub skip_stopwords: bool,
    /// Only collocates with these tags (their first use's); `None`: any.
    pub pos: Option<Vec<String>>,
}

impl Default for CollocateOptions {
    fn default() -> Self {
        CollocateOptions { left: 5, right: 5, min_count: 3, skip_stopwords: false, pos: None }
    }
}

/// The widest span a side.
pub const MAX_SPAN: usize = 50;

/// One collocate with its statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Collocate {
    /// The word.
    pub word: String,
    /// Its part-of-speech tag (of its first use).
    pub pos: String,
    /// `O11`: how often it is in the node's span.
    pub count: usize,
    /// `E11`: how often chance would put it there.
    pub expected: f64,
    /// `f_c`: its count in the text.
    pub frequency: usize,
    pub log_likelihood: f64,
    /// The significance level the log-likelihood reaches (0.05 0.01 0.001
    /// 0.0001), as keyness gives it; none below 0.05.
    pub p: Option<f64>,
    pub mi: f64,
    pub t_score: f64,
    pub log_dice: f64,
}

/// The collocates of `node`: empty if the text does not use it.
pub fn collocates(document: &Document, node: &str, options: &CollocateOptions) -> Vec<Collocate> {
    let Some(node) = document.vocabulary().id(node) else {
        return Vec::new();
    };
    // The word tokens: with or without the stopwords, which leave as whole
    // words, so every word's count stays its count in the vocabulary. A
    // stopword asked about stays, as the node only.
    let vocabulary = document.vocabulary();
    let node_is_stopword = options.skip_stopwords && document.stopwords().contains(vocabulary.normal(node));
    let with_node: Vec<u32>;
    let sequence: &[u32] = if node_is_stopword {
        with_node = document
            .word_tokens(false)
            .iter()
            .copied()
            .filter(|&i| {
                let id = document.id(i as usize);
                id == node || !document.stopwords().contains(vocabulary.normal(id))
            })
            .collect();
        &with_node
    } else {
        document.word_tokens(options.skip_stopwords)
    };
    let id_at = |p: usize| document.id(sequence[p] as usize);
    let (left, right) = (options.left.min(MAX_SPAN), options.right.min(MAX_SPAN));
    let mut observed: HashMap<WordId, usize> = HashMap::default();
    let mut node_count = 0usize;
    for p in 0..sequence.len() {
        if id_at(p) != node {
            continue;
        }
        node_count += 1;
        let window = p.saturating_sub(left)..(p + right + 1).min(sequence.len());
        for q in window.filter(|&q| q != p) {
            *observed.entry(id_at(q)).or_insert(0) += 1;
        }
    }
    let n = sequence.len() as f64;
    let r1 = (node_count * (left + right)) as f64;
    let mut list: Vec<(WordId, Collocate)> = observed
        .into_iter()
        .filter(|&(_, o11)| o11 >= options.min_count.max(1))
        .filter_map(|(id, o11)| {
            let f_c = document.vocabulary().count(id);
            let stats = Statistics::new(o11 as f64, r1, f_c as f64, n, node_count as f64);
            let pos = document.first_tag(id);
            let allowed = options.pos.as_ref().map_or(true, |tags| tags.iter().any(|t| t == pos));
            (stats.o11 > stats.e11 && allowed).then(|| {
                (
                    id,
                    Collocate {
                        word: document.vocabulary().word(id).to_string(),
                        pos: pos.to_string(),
                        count: o11,
                        expected: stats.e11,
                        frequency: f_c,
                        log_likelihood: stats.log_likelihood(),
                        p: super::keyness::significance(stats.log_likelihood()),
                        mi: stats.mi(),
                        t_score: stats.t_score(),
                        log_dice: stats.log_dice(),
                    },
                )
            })
        })
        .collect();
    list.sort_by(|(a_id, a), (b_id, b)| {
        b.log_likelihood.total_cmp(&a.log_likelihood).then(b.count.cmp(&a.count)).then(a_id.cmp(b_id))
    });
    list.into_iter().map(|(_, c)| c).collect()
}

/// The contingency table of one node and one collocate.
struct Statistics {
    o11: f64,
    r1: f64,
    c1: f64,
    n: f64,
    e11: f64,
    node_count: f64,
}

impl Statistics {
    fn new(o11: f64, r1: f64, c1: f64, n: f64, node_count: f64) -> Self {
        Statistics { o11, r1, c1, n, e11: r1 * c1 / n, node_count }
    }

    fn log_likelihood(&self) -> f64 {
        let Statistics { o11, r1, c1, n, .. } = *self;
        let (r2, c2) = (n - r1, n - c1);
        let cells = [(o11, r1 * c1), (r1 - o11, r1 * c2), (c1 - o11, r2 * c1), (n - r1 - c1 + o11, r2 * c2)];
        2.0 * cells.iter().map(|&(o, rc)| if o > 0.0 { o * (o / (rc / n)).ln() } else { 0.0 }).sum::<f64>()
    }

    fn mi(&self) -> f64 {
        (self.o11 / self.e11).log2()
    }

    fn t_score(&self) -> f64 {
        (self.o11 - self.e11) / self.o11.sqrt()
    }

    fn log_dice(&self) -> f64 {
        14.0 + (2.0 * self.o11 / (self.node_count + self.c1)).log2()
    }
}
