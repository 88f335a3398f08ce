//! The core's answer on real and edge-case texts.

use ciyan::{Error, Options, SegmentMode, Segmenter};
use std::sync::OnceLock;

fn analyzer() -> &'static Segmenter {
    static A: OnceLock<Segmenter> = OnceLock::new();
    A.get_or_init(Segmenter::new)
}

fn sample() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples/wangyi-press-conference-2024-03-07.txt"))
        .unwrap()
}

#[test]
fn the_sample_is_about_china_its_diplomacy_and_wang_yi() {
    let a = analyzer().analyze(&sample(), &Options::default()).unwrap();
    assert_eq!(a.words[0].word, "中国");
    assert_eq!(a.keywords.tfidf[0].word, "中国");
    assert_eq!(a.keywords.tfidf.len(), 20);
    assert_eq!(a.keywords.textrank.len(), 20);
    assert!(a.entities.people.iter().any(|p| p.word == "王毅"));
    assert!(a.entities.places.iter().any(|p| p.word == "美国"));
    assert!(a.entities.organizations.iter().any(|p| p.word == "联合国"));
    assert_eq!(a.counts.distinct_words, a.words.len());
}

#[test]
fn the_word_list_is_sorted_and_never_holds_punctuation_or_stopwords() {
    let a = analyzer().analyze(&sample(), &Options::default()).unwrap();
    assert!(a.words.windows(2).all(|p| p[0].count >= p[1].count));
    assert!(a.words.iter().all(|w| ciyan::text::is_word(&w.word)));
    assert!(a.words.iter().all(|w| !ciyan::stopwords::is_stopword(&w.word)));
    assert!(!a.keywords.tfidf.iter().any(|k| ciyan::stopwords::is_stopword(&k.word)));
}

#[test]
fn stopwords_off_keeps_function_words_but_not_punctuation() {
    let a = analyzer().analyze(&sample(), &Options { stopwords: false, ..Options::default() }).unwrap();
    assert!(a.words.iter().any(|w| w.word == "的"));
    assert!(a.words.iter().all(|w| ciyan::text::is_word(&w.word)));
    let with = analyzer().analyze(&sample(), &Options::default()).unwrap();
    assert_eq!(a.counts.tokens, with.counts.tokens, "tokens count every word, stopwords included");
    assert!(a.counts.distinct_words > with.counts.distinct_words);
}

#[test]
fn counts_of_a_small_text() {
    let a = analyzer()
        .analyze("我爱北京天安门。天安门上太阳升！\n", &Options { stopwords: false, ..Options::default() })
        .unwrap();
    assert_eq!(a.counts.characters, 16);
    assert_eq!(a.counts.han_characters, 14);
    assert_eq!(a.counts.sentences, 2);
    assert_eq!(a.counts.tokens, 7, "我 爱 北京 天安门 天安门 上 太阳升");
    let tiananmen = a.words.iter().find(|w| w.word == "天安门").unwrap();
    assert_eq!((tiananmen.count, tiananmen.pos.as_str()), (2, "ns"));
}

#[test]
fn search_and_full_modes_find_the_parts_of_long_words() {
    let text = "小明硕士毕业于中国科学院计算所";
    let words = |mode| -> Vec<String> {
        let o = Options { mode, stopwords: false, ..Options::default() };
        analyzer().analyze(text, &o).unwrap().words.into_iter().map(|w| w.word).collect()
    };
    assert!(!words(SegmentMode::Precise).contains(&"科学".to_string()));
    assert!(words(SegmentMode::Search).contains(&"科学".to_string()));
    assert!(words(SegmentMode::Full).contains(&"科学院".to_string()));
    let full = analyzer().analyze(text, &Options { mode: SegmentMode::Full, ..Options::default() }).unwrap();
    assert!(full.words.iter().all(|w| !w.pos.is_empty()));
}

#[test]
fn hmm_off_leaves_unknown_words_in_pieces() {
    let words = |hmm| -> Vec<String> {
        let o = Options { hmm, stopwords: false, ..Options::default() };
        analyzer().analyze("他来到了网易杭研大厦", &o).unwrap().words.into_iter().map(|w| w.word).collect()
    };
    assert!(words(true).contains(&"杭研".to_string()));
    assert!(!words(false).contains(&"杭研".to_string()));
}

#[test]
fn keyword_pos_filter_applies_to_both_methods() {
    let o = Options { keyword_pos: Some(vec!["nr".into(), "nrfg".into()]), ..Options::default() };
    let a = analyzer().analyze(&sample(), &o).unwrap();
    assert!(a.keywords.tfidf.iter().all(|k| k.pos.starts_with("nr")), "{:?}", a.keywords.tfidf);
    assert!(a.keywords.textrank.iter().all(|k| k.pos.starts_with("nr")));
    assert!(a.keywords.tfidf.iter().any(|k| k.word == "王毅"));
}

#[test]
fn crlf_line_ends_are_no_keyword() {
    let text = sample().replace('\n', "\r\n");
    let a = analyzer().analyze(&text, &Options::python_compatible()).unwrap();
    assert!(a.keywords.tfidf.iter().all(|k| ciyan::text::is_word(&k.word)), "{:?}", a.keywords.tfidf);
    let plain = analyzer().analyze(&sample(), &Options::python_compatible()).unwrap();
    assert_eq!(
        a.keywords.tfidf.iter().map(|k| &k.word).collect::<Vec<_>>(),
        plain.keywords.tfidf.iter().map(|k| &k.word).collect::<Vec<_>>()
    );
}

#[test]
fn empty_and_blank_texts_are_an_error() {
    for text in ["", "   ", "\n\r\n\t　"] {
        assert_eq!(analyzer().analyze(text, &Options::default()), Err(Error::EmptyText), "{text:?}");
    }
}

#[test]
fn text_without_han_characters_still_gets_an_answer() {
    let a = analyzer().analyze("Hello world, hello Rust! 2024", &Options::default()).unwrap();
    assert_eq!(a.counts.han_characters, 0);
    assert!(a.words.iter().any(|w| w.word == "Rust"));
    let a = analyzer().analyze("！？。，、……", &Options::default()).unwrap();
    assert!(a.words.is_empty() && a.keywords.tfidf.is_empty() && a.keywords.textrank.is_empty());
}

#[test]
fn out_of_range_options_are_an_error() {
    for top_k in [0, ciyan::MAX_TOP_K + 1] {
        let e = analyzer().analyze("中国", &Options { top_k, ..Options::default() }).unwrap_err();
        assert_eq!(e.code(), "invalid-option");
    }
    let e = analyzer().analyze("中国", &Options { keyword_pos: Some(vec!["<b>".into()]), ..Options::default() });
    assert!(e.is_err());
}

#[test]
fn progress_covers_the_text_and_ends_with_keywords() {
    let text = sample().repeat(40);
    let mut seen = Vec::new();
    analyzer().analyze_with_progress(&text, &Options::default(), |p| seen.push(p)).unwrap();
    let segmenting: Vec<_> = seen.iter().filter(|p| p.stage == ciyan::Stage::Segmenting).collect();
    assert!(segmenting.len() >= 3);
    assert!(segmenting.windows(2).all(|p| p[0].done < p[1].done));
    assert_eq!(segmenting.last().unwrap().done, text.len());
    assert_eq!(seen.last().unwrap().stage, ciyan::Stage::Keywords);
}

#[test]
fn options_read_from_json_with_defaults() {
    let o: Options = serde_json::from_str(r#"{"topK": 5, "mode": "search"}"#).unwrap();
    assert_eq!((o.top_k, o.mode, o.hmm, o.stopwords), (5, SegmentMode::Search, true, true));
    assert!(serde_json::from_str::<Options>(r#"{"colour": 1}"#).is_err());
}

#[test]
fn errors_read_as_sentences() {
    let e = Error::TextTooLarge { bytes: 70_000_000, limit: 67_108_864 };
    assert_eq!(e.to_string(), "the text is 66.8 MiB, over the limit of 64 MiB: analyse it in parts");
}

/// The analysis weighs TF-IDF piece by piece (to report progress); over a
/// text of several pieces it must give what one pass over the whole gives.
#[test]
fn tfidf_over_pieces_equals_tfidf_over_the_whole_text() {
    let excerpt =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hongloumeng-200k.txt")).unwrap();
    let text = excerpt.repeat(3) + &sample().replace('\n', "\r\n");
    let filters: [Option<Vec<String>>; 2] = [None, Some(vec!["n".into(), "nr".into(), "ns".into()])];
    for stopwords in [false, true] {
        for pos in &filters {
            let o = Options { stopwords, top_k: 100, keyword_pos: pos.clone(), ..Options::python_compatible() };
            let pieces = analyzer().analyze(&text, &o).unwrap().keywords.tfidf;
            let whole =
                analyzer().keywords(&text, ciyan::KeywordMethod::TfIdf, 100, pos.as_deref(), stopwords).unwrap();
            let words = |list: &[ciyan::Keyword]| list.iter().map(|k| k.word.clone()).collect::<Vec<_>>();
            assert_eq!(words(&pieces), words(&whole), "stopwords {stopwords}, pos {pos:?}");
            for (p, w) in pieces.iter().zip(&whole) {
                assert!((p.weight - w.weight).abs() <= 1e-12 * w.weight, "{}: {} vs {}", p.word, p.weight, w.weight);
            }
        }
    }
}
