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
pub mod comparison;
pub mod concordance;
pub mod dispersion;
pub mod keyness;
pub mod keyword_explanation;
mod louvain;
pub mod network;
pub mod new_words;
pub mod phrases;
pub mod repairs;
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
    ///
    /// In a scope (see [`Document::scoped`]) the offset is in the whole text
    /// the scope was taken from, so that the page shows it in its place.
    pub fn offset(&self, byte: usize, unit: Unit) -> usize {
        if let Some(origin) = self.origin() {
            return origin.offset(byte, unit);
        }
        match unit {
            Unit::Scalar => self.char_offset(byte),
            Unit::Utf16 => self.utf16_offset(byte),
        }
    }

    /// The length of the text in `unit`; in a scope, of the whole text.
    pub fn text_end(&self, unit: Unit) -> usize {
        match self.origin() {
            Some(origin) => origin.len(unit),
            None => self.offset(self.text().len(), unit),
        }
    }

    /// The byte offset in this document's own text of `offset` in `unit`;
    /// past the end: the end. An offset inside a character (half of a UTF-16
    /// pair) rounds down.
    pub fn byte_offset(&self, offset: usize, unit: Unit) -> usize {
        byte_offset(self.text(), offset, unit)
    }
}

/// The byte offset of `offset` in `unit` of `text` (see [`Document::byte_offset`]).
pub(crate) fn byte_offset(text: &str, offset: usize, unit: Unit) -> usize {
    let mut at = 0;
    for (byte, c) in text.char_indices() {
        let width = match unit {
            Unit::Scalar => 1,
            Unit::Utf16 => c.len_utf16(),
        };
        if at + width > offset {
            return byte;
        }
        at += width;
    }
    text.len()
}
