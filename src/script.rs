//! Traditional Chinese: telling the script of a text and converting it to
//! simplified characters for the cut, character for character.
//!
//! jieba's dictionary, IDF table and stopwords are simplified: a traditional
//! text cut as it is falls apart (習近平 → 習近/平). So a traditional text is
//! converted with OpenCC's data (through `ferrous-opencc`, Apache-2.0, pure
//! Rust, only its traditional-to-simplified tables: T2S, with the Taiwan
//! variants of TW2S mended after it), cut, and every token is
//! mapped back to the characters of the original text. OpenCC's T2S maps one
//! character to one, so the mapping goes by character index; a line whose
//! converted length differs (a phrase table entry of another length) is
//! converted one character at a time instead, so the mapping always holds.
//! UTF-8 lengths may still differ (噁 → 𫫇), which is why the mapping counts
//! characters, never bytes.

use std::sync::OnceLock;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use serde::{Deserialize, Serialize};

/// The script of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Simplified characters (or no Han characters at all).
    #[default]
    Simplified,
    /// Traditional characters: cut through a simplified conversion.
    Traditional,
}

/// How many Han characters the detection reads at most.
const DETECT_CHARS: usize = 20_000;

/// OpenCC's traditional-to-simplified converter, built once (its tables
/// are embedded).
fn converter() -> &'static OpenCC {
    static CONVERTER: OnceLock<OpenCC> = OnceLock::new();
    CONVERTER.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).expect("the embedded OpenCC tables load"))
}

/// The characters OpenCC's Taiwan configuration (TW2S: Taiwan's variants,
/// then T2S) simplifies otherwise than T2S alone (為 → 为), each with its
/// simplified form. TW2S converts at half T2S's speed, so T2S runs and these
/// few characters are mended after it.
fn taiwan_variants() -> &'static rustc_hash::FxHashMap<char, char> {
    static VARIANTS: OnceLock<rustc_hash::FxHashMap<char, char>> = OnceLock::new();
    VARIANTS.get_or_init(|| {
        let taiwan = OpenCC::from_config(BuiltinConfig::Tw2s).expect("the embedded OpenCC tables load");
        // Every Han character of the basic plane, one a line.
        let han = || ('\u{3400}'..='\u{9FFF}').filter(|&c| crate::text::is_han(c));
        let all: String = han().flat_map(|c| [c, '\n']).collect();
        let (by_taiwan, by_t2s) = (taiwan.convert(&all), converter().convert(&all));
        // What T2S makes of other characters (么 of 麼) is no variant to
        // mend: the mending reads T2S's output, and would turn 什么 into
        // 什幺.
        let made: rustc_hash::FxHashSet<char> =
            by_t2s.lines().zip(han()).filter_map(|(t, original)| t.chars().next().filter(|&b| b != original)).collect();
        by_taiwan
            .lines()
            .zip(by_t2s.lines())
            .zip(han())
            .filter_map(|((tw, t), original)| {
                let (mut tw_chars, mut t_chars) = (tw.chars(), t.chars());
                match (tw_chars.next(), tw_chars.next(), t_chars.next(), t_chars.next()) {
                    (Some(a), None, Some(b), None) if a != b && b == original && !made.contains(&original) => {
                        Some((original, a))
                    }
                    _ => None,
                }
            })
            .collect()
    })
}

/// The script of `text`: traditional when at least 4 % of its first 20,000
/// Han characters change in a simplified conversion. Simplified text changes
/// by well under 1 % (a few characters OpenCC also maps, such as 乾 in
/// names), traditional text by 15 % to 25 %.
pub fn detect(text: &str) -> Script {
    let mut han = 0;
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        if crate::text::is_han(c) {
            han += 1;
            if han == DETECT_CHARS {
                end = i + c.len_utf8();
                break;
            }
        }
    }
    if han == 0 {
        return Script::Simplified;
    }
    let sample = &text[..end];
    let converted = converter().convert(sample);
    let changed = sample.chars().zip(converted.chars()).filter(|(a, b)| a != b && crate::text::is_han(*a)).count();
    if changed * 100 >= han * 4 {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

/// `text` in simplified characters, with exactly as many characters as
/// `text` and each in the same place.
pub fn to_simplified(text: &str) -> String {
    // The whole text in one call (a call a line costs a third more on a
    // novel); line by line only when a phrase changed the length.
    let converted = mend_variants(converter().convert(text));
    if converted.chars().count() == text.chars().count() {
        return converted;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let converted = mend_variants(converter().convert(line));
        if converted.chars().count() == line.chars().count() {
            out.push_str(&converted);
        } else {
            // A phrase of another length: one character at a time.
            let mut buf = [0u8; 4];
            for c in line.chars() {
                let one = mend_variants(converter().convert(c.encode_utf8(&mut buf)));
                let mut chars = one.chars();
                match (chars.next(), chars.next()) {
                    (Some(s), None) => out.push(s),
                    _ => out.push(c),
                }
            }
        }
    }
    out
}

/// The form a text of `script` is cut in: simplified characters (for a
/// traditional text) with half-width letters and digits (see
/// [`crate::width`]), as many characters as `text`, each in its place.
pub fn normal_form(text: &str, script: Script) -> String {
    let simplified = match script {
        Script::Traditional => to_simplified(text),
        Script::Simplified => text.to_string(),
    };
    if crate::width::has_full_width(&simplified) {
        crate::width::folded(&simplified)
    } else {
        simplified
    }
}

/// Whether a text of `script` is cut in a [`normal_form`] of its own
/// rather than as it is.
pub fn needs_normal_form(text: &str, script: Script) -> bool {
    script == Script::Traditional || crate::width::has_full_width(text)
}

/// T2S's output with Taiwan's variants simplified (see [`taiwan_variants`]).
fn mend_variants(converted: String) -> String {
    let variants = taiwan_variants();
    if converted.chars().any(|c| variants.contains_key(&c)) {
        converted.chars().map(|c| variants.get(&c).copied().unwrap_or(c)).collect()
    } else {
        converted
    }
}

/// A text with its [`normal_form`] (the simplified conversion of a
/// traditional text, letters and digits half-width), and the way back from
/// any piece of the normal form to the same characters of the original.
#[derive(Debug)]
pub struct Converted<'t> {
    original: &'t str,
    simplified: String,
    /// Per character, where it starts in the original and in the conversion
    /// (then both lengths).
    original_starts: Vec<u32>,
    simplified_starts: Vec<u32>,
}

impl<'t> Converted<'t> {
    /// Converts `original` (see [`normal_form`]; its script is detected).
    pub fn new(original: &'t str) -> Self {
        Converted::with_script(original, detect(original))
    }

    /// Converts `original`, a text (or a line of one) in `script`.
    pub fn with_script(original: &'t str, script: Script) -> Self {
        let simplified = normal_form(original, script);
        let starts = |text: &str| -> Vec<u32> {
            text.char_indices().map(|(i, _)| i as u32).chain(std::iter::once(text.len() as u32)).collect()
        };
        let (original_starts, simplified_starts) = (starts(original), starts(&simplified));
        Converted { original, simplified, original_starts, simplified_starts }
    }

    /// The normal form.
    pub fn simplified(&self) -> &str {
        &self.simplified
    }

    /// The original characters of `piece`, a slice of [`Converted::simplified`]
    /// (as jieba's cut of it gives them).
    ///
    /// # Panics
    ///
    /// If `piece` is not a slice of the conversion.
    pub fn original_of(&self, piece: &str) -> &'t str {
        let start = (piece.as_ptr() as usize).checked_sub(self.simplified.as_ptr() as usize);
        let start = start.filter(|&s| s + piece.len() <= self.simplified.len()).expect("a slice of the conversion");
        self.original_range(start, start + piece.len())
    }

    /// The original spelling of `word` where the conversion first has it.
    pub fn original_form(&self, word: &str) -> Option<&'t str> {
        let start = self.simplified.find(word)?;
        Some(self.original_range(start, start + word.len()))
    }

    fn original_range(&self, start: usize, end: usize) -> &'t str {
        let at = |byte: usize| {
            let i = self.simplified_starts.binary_search(&(byte as u32)).expect("a character boundary");
            self.original_starts[i] as usize
        };
        &self.original[at(start)..at(end)]
    }
}

/// A word in simplified characters with half-width letters and digits (for
/// looking up a word the user typed: a user word or stopword applies in
/// both scripts and both widths).
pub fn simplified_word(word: &str) -> String {
    normal_form(word, Script::Traditional)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_text_is_told_and_converted_in_place() {
        let traditional = "習近平與我們討論兩岸關係，臺灣問題為何重要？";
        assert_eq!(detect(traditional), Script::Traditional);
        assert_eq!(detect("习近平与我们讨论两岸关系，台湾问题为何重要？"), Script::Simplified);
        assert_eq!(detect("hello, world"), Script::Simplified);
        let simplified = to_simplified(traditional);
        assert_eq!(simplified.chars().count(), traditional.chars().count());
        assert_eq!(simplified, "习近平与我们讨论两岸关系，台湾问题为何重要？");
    }

    #[test]
    fn pieces_of_the_conversion_map_back_to_the_original() {
        let converted = Converted::new("噁心的臺灣烏龜，習近平說。");
        let simplified = converted.simplified();
        assert_eq!(simplified, "恶心的台湾乌龟，习近平说。");
        let taiwan = &simplified[simplified.find("台湾").unwrap()..][.."台湾".len()];
        assert_eq!(converted.original_of(taiwan), "臺灣");
        assert_eq!(converted.original_form("习近平说"), Some("習近平說"));
        assert_eq!(converted.original_form("北京"), None);
    }

    #[test]
    fn mo_is_simplified_as_in_shenme() {
        // 什麼, 怎麼, 這麼: the stopwords 什么, 怎么, 这么, never 什幺.
        assert_eq!(to_simplified("你說什麼？怎麼了，這麼好。"), "你说什么？怎么了，这么好。");
    }

    #[test]
    fn lengths_in_characters_hold_for_every_line() {
        let text = "噁心\n乾隆皇帝\n\n憂鬱的臺灣烏龜\r\n";
        let simplified = to_simplified(text);
        assert_eq!(simplified.chars().count(), text.chars().count());
        for (a, b) in text.lines().zip(simplified.lines()) {
            assert_eq!(a.chars().count(), b.chars().count());
        }
    }
}
