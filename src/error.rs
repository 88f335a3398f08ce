//! The one error type of the core.

use std::fmt;

/// Why an analysis could not be made.
///
/// `Display` gives an English sentence (for the command line and logs);
/// [`Error::message_zh`] gives the same sentence in Chinese for the page, and
/// [`Error::code`] a stable name that scripts and tests can match on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The text is empty or holds only white space.
    EmptyText,
    /// The text is larger than [`crate::text::MAX_TEXT_BYTES`].
    TextTooLarge {
        /// The size of the text in bytes (UTF-8).
        bytes: usize,
        /// The largest size accepted.
        limit: usize,
    },
    /// An option is out of range; the string names it and says what is allowed.
    InvalidOption(String),
}

impl Error {
    /// A short stable name for the kind of error: `empty-text`,
    /// `text-too-large` or `invalid-option`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyText => "empty-text",
            Error::TextTooLarge { .. } => "text-too-large",
            Error::InvalidOption(_) => "invalid-option",
        }
    }

    /// The error as a sentence in Chinese, for the page.
    pub fn message_zh(&self) -> String {
        match self {
            Error::EmptyText => "文本是空的：请粘贴或拖入一段中文文本。".to_string(),
            Error::TextTooLarge { bytes, limit } => format!(
                "文本太大（{:.1} MB），超过了 {:.0} MB 的上限：请分成几部分分析。",
                mb(*bytes),
                mb(*limit)
            ),
            Error::InvalidOption(what) => format!("选项有误：{what}"),
        }
    }
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_000_000.0
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyText => f.write_str("the text is empty: give some Chinese text to analyse"),
            Error::TextTooLarge { bytes, limit } => write!(
                f,
                "the text is {:.1} MB, over the limit of {:.0} MB: analyse it in parts",
                mb(*bytes),
                mb(*limit)
            ),
            Error::InvalidOption(what) => write!(f, "invalid option: {what}"),
        }
    }
}

impl std::error::Error for Error {}
