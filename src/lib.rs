//! 词眼 Ciyan: an offline Chinese text analyzer.
//!
//! The core takes plain text and [`Options`] and returns one [`Analysis`]:
//! counts, the word list with frequencies and part-of-speech tags, keywords by
//! TF-IDF and by TextRank, and the people, places and organisations the text
//! names. It knows nothing of WebAssembly or the DOM; the `bindings` module
//! (built only for `wasm32`) is the one place that turns these types into
//! JavaScript values, and the `ciyan` binary is a thin command line over the
//! same functions.
//!
//! ```
//! let analyzer = ciyan::Segmenter::new();
//! let analysis = analyzer.analyze("我来到北京清华大学。", &ciyan::Options::default()).unwrap();
//! assert_eq!(analysis.counts.sentences, 1);
//! assert!(analysis.words.iter().any(|w| w.word == "清华大学"));
//! ```

pub mod analyses;
pub mod decode;
mod dictionary;
pub mod document;
mod error;
mod full_cut;
pub mod keywords;
pub mod limits;
pub mod names;
mod options;
pub mod script;
mod segmenter;
pub mod session;
pub mod stopwords;
pub mod text;
pub mod user_dictionary;
pub mod width;

#[cfg(target_arch = "wasm32")]
pub mod bindings;

pub use analyses::summary::{Analysis, Counts, Entities, Keywords, WordCount};
pub use decode::{decode, Decoded, Format};
pub use dictionary::Dictionary;
pub use document::Document;
pub use error::{Error, ErrorDetails};
pub use keywords::Keyword;
pub use keywords::{python_textrank_pos, textrank_of_tags, KeywordMethod};
pub use options::{Options, SegmentMode, MAX_TOP_K};
pub use segmenter::{Cut, Progress, Segmenter, Stage};
pub use session::{Answer, Query, Request, Session};
pub use stopwords::{StopwordBase, StopwordSettings, Stopwords};
pub use limits::MAX_USER_WORDS;
pub use user_dictionary::{UserDictionary, UserWord};
