//! Any bytes, as a dropped file, with any name and any chosen encoding:
//! decoding must give a result or an error, never a panic, and what it
//! gives must keep the promises `ciyan::decode` makes (see `check`).
#![no_main]

use ciyan::{Decoded, Error, Format};
use libfuzzer_sys::fuzz_target;

/// File names: no name, text, the three web page extensions in any case,
/// a Word document, a name without an extension; Markdown, subtitles and
/// tables (an Excel workbook too).
const NAMES: [Option<&str>; 16] = [
    None,
    Some("a.txt"),
    Some("a.html"),
    Some("A.HTM"),
    Some("新闻.xhtml"),
    Some("a.docx"),
    Some("README"),
    Some(".html"),
    Some("a.md"),
    Some("a.srt"),
    Some("A.VTT"),
    Some("a.ass"),
    Some("a.csv"),
    Some("a.tsv"),
    Some("a.jsonl"),
    Some("a.xlsx"),
];

/// Where the chosen encoding comes from.
enum Label {
    /// None: the decoder detects it. Four slots of sixteen, so that
    /// detection (the path most users take) gets its share of the runs.
    Detect,
    /// A label and the name of the encoding it must give.
    Known(&'static str, &'static str),
    /// A label read from the input, up to its first newline: lets the
    /// fuzzer try labels that name nothing, padded ones, any case.
    FromInput,
}

const LABELS: [Label; 16] = [
    Label::Detect,
    Label::Detect,
    Label::Detect,
    Label::Detect,
    Label::Known("utf-8", "UTF-8"),
    Label::Known("gb18030", "GB18030"),
    Label::Known("GBK", "GB18030"),
    Label::Known(" big5 ", "Big5"),
    Label::Known("UTF-16LE", "UTF-16LE"),
    Label::Known("utf-16be", "UTF-16BE"),
    Label::Known("shift_jis", "Shift_JIS"),
    Label::Known("euc-kr", "EUC-KR"),
    Label::Known("windows-1252", "windows-1252"),
    // The WHATWG replacement encoding: the whole input is one U+FFFD.
    Label::Known("iso-2022-kr", "replacement"),
    Label::Known("x-user-defined", "x-user-defined"),
    Label::FromInput,
];

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file name (low three bits and the top one)
    // and where the encoding comes from (the four between); the rest is
    // the file.
    let Some((&pick, mut bytes)) = data.split_first() else { return };
    let name = NAMES[usize::from(pick & 7) | usize::from(pick >> 7) << 3];
    let label = &LABELS[usize::from((pick >> 3) & 15)];
    let free_label;
    let encoding = match label {
        Label::Detect => None,
        Label::Known(label, _) => Some(*label),
        Label::FromInput => {
            let end = bytes.iter().take(64).position(|&b| b == b'\n').unwrap_or(0);
            free_label = String::from_utf8_lossy(&bytes[..end]).into_owned();
            bytes = &bytes[(end + 1).min(bytes.len())..];
            Some(free_label.as_str())
        }
    };
    let result = ciyan::decode(bytes, name, encoding);
    // Nothing depends on the time, an address or a previous call.
    assert_eq!(result, ciyan::decode(bytes, name, encoding), "not deterministic");
    match &result {
        Ok(decoded) => check(bytes, label, encoding, decoded),
        Err(error) => check_error(bytes, name, label, encoding, error),
    }
});

fn check(bytes: &[u8], label: &Label, encoding: Option<&str>, d: &Decoded) {
    let fffd = d.text.chars().filter(|&c| c == '\u{FFFD}').count();
    // Each replacement shows as a U+FFFD in the text the user sees (the
    // page tells them "N bytes were replaced with �").
    assert!(d.replacements <= fffd, "{} replacements but {fffd} U+FFFD in {:?}", d.replacements, d.text);
    // A table's text is its text column's.
    if let Some(table) = &d.table {
        assert_eq!(d.format, Format::Table);
        assert_eq!(d.text, table.text_of(table.text_column));
        assert!(table.rows.iter().all(|row| row.len() == table.columns.len()), "ragged rows");
    }
    // A Word document or an Excel workbook.
    if d.format == Format::Docx || (d.format == Format::Table && d.encoding.is_none()) {
        assert!(bytes.starts_with(b"PK\x03\x04"), "a {:?} that is not a zip", d.format);
        assert_eq!((d.encoding, d.detected, d.replacements), (None, true, 0));
        return;
    }
    assert!(!bytes.starts_with(b"PK\x03\x04"), "a zip decoded as {:?}", d.format);
    let name = d.encoding.expect("text has an encoding");
    // The caller's choice is used as given; without one, detection.
    assert_eq!(d.detected, encoding.is_none());
    if let Label::Known(_, expected) = label {
        assert_eq!(name, *expected);
    }
    if encoding.is_none() {
        // A byte-order mark says what the encoding is, whatever a web
        // page's <meta charset> claims (as in a browser).
        let bom = if bytes.starts_with(UTF8_BOM) {
            Some("UTF-8")
        } else if bytes.starts_with(b"\xFF\xFE") {
            Some("UTF-16LE")
        } else if bytes.starts_with(b"\xFE\xFF") {
            Some("UTF-16BE")
        } else {
            None
        };
        if let Some(bom) = bom {
            assert_eq!(name, bom, "the byte-order mark is not followed");
        }
        // UTF-16 without a byte-order mark is told by its zero bytes; a
        // page whose <meta charset> could be read as ASCII is not UTF-16.
        if bom.is_none() && name.starts_with("UTF-16") {
            assert!(bytes.contains(&0), "UTF-16 without a byte-order mark or a zero byte");
        }
    }
    match d.format {
        Format::Text => {
            let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
            // Valid UTF-8 is taken as it is, byte for byte.
            if encoding.is_none() {
                if let Ok(text) = std::str::from_utf8(body) {
                    assert_eq!((d.text.as_str(), name, d.replacements), (text, "UTF-8", 0));
                }
            }
            // Chosen UTF-8: each malformed sequence is one U+FFFD, as
            // the standard library replaces them.
            if name == "UTF-8" && !d.detected {
                assert_eq!(d.text, String::from_utf8_lossy(body));
            }
        }
        Format::Html | Format::Markdown => {
            // Lines trimmed, at most one empty line between paragraphs,
            // none first, and a final newline.
            let text = d.text.strip_suffix('\n').expect("the body text ends with a newline");
            assert!(!text.starts_with('\n') && !text.contains("\n\n\n"), "blank lines in {:?}", d.text);
            assert!(text.split('\n').all(|line| line == line.trim()), "untrimmed line in {:?}", d.text);
        }
        Format::Subtitles | Format::Table => {}
        Format::Docx => unreachable!(),
    }
}

fn check_error(bytes: &[u8], name: Option<&str>, label: &Label, encoding: Option<&str>, error: &Error) {
    let zip = bytes.starts_with(b"PK\x03\x04");
    // A line of JSON Lines that is no JSON object is a broken document too.
    let json_lines = name.is_some_and(|n| n.ends_with(".jsonl"));
    match error {
        // Only a chosen encoding is refused, and the message names it.
        Error::UnknownEncoding(refused) => {
            assert!(matches!(label, Label::FromInput), "a known label refused: {refused:?}");
            assert_eq!(Some(refused.as_str()), encoding);
        }
        // A chosen encoding is used even on a binary.
        Error::Binary => assert!(encoding.is_none(), "a binary refused despite a chosen encoding"),
        // The input is far below the 64 MiB limit; only a zip can unpack
        // to more than it.
        Error::FileTooLarge { .. } | Error::UnpackedTooLarge { .. } => {
            assert!(zip, "{error:?} for a file that is not a zip")
        }
        Error::BadDocument(_) => assert!(zip || json_lines, "{error:?} for a file that is not a zip"),
        Error::UnsupportedFormat(_) => {}
        // EmptyText, TextTooLarge, InvalidOption, BadDictionary: errors of
        // the analysis, not of decoding.
        _ => panic!("decode gave an error of the analysis: {error:?}"),
    }
}
