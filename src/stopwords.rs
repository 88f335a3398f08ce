//! The built-in Chinese stopwords.
//!
//! The list is the Chinese list of stopwords-iso (MIT licence), as packaged
//! by the `stop-words` crate (`build.rs` writes it out), joined with the English stopwords Python jieba
//! always leaves out of keywords.

use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The English words Python jieba's keyword extractors always skip
/// (`jieba.analyse.tfidf.STOP_WORDS`); jieba-rs has the same list.
pub const JIEBA_DEFAULT: &[&str] = &[
    "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on", "with", "can",
    "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not", "one", "has", "or",
];

/// The Chinese stopwords of stopwords-iso.
pub fn chinese() -> &'static [&'static str] {
    CHINESE
}

const CHINESE: &[&str] = include!(concat!(env!("OUT_DIR"), "/stopwords_zh.rs"));

/// The full set used when stopwords are on: the Chinese list and
/// [`JIEBA_DEFAULT`].
pub fn built_in() -> &'static BTreeSet<String> {
    static SET: OnceLock<BTreeSet<String>> = OnceLock::new();
    SET.get_or_init(|| chinese().iter().chain(JIEBA_DEFAULT).map(|w| w.to_string()).collect())
}

/// Whether `word` is a built-in stopword (compared in lower case, as jieba does).
pub fn is_stopword(word: &str) -> bool {
    let set = built_in();
    set.contains(word) || (word.chars().any(char::is_uppercase) && set.contains(&word.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_function_words_are_stopwords() {
        for w in ["的", "了", "我们", "一个", "the", "The"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["中国", "外交", "合作", "王毅"] {
            assert!(!is_stopword(w), "{w}");
        }
    }

    #[test]
    fn the_chinese_list_is_the_maintained_one() {
        assert!(chinese().len() > 700);
    }
}
