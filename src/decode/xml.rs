//! What the Office readers (`docx.rs`, `xlsx.rs`) share of XML.

use quick_xml::events::BytesRef;

/// Appends the character an entity or character reference stands for
/// (`&amp;`, `&#x4E2D;`); an entity XML does not predefine adds nothing.
pub(super) fn push_reference(out: &mut String, r: &BytesRef) -> Result<(), quick_xml::Error> {
    if let Some(c) = r.resolve_char_ref()? {
        out.push(c);
    } else {
        out.push_str(match r.as_ref() {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "apos" => "'",
            "quot" => "\"",
            _ => "",
        });
    }
    Ok(())
}
