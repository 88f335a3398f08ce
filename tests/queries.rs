//! The document and the questions asked of it (src/document, src/analyses):
//! the cut kept whole, concordance counts equal to the cut's, positions in
//! scalars and UTF-16 outside the BMP, and collocates and dispersion equal
//! to an independent computation (tests/fixtures/make_query_fixtures.py,
//! from the formulas, over Python jieba 0.42.1's cut).

use std::sync::OnceLock;

use ciyan::analyses::collocates::{collocates, CollocateOptions};
use ciyan::analyses::concordance::{concordance, ConcordanceOptions, MatchMode};
use ciyan::analyses::dispersion::{dispersion, DispersionOptions};
use ciyan::analyses::phrases::{phrases, PhraseOptions};
use ciyan::document::Unit;
use ciyan::{Document, Options, Segmenter};
use serde_json::Value;

const SAMPLE: &str = include_str!("../www/samples/wangyi-press-conference-2024-03-07.txt");

fn analyzer() -> &'static Segmenter {
    static A: OnceLock<Segmenter> = OnceLock::new();
    A.get_or_init(Segmenter::new)
}

fn sample() -> &'static Document {
    static D: OnceLock<Document> = OnceLock::new();
    D.get_or_init(|| analyzer().document(SAMPLE.to_string(), true).unwrap())
}

fn fixture() -> Value {
    let path = format!("{}/tests/fixtures/queries-sample.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

#[test]
fn the_document_keeps_the_tagged_cut_whole() {
    let d = sample();
    let tagged: Vec<(&str, &str)> = d.tagged().collect();
    assert_eq!(tagged, analyzer().tag(SAMPLE, true));
    let rebuilt: String = (0..d.len()).map(|i| d.token(i)).collect();
    assert_eq!(rebuilt, SAMPLE);
    assert_eq!(d.word_tokens(false).len(), 3901);
    assert!(d.word_tokens(true).len() < 3901);
    assert!(d.sentence_starts().len() > 100 && d.paragraph_starts().len() > 20);
}

#[test]
fn a_summary_of_the_kept_document_is_the_analysis() {
    let d = sample();
    for options in [Options::default(), Options::python_compatible(), Options { top_k: 5, ..Options::default() }] {
        assert_eq!(analyzer().summarize(d, &options, |_| {}).unwrap(), analyzer().analyze(SAMPLE, &options).unwrap());
    }
    let no_hmm = Options { hmm: false, ..Options::default() };
    assert!(analyzer().summarize(d, &no_hmm, |_| {}).is_err(), "a document cut with the HMM is not one cut without");
}

#[test]
fn concordance_counts_equal_the_cut() {
    let d = sample();
    let analysis = analyzer().analyze(SAMPLE, &Options::python_compatible()).unwrap();
    for w in analysis.words.iter().take(300) {
        let lines = concordance(d, &w.word, &ConcordanceOptions::default());
        assert_eq!(lines.len(), w.count, "{}", w.word);
        for line in &lines {
            assert_eq!(line.word, w.word);
            let chars: String = SAMPLE.chars().skip(line.start).take(line.end - line.start).collect();
            assert_eq!(chars, w.word);
        }
    }
}

#[test]
fn concordance_lines_have_context_and_sort_keys() {
    let d = sample();
    let lines = concordance(d, "合作", &ConcordanceOptions { width: 10, ..Default::default() });
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(line.left.chars().count() <= 10 && line.right.chars().count() <= 10);
        let around: String = SAMPLE
            .chars()
            .skip(line.start - line.left.chars().count())
            .take(line.left.chars().count() + line.word.chars().count() + line.right.chars().count())
            .collect();
        assert_eq!(around, format!("{}{}{}", line.left, line.word, line.right));
        assert!(line.left_words.len() <= 3 && line.right_words.len() <= 3);
        assert!(line.left_words.iter().chain(&line.right_words).all(|w| ciyan::text::is_word(w)));
    }
    assert!(lines.windows(2).all(|p| p[0].start < p[1].start), "in the order of the text");
}

#[test]
fn substring_mode_finds_a_word_inside_longer_ones() {
    let d = analyzer().document("发展中国家要发展。发展是硬道理。".to_string(), true).unwrap();
    let word = concordance(&d, "发展", &ConcordanceOptions::default());
    let substring = concordance(&d, "发展", &ConcordanceOptions { mode: MatchMode::Substring, ..Default::default() });
    assert_eq!(word.len(), 2);
    assert_eq!(substring.len(), 3);
    assert_eq!(substring[0].start, 0);
    // A word the cut never makes is found as a run of whole tokens.
    let sample = sample();
    let runs = concordance(sample, "人类命运共同体", &ConcordanceOptions::default());
    assert_eq!(runs.len(), SAMPLE.matches("人类命运共同体").count());
    assert!(!runs.is_empty());
    assert!(concordance(sample, "类命", &ConcordanceOptions::default()).is_empty(), "not inside a token");
}

#[test]
fn positions_outside_the_bmp_in_scalars_and_utf16() {
    // 𠀀 and 𠀁 take one scalar and two UTF-16 units each.
    let text = "𠀀𠀁中国人民。𠀀中国，中国𠀁！";
    let d = analyzer().document(text.to_string(), true).unwrap();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for (mode, term) in [(MatchMode::Word, "中国"), (MatchMode::Substring, "中国"), (MatchMode::Substring, "𠀁")]
    {
        let scalar = concordance(&d, term, &ConcordanceOptions { mode, ..Default::default() });
        let js = concordance(&d, term, &ConcordanceOptions { mode, unit: Unit::Utf16, ..Default::default() });
        assert!(!scalar.is_empty());
        assert_eq!(scalar.len(), js.len());
        for (s, j) in scalar.iter().zip(&js) {
            let by_scalar: String = text.chars().skip(s.start).take(s.end - s.start).collect();
            assert_eq!(by_scalar, term);
            assert_eq!(String::from_utf16(&utf16[j.start..j.end]).unwrap(), term);
        }
    }
    let spread = dispersion(&d, "中国", &DispersionOptions { unit: Unit::Utf16, ..Default::default() });
    assert_eq!(spread.text_length, utf16.len());
    for p in spread.positions {
        assert_eq!(String::from_utf16(&utf16[p..p + 2]).unwrap(), "中国");
    }
}

#[test]
fn collocates_equal_the_independent_computation() {
    let d = sample();
    let expected = fixture();
    assert_eq!(expected["tokens"].as_u64().unwrap() as usize, d.word_tokens(false).len());
    for (node, want) in expected["nodes"].as_object().unwrap() {
        let got = collocates(d, node, &CollocateOptions::default());
        let want = want["collocates"].as_array().unwrap();
        assert_eq!(got.len(), want.len(), "{node}: how many");
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.word, w["word"].as_str().unwrap(), "{node}: order");
            assert_eq!(g.count as u64, w["count"].as_u64().unwrap(), "{node} {}", g.word);
            assert_eq!(g.frequency as u64, w["frequency"].as_u64().unwrap(), "{node} {}", g.word);
            for (value, key) in [
                (g.expected, "expected"),
                (g.log_likelihood, "logLikelihood"),
                (g.mi, "mi"),
                (g.t_score, "tScore"),
                (g.log_dice, "logDice"),
            ] {
                assert!(close(value, w[key].as_f64().unwrap()), "{node} {} {key}: {value} vs {}", g.word, w[key]);
            }
        }
    }
}

#[test]
fn collocate_options_span_minimum_stopwords_and_tags() {
    let d = sample();
    let wide = collocates(d, "中国", &CollocateOptions { left: 10, right: 10, min_count: 1, ..Default::default() });
    let narrow = collocates(d, "中国", &CollocateOptions { left: 1, right: 1, min_count: 1, ..Default::default() });
    assert!(wide.len() > narrow.len());
    assert!(
        wide.iter().all(|c| c.count >= 1) && collocates(d, "中国", &Default::default()).iter().all(|c| c.count >= 3)
    );
    let without = collocates(d, "中国", &CollocateOptions { skip_stopwords: true, ..Default::default() });
    assert!(without.iter().all(|c| !ciyan::stopwords::is_stopword(&c.word)));
    let nouns = collocates(d, "中国", &CollocateOptions { pos: Some(vec!["n".into()]), ..Default::default() });
    assert!(!nouns.is_empty() && nouns.iter().all(|c| c.pos == "n"));
    assert!(collocates(d, "不在文中的词", &Default::default()).is_empty());
}

#[test]
fn dispersion_equals_the_independent_computation() {
    let d = sample();
    for (node, want) in fixture()["nodes"].as_object().unwrap() {
        let got = dispersion(d, node, &DispersionOptions::default());
        let want = &want["dispersion"];
        let numbers = |key: &str| -> Vec<usize> {
            want[key].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as usize).collect()
        };
        assert_eq!(got.parts, numbers("parts"), "{node}");
        assert_eq!(got.part_sizes, numbers("partSizes"), "{node}");
        assert_eq!(got.positions.len(), got.parts.iter().sum::<usize>());
        for (value, key) in [(got.dp, "dp"), (got.dp_norm, "dpNorm"), (got.juilland_d, "juillandD")] {
            assert!(close(value.unwrap(), want[key].as_f64().unwrap()), "{node} {key}");
        }
    }
    let absent = dispersion(d, "不在文中的词", &DispersionOptions::default());
    assert_eq!((absent.dp, absent.juilland_d, absent.positions.len()), (None, None, 0));
}

#[test]
fn phrases_repeat_do_not_cross_punctuation_and_longest_come_first() {
    let d = sample();
    let all = phrases(d, &PhraseOptions { longest_only: false, ..Default::default() });
    let longest = phrases(d, &PhraseOptions::default());
    assert!(!longest.is_empty() && longest.len() < all.len());
    for p in &all {
        assert!(p.count >= 3 && (2..=5).contains(&p.words.len()), "{p:?}");
        assert_eq!(p.words.concat(), p.phrase);
        assert!(p.words.iter().all(|w| ciyan::text::is_word(w)));
        // The concordance of its text finds it at least as often.
        let found = concordance(d, &p.phrase, &ConcordanceOptions { mode: MatchMode::Substring, ..Default::default() });
        assert!(found.len() >= p.count, "{}: {} < {}", p.phrase, found.len(), p.count);
    }
    assert!(all.windows(2).all(|w| (w[0].count, w[0].words.len()) >= (w[1].count, w[1].words.len())));
    // Left out only where a longer phrase with the same count holds it.
    for p in all.iter().filter(|p| !longest.contains(p)) {
        assert!(
            all.iter().any(|q| q.words.len() > p.words.len() && q.count == p.count && q.phrase.contains(&p.phrase)),
            "{}",
            p.phrase
        );
    }
}

#[test]
fn a_keyword_is_explained_and_so_is_a_word_that_is_not_one() {
    use ciyan::keywords::{Exclusion, IdfSource};
    let d = sample();
    let options = Options::default();
    let analysis = analyzer().summarize(d, &options, |_| {}).unwrap();
    let top = &analysis.keywords.tfidf[0];
    let e = analyzer().explain_keyword(d, &top.word, &options);
    assert_eq!(e.tfidf_rank, Some(1));
    assert_eq!(e.tfidf, Some(top.weight));
    assert!((e.tf.unwrap() * e.idf - top.weight).abs() < 1e-12);
    assert_eq!(e.idf_source, IdfSource::Table);
    let textrank_top = &analysis.keywords.textrank[0];
    assert_eq!(analyzer().explain_keyword(d, &textrank_top.word, &options).textrank_rank, Some(1));

    let stop = analyzer().explain_keyword(d, "我们", &options);
    assert_eq!((stop.tfidf_excluded, stop.tfidf_rank), (Some(Exclusion::Stopword), None));
    assert!(stop.count > 0);
    let short = analyzer().explain_keyword(d, "说", &Options::python_compatible());
    assert_eq!(short.tfidf_excluded, Some(Exclusion::TooShort));
    assert_eq!(analyzer().explain_keyword(d, "不在文中的词", &options).tfidf_excluded, Some(Exclusion::NotInText));
    // A verb is no TextRank keyword when only nouns are kept.
    let nouns = Options { keyword_pos: Some(vec!["n".into()]), ..Options::default() };
    let verb = analysis.words.iter().find(|w| w.pos == "v" && w.word.chars().count() > 1).unwrap();
    assert_eq!(analyzer().explain_keyword(d, &verb.word, &nouns).textrank_excluded, Some(Exclusion::PosFilter));
    // A word jieba's IDF table lacks gets the median.
    let unknown = analysis
        .words
        .iter()
        .rev()
        .map(|w| analyzer().explain_keyword(d, &w.word, &options))
        .find(|e| e.idf_source == IdfSource::Median)
        .expect("the sample has a word outside the IDF table");
    assert_eq!(unknown.idf, unknown.median_idf);
}

#[test]
fn a_stopword_has_collocates_with_stopwords_filtered_and_a_phrase_has_a_dispersion() {
    let d = sample();
    let of_de = collocates(d, "的", &CollocateOptions { skip_stopwords: true, ..Default::default() });
    assert!(!of_de.is_empty() && of_de.iter().all(|c| !ciyan::stopwords::is_stopword(&c.word)));
    let phrase = dispersion(d, "人类命运共同体", &DispersionOptions::default());
    let lines = concordance(d, "人类命运共同体", &ConcordanceOptions::default());
    assert!(!lines.is_empty());
    assert_eq!(phrase.parts.iter().sum::<usize>(), lines.len());
    assert_eq!(phrase.positions, lines.iter().map(|l| l.start).collect::<Vec<_>>());
    assert!(phrase.dp.is_some());
}
