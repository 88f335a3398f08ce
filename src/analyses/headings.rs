//! Headings people write, at the start of a line:
//!
//! - Markdown's `#` to `######` (`## 第一回 …`, `## 卷一·五帝本纪`);
//! - chapter headings: 第 + a number + 回/章/节/卷/部/篇/集, or 卷 + a number,
//!   on a short line of their own (第一回 甄士隐梦幻识通灵);
//! - numbered outlines, as reports and speeches number their parts:
//!   一、… (level 1), （一）… (level 2), 1、… (level 3);
//! - or the user's own pattern, a regular expression matched at a line's
//!   start.
//!
//! A text may have several kinds (a report's 一、 parts hold （一） points; a
//! Markdown novel's `##` lines are 第X回 too): it is divided at the first
//! kind in that order that has two headings or more, so that a book's one
//! `# title` line does not hide its `##` chapters.

use regex_lite::Regex;

/// The kinds of heading, in the order a text is divided by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// Markdown's `#` lines, by their level (1 to 6).
    Markdown(u8),
    /// 第X回, 第X章, 卷X …
    Chapter,
    /// Numbered outlines: 一、 (1), （一） (2), 1、 (3).
    Outline(u8),
}

/// The longest label of a heading that runs on into its paragraph, in
/// characters (（一）着力稳定宏观经济大盘。…: the label ends at the sentence).
const LABEL_CHARS: usize = 30;

const NUMERALS: &str = "一二三四五六七八九十百千零〇两";

fn is_numeral(c: char) -> bool {
    NUMERALS.contains(c) || c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The heading at the start of `line`, if it is one: its kind and label.
pub(crate) fn heading(line: &str) -> Option<(Kind, String)> {
    let line = line.trim_start_matches([' ', '\t', '\u{3000}']).trim_end();
    if let Some(found) = markdown(line) {
        return Some(found);
    }
    if chapter(line) {
        return Some((Kind::Chapter, line.to_string()));
    }
    outline(line)
}

/// `# …` to `###### …`: the label is the text after the marks.
fn markdown(line: &str) -> Option<(Kind, String)> {
    let marks = line.chars().take_while(|&c| c == '#').count();
    let rest = &line[marks..];
    if !(1..=6).contains(&marks) || !rest.starts_with([' ', '\t', '\u{3000}']) {
        return None;
    }
    let label = rest.trim().trim_end_matches('#').trim_end();
    (!label.is_empty()).then(|| (Kind::Markdown(marks as u8), label.to_string()))
}

/// 第 + a number + 回/章/节/卷/部/篇/集, or 卷 + a number, on a line of its
/// own (at most 50 characters, no sentence: 第四回中既将薛家母子……。 is the
/// text of chapter five speaking of chapter four).
fn chapter(line: &str) -> bool {
    let mut chars = line.chars();
    let matched = match chars.next() {
        Some('第') => {
            let digits = chars.clone().take_while(|&c| is_numeral(c)).count();
            digits > 0 && chars.nth(digits).is_some_and(|c| "回章节卷部篇集".contains(c))
        }
        Some('卷') => chars.next().is_some_and(is_numeral),
        _ => false,
    };
    matched && line.chars().count() <= 50 && !line.contains(['。', '！', '？'])
}

/// 一、…, （一）… or (一)…, 1、…: the label is the line up to its first
/// sentence end, at most [`LABEL_CHARS`] characters.
fn outline(line: &str) -> Option<(Kind, String)> {
    let numbered = |rest: &str, digits: fn(char) -> bool| -> Option<usize> {
        let n = rest.chars().take_while(|&c| digits(c)).count();
        (n > 0 && n <= 4).then_some(rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i))
    };
    let chinese = |c: char| NUMERALS.contains(c);
    let arabic = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let level = if let Some(end) = numbered(line, chinese) {
        line[end..].starts_with('、').then_some(1)
    } else if let Some(inner) = line.strip_prefix(['（', '(']) {
        numbered(inner, chinese).filter(|&end| inner[end..].starts_with(['）', ')'])).map(|_| 2)
    } else if let Some(end) = numbered(line, arabic) {
        line[end..].starts_with('、').then_some(3)
    } else {
        None
    }?;
    // Something must follow the number.
    let body = line.trim_start_matches(|c: char| is_numeral(c) || "、（）() ".contains(c));
    if body.is_empty() {
        return None;
    }
    Some((Kind::Outline(level), label(line)))
}

/// The label of a heading that may run on into its paragraph: the line up
/// to its first sentence end, at most [`LABEL_CHARS`] characters.
fn label(line: &str) -> String {
    let sentence = line.find(['。', '！', '？', '；']).map_or(line, |at| &line[..at]);
    let mut label: String = sentence.chars().take(LABEL_CHARS).collect();
    if sentence.chars().count() > LABEL_CHARS {
        label.push('…');
    }
    label
}

/// The headings `text` is divided at, `(label, line start)`, and their
/// kind: the first kind (in [`Kind`]'s order) with at least two headings,
/// else the first kind the text has at all.
pub(crate) fn headings(text: &str) -> (Option<Kind>, Vec<(String, usize)>) {
    let found: Vec<(Kind, String, usize)> =
        lines(text).filter_map(|(start, line)| heading(line).map(|(k, l)| (k, l, start))).collect();
    let mut kinds: Vec<Kind> = found.iter().map(|f| f.0).collect();
    kinds.sort_unstable();
    let count = |kind: Kind| kinds.iter().filter(|&&k| k == kind).count();
    let chosen = kinds.iter().copied().find(|&k| count(k) >= 2).or(kinds.first().copied());
    let headings = found.into_iter().filter(|f| Some(f.0) == chosen).map(|(_, label, start)| (label, start)).collect();
    (chosen, headings)
}

/// A heading pattern of the user's: a regular expression (the syntax of
/// the `regex` crate; `regex-lite` reads it) matched at the start of a line;
/// the label is the line up to its first sentence end.
#[derive(Debug)]
pub struct Pattern(Regex);

impl Pattern {
    /// The pattern of `source`.
    ///
    /// # Errors
    ///
    /// A message naming what is wrong, if it is not a regular expression.
    pub fn new(source: &str) -> Result<Pattern, String> {
        if source.trim().is_empty() {
            return Err("a heading pattern cannot be empty".into());
        }
        if source.len() > 500 {
            return Err("a heading pattern has at most 500 characters".into());
        }
        // Matched at a line's start: anchored, with the line's own end.
        Regex::new(&format!("^(?:{source})")).map(Pattern).map_err(|e| e.to_string())
    }

    /// The headings of `text` by the pattern: `(label, line start)`.
    pub(crate) fn headings(&self, text: &str) -> Vec<(String, usize)> {
        lines(text)
            .filter(|(_, line)| self.0.is_match(line.trim_end_matches(['\n', '\r'])))
            .map(|(start, line)| (label(line.trim()), start))
            .collect()
    }
}

/// The lines of `text` with their byte starts.
pub(super) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Option<Kind> {
        heading(line).map(|h| h.0)
    }

    #[test]
    fn markdown_headings_by_level() {
        assert_eq!(heading("## 第一回 土不制水歷年成患"), Some((Kind::Markdown(2), "第一回 土不制水歷年成患".into())));
        assert_eq!(heading("## 卷一·五帝本紀"), Some((Kind::Markdown(2), "卷一·五帝本紀".into())));
        assert_eq!(heading("# 前言 #"), Some((Kind::Markdown(1), "前言".into())));
        for line in ["#标签", "####### 七级", "#", "## "] {
            assert_eq!(kind(line), None, "{line}");
        }
    }

    #[test]
    fn chapter_headings() {
        for line in ["第一回 甄士隐梦幻识通灵", "　　第十二章 归来", "第3节", "卷五 风雪", "第一百二十回 甄士隐详说太虚情"] {
            assert_eq!(kind(line), Some(Kind::Chapter), "{line}");
        }
        for line in ["第一次见面", "第二天他来了", "卷起袖子", "他说第一回", "第四回中既将薛家母子在荣府中寄居等事略已表明，此回暂可不写了。"] {
            assert_eq!(kind(line), None, "{line}");
        }
    }

    #[test]
    fn outline_headings_and_their_labels() {
        assert_eq!(heading("一、2021年工作回顾"), Some((Kind::Outline(1), "一、2021年工作回顾".into())));
        assert_eq!(
            heading("（一）着力稳定宏观经济大盘。保持经济运行在合理区间。"),
            Some((Kind::Outline(2), "（一）着力稳定宏观经济大盘".into()))
        );
        assert_eq!(kind("(三)坚持创新驱动"), Some(Kind::Outline(2)));
        assert_eq!(kind("十二、其他"), Some(Kind::Outline(1)));
        assert_eq!(kind("3、加强监管"), Some(Kind::Outline(3)));
        for line in ["一、", "一一对应", "（注）", "2024年", "一切为了人民", "一些人说"] {
            assert_eq!(kind(line), None, "{line}");
        }
    }

    #[test]
    fn the_first_kind_with_two_headings_divides() {
        let report = "政府工作报告\n一、回顾\n（一）甲。\n（二）乙。\n二、任务\n（一）丙。\n";
        let (kind, found) = headings(report);
        assert_eq!(kind, Some(Kind::Outline(1)));
        let labels: Vec<String> = found.into_iter().map(|h| h.0).collect();
        assert_eq!(labels, ["一、回顾", "二、任务"]);
        let book = "# 老残游记\n## 第一回 土不制水\n正文。\n## 第二回 历山山下\n正文。\n";
        let (kind, found) = headings(book);
        assert_eq!(kind, Some(Kind::Markdown(2)));
        let labels: Vec<String> = found.into_iter().map(|h| h.0).collect();
        assert_eq!(labels, ["第一回 土不制水", "第二回 历山山下"]);
        assert_eq!(headings("只是一段话。\n"), (None, Vec::new()));
    }

    #[test]
    fn a_pattern_of_the_users() {
        let pattern = Pattern::new(r"Chapter \d+|【.+】").unwrap();
        let text = "序\nChapter 1 起\n正文\n【第二部分】\n正文 Chapter 3\n";
        let labels: Vec<String> = pattern.headings(text).into_iter().map(|h| h.0).collect();
        assert_eq!(labels, ["Chapter 1 起", "【第二部分】"]);
        assert!(Pattern::new("(").is_err());
        assert!(Pattern::new("  ").is_err());
    }
}
