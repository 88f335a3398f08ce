//! Keyness equals an independent computation: the first half of the sample
//! against the second, by `tests/fixtures/make_keyness_fixture.py` from
//! Python jieba's cut.

use ciyan::analyses::keyness::{keyness, KeynessOptions, WordCounts};
use ciyan::Segmenter;
use serde_json::Value;

const SAMPLE: &str = include_str!("../www/samples/wangyi-press-conference-2024-03-07.txt");

#[test]
fn keyness_of_the_sample_halves_equals_the_independent_script() {
    let lines: Vec<&str> = SAMPLE.split('\n').collect();
    let half = lines.len() / 2;
    let analyzer = Segmenter::new();
    let side = |text: String| WordCounts::of(&analyzer.document(text, true).unwrap(), false);
    let (first, second) = (side(lines[..half].join("\n")), side(lines[half..].join("\n")));
    let fixture: Value = serde_json::from_str(include_str!("fixtures/keyness-sample-halves.json")).unwrap();
    assert_eq!(first.tokens() as u64, fixture["c"].as_u64().unwrap());
    assert_eq!(second.tokens() as u64, fixture["d"].as_u64().unwrap());

    let ours = keyness(&first, &second, &KeynessOptions::default());
    let theirs = fixture["words"].as_array().unwrap();
    assert_eq!(ours.len(), theirs.len());
    for (k, row) in ours.iter().zip(theirs) {
        assert_eq!(k.word, row[0].as_str().unwrap());
        assert_eq!((k.a as u64, k.b as u64), (row[1].as_u64().unwrap(), row[2].as_u64().unwrap()), "{}", k.word);
        assert!((k.log_likelihood - row[3].as_f64().unwrap()).abs() < 1e-9, "{}", k.word);
        assert!((k.log_ratio - row[4].as_f64().unwrap()).abs() < 1e-9, "{}", k.word);
    }
}
