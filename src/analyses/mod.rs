//! Questions asked of a [`Document`](crate::Document), one module each. Each
//! takes the document and plain options and returns plain, serialisable
//! values; none cuts the text again.
//!
//! They count the tokens of the precise cut that are words (a letter, digit
//! or Han character in them): punctuation and white space are never counted,
//! never inside a span. Definitions follow the established tools (AntConc,
//! Voyant, Evert's statistics of co-occurrences); the README and the page's
//! help state each formula.

pub mod collocates;
pub mod comparison;
pub mod concordance;
pub mod dispersion;
mod headings;
pub mod keyness;
mod louvain;
pub mod network;
pub mod new_words;
pub mod phrases;
pub mod repairs;
pub mod sections;
pub mod summary;
pub mod text_profile;
