//! The limits of src/limits.rs hold on every path into the core: a user
//! dictionary or a stopword file (parsed: the page's import and the command
//! line), the settings the page configures the session with (typed,
//! imported or restored from the browser's storage), the name corrections
//! of a summary, and the command line's --user-dict and --stop-words.

use std::process::Command;

use ciyan::limits::{MAX_LIST_WORDS, MAX_SETTINGS_FILE_BYTES, MAX_USER_WORDS, MAX_WORD_CHARS};
use ciyan::session::{Reply, Request};
use ciyan::{Options, Session, StopwordSettings, UserDictionary, UserWord};

fn session() -> Session {
    Session::new(ciyan::Segmenter::new(), ciyan::document::Unit::Utf16)
}

fn configure(user_words: Vec<UserWord>, stopwords: StopwordSettings) -> Result<Reply, ciyan::Error> {
    session().handle(Request::Configure { user_words: UserDictionary { words: user_words }, stopwords }, |_| {})
}

#[test]
fn the_page_learns_every_limit_from_the_constants() {
    let Ok(Reply::Constants(constants)) = session().handle(Request::Constants {}, |_| {}) else { panic!() };
    let limits = constants.limits;
    assert_eq!(
        (limits.word_chars, limits.user_words, limits.list_words, limits.settings_file_bytes),
        (MAX_WORD_CHARS, MAX_USER_WORDS, MAX_LIST_WORDS, MAX_SETTINGS_FILE_BYTES)
    );
}

#[test]
fn configured_settings_over_a_limit_are_refused_and_nothing_changes() {
    let huge = "a".repeat(17_500_000);
    let stopwords = StopwordSettings { added: vec!["王毅".into(), huge.clone()], ..Default::default() };
    let error = configure(Vec::new(), stopwords).unwrap_err();
    assert_eq!(error.code(), "invalid-option");
    assert!(error.to_string().contains("word 2") && error.to_string().len() < 300, "{error}");

    let too_many = StopwordSettings { removed: vec!["的".into(); MAX_LIST_WORDS + 1], ..Default::default() };
    assert!(configure(Vec::new(), too_many).is_err());
    assert!(configure(vec![UserWord::new(huge)], StopwordSettings::default()).is_err());

    // A bad stopword keeps the user words from changing too.
    let mut s = session();
    let bad = StopwordSettings { added: vec!["字".repeat(MAX_WORD_CHARS + 1)], ..Default::default() };
    let request = Request::Configure {
        user_words: UserDictionary { words: vec![UserWord::new("一带一路")] },
        stopwords: bad,
    };
    assert!(s.handle(request, |_| {}).is_err());
    assert!(s.segmenter().user_dictionary().is_empty());
}

#[test]
fn a_stopword_file_names_the_line_that_breaks_a_limit() {
    let text = format!("的\n了\n{}\n", "字".repeat(1_000_000));
    let error = session().handle(Request::ParseStopwords { text }, |_| {}).unwrap_err();
    assert_eq!(error.code(), "bad-stopword-list");
    let details = error.details();
    assert_eq!(
        (details.line, details.problem, details.chars, details.limit),
        (Some(3), Some("too-long"), Some(1_000_000), Some(MAX_WORD_CHARS))
    );
}

#[test]
fn name_corrections_over_a_limit_are_refused() {
    let mut options = Options::default();
    options.names.removed = vec!["名".repeat(MAX_WORD_CHARS + 1)];
    assert!(options.validate().is_err());
    options.names.removed = vec!["Barack Obama".into()];
    assert!(options.validate().is_ok(), "a name may hold a space");
}

#[test]
fn the_command_line_holds_its_files_to_the_limits() {
    let dir = std::env::temp_dir().join(format!("ciyan-settings-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = dir.join("text.txt");
    std::fs::write(&text, "龙井茶产于杭州西湖。").unwrap();
    let run = |flag: &str, file: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_ciyan"))
            .args(["analyze", text.to_str().unwrap(), flag, file.to_str().unwrap()])
            .output()
            .unwrap()
    };

    let stopwords = dir.join("stop.txt");
    std::fs::write(&stopwords, format!("的\n{}\n", "a".repeat(17_500_000))).unwrap();
    let out = run("--stop-words", &stopwords);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("line 2") && stderr.contains("at most 64 characters") && stderr.len() < 500, "{stderr}");

    let words = dir.join("words.txt");
    std::fs::write(&words, format!("一带一路\n{} n\n", "字".repeat(65))).unwrap();
    let out = run("--user-dict", &words);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));

    // Over the file limit: refused after reading at most one byte more than it.
    let big = dir.join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(MAX_SETTINGS_FILE_BYTES as u64 * 4).unwrap();
    let out = run("--user-dict", &big);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("over the limit"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_dictionary_read_as_columns_holds_the_same_words() {
    let text = "一带一路\n进博会 3 nz\n新质生产力 n\n".to_string();
    let request = Request::ParseUserDictionary { text, columns: true };
    let Ok(Reply::UserWordColumns(columns)) = session().handle(request, |_| {}) else { panic!() };
    assert_eq!(columns.words, ["一带一路", "进博会", "新质生产力"]);
    assert_eq!(columns.freqs, [None, Some(3), None]);
    assert_eq!(columns.tags, [None, Some("nz".to_string()), Some("n".to_string())]);
}
