//! The answer of one analysis: plain data, serialisable, the page's whole input.

use serde::{Deserialize, Serialize};

pub use crate::document::WordCount;
pub use crate::keywords::Keyword;
pub use crate::names::Entities;

/// Everything Ciyan found in one text. One value is the page's whole answer
/// and what `ciyan analyze --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Sizes of the text.
    pub counts: Counts,
    /// Every distinct word (no punctuation, white space or, when asked,
    /// stopwords), most frequent first; ties keep the order of first use.
    pub words: Vec<WordCount>,
    /// Keywords by each method, best first.
    pub keywords: Keywords,
    /// Who, where and which organisations the text names.
    pub entities: Entities,
}

/// Sizes of the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Characters other than white space.
    pub characters: usize,
    /// Han (Chinese) characters.
    pub han_characters: usize,
    /// Word tokens: every word in the cut, stopwords included, punctuation
    /// and white space not.
    pub tokens: usize,
    /// Distinct words in [`Analysis::words`].
    pub distinct_words: usize,
    /// Sentences: runs of text ended by 。！？；… (or their ASCII forms) or a
    /// line break that hold at least one letter, digit or Han character.
    pub sentences: usize,
}

/// Keywords by each method, best first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Keywords {
    /// By TF-IDF (`jieba.analyse.extract_tags`).
    pub tfidf: Vec<Keyword>,
    /// By TextRank (`jieba.analyse.textrank`).
    pub textrank: Vec<Keyword>,
}
