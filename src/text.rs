//! Character classes and the plain counts of a text.

/// The largest text accepted, in bytes of UTF-8 (64 MiB: about 21 million
/// Chinese characters, a shelf of novels).
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// A size as every message states it: in MiB, the unit of the limit. A
/// whole number of MiB as it is (the limit: 64 MiB), any other size to one
/// decimal, rounded up, so that a size over the limit never reads as the
/// limit (one byte over is 64.1 MiB, not 64.0).
pub fn mib(bytes: u64) -> String {
    const MIB: u128 = 1 << 20;
    let bytes = u128::from(bytes);
    if bytes % MIB == 0 {
        return format!("{} MiB", bytes / MIB);
    }
    let tenths = (bytes * 10).div_ceil(MIB);
    format!("{}.{} MiB", tenths / 10, tenths % 10)
}

/// Whether `c` is a Han (Chinese) character: the CJK Unified Ideographs and
/// their extensions, and the compatibility ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2EBEF
        | 0x2F800..=0x2FA1F
        | 0x30000..=0x3134F)
}

/// Whether a token of the cut is a word: it holds at least one letter, digit
/// or Han character. Punctuation, symbols and white space are not words.
pub fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Whether `c` ends a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '…' | '!' | '?' | ';' | '\n' | '\r' | '．')
}

/// Counts of characters, Han characters and sentences, in one pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharCounts {
    /// Characters other than white space.
    pub characters: usize,
    /// Han characters.
    pub han_characters: usize,
    /// Sentences, as [`crate::Counts::sentences`] defines them.
    pub sentences: usize,
}

impl CharCounts {
    /// Counts `text`.
    pub fn of(text: &str) -> CharCounts {
        let mut counts = CharCounts::default();
        let mut sentence_has_content = false;
        for c in text.chars() {
            if ends_sentence(c) {
                if sentence_has_content {
                    counts.sentences += 1;
                }
                sentence_has_content = false;
            }
            if c.is_whitespace() {
                continue;
            }
            counts.characters += 1;
            if is_han(c) {
                counts.han_characters += 1;
            }
            sentence_has_content |= c.is_alphanumeric();
        }
        if sentence_has_content {
            counts.sentences += 1;
        }
        counts
    }
}

/// Splits `text` into pieces of about `target` bytes that end just after a
/// line break (or at the end of the text). jieba never joins words across a
/// line break, so cutting the pieces one by one gives the same words as
/// cutting the whole, while the caller can report progress between them.
pub fn line_chunks(text: &str, target: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = rest.len();
        if rest.len() > target {
            let mut probe = target;
            while !rest.is_char_boundary(probe) {
                probe += 1;
            }
            end = match rest[probe..].find('\n') {
                Some(i) => probe + i + 1,
                None => rest.len(),
            };
        }
        let (chunk, tail) = rest.split_at(end);
        rest = tail;
        Some(chunk)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_stated_in_mib_and_never_rounded_down_to_the_limit() {
        assert_eq!(mib(MAX_TEXT_BYTES as u64), "64 MiB");
        assert_eq!(mib(MAX_TEXT_BYTES as u64 + 1), "64.1 MiB");
        assert_eq!(mib(1 << 30), "1024 MiB");
        assert_eq!(mib((65 << 20) + (1 << 19)), "65.5 MiB");
        assert_eq!(mib(1), "0.1 MiB");
        assert_eq!(mib(u64::MAX), "17592186044416.0 MiB");
    }

    #[test]
    fn han_characters_are_told_from_kana_and_punctuation() {
        assert!(is_han('中') && is_han('𠀀') && is_han('㐀'));
        assert!(!is_han('の') && !is_han('，') && !is_han('a'));
    }

    #[test]
    fn words_hold_letters_digits_or_han() {
        assert!(is_word("北京") && is_word("2024") && is_word("AI"));
        assert!(!is_word("，") && !is_word(" ") && !is_word("\r\n") && !is_word("😀") && !is_word("——"));
    }

    #[test]
    fn counts_characters_han_and_sentences() {
        let c = CharCounts::of("今天天气很好！我们去公园吧。\n\nOK?  ");
        assert_eq!(c.han_characters, 12);
        assert_eq!(c.characters, 17);
        assert_eq!(c.sentences, 3);
    }

    #[test]
    fn punctuation_only_lines_are_no_sentences() {
        assert_eq!(CharCounts::of("……\n——\n。").sentences, 0);
        assert_eq!(CharCounts::of("没有句号").sentences, 1);
    }

    #[test]
    fn chunks_end_at_line_breaks_and_cover_the_text() {
        let text = "第一行\n第二行很长很长\n三\n最后";
        for target in [1, 4, 10, 100] {
            let chunks: Vec<&str> = line_chunks(text, target).collect();
            assert_eq!(chunks.concat(), text);
            assert!(chunks[..chunks.len() - 1].iter().all(|c| c.ends_with('\n')));
        }
        assert_eq!(line_chunks("", 10).count(), 0);
    }
}
