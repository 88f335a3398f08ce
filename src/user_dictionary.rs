//! The user's own words, in jieba's user-dictionary format.
//!
//! A line is `word [freq] [tag]`, as `jieba.load_userdict` reads it. A word
//! without a frequency is given the one Python's `add_word` estimates, so
//! that it is really cut as one word: jieba-rs's `load_dict` would give it
//! frequency 0, and the word would never be chosen (see
//! `Dictionary::with_user_words`).

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::limits::{self, MAX_SETTINGS_FILE_BYTES};
pub use crate::limits::{MAX_USER_WORDS, MAX_WORD_CHARS};

pub use crate::error::LineProblem;

fn is_tag(tag: &str) -> bool {
    !tag.is_empty() && tag.len() <= 8 && tag.bytes().all(|b| b.is_ascii_alphabetic())
}

/// One word of a user dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserWord {
    /// The word, without white space.
    pub word: String,
    /// Its frequency; `None` lets jieba estimate one high enough for the
    /// word to be cut whole (Python's `suggest_freq(word, False)`).
    #[serde(default)]
    pub freq: Option<usize>,
    /// Its part-of-speech tag; `None` is jieba's `x` for a new word and
    /// keeps the dictionary's tag for a known one.
    #[serde(default)]
    pub tag: Option<String>,
}

impl UserWord {
    /// A word with no frequency and no tag.
    pub fn new(word: impl Into<String>) -> Self {
        UserWord { word: word.into(), freq: None, tag: None }
    }

    /// Checks the word and the tag.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] for an empty word, a word with white space
    /// or over [`MAX_WORD_CHARS`] characters, or a tag that is not 1 to 8
    /// ASCII letters.
    pub fn validate(&self) -> Result<(), Error> {
        if let Some(problem) = limits::word_problem(&self.word) {
            return Err(Error::InvalidOption(format!(
                "\"{}\" cannot be a user word: {}",
                limits::quoted(&self.word),
                problem.en()
            )));
        }
        if let Some(tag) = &self.tag {
            if !is_tag(tag) {
                return Err(Error::InvalidOption(format!("\"{tag}\" is not a part-of-speech tag")));
            }
        }
        Ok(())
    }
}

/// Whether a user word can take effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UserWordCheck {
    /// A character jieba's cut always splits the word at (·, a full stop, a
    /// bracket), so that it can never be cut whole, whatever its frequency;
    /// `None` if the word can be.
    pub split_at: Option<String>,
}

/// Whether jieba's cut keeps `c` inside a word: it cuts runs of Han
/// characters, ASCII letters and digits and `+#&._%-` (jieba-rs's
/// `RE_HAN_DEFAULT`, the ranges of Python's `re_han_default` widened to the
/// CJK extensions), and splits everything else off.
fn kept_in_words(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2EBEF
        | 0x2F800..=0x2FA1F)
        || c.is_ascii_alphanumeric()
        || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

impl UserWord {
    /// Whether the word can take effect. It is added as it is spelled and
    /// in its normal form (simplified, letters and digits half-width: see
    /// [`crate::script::normal_form`]), which is what a text is cut in, so
    /// a full-width 阿Ｑ works; a character the cut splits at never does.
    pub fn check(&self) -> UserWordCheck {
        let normal = crate::script::simplified_word(&self.word);
        UserWordCheck { split_at: normal.chars().find(|&c| !kept_in_words(c)).map(String::from) }
    }
}

/// A user dictionary as three columns, entry `i` of each one word's: what
/// a page receives of 100,000 words in a tenth of the time that as many
/// objects take to copy from the worker (10 ms, not 115).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UserWordColumns {
    pub words: Vec<String>,
    pub freqs: Vec<Option<usize>>,
    pub tags: Vec<Option<String>>,
}

impl From<UserDictionary> for UserWordColumns {
    fn from(dictionary: UserDictionary) -> Self {
        let mut columns = UserWordColumns::default();
        for UserWord { word, freq, tag } in dictionary.words {
            columns.words.push(word);
            columns.freqs.push(freq);
            columns.tags.push(tag);
        }
        columns
    }
}

/// A user dictionary: words in the order they are added (the order matters,
/// as each estimated frequency depends on the words before it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(transparent)]
#[cfg_attr(test, ts(as = "Vec<UserWord>"))]
pub struct UserDictionary {
    /// The words; a later entry for the same word replaces an earlier one.
    pub words: Vec<UserWord>,
}

impl UserDictionary {
    /// Reads jieba's user-dictionary format: one `word [freq] [tag]` a line;
    /// blank lines and lines starting with `#` are skipped; a byte-order mark
    /// is ignored.
    ///
    /// # Errors
    ///
    /// [`Error::BadUserDictionary`] naming the first bad line: a word over
    /// [`MAX_WORD_CHARS`] characters, a frequency that is not a number, a
    /// bad tag, more than three fields, or more than [`MAX_USER_WORDS`]
    /// words; [`Error::FileTooLarge`] for a text over
    /// [`MAX_SETTINGS_FILE_BYTES`]. Linear in the text's length.
    pub fn parse(text: &str) -> Result<Self, Error> {
        if text.len() > MAX_SETTINGS_FILE_BYTES {
            return Err(Error::FileTooLarge { bytes: text.len(), limit: MAX_SETTINGS_FILE_BYTES });
        }
        let mut words = Vec::new();
        for (number, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |problem| Error::BadUserDictionary { line: number + 1, text: limits::quoted(line), problem };
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (word, rest) = fields.split_first().expect("a line that is not blank has a field");
            let (freq, tag) = match rest {
                [] => (None, None),
                [one] if one.bytes().all(|b| b.is_ascii_digit()) => (Some(*one), None),
                [one] => (None, Some(*one)),
                [freq, tag] => (Some(*freq), Some(*tag)),
                _ => return Err(bad(LineProblem::TooManyFields)),
            };
            let freq = match freq {
                Some(f) => Some(f.parse::<usize>().map_err(|_| bad(LineProblem::BadFrequency))?),
                None => None,
            };
            let word = UserWord { word: word.to_string(), freq, tag: tag.map(str::to_string) };
            if word.tag.as_deref().is_some_and(|t| !is_tag(t)) {
                return Err(bad(LineProblem::BadTag));
            }
            if let Some(problem) = limits::word_problem(&word.word) {
                return Err(bad(LineProblem::Word(problem)));
            }
            words.push(word);
            if words.len() > MAX_USER_WORDS {
                return Err(bad(LineProblem::TooManyWords { limit: MAX_USER_WORDS }));
            }
        }
        Ok(UserDictionary { words })
    }

    /// The dictionary in jieba's format, a line per word.
    pub fn to_jieba_format(&self) -> String {
        let mut out = String::new();
        for w in &self.words {
            out.push_str(&w.word);
            if let Some(freq) = w.freq {
                out.push_str(&format!(" {freq}"));
            }
            if let Some(tag) = &w.tag {
                out.push(' ');
                out.push_str(tag);
            }
            out.push('\n');
        }
        out
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Checks every word.
    ///
    /// # Errors
    ///
    /// The first word's error (see [`UserWord::validate`]), or
    /// [`Error::InvalidOption`] for more than [`MAX_USER_WORDS`] words.
    pub fn validate(&self) -> Result<(), Error> {
        if self.words.len() > MAX_USER_WORDS {
            return Err(Error::InvalidOption(format!("a user dictionary holds at most {MAX_USER_WORDS} words")));
        }
        self.words.iter().try_for_each(UserWord::validate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::WordProblem;

    #[test]
    fn a_word_the_cut_splits_says_where() {
        assert_eq!(UserWord::new("阿Ｑ").check().split_at, None);
        assert_eq!(UserWord::new("C++").check().split_at, None);
        assert_eq!(UserWord::new("新冠·疫情").check().split_at.as_deref(), Some("·"));
        assert_eq!(UserWord::new("《红楼梦》").check().split_at.as_deref(), Some("《"));
    }

    #[test]
    fn reads_each_form_of_a_line() {
        let dict = UserDictionary::parse("\u{feff}一带一路\n人类命运共同体 nz\n进博会 3\n# note\n\n新质生产力 20 n\n")
            .unwrap();
        let words: Vec<_> = dict.words.iter().map(|w| (w.word.as_str(), w.freq, w.tag.as_deref())).collect();
        assert_eq!(
            words,
            [
                ("一带一路", None, None),
                ("人类命运共同体", None, Some("nz")),
                ("进博会", Some(3), None),
                ("新质生产力", Some(20), Some("n"))
            ]
        );
        assert_eq!(UserDictionary::parse(&dict.to_jieba_format()).unwrap(), dict);
    }

    #[test]
    fn a_word_over_the_limit_is_named_by_its_line_and_quoted_short() {
        let text = format!("好\n{}\n", "字".repeat(MAX_WORD_CHARS + 1));
        let error = UserDictionary::parse(&text).unwrap_err();
        let Error::BadUserDictionary { line, text, problem } = &error else { panic!("{error:?}") };
        assert_eq!(
            (*line, text.chars().count(), *problem),
            (2, 21, LineProblem::Word(WordProblem::TooLong { chars: 65 }))
        );
        assert_eq!(error.details().limit, Some(MAX_WORD_CHARS));
        assert_eq!(error.details().problem, Some("too-long"));
    }

    #[test]
    fn a_hundred_thousand_lines_are_read_in_linear_time_and_one_more_is_refused() {
        let lines: String = (0..MAX_USER_WORDS).map(|i| format!("词{i} 3 n\n")).collect();
        let started = std::time::Instant::now();
        assert_eq!(UserDictionary::parse(&lines).unwrap().words.len(), MAX_USER_WORDS);
        assert!(started.elapsed().as_secs_f64() < 2.0, "{:?}", started.elapsed());
        let error = UserDictionary::parse(&format!("{lines}多一个\n")).unwrap_err();
        assert!(
            matches!(error, Error::BadUserDictionary { line, problem: LineProblem::TooManyWords { .. }, .. } if line == MAX_USER_WORDS + 1)
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_whole() {
        let text = "a".repeat(MAX_SETTINGS_FILE_BYTES + 1);
        assert!(matches!(UserDictionary::parse(&text), Err(Error::FileTooLarge { .. })));
    }

    #[test]
    fn bad_lines_are_named() {
        for (text, line) in
            [("好\n一 2 n x\n", "line 2"), ("词 n3\n", "line 1"), ("词 99999999999999999999999\n", "line 1")]
        {
            let message = UserDictionary::parse(text).unwrap_err().to_string();
            assert!(message.contains(line), "{text:?}: {message}");
        }
    }
}
