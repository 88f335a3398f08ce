//! Sections: the chapters of 红楼梦 and the speaker turns of the sample.

use ciyan::analyses::sections::{sections, suggest, Section, SectionBy};
use ciyan::document::Unit;
use ciyan::Segmenter;

const SAMPLE: &str = include_str!("../www/samples/wangyi-press-conference-2024-03-07.txt");

fn split(text: &str, by: SectionBy) -> Vec<Section> {
    let document = Segmenter::new().document(text.to_string(), true).unwrap();
    sections(&document, &by, Unit::Scalar)
}

#[test]
fn the_sample_has_twelve_answers_by_wang_yi_and_eleven_questions() {
    assert_eq!(suggest(SAMPLE), SectionBy::Speaker);
    let turns = split(SAMPLE, SectionBy::Speaker);
    assert_eq!(turns[0].label, "", "the headline and the lead come first: the opening, unlabelled");
    let by_wang = turns.iter().filter(|t| t.label == "王毅").count();
    let questions: Vec<&str> = turns.iter().map(|t| t.label.as_str()).filter(|l| l.ends_with("记者")).collect();
    assert_eq!(by_wang, 12);
    assert_eq!(questions.len(), 11, "{questions:?}");
    assert_eq!(turns.len(), 1 + 12 + 11, "no false speakers: {:?}", turns.iter().map(|t| &t.label).collect::<Vec<_>>());
    // The label is no word of the turn: the turn starts after the colon.
    let chars: Vec<char> = SAMPLE.chars().collect();
    let first_answer = turns.iter().find(|t| t.label == "王毅").unwrap();
    assert_eq!(chars[first_answer.start - 1], '：');
    assert!(!chars[first_answer.start..first_answer.end].iter().collect::<String>().starts_with("王毅"));
}

#[test]
fn chapters_of_hongloumeng() {
    let excerpt = include_str!("fixtures/hongloumeng-200k.txt");
    assert_eq!(suggest(excerpt), SectionBy::Chapter);
    let chapters = split(excerpt, SectionBy::Chapter);
    // 11 headings; 第四回中既将薛家母子…… opens a paragraph of chapter five.
    assert_eq!(chapters.iter().filter(|c| c.label.starts_with('第')).count(), 11);
    assert!(chapters[1].label.starts_with("第一回"), "{}", chapters[1].label);
    let whole = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/hongloumeng.txt");
    if let Ok(text) = std::fs::read_to_string(whole) {
        let chapters = split(&text, SectionBy::Chapter);
        assert_eq!(chapters.iter().filter(|c| c.label.starts_with('第')).count(), 120);
        assert!(chapters.last().unwrap().label.starts_with("第一百二十回"));
    }
}

#[test]
fn parts_and_paragraphs_cover_every_word() {
    let document = Segmenter::new().document(SAMPLE.to_string(), true).unwrap();
    let words = document.word_tokens(false).len();
    for by in [SectionBy::Parts { parts: 10 }, SectionBy::Paragraph, SectionBy::Speaker] {
        let found = sections(&document, &by, Unit::Scalar);
        let covered: usize = found.iter().map(|s| s.tokens).sum();
        if by == SectionBy::Speaker {
            // The labels (王毅, 法新社记者 …) are not counted: a few dozen words.
            assert!(covered < words && covered > words - 100, "{by:?}: {covered} of {words}");
        } else {
            assert_eq!(covered, words, "{by:?}");
        }
        assert!(found.windows(2).all(|p| p[0].end <= p[1].start), "{by:?}: in order, apart");
    }
    assert_eq!(sections(&document, &SectionBy::Parts { parts: 10 }, Unit::Scalar).len(), 10);
}
