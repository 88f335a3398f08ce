//! Positions in a text three ways: bytes of UTF-8 (Rust's), Unicode scalars
//! (what jieba-rs and the command line's JSON count) and UTF-16 code units
//! (what a JavaScript string counts). They differ as soon as a character is
//! outside ASCII (bytes), or outside the Basic Multilingual Plane (UTF-16:
//! 𠀀 and the rest of the CJK extensions B–H take two units).

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
