//! Ciyan's dictionary file against the data jieba-rs embeds: the same
//! dictionary, the same HMM tags for unknown words, on real text.
//!
//! jieba-rs is a dev-dependency with its `default-dict` feature here, so the
//! reference is jieba-rs itself, not a copy of its results.

#![cfg(not(target_arch = "wasm32"))]

use ciyan::Segmenter;
use jieba_rs::Jieba;

fn texts() -> Vec<(&'static str, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/");
    ["www/samples/wangyi-press-conference-2024-03-07.txt", "tests/fixtures/hongloumeng-200k.txt"]
        .into_iter()
        .map(|path| (path, std::fs::read_to_string(format!("{dir}{path}")).unwrap()))
        .collect()
}

#[test]
fn tags_and_cuts_are_jieba_rs_with_its_own_data() {
    let ours = Segmenter::new();
    let theirs = Jieba::new();
    for (name, text) in texts() {
        for hmm in [true, false] {
            let expected: Vec<(&str, &str)> = theirs.tag(&text, hmm).into_iter().map(|t| (t.word, t.tag)).collect();
            let got = ours.tag(&text, hmm);
            assert_eq!(got.len(), expected.len(), "{name}, hmm {hmm}: token count");
            let diffs: Vec<_> = got.iter().zip(&expected).filter(|(a, b)| a != b).take(10).collect();
            assert!(diffs.is_empty(), "{name}, hmm {hmm}: ours vs jieba-rs {diffs:?}");
            // Unknown words are there, so the HMM tagger was exercised.
            if hmm {
                let oov = got.iter().filter(|(w, t)| *t != "x" && w.chars().count() > 1 && !theirs.has_word(w)).count();
                assert!(oov > 10, "{name}: only {oov} unknown words tagged");
            }
        }
    }
}

#[test]
fn unknown_words_alone_get_jieba_rs_tags() {
    let ours = Segmenter::new();
    let theirs = Jieba::new();
    for word in ["王毅", "贾宝玉", "黛玉", "宝钗", "袭人", "刘姥姥", "习近平", "一带一路", "碳中和", "鑫淼", "𠮷野家"]
    {
        let expected: Vec<(&str, &str)> = theirs.tag(word, false).into_iter().map(|t| (t.word, t.tag)).collect();
        assert_eq!(ours.tag(word, false), expected, "{word}");
    }
}
