//! The concordance (KWIC, key word in context): every occurrence of a word
//! with the text to its left and right.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::document::Unit;

/// How a concordance finds its word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum MatchMode {
    /// The word as the cut has it: a token equal to it (or, for a word the
    /// cut never makes, a run of tokens that spells it).
    #[default]
    Word,
    /// The characters anywhere in the text: 发展 inside 发展中国家 too.
    Substring,
}

/// A concordance request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct ConcordanceOptions {
    /// How to find the word.
    pub mode: MatchMode,
    /// Characters of context on each side (about 25 read best in Chinese).
    pub width: usize,
    /// In word mode, only tokens with this part-of-speech tag.
    pub pos: Option<String>,
    /// The unit of `start` and `end`.
    #[serde(skip)]
    pub unit: Unit,
    /// Other forms of the term, found as it is (a name's aliases: 孔明 for
    /// 诸葛亮); the lines of every form come in text order.
    pub forms: Vec<String>,
    /// Only the occurrences that start in one of these spans (in `unit`, as
    /// the lines report positions): one speaker's turns, one file.
    pub within: Vec<super::comparison::Range>,
}

impl Default for ConcordanceOptions {
    fn default() -> Self {
        ConcordanceOptions {
            mode: MatchMode::Word,
            width: 25,
            pos: None,
            unit: Unit::Scalar,
            forms: Vec::new(),
            within: Vec::new(),
        }
    }
}

/// The most characters of context a side.
pub const MAX_WIDTH: usize = 500;

/// One occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ConcordanceLine {
    /// Up to `width` characters before the occurrence.
    pub left: String,
    /// The occurrence as it is in the text.
    pub word: String,
    /// Up to `width` characters after it.
    pub right: String,
    /// Where it starts and ends in the text, in the requested unit.
    pub start: usize,
    pub end: usize,
    /// The words before it, nearest first (L1, L2, L3), and after it (R1,
    /// R2, R3), skipping punctuation: the keys a concordance sorts by.
    pub left_words: Vec<String>,
    pub right_words: Vec<String>,
}

/// How many words each side the sort keys hold.
const SORT_WORDS: usize = 3;

/// Every occurrence of `term` in `document`, in the order of the text.
pub fn concordance(document: &Document, term: &str, options: &ConcordanceOptions) -> Vec<ConcordanceLine> {
    let width = options.width.min(MAX_WIDTH);
    let inside = |line: &ConcordanceLine| {
        options.within.is_empty() || options.within.iter().any(|r| r.start <= line.start && line.start < r.end)
    };
    hits(document, term, options)
        .into_iter()
        .map(|(start, end)| line(document, start, end, width, options.unit))
        .filter(inside)
        .collect()
}

/// The byte ranges of the occurrences of the term and its other forms, in
/// text order.
pub(crate) fn hits(document: &Document, term: &str, options: &ConcordanceOptions) -> Vec<(usize, usize)> {
    let mut all = hits_of(document, term, options);
    if !options.forms.is_empty() {
        for form in &options.forms {
            all.extend(hits_of(document, form, options));
        }
        all.sort_unstable();
        // A form inside another (孔明 in 孔明曰 by substring) counts once.
        all.dedup_by(|later, earlier| later.0 < earlier.1);
    }
    all
}

fn hits_of(document: &Document, term: &str, options: &ConcordanceOptions) -> Vec<(usize, usize)> {
    let term = term.trim();
    if term.is_empty() {
        return Vec::new();
    }
    let text = document.text();
    match options.mode {
        MatchMode::Substring => text.match_indices(term).map(|(start, s)| (start, start + s.len())).collect(),
        MatchMode::Word => match word_ids(document, term) {
            ids if !ids.is_empty() => (0..document.len())
                .filter(|&i| ids.contains(&document.id(i)) && options.pos.as_deref().map_or(true, |p| document.tag(i) == p))
                .map(|i| {
                    let span = document.span(i);
                    (span.start, span.end)
                })
                .collect(),
            // A word the cut never makes: runs of whole tokens that spell it.
            _ if options.pos.is_none() => text
                .match_indices(term)
                .map(|(start, s)| (start, start + s.len()))
                .filter(|&(start, end)| {
                    document.token_starting_at(start).is_some()
                        && (end == text.len() || document.token_starting_at(end).is_some())
                })
                .collect(),
            _ => Vec::new(),
        },
    }
}

/// The words of the document that `term` names: itself, or in a text cut in
/// a normal form of its own, every spelling with the term's normal form (阿Q
/// finds 阿Ｑ; 习近平 finds 習近平).
fn word_ids(document: &Document, term: &str) -> Vec<crate::document::WordId> {
    let vocabulary = document.vocabulary();
    if let Some(id) = vocabulary.id(term) {
        return vec![id];
    }
    if !document.is_converted() {
        return Vec::new();
    }
    let normal = crate::script::simplified_word(term);
    (0..vocabulary.len() as crate::document::WordId).filter(|&id| vocabulary.normal(id) == normal).collect()
}

fn line(document: &Document, start: usize, end: usize, width: usize, unit: Unit) -> ConcordanceLine {
    let text = document.text();
    let left_start = text[..start].char_indices().rev().nth(width.saturating_sub(1)).map_or(0, |(i, _)| i);
    let left_start = if width == 0 { start } else { left_start };
    let right_end = text[end..].char_indices().nth(width).map_or(text.len(), |(i, _)| end + i);
    let first = document.token_at(start);
    let last = document.token_at(end.saturating_sub(1).max(start));
    let vocabulary = document.vocabulary();
    let is_word = |i: &usize| vocabulary.is_word(document.id(*i));
    ConcordanceLine {
        left: text[left_start..start].to_string(),
        word: text[start..end].to_string(),
        right: text[end..right_end].to_string(),
        start: document.offset(start, unit),
        end: document.offset(end, unit),
        left_words: (0..first).rev().filter(is_word).take(SORT_WORDS).map(|i| document.token(i).to_string()).collect(),
        right_words: (last + 1..document.len())
            .filter(is_word)
            .take(SORT_WORDS)
            .map(|i| document.token(i).to_string())
            .collect(),
    }
}
