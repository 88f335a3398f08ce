//! What a file is, from its first bytes.

use super::UnsupportedFormat;

pub(super) enum Kind {
    /// A format Ciyan does not read.
    Unsupported(UnsupportedFormat),
    /// A zip archive: a Word document, or another Office file or archive.
    Zip,
    /// Anything else: text, or a binary the decoder refuses.
    Other,
}

pub(super) fn kind(bytes: &[u8]) -> Kind {
    use UnsupportedFormat::*;
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"%PDF-") {
        Kind::Unsupported(Pdf)
    } else if starts(b"\x89PNG\r\n\x1a\n")
        || starts(b"\xFF\xD8\xFF")
        || starts(b"GIF87a")
        || starts(b"GIF89a")
        || (starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
        || starts(b"II*\0")
        || starts(b"MM\0*")
    {
        Kind::Unsupported(Image)
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Kind::Unsupported(LegacyOffice)
    } else if starts(b"PK\x03\x04") {
        Kind::Zip
    } else if starts(b"\x1F\x8B") || starts(b"7z\xBC\xAF\x27\x1C") || starts(b"Rar!\x1A\x07") {
        Kind::Unsupported(Archive)
    } else {
        Kind::Other
    }
}
