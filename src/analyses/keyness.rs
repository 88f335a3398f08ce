//! Keyness: the words a text uses more (or less) than a reference does, as
//! AntConc's Keyword tool and the UCREL log-likelihood wizard compute it.
//!
//! For a word, a and b are its counts in the target and the reference, c and
//! d their numbers of word tokens. E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d);
//! log-likelihood = 2(a ln(a/E1) + b ln(b/E2)), a term with a zero count
//! counting 0 (Rayson & Garside 2000). The effect size is Log Ratio =
//! log2((a/c)/(b/d)) with a zero count taken as 0.5 (Hardie 2014): 1 means
//! twice as frequent. %DIFF (Gabrielatos & Marchi 2011) and BIC = LL −
//! ln(c+d) (Wilson 2013) come with each word. Positive keywords (a/c > b/d)
//! come first, then negative ones, each by log-likelihood, then by a.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::document::Document;

/// What to compare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct KeynessOptions {
    /// The fewest occurrences in both texts together (3).
    pub min_count: usize,
    /// Whether stopwords leave both texts first (they then leave c and d too).
    pub skip_stopwords: bool,
}

impl Default for KeynessOptions {
    fn default() -> Self {
        KeynessOptions { min_count: 3, skip_stopwords: false }
    }
}

/// One word's keyness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Keyness {
    /// The word.
    pub word: String,
    /// Its count in the target.
    pub a: usize,
    /// Its count in the reference.
    pub b: usize,
    /// Log-likelihood (G²): 3.84, 6.63, 10.83 and 15.13 are p < .05, .01,
    /// .001 and .0001 for one word.
    pub log_likelihood: f64,
    /// log2 of the ratio of relative frequencies.
    pub log_ratio: f64,
    /// %DIFF; `None` when the word is not in the reference.
    pub percent_diff: Option<f64>,
    /// BIC: above 2 is positive evidence, above 6 strong, above 10 very strong.
    pub bic: f64,
    /// Whether the target uses it more.
    pub positive: bool,
    /// The smallest of p < .05, .01, .001 and .0001 its log-likelihood
    /// reaches (one degree of freedom), or `None`.
    pub p: Option<f64>,
}

/// The critical values of log-likelihood for one word (χ², 1 d.f.), and their p.
pub const CRITICAL: [(f64, f64); 4] = [(15.13, 0.0001), (10.83, 0.001), (6.63, 0.01), (3.84, 0.05)];

/// The smallest p of [`CRITICAL`] a log-likelihood reaches, if any: the one
/// significance test of keyness and collocates.
pub fn significance(log_likelihood: f64) -> Option<f64> {
    CRITICAL.iter().find(|(ll, _)| log_likelihood >= *ll).map(|&(_, p)| p)
}

/// Word counts of one side, and its number of word tokens.
#[derive(Debug, Clone, Default)]
pub struct WordCounts {
    counts: HashMap<String, usize>,
    tokens: usize,
}

impl WordCounts {
    /// The word tokens of `document` (without stopwords if asked).
    pub fn of(document: &Document, skip_stopwords: bool) -> Self {
        let mut by_id: HashMap<u32, usize> = HashMap::default();
        let tokens = document.word_tokens(skip_stopwords);
        for &i in tokens {
            *by_id.entry(document.id(i as usize)).or_insert(0) += 1;
        }
        let vocabulary = document.vocabulary();
        let counts = by_id.into_iter().map(|(id, n)| (vocabulary.word(id).to_string(), n)).collect();
        WordCounts { counts, tokens: tokens.len() }
    }

    /// Counts from words and their counts (for tests and other sources).
    pub fn from_counts(counts: impl IntoIterator<Item = (String, usize)>) -> Self {
        let counts: HashMap<String, usize> = counts.into_iter().collect();
        let tokens = counts.values().sum();
        WordCounts { counts, tokens }
    }

    /// How many word tokens there are.
    pub fn tokens(&self) -> usize {
        self.tokens
    }
}

/// The keyness of every word of either side seen at least
/// `options.min_count` times in both together: positive first.
pub fn keyness(target: &WordCounts, reference: &WordCounts, options: &KeynessOptions) -> Vec<Keyness> {
    let (c, d) = (target.tokens as f64, reference.tokens as f64);
    if c == 0.0 || d == 0.0 {
        return Vec::new();
    }
    let words = target.counts.keys().chain(reference.counts.keys().filter(|w| !target.counts.contains_key(*w)));
    let mut all: Vec<Keyness> = words
        .filter_map(|word| {
            let a = target.counts.get(word).copied().unwrap_or(0);
            let b = reference.counts.get(word).copied().unwrap_or(0);
            (a + b >= options.min_count.max(1)).then(|| measure(word, a, b, c, d))
        })
        .collect();
    sort(&mut all);
    all
}

/// Positive first, then by log-likelihood, then by a, then by word.
pub(crate) fn sort(all: &mut [Keyness]) {
    all.sort_by(|x, y| {
        y.positive
            .cmp(&x.positive)
            .then(y.log_likelihood.total_cmp(&x.log_likelihood))
            .then(y.a.cmp(&x.a))
            .then(x.word.cmp(&y.word))
    });
}

/// Log-likelihood (G²) of a word seen `a` times in `c` tokens and `b` times in `d`.
pub(crate) fn log_likelihood(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let term = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (term(a, e1) + term(b, e2))
}

/// The measures of a word seen `a` times in `c` target tokens and `b` times
/// in `d` reference tokens.
pub(crate) fn measure(word: &str, a: usize, b: usize, c: f64, d: f64) -> Keyness {
    let (af, bf) = (a as f64, b as f64);
    let log_likelihood = log_likelihood(af, bf, c, d);
    let half = |n: f64| if n == 0.0 { 0.5 } else { n };
    let log_ratio = ((half(af) / c) / (half(bf) / d)).log2();
    let percent_diff = (b > 0).then(|| 100.0 * (af / c - bf / d) / (bf / d));
    Keyness {
        word: word.to_string(),
        a,
        b,
        log_likelihood,
        log_ratio,
        percent_diff,
        bic: log_likelihood - (c + d).ln(),
        positive: af / c > bf / d,
        p: significance(log_likelihood),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, usize)]) -> WordCounts {
        WordCounts::from_counts(pairs.iter().map(|(w, n)| (w.to_string(), *n)))
    }

    #[test]
    fn the_ucrel_example() {
        // a = 10 of c = 1,000, b = 5 of d = 1,000: LL 1.699, Log Ratio 1.
        let target = counts(&[("词", 10), ("别的", 990)]);
        let reference = counts(&[("词", 5), ("别的", 995)]);
        let found = keyness(&target, &reference, &KeynessOptions { min_count: 1, skip_stopwords: false });
        let word = found.iter().find(|k| k.word == "词").unwrap();
        assert!((word.log_likelihood - 1.698_990_366).abs() < 1e-8, "{}", word.log_likelihood);
        assert!((word.log_ratio - 1.0).abs() < 1e-12);
        assert_eq!(word.percent_diff, Some(100.0));
        assert!(word.positive);
    }

    #[test]
    fn zero_counts_and_order() {
        let target = counts(&[("只在这边", 8), ("共同", 10), ("少用", 1)]);
        let reference = counts(&[("共同", 10), ("少用", 20), ("只在那边", 4)]);
        let found = keyness(&target, &reference, &KeynessOptions::default());
        let words: Vec<&str> = found.iter().map(|k| k.word.as_str()).collect();
        assert_eq!(words.first(), Some(&"只在这边"));
        assert!(found.iter().position(|k| !k.positive).unwrap() > found.iter().rposition(|k| k.positive).unwrap());
        let only_here = &found[0];
        assert_eq!(only_here.percent_diff, None);
        assert!((only_here.log_ratio - ((8.0_f64 / 19.0) / (0.5 / 34.0)).log2()).abs() < 1e-12);
    }
}
