//! What the caller may choose about an analysis.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::NameCorrections;

/// The most keywords one analysis returns per method.
pub const MAX_TOP_K: usize = 500;

/// How the text is cut into words (the three modes of jieba).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum SegmentMode {
    /// The most likely segmentation (`jieba.cut`): each character in one word.
    #[default]
    Precise,
    /// Precise, then long words cut again into their dictionary parts
    /// (`jieba.cut_for_search`).
    Search,
    /// Every dictionary word found anywhere (`jieba.cut(cut_all=True)`);
    /// words overlap.
    Full,
}

/// Options of [`crate::Segmenter::analyze`]. Every field has a default, so
/// `Options::default()` (or `{}` from JavaScript) is a complete request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// How the word list is cut. Keywords, people and places always come from
    /// the precise cut, as in Python jieba.
    pub mode: SegmentMode,
    /// Whether the HMM finds words that are not in the dictionary.
    pub hmm: bool,
    /// How many keywords each method returns (1 to [`MAX_TOP_K`]).
    pub top_k: usize,
    /// The part-of-speech tags keywords may have. `None` keeps each method's
    /// Python default: any tag for TF-IDF, `ns n vn v` for TextRank.
    pub keyword_pos: Option<Vec<String>>,
    /// Whether the document's stopwords (the built-in Chinese list unless
    /// the user chose another, see [`crate::Document::set_stopwords`]) are
    /// left out of the word list and the keywords. Punctuation and white
    /// space are never words.
    pub stopwords: bool,
    /// The user's corrections of the name lists.
    pub names: NameCorrections,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mode: SegmentMode::Precise,
            hmm: true,
            top_k: 20,
            keyword_pos: None,
            stopwords: true,
            names: NameCorrections::default(),
        }
    }
}

impl Options {
    /// Options that make the keywords equal those of Python jieba's
    /// `extract_tags` and `textrank` with their default arguments.
    pub fn python_compatible() -> Self {
        Options { stopwords: false, ..Options::default() }
    }

    /// Checks that every option is in range.
    pub fn validate(&self) -> Result<(), Error> {
        if self.top_k == 0 || self.top_k > MAX_TOP_K {
            return Err(Error::InvalidOption(format!("topK must be between 1 and {MAX_TOP_K}, not {}", self.top_k)));
        }
        if let Some(tags) = &self.keyword_pos {
            if let Some(bad) =
                tags.iter().find(|t| t.is_empty() || t.len() > 8 || !t.bytes().all(|b| b.is_ascii_alphabetic()))
            {
                return Err(Error::InvalidOption(format!("\"{bad}\" is not a part-of-speech tag")));
            }
        }
        self.names.validate()
    }
}
