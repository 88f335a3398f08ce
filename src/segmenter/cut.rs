//! A text cut a piece at a time into a [`Document`], with progress.

use std::sync::Arc;

use super::CHUNK_BYTES;
use crate::dictionary::Dictionary;
use crate::document::{Document, DocumentBuilder};
use crate::script;
use crate::text;

/// What an analysis is doing when it reports progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Stage {
    /// Cutting the text into tagged words.
    Segmenting,
    /// Weighing keywords.
    Keywords,
}

/// A progress report: `done` of `total` bytes of the current stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Progress {
    /// The stage.
    pub stage: Stage,
    /// Bytes of text done in this stage.
    pub done: usize,
    /// Bytes of text in all.
    pub total: usize,
}

/// A cut under way: the text is cut a piece of about a quarter of a
/// megabyte at a time, so that the caller can report progress, answer other
/// requests or give up between pieces.
#[derive(Debug)]
pub struct Cut {
    dictionary: Arc<Dictionary>,
    text: String,
    /// For a traditional text, the simplified conversion cut so far (each
    /// piece is converted as it is cut).
    simplified: Option<String>,
    /// Bytes cut so far (always at a line end).
    done: usize,
    builder: DocumentBuilder,
}

impl Cut {
    /// A cut of `text` with `dictionary` into `builder`: a traditional text
    /// is cut in its simplified conversion, a piece at a time.
    pub(super) fn new(dictionary: Arc<Dictionary>, text: String, builder: DocumentBuilder) -> Self {
        let simplified = (script::detect(&text) == script::Script::Traditional).then(String::new);
        Cut { dictionary, text, simplified, done: 0, builder }
    }

    /// Whether the whole text is cut.
    pub fn is_done(&self) -> bool {
        self.done == self.text.len()
    }

    /// Cuts the next piece and says how far the cut is.
    pub fn step(&mut self) -> Progress {
        let Cut { dictionary, text, simplified, done, builder } = self;
        if let Some(chunk) = text::line_chunks(&text[*done..], CHUNK_BYTES).next() {
            match simplified {
                None => {
                    for (word, tag) in dictionary.tag(chunk, builder.hmm()) {
                        builder.push(word, tag);
                    }
                }
                Some(all) => {
                    // Cut the conversion; each token takes as many
                    // characters of the original as it has.
                    let converted = script::to_simplified(chunk);
                    let mut rest = chunk;
                    for (word, tag) in dictionary.tag(&converted, builder.hmm()) {
                        let chars = word.chars().count();
                        let len = rest.char_indices().nth(chars).map_or(rest.len(), |(i, _)| i);
                        let (original, after) = rest.split_at(len);
                        builder.push_converted(original, tag, Some(word));
                        rest = after;
                    }
                    all.push_str(&converted);
                }
            }
            *done += chunk.len();
        }
        Progress { stage: Stage::Segmenting, done: *done, total: text.len() }
    }

    /// The document, once every piece is cut (what is left is cut now).
    pub fn finish(mut self) -> Document {
        while !self.is_done() {
            self.step();
        }
        self.builder.finish(self.text, self.simplified)
    }
}
