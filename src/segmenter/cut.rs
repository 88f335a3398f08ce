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
    script: script::Script,
    /// For a traditional text (or one with full-width letters), the normal
    /// form cut so far (each piece is converted as it is cut).
    simplified: Option<String>,
    /// Bytes cut so far (always at a line end).
    done: usize,
    builder: DocumentBuilder,
}

impl Cut {
    /// A cut of `text` with `dictionary` into `builder`: a traditional text
    /// (or one with full-width letters) is cut in its normal form
    /// ([`script::normal_form`]), a piece at a time.
    pub(super) fn new(dictionary: Arc<Dictionary>, text: String, builder: DocumentBuilder) -> Self {
        let script = script::detect(&text);
        let simplified = script::needs_normal_form(&text, script).then(String::new);
        Cut { dictionary, text, script, simplified, done: 0, builder }
    }

    /// Whether the whole text is cut.
    pub fn is_done(&self) -> bool {
        self.done == self.text.len()
    }

    /// Cuts the next piece and says how far the cut is.
    pub fn step(&mut self) -> Progress {
        let Cut { dictionary, text, script, simplified, done, builder } = self;
        if let Some(chunk) = text::line_chunks(&text[*done..], CHUNK_BYTES).next() {
            // Addresses and paths are kept whole, as one token that is no word.
            let mut addresses = Addresses::new(chunk);
            match simplified {
                None => {
                    for (word, tag) in dictionary.tag(chunk, builder.hmm()) {
                        addresses.push(builder, word, tag, None);
                    }
                }
                Some(all) => {
                    // Cut the conversion; each token takes as many
                    // characters of the original as it has.
                    let converted = script::normal_form(chunk, *script);
                    let mut rest = chunk;
                    for (word, tag) in dictionary.tag(&converted, builder.hmm()) {
                        let chars = word.chars().count();
                        let len = rest.char_indices().nth(chars).map_or(rest.len(), |(i, _)| i);
                        let (original, after) = rest.split_at(len);
                        addresses.push(builder, original, tag, Some(word));
                        rest = after;
                    }
                    all.push_str(&converted);
                }
            }
            addresses.finish(builder);
            *done += chunk.len();
        }
        Progress { stage: Stage::Segmenting, done: *done, total: text.len() }
    }

    /// The document, once every piece is cut (what is left is cut now).
    pub fn finish(mut self) -> Document {
        while !self.is_done() {
            self.step();
        }
        self.builder.finish(self.text, self.simplified, self.script)
    }
}

/// The tokens of one piece of text on their way to the document: those that
/// start inside an address (see [`crate::document::address_spans`]) are
/// joined into one token.
struct Addresses<'t> {
    chunk: &'t str,
    spans: std::iter::Peekable<std::vec::IntoIter<std::ops::Range<usize>>>,
    /// Where the next token starts in the piece.
    at: usize,
    /// The address being joined: its start and end in the piece, and where
    /// its span ends.
    open: Option<(usize, usize, usize)>,
}

impl<'t> Addresses<'t> {
    fn new(chunk: &'t str) -> Self {
        Addresses { chunk, spans: crate::document::address_spans(chunk).into_iter().peekable(), at: 0, open: None }
    }

    /// The next token: `word` as the text spells it, `normal` as it was cut.
    fn push(&mut self, builder: &mut DocumentBuilder, word: &str, tag: &str, normal: Option<&str>) {
        let start = self.at;
        self.at += word.len();
        while self.spans.next_if(|span| span.end <= start).is_some() {}
        if self.open.is_some_and(|(_, _, span_end)| start >= span_end) {
            self.finish(builder);
        }
        if let Some(span) = self.spans.peek().filter(|span| span.start <= start) {
            let (from, _, _) = self.open.unwrap_or((start, start, span.end));
            self.open = Some((from, self.at, span.end));
            return;
        }
        self.finish(builder);
        builder.push_converted(word, tag, normal);
    }

    /// Pushes the address being joined, if any.
    fn finish(&mut self, builder: &mut DocumentBuilder) {
        if let Some((from, to, _)) = self.open.take() {
            builder.push_address(&self.chunk[from..to]);
        }
    }
}
