//! Questions asked of a [`Document`](crate::Document), one module each. Each
//! takes the document and plain options and returns plain, serialisable
//! values; none cuts the text again.
//!
//! They count the tokens of the precise cut that are words (a letter, digit
//! or Han character in them): punctuation and white space are never counted,
//! never inside a span. Definitions follow the established tools (AntConc,
//! Voyant, Evert's statistics of co-occurrences); the README and the page's
//! help state each formula.

pub mod collocates;
pub mod concordance;
pub mod dispersion;
pub mod keyness;
pub mod keyword_explanation;
pub mod new_words;
pub mod phrases;
pub mod sections;

use serde::{Deserialize, Serialize};

use crate::Document;

/// The unit of the positions an analysis reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// Unicode scalars (characters), as jieba-rs and Python count them.
    #[default]
    Scalar,
    /// UTF-16 code units, as a JavaScript string counts them.
    Utf16,
}

impl Document {
    /// The offset of byte offset `byte` in `unit`: the one conversion every
    /// position passes through before it leaves the core.
    pub fn offset(&self, byte: usize, unit: Unit) -> usize {
        match unit {
            Unit::Scalar => self.char_offset(byte),
            Unit::Utf16 => self.utf16_offset(byte),
        }
    }
}
