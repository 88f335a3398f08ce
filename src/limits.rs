//! The limits of what a user gives the core besides a text: their words,
//! their lists, and the files that carry them. Declared here once; the
//! page learns them from the core's constants
//! ([`Constants`](crate::session::Constants)) and declares none itself, so
//! that a word typed, pasted, imported, restored from the browser's storage
//! or given on the command line meets the same limits.

/// Characters of a word: a user word, a stopword, a name or one of its forms.
pub const MAX_WORD_CHARS: usize = 64;

/// Words of a user dictionary.
pub const MAX_USER_WORDS: usize = 100_000;

/// Entries of each other list of the settings: the stopwords added, those
/// removed, the names removed, moved and given aliases, an alias's forms.
pub const MAX_LIST_WORDS: usize = 100_000;

/// Bytes of a settings file, a user dictionary file or a stopword file: a
/// user dictionary of [`MAX_USER_WORDS`] long words with their frequencies
/// and tags, written out as a settings file, fits several times over.
/// A larger file is refused before it is read.
pub const MAX_SETTINGS_FILE_BYTES: usize = 32 << 20;

/// What is wrong with a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordProblem {
    /// No characters (or only white space).
    Empty,
    /// White space inside it.
    Space,
    /// Over [`MAX_WORD_CHARS`] characters: it has `chars`.
    TooLong { chars: usize },
}

impl WordProblem {
    /// The problem in English.
    pub fn en(self) -> String {
        match self {
            WordProblem::Empty => "a word has at least one character".into(),
            WordProblem::Space => "a word has no spaces".into(),
            WordProblem::TooLong { chars } => {
                format!("a word has at most {MAX_WORD_CHARS} characters, not {chars}")
            }
        }
    }
}

/// Whether `word` (already trimmed) can be a word of the settings. A word
/// of any length costs a count of its characters, no more.
pub fn word_problem(word: &str) -> Option<WordProblem> {
    if word.is_empty() {
        return Some(WordProblem::Empty);
    }
    let chars = word.chars().count();
    if chars > MAX_WORD_CHARS {
        return Some(WordProblem::TooLong { chars });
    }
    if word.chars().any(char::is_whitespace) {
        return Some(WordProblem::Space);
    }
    None
}

/// The start of a line, to quote it in a message: at most 20 characters
/// and an ellipsis (a refused line may be millions of characters long).
pub fn quoted(line: &str) -> String {
    const SHOWN: usize = 20;
    match line.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", &line[..end]),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_one_to_64_characters_without_spaces() {
        assert_eq!(word_problem("一带一路"), None);
        assert_eq!(word_problem(&"字".repeat(64)), None);
        assert_eq!(word_problem(&"😀".repeat(64)), None, "characters, not bytes");
        assert_eq!(word_problem(""), Some(WordProblem::Empty));
        assert_eq!(word_problem("新质 生产力"), Some(WordProblem::Space));
        assert_eq!(word_problem(&"字".repeat(65)), Some(WordProblem::TooLong { chars: 65 }));
    }

    #[test]
    fn a_huge_word_is_refused_quickly_and_quoted_short() {
        let huge = "a".repeat(17_500_000);
        let started = std::time::Instant::now();
        assert_eq!(word_problem(&huge), Some(WordProblem::TooLong { chars: 17_500_000 }));
        assert!(started.elapsed().as_secs_f64() < 1.0);
        assert_eq!(quoted(&huge), format!("{}…", "a".repeat(20)));
        assert_eq!(quoted("一带一路"), "一带一路");
    }
}
