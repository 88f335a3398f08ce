//! Sections compared, the co-occurrence network and the repairs of a
//! printed text, on the sample (a press conference as a newspaper printed it).

use ciyan::analyses::comparison::{compare_parts, distinctive, trends, CompareOptions, Part};
use ciyan::analyses::network::{network, NetworkOptions};
use ciyan::analyses::repairs::{repairs, RepairKind};
use ciyan::analyses::sections::{groups, sections, GroupKind, SectionBy, REPORTERS};
use ciyan::document::Unit;
use ciyan::{Document, Segmenter};

const SAMPLE: &str = include_str!("../www/samples/wangyi-press-conference-2024-03-07.txt");

fn sample() -> (Segmenter, Document) {
    let analyzer = Segmenter::new();
    let document = analyzer.document(SAMPLE.to_string(), true).unwrap();
    (analyzer, document)
}

#[test]
fn speakers_against_each_other() {
    let (_, document) = sample();
    let turns = sections(&document, &SectionBy::Speaker, Unit::Scalar);
    let groups = groups(&turns);
    let wang = groups.iter().find(|g| g.label == "王毅").unwrap();
    let reporters = groups.iter().find(|g| g.kind == GroupKind::Role).unwrap();
    assert_eq!(reporters.label, REPORTERS, "a role group is labelled with its role's word, for the page to name");
    assert_eq!((wang.sections.len(), reporters.sections.len()), (12, 11));
    let options = CompareOptions { skip_stopwords: true, ..Default::default() };
    let parts: Vec<Part> =
        [wang, reporters].iter().map(|g| Part { label: g.label.clone(), sections: g.sections.clone() }).collect();
    let found =
        distinctive(&document, &SectionBy::Speaker, &CompareOptions { parts: Some(parts.clone()), ..options.clone() });
    let asks: Vec<&str> = found[1].positive.iter().map(|k| k.word.as_str()).collect();
    // Reporters ask (看待: how do you see …); the labels themselves (记者, 王毅) are in no turn.
    assert!(asks.contains(&"看待"), "{asks:?}");
    for side in &found {
        assert!(side.positive.iter().chain(&side.negative).all(|k| k.word != "王毅" && k.word != "记者"));
        assert!(side.positive.iter().all(|k| k.p.is_some_and(|p| p <= 0.05)));
    }
    let compared = compare_parts(&document, &SectionBy::Speaker, &parts[0], Some(&parts[1]), &options, Unit::Scalar);
    // One count for one thing: a side's words are the structure's words of
    // its sections; the words compared leave the stopwords out.
    assert_eq!(compared.a.compared_tokens, found[0].tokens);
    let structure = ciyan::analyses::sections::sections(&document, &SectionBy::Speaker, Unit::Scalar);
    let words: usize = parts[0].sections.iter().map(|&i| structure[i].tokens).sum();
    assert_eq!(compared.a.tokens, words);
    assert!(compared.a.compared_tokens < compared.a.tokens);
    // Wang Yi's own words are more than the list holds: it says so.
    assert_eq!(compared.only_a.len(), 200);
    assert!(compared.only_a_count > 1000, "{}", compared.only_a_count);
    assert_eq!(compared.b.ranges.len(), 11);
    assert!(compared.shared > 50 && !compared.only_a.is_empty() && !compared.only_b.is_empty());
    // Against the rest, the rest is every other turn (the opening included).
    let rest = compare_parts(&document, &SectionBy::Speaker, &parts[0], None, &options, Unit::Scalar);
    assert_eq!(rest.b.ranges.len(), turns.len() - 12);
}

#[test]
fn trends_are_relative_frequencies_per_section() {
    let (_, document) = sample();
    let found =
        trends(&document, &SectionBy::Parts { parts: 4 }, &["中国".to_string(), "没有这个词".to_string()], false);
    assert_eq!(found.sections.len(), 4);
    let china = &found.words[0];
    assert_eq!(
        china.counts.iter().sum::<usize>(),
        document.vocabulary().count(document.vocabulary().id("中国").unwrap())
    );
    let expected = china.counts[0] as f64 * 10_000.0 / found.sections[0].tokens as f64;
    assert!((china.per_ten_thousand[0] - expected).abs() < 1e-9);
    assert!(found.words[1].counts.iter().all(|&n| n == 0));
}

#[test]
fn the_network_is_the_same_every_time() {
    let (_, document) = sample();
    let first = network(&document, &NetworkOptions::default());
    let second = network(&document, &NetworkOptions::default());
    assert_eq!(first, second);
    assert_eq!(first.edges.len(), 60);
    assert!(first.nodes.len() <= 120 && first.nodes.len() > 20, "{}", first.nodes.len());
    assert!(first.edges.windows(2).all(|e| e[0].jaccard >= e[1].jaccard));
    assert!(first.communities >= 2 && first.modularity > 0.2, "{} {}", first.communities, first.modularity);
    assert!(first.nodes.iter().all(|n| n.x.abs() <= 1.0 && n.y.abs() <= 1.0));
    // Jaccard of the strongest edge, counted here by hand over sentences.
    let edge = &first.edges[0];
    let (a, b) = (&first.nodes[edge.source], &first.nodes[edge.target]);
    assert!(
        edge.jaccard > 0.0
            && edge.jaccard <= 1.0
            && edge.together as f64 / edge.jaccard >= a.units.max(b.units) as f64 - 1e-9
    );
    let words: Vec<&str> = first.nodes.iter().map(|n| n.word.as_str()).collect();
    assert!(words.contains(&"习近平") && words.contains(&"主席"), "{words:?}");
}

#[test]
fn a_capped_list_of_flaws_says_how_many_there_are() {
    let analyzer = Segmenter::new();
    let text: String = (0..515).map(|i| format!("第{i}次会议上，大家讨论了改变中\n国体制的问题，发言{i}次。\n")).collect();
    let document = analyzer.document(text, true).unwrap();
    let found = repairs(&document, |w| analyzer.dictionary().has_word(w), Unit::Scalar);
    let broken = found.totals.iter().find(|t| t.kind == RepairKind::BrokenLine).expect("broken lines");
    assert_eq!((broken.found, broken.listed), (515, 200));
    assert_eq!(found.repairs.iter().filter(|r| r.kind == RepairKind::BrokenLine).count(), 200);
}

#[test]
fn the_printed_samples_flaws() {
    let (analyzer, document) = sample();
    let found = repairs(&document, |w| analyzer.dictionary().has_word(w), Unit::Scalar);
    let totals: usize = found.totals.iter().map(|t| t.found).sum();
    assert_eq!(totals, found.repairs.len(), "the sample's flaws are all listed");
    let found = found.repairs;
    let chars: Vec<char> = SAMPLE.chars().collect();
    let broken = found.iter().find(|r| r.word.as_deref() == Some("中国")).expect("the break inside 中国");
    let joined: String =
        chars[broken.start.saturating_sub(3)..broken.start].iter().chain(&chars[broken.end..broken.end + 3]).collect();
    assert_eq!(joined, "改变中国体制");
    let repeated: Vec<_> = found.iter().filter(|r| r.kind == RepairKind::Repeated).collect();
    assert_eq!(repeated.len(), 1);
    assert!(repeated[0].text.chars().count() >= 120, "{}", repeated[0].text);
    assert!(found.iter().any(|r| r.kind == RepairKind::Fragment && r.text.ends_with("就是两个坚持：存在的")));
    // The photo caption sits inside a sentence (…多极化和国际 / 争议…): the
    // join takes it out, and the sentence is whole again.
    let across = found.iter().find(|r| r.text.contains("多极化和国际⏎争议")).expect("the break around the caption");
    assert!(chars[across.start..across.end].iter().collect::<String>().contains("本版照片均为新华社发"));
    assert!(!found.iter().any(|r| r.kind == RepairKind::Caption));
}
