//! The text of a Markdown file, read as a web page is (see `html.rs`): the
//! words of its headings, paragraphs, lists, quotations, tables and link
//! texts, without the markup, the link targets, the images and the fenced
//! code.
//!
//! A heading stays on a line of its own, as its text alone (`## 第一回 …`
//! gives `第一回 …`), so that the structure finds it. Indented "code" is
//! kept as text: plain texts often indent their paragraphs with spaces,
//! which Markdown reads as code. Fenced code (```` ``` ````) is a listing,
//! not prose, and is left out.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// The text of Markdown `source`: one line per paragraph, heading, list
/// item or table row, a blank line between blocks.
pub(super) fn text(source: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out = Writer::default();
    // Inside an image, a fenced code block, front matter or an autolink
    // (whose text is its address): nothing is text.
    let mut hidden = 0usize;
    let mut html_block = String::new();
    // Per link open: whether it is an autolink.
    let mut links: Vec<bool> = Vec::new();
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Image { .. } | Tag::MetadataBlock(_) => hidden += 1,
                Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(_)) => hidden += 1,
                Tag::Link { link_type, .. } => {
                    let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    hidden += usize::from(autolink);
                    links.push(autolink);
                }
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableRow
                | Tag::TableHead
                | Tag::CodeBlock(_)
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)
                | Tag::HtmlBlock => out.line(),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Image | TagEnd::MetadataBlock(_) => hidden -= 1,
                TagEnd::CodeBlock if hidden > 0 => hidden -= 1,
                TagEnd::Link => hidden -= usize::from(links.pop().unwrap_or(false)),
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::Table => out.paragraph(),
                TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead => out.line(),
                TagEnd::TableCell => out.space(),
                TagEnd::HtmlBlock => {
                    out.push(&super::html::body_text(&html_block));
                    out.paragraph();
                    html_block.clear();
                }
                _ => {}
            },
            Event::Text(text) | Event::Code(text) if hidden == 0 => out.push(&text),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
            Event::SoftBreak if hidden == 0 => out.soft_break(),
            Event::HardBreak if hidden == 0 => out.line(),
            Event::Rule => out.paragraph(),
            Event::Html(html) if hidden == 0 => html_block.push_str(&html),
            _ => {}
        }
    }
    super::html::tidy_lines(&out.text)
}

/// The text as it is written out.
#[derive(Default)]
struct Writer {
    text: String,
    /// A line break inside a paragraph is pending: nothing between two
    /// Chinese characters (a wrapped Chinese line is one line), else a space.
    soft_break: bool,
}

impl Writer {
    fn push(&mut self, text: &str) {
        if std::mem::take(&mut self.soft_break) {
            let before = self.text.chars().last().is_some_and(|c| !c.is_ascii());
            let after = text.chars().next().is_some_and(|c| !c.is_ascii());
            if !(before && after) {
                self.space();
            }
        }
        self.text.push_str(text);
    }

    fn soft_break(&mut self) {
        self.soft_break = !self.text.is_empty() && !self.text.ends_with('\n');
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
            self.text.push(' ');
        }
    }

    fn line(&mut self) {
        self.soft_break = false;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    fn paragraph(&mut self) {
        self.line();
        self.text.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_links_and_lists_keep_their_words_only() {
        let md = "# 标题\n\n正文[链接文字](https://example.com/a)，**加粗**和`代码`。\n\n## 第一回 开篇\n\n- 第一项\n- 第二项 <https://example.com>\n";
        assert_eq!(text(md), "标题\n\n正文链接文字，加粗和代码。\n\n第一回 开篇\n\n第一项\n第二项\n");
    }

    #[test]
    fn images_fenced_code_front_matter_and_tables() {
        let md = "---\ntitle: 元数据\n---\n\n![图片说明](a/b.png)\n\n```bash\n$ npm install\n```\n\n| 项目 | 语言 |\n| --- | --- |\n| 数据库 | C |\n\n    缩进的段落\n";
        assert_eq!(text(md), "项目 语言\n数据库 C\n\n缩进的段落\n");
    }

    #[test]
    fn wrapped_chinese_lines_join_and_english_ones_keep_a_space() {
        assert_eq!(text("第一行\n第二行\nand\nmore\n"), "第一行第二行 and more\n");
    }
}
