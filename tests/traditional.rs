//! Traditional Chinese: a traditional text is cut through its simplified
//! conversion and analysed as well as the simplified original, with every
//! word and position in its own script. The fixture is the sample in
//! OpenCC's s2tw (`tests/fixtures/make_traditional_fixture.py`).

use ciyan::analyses::concordance::{concordance, ConcordanceOptions};
use ciyan::script::{detect, to_simplified, Script};
use ciyan::{Options, Segmenter, UserDictionary};

const SIMPLIFIED: &str = include_str!("../www/samples/wangyi-press-conference-2024-03-07.txt");
const TRADITIONAL: &str = include_str!("fixtures/sample-traditional.txt");

#[test]
fn the_script_is_told() {
    assert_eq!(detect(SIMPLIFIED), Script::Simplified);
    assert_eq!(detect(TRADITIONAL), Script::Traditional);
}

#[test]
fn traditional_keywords_converted_equal_the_simplified_ones() {
    let analyzer = Segmenter::new();
    let simplified = analyzer.analyze(SIMPLIFIED, &Options::default()).unwrap();
    let traditional = analyzer.analyze(TRADITIONAL, &Options::default()).unwrap();
    let words = |list: &[ciyan::Keyword], convert: bool| -> Vec<String> {
        list.iter().map(|k| if convert { to_simplified(&k.word) } else { k.word.clone() }).collect()
    };
    assert_eq!(words(&traditional.keywords.tfidf, true), words(&simplified.keywords.tfidf, false));
    assert_eq!(words(&traditional.keywords.textrank, true), words(&simplified.keywords.textrank, false));
    // Shown in the text's own script.
    assert!(traditional.keywords.tfidf.iter().any(|k| k.word == "習近平"));
    assert!(traditional.words.iter().any(|w| w.word == "我們") || !traditional.words.iter().any(|w| w.word == "我们"));
    assert_eq!(traditional.entities.people[0].word, "習近平");
    // The stopwords apply: 我們 is one (it was the third keyword before).
    assert!(!traditional.keywords.tfidf.iter().any(|k| k.word == "我們"));
}

#[test]
fn tokens_and_positions_are_the_original_text() {
    let analyzer = Segmenter::new();
    let document = analyzer.document(TRADITIONAL.to_string(), true).unwrap();
    let plain = analyzer.document(SIMPLIFIED.to_string(), true).unwrap();
    assert_eq!(document.len(), plain.len());
    let joined: String = (0..document.len()).map(|i| document.token(i)).collect();
    assert_eq!(joined, TRADITIONAL);
    // Token for token, the same number of characters (a character alone
    // may convert otherwise than in its context: 瞭 in 了解).
    for i in 0..document.len() {
        assert_eq!(document.token(i).chars().count(), plain.token(i).chars().count(), "token {i}");
    }
    let converted: String = (0..document.len()).map(|i| document.token(i)).collect::<String>();
    assert_eq!(to_simplified(&converted), document.cut_text());
    let lines = concordance(&document, "習近平", &ConcordanceOptions::default());
    let simplified_lines = concordance(&plain, "习近平", &ConcordanceOptions::default());
    assert_eq!(lines.len(), simplified_lines.len());
    for (t, s) in lines.iter().zip(&simplified_lines) {
        assert_eq!((t.start, t.end), (s.start, s.end));
        assert_eq!(t.word, "習近平");
    }
}

#[test]
fn a_user_word_applies_in_both_scripts() {
    let mut analyzer = Segmenter::new();
    analyzer.set_user_dictionary(UserDictionary::parse("人類命運共同體\n").unwrap()).unwrap();
    let document = analyzer.document(TRADITIONAL.to_string(), true).unwrap();
    assert_eq!(document.vocabulary().id("人類命運共同體").map(|id| document.vocabulary().count(id)), Some(9));
    let document = analyzer.document(SIMPLIFIED.to_string(), true).unwrap();
    assert_eq!(document.vocabulary().id("人类命运共同体").map(|id| document.vocabulary().count(id)), Some(9));
}

#[test]
fn search_and_full_word_lists_are_spelled_as_the_text_spells_them() {
    // They cut the simplified conversion again; every word listed must be
    // the text's own (not 么 or 幺 for 麼, not 们 for 們).
    let analyzer = Segmenter::new();
    let text = format!("{TRADITIONAL}\n什麼？這是什麼。我們說了甚麼。\n");
    for mode in [ciyan::SegmentMode::Search, ciyan::SegmentMode::Full] {
        let analysis = analyzer.analyze(&text, &Options { mode, ..Options::default() }).unwrap();
        let foreign: Vec<&str> =
            analysis.words.iter().map(|w| w.word.as_str()).filter(|w| !text.contains(w)).take(10).collect();
        assert!(foreign.is_empty(), "{mode:?}: {foreign:?}");
        assert!(analysis.words.iter().any(|w| w.word == "中國"), "{mode:?}");
        assert!(!analysis.words.iter().any(|w| w.word == "中国"), "{mode:?}");
    }
}

#[test]
fn a_traditional_texts_stopwords_are_no_keywords() {
    // 什麼 and 怎麼 led 紅樓夢's keywords in traditional characters, where
    // 什么 and 怎么 are stopwords of the simplified text: 麼 must convert
    // to 么 for the cut, as OpenCC's phrases convert it.
    let analyzer = Segmenter::new();
    let text = format!("{TRADITIONAL}\n寶玉道：「你說什麼？怎麼了？」寶玉笑道：「沒什麼，這麼好。」\n");
    let document = analyzer.document(text.clone(), true).unwrap();
    let cut = document.cut_text();
    let end: String = cut.chars().skip(cut.chars().count() - 30).collect();
    assert!(cut.contains("什么") && cut.contains("怎么"), "cut as {end}");
    let analysis = analyzer.analyze(&text, &Options::default()).unwrap();
    let words: Vec<&str> = analysis.keywords.tfidf.iter().map(|k| k.word.as_str()).collect();
    for stopword in ["什麼", "怎麼", "這麼"] {
        assert!(!words.contains(&stopword), "{stopword} in {words:?}");
    }
}
