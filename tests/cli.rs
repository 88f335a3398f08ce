//! The `ciyan` binary, run as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples/wangyi-press-conference-2024-03-07.txt");

fn ciyan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ciyan")).args(args).output().unwrap()
}

fn ciyan_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ciyan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn analyze_prints_a_readable_summary() {
    let o = ciyan(&["analyze", SAMPLE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Keywords (TF-IDF)") && out.contains("Keywords (TextRank)"));
    assert!(out.contains("People: 习近平 (16), 王毅 (14)"), "{out}");
    assert!(out.contains("sentences"));
}

#[test]
fn analyze_json_is_the_analysis_the_page_receives() {
    let o = ciyan(&["analyze", "--json", SAMPLE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let analysis: ciyan::Analysis = serde_json::from_str(&stdout(&o)).unwrap();
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let direct = ciyan::Segmenter::new().analyze(&text, &ciyan::Options::default()).unwrap();
    assert_eq!(analysis, direct);
    let raw: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(raw["counts"]["hanCharacters"].is_u64(), "camelCase keys, as in JavaScript");
}

#[test]
fn cut_reads_standard_input_like_python_jieba() {
    let o = ciyan_stdin(&["cut", "-"], "我来到北京清华大学\n他来到了网易杭研大厦\n".as_bytes());
    assert!(o.status.success());
    assert_eq!(stdout(&o), "我 / 来到 / 北京 / 清华大学\n他 / 来到 / 了 / 网易 / 杭研 / 大厦\n\n");
}

#[test]
fn cut_flags_delimiter_pos_full_and_no_hmm() {
    let text = "我来到北京清华大学\n".as_bytes();
    assert_eq!(stdout(&ciyan_stdin(&["cut", "-d", "|", "-"], text)), "我|来到|北京|清华大学\n\n");
    assert_eq!(stdout(&ciyan_stdin(&["cut", "-d", "-"], text)), "我 来到 北京 清华大学\n\n");
    assert_eq!(stdout(&ciyan_stdin(&["cut", "-p", "-d", " ", "-"], text)), "我_r 来到_v 北京_ns 清华大学_nt\n\n");
    assert_eq!(stdout(&ciyan_stdin(&["cut", "-a", "-"], text)), "我 / 来到 / 北京 / 清华 / 清华大学 / 华大 / 大学\n\n");
    let o = ciyan_stdin(&["cut", "-n", "-"], "他来到了网易杭研大厦".as_bytes());
    assert_eq!(stdout(&o), "他 / 来到 / 了 / 网易 / 杭 / 研 / 大厦\n");
}

#[test]
fn keywords_tfidf_and_textrank() {
    let o = ciyan(&["keywords", SAMPLE, "--top", "5"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("中国\t0.09"), "{}", lines[0]);

    let o = ciyan(&["keywords", SAMPLE, "--method", "textrank", "--top", "3", "--json"]);
    let list: Vec<ciyan::Keyword> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0].weight, 1.0);
}

#[test]
fn keywords_stopwords_option_drops_chinese_stopwords() {
    let text = "我们我们我们我们可以可以可以发展发展".as_bytes();
    let plain = stdout(&ciyan_stdin(&["keywords", "-"], text));
    let filtered = stdout(&ciyan_stdin(&["keywords", "--stopwords", "-"], text));
    assert!(plain.contains("我们"));
    assert!(!filtered.contains("我们") && filtered.contains("发展"));
}

#[test]
fn a_missing_file_is_a_one_line_error() {
    let o = ciyan(&["analyze", "/no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "ciyan: /no/such/file.txt: no such file\n");
}

#[test]
fn a_directory_is_a_one_line_error() {
    let o = ciyan(&["cut", env!("CARGO_MANIFEST_DIR")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).ends_with("is a directory, not a text file\n"), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1);
}

fn input_fixture(name: &str) -> String {
    format!("{}/tests/fixtures/input/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn legacy_encodings_word_documents_and_web_pages_are_read_as_the_page_reads_them() {
    for name in ["gb18030.txt", "utf16le-bom.txt", "sample.docx", "page.html"] {
        let o = ciyan(&["keywords", "--top", "3", &input_fixture(name)]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(stdout(&o).contains("长江") || stdout(&o).contains("黄河"), "{name}: {}", stdout(&o));
    }
    let o = ciyan(&["keywords", "--top", "3", &input_fixture("big5.txt")]);
    // Decoded right; cutting traditional characters well is another matter.
    assert!(stdout(&o).contains("夜市"), "{}", stdout(&o));
}

#[test]
fn encoding_overrides_detection() {
    let o = ciyan(&["cut", "--encoding", "big5", &input_fixture("gb18030.txt")]);
    assert!(o.status.success());
    assert!(!stdout(&o).contains("长江"));
    let o = ciyan(&["cut", "--encoding", "klingon", &input_fixture("gb18030.txt")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown encoding \"klingon\""), "{}", stderr(&o));
}

#[test]
fn pdfs_and_binaries_are_a_one_line_error() {
    let o = ciyan(&["analyze", &input_fixture("document.pdf")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).ends_with("document.pdf: this is a PDF: copy its text and paste it, or save it as .txt\n"),
        "{}",
        stderr(&o)
    );
    let o = ciyan_stdin(&["analyze", "-"], &std::fs::read(input_fixture("binary.bin")).unwrap());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(stderr(&o).contains("not a text file"));
}

#[test]
fn empty_text_is_a_one_line_error() {
    let o = ciyan_stdin(&["analyze", "-"], b"  \n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "ciyan: the text is empty: give some Chinese text to analyse\n");
}

#[test]
fn bad_arguments_are_one_line_pointing_to_help_and_exit_2() {
    for args in
        [&["frobnicate", "x"][..], &["analyze"], &["analyze", "--top", "0", "-"], &["keywords", "--method", "lda", "-"]]
    {
        let o = ciyan(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).ends_with("; see `ciyan --help`\n"), "{args:?}");
        assert_eq!(stderr(&o).lines().count(), 1, "{args:?}");
    }
}

#[test]
fn a_damaged_utf8_file_is_analysed_with_a_note_of_what_was_replaced() {
    let mut bytes = std::fs::read(SAMPLE).unwrap();
    let step = bytes.len() / 50;
    for i in 0..50 {
        bytes[i * step + step / 2] = 0xFF;
    }
    let o = ciyan_stdin(&["analyze", "-"], &bytes);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Keywords (TF-IDF)"));
    assert!(stderr(&o).contains("malformed byte sequences in UTF-8 replaced with U+FFFD"), "{}", stderr(&o));
}

/// An object's keys, sorted.
fn keys(value: &serde_json::Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn kwic_json_lists_every_occurrence_with_scalar_positions() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let lines = json(&ciyan(&["kwic", SAMPLE, "合作", "--json", "--width", "10"]));
    let lines = lines.as_array().unwrap();
    let analysis = json(&ciyan(&["analyze", SAMPLE, "--json", "--keep-stopwords"]));
    let count =
        analysis["words"].as_array().unwrap().iter().find(|w| w["word"] == "合作").unwrap()["count"].as_u64().unwrap();
    assert_eq!(lines.len() as u64, count);
    for line in lines {
        assert_eq!(keys(line), ["end", "left", "right", "start", "word"]);
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), "合作");
        assert!(line["left"].as_str().unwrap().chars().count() <= 10);
    }
    let plain = stdout(&ciyan(&["kwic", SAMPLE, "合作"]));
    assert!(plain.ends_with(&format!("{count} occurrences of 合作\n")), "{plain}");
    let substring = json(&ciyan(&["kwic", SAMPLE, "合作", "--substring", "--json"]));
    assert!(substring.as_array().unwrap().len() as u64 > count, "合作 inside 合作伙伴 and the like");
}

#[test]
fn collocates_json_sorted_by_log_likelihood() {
    let rows = json(&ciyan(&["collocates", SAMPLE, "中国", "--json"]));
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    assert_eq!(keys(&rows[0]), ["count", "logDice", "logLikelihood", "mi", "tScore", "word"]);
    let ll: Vec<f64> = rows.iter().map(|r| r["logLikelihood"].as_f64().unwrap()).collect();
    assert!(ll.windows(2).all(|p| p[0] >= p[1]));
    assert!(rows.iter().all(|r| r["count"].as_u64().unwrap() >= 3));
    let narrow = json(&ciyan(&["collocates", SAMPLE, "中国", "--span", "1,1", "--min", "2", "--json"]));
    assert_ne!(narrow, json(&ciyan(&["collocates", SAMPLE, "中国", "--json"])));
    let o = ciyan(&["collocates", SAMPLE, "中国", "--span", "5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--span is L,R"));
}

#[test]
fn dispersion_and_phrases_json() {
    let d = json(&ciyan(&["dispersion", SAMPLE, "中国", "--parts", "5", "--json"]));
    assert_eq!(keys(&d), ["dp", "juillandD", "parts"]);
    assert_eq!(d["parts"].as_array().unwrap().len(), 5);
    let dp = d["dp"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&dp));
    let absent = json(&ciyan(&["dispersion", SAMPLE, "不在文中的词", "--json"]));
    assert!(absent["dp"].is_null() && absent["juillandD"].is_null());

    let phrases = json(&ciyan(&["phrases", SAMPLE, "--json"]));
    let phrases = phrases.as_array().unwrap();
    assert!(!phrases.is_empty());
    assert!(phrases.iter().all(|p| p["count"].as_u64().unwrap() >= 3));
    let all = json(&ciyan(&["phrases", SAMPLE, "--all", "--json"]));
    assert!(all.as_array().unwrap().len() > phrases.len());
    let o = ciyan(&["kwic", SAMPLE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a WORD"));
}

const TRADITIONAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sample-traditional.txt");
const USER_DICT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/userdict-sample.txt");

#[test]
fn a_user_dictionary_and_a_stopword_file_apply_to_every_command() {
    let cut = stdout(&ciyan_stdin(&["cut", "-u", USER_DICT, "-"], "推动构建人类命运共同体\n".as_bytes()));
    assert_eq!(cut, "推动 / 构建 / 人类命运共同体\n\n");
    let kwic = json(&ciyan(&["kwic", SAMPLE, "一带一路", "--json", "--user-dict", USER_DICT]));
    assert_eq!(kwic.as_array().unwrap().len(), 12);

    let dir = std::env::temp_dir().join(format!("ciyan-cli-stopwords-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let stop_file = dir.join("stop.txt");
    std::fs::write(&stop_file, "中国\n外交\n").unwrap();
    let stop = stop_file.to_str().unwrap();
    let top = |args: &[&str]| -> Vec<String> {
        let o = ciyan(args);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o).lines().map(|l| l.split('\t').next().unwrap().to_string()).collect()
    };
    let with = top(&["keywords", SAMPLE, "--top", "3", "--stop-words", stop]);
    assert!(!with.contains(&"中国".to_string()) && !with.contains(&"外交".to_string()), "{with:?}");
    let analysis: ciyan::Analysis =
        serde_json::from_str(&stdout(&ciyan(&["analyze", "--json", SAMPLE, "--stop-words", stop]))).unwrap();
    assert!(!analysis.words.iter().any(|w| w.word == "中国"));
    // In place of the built-in list: 我们 is no stopword of this file.
    assert!(analysis.words.iter().any(|w| w.word == "我们"));
    std::fs::remove_dir_all(&dir).ok();

    let o = ciyan_stdin(&["cut", "-u", "-", "-"], b"");
    assert_eq!(o.status.code(), Some(1), "reading both from standard input is an error: {}", stderr(&o));
}

#[test]
fn traditional_input_is_cut_and_ranked_in_its_own_script() {
    let cut = stdout(&ciyan_stdin(&["cut", "-"], "習近平與我們討論兩岸關係\n".as_bytes()));
    assert_eq!(cut, "習近平 / 與 / 我們 / 討論 / 兩岸關係\n\n");
    let tagged = stdout(&ciyan_stdin(&["cut", "-p", "-d", " ", "-"], "臺灣問題\n".as_bytes()));
    assert_eq!(tagged, "臺灣_ns 問題_n\n\n");
    let o = ciyan(&["keywords", TRADITIONAL, "--top", "3"]);
    let out = stdout(&o);
    let words: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(words, ["中國", "外交", "習近平"], "{out}");
}

#[test]
fn newwords_lists_words_the_dictionary_lacks() {
    let found = json(&ciyan(&["newwords", SAMPLE, "--json"]));
    assert_eq!(found["tooShort"], true);
    let words: Vec<&str> = found["words"].as_array().unwrap().iter().map(|w| w["word"].as_str().unwrap()).collect();
    assert!(words.contains(&"王毅") && words.contains(&"一带一路"), "{words:?}");
    let table = stdout(&ciyan(&["newwords", SAMPLE, "--top", "2"]));
    assert!(table.starts_with("# 7492 Han characters"), "{table}");
    assert_eq!(table.lines().count(), 4, "{table}");
}

#[test]
fn sections_by_speaker_chapter_or_parts() {
    let turns = json(&ciyan(&["sections", SAMPLE, "--json"]));
    let labels: Vec<&str> = turns.as_array().unwrap().iter().map(|t| t["label"].as_str().unwrap()).collect();
    assert_eq!(labels.iter().filter(|l| **l == "王毅").count(), 12);
    assert_eq!(labels.iter().filter(|l| l.ends_with("记者")).count(), 11);
    assert_eq!(labels[0], "", "the opening (the headline and lead) is unlabelled: the page names it");
    let table = stdout(&ciyan(&["sections", SAMPLE]));
    assert!(table.lines().nth(1).unwrap().starts_with("(opening)\t0\t"), "{table}");
    let first = &turns[1];
    assert!(
        first["start"].as_u64().unwrap() < first["end"].as_u64().unwrap() && first["tokens"].as_u64().unwrap() > 100
    );
    let parts = json(&ciyan(&["sections", SAMPLE, "--by", "parts:4", "--json"]));
    assert_eq!(parts.as_array().unwrap().len(), 4);
    let novel = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/novels/sanguo-200k.txt");
    let table = stdout(&ciyan(&["sections", novel]));
    assert!(table.lines().nth(1).unwrap().starts_with("第一回 宴桃园豪杰三结义"), "{table}");
    let o = ciyan(&["sections", SAMPLE, "--by", "pages"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn network_and_repairs_as_json() {
    let network = json(&ciyan(&["network", SAMPLE, "--edges", "30", "--json"]));
    assert_eq!(network["edges"].as_array().unwrap().len(), 30);
    let first = &network["edges"][0];
    let (a, b) = (first["source"].as_u64().unwrap() as usize, first["target"].as_u64().unwrap() as usize);
    assert_eq!(
        (network["nodes"][a]["word"].as_str(), network["nodes"][b]["word"].as_str()),
        (Some("共建"), Some("一带"))
    );
    assert!(network["modularity"].as_f64().unwrap() > 0.3);
    let repairs = json(&ciyan(&["repairs", SAMPLE, "--json"]));
    let china = repairs["repairs"].as_array().unwrap().iter().find(|r| r["word"] == "中国").expect("the break inside 中国");
    // Unicode scalars: the break between 改变中 and 国体制.
    let chars: Vec<char> = std::fs::read_to_string(SAMPLE).unwrap().chars().collect();
    let start = china["start"].as_u64().unwrap() as usize;
    assert_eq!(chars[start - 1], '中');
    assert_eq!(chars[china["end"].as_u64().unwrap() as usize], '国');
    assert!(stdout(&ciyan(&["repairs", SAMPLE])).lines().any(|l| l.starts_with("repeated\t")));
}

#[test]
fn compare_ranks_keyness_positive_first() {
    let hlm = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hongloumeng-200k.txt");
    let sanguo = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/novels/sanguo-200k.txt");
    let found = json(&ciyan(&["compare", hlm, sanguo, "--json"]));
    let rows = found.as_array().unwrap();
    assert_eq!(rows[0]["positive"], true);
    let positive: Vec<&str> = rows.iter().take(20).map(|r| r["word"].as_str().unwrap()).collect();
    assert!(positive.contains(&"宝玉"), "{positive:?}");
    let first_negative = rows.iter().position(|r| r["positive"] == false).unwrap();
    assert!(rows[first_negative..].iter().all(|r| r["positive"] == false));
    let negative: Vec<&str> = rows[first_negative..].iter().take(20).map(|r| r["word"].as_str().unwrap()).collect();
    assert!(negative.contains(&"玄德") || negative.contains(&"曹操"), "{negative:?}");
    for key in ["word", "a", "b", "logLikelihood", "logRatio"] {
        assert!(rows[0].get(key).is_some(), "{key}");
    }
    assert_eq!(ciyan(&["compare", hlm]).status.code(), Some(2));
}

#[test]
fn analyze_many_files_prints_a_json_line_each() {
    let hlm = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hongloumeng-200k.txt");
    let o = ciyan(&["analyze", SAMPLE, hlm, "/no/such/file.txt", "-j", "2"]);
    assert_eq!(o.status.code(), Some(1), "one file is missing");
    assert!(stderr(&o).contains("/no/such/file.txt"));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    let of = |name: &str| lines.iter().find(|l| l["file"].as_str().unwrap().ends_with(name)).unwrap();
    assert_eq!(of("wangyi-press-conference-2024-03-07.txt")["entities"]["people"][0]["word"], "习近平");
    assert!(of("hongloumeng-200k.txt")["counts"]["tokens"].as_u64().unwrap() > 30_000);
    assert_eq!(of("file.txt")["error"]["code"], "missing");
}

#[test]
fn query_answers_as_the_session_does_and_as_the_older_commands_do() {
    // The same question three ways: `ciyan query`, the core's Session, `ciyan kwic --json`.
    let asked = r#"{"query": "concordance", "term": "台湾", "options": {"width": 10}}"#;
    let o = ciyan(&["query", SAMPLE, asked]);
    assert!(o.status.success(), "{}", stderr(&o));
    let by_cli: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();

    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let mut session = ciyan::Session::new(ciyan::Segmenter::new(), ciyan::document::Unit::Scalar);
    session.keep(text, &ciyan::Options::default()).unwrap();
    let query: ciyan::Query = serde_json::from_str(asked).unwrap();
    let by_session = serde_json::to_value(session.ask(&query, |_| {}).unwrap()).unwrap();
    assert_eq!(by_cli, by_session);

    let kwic: serde_json::Value =
        serde_json::from_str(&stdout(&ciyan(&["kwic", SAMPLE, "台湾", "--width", "10", "--json"]))).unwrap();
    let lines = by_cli.as_array().unwrap();
    assert_eq!(lines.len(), kwic.as_array().unwrap().len());
    for (line, old) in lines.iter().zip(kwic.as_array().unwrap()) {
        for field in ["left", "word", "right", "start", "end"] {
            assert_eq!(line[field], old[field], "{field}");
        }
    }
}

#[test]
fn query_refuses_what_the_contract_does_not_know_in_one_line() {
    for bad in [r#"{"query": "nope"}"#, r#"{"query": "textProfile", "x": 1}"#, "not json"] {
        let o = ciyan(&["query", SAMPLE, bad]);
        assert!(!o.status.success());
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("ciyan: "), "{err}");
    }
    let o = ciyan(&["query", SAMPLE, r#"{"request": "constants"}"#]);
    let constants: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(constants["limits"]["topK"], 500);
}
