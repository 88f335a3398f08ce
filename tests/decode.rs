//! Decoding what users drop, on the fixtures of
//! `tests/fixtures/make_input_fixtures.py`, and the bad-input classes of the
//! analyzer: each gives a result or a clear error, never a panic.

use ciyan::decode::{UnsupportedFormat, MAX_FILE_BYTES};
use ciyan::{decode, Error, Format, Options, Segmenter};
use std::sync::OnceLock;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/input/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn decoded(name: &str) -> ciyan::Decoded {
    decode(&fixture(name), Some(name), None).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn analyzer() -> &'static Segmenter {
    static A: OnceLock<Segmenter> = OnceLock::new();
    A.get_or_init(Segmenter::new)
}

fn words(text: &str) -> Vec<String> {
    analyzer().analyze(text, &Options::default()).unwrap().words.into_iter().map(|w| w.word).collect()
}

const SIMPLIFIED_START: &str = "长江是中国第一大河";
const TRADITIONAL_START: &str = "臺灣位於東亞";

#[test]
fn utf8_with_and_without_bom() {
    for name in ["utf8.txt", "utf8-bom.txt"] {
        let d = decoded(name);
        assert!(d.text.starts_with(SIMPLIFIED_START), "{name}: {:?}", &d.text[..20]);
        assert_eq!((d.encoding, d.format, d.detected, d.replacements), (Some("UTF-8"), Format::Text, true, 0));
    }
}

#[test]
fn gb18030_is_detected() {
    let d = decoded("gb18030.txt");
    assert_eq!(d.encoding, Some("GB18030"));
    assert!(d.text.starts_with(SIMPLIFIED_START));
    assert!(words(&d.text).contains(&"长江".to_string()));
}

#[test]
fn big5_is_detected_and_traditional_text_decodes() {
    let d = decoded("big5.txt");
    assert_eq!(d.encoding, Some("Big5"));
    assert_eq!(d.text, String::from_utf8(fixture("utf8-traditional.txt")).unwrap());
    assert!(d.text.starts_with(TRADITIONAL_START));
}

#[test]
fn utf16_with_a_bom_either_way_and_without_one() {
    assert_eq!(decoded("utf16le-bom.txt").encoding, Some("UTF-16LE"));
    assert_eq!(decoded("utf16be-bom.txt").encoding, Some("UTF-16BE"));
    for name in ["utf16le-bom.txt", "utf16be-bom.txt"] {
        assert!(decoded(name).text.starts_with(SIMPLIFIED_START), "{name}");
    }
    let d = decoded("utf16le-nobom.txt");
    assert_eq!(d.encoding, Some("UTF-16LE"));
    assert!(d.text.starts_with("Chinese text: 长江"));
}

#[test]
fn a_chosen_encoding_overrides_detection() {
    let bytes = fixture("gb18030.txt");
    let d = decode(&bytes, None, Some("big5")).unwrap();
    assert_eq!((d.encoding, d.detected), (Some("Big5"), false));
    assert!(!d.text.starts_with(SIMPLIFIED_START));
    let d = decode(&bytes, None, Some("GBK")).unwrap();
    assert_eq!(d.encoding, Some("GB18030"));
    assert!(d.text.starts_with(SIMPLIFIED_START));
    // Bytes that are not valid in the chosen encoding are replaced and counted.
    let d = decode(&bytes, None, Some("utf-8")).unwrap();
    assert!(d.replacements > 0);
    assert!(matches!(decode(&bytes, None, Some("no-such")), Err(Error::UnknownEncoding(_))));
}

#[test]
fn word_documents_give_their_paragraphs() {
    let d = decoded("sample.docx");
    assert_eq!((d.format, d.encoding), (Format::Docx, None));
    assert!(d.text.starts_with(SIMPLIFIED_START));
    assert!(d.text.ends_with("A & B <tag>\n"));
    assert_eq!(d.text.lines().count(), 3);
}

#[test]
fn web_pages_give_their_body_text_only() {
    for name in ["page.html", "page-gbk.html"] {
        let d = decoded(name);
        assert_eq!(d.format, Format::Html, "{name}");
        assert!(d.text.starts_with("黄河新闻\n"), "{name}: {}", d.text);
        assert!(d.text.contains("黄河\u{a0}水利 <script> 工程"), "{name}: entities decoded, shown as text");
        for hidden in ["网页标题", "样式里的字", "脚本里的字", "__pwned", "onerror"] {
            assert!(!d.text.contains(hidden), "{name}: {hidden}");
        }
    }
    assert_eq!(decoded("page-gbk.html").encoding, Some("GB18030"));
    // HTML pasted into a .txt file is text, as typed.
    let d = decode(b"<p>not a page</p>", Some("notes.txt"), None).unwrap();
    assert_eq!((d.format, d.text.as_str()), (Format::Text, "<p>not a page</p>"));
}

/// A damaged byte in a web page's markup, head or script goes with them:
/// only replacements the body text shows are counted, so that "N bytes
/// replaced with �" is true of the text analysed. Found by the `decode`
/// fuzz target.
#[test]
fn replacements_in_a_web_page_are_those_of_its_body() {
    // As minimised: the byte Big5 cannot read is part of a tag name.
    let d = decode(b"<h\xFF", Some("a.xhtml"), Some("big5")).unwrap();
    assert_eq!((d.format, d.text.as_str(), d.replacements), (Format::Html, "\n", 0));
    let page = b"<html><head><title>\xFF</title><script>\xFE</script></head><body><p>\xE4\xB8\xAD\xFF\xE6\x96\x87</p>";
    let d = decode(page, None, Some("utf-8")).unwrap();
    assert_eq!((d.text.as_str(), d.replacements), ("中\u{FFFD}文\n", 1));
    // A U+FFFD written in the page is no replacement.
    let d = decode("<html><p>&#0; \u{FFFD}</p>".as_bytes(), None, None).unwrap();
    assert_eq!((d.text.as_str(), d.replacements), ("\u{FFFD} \u{FFFD}\n", 0));
}

/// A web page's encoding as a browser finds it: a byte-order mark outranks
/// `<meta charset>`, and a `<meta>` that can be read as ASCII is not in
/// UTF-16, whatever it says. Found by the invariants of the `decode` fuzz
/// target.
#[test]
fn a_byte_order_mark_outranks_meta_charset_and_meta_never_means_utf16() {
    let page = "\u{FEFF}<html><meta charset=gb2312><p>中文</p>";
    let d = decode(page.as_bytes(), None, None).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), (Some("UTF-8"), "中文\n"));
    let page = "<html><meta charset=\"utf-16\"><p>中文</p>";
    let d = decode(page.as_bytes(), None, None).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), (Some("UTF-8"), "中文\n"));
    // Chosen, UTF-16 is read as UTF-16.
    let d = decode(page.as_bytes(), None, Some("utf-16le")).unwrap();
    assert_eq!((d.encoding, d.detected), (Some("UTF-16LE"), false));
}

#[test]
fn pdfs_images_old_office_files_and_archives_are_refused_with_a_reason() {
    let refused = |name: &str| decode(&fixture(name), Some(name), None).unwrap_err();
    assert_eq!(refused("document.pdf"), Error::UnsupportedFormat(UnsupportedFormat::Pdf));
    assert_eq!(refused("image.png"), Error::UnsupportedFormat(UnsupportedFormat::Image));
    assert_eq!(refused("legacy.doc"), Error::UnsupportedFormat(UnsupportedFormat::LegacyOffice));
    assert_eq!(refused("sheet.xlsx"), Error::UnsupportedFormat(UnsupportedFormat::OfficeOther));
    assert!(refused("document.pdf").to_string().contains("PDF"));
    assert_eq!(refused("document.pdf").details().format, Some("pdf"));
    assert_eq!(decode(b"\x1f\x8b\x08\0\0\0", None, None), Err(Error::UnsupportedFormat(UnsupportedFormat::Archive)));
}

#[test]
fn binaries_are_refused() {
    assert_eq!(decode(&fixture("binary.bin"), Some("binary.bin"), None), Err(Error::Binary));
    let elf = [b"\x7fELF\x02\x01\x01".as_slice(), &[0u8; 64]].concat();
    assert_eq!(decode(&elf, None, None), Err(Error::Binary));
    // Control characters without NULs: still not text.
    let controls: Vec<u8> = (0..400u32).map(|i| [0x01, 0x02, 0x03, 0x80, 0xFE][i as usize % 5]).collect();
    assert_eq!(decode(&controls, None, None), Err(Error::Binary));
}

/// The line between a damaged text and a binary: UTF-8 with a few broken
/// bytes is read (the broken bytes replaced and counted); random bytes, an
/// executable and an image are not, with or without NUL bytes.
#[test]
fn damaged_utf8_is_text_and_random_bytes_are_not() {
    let sample =
        std::fs::read(format!("{}/www/samples/wangyi-press-conference-2024-03-07.txt", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let mut damaged = sample.clone();
    let step = damaged.len() / 50;
    for i in 0..50 {
        damaged[i * step + step / 2] = 0xFF;
    }
    let d = decode(&damaged, Some("sample.txt"), None).unwrap();
    assert_eq!((d.encoding, d.detected), (Some("UTF-8"), true));
    // Each 0xFF breaks the character it lands in: itself and the rest of
    // that character's bytes are replaced.
    assert!((50..=150).contains(&d.replacements), "{} replacements", d.replacements);
    assert_eq!(d.text.chars().count(), String::from_utf8_lossy(&damaged).chars().count());
    assert!(words(&d.text).contains(&"中方".to_string()));

    // Random bytes from a fixed xorshift, once as they come and once with
    // every NUL made 0x01 (so the NUL check alone cannot refuse them).
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let random: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    assert_eq!(decode(&random, Some("random.txt"), None), Err(Error::Binary));
    let without_nul: Vec<u8> = random.iter().map(|&b| b.max(1)).collect();
    assert_eq!(decode(&without_nul, Some("random.txt"), None), Err(Error::Binary));
    let mut elf = b"\x7fELF\x02\x01\x01\0".to_vec();
    elf.extend_from_slice(&random[..4096]);
    assert_eq!(decode(&elf, Some("ciyan"), None), Err(Error::Binary));
    assert!(matches!(decode(&fixture("image.png"), Some("a.txt"), None), Err(Error::UnsupportedFormat(_))));
}

#[test]
fn a_broken_word_document_says_so() {
    let mut bytes = fixture("sample.docx");
    bytes.truncate(bytes.len() / 2);
    let e = decode(&bytes, Some("broken.docx"), None).unwrap_err();
    assert_eq!(e.code(), "bad-document");
}

#[test]
fn files_over_the_limit_are_refused_before_reading() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert!(matches!(decode(&big, None, None), Err(Error::FileTooLarge { .. })));
}

#[test]
fn empty_and_blank_files_decode_and_then_say_they_are_empty() {
    for bytes in [&b""[..], b"   \n\t", b"\xef\xbb\xbf"] {
        let d = decode(bytes, Some("empty.txt"), None).unwrap();
        assert_eq!(analyzer().analyze(&d.text, &Options::default()), Err(Error::EmptyText));
    }
}

#[test]
fn text_without_han_characters_emoji_and_combining_marks() {
    for text in [
        "Hello, world. Nothing Chinese here.",
        "😀😃🎉👍🏽 表情 😀",
        "e\u{301}te\u{301} ca\u{300}fe\u{301}",
        "ＡＢＣ全角字母１２３",
    ] {
        let a = analyzer().analyze(text, &Options::default()).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert!(a.words.iter().all(|w| ciyan::text::is_word(&w.word)), "{text}");
    }
}

#[test]
fn one_300000_character_line_without_punctuation() {
    let line: String = "中华人民共和国成立于一九四九年".chars().cycle().take(300_000).collect();
    let a = analyzer().analyze(&line, &Options::default()).unwrap();
    assert_eq!(a.counts.han_characters, 300_000);
    assert_eq!(a.counts.sentences, 1);
    assert!(a.words.iter().any(|w| w.word == "中华人民共和国"));
}

#[test]
fn script_in_the_text_is_text() {
    let text = "<script>alert(1)</script> 北京 <img src=x onerror=\"alert(2)\"> 上海 javascript:alert(3)";
    let a = analyzer().analyze(text, &Options::default()).unwrap();
    let words: Vec<&str> = a.words.iter().map(|w| w.word.as_str()).collect();
    assert!(words.contains(&"北京") && words.contains(&"script") && words.contains(&"onerror"));
}

fn summary(text: &str) -> ciyan::Analysis {
    analyzer().analyze(text, &Options::default()).unwrap()
}

fn top_keywords(analysis: &ciyan::Analysis) -> Vec<&str> {
    analysis.keywords.tfidf.iter().chain(&analysis.keywords.textrank).map(|k| k.word.as_str()).collect()
}

/// Issue 21: in a Markdown newsletter the keywords were led by https,
/// cdn.beekka.com, blogimg, asset, github.com, `##` and `--`. A `.md` file
/// is read as a web page is: headings on lines of their own, the words of
/// links kept, addresses, images, fenced code and markup dropped.
#[test]
fn markdown_is_read_as_its_text() {
    let d = decoded("newsletter.md");
    assert_eq!(d.format, Format::Markdown);
    let lines: Vec<&str> = d.text.lines().collect();
    assert_eq!(lines[0], "科技周刊（第 300 期）");
    assert!(lines.contains(&"封面图") && lines.contains(&"本周话题：开源软件的维护者"), "{lines:?}");
    assert!(d.text.contains("本杂志开源，欢迎投稿。"), "link text kept, target dropped");
    assert!(d.text.contains("维护者的心声：一位维护者"));
    assert!(d.text.contains("项目 语言 星标\n数据库 C 5000"), "a table row a line, no pipes");
    for gone in ["https://github.com", "beekka", "](", "**", "##", "```", "npm install", "| ---", "---\n"] {
        assert!(!d.text.contains(gone), "{gone} in {}", d.text);
    }
}

/// Issue 21: a URL, an e-mail address or a path in text is no word and no
/// keyword, and the word list and both keyword lists follow that one rule;
/// nor is a run of markup punctuation (`##`, `--`, `**`).
#[test]
fn addresses_and_markup_are_no_words_in_any_list() {
    let raw = String::from_utf8(fixture("newsletter.md")).unwrap();
    for text in [raw.as_str(), decoded("newsletter.md").text.as_str()] {
        let a = summary(text);
        let words: Vec<&str> = a.words.iter().map(|w| w.word.as_str()).collect();
        for not_a_word in ["https", "cdn", "beekka", "blogimg", "asset", "github", "com", "weekly", "editor", "usr", "Users", "CONTRIBUTING", "sqlite", "##", "--", "---", "**"] {
            assert!(!words.contains(&not_a_word), "word list: {not_a_word}");
            assert!(!top_keywords(&a).contains(&not_a_word), "keywords: {not_a_word}: {:?}", top_keywords(&a));
        }
        // Each keyword is a word of the word list.
        for k in top_keywords(&a) {
            assert!(words.contains(&k), "{k} is a keyword but no word");
        }
        assert_eq!(a.keywords.tfidf[0].word, "维护者", "{:?}", top_keywords(&a));
    }
    // The words around an address stay, each in its place.
    let text = "详见https://sqlite.org/wasm/doc/index.md的说明。写信到 editor@example.com 交流。";
    let a = summary(text);
    let words: Vec<&str> = a.words.iter().map(|w| w.word.as_str()).collect();
    assert!(words.contains(&"详见") && words.contains(&"说明") && words.contains(&"交流"), "{words:?}");
    assert!(words.iter().all(|w| !w.is_ascii()), "{words:?}");
    // Search mode counts by the same rule.
    let options = Options { mode: ciyan::SegmentMode::Search, ..Options::default() };
    let a = analyzer().analyze(text, &options).unwrap();
    assert!(a.words.iter().all(|w| !w.word.is_ascii()), "{:?}", a.words);
}

/// Issue 21: in a .srt the top keywords were 00, 120, -- and 900 (the
/// timings); a .vtt added align, start and position, and its voice tag
/// became part of a section's label.
#[test]
fn subtitles_are_read_as_their_spoken_lines() {
    let expected = "主持人：欢迎收看今天的节目。\n王毅：谢谢主持人，很高兴和大家交流。\n主持人：请您谈谈今年的外交工作。\n\
                    王毅：今年中国外交将坚定维护国家主权、安全和发展利益。我们将继续推动构建人类命运共同体。\n";
    for name in ["interview.vtt", "interview.ass"] {
        let d = decoded(name);
        assert_eq!((d.format, d.text.as_str()), (Format::Subtitles, expected), "{name}");
    }
    let srt = decoded("interview.srt");
    assert_eq!(srt.text.lines().count(), 5);
    assert!(srt.text.starts_with("欢迎收看今天的节目。\n谢谢主持人"), "{}", srt.text);
    for name in ["interview.srt", "interview.vtt", "interview.ass"] {
        let a = summary(&decoded(name).text);
        let words: Vec<&str> = a.words.iter().map(|w| w.word.as_str()).collect();
        assert!(words.iter().all(|w| !w.chars().any(|c| c.is_ascii_alphanumeric())), "{name}: {words:?}");
        assert!(top_keywords(&a).contains(&"外交"), "{name}");
    }
    // The speakers are the structure's turns.
    let d = analyzer().document(decoded("interview.vtt").text, true).unwrap();
    let turns = ciyan::analyses::sections::sections(&d, &ciyan::analyses::sections::SectionBy::Speaker, ciyan::document::Unit::Scalar);
    let labels: Vec<&str> = turns.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["主持人", "王毅", "主持人", "王毅"]);
}

/// Issue 21: a table of posts was read as text, its top keywords 10 and 00
/// from the dates. A CSV, a TSV, JSON Lines or an Excel workbook (its first
/// sheet) is a table: its text column found, each row a paragraph of the
/// text, the other columns kept.
#[test]
fn tables_are_read_as_rows_with_a_text_column() {
    for name in ["reviews.csv", "reviews.tsv", "reviews.jsonl", "reviews.xlsx"] {
        let d = decoded(name);
        assert_eq!(d.format, Format::Table, "{name}");
        let table = d.table.as_ref().unwrap();
        assert_eq!(table.columns, ["id", "date", "rating", "label", "text"], "{name}");
        assert_eq!((table.rows.len(), table.text_column), (12, 4), "{name}");
        assert_eq!(table.rows[3][4], "用了三天就卡顿，发热严重，\n后悔购买。", "{name}");
        assert_eq!(table.rows[4][4], "朋友推荐的，外观漂亮，\"系统\"流畅，值得购买。", "{name}");
        assert!(d.text.starts_with("物流很快，包装完好，手机运行流畅，非常满意。\n\n屏幕有划痕"), "{name}");
        let a = summary(&d.text);
        let words: Vec<&str> = a.words.iter().map(|w| w.word.as_str()).collect();
        for not_text in ["2024", "03", "1001", "正面", "负面", "id", "date", "text"] {
            assert!(!words.contains(&not_text) && !top_keywords(&a).contains(&not_text), "{name}: {not_text}");
        }
    }
    // Excel's GB18030 export reads as well.
    let gbk = String::from_utf8(fixture("reviews.csv")).unwrap().trim_start_matches('\u{FEFF}').to_string();
    let (bytes, _, _) = encoding_rs::GB18030.encode(&gbk);
    let d = decode(&bytes, Some("导出.CSV"), None).unwrap();
    assert_eq!((d.encoding, d.table.unwrap().rows[0][3].as_str()), (Some("GB18030"), "正面"));
    // A workbook's numbers are its cells' values; a workbook with no sheet is refused.
    let d = decoded("reviews.xlsx");
    assert_eq!((d.encoding, d.table.as_ref().unwrap().rows[11][..3].join(",")), (None, "1012,2024-03-09,2".to_string()));
}

/// The new readers on damaged input (cut short anywhere, bytes flipped):
/// a result or an error, never a panic, and a table's text is always its
/// text column's. (The `decode` fuzz target covers them too.)
#[test]
fn damaged_markdown_subtitles_and_tables_never_panic() {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for name in ["newsletter.md", "interview.srt", "interview.vtt", "interview.ass", "reviews.csv", "reviews.tsv", "reviews.jsonl", "reviews.xlsx"] {
        let bytes = fixture(name);
        let mut inputs: Vec<Vec<u8>> = (0..bytes.len()).step_by(7).map(|end| bytes[..end].to_vec()).collect();
        for _ in 0..300 {
            let mut damaged = bytes.clone();
            for _ in 0..1 + next() % 4 {
                let at = (next() % damaged.len() as u64) as usize;
                damaged[at] = [b'<', b'{', b'"', b',', b'\n', b'>', b'}', 0xFF, b'[', b'('][(next() % 10) as usize];
            }
            inputs.push(damaged);
        }
        for input in inputs {
            if let Ok(d) = decode(&input, Some(name), None) {
                if let Some(table) = &d.table {
                    assert_eq!(d.text, table.text_of(table.text_column), "{name}");
                }
            }
        }
    }
}
