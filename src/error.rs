//! The one error type of the core.

use std::fmt;

use crate::decode::UnsupportedFormat;

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
    /// A file is larger than [`crate::decode::MAX_FILE_BYTES`].
    FileTooLarge {
        /// The size of the file (or of what it unpacks to) in bytes.
        bytes: usize,
        /// The largest size accepted.
        limit: usize,
    },
    /// A file in a format Ciyan does not read (PDF, image, …).
    UnsupportedFormat(UnsupportedFormat),
    /// A file that is not text.
    Binary,
    /// An encoding label no encoding answers to.
    UnknownEncoding(String),
    /// A Word document that cannot be read; the string says why.
    BadDocument(String),
    /// The dictionary file is damaged or of another version; the string
    /// says what is wrong.
    BadDictionary(String),
    /// A line of a user dictionary that cannot be read.
    BadUserDictionary {
        /// The line's number, from 1.
        line: usize,
        /// The line.
        text: String,
        /// What is wrong with it.
        problem: crate::user_dictionary::LineProblem,
    },
}

impl Error {
    /// A short stable name for the kind of error: `empty-text`,
    /// `text-too-large`, `invalid-option`, `file-too-large`,
    /// `unsupported-format`, `binary`, `unknown-encoding`, `bad-document`,
    /// `bad-dictionary` or `bad-user-dictionary`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyText => "empty-text",
            Error::TextTooLarge { .. } => "text-too-large",
            Error::InvalidOption(_) => "invalid-option",
            Error::FileTooLarge { .. } => "file-too-large",
            Error::UnsupportedFormat(_) => "unsupported-format",
            Error::Binary => "binary",
            Error::UnknownEncoding(_) => "unknown-encoding",
            Error::BadDocument(_) => "bad-document",
            Error::BadDictionary(_) => "bad-dictionary",
            Error::BadUserDictionary { .. } => "bad-user-dictionary",
        }
    }

    /// The error as a sentence in Chinese, for the page.
    pub fn message_zh(&self) -> String {
        match self {
            Error::EmptyText => "文本是空的：请粘贴或拖入一段中文文本。".to_string(),
            Error::TextTooLarge { bytes, limit } => {
                format!("文本太大（{:.1} MB），超过了 {:.0} MB 的上限：请分成几部分分析。", mb(*bytes), mb(*limit))
            }
            Error::InvalidOption(what) => format!("选项有误：{what}"),
            Error::BadUserDictionary { line, text, problem } => {
                format!("用户词典第 {line} 行「{text}」有误：{}（每行：词语 [词频] [词性]）", problem.zh())
            }
            Error::FileTooLarge { bytes, limit } => {
                format!("文件太大（{:.1} MB），超过了 {:.0} MB 的上限：请分成几部分分析。", mb(*bytes), mb(*limit))
            }
            Error::UnsupportedFormat(format) => format.what_zh().to_string(),
            Error::Binary => {
                "这不是文本文件（看起来是程序或其他二进制数据）：请拖入 .txt、.docx 或网页文件。".to_string()
            }
            Error::UnknownEncoding(label) => {
                format!("不认识的编码「{label}」：请从列表中选择一种编码。")
            }
            Error::BadDocument(why) => {
                format!("这个 Word 文档无法读取（{why}）：请在 Word 中另存为 .docx 或 .txt 再试。")
            }
            Error::BadDictionary(why) => format!("词典文件损坏（{why}）：请刷新页面重新下载。"),
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
            Error::BadUserDictionary { line, text, problem } => {
                write!(f, "user dictionary, line {line} \"{text}\": {} (a line is: word [freq] [tag])", problem.en())
            }
            Error::FileTooLarge { bytes, limit } => write!(
                f,
                "the file is {:.1} MB, over the limit of {:.0} MB: analyse it in parts",
                mb(*bytes),
                mb(*limit)
            ),
            Error::UnsupportedFormat(format) => write!(f, "this is {}", format.what_en()),
            Error::Binary => f.write_str("this is not a text file (it looks like a program or other binary data)"),
            Error::UnknownEncoding(label) => write!(f, "unknown encoding {label:?}"),
            Error::BadDocument(why) => write!(f, "the Word document cannot be read ({why})"),
            Error::BadDictionary(why) => write!(f, "the dictionary file is damaged ({why})"),
        }
    }
}

impl std::error::Error for Error {}
