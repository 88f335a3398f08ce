//! Any bytes, as a dropped file: decoding and then analysing must give a
//! result or an error, never a panic, whatever the bytes and options.
#![no_main]

use std::sync::OnceLock;

use ciyan::{Segmenter, Options, SegmentMode};
use libfuzzer_sys::fuzz_target;

fn analyzer() -> &'static Segmenter {
    static A: OnceLock<Segmenter> = OnceLock::new();
    A.get_or_init(Segmenter::new)
}

const ENCODINGS: [Option<&str>; 4] = [None, Some("gb18030"), Some("big5"), Some("utf-16le")];
const NAMES: [Option<&str>; 4] = [None, Some("a.txt"), Some("a.html"), Some("a.docx")];

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file name, the encoding and the options.
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[usize::from(pick & 3)];
    let encoding = ENCODINGS[usize::from((pick >> 2) & 3)];
    let Ok(decoded) = ciyan::decode(bytes, name, encoding) else { return };
    let options = Options {
        mode: [SegmentMode::Precise, SegmentMode::Search, SegmentMode::Full][usize::from(pick >> 4) % 3],
        hmm: pick & 0x40 == 0,
        stopwords: pick & 0x80 == 0,
        top_k: 5,
        keyword_pos: None,
    };
    let _ = analyzer().analyze(&decoded.text, &options);
});
