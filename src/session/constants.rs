//! What the page needs to know of the core, asked once ([`Request::Constants`](super::Request::Constants)):
//! the page draws with these and declares none of them itself.

use serde::Serialize;

use crate::analyses::{collocates, concordance, dispersion, keyness, phrases};
use crate::{decode, limits, options, text};

/// The core's constants for the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Constants {
    /// Log-likelihood critical values (χ², 1 degree of freedom), strongest
    /// first: a value at or above `g2` is significant at `p`.
    pub significance: Vec<Significance>,
    /// Groups of jieba's part-of-speech tags that filters offer.
    pub pos_groups: Vec<PosGroup>,
    pub limits: Limits,
    /// The file name endings the decoder reads as text, a web page or a
    /// Word document (a file chooser's `accept`), with a dot: `.txt`.
    pub file_extensions: Vec<&'static str>,
}

/// One significance level of the log-likelihood test.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Significance {
    pub g2: f64,
    pub p: f64,
}

/// A named group of jieba's tags (matched exactly).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PosGroup {
    /// A stable key: `nouns`, `verbs`, `adjectives`, `names`.
    pub key: &'static str,
    pub tags: Vec<&'static str>,
}

/// The largest values the core accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Bytes of text (UTF-8) one analysis takes.
    pub text_bytes: usize,
    /// Bytes of a file (or of what it unpacks to).
    pub file_bytes: usize,
    /// Keywords a summary lists.
    pub top_k: usize,
    /// Words of a user dictionary.
    pub user_words: usize,
    /// Characters of a word of the settings (a user word, a stopword, a name).
    pub word_chars: usize,
    /// Entries of each other list of the settings (stopwords added and
    /// removed, names removed, moved and given aliases, an alias's forms).
    pub list_words: usize,
    /// Bytes of a settings, user dictionary or stopword file: a larger one
    /// is refused before it is read.
    pub settings_file_bytes: usize,
    /// Characters of context on each side of a concordance line.
    pub concordance_width: usize,
    /// Words on each side of a collocate window.
    pub collocate_span: usize,
    /// Parts of a dispersion.
    pub dispersion_parts: usize,
    /// Words of a repeated phrase.
    pub phrase_length: usize,
}

/// The tags of jieba's nouns (with names and verbal nouns), verbs,
/// adjectives, and names of people, places and organisations.
const POS_GROUPS: [(&str, &[&str]); 4] = [
    ("nouns", &["n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "vn"]),
    ("verbs", &["v", "vd", "vi", "vn"]),
    ("adjectives", &["a", "ad", "an"]),
    ("names", &["nr", "nrfg", "nrt", "ns", "nt"]),
];

impl Constants {
    /// The constants of this build of the core.
    pub fn of_core() -> Constants {
        Constants {
            significance: keyness::CRITICAL.iter().map(|&(g2, p)| Significance { g2, p }).collect(),
            pos_groups: POS_GROUPS.iter().map(|&(key, tags)| PosGroup { key, tags: tags.to_vec() }).collect(),
            limits: Limits {
                text_bytes: text::MAX_TEXT_BYTES,
                file_bytes: decode::MAX_FILE_BYTES,
                top_k: options::MAX_TOP_K,
                user_words: limits::MAX_USER_WORDS,
                word_chars: limits::MAX_WORD_CHARS,
                list_words: limits::MAX_LIST_WORDS,
                settings_file_bytes: limits::MAX_SETTINGS_FILE_BYTES,
                concordance_width: concordance::MAX_WIDTH,
                collocate_span: collocates::MAX_SPAN,
                dispersion_parts: dispersion::MAX_PARTS,
                phrase_length: phrases::MAX_LENGTH,
            },
            file_extensions: decode::TEXT_EXTENSIONS.to_vec(),
        }
    }
}
