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

/// The labels of the sections `suggest` picks for `text`, the opening left out.
fn suggested_labels(text: &str) -> (SectionBy, Vec<String>) {
    let by = ciyan::analyses::sections::suggest(text);
    let labels = split(text, by.clone()).into_iter().map(|s| s.label).filter(|l| !l.is_empty()).collect();
    (by, labels)
}

#[test]
fn headings_people_write_are_found() {
    // A Markdown novel in traditional characters, its dialogue no speaker turns.
    let novel = "# 老殘遊記\n\n## 第一回 土不制水歷年成患　風能鼓浪到處可危\n\n話說山東登州府東門外有一座大山。\n\
        老殘說：「你們這些人，」\n眾人道：「好。」\n\n## 第二回 歷山山下古帝遺蹤　明湖湖邊美人絕調\n\n話說老殘在漁船上。\n\
        老殘說：「是。」\n\n## 第三回 金線東來尋黑虎　布帆西去訪蒼鷹\n\n老殘說：「走罷。」\n";
    let (by, labels) = suggested_labels(novel);
    assert_eq!(by, SectionBy::Chapter);
    assert_eq!(labels.len(), 3, "{labels:?}");
    assert!(labels[0].starts_with("第一回"));
    assert!(split(novel, SectionBy::Speaker).iter().all(|s| s.label.is_empty()), "a novel has no speakers");
    // 史記's 卷 under Markdown headings.
    let shiji = "## 卷一·五帝本紀第一\n黃帝者，少典之子。\n## 卷二·夏本紀第二\n夏禹，名曰文命。\n## 卷三·殷本紀第三\n殷契。\n";
    assert_eq!(suggested_labels(shiji).1, ["卷一·五帝本紀第一", "卷二·夏本紀第二", "卷三·殷本紀第三"]);
    // A government report: its 一、 parts, with （一） points inside.
    let report = "政府工作报告\n各位代表：\n一、2021年工作回顾\n过去一年是党和国家历史上具有里程碑意义的一年。\n\
        （一）着力稳定宏观经济大盘。保持经济运行在合理区间。\n（二）着力稳市场主体保就业。\n\
        二、2022年经济社会发展总体要求和政策取向\n今年将召开党的二十大。\n三、2022年政府工作任务\n\
        （一）坚持实施扩大内需战略。\n";
    let (by, labels) = suggested_labels(report);
    assert_eq!(by, SectionBy::Chapter);
    assert_eq!(labels, ["一、2021年工作回顾", "二、2022年经济社会发展总体要求和政策取向", "三、2022年政府工作任务"]);
    // A pattern of the user's own.
    let by = SectionBy::Pattern { pattern: "（[一二三四五六七八九十]+）".into() };
    let labels: Vec<String> = split(report, by).into_iter().map(|s| s.label).filter(|l| !l.is_empty()).collect();
    assert_eq!(labels, ["（一）着力稳定宏观经济大盘", "（二）着力稳市场主体保就业", "（一）坚持实施扩大内需战略"]);
    assert!(SectionBy::Pattern { pattern: "(".into() }.validate().is_err());
}

#[test]
fn the_sample_is_still_divided_by_speaker() {
    let sample = include_str!("../www/samples/wangyi-press-conference-2024-03-07.txt");
    assert_eq!(ciyan::analyses::sections::suggest(sample), SectionBy::Speaker);
}
