//! From the bytes of a file to the text to analyse.
//!
//! Users drop whatever they have: UTF-8, a GB18030 file from an old Windows
//! machine, Big5 from Taiwan, a UTF-16 export, a Word document, a saved web
//! page, a Markdown file, subtitles, a table of posts, or by mistake a PDF,
//! an image or a binary. [`decode`] finds out which, and gives the text or
//! an [`Error`] that says what to do instead.

mod docx;
mod encoding;
mod html;
mod markdown;
mod sniff;
mod subtitles;
mod table;
mod xlsx;
mod xml;

use serde::Serialize;

use crate::error::Error;
pub use crate::error::UnsupportedFormat;

pub use encoding::supported_encodings;
pub use table::{Table, ROW_SEPARATOR};

/// The largest file accepted, in bytes (64 MiB, as for text).
pub const MAX_FILE_BYTES: usize = crate::text::MAX_TEXT_BYTES;

/// The file name endings read as text, Markdown, subtitles, a table, a web
/// page or a Word document: what a file chooser offers (any other file is
/// read too, by its bytes, as plain text).
pub const TEXT_EXTENSIONS: [&str; 18] = [
    ".txt", ".text", ".md", ".markdown", ".srt", ".vtt", ".ass", ".ssa", ".csv", ".tsv", ".jsonl", ".ndjson", ".htm",
    ".html", ".xhtml", ".docx", ".xlsx", ".log",
];

/// What kind of document the text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown: the text of its headings, paragraphs, lists and links.
    Markdown,
    /// Subtitles (SubRip, WebVTT, ASS): the spoken lines, one cue a line.
    Subtitles,
    /// A table (CSV, TSV, JSON Lines, an Excel workbook's first sheet):
    /// see [`Decoded::table`].
    Table,
    /// A web page: the text of its body, without script and style.
    Html,
    /// A Word document (.docx): the text of its body.
    Docx,
}

/// Text decoded from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The name of the encoding used (`UTF-8`, `GB18030`, `Big5`,
    /// `UTF-16LE`, …), or `None` for a Word document, which is always UTF-8
    /// XML inside.
    pub encoding: Option<&'static str>,
    /// The kind of document.
    pub format: Format,
    /// Whether the encoding was detected (`false`: the caller chose it).
    pub detected: bool,
    /// How many malformed byte sequences were replaced with U+FFFD (for a
    /// web page, at most as many as its body text shows).
    pub replacements: usize,
    /// For a table, its cells: the text is then its text column's, a row
    /// a paragraph, a blank line between two (see [`Table::text_of`]).
    pub table: Option<Table>,
}

/// Decodes a file: `name` (if known) helps tell a web page from plain text;
/// `encoding` (a label such as `gb18030` or `Big5`) overrides detection.
pub fn decode(bytes: &[u8], name: Option<&str>, encoding: Option<&str>) -> Result<Decoded, Error> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::FileTooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES });
    }
    let extension = name.and_then(|n| n.rsplit_once('.')).map(|(_, e)| e.to_ascii_lowercase());
    match sniff::kind(bytes) {
        sniff::Kind::Unsupported(format) => return Err(Error::UnsupportedFormat(format)),
        sniff::Kind::Zip => return docx::text(bytes),
        sniff::Kind::Other => {}
    }
    let declared = match encoding {
        Some(label) => Some(encoding::by_label(label)?),
        None => None,
    };
    let looks_html = matches!(extension.as_deref(), Some("html" | "htm" | "xhtml")) || html::looks_like_html(bytes);
    // A byte-order mark outranks what the page declares, as in a browser
    // (detection reads the mark): a page saved again as UTF-8 with a mark
    // often still says `<meta charset="gb2312">`.
    let has_bom = encoding_rs::Encoding::for_bom(bytes).is_some();
    let hint = if looks_html && declared.is_none() && !has_bom { html::declared_charset(bytes) } else { None };
    let decoded = encoding::decode_text(bytes, declared.or(hint), declared.is_none())?;
    if looks_html {
        // Replacements in the markup, the head or a script are dropped with
        // them: count only those the body text can show (it may also hold
        // a U+FFFD of its own, written as one or as `&#0;`).
        let text = html::body_text(&decoded.text);
        let replacements = decoded.replacements.min(text.matches('\u{FFFD}').count());
        return Ok(Decoded { text, format: Format::Html, replacements, ..decoded });
    }
    // The rest is read as text first (any encoding), then as what its name
    // says it is; `.txt` and unknown names stay as typed.
    let extension = extension.as_deref().unwrap_or("");
    let (text, format, table) = if matches!(extension, "md" | "markdown" | "mdown" | "mkd") {
        (markdown::text(&decoded.text), Format::Markdown, None)
    } else if let Some(kind) = subtitles::Kind::of_extension(extension) {
        (subtitles::text(&decoded.text, kind), Format::Subtitles, None)
    } else if let Some(kind) = table::Kind::of_extension(extension) {
        let table = table::read(&decoded.text, kind)?;
        (table.text_of(table.text_column), Format::Table, Some(table))
    } else {
        return Ok(decoded);
    };
    // As for a web page: count the replacements the text still shows.
    let replacements = decoded.replacements.min(text.matches('\u{FFFD}').count());
    Ok(Decoded { text, format, table, replacements, ..decoded })
}
