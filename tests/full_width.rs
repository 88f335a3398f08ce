//! Full-width letters and digits (Ｑ, ２０２４) are cut as their half-width
//! forms, and everything shown and every position stays the text's own
//! (issue: 阿Ｑ正传 lost its title character, cut 阿 / Ｑ).

use ciyan::analyses::concordance::{concordance, ConcordanceOptions};
use ciyan::{Options, Segmenter, UserDictionary, UserWord};

const STORY: &str = "我要给阿Ｑ做正传，已经不止一两年了。阿Ｑ不独是姓名籍贯有些渺茫，\
    连他先前的“行状”也渺茫。阿Ｑ没有家，住在未庄的土谷祠里。２０２４年，阿Ｑ还在。\n";

fn count(analysis: &ciyan::Analysis, word: &str) -> usize {
    analysis.words.iter().find(|w| w.word == word).map_or(0, |w| w.count)
}

#[test]
fn a_full_width_name_is_one_word_spelled_as_the_text_spells_it() {
    let segmenter = Segmenter::new();
    let analysis = segmenter.analyze(STORY, &Options::default()).unwrap();
    assert_eq!(count(&analysis, "阿Ｑ"), 4, "{:?}", &analysis.words[..10]);
    assert_eq!(count(&analysis, "Ｑ"), 0);
    assert_eq!(count(&analysis, "２０２４"), 1);
    // Keywords are weighed in the normal form and shown in the text's.
    assert!(analysis.keywords.tfidf.iter().any(|k| k.word == "阿Ｑ"), "{:?}", analysis.keywords.tfidf);
    assert!(!analysis.keywords.tfidf.iter().any(|k| k.word == "阿Q"));
}

#[test]
fn positions_and_tokens_are_the_original_text() {
    let segmenter = Segmenter::new();
    let document = segmenter.document(STORY.to_string(), true).unwrap();
    let joined: String = (0..document.len()).map(|i| document.token(i)).collect();
    assert_eq!(joined, STORY);
    // Either spelling finds the text's own.
    for query in ["阿Ｑ", "阿Q"] {
        let lines = concordance(&document, query, &ConcordanceOptions::default());
        assert_eq!(lines.len(), 4, "{query}");
        for line in &lines {
            assert_eq!(line.word, "阿Ｑ");
            let start = STORY.char_indices().nth(line.start).unwrap().0;
            assert!(STORY[start..].starts_with("阿Ｑ"));
        }
    }
}

#[test]
fn a_full_width_user_word_takes_effect() {
    let mut segmenter = Segmenter::new();
    let text = "Ｃ罗今天进了两个球。Ｃ罗说很高兴。";
    let before = segmenter.analyze(text, &Options::default()).unwrap();
    assert_eq!(count(&before, "Ｃ罗"), 0);
    segmenter.set_user_dictionary(UserDictionary { words: vec![UserWord::new("Ｃ罗")] }).unwrap();
    let after = segmenter.analyze(text, &Options::default()).unwrap();
    assert_eq!(count(&after, "Ｃ罗"), 2, "{:?}", after.words);
    // The half-width spelling of the user word finds the full-width text too.
    segmenter.set_user_dictionary(UserDictionary { words: vec![UserWord::new("C罗")] }).unwrap();
    assert_eq!(count(&segmenter.analyze(text, &Options::default()).unwrap(), "Ｃ罗"), 2);
}
