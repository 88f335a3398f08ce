//! A scope: some sections of a document (one speaker's turns, a chapter, a
//! file of a corpus) as a document of its own, so that every analysis can be
//! limited to it. Its tokens are the whole document's, copied: nothing is cut
//! again. Sections are joined by a line break, so no sentence, paragraph or
//! phrase runs from one into the next; every position leaving a scope points
//! into the whole text (see [`Document::offset`]).

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use super::Unit;
use super::{Document, DocumentBuilder};

/// Where a scope's text comes from: the whole text, and per piece of the
/// scope where it starts there.
#[derive(Debug)]
pub struct Origin {
    text: Arc<str>,
    offsets: super::Offsets,
    /// Per piece, in order: (start in the scope, start in the whole text, length), in bytes.
    pieces: Vec<(usize, usize, usize)>,
}

impl Origin {
    /// The offset in the whole text of byte `byte` of the scope; a byte of
    /// a joining line break counts as the end of the piece before it.
    pub(crate) fn offset(&self, byte: usize, unit: Unit) -> usize {
        let piece = self.pieces.partition_point(|p| p.0 <= byte).saturating_sub(1);
        let whole = self.pieces.get(piece).map_or(0, |&(start, origin, len)| origin + (byte - start).min(len));
        match unit {
            Unit::Scalar => self.offsets.scalar(&self.text, whole),
            Unit::Utf16 => self.offsets.utf16(&self.text, whole),
        }
    }

    /// The whole text's length in `unit`.
    pub(crate) fn len(&self, unit: Unit) -> usize {
        match unit {
            Unit::Scalar => self.offsets.scalar(&self.text, self.text.len()),
            Unit::Utf16 => self.offsets.utf16(&self.text, self.text.len()),
        }
    }
}

/// What joins two sections in a scope: a paragraph break.
const JOIN: &str = "\n";

impl Document {
    /// The scope of the tokens that start in `ranges` (byte ranges of the
    /// text, in order, not overlapping): a document of their own, with the
    /// same stopwords. A token is in a range if it starts there.
    pub fn scoped(&self, ranges: &[Range<usize>]) -> Document {
        let origin_text: Arc<str> = Arc::clone(&self.text);
        let mut builder = DocumentBuilder::new(0, self.hmm, Arc::clone(&self.stopwords));
        let mut text = String::new();
        let mut simplified = self.simplified.as_ref().map(|_| String::new());
        let mut pieces = Vec::new();
        for range in ranges {
            let first = self.starts.partition_point(|&s| (s as usize) < range.start);
            let last = self.starts.partition_point(|&s| (s as usize) < range.end);
            if first >= last {
                continue;
            }
            if !text.is_empty() {
                builder.push(JOIN, "x");
                text.push_str(JOIN);
                if let Some(s) = simplified.as_mut() {
                    s.push_str(JOIN);
                }
            }
            pieces.push((text.len(), self.starts[first] as usize, 0));
            for i in first..last {
                let id = self.ids[i];
                let word = &self.text[self.span(i)];
                let normal = self.vocabulary.normal(id);
                builder.push_converted(word, self.tag(i), Some(normal));
                text.push_str(word);
                if let Some(s) = simplified.as_mut() {
                    s.push_str(normal);
                }
            }
            if let Some(piece) = pieces.last_mut() {
                piece.2 = text.len() - piece.0;
            }
        }
        let mut document = builder.finish(text, simplified, self.script());
        document.origin = Some(Box::new(Origin { text: origin_text, offsets: self.offsets.clone(), pieces }));
        document.word_tokens = OnceLock::new();
        document
    }

    /// For a scope, where it comes from.
    pub fn origin(&self) -> Option<&Origin> {
        self.origin.as_deref()
    }

    /// Whether this is a scope (some sections of a text).
    pub fn is_scope(&self) -> bool {
        self.origin.is_some()
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Unit;

    #[test]
    fn a_scope_counts_only_its_tokens_and_points_into_the_whole_text() {
        let text = "记者：中国经济怎么样？\n王毅：中国经济很好。\n记者：美国呢？\n王毅：美国𠀀也好。\n";
        let document = crate::segmenter::Segmenter::new().document(text.to_string(), true).unwrap();
        let turn = |label: &str| {
            let at = text.find(label).unwrap() + label.len();
            at..text[at..].find('\n').map_or(text.len(), |e| at + e + 1)
        };
        let second = text.match_indices("王毅：").nth(1).unwrap().0 + "王毅：".len();
        let scope = document.scoped(&[turn("王毅："), second..text.len()]);
        assert_eq!(scope.text(), "中国经济很好。\n\n美国𠀀也好。\n");
        let words: Vec<&str> = scope.word_tokens(false).iter().map(|&i| scope.token(i as usize)).collect();
        assert!(!words.contains(&"王毅") && !words.contains(&"记者"), "{words:?}");
        assert!(words.contains(&"美国"));
        // 美国 in the scope is where it is in the whole text.
        let at = scope.text().find("美国").unwrap();
        let whole = text.rfind("美国").unwrap();
        assert_eq!(scope.offset(at, Unit::Scalar), text[..whole].chars().count());
        let after = scope.text().find("也").unwrap();
        assert_eq!(scope.offset(after, Unit::Utf16), text[..text.rfind('也').unwrap()].encode_utf16().count());
        assert_eq!(scope.text_end(Unit::Scalar), text.chars().count());
    }
}
