//! Dispersion: where in the text a word occurs, and how evenly.
//!
//! The word tokens (N of them) are split into `n` equal parts, part `k`
//! holding tokens `⌊k·N/n⌋ .. ⌊(k+1)·N/n⌋ − 1` (Voyant's Trends: 10 parts).
//! With `f_i` the word's count in part `i`, `f = Σ f_i` and `s_i` the part's
//! share of N:
//!
//! - Gries' DP `= ½·Σ |f_i/f − s_i|`: 0 is perfectly even, near 1 all in one
//!   place; DPnorm `= DP / (1 − min s_i)` (Lijffijt & Gries 2012).
//! - Juilland's D `= 1 − (σ/μ) / √(n − 1)` over the relative frequencies
//!   `f_i / size_i` (σ the population standard deviation): 1 is perfectly
//!   even. Undefined for one part or a word that does not occur.

use serde::{Deserialize, Serialize};

use super::concordance::{self, ConcordanceOptions};
use crate::document::Document;
use crate::document::Unit;

/// A dispersion request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct DispersionOptions {
    /// How many equal parts.
    pub parts: usize,
    /// Whether stopwords leave the text first (they then leave N too).
    pub skip_stopwords: bool,
    /// The unit of `positions` and `textLength`.
    #[serde(skip)]
    pub unit: Unit,
}

impl Default for DispersionOptions {
    fn default() -> Self {
        DispersionOptions { parts: 10, skip_stopwords: false, unit: Unit::Scalar }
    }
}

/// The most parts a dispersion has.
pub const MAX_PARTS: usize = 1000;

/// Where a word occurs and how evenly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Dispersion {
    /// The word's count in each part.
    pub parts: Vec<usize>,
    /// How many word tokens each part has.
    pub part_sizes: Vec<usize>,
    /// Gries' DP and DPnorm; `None` if the word does not occur.
    pub dp: Option<f64>,
    pub dp_norm: Option<f64>,
    /// Juilland's D; `None` with one part or no occurrence.
    pub juilland_d: Option<f64>,
    /// Where each occurrence starts in the text (AntConc's Plot), and the
    /// text's length, in the requested unit.
    pub positions: Vec<usize>,
    pub text_length: usize,
}

/// The dispersion of `word`: a word as the cut has it, or a phrase the cut
/// makes of several words (as the concordance finds it).
pub fn dispersion(document: &Document, word: &str, options: &DispersionOptions) -> Dispersion {
    let sequence = document.word_tokens(options.skip_stopwords);
    let n_parts = options.parts.clamp(1, MAX_PARTS);
    let n = sequence.len();
    let bound = |k: usize| k * n / n_parts;
    let part_sizes: Vec<usize> = (0..n_parts).map(|k| bound(k + 1) - bound(k)).collect();
    let mut parts = vec![0usize; n_parts];
    let mut positions = Vec::new();
    // Where each occurrence is in the sequence of word tokens: a word of the
    // cut by its id; a phrase (several tokens) by its first token.
    let found: Vec<usize> = match document.vocabulary().id(word) {
        Some(id) => (0..sequence.len()).filter(|&p| document.id(sequence[p] as usize) == id).collect(),
        None => concordance::hits(document, word, &ConcordanceOptions::default())
            .into_iter()
            .filter_map(|(start, _)| sequence.binary_search(&(document.token_at(start) as u32)).ok())
            .collect(),
    };
    let mut part = 0;
    for p in found {
        while p >= bound(part + 1) {
            part += 1;
        }
        parts[part] += 1;
        positions.push(document.offset(document.span(sequence[p] as usize).start, options.unit));
    }
    let (dp, dp_norm) = gries_dp(&parts, &part_sizes).unzip();
    Dispersion {
        juilland_d: juilland_d(&parts, &part_sizes),
        parts,
        part_sizes,
        dp,
        dp_norm,
        positions,
        text_length: document.text_end(options.unit),
    }
}

/// Gries' DP and DPnorm of counts per part, given each part's size.
pub fn gries_dp(counts: &[usize], sizes: &[usize]) -> Option<(f64, f64)> {
    let f: usize = counts.iter().sum();
    let total: usize = sizes.iter().sum();
    if f == 0 || total == 0 {
        return None;
    }
    let shares: Vec<f64> = sizes.iter().map(|&s| s as f64 / total as f64).collect();
    let dp = 0.5 * counts.iter().zip(&shares).map(|(&c, &s)| (c as f64 / f as f64 - s).abs()).sum::<f64>();
    let min_share = shares.iter().copied().fold(f64::INFINITY, f64::min);
    Some((dp, dp / (1.0 - min_share)))
}

/// Juilland's D of counts per part, given each part's size.
pub fn juilland_d(counts: &[usize], sizes: &[usize]) -> Option<f64> {
    let n = counts.len();
    if n < 2 || counts.iter().sum::<usize>() == 0 {
        return None;
    }
    let relative: Vec<f64> =
        counts.iter().zip(sizes).map(|(&c, &s)| if s == 0 { 0.0 } else { c as f64 / s as f64 }).collect();
    let mean = relative.iter().sum::<f64>() / n as f64;
    let variance = relative.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / n as f64;
    Some(1.0 - (variance.sqrt() / mean) / ((n - 1) as f64).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_even_word_has_dp_zero_and_d_one() {
        let (dp, dp_norm) = gries_dp(&[2, 2, 2, 2], &[10, 10, 10, 10]).unwrap();
        assert!(dp.abs() < 1e-12 && dp_norm.abs() < 1e-12);
        assert!((juilland_d(&[2, 2, 2, 2], &[10, 10, 10, 10]).unwrap() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn a_word_in_one_part_is_as_uneven_as_can_be() {
        // Gries 2008's example shape: all in one of five equal parts.
        let (dp, dp_norm) = gries_dp(&[5, 0, 0, 0, 0], &[20, 20, 20, 20, 20]).unwrap();
        assert!((dp - 0.8).abs() < 1e-12, "{dp}");
        assert!((dp_norm - 1.0).abs() < 1e-12, "{dp_norm}");
        assert!(juilland_d(&[5, 0, 0, 0, 0], &[20; 5]).unwrap().abs() < 1e-12);
        assert_eq!(juilland_d(&[3], &[10]), None);
        assert_eq!(juilland_d(&[0, 0], &[10, 10]), None);
        assert_eq!(gries_dp(&[0, 0], &[10, 10]), None);
    }
}
