//! Sections compared: the words that set each section (or a speaker's turns)
//! apart from the rest of the text, two parts of a text against each other,
//! and the trend of words across sections. Keyness is computed as in
//! [`super::keyness`] (log-likelihood, Log Ratio, %DIFF, BIC).
//!
//! A part is one or more sections of a division taken together. Counts are
//! over word tokens by word id, so that 120 chapters against the rest of
//! 红楼梦 stay well under a second.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::keyness::{self, Keyness};
use super::sections::{section_spans, SectionBy};
use crate::document::Document;
use crate::document::Unit;
use crate::document::WordId;

/// Sections taken together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Part {
    /// What the user sees: a speaker, a chapter, a file.
    pub label: String,
    /// The indices of its sections in the division.
    pub sections: Vec<usize>,
}

/// Options of every comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct CompareOptions {
    /// The fewest occurrences in both parts together (3).
    pub min_count: usize,
    /// Whether stopwords leave both parts first.
    pub skip_stopwords: bool,
    /// The most words of each list: positive and negative keywords per part
    /// for distinctive words (10), each list of a comparison (200).
    pub top: Option<usize>,
    /// For distinctive words: the parts (each section alone when left out).
    pub parts: Option<Vec<Part>>,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions { min_count: 3, skip_stopwords: false, top: None, parts: None }
    }
}

use keyness::CRITICAL;

/// One part against the rest of the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Distinctive {
    /// The part's label.
    pub label: String,
    /// Its sections.
    pub sections: Vec<usize>,
    /// Its word tokens.
    pub tokens: usize,
    /// The words it uses more than the rest, by log-likelihood (p < .05 only).
    pub positive: Vec<Keyness>,
    /// The words it uses less (p < .05 only).
    pub negative: Vec<Keyness>,
}

/// Word counts by id of a part, and its word tokens.
#[derive(Debug, Clone, Default)]
struct Counts {
    by_id: HashMap<WordId, usize>,
    tokens: usize,
}

/// Per section, the word counts of its word tokens.
fn section_counts(document: &Document, by: &SectionBy, skip_stopwords: bool) -> Vec<Counts> {
    let spans = section_spans(document, by);
    let words = document.word_tokens(skip_stopwords);
    let mut counts = vec![Counts::default(); spans.len()];
    let mut next = 0;
    for (section, (_, start, end)) in spans.iter().enumerate() {
        while next < words.len() && document.span(words[next] as usize).start < *start {
            next += 1;
        }
        while next < words.len() && document.span(words[next] as usize).start < *end {
            *counts[section].by_id.entry(document.id(words[next] as usize)).or_insert(0) += 1;
            counts[section].tokens += 1;
            next += 1;
        }
    }
    counts
}

fn sum(sections: &[Counts], indices: &[usize]) -> Counts {
    let mut counts = Counts::default();
    for section in indices.iter().filter_map(|&i| sections.get(i)) {
        for (&id, &n) in &section.by_id {
            *counts.by_id.entry(id).or_insert(0) += n;
        }
        counts.tokens += section.tokens;
    }
    counts
}

/// The keyness of every word of `target` or `reference` (counted at least
/// `min_count` times in both), positive first.
fn compare(document: &Document, target: &Counts, reference: &Counts, min_count: usize) -> Vec<Keyness> {
    let (c, d) = (target.tokens as f64, reference.tokens as f64);
    if c == 0.0 || d == 0.0 {
        return Vec::new();
    }
    let vocabulary = document.vocabulary();
    let ids = target.by_id.keys().chain(reference.by_id.keys().filter(|id| !target.by_id.contains_key(id)));
    let mut all: Vec<Keyness> = ids
        .filter_map(|&id| {
            let a = target.by_id.get(&id).copied().unwrap_or(0);
            let b = reference.by_id.get(&id).copied().unwrap_or(0);
            (a + b >= min_count.max(1)).then(|| keyness::measure(vocabulary.word(id), a, b, c, d))
        })
        .collect();
    keyness::sort(&mut all);
    all
}

/// Each part (each section, unless `options.parts`) against the rest of the
/// text: its most distinctive words both ways.
///
/// Only the words listed are measured in full: the rest are ranked by
/// log-likelihood alone, over counts by word id, so that 120 chapters of a
/// novel each against the other 119 take a fraction of a second.
pub fn distinctive(document: &Document, by: &SectionBy, options: &CompareOptions) -> Vec<Distinctive> {
    let sections = section_counts(document, by, options.skip_stopwords);
    // The rest is the other sections: a speaker's labels (王毅：) and text
    // outside every section are in none.
    let whole = sum(&sections, &(0..sections.len()).collect::<Vec<_>>());
    let mut whole_dense = vec![0usize; document.vocabulary().len()];
    for (&id, &n) in &whole.by_id {
        whole_dense[id as usize] = n;
    }
    let candidates: Vec<WordId> = {
        let mut ids: Vec<WordId> =
            whole.by_id.iter().filter(|(_, &n)| n >= options.min_count.max(1)).map(|(&id, _)| id).collect();
        ids.sort_unstable();
        ids
    };
    let labels: Vec<String> = section_spans(document, by).into_iter().map(|s| s.0).collect();
    let parts = options.parts.clone().unwrap_or_else(|| {
        labels.iter().enumerate().map(|(i, label)| Part { label: label.clone(), sections: vec![i] }).collect()
    });
    let top = options.top.unwrap_or(10);
    let vocabulary = document.vocabulary();
    let mut part_dense = vec![0usize; vocabulary.len()];
    parts
        .into_iter()
        .map(|part| {
            let counts = sum(&sections, &part.sections);
            for (&id, &n) in &counts.by_id {
                part_dense[id as usize] = n;
            }
            let (c, d) = (counts.tokens as f64, whole.tokens.saturating_sub(counts.tokens) as f64);
            let mut positive = Vec::new();
            let mut negative = Vec::new();
            if c > 0.0 && d > 0.0 {
                for &id in &candidates {
                    let a = part_dense[id as usize];
                    let b = whole_dense[id as usize] - a;
                    let ll = keyness::log_likelihood(a as f64, b as f64, c, d);
                    if ll >= CRITICAL[3].0 {
                        let side = if a as f64 / c > b as f64 / d { &mut positive } else { &mut negative };
                        side.push((ll, a, id, b));
                    }
                }
            }
            for (&id, _) in &counts.by_id {
                part_dense[id as usize] = 0;
            }
            let listed = |mut found: Vec<(f64, usize, WordId, usize)>| -> Vec<Keyness> {
                found.sort_by(|x, y| {
                    y.0.total_cmp(&x.0).then(y.1.cmp(&x.1)).then_with(|| vocabulary.word(x.2).cmp(vocabulary.word(y.2)))
                });
                found
                    .into_iter()
                    .take(top)
                    .map(|(_, a, id, b)| keyness::measure(vocabulary.word(id), a, b, c, d))
                    .collect()
            };
            Distinctive {
                label: part.label,
                sections: part.sections,
                tokens: counts.tokens,
                positive: listed(positive),
                negative: listed(negative),
            }
        })
        .collect()
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Side {
    /// Its label; empty for the rest of the text ([`REST`]), which the page
    /// names in the reader's language.
    pub label: String,
    /// Its word tokens: every word, as the structure counts its sections
    /// (the methods reference's one definition).
    pub tokens: usize,
    /// The word tokens compared: `tokens` without the stopwords when the
    /// comparison leaves them out (`skip_stopwords`), else `tokens`.
    pub compared_tokens: usize,
    /// Its distinct words (of those compared).
    pub types: usize,
    /// Where its sections are, in the unit asked for.
    pub ranges: Vec<Range>,
}

/// A span of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Range {
    /// Where it starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

/// A word in one side only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OneSide {
    /// The word.
    pub word: String,
    /// Its count there.
    pub count: usize,
}

/// A word both sides use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Shared {
    /// The word.
    pub word: String,
    /// Its count in a.
    pub a: usize,
    /// Its count in b.
    pub b: usize,
}

/// Two parts compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The first part.
    pub a: Side,
    /// The second part, or the rest of the text.
    pub b: Side,
    /// Keyness, positive (more in a) first.
    pub words: Vec<Keyness>,
    /// How many words both use.
    pub shared: usize,
    /// The words both use most (by the smaller count).
    pub shared_words: Vec<Shared>,
    /// The words only a uses, most frequent first (the first `top`).
    pub only_a: Vec<OneSide>,
    /// The words only b uses.
    pub only_b: Vec<OneSide>,
    /// How many words only a uses (more than listed when capped).
    pub only_a_count: usize,
    /// How many words only b uses.
    pub only_b_count: usize,
}

/// The label of the rest of a text: none, as for the opening of a division
/// (`sections::OPENING`); the page names it.
pub const REST: &str = "";

/// `a` against `b` (the rest of the text when `None`).
pub fn compare_parts(
    document: &Document,
    by: &SectionBy,
    a: &Part,
    b: Option<&Part>,
    options: &CompareOptions,
    unit: Unit,
) -> Comparison {
    let spans = section_spans(document, by);
    let sections = section_counts(document, by, options.skip_stopwords);
    let counts_a = sum(&sections, &a.sections);
    let others: Vec<usize> = (0..sections.len()).filter(|i| !a.sections.contains(i)).collect();
    let counts_b = sum(&sections, b.map_or(&others, |b| &b.sections));
    let limit = options.top.unwrap_or(200);
    let vocabulary = document.vocabulary();
    let found = compare(document, &counts_a, &counts_b, options.min_count);
    let words: Vec<Keyness> = found.into_iter().take(limit).collect();
    let only_count = |this: &Counts, other: &Counts| this.by_id.keys().filter(|id| !other.by_id.contains_key(id)).count();
    let only = |this: &Counts, other: &Counts| {
        let mut only: Vec<OneSide> = this
            .by_id
            .iter()
            .filter(|(id, _)| !other.by_id.contains_key(id))
            .map(|(&id, &count)| OneSide { word: vocabulary.word(id).to_string(), count })
            .collect();
        only.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.word.cmp(&y.word)));
        only.truncate(limit);
        only
    };
    let mut shared: Vec<Shared> = counts_a
        .by_id
        .iter()
        .filter_map(|(&id, &a)| {
            let b = counts_b.by_id.get(&id).copied()?;
            Some(Shared { word: vocabulary.word(id).to_string(), a, b })
        })
        .collect();
    shared.sort_by(|x, y| y.a.min(y.b).cmp(&x.a.min(x.b)).then_with(|| x.word.cmp(&y.word)));
    let shared_count = shared.len();
    shared.truncate(limit);
    let ranges_of = |indices: &[usize]| -> Vec<(usize, usize)> {
        let mut ranges: Vec<(usize, usize)> =
            indices.iter().filter_map(|&i| spans.get(i)).map(|(_, start, end)| (*start, *end)).collect();
        ranges.sort_unstable();
        ranges
    };
    let ranges_a = ranges_of(&a.sections);
    let ranges_b = ranges_of(b.map_or(&others, |b| &b.sections));
    // Every word token in the side's spans, stopwords or not.
    let all_words = document.word_tokens(false);
    let tokens_in = |ranges: &[(usize, usize)]| -> usize {
        ranges
            .iter()
            .map(|&(start, end)| {
                let at = |byte: usize| all_words.partition_point(|&i| document.span(i as usize).start < byte);
                at(end) - at(start)
            })
            .sum()
    };
    let side = |label: &str, counts: &Counts, ranges: Vec<(usize, usize)>| Side {
        label: label.to_string(),
        tokens: tokens_in(&ranges),
        compared_tokens: counts.tokens,
        types: counts.by_id.len(),
        ranges: ranges
            .into_iter()
            .map(|(start, end)| Range { start: document.offset(start, unit), end: document.offset(end, unit) })
            .collect(),
    };
    Comparison {
        a: side(&a.label, &counts_a, ranges_a),
        b: side(b.map_or(REST, |b| &b.label), &counts_b, ranges_b),
        words,
        shared: shared_count,
        shared_words: shared,
        only_a: only(&counts_a, &counts_b),
        only_b: only(&counts_b, &counts_a),
        only_a_count: only_count(&counts_a, &counts_b),
        only_b_count: only_count(&counts_b, &counts_a),
    }
}

/// Words across sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Trends {
    /// Each section's label and word tokens.
    pub sections: Vec<SectionSize>,
    /// Per word asked for: its counts and relative frequencies per section.
    pub words: Vec<Trend>,
}

/// A section's label and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SectionSize {
    /// Its label.
    pub label: String,
    /// Its word tokens.
    pub tokens: usize,
}

/// One word across sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Trend {
    /// The word.
    pub word: String,
    /// Its count per section.
    pub counts: Vec<usize>,
    /// Per 10,000 word tokens of each section (0 for an empty section).
    pub per_ten_thousand: Vec<f64>,
}

/// How often each of `words` occurs in each section (Voyant's Trends).
pub fn trends(document: &Document, by: &SectionBy, words: &[String], skip_stopwords: bool) -> Trends {
    let spans = section_spans(document, by);
    let counts = section_counts(document, by, skip_stopwords);
    let vocabulary = document.vocabulary();
    let sections = spans
        .iter()
        .zip(&counts)
        .map(|((label, ..), c)| SectionSize { label: label.clone(), tokens: c.tokens })
        .collect();
    let words = words
        .iter()
        .map(|word| {
            let id = vocabulary.id(word).or_else(|| vocabulary.id(vocabulary.display_form(word)));
            let per_section: Vec<usize> =
                counts.iter().map(|c| id.and_then(|id| c.by_id.get(&id).copied()).unwrap_or(0)).collect();
            let per_ten_thousand = per_section
                .iter()
                .zip(&counts)
                .map(|(&n, c)| if c.tokens == 0 { 0.0 } else { n as f64 * 10_000.0 / c.tokens as f64 })
                .collect();
            Trend { word: word.clone(), counts: per_section, per_ten_thousand }
        })
        .collect();
    Trends { sections, words }
}
