//! The user's words: a user dictionary cuts as Python jieba's
//! `load_userdict` does (fixture made by
//! `tests/fixtures/make_userdict_fixtures.py`), removing words gives back
//! the original cut exactly, stopword edits change the keywords, and name
//! aliases sum their counts.

use std::sync::Arc;

use ciyan::names::{Alias, MovedName, NameCorrections, NameKind, SetAsideReason};
use ciyan::{KeywordMethod, Options, Segmenter, StopwordBase, StopwordSettings, Stopwords, UserDictionary, UserWord};
use serde_json::Value;

const SAMPLE: &str = include_str!("../www/samples/wangyi-press-conference-2024-03-07.txt");
const USER_DICT: &str = include_str!("fixtures/userdict-sample.txt");

fn python() -> Value {
    serde_json::from_str(include_str!("fixtures/userdict-sample.json")).unwrap()
}

fn with_user_dict() -> Segmenter {
    let mut analyzer = Segmenter::new();
    analyzer.set_user_dictionary(UserDictionary::parse(USER_DICT).unwrap()).unwrap();
    analyzer
}

fn tokens(analyzer: &Segmenter, text: &str) -> Vec<String> {
    let document = analyzer.document(text.to_string(), true).unwrap();
    (0..document.len()).map(|i| document.token(i).to_string()).collect()
}

#[test]
fn words_without_a_frequency_are_cut_whole_as_python_cuts_them() {
    let analyzer = with_user_dict();
    let ours = analyzer.cut(SAMPLE, ciyan::SegmentMode::Precise, true);
    let py = python();
    let theirs: Vec<&str> = py["cut_hmm"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    if let Some(i) = ours.iter().zip(&theirs).position(|(a, b)| a != b) {
        panic!(
            "cuts differ at token {i}: {:?} vs {:?}",
            &ours[i.saturating_sub(3)..i + 3],
            &theirs[i.saturating_sub(3)..i + 3]
        );
    }
    assert_eq!(ours.len(), theirs.len());
    let count = |w: &str| ours.iter().filter(|t| **t == w).count();
    assert_eq!(count("一带一路"), 12);
    assert_eq!(count("人类命运共同体"), 9);
    assert_eq!(count("进博会"), 2);
    // Without the user dictionary, none of them is one word.
    let plain = Segmenter::new();
    let plain = plain.cut(SAMPLE, ciyan::SegmentMode::Precise, true);
    assert!(!plain.iter().any(|t| *t == "一带一路" || *t == "人类命运共同体" || *t == "进博会"));
}

#[test]
fn tfidf_with_a_user_dictionary_is_python_s() {
    let analyzer = with_user_dict();
    let ours = analyzer.keywords(SAMPLE, KeywordMethod::TfIdf, 20, None, false).unwrap();
    let py = python();
    let theirs: Vec<(&str, f64)> =
        py["tfidf"].as_array().unwrap().iter().map(|p| (p[0].as_str().unwrap(), p[1].as_f64().unwrap())).collect();
    for (k, (word, weight)) in ours.iter().zip(&theirs) {
        assert_eq!(&k.word, word);
        assert_eq!(k.weight, *weight, "{word}");
    }
    assert_eq!(ours.len(), theirs.len());
}

#[test]
fn a_user_tag_is_the_word_s_tag() {
    let analyzer = with_user_dict();
    let tags = analyzer.tag("全球南方和一带一路", true);
    assert_eq!(tags, [("全球南方", "nz"), ("和", "c"), ("一带一路", "x")]);
    // A known word keeps the dictionary's tag in jieba-rs; the user's wins.
    let mut analyzer = Segmenter::new();
    let word = UserWord { word: "中国".into(), freq: None, tag: Some("nz".into()) };
    analyzer.set_user_dictionary(UserDictionary { words: vec![word] }).unwrap();
    assert_eq!(analyzer.tag("中国", true), [("中国", "nz")]);
}

#[test]
fn removing_words_gives_back_the_original_cut_exactly() {
    let original = tokens(&Segmenter::new(), SAMPLE);
    let mut analyzer = with_user_dict();
    assert_ne!(tokens(&analyzer, SAMPLE), original);
    analyzer.set_user_dictionary(UserDictionary::default()).unwrap();
    assert_eq!(tokens(&analyzer, SAMPLE), original);

    // Removing one word of several is the dictionary without it.
    let all = UserDictionary::parse(USER_DICT).unwrap();
    let mut fewer = all.clone();
    fewer.words.retain(|w| w.word != "一带一路");
    let mut from_scratch = Segmenter::new();
    from_scratch.set_user_dictionary(fewer.clone()).unwrap();
    let mut edited = Segmenter::new();
    edited.set_user_dictionary(all).unwrap();
    edited.set_user_dictionary(fewer).unwrap();
    assert_eq!(tokens(&edited, SAMPLE), tokens(&from_scratch, SAMPLE));
    assert!(!tokens(&edited, SAMPLE).iter().any(|t| t == "一带一路"));
}

#[test]
fn bad_words_change_nothing() {
    let mut analyzer = with_user_dict();
    let bad = UserDictionary { words: vec![UserWord::new("两 个")] };
    assert_eq!(analyzer.set_user_dictionary(bad).unwrap_err().code(), "invalid-option");
    assert_eq!(analyzer.user_dictionary().words.len(), 6);
    assert_eq!(UserDictionary::parse("好 1 2 3\n").unwrap_err().code(), "bad-user-dictionary");
}

fn tfidf_words(analyzer: &Segmenter, document: &ciyan::Document) -> Vec<String> {
    let analysis = analyzer.summarize(document, &Options::default(), |_| {}).unwrap();
    analysis.keywords.tfidf.into_iter().map(|k| k.word).collect()
}

#[test]
fn stopword_edits_change_the_keywords_without_a_new_cut() {
    let mut analyzer = Segmenter::new();
    let mut document = analyzer.document(SAMPLE.to_string(), true).unwrap();
    let before = tfidf_words(&analyzer, &document);
    assert!(before.iter().any(|w| w == "王毅"));
    assert!(!before.iter().any(|w| w == "我们"));

    let settings = StopwordSettings {
        added: vec!["王毅".into(), "记者".into()],
        removed: vec!["我们".into()],
        ..Default::default()
    };
    analyzer.set_stopwords(Arc::new(Stopwords::new(&settings)));
    document.set_stopwords(Arc::clone(analyzer.stopwords()));
    let after = tfidf_words(&analyzer, &document);
    assert!(!after.iter().any(|w| w == "王毅"));
    assert!(after.iter().any(|w| w == "我们"), "{after:?}");
    let words = analyzer.summarize(&document, &Options::default(), |_| {}).unwrap().words;
    assert!(!words.iter().any(|w| w.word == "王毅" || w.word == "记者"));

    // No list at all: the keywords are Python's with its English stopwords.
    let none = StopwordSettings { base: StopwordBase::None, ..Default::default() };
    document.set_stopwords(Arc::new(Stopwords::new(&none)));
    let python_like = tfidf_words(&analyzer, &document);
    let plain = Segmenter::new().keywords(SAMPLE, KeywordMethod::TfIdf, 20, None, false).unwrap();
    assert_eq!(python_like, plain.into_iter().map(|k| k.word).collect::<Vec<_>>());
}

#[test]
fn aliases_sum_counts_and_corrections_apply() {
    let text = include_str!("fixtures/hongloumeng-200k.txt");
    let analyzer = Segmenter::new();
    let document = analyzer.document(text.to_string(), true).unwrap();
    let plain = analyzer.summarize(&document, &Options::default(), |_| {}).unwrap();
    let count = |word: &str| plain.words.iter().find(|w| w.word == word).map_or(0, |w| w.count);
    let (fengjie, xifeng) = (count("凤姐"), count("王熙凤"));
    assert!(fengjie > 0 && xifeng > 0, "{fengjie} {xifeng}");

    let mut options = Options::default();
    options.names = NameCorrections {
        aliases: vec![Alias { name: "王熙凤".into(), forms: vec!["凤姐".into()] }],
        removed: vec!["贾母".into()],
        moved: vec![MovedName { word: "太虚幻境".into(), kind: NameKind::Place }],
        keep_implausible: false,
    };
    let corrected = analyzer.summarize(&document, &options, |_| {}).unwrap();
    let people = &corrected.entities.people;
    let merged = people.iter().find(|n| n.word == "王熙凤").expect("王熙凤 is listed");
    // The two forms, and those jieba glued to the next character (凤姐道).
    assert!(merged.count >= fengjie + xifeng, "{}", merged.count);
    assert_eq!(merged.count, merged.forms.iter().map(|f| f.count).sum::<usize>());
    assert!(merged.forms.iter().any(|f| f.word == "凤姐") && merged.forms.iter().any(|f| f.word == "王熙凤"));
    assert!(!people.iter().any(|n| n.word == "凤姐" || n.word == "贾母"));
    assert!(corrected.entities.set_aside.iter().any(|s| s.word == "贾母" && s.reason == SetAsideReason::Removed));
    // The concordance of the name finds every form.
    let forms = merged.forms.iter().map(|f| f.word.clone()).filter(|w| w != "王熙凤").collect();
    let options = ciyan::analyses::concordance::ConcordanceOptions { forms, ..Default::default() };
    let lines = ciyan::analyses::concordance::concordance(&document, "王熙凤", &options);
    assert_eq!(lines.len(), merged.count);
    assert!(lines.windows(2).all(|p| p[0].start < p[1].start));
    if count("太虚幻境") > 0 {
        assert!(corrected.entities.places.iter().any(|n| n.word == "太虚幻境"));
    }
}
