//! Precision of the name lists, before (jieba's tags alone) and after
//! Ciyan's filter, against lists judged by hand
//! (`tests/fixtures/names-judged.json`): the top 15 people and places of the
//! sample and of the first 200 KB of 三国演义 (`tests/fixtures/novels/`).
//! `cargo test --test names -- --nocapture` prints the figures the README
//! gives.

use ciyan::{Options, Segmenter};
use serde_json::Value;

const TOP: usize = 15;

fn precision(words: &[String], judged: &Value, what: &str) -> f64 {
    let listed =
        |key: &str| -> Vec<&str> { judged[key].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect() };
    let (names, not) = (listed("names"), listed("not"));
    let mut right = 0;
    for w in words {
        if names.contains(&w.as_str()) {
            right += 1;
        } else {
            assert!(not.contains(&w.as_str()), "{what}: {w} is not judged: add it to names-judged.json");
        }
    }
    right as f64 / words.len().max(1) as f64
}

#[test]
fn the_filter_makes_the_lists_precise() {
    let judged: Value = serde_json::from_str(include_str!("fixtures/names-judged.json")).unwrap();
    let analyzer = Segmenter::new();
    for text in ["sample", "sanguo"] {
        let path = format!("{}/{}", env!("CARGO_MANIFEST_DIR"), judged[text]["file"].as_str().unwrap());
        let analysis = analyzer.analyze(&std::fs::read_to_string(path).unwrap(), &Options::default()).unwrap();
        for (kind, list) in [("people", &analysis.entities.people), ("places", &analysis.entities.places)] {
            let keep = |pos: &str| {
                if kind == "people" {
                    pos.starts_with("nr")
                } else {
                    pos == "ns"
                }
            };
            let before: Vec<String> =
                analysis.words.iter().filter(|w| keep(&w.pos)).take(TOP).map(|w| w.word.clone()).collect();
            // The word list leaves stopwords out; so do jieba's tags alone here.
            let after: Vec<String> = list.iter().take(TOP).map(|n| n.word.clone()).collect();
            let judged = &judged[text][kind];
            let (p_before, p_after) = (precision(&before, judged, text), precision(&after, judged, text));
            println!(
                "{text} {kind}: top {TOP} precision {:.0} % before, {:.0} % after ({} listed)",
                p_before * 100.0,
                p_after * 100.0,
                after.len()
            );
            assert!(p_after > p_before, "{text} {kind}");
            assert!(p_after >= 0.9, "{text} {kind}: {p_after}");
        }
    }
}
