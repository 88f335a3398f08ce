//! Positions in a text three ways: bytes of UTF-8 (Rust's), Unicode scalars
//! (what jieba-rs and the command line's JSON count) and UTF-16 code units
//! (what a JavaScript string counts). They differ as soon as a character is
//! outside ASCII (bytes), or outside the Basic Multilingual Plane (UTF-16:
//! 𠀀 and the rest of the CJK extensions B–H take two units).

use serde::{Deserialize, Serialize};

use super::Document;

/// Bytes per block of the index: a conversion reads at most this many bytes.
const BLOCK: usize = 256;

/// Converts byte offsets of one text to scalar and UTF-16 offsets in
/// constant time: the counts before every block of [`BLOCK`] bytes, and a
/// scan of the rest of the block.
#[derive(Debug, Clone, Default)]
pub struct Offsets {
    /// Per block: (scalars, UTF-16 units) that start before it.
    blocks: Vec<(u32, u32)>,
}

/// Whether a byte starts a character (is not a continuation byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// Whether a byte starts a character outside the BMP (two UTF-16 units).
fn starts_astral(b: u8) -> bool {
    b >= 0xF0
}

impl Offsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Offsets {
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let (mut scalars, mut units) = (0u32, 0u32);
        for block in text.as_bytes().chunks(BLOCK) {
            blocks.push((scalars, units));
            for &b in block {
                if starts_char(b) {
                    scalars += 1;
                    units += 1 + u32::from(starts_astral(b));
                }
            }
        }
        blocks.push((scalars, units));
        Offsets { blocks }
    }

    /// The scalar offset of byte offset `byte` of `text` (a char boundary).
    pub fn scalar(&self, text: &str, byte: usize) -> usize {
        let (scalars, _, rest) = self.block_of(text, byte);
        scalars as usize + rest.iter().filter(|&&b| starts_char(b)).count()
    }

    /// The UTF-16 offset of byte offset `byte` of `text` (a char boundary).
    pub fn utf16(&self, text: &str, byte: usize) -> usize {
        let (_, units, rest) = self.block_of(text, byte);
        units as usize
            + rest.iter().map(|&b| usize::from(starts_char(b)) + usize::from(starts_astral(b))).sum::<usize>()
    }

    fn block_of<'t>(&self, text: &'t str, byte: usize) -> (u32, u32, &'t [u8]) {
        let block = byte / BLOCK;
        let (scalars, units) = self.blocks[block];
        (scalars, units, &text.as_bytes()[block * BLOCK..byte])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_agree_with_counting_characters() {
        let text = "a中𠀀b\n文𠀁字".repeat(100);
        let offsets = Offsets::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(offsets.scalar(&text, byte), text[..byte].chars().count(), "scalars at {byte}");
            assert_eq!(offsets.utf16(&text, byte), text[..byte].encode_utf16().count(), "UTF-16 at {byte}");
        }
        let empty = Offsets::new("");
        assert_eq!((empty.scalar("", 0), empty.utf16("", 0)), (0, 0));
    }
}

/// The unit of the positions an analysis reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
