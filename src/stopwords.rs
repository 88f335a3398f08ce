//! Stopword lists: the base list the user chooses, the classical Chinese
//! function words for novels, and the user's own additions and removals.
//!
//! Base lists:
//! - `iso` (the default): the Chinese list of stopwords-iso (MIT licence),
//!   as the `stop-words` crate packages it.
//! - `nltk`: NLTK's Chinese stopword list, as the same crate packages it
//!   (MIT OR Apache-2.0).
//! - `none`: no Chinese list.
//!
//! `build.rs` writes both lists out, so the crate's 50-odd other languages
//! stay out of the wasm. Python jieba's English stopwords (the ones its
//! keyword extractors always skip) are not part of any list: the keyword
//! runs add them themselves, as Python does.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashSet as HashSet;
use serde::{Deserialize, Serialize};

use crate::error::{Error, LineProblem};
use crate::limits::{self, MAX_LIST_WORDS, MAX_SETTINGS_FILE_BYTES};

/// The English words Python jieba's keyword extractors always skip
/// (`jieba.analyse.tfidf.STOP_WORDS`); jieba-rs has the same list.
pub const JIEBA_DEFAULT: &[&str] = &[
    "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on", "with", "can",
    "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not", "one", "has", "or",
];

/// Function words and pronouns of classical Chinese and of the vernacular
/// novels, which bury a novel's keywords (曰, 吾, 道, 遂 …). Chosen for
/// 三国演义, 西游记, 水浒传 and 红楼梦: each is a function word, a pronoun or
/// the verb that introduces speech.
pub const CLASSICAL: &[&str] = &[
    "之", "乎", "者", "也", "矣", "焉", "哉", "耳", "兮", "欤", "耶", "邪", "夫", "盖", "乃", "遂", "亦", "即", "则",
    "且", "而", "以", "于", "於", "与", "为", "所", "其", "此", "彼", "尔", "汝", "吾", "余", "予", "某", "孰", "奚",
    "曷", "安", "焉能", "何", "何故", "何以", "何不", "岂", "莫", "勿", "毋", "弗", "否", "未", "已", "既", "皆", "俱",
    "咸", "悉", "但", "惟", "唯", "徒", "故", "曰", "云", "道", "言", "谓", "说道", "笑道", "问道", "答道", "听了",
    "便", "却", "只", "又", "再", "才", "方", "正", "将", "把", "被", "着", "了", "的", "得", "地", "么", "那", "这",
    "些", "个", "们", "你", "我", "他", "她", "它", "咱", "俺", "众", "一面", "一个", "如今", "只见", "只得", "不知",
    "不是", "不敢", "不得", "不曾", "不可", "不能", "不过", "如此", "这般", "那里", "这里", "那边", "这边", "什么",
    "怎么", "怎的", "今日", "今番", "来了", "去了", "出来", "进来", "起来", "下来", "过来", "回来", "出去", "进去",
];

/// Which list the stopwords start from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum StopwordBase {
    /// The Chinese list of stopwords-iso (about 790 words).
    #[default]
    Iso,
    /// NLTK's Chinese list (about 840 words).
    Nltk,
    /// No list: only the words the user adds.
    None,
}

/// What the user chose: a base list, the classical function words or not,
/// and words added and removed (a removal wins over every list).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct StopwordSettings {
    /// The base list.
    pub base: StopwordBase,
    /// Whether [`CLASSICAL`] is added.
    pub classical: bool,
    /// Words that are stopwords too.
    pub added: Vec<String>,
    /// Words that are never stopwords.
    pub removed: Vec<String>,
}

impl StopwordSettings {
    /// Checks the words added and removed: each list at most
    /// [`MAX_LIST_WORDS`] words, each word one (see [`limits::word_problem`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] naming the list and the first bad word.
    pub fn validate(&self) -> Result<(), Error> {
        for (name, words) in [("added", &self.added), ("removed", &self.removed)] {
            if words.len() > MAX_LIST_WORDS {
                return Err(Error::InvalidOption(format!(
                    "stopwords {name}: at most {MAX_LIST_WORDS} words, not {}",
                    words.len()
                )));
            }
            for (i, word) in words.iter().enumerate() {
                if let Some(problem) = limits::word_problem(word.trim()) {
                    return Err(Error::InvalidOption(format!(
                        "stopwords {name}, word {} \"{}\": {}",
                        i + 1,
                        limits::quoted(word),
                        problem.en()
                    )));
                }
            }
        }
        Ok(())
    }
}

/// A compiled stopword list. Each list has an id of its own, so that what a
/// document keeps for one list is never used for another.
#[derive(Debug)]
pub struct Stopwords {
    words: HashSet<Box<str>>,
    id: u64,
}

impl Stopwords {
    /// The list `settings` describe.
    pub fn new(settings: &StopwordSettings) -> Stopwords {
        let base: &[&str] = match settings.base {
            StopwordBase::Iso => ISO,
            StopwordBase::Nltk => NLTK,
            StopwordBase::None => &[],
        };
        let classical: &[&str] = if settings.classical { CLASSICAL } else { &[] };
        // The user's words count in both scripts: a traditional text's
        // words are looked up in simplified characters.
        let both = |words: &[String]| -> Vec<String> {
            let mut all = Vec::with_capacity(words.len());
            for w in words.iter().map(|w| w.trim()).filter(|w| !w.is_empty()) {
                let simplified = crate::script::simplified_word(w);
                if simplified != w {
                    all.push(simplified);
                }
                all.push(w.to_string());
            }
            all
        };
        let (added, removed) = (both(&settings.added), both(&settings.removed));
        let removed: HashSet<&str> = removed.iter().map(String::as_str).collect();
        let words = base
            .iter()
            .chain(classical)
            .copied()
            .chain(added.iter().map(String::as_str))
            .filter(|w| !w.is_empty() && !removed.contains(w))
            .map(Box::from)
            .collect();
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        Stopwords { words, id: NEXT_ID.fetch_add(1, Ordering::Relaxed) }
    }

    /// The default list: stopwords-iso's Chinese words, shared.
    pub fn built_in() -> Arc<Stopwords> {
        static LIST: OnceLock<Arc<Stopwords>> = OnceLock::new();
        Arc::clone(LIST.get_or_init(|| Arc::new(Stopwords::new(&StopwordSettings::default()))))
    }

    /// Whether `word` is on the list (compared as it is and in lower case,
    /// as jieba compares).
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
            || (word.chars().any(char::is_uppercase) && self.words.contains(word.to_lowercase().as_str()))
    }

    /// An id no other list has.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// How many words the list has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words, sorted.
    pub fn words(&self) -> Vec<&str> {
        let mut words: Vec<&str> = self.words.iter().map(|w| &**w).collect();
        words.sort_unstable();
        words
    }
}

/// Reads a stopword file: a word a line (blank lines and lines starting
/// with `#` skipped, a byte-order mark ignored), as
/// `jieba.analyse.set_stop_words` reads one.
///
/// # Errors
///
/// [`Error::BadStopwordList`] naming the first line that is no word (over
/// [`limits::MAX_WORD_CHARS`] characters, or with a space inside) or is
/// past the [`MAX_LIST_WORDS`]th word; [`Error::FileTooLarge`] for a text
/// over [`MAX_SETTINGS_FILE_BYTES`].
pub fn parse_list(text: &str) -> Result<Vec<String>, Error> {
    if text.len() > MAX_SETTINGS_FILE_BYTES {
        return Err(Error::FileTooLarge { bytes: text.len(), limit: MAX_SETTINGS_FILE_BYTES });
    }
    let mut words = Vec::new();
    for (number, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let word = line.trim();
        if word.is_empty() || word.starts_with('#') {
            continue;
        }
        let bad = |problem| Error::BadStopwordList { line: number + 1, text: limits::quoted(word), problem };
        if let Some(problem) = limits::word_problem(word) {
            return Err(bad(LineProblem::Word(problem)));
        }
        if words.len() == MAX_LIST_WORDS {
            return Err(bad(LineProblem::TooManyWords { limit: MAX_LIST_WORDS }));
        }
        words.push(word.to_string());
    }
    Ok(words)
}

/// The Chinese stopwords of stopwords-iso.
pub fn chinese() -> &'static [&'static str] {
    ISO
}

const ISO: &[&str] = include!(concat!(env!("OUT_DIR"), "/stopwords_zh.rs"));
const NLTK: &[&str] = include!(concat!(env!("OUT_DIR"), "/stopwords_zh_nltk.rs"));

/// Whether `word` is a built-in stopword (compared in lower case, as jieba
/// does).
pub fn is_stopword(word: &str) -> bool {
    Stopwords::built_in().contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_function_words_are_stopwords() {
        for w in ["的", "了", "我们", "一个"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["中国", "外交", "合作", "王毅"] {
            assert!(!is_stopword(w), "{w}");
        }
    }

    #[test]
    fn the_lists_are_the_maintained_ones() {
        assert!(ISO.len() > 700);
        assert!(NLTK.len() > 800);
        assert_ne!(ISO, NLTK);
    }

    #[test]
    fn settings_add_remove_and_choose_the_base() {
        let settings = StopwordSettings {
            base: StopwordBase::Iso,
            classical: true,
            added: vec!["王毅".into(), " 记者 ".into()],
            removed: vec!["我们".into()],
        };
        let list = Stopwords::new(&settings);
        assert!(list.contains("王毅") && list.contains("记者") && list.contains("曰") && list.contains("的"));
        assert!(!list.contains("我们"));
        let none = Stopwords::new(&StopwordSettings { base: StopwordBase::None, ..Default::default() });
        assert!(none.is_empty() && !none.contains("的"));
        assert_ne!(list.id(), none.id());
        assert_eq!(parse_list("\u{feff}的\n# c\n\n 了 \n").unwrap(), ["的", "了"]);
    }

    #[test]
    fn a_stopword_file_is_held_to_the_limits_and_names_the_line() {
        let huge = format!("的\n{}\n", "a".repeat(17_500_000));
        let error = parse_list(&huge).unwrap_err();
        assert_eq!(error.code(), "bad-stopword-list");
        assert_eq!(error.details().line, Some(2));
        assert_eq!(error.details().problem, Some("too-long"));
        assert_eq!(error.details().chars, Some(17_500_000));
        assert!(error.to_string().len() < 200, "the line is quoted short: {error}");
        assert_eq!(parse_list("新质 生产力\n").unwrap_err().details().problem, Some("space"));
        let many: String = (0..=MAX_LIST_WORDS).map(|i| format!("w{i}\n")).collect();
        assert_eq!(parse_list(&many).unwrap_err().details().line, Some(MAX_LIST_WORDS + 1));
    }

    #[test]
    fn settings_over_the_limits_are_refused() {
        let long = StopwordSettings { added: vec!["a".repeat(65)], ..Default::default() };
        assert!(long.validate().is_err());
        let many = StopwordSettings { removed: vec!["的".into(); MAX_LIST_WORDS + 1], ..Default::default() };
        assert!(many.validate().is_err());
        let fine = StopwordSettings { added: vec!["王毅".into(), " 记者 ".into()], ..Default::default() };
        assert!(fine.validate().is_ok());
    }
}
