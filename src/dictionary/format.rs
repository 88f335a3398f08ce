//! The layout of Ciyan's dictionary file, shared by its writer (`pack.rs`,
//! run by `build.rs`) and its reader (`unpack.rs`).
//!
//! The file carries jieba's dictionary (word, frequency, tag), its IDF table
//! and its part-of-speech HMM in a form that HTTP compression (brotli, gzip)
//! shrinks well: sorted, front-coded words; one column per field; repeated
//! values replaced by small indices into a table of the distinct values.
//! jieba-rs's own embedded copy is zstd-compressed, which no server can
//! shrink further, and it is 5 MB of a 7 MB wasm module.
//!
//! After [`MAGIC`], the file is a sequence of [`Section`]s, each a
//! little-endian `u32` byte length followed by that many bytes:
//!
//! | section | contents |
//! |---|---|
//! | `Chars` | every character of the words, most frequent first (UTF-8) |
//! | `Words` | per word, in byte order: the number of leading characters it shares with the previous word (one byte), the codes of the rest ([`write_char_code`]), a 0 byte |
//! | `Freqs` | per word: 0 if it is not in the dictionary, else its frequency + 1 (varint) |
//! | `Tags` | per word: 0 if it is not in the dictionary, else the index + 1 of its tag in `TagNames` (one byte) |
//! | `TagNames` | the dictionary's tags, one per line |
//! | `Idfs` | per word: 0 if it has no IDF, else the index + 1 of its IDF in `IdfValues` (varint) |
//! | `IdfValues` | the distinct IDFs as written in jieba's table, most used first, one per line |
//! | `PosHead` | the POS HMM's tags, start and transition log-probabilities, in jieba-rs's `posseg.txt` text form |
//! | `PosValues` | the distinct emission log-probabilities, ascending, one per line |
//! | `PosRows` | per character that has any: the character (UTF-8), its number of states (varint), its states ascending (one byte each), the index of each state's emission in `PosValues` (varint) |

/// The first bytes of the file: a name and the format's version.
pub const MAGIC: &[u8; 8] = b"CIYAND\x00\x01";

/// The sections, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Chars,
    Words,
    Freqs,
    Tags,
    TagNames,
    Idfs,
    IdfValues,
    PosHead,
    PosValues,
    PosRows,
}

/// Every section, in file order.
pub const SECTIONS: [Section; 10] = [
    Section::Chars,
    Section::Words,
    Section::Freqs,
    Section::Tags,
    Section::TagNames,
    Section::Idfs,
    Section::IdfValues,
    Section::PosHead,
    Section::PosValues,
    Section::PosRows,
];

/// Character ranks below this take one byte, `ONE_BYTE_BASE + rank`.
pub const ONE_BYTE_RANKS: usize = 0x70;
/// The first one-byte code; the bytes below it are free (0 ends a word).
pub const ONE_BYTE_BASE: u8 = 0x10;
/// Two-byte codes start with this bit set; they hold `rank - ONE_BYTE_RANKS`
/// in 15 bits.
pub const TWO_BYTE_FLAG: u8 = 0x80;
/// The largest number of distinct characters the codes can carry.
#[allow(dead_code)] // Used by the writer.
pub const MAX_CHARS: usize = ONE_BYTE_RANKS + 0x8000;

/// Appends the code of the character of rank `rank` (see [`MAX_CHARS`]).
// Used by the writer, which only build.rs and the tests compile.
#[allow(dead_code)]
pub fn write_char_code(out: &mut Vec<u8>, rank: usize) {
    if rank < ONE_BYTE_RANKS {
        out.push(ONE_BYTE_BASE + rank as u8);
    } else {
        let r = rank - ONE_BYTE_RANKS;
        assert!(r < 0x8000, "too many distinct characters for the dictionary format");
        out.push(TWO_BYTE_FLAG | (r >> 8) as u8);
        out.push((r & 0xFF) as u8);
    }
}

/// Appends `n` as a LEB128 varint.
// Used by the writer, which only build.rs and the tests compile.
#[allow(dead_code)]
pub fn write_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
