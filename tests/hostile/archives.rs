//! 2. Huge and deep archives: Word and Excel files (zip) that unpack past
//! the limit, lie about their sizes, nest, or end early.

use super::*;

/// Deflate's bits, least significant first.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, bits: u32) {
        self.acc |= value << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A Huffman code, which deflate writes most significant bit first.
    fn code(&mut self, code: u64, bits: u32) {
        let reversed = (0..bits).fold(0, |r, i| r | ((code >> i) & 1) << (bits - 1 - i));
        self.put(reversed, bits);
    }
    /// A literal byte of the fixed Huffman code.
    fn literal(&mut self, byte: u8) {
        match byte {
            0..=143 => self.code(0x30 + byte as u64, 8),
            _ => self.code(0x190 + (byte - 144) as u64, 9),
        }
    }
}

/// A deflate stream of `prefix`, `byte` `count` times, and `suffix`, made
/// by hand in one fixed-Huffman block: the run is one literal and then
/// copies of 258 bytes at distance 1 (13 bits each), so that gigabytes
/// pack into megabytes in a fraction of a second, as in a real zip bomb.
fn deflated_run(prefix: &[u8], byte: u8, count: u64, suffix: &[u8]) -> Vec<u8> {
    let mut bits = Bits { out: Vec::with_capacity((count / 150) as usize + 64), acc: 0, n: 0 };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // of the fixed code
    prefix.iter().for_each(|&b| bits.literal(b));
    bits.literal(byte);
    let mut left = count - 1;
    while left >= 258 {
        bits.code(0xC5, 8); // length 258 (symbol 285)
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    (0..left).for_each(|_| bits.literal(byte));
    suffix.iter().for_each(|&b| bits.literal(b));
    bits.code(0, 7); // the end of the block (symbol 256)
    bits.put(0, 7); // to a byte
    bits.out
}

/// An entry of a zip made by hand: its sizes and checksum are what it
/// says, true or not.
struct RawEntry<'a> {
    name: &'a str,
    deflated: &'a [u8],
    crc: u32,
    said_size: u32,
}

/// A zip archive of `entries`, with the headers they declare.
fn raw_zip(entries: &[RawEntry]) -> Vec<u8> {
    let mut zip = Vec::new();
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, n: u16| v.extend_from_slice(&n.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, n: u32| v.extend_from_slice(&n.to_le_bytes());
    for entry in entries {
        let offset = zip.len() as u32;
        let name = entry.name.as_bytes();
        u32le(&mut zip, 0x0403_4b50);
        for n in [20, 0, 8, 0, 0x21] {
            u16le(&mut zip, n); // version, flags, deflated, time, date
        }
        u32le(&mut zip, entry.crc);
        u32le(&mut zip, entry.deflated.len() as u32);
        u32le(&mut zip, entry.said_size);
        u16le(&mut zip, name.len() as u16);
        u16le(&mut zip, 0);
        zip.extend_from_slice(name);
        zip.extend_from_slice(entry.deflated);

        u32le(&mut central, 0x0201_4b50);
        for n in [20, 20, 0, 8, 0, 0x21] {
            u16le(&mut central, n); // made by, needed, flags, deflated, time, date
        }
        u32le(&mut central, entry.crc);
        u32le(&mut central, entry.deflated.len() as u32);
        u32le(&mut central, entry.said_size);
        for n in [name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut central, n); // name, extra, comment, disk, attributes
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name);
    }
    let offset = zip.len() as u32;
    zip.extend_from_slice(&central);
    u32le(&mut zip, 0x0605_4b50);
    for n in [0, 0, entries.len() as u16, entries.len() as u16] {
        u16le(&mut zip, n);
    }
    u32le(&mut zip, central.len() as u32);
    u32le(&mut zip, offset);
    u16le(&mut zip, 0);
    zip
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum()
}

const DOCUMENT_OPEN: &str = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>";
const DOCUMENT_CLOSE: &str = "</w:t></w:r></w:p></w:body></w:document>";

/// A Word document whose paragraphs are `paragraphs`.
fn document_xml(paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>")).collect();
    format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>")
}

/// The command line's error for a file it refuses, within the budget.
fn refused_by_the_command_line(file: &TempFile, what: &str) -> String {
    let run = ciyan(&["analyze", file.path()]);
    run.within_budget(what);
    assert_eq!(run.status.code(), Some(1), "{what}: {}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{what}: one line: {}", run.stderr);
    eprintln!("{what}: {}", run.stderr.trim_end());
    run.stderr
}

/// The command line's analysis of a file it reads, within the budget.
fn read_by_the_command_line(file: &TempFile, what: &str) -> serde_json::Value {
    let run = ciyan(&["analyze", "--json", file.path()]);
    run.within_budget(what);
    assert!(run.status.success(), "{what}: {}", run.stderr);
    run.json()
}

/// 2 GiB of letters in a Word document of 16 MB.
fn two_gib_docx() -> &'static [u8] {
    static DOCX: OnceLock<Vec<u8>> = OnceLock::new();
    DOCX.get_or_init(|| {
        let deflated = deflated_run(DOCUMENT_OPEN.as_bytes(), b'a', 2 << 30, DOCUMENT_CLOSE.as_bytes());
        let said_size = (DOCUMENT_OPEN.len() + DOCUMENT_CLOSE.len()) as u32 + (2u32 << 30);
        // The checksum is never reached: the reader stops at the limit.
        raw_zip(&[RawEntry { name: "word/document.xml", deflated: &deflated, crc: 0, said_size }])
    })
}

// A user drops a .docx that is a zip bomb: 16 MB that unpack to 2 GiB.
#[test]
fn a_docx_that_unpacks_to_2_gib_is_refused() {
    let docx = two_gib_docx();
    assert!(docx.len() < 20 << 20, "{} bytes packed", docx.len());
    let started = Instant::now();
    let error = ciyan::decode(docx, Some("bomb.docx"), None).unwrap_err();
    assert!(matches!(error, Error::UnpackedTooLarge { limit: MAX_FILE_BYTES }), "{error:?}");
    eprintln!("2 GiB docx: refused by the core in {:.2?}", started.elapsed());
    let file = TempFile::with("bomb.docx", docx);
    let stderr = refused_by_the_command_line(&file, "2 GiB docx");
    assert!(stderr.contains("its unpacked content is over the limit of 64 MiB"), "{stderr}");
}

// A user drops a .docx whose headers say its document is 100 bytes while it
// inflates to 2 GiB: the reader must not trust the size it is told.
#[test]
fn a_docx_that_says_it_is_small_and_unpacks_to_2_gib_is_refused() {
    let deflated = deflated_run(DOCUMENT_OPEN.as_bytes(), b'a', 2 << 30, DOCUMENT_CLOSE.as_bytes());
    let docx = raw_zip(&[RawEntry { name: "word/document.xml", deflated: &deflated, crc: 0, said_size: 100 }]);
    drop(deflated);
    let error = ciyan::decode(&docx, Some("liar.docx"), None).unwrap_err();
    // Refused as too large, or as damaged for the sizes that disagree: it is
    // not read past the limit either way (the memory budget below).
    assert!(matches!(error, Error::UnpackedTooLarge { .. } | Error::BadDocument(_)), "{error:?}");
    eprintln!("docx that says 100 bytes and unpacks to 2 GiB: {error:?}");
    let file = TempFile::with("liar.docx", &docx);
    refused_by_the_command_line(&file, "docx that says 100 bytes");
}

// A user drops a .docx whose headers claim 4 GB, or 10 bytes, for a
// document of a few hundred: nothing is allocated for the size it claims,
// and what is read is the document or a clear error.
#[test]
fn a_docx_that_lies_about_its_size_is_read_or_refused_within_budget() {
    let xml = document_xml(&[BEFORE, AFTER]);
    let deflated = deflated_run(xml.as_bytes(), b' ', 1, b"");
    let real = format!("{xml} ");
    for said_size in [real.len() as u32, 4_000_000_000, 10] {
        let docx = raw_zip(&[RawEntry {
            name: "word/document.xml",
            deflated: &deflated,
            crc: crc32(real.as_bytes()),
            said_size,
        }]);
        let what = format!("docx of {} bytes that says {said_size}", real.len());
        match ciyan::decode(&docx, Some("sizes.docx"), None) {
            Ok(decoded) => assert_eq!(decoded.text, format!("{BEFORE}\n{AFTER}\n"), "{what}"),
            Err(error) => {
                eprintln!("{what}: the core says {error:?}");
                assert!(said_size != real.len() as u32, "{what}: the true size is read: {error}");
                assert_eq!(error.code(), "bad-document", "{what}: {error:?}");
            }
        }
        let file = TempFile::with("sizes.docx", &docx);
        let run = ciyan(&["analyze", "--json", file.path()]);
        run.within_budget(&what);
        if run.status.success() {
            assert!(words_of(&run.json()).contains(&"清华大学".to_string()), "{what}");
        } else {
            assert!(run.stderr.starts_with(&format!("ciyan: {}: ", file.path())), "{what}: {}", run.stderr);
        }
    }
}

// A user drops a .docx made to exhaust an XML parser: nested entities that
// expand to 3 billion "lol"s if expanded (the "billion laughs").
#[test]
fn a_billion_laughs_docx_is_read_without_expanding_its_entities() {
    let mut doctype = String::from("<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">");
    for level in 1..=9 {
        let refs = format!("&lol{};", level - 1).repeat(10);
        doctype.push_str(&format!("<!ENTITY lol{level} \"{refs}\">"));
    }
    doctype.push_str("]>");
    let xml = format!(
        "<?xml version=\"1.0\"?>{doctype}<w:document xmlns:w=\"w\"><w:body>\
         <w:p><w:r><w:t>{BEFORE}</w:t></w:r></w:p><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>\
         <w:p><w:r><w:t>{AFTER}</w:t></w:r></w:p></w:body></w:document>"
    );
    let docx = zip(&[("word/document.xml", xml.as_bytes())]);
    let started = Instant::now();
    match ciyan::decode(&docx, Some("laughs.docx"), None) {
        Ok(decoded) => {
            assert!(decoded.text.len() < 1000, "entities expanded: {} bytes", decoded.text.len());
            assert!(decoded.text.contains(BEFORE) && decoded.text.contains(AFTER), "{}", decoded.text);
        }
        Err(error) => assert_eq!(error.code(), "bad-document", "{error:?}"),
    }
    eprintln!("billion laughs: decoded in {:.2?}", started.elapsed());
    let file = TempFile::with("laughs.docx", &docx);
    let analysis = read_by_the_command_line(&file, "billion laughs");
    assert!(words_of(&analysis).contains(&"清华大学".to_string()));
}

/// A zip of 20,000 small entries, with or without a Word document among them.
fn many_entries(with_document: bool) -> Vec<u8> {
    let names: Vec<String> = (0..20_000).map(|i| format!("word/media/image{i}.bin")).collect();
    let xml = document_xml(&[BEFORE, AFTER]);
    let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    if with_document {
        // Last, so that finding it means reading the whole directory.
        entries.push(("word/document.xml", xml.as_bytes()));
    }
    zip(&entries)
}

// A user drops a .docx of 20,000 embedded pictures (or a zip made to have
// that many entries): its text is read; without a document, it is an archive.
#[test]
fn a_zip_of_20000_entries_is_read_or_named_an_archive() {
    let started = Instant::now();
    let docx = many_entries(true);
    let decoded = ciyan::decode(&docx, Some("many.docx"), None).unwrap();
    assert_eq!(decoded.text, format!("{BEFORE}\n{AFTER}\n"));
    eprintln!("20,000 entries: made and decoded in {:.2?}", started.elapsed());
    let file = TempFile::with("many.docx", &docx);
    assert!(words_of(&read_by_the_command_line(&file, "20,000 entries")).contains(&"网易".to_string()));

    let archive = many_entries(false);
    let error = ciyan::decode(&archive, Some("many.zip"), None).unwrap_err();
    assert!(matches!(error, Error::UnsupportedFormat(ciyan::decode::UnsupportedFormat::Archive)), "{error:?}");
    let file = TempFile::with("many.zip", &archive);
    let stderr = refused_by_the_command_line(&file, "20,000 entries, no document");
    assert!(stderr.contains("an archive"), "{stderr}");
}

// A user drops a .docx with an entry 1,000 folders deep (a path of 2,000
// characters), and a .docx whose document sits that deep: the first is
// read, the second is not a Word document.
#[test]
fn a_zip_with_a_path_1000_folders_deep_is_read() {
    let deep = format!("{}x.xml", "d/".repeat(1000));
    let xml = document_xml(&[BEFORE, AFTER]);
    let docx = zip(&[(&deep, b"<x/>"), ("word/document.xml", xml.as_bytes())]);
    let decoded = ciyan::decode(&docx, Some("deep.docx"), None).unwrap();
    assert_eq!(decoded.text, format!("{BEFORE}\n{AFTER}\n"));
    let file = TempFile::with("deep.docx", &docx);
    assert!(words_of(&read_by_the_command_line(&file, "path 1,000 folders deep")).contains(&"北京".to_string()));

    let buried = format!("{}word/document.xml", "d/".repeat(1000));
    let zip = zip(&[(&buried, xml.as_bytes())]);
    let error = ciyan::decode(&zip, Some("buried.docx"), None).unwrap_err();
    assert!(matches!(error, Error::UnsupportedFormat(_)), "{error:?}");
}

// A user drops a .docx that was cut short (a download that stopped): at
// every length, a clear error or the text, never a panic.
#[test]
fn a_truncated_docx_is_refused_at_every_length() {
    let xml = document_xml(&[BEFORE, AFTER, &"长江是中国第一大河。".repeat(200)]);
    let docx = zip(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", xml.as_bytes())]);
    let mut codes = std::collections::BTreeMap::new();
    for length in (0..docx.len()).step_by(7) {
        let code = match ciyan::decode(&docx[..length], Some("cut.docx"), None) {
            Ok(_) => "read",
            Err(error) => error.code(),
        };
        *codes.entry(code).or_insert(0) += 1;
    }
    eprintln!("truncated docx, {} lengths: {codes:?}", docx.len().div_ceil(7));
    for code in codes.keys() {
        // Short of its zip directory a .docx is damaged; its first bytes
        // alone may read as an empty text or as binary.
        assert!(["bad-document", "binary", "empty-text", "read"].contains(code), "{code}");
    }
    assert!(codes.get("bad-document").copied().unwrap_or(0) > 0);
    let file = TempFile::with("cut.docx", &docx[..docx.len() / 2]);
    let stderr = refused_by_the_command_line(&file, "truncated docx");
    assert!(stderr.contains(file.path()), "{stderr}");
}

// A user drops an .xlsx whose first sheet is one cell that unpacks to 2 GiB.
#[test]
fn an_xlsx_whose_sheet_unpacks_past_the_limit_is_refused() {
    let open = "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>";
    let close = "</t></is></c></row></sheetData></worksheet>";
    let sheet = deflated_run(open.as_bytes(), b'a', 2 << 30, close.as_bytes());
    let workbook = deflated_run(b"<workbook/", b'>', 1, b"");
    let xlsx = raw_zip(&[
        RawEntry { name: "xl/workbook.xml", deflated: &workbook, crc: crc32(b"<workbook/>"), said_size: 11 },
        RawEntry { name: "xl/worksheets/sheet1.xml", deflated: &sheet, crc: 0, said_size: u32::MAX },
    ]);
    drop(sheet);
    let started = Instant::now();
    let error = ciyan::decode(&xlsx, Some("bomb.xlsx"), None).unwrap_err();
    assert!(matches!(error, Error::UnpackedTooLarge { limit: MAX_FILE_BYTES }), "{error:?}");
    eprintln!("2 GiB xlsx sheet: refused by the core in {:.2?}", started.elapsed());
    let file = TempFile::with("bomb.xlsx", &xlsx);
    let stderr = refused_by_the_command_line(&file, "2 GiB xlsx sheet");
    assert!(stderr.contains("its unpacked content is over the limit of 64 MiB"), "{stderr}");
}
