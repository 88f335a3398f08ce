//! The one error type of the core.

use std::fmt;

use crate::limits::WordProblem;

/// Why an analysis could not be made.
///
/// `Display` gives an English sentence (for the command line and logs);
/// [`Error::code`] a stable name that scripts, tests and the page match on,
/// and [`Error::details`] the figures and names of the sentence, from which
/// the page says it in the user's language.
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
        /// The size of the file in bytes.
        bytes: usize,
        /// The largest size accepted.
        limit: usize,
    },
    /// An archive (a Word document, a workbook) whose content, unpacked, is
    /// larger than [`crate::decode::MAX_FILE_BYTES`]. How much larger is
    /// not known: unpacking stops at the limit (a 6 MB zip bomb unpacks to
    /// gigabytes). Its code is `file-too-large`; its details say `unpacked`.
    UnpackedTooLarge {
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
        /// The line's start (see [`crate::limits::quoted`]).
        text: String,
        /// What is wrong with it.
        problem: LineProblem,
    },
    /// A line of a stopword file that cannot be read.
    BadStopwordList {
        /// The line's number, from 1.
        line: usize,
        /// The line's start (see [`crate::limits::quoted`]).
        text: String,
        /// What is wrong with it.
        problem: LineProblem,
    },
    /// A question about the kept text before any text was kept.
    NoDocument,
    /// A request or query that is not one of the contract's (see
    /// [`crate::session::Request`]); the string says what is wrong.
    BadRequest(String),
}

impl Error {
    /// A short stable name for the kind of error: `empty-text`,
    /// `text-too-large`, `invalid-option`, `file-too-large`,
    /// `unsupported-format`, `binary`, `unknown-encoding`, `bad-document`,
    /// `bad-dictionary`, `bad-user-dictionary`, `no-document` or `bad-request`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyText => "empty-text",
            Error::TextTooLarge { .. } => "text-too-large",
            Error::InvalidOption(_) => "invalid-option",
            Error::FileTooLarge { .. } | Error::UnpackedTooLarge { .. } => "file-too-large",
            Error::UnsupportedFormat(_) => "unsupported-format",
            Error::Binary => "binary",
            Error::UnknownEncoding(_) => "unknown-encoding",
            Error::BadDocument(_) => "bad-document",
            Error::BadDictionary(_) => "bad-dictionary",
            Error::BadUserDictionary { .. } => "bad-user-dictionary",
            Error::BadStopwordList { .. } => "bad-stopword-list",
            Error::NoDocument => "no-document",
            Error::BadRequest(_) => "bad-request",
        }
    }

    /// What the page needs to say the error in the user's language: the
    /// figures and names of the sentence, the [`Error::code`] saying which
    /// sentence. (The core keeps English only: `Display`.)
    pub fn details(&self) -> ErrorDetails {
        let mut details = ErrorDetails::default();
        match self {
            Error::EmptyText | Error::Binary | Error::NoDocument => {}
            Error::TextTooLarge { bytes, limit } | Error::FileTooLarge { bytes, limit } => {
                details.bytes = Some(*bytes);
                details.limit = Some(*limit);
            }
            Error::UnpackedTooLarge { limit } => {
                details.limit = Some(*limit);
                details.unpacked = Some(true);
            }
            Error::InvalidOption(why)
            | Error::BadDocument(why)
            | Error::BadDictionary(why)
            | Error::BadRequest(why) => details.why = Some(why.clone()),
            Error::UnknownEncoding(label) => details.label = Some(label.clone()),
            Error::UnsupportedFormat(format) => details.format = Some(format.code()),
            Error::BadUserDictionary { line, text, problem } | Error::BadStopwordList { line, text, problem } => {
                details.line = Some(*line);
                details.text = Some(text.clone());
                details.problem = Some(problem.code());
                match problem {
                    LineProblem::TooManyWords { limit } => details.limit = Some(*limit),
                    LineProblem::Word(WordProblem::TooLong { chars }) => {
                        details.limit = Some(crate::limits::MAX_WORD_CHARS);
                        details.chars = Some(*chars);
                    }
                    _ => {}
                }
            }
        }
        details
    }
}

/// Why a file's format is not analysed, for [`Error::UnsupportedFormat`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsupportedFormat {
    /// A PDF document.
    Pdf,
    /// A picture (PNG, JPEG, GIF, WebP, TIFF).
    Image,
    /// A Word 97–2003 document (.doc) or another old Office file.
    LegacyOffice,
    /// A spreadsheet or a presentation (.xlsx, .pptx, .odt, …).
    OfficeOther,
    /// An archive (zip, gzip, 7z, rar) or an e-book.
    Archive,
}

impl UnsupportedFormat {
    pub(crate) fn what_en(self) -> &'static str {
        match self {
            UnsupportedFormat::Pdf => "a PDF: copy its text and paste it, or save it as .txt",
            UnsupportedFormat::Image => "an image: Ciyan reads text, not pictures",
            UnsupportedFormat::LegacyOffice => "an old Office file (.doc): save it as .docx or .txt",
            UnsupportedFormat::OfficeOther => "a spreadsheet or presentation: copy its text and paste it",
            UnsupportedFormat::Archive => "an archive or e-book: unpack it and drop the text files",
        }
    }

    /// A stable name: `pdf`, `image`, `legacy-office`, `office-other`, `archive`.
    pub fn code(self) -> &'static str {
        match self {
            UnsupportedFormat::Pdf => "pdf",
            UnsupportedFormat::Image => "image",
            UnsupportedFormat::LegacyOffice => "legacy-office",
            UnsupportedFormat::OfficeOther => "office-other",
            UnsupportedFormat::Archive => "archive",
        }
    }
}

/// What is wrong with a line of a user dictionary or a stopword file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineProblem {
    /// More than a word, a frequency and a tag.
    TooManyFields,
    /// The frequency is not a whole number.
    BadFrequency,
    /// The tag is not 1 to 8 ASCII letters.
    BadTag,
    /// The word is no word (see [`crate::limits::word_problem`]).
    Word(WordProblem),
    /// The line is past the `limit`th word
    /// ([`MAX_USER_WORDS`](crate::limits::MAX_USER_WORDS) or
    /// [`MAX_LIST_WORDS`](crate::limits::MAX_LIST_WORDS)).
    TooManyWords {
        /// How many words the list holds at most.
        limit: usize,
    },
}

impl LineProblem {
    /// The problem in English.
    pub fn en(self) -> String {
        match self {
            LineProblem::TooManyFields => "a line is a word, a frequency and a tag".into(),
            LineProblem::BadFrequency => "the frequency is not a whole number".into(),
            LineProblem::BadTag => "the tag is not a part-of-speech tag (1 to 8 letters, such as n or nz)".into(),
            LineProblem::Word(problem) => problem.en(),
            LineProblem::TooManyWords { limit } => format!("the list holds at most {limit} words"),
        }
    }

    /// A stable name for the problem (the page words it).
    pub fn code(self) -> &'static str {
        match self {
            LineProblem::TooManyFields => "too-many-fields",
            LineProblem::BadFrequency => "bad-frequency",
            LineProblem::BadTag => "bad-tag",
            LineProblem::Word(WordProblem::Empty) => "empty-word",
            LineProblem::Word(WordProblem::Space) => "space",
            LineProblem::Word(WordProblem::TooLong { .. }) => "too-long",
            LineProblem::TooManyWords { .. } => "too-many-words",
        }
    }
}

/// The particulars of an [`Error`], for a message in another language.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetails {
    /// A size in bytes (of a text or a file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<usize>,
    /// The largest size (bytes) or number (user words) allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// Whether what is over the size limit is an archive's unpacked
    /// content (whose size, `bytes`, is then not known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unpacked: Option<bool>,
    /// Why, in English (an option's problem, a damaged file's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// An encoding label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A file format: `pdf`, `image`, `legacy-office`, `office-other` or `archive`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// A user dictionary's line number, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What is wrong with it: `too-many-fields`, `bad-frequency`, `bad-tag`,
    /// `empty-word`, `space`, `too-long` or `too-many-words`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<&'static str>,
    /// The characters of a word that is too long.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chars: Option<usize>,
}

/// A size in MiB, the limit's unit (see [`crate::text::mib`]).
fn mib(bytes: usize) -> String {
    crate::text::mib(bytes as u64)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyText => f.write_str("the text is empty: give some Chinese text to analyse"),
            Error::TextTooLarge { bytes, limit } => {
                write!(f, "the text is {}, over the limit of {}: analyse it in parts", mib(*bytes), mib(*limit))
            }
            Error::InvalidOption(what) => write!(f, "invalid option: {what}"),
            Error::BadUserDictionary { line, text, problem } => {
                write!(f, "user dictionary, line {line} \"{text}\": {} (a line is: word [freq] [tag])", problem.en())
            }
            Error::BadStopwordList { line, text, problem } => {
                write!(f, "stopword list, line {line} \"{text}\": {} (a line is one word)", problem.en())
            }
            Error::FileTooLarge { bytes, limit } => {
                write!(f, "the file is {}, over the limit of {}: analyse it in parts", mib(*bytes), mib(*limit))
            }
            Error::UnpackedTooLarge { limit } => {
                write!(f, "its unpacked content is over the limit of {}: analyse it in parts", mib(*limit))
            }
            Error::UnsupportedFormat(format) => write!(f, "this is {}", format.what_en()),
            Error::Binary => f.write_str("this is not a text file (it looks like a program or other binary data)"),
            Error::UnknownEncoding(label) => write!(f, "unknown encoding {label:?}"),
            Error::BadDocument(why) => write!(f, "the Word document cannot be read ({why})"),
            Error::BadDictionary(why) => write!(f, "the dictionary file is damaged ({why})"),
            Error::NoDocument => f.write_str("no text has been analysed yet"),
            Error::BadRequest(why) => write!(f, "bad request: {why}"),
        }
    }
}

impl std::error::Error for Error {}
