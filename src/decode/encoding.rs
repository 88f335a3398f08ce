//! Bytes to text: byte-order marks, UTF-8, UTF-16, and the legacy
//! encodings chardetng (Firefox's detector) recognises.

use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GB18030, GBK, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::{Decoded, Format};
use crate::error::Error;

/// The encodings a user may choose, in the order a menu shows them, by
/// their [`display_name`]s (each is also a label [`by_label`] reads).
pub fn supported_encodings() -> Vec<&'static str> {
    [UTF_8, GB18030, BIG5, UTF_16LE, UTF_16BE, SHIFT_JIS, EUC_JP, EUC_KR, WINDOWS_1252]
        .into_iter()
        .map(display_name)
        .collect()
}

/// The name users know an encoding by: encoding_rs's, but GB18030 in
/// capitals as the standard writes it.
pub(super) fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// The encoding a label names (`gb2312`, `GBK`, `big5`, `utf-16le`, …).
pub(super) fn by_label(label: &str) -> Result<&'static Encoding, Error> {
    Encoding::for_label(label.trim().as_bytes()).map(widen).ok_or_else(|| Error::UnknownEncoding(label.to_string()))
}

/// GB18030 reads everything GBK (and GB2312) does, and more.
fn widen(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == GBK {
        GB18030
    } else {
        encoding
    }
}

/// How much of a large file the detector reads.
const DETECTOR_BYTES: usize = 1 << 20;

/// Decodes `bytes` with `chosen`, or else what the bytes say they are.
/// `detected` is reported back: whether the caller left the choice to us.
pub(super) fn decode_text(bytes: &[u8], chosen: Option<&'static Encoding>, detected: bool) -> Result<Decoded, Error> {
    let encoding = match chosen {
        Some(encoding) => encoding,
        None => detect(bytes)?,
    };
    let (text, _) = encoding.decode_with_bom_removal(bytes);
    let text = text.into_owned();
    if detected && looks_binary(&text) {
        return Err(Error::Binary);
    }
    let replacements = text.matches('\u{FFFD}').count() - bytes_fffd(bytes, encoding);
    Ok(Decoded { text, encoding: Some(display_name(encoding)), format: Format::Text, detected, replacements, table: None })
}

/// U+FFFD written in the file itself (UTF-8 only) is no replacement.
fn bytes_fffd(bytes: &[u8], encoding: &'static Encoding) -> usize {
    if encoding == UTF_8 {
        bytes.windows(3).filter(|w| *w == "\u{FFFD}".as_bytes()).count()
    } else {
        0
    }
}

fn detect(bytes: &[u8]) -> Result<&'static Encoding, Error> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Ok(encoding);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(UTF_8);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(encoding);
    }
    if mostly_utf8(bytes) {
        return Ok(UTF_8);
    }
    // Text in a legacy encoding has no NUL bytes; a binary usually has many.
    if bytes.contains(&0) {
        return Err(Error::Binary);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(DETECTOR_BYTES)];
    detector.feed(head, head.len() == bytes.len());
    Ok(widen(detector.guess(None, chardetng::Utf8Detection::Deny)))
}

/// UTF-16 without a byte-order mark, told by its zero bytes (ASCII in
/// UTF-16LE has them at odd offsets, in UTF-16BE at even ones, a binary
/// anywhere) and by reading as text: Han, ASCII and CJK punctuation.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // Han characters such as 一 (U+4E00) put a few zeros on the other side.
    let (encoding, units): (&'static Encoding, Vec<u16>) = if odd > 0 && even * 8 <= odd {
        (UTF_16LE, head.chunks(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect())
    } else if even > 0 && odd * 8 <= even {
        (UTF_16BE, head.chunks(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect())
    } else {
        return None;
    };
    let (mut chars, mut plausible) = (0usize, 0usize);
    for c in char::decode_utf16(units) {
        let Ok(c) = c else { return None };
        chars += 1;
        let textual = matches!(c, ' '..='~' | '\t' | '\n' | '\r' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
            || crate::text::is_han(c);
        plausible += usize::from(textual);
    }
    (plausible * 10 >= chars * 9).then_some(encoding)
}

/// Whether `bytes` are UTF-8 with a few damaged bytes (a bad sector, a cut
/// download, a stray byte from an editor): at least twenty well-formed
/// characters beyond ASCII for each malformed sequence. Text in a legacy
/// encoding breaks UTF-8 at nearly every Han character and forms a
/// multi-byte UTF-8 character only by chance, and so does a binary.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut malformed, mut multibyte) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        malformed += usize::from(!chunk.invalid().is_empty());
    }
    multibyte >= 20 * malformed.max(1)
}

/// Whether decoded text is really a binary: control characters other than
/// white space in more than one character of a hundred.
fn looks_binary(text: &str) -> bool {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(1 << 20) {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            controls += 1;
        }
    }
    controls * 100 > chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_labels_decode_as_gb18030() {
        assert_eq!(by_label("gbk").unwrap(), GB18030);
        assert_eq!(by_label("GB2312").unwrap(), GB18030);
        assert_eq!(by_label(" big5 ").unwrap(), BIG5);
        assert!(matches!(by_label("klingon"), Err(Error::UnknownEncoding(_))));
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_zero_bytes() {
        let le: Vec<u8> = "Hello, 世界 and more ASCII text".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(utf16_without_bom(&le), Some(UTF_16LE));
        let be: Vec<u8> = "Hello, 世界 and more ASCII text".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_without_bom(&be), Some(UTF_16BE));
        assert_eq!(utf16_without_bom("纯中文".as_bytes()), None);
        assert_eq!(utf16_without_bom(&[0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00]), None);
    }

    #[test]
    fn utf8_with_a_few_damaged_bytes_is_still_utf8() {
        let mut bytes = "中文文本，有几处损坏的字节。".repeat(20).into_bytes();
        bytes[30] = 0xFF;
        bytes[300] = 0xFF;
        assert!(mostly_utf8(&bytes));
        let gbk: Vec<u8> = GB18030.encode(&"中文文本，有几处损坏的字节。".repeat(20)).0.into_owned();
        assert!(!mostly_utf8(&gbk));
        assert!(!mostly_utf8(b"caf\xE9 cr\xE8me br\xFBl\xE9e, plain Latin-1 text"));
    }

    #[test]
    fn control_characters_make_a_binary() {
        assert!(looks_binary("abc\x01\x02\x03\x04"));
        assert!(!looks_binary("第一行\n\t第二行\r\n"));
    }
}
