//! The body text of a Word document (.docx): a zip archive whose
//! `word/document.xml` holds the paragraphs. (An Excel workbook, the other
//! zip users drop, is read by `xlsx.rs`.)

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{Decoded, Format, UnsupportedFormat};
use crate::error::Error;

/// The text of a zip archive, if it is a Word document.
pub(super) fn text(bytes: &[u8]) -> Result<Decoded, Error> {
    let broken = |e: &dyn std::fmt::Display| Error::BadDocument(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| broken(&e))?;
    let mut xml = String::new();
    if archive.index_for_name("word/document.xml").is_none() {
        // An Excel workbook is a table (its first sheet).
        if archive.index_for_name("xl/workbook.xml").is_some() {
            return super::xlsx::decoded(&mut archive);
        }
        return Err(Error::UnsupportedFormat(other_kind(&mut archive)));
    }
    match archive.by_name("word/document.xml") {
        Ok(mut entry) => {
            // A small document can inflate to a huge one (a zip bomb).
            let limit = super::MAX_FILE_BYTES as u64;
            entry.by_ref().take(limit + 1).read_to_string(&mut xml).map_err(|e| broken(&e))?;
            if xml.len() as u64 > limit {
                return Err(Error::UnpackedTooLarge { limit: super::MAX_FILE_BYTES });
            }
        }
        Err(e) => return Err(broken(&e)),
    }
    let text = body_text(&xml).map_err(|e| broken(&e))?;
    Ok(Decoded { text, encoding: None, format: Format::Docx, detected: true, replacements: 0, table: None })
}

/// What a zip that is not a Word document is.
fn other_kind(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> UnsupportedFormat {
    let office = archive
        .file_names()
        .filter_map(Result::ok)
        .any(|n| n.starts_with("xl/") || n.starts_with("ppt/") || n == "content.xml");
    if office {
        UnsupportedFormat::OfficeOther
    } else {
        UnsupportedFormat::Archive
    }
}

/// The paragraphs of `word/document.xml`, one per line: the text of its
/// `w:t` runs, `w:tab` as a tab, `w:br` as a line break.
fn body_text(xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => out.push('\n'),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                "p" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => out.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::CData(t) if in_text => out.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_text => super::xml::push_reference(&mut out, &r)?,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_runs_tabs_and_entities() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>中国</w:t></w:r><w:r><w:t xml:space="preserve"> &amp; 世界</w:t></w:r></w:p>
            <w:p><w:r><w:tab/><w:t>第二段&#x4E00;</w:t><w:br/><w:t>换行</w:t></w:r></w:p>
            <w:p/><w:sectPr/></w:body></w:document>"#;
        assert_eq!(body_text(xml).unwrap(), "中国 & 世界\n\t第二段一\n换行\n\n");
    }
}
