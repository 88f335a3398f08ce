//! Sections of a text: chapters, speaker turns, paragraphs or equal parts,
//! each with a label (the heading, the speaker) and its span.
//!
//! Chapters are the headings people write (`headings.rs`): 第一回, 卷五,
//! Markdown's `##` lines, a report's 一、 and （一）, or a pattern of the
//! user's own. Speaker turns follow the rule of
//! `../shared/reference/methods.md` (MAXQDA's convention plus checks): at
//! the start of a line, a label of 1 to 20 characters and a full-width or
//! ASCII colon; the label has no sentence punctuation, quotation marks or
//! colon; it is accepted if it ends in 记者, 主持人, 发言人, 问, 答 or 追问,
//! or if the same label starts at least two turns. Times (10:30), web
//! addresses and sentences that introduce a quotation or a list (他说：,
//! 我们将重点抓好三件大事：) are not turns, nor is a line whose colon opens
//! a quotation (老殘說：“……”: a novel's dialogue). The label is no part of
//! the turn: a turn starts after its colon.

use serde::{Deserialize, Serialize};

use super::headings::{self, Kind};
use crate::error::Error;

use crate::document::Document;
use crate::document::Unit;

/// How to split a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", tag = "by")]
pub enum SectionBy {
    /// At headings: 第X回, 卷X, Markdown's `#` lines, numbered outlines (一、
    /// （一）), whichever kind the text has (see `headings.rs`).
    Chapter,
    /// At the lines a regular expression of the user's matches at their
    /// start (`^` is implied); the label is the line.
    Pattern {
        /// The expression (the `regex` crate's syntax).
        pattern: String,
    },
    /// At speaker turns (王毅：, 法新社记者：).
    Speaker,
    /// At each paragraph (a line with a word in it).
    Paragraph,
    /// Into `parts` parts of (nearly) equal numbers of word tokens.
    Parts {
        /// How many parts.
        parts: usize,
    },
    /// Sections the caller knows (the files of a corpus), in UTF-16 units of
    /// the text, in order; text outside them belongs to no section.
    Given {
        /// The sections.
        sections: Vec<GivenSection>,
    },
}

/// A section the caller gives: its label and span in UTF-16 units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GivenSection {
    /// The label (a file name).
    pub label: String,
    /// Where it starts, in UTF-16 units.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The group it belongs to: a table row's value in the column the user
    /// divides by (正面, 负面); sections with one group are compared as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub group: Option<String>,
}

/// Sections taken together: all turns of one speaker, or of one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// The speaker; for a role, the word the role's labels end in (记者).
    /// The page names a role group in the reader's language.
    pub label: String,
    /// Whether it is one speaker's turns or a role's.
    pub kind: GroupKind,
    /// The indices of its sections.
    pub sections: Vec<usize>,
    /// Its word tokens.
    pub tokens: usize,
}

/// What a [`Group`] gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum GroupKind {
    /// The turns of one speaker label.
    Speaker,
    /// The turns of every label that ends in a role: all reporters.
    Role,
    /// The given sections of one group (the rows of a table with one value
    /// in a column).
    Given,
}

/// The groups of given sections (see [`GivenSection::group`]): one per
/// group, in order of its first section. `sections` are those found for
/// `given`, one for each.
pub fn given_groups(sections: &[Section], given: &[GivenSection]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (index, (section, label)) in sections.iter().zip(given).enumerate() {
        let Some(label) = &label.group else { continue };
        match groups.iter_mut().find(|g| &g.label == label) {
            Some(group) => {
                group.sections.push(index);
                group.tokens += section.tokens;
            }
            None => groups.push(Group {
                label: label.clone(),
                kind: GroupKind::Given,
                sections: vec![index],
                tokens: section.tokens,
            }),
        }
    }
    groups
}

/// The label of the role group of every reporter's turn (the questions):
/// the word their labels end in.
pub const REPORTERS: &str = "记者";

/// The groups of speaker turns: one per label, in order of its first turn
/// (the opening before the first turn in none);
/// then all reporters together (the questions), when more than one label
/// ends in 记者.
pub fn groups(sections: &[Section]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // The text before the first turn (the opening) is nobody's.
    for (i, section) in sections.iter().enumerate().filter(|(_, s)| s.label != OPENING) {
        match groups.iter_mut().find(|g| g.label == section.label) {
            Some(group) => {
                group.sections.push(i);
                group.tokens += section.tokens;
            }
            None => groups.push(Group {
                label: section.label.clone(),
                kind: GroupKind::Speaker,
                sections: vec![i],
                tokens: section.tokens,
            }),
        }
    }
    let reporters: Vec<usize> =
        sections.iter().enumerate().filter(|(_, s)| s.label.ends_with(REPORTERS)).map(|(i, _)| i).collect();
    let labels = groups.iter().filter(|g| g.label.ends_with(REPORTERS)).count();
    if labels > 1 {
        let tokens = reporters.iter().map(|&i| sections[i].tokens).sum();
        groups.push(Group { label: REPORTERS.to_string(), kind: GroupKind::Role, sections: reporters, tokens });
    }
    groups
}

/// One section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Section {
    /// The heading, the speaker, or the first words of a paragraph or part;
    /// empty for the opening (see [`OPENING`]).
    pub label: String,
    /// Where it starts and ends, in the unit asked for.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// Its word tokens (punctuation and white space not counted).
    pub tokens: usize,
}

/// The sections of `document` by `by`, positions in `unit`. Text before the
/// first heading or turn is a section of its own, the opening, with an
/// empty label (if it has a word). No heading or turn at all: one section, the whole text.
pub fn sections(document: &Document, by: &SectionBy, unit: Unit) -> Vec<Section> {
    let spans = section_spans(document, by);
    let words = document.word_tokens(false);
    let mut next = 0;
    spans
        .into_iter()
        .map(|(label, start, end)| {
            // Word tokens in [start, end): the spans come in order.
            while next < words.len() && document.span(words[next] as usize).start < start {
                next += 1;
            }
            let first = next;
            while next < words.len() && document.span(words[next] as usize).start < end {
                next += 1;
            }
            Section {
                label,
                start: document.offset(start, unit),
                end: document.offset(end, unit),
                tokens: next - first,
            }
        })
        .collect()
}

/// The sections of `document` by `by` as `(label, start, end)` in bytes,
/// in order and not overlapping.
pub fn section_spans(document: &Document, by: &SectionBy) -> Vec<(String, usize, usize)> {
    let text = document.text();
    match by {
        SectionBy::Chapter => at_headings(text, headings::headings(text).1),
        SectionBy::Pattern { pattern } => match headings::Pattern::new(pattern) {
            Ok(pattern) => at_headings(text, pattern.headings(text)),
            // Refused before it gets here (SectionBy::validate).
            Err(_) => at_headings(text, Vec::new()),
        },
        SectionBy::Speaker => speaker_spans(text),
        SectionBy::Paragraph => paragraph_spans(document),
        SectionBy::Parts { parts } => part_spans(document, (*parts).max(1)),
        SectionBy::Given { sections } => given_spans(document, sections),
    }
}

/// The caller's sections in bytes: clamped to the text, in order, none
/// overlapping the one before.
fn given_spans(document: &Document, sections: &[GivenSection]) -> Vec<(String, usize, usize)> {
    let mut last_end = 0;
    let mut spans = Vec::new();
    for section in sections {
        let start = document.byte_offset(section.start, Unit::Utf16).max(last_end);
        let end = document.byte_offset(section.end, Unit::Utf16).max(start);
        spans.push((section.label.clone(), start, end));
        last_end = end;
    }
    spans
}

/// Which way of splitting suits the text: at headings if it has at least
/// three (a novel's dialogue may look like turns: 宝玉道：), else speaker
/// turns if it has at least three, else paragraphs. Numbered points (一、
/// （一）) do not outrank as many turns or more: a transcript numbers the
/// points of its answers.
pub fn suggest(text: &str) -> SectionBy {
    let (kind, found) = headings::headings(text);
    let turns = || speaker_spans(text).iter().filter(|s| s.0 != OPENING).count();
    if found.len() >= 3 && !(matches!(kind, Some(Kind::Outline(_))) && turns() >= found.len()) {
        SectionBy::Chapter
    } else if turns() >= 3 {
        SectionBy::Speaker
    } else {
        SectionBy::Paragraph
    }
}

impl SectionBy {
    /// Checks the division's own values: a pattern must be a regular
    /// expression.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] saying what is wrong.
    pub fn validate(&self) -> Result<(), Error> {
        match self {
            SectionBy::Pattern { pattern } => headings::Pattern::new(pattern)
                .map(|_| ())
                .map_err(|problem| Error::InvalidOption(format!("heading pattern “{pattern}”: {problem}"))),
            _ => Ok(()),
        }
    }
}

/// The label of the opening, the text before the first heading or turn: none.
/// No heading, speaker, paragraph or part has an empty label, so an empty
/// one marks the opening, and the page names it in the reader's language
/// (开头, Opening) rather than the core in one of them.
pub const OPENING: &str = "";

/// Sections that start at `headings` (label, line start), with the text
/// before the first one as an opening section.
fn at_headings(text: &str, headings: Vec<(String, usize)>) -> Vec<(String, usize, usize)> {
    spans_from(text, headings.into_iter().map(|(label, start)| (label, start, start)).collect())
}

/// Spans from `(label, line start, body start)` in order: each runs from its
/// body to the next line start; an opening section before the first.
fn spans_from(text: &str, starts: Vec<(String, usize, usize)>) -> Vec<(String, usize, usize)> {
    let first = starts.first().map_or(text.len(), |s| s.1);
    let mut spans = Vec::new();
    if text[..first].chars().any(|c| c.is_alphanumeric()) {
        spans.push((OPENING.to_string(), 0, first));
    }
    for (i, (label, _, body)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |next| next.1);
        spans.push((label.clone(), *body, end));
    }
    spans
}

/// Speaker turns as sections: `(label, body start, end)`.
fn speaker_spans(text: &str) -> Vec<(String, usize, usize)> {
    let accepted = turns(text);
    if accepted.is_empty() {
        return vec![(OPENING.to_string(), 0, text.len())].into_iter().filter(|_| !text.is_empty()).collect();
    }
    spans_from(text, accepted)
}

/// The speaker turns of `text`: `(label, line start, body start)`.
pub(crate) fn turns(text: &str) -> Vec<(String, usize, usize)> {
    let candidates: Vec<(String, usize, usize)> = headings::lines(text)
        .filter_map(|(start, line)| {
            let indent = line.len() - line.trim_start_matches([' ', '\t', '\u{3000}']).len();
            let (label, colon) = speaker_label(&line[indent..])?;
            Some((label.to_string(), start, start + indent + label.len() + colon))
        })
        .collect();
    let count = |label: &str| candidates.iter().filter(|c| c.0 == label).count();
    candidates.iter().filter(|c| is_role(&c.0) || count(&c.0) >= 2).cloned().collect()
}

/// The label before a colon at the start of `line`, and the colon's length,
/// if it may be a speaker.
fn speaker_label(line: &str) -> Option<(&str, usize)> {
    let (at, colon) = line.char_indices().take(21).find(|&(_, c)| c == '：' || c == ':')?;
    let label = line[..at].trim_end();
    let chars = label.chars().count();
    if chars == 0 || chars > 20 {
        return None;
    }
    if label.chars().any(|c| "，。？！；、“”‘’「」\"'?!;,.".contains(c)) {
        return None;
    }
    // A time (10:30) or a web address (https://).
    let after = line[at + colon.len_utf8()..].chars().next();
    if colon == ':' && (label.ends_with(|c: char| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit())) {
        return None;
    }
    if after == Some('/') || label.chars().all(|c| c.is_ascii_alphanumeric()) && after == Some('/') {
        return None;
    }
    // A colon that opens a quotation: a novel's dialogue (老殘說：“……”).
    if line[at + colon.len_utf8()..].trim_start().starts_with(['“', '「', '『', '"', '‘']) {
        return None;
    }
    // Sentences that introduce a quotation or a list (in either script: 說).
    const INTRODUCING: &[&str] =
        &["说", "道", "曰", "表示", "指出", "强调", "认为", "如下", "是", "有", "为", "包括", "即"];
    let simplified = crate::script::simplified_word(label);
    if INTRODUCING.iter().any(|end| simplified.ends_with(end)) && !is_role(&simplified) {
        return None;
    }
    Some((&line[..at], colon.len_utf8()))
}

/// A label that names a role in a transcript.
fn is_role(label: &str) -> bool {
    ["记者", "主持人", "发言人", "问", "答", "追问"].iter().any(|end| label.ends_with(end))
}

/// Each paragraph, labelled with its first words.
fn paragraph_spans(document: &Document) -> Vec<(String, usize, usize)> {
    let text = document.text();
    let starts = document.paragraph_starts();
    starts
        .iter()
        .enumerate()
        .map(|(i, &first)| {
            let start = document.span(first as usize).start;
            let end = starts.get(i + 1).map_or(text.len(), |&next| document.span(next as usize).start);
            (first_words(&text[start..end]), start, end)
        })
        .collect()
}

/// `parts` spans of nearly equal numbers of word tokens.
fn part_spans(document: &Document, parts: usize) -> Vec<(String, usize, usize)> {
    let text = document.text();
    let words = document.word_tokens(false);
    if words.is_empty() {
        return vec![("1".to_string(), 0, text.len())];
    }
    let parts = parts.min(words.len());
    (0..parts)
        .map(|p| {
            let first = words[p * words.len() / parts] as usize;
            let start = if p == 0 { 0 } else { document.span(first).start };
            let end = if p + 1 == parts {
                text.len()
            } else {
                document.span(words[(p + 1) * words.len() / parts] as usize).start
            };
            (format!("{}", p + 1), start, end)
        })
        .collect()
}

/// The first dozen characters of a stretch of text, on one line.
fn first_words(text: &str) -> String {
    let line = text.trim_start().lines().next().unwrap_or("");
    let mut label: String = line.chars().take(12).collect();
    if line.chars().count() > 12 {
        label.push('…');
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_labels() {
        for line in
            ["王毅：各位记者朋友", "《人民日报》记者：中央", "国家统计局副局长 盛来运：去年", "问: 你好", "追问：那么"]
        {
            assert!(speaker_label(line).is_some(), "{line}");
        }
        for line in [
            "其中最重要的经验，就是两个坚持：存在的",
            "他说：好",
            "10:30 开会",
            "https://example.com",
            "这是一句很长很长很长很长很长很长很长很长的话：后面",
            "老殘說：「你們這些人」",
            "黛玉冷笑一声：“我说呢。”",
        ] {
            assert!(speaker_label(line).is_none(), "{line}");
        }
    }

    #[test]
    fn a_label_is_a_speaker_by_its_role_or_by_speaking_twice() {
        let text = "标题\n王毅：甲。\n法新社记者：乙？\n王毅：丙。\n我们将重点抓好三件大事：一是丁。\n";
        let labels: Vec<String> = speaker_spans(text).into_iter().map(|s| s.0).collect();
        assert_eq!(labels, [OPENING, "王毅", "法新社记者", "王毅"]);
        // The turn's text starts after the colon.
        let (_, start, end) = &speaker_spans(text)[1];
        assert_eq!(&text[*start..*end], "甲。\n");
    }
}
