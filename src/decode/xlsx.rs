//! The first sheet of an Excel workbook (.xlsx) as a table: a zip archive
//! whose `xl/worksheets/` hold the cells and `xl/sharedStrings.xml` the
//! strings they point to. Only values are read: no formulas, no styles (a
//! date is the number Excel keeps for it), no other sheets.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::table::Table;
use super::{Decoded, Format, UnsupportedFormat};
use crate::error::Error;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The first sheet of the workbook in `archive`, if it has one.
pub(super) fn decoded(archive: &mut Archive) -> Result<Decoded, Error> {
    let mut sheets: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml") && !n["xl/worksheets/".len()..].contains('/'))
        .map(|n| n.to_string())
        .collect();
    // sheet1.xml before sheet2.xml before sheet10.xml.
    sheets.sort_by_key(|n| (n.len(), n.clone()));
    let Some(first) = sheets.first() else {
        return Err(Error::UnsupportedFormat(UnsupportedFormat::OfficeOther));
    };
    let strings = match archive.index_for_name("xl/sharedStrings.xml") {
        Some(_) => shared_strings(&read(archive, "xl/sharedStrings.xml")?)?,
        None => Vec::new(),
    };
    let rows = cells(&read(archive, &first.clone())?, &strings)?;
    let table = Table::from_rows(rows);
    let text = table.text_of(table.text_column);
    Ok(Decoded { text, encoding: None, format: Format::Table, detected: true, replacements: 0, table: Some(table) })
}

fn broken(e: &dyn std::fmt::Display) -> Error {
    Error::BadDocument(e.to_string())
}

/// An entry of the archive as text, at most as large as a file may be (a
/// small workbook can inflate to a huge one).
fn read(archive: &mut Archive, name: &str) -> Result<String, Error> {
    let mut entry = archive.by_name(name).map_err(|e| broken(&e))?;
    let limit = super::MAX_FILE_BYTES as u64;
    let mut xml = String::new();
    entry.by_ref().take(limit + 1).read_to_string(&mut xml).map_err(|e| broken(&e))?;
    if xml.len() as u64 > limit {
        return Err(Error::UnpackedTooLarge { limit: super::MAX_FILE_BYTES });
    }
    Ok(xml)
}

/// The shared strings, in order: each `<si>`'s text (its `<t>`, or the
/// `<t>` of each of its runs; phonetic runs `<rPh>` left out).
fn shared_strings(xml: &str) -> Result<Vec<String>, Error> {
    let mut reader = Reader::from_str(xml);
    let mut strings = Vec::new();
    let mut current = String::new();
    let (mut in_text, mut in_phonetic) = (false, false);
    loop {
        match reader.read_event().map_err(|e| broken(&e))? {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "rPh" => in_phonetic = false,
                "si" => strings.push(std::mem::take(&mut current)),
                _ => {}
            },
            Event::Text(t) if in_text && !in_phonetic => current.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) if in_text && !in_phonetic => push_reference(&mut current, &r)?,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(strings)
}

fn push_reference(out: &mut String, r: &quick_xml::events::BytesRef) -> Result<(), Error> {
    super::xml::push_reference(out, r).map_err(|e| broken(&e))
}

/// The rows of a worksheet: each `<c>` in the column its reference (`C7`)
/// names; a shared string (`t="s"`) looked up, an inline one (`<is>`) and a
/// value (`<v>`) as written.
fn cells(xml: &str, strings: &[String]) -> Result<Vec<Vec<String>>, Error> {
    let mut reader = Reader::from_str(xml);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut column = 0usize;
    let mut shared = false;
    let mut value = String::new();
    let mut in_value = false;
    loop {
        match reader.read_event().map_err(|e| broken(&e))? {
            Event::Start(e) if e.local_name().as_ref() == "row" => row.clear(),
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                shared = false;
                for attribute in e.attributes().flatten() {
                    match attribute.key.local_name().as_ref() {
                        "r" => column = column_of(attribute.value.as_bytes()).unwrap_or(row.len()),
                        "t" => shared = attribute.value.as_ref() == "s",
                        _ => {}
                    }
                }
                if !e.attributes().flatten().any(|a| a.key.local_name().as_ref() == "r") {
                    column = row.len();
                }
                value.clear();
            }
            Event::Start(e) if matches!(e.local_name().as_ref(), "v" | "t") => in_value = true,
            Event::End(e) => match e.local_name().as_ref() {
                "v" | "t" => in_value = false,
                "c" => {
                    let cell = if shared {
                        value.trim().parse::<usize>().ok().and_then(|i| strings.get(i)).cloned().unwrap_or_default()
                    } else {
                        std::mem::take(&mut value)
                    };
                    if row.len() <= column {
                        row.resize(column + 1, String::new());
                    }
                    row[column] = cell;
                    value.clear();
                }
                "row" => {
                    if row.iter().any(|c| !c.trim().is_empty()) {
                        rows.push(std::mem::take(&mut row));
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_value => value.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) if in_value => push_reference(&mut value, &r)?,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(rows)
}

/// The column index of a cell reference: `A1` → 0, `AB12` → 27.
fn column_of(reference: &[u8]) -> Option<usize> {
    let letters: Vec<u8> = reference.iter().take_while(|b| b.is_ascii_alphabetic()).map(u8::to_ascii_uppercase).collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    Some(letters.iter().fold(0usize, |n, &b| n * 26 + (b - b'A' + 1) as usize) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_and_inline_strings_in_their_columns() {
        let strings = shared_strings(r#"<sst><si><t>id</t></si><si><r><t>正</t></r><r><t>文</t></r><rPh><t>ヨミ</t></rPh></si><si><t>很好 &amp; 满意</t></si></sst>"#).unwrap();
        assert_eq!(strings, ["id", "正文", "很好 & 满意"]);
        let sheet = r#"<worksheet><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
            <row r="2"><c r="A2"><v>1001</v></c><c r="C2" t="s"><v>2</v></c></row>
            <row r="3"><c r="A3"/></row>
            <row r="4"><c r="B4" t="inlineStr"><is><t>行内</t></is></c></row>
            </sheetData></worksheet>"#;
        assert_eq!(cells(sheet, &strings).unwrap(), [vec!["id", "", "正文"], vec!["1001", "", "很好 & 满意"], vec!["", "行内"]]);
        assert_eq!((column_of(b"A1"), column_of(b"AB12"), column_of(b"12")), (Some(0), Some(27), None));
    }
}
