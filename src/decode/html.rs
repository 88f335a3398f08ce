//! The text of a web page's body, without script, style or markup. Nothing
//! in the page is run: it is only tokenised.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Whether the bytes start like an HTML document.
pub(super) fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// The encoding a page declares in `<meta charset=…>` or
/// `content="…; charset=…"` within its first kilobytes. A declaration read
/// as ASCII cannot be in UTF-16: one that says UTF-16 means UTF-8, as in a
/// browser (the HTML standard's prescan).
pub(super) fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let encoding = super::encoding::by_label(&label).ok()?;
    Some(if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        encoding_rs::UTF_8
    } else {
        encoding
    })
}

/// Elements whose content is never text for a reader.
fn is_hidden(tag: &[u8]) -> bool {
    matches!(tag, b"script" | b"style" | b"noscript" | b"template" | b"head" | b"svg" | b"math" | b"iframe" | b"object")
}

/// Elements that start a new line.
fn is_block(tag: &[u8]) -> bool {
    matches!(
        tag,
        b"p" | b"div"
            | b"br"
            | b"li"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"tr"
            | b"td"
            | b"th"
            | b"section"
            | b"article"
            | b"header"
            | b"footer"
            | b"blockquote"
            | b"pre"
            | b"hr"
            | b"ul"
            | b"ol"
            | b"table"
            | b"dt"
            | b"dd"
            | b"figcaption"
            | b"title"
            | b"main"
            | b"nav"
            | b"aside"
            | b"body"
    )
}

/// The text of the page's body: paragraphs on their own lines, runs of
/// white space folded as a browser shows them.
pub(super) fn body_text(html: &str) -> String {
    let mut emitter = DefaultEmitter::default();
    // Script and style content is raw text; switch states as a browser would.
    emitter.naively_switch_states(true);
    let mut out = String::new();
    let mut hidden: Vec<Vec<u8>> = Vec::new();
    let mut pre = 0usize;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                if is_hidden(&name) && !tag.self_closing {
                    hidden.push(name);
                } else if hidden.is_empty() && is_block(&name) {
                    out.push('\n');
                    pre += usize::from(name == b"pre");
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                if hidden.last() == Some(&name) {
                    hidden.pop();
                } else if hidden.is_empty() && is_block(&name) {
                    out.push('\n');
                    if name == b"pre" {
                        pre = pre.saturating_sub(1);
                    }
                }
            }
            Token::String(text) if hidden.is_empty() => {
                let text = String::from_utf8_lossy(&text.value);
                if pre > 0 {
                    out.push_str(&text);
                } else {
                    fold_white_space(&text, &mut out);
                }
            }
            _ => {}
        }
    }
    tidy_lines(&out)
}

fn fold_white_space(text: &str, out: &mut String) {
    let mut space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            space = true;
        } else {
            if space && !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

/// Trims each line and keeps at most one empty line between paragraphs.
pub(super) fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    out.trim_end().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_text_without_script_style_or_head() {
        let html = r#"<!DOCTYPE html><html><head><title>标题</title><style>p { color: red }</style>
            <script>document.write("<p>不该出现</p>")</script></head>
            <body><h1>新闻</h1><p>北京&nbsp;今天   <b>晴</b>。</p><script>var x = "</p>";</script>
            <ul><li>一</li><li>二 &lt;script&gt;</li></ul><img src=x onerror="alert(1)"></body></html>"#;
        assert_eq!(body_text(html), "新闻\n\n北京\u{a0}今天 晴。\n\n一\n\n二 <script>\n");
    }

    #[test]
    fn html_is_recognised_and_its_charset_read() {
        assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE HTML>"));
        assert!(looks_like_html(b"<html lang=zh>"));
        assert!(!looks_like_html(b"<p>not a document</p>"));
        let page = b"<html><head><meta charset=\"gb2312\"></head>";
        assert_eq!(declared_charset(page), Some(encoding_rs::GB18030));
        let page = b"<meta http-equiv=Content-Type content='text/html; charset=big5'>";
        assert_eq!(declared_charset(page), Some(encoding_rs::BIG5));
    }
}
