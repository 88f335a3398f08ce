//! 3. A sparse file of the limit and one byte, in a corpus; 4. oversized
//! dictionaries and stopword files.

use super::*;

// --- A sparse file of the limit and one byte, in a corpus ---------------------

// A user analyses a folder in which one file is one byte over the limit
// (cli_limits.rs tries 1 GB): it is refused by its length, unread, and the
// good file's result is still printed.
#[test]
fn a_file_one_byte_over_the_limit_in_a_corpus_leaves_the_others_analysed() {
    let good = TempFile::with("good.txt", format!("{BEFORE}\n{AFTER}\n").as_bytes());
    let over = TempFile::new("over.txt");
    std::fs::File::create(&over.0).unwrap().set_len(MAX_FILE_BYTES as u64 + 1).unwrap();
    let alone = ciyan(&["analyze", good.path()]);
    let run = ciyan(&["analyze", good.path(), over.path()]);
    run.within_budget("corpus with a file of the limit + 1");
    assert_eq!(run.status.code(), Some(1), "{}", run.stderr);
    let lines: Vec<serde_json::Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    let refused = lines.iter().find(|l| l["file"] == over.path()).unwrap();
    assert_eq!(refused["error"]["code"], "file-too-large");
    assert!(refused["error"]["message"].as_str().unwrap().contains("64.1 MiB"), "{refused}");
    let analysed = lines.iter().find(|l| l["file"] == good.path()).unwrap();
    assert!(words_of(analysed).contains(&"清华大学".to_string()), "{analysed}");
    // Read whole, the file would add its 64 MiB to the good file's alone.
    let added = run.peak_kib.saturating_sub(alone.peak_kib);
    assert!(added < (MAX_FILE_BYTES as u64 >> 11), "read whole: {added} KiB more than the good file alone");
}

// --- Oversized dictionaries and stopword files ----------------------------------

/// `ciyan analyze` of the short text with `flag FILE`, refused: its one
/// line of error.
fn refused_list(flag: &str, content: &[u8], what: &str) -> String {
    let name = what.replace(' ', "-");
    let file = TempFile::with(&format!("list-{name}.txt"), content);
    let text = TempFile::with(&format!("text-{name}.txt"), format!("{BEFORE}\n{AFTER}\n").as_bytes());
    let run = ciyan(&["analyze", text.path(), flag, file.path()]);
    run.within_budget(what);
    assert_eq!(run.status.code(), Some(1), "{what}: {}", run.stderr);
    assert!(run.stdout.is_empty(), "{what}");
    assert_eq!(run.stderr.lines().count(), 1, "{what}: {}", run.stderr);
    // The message quotes the bad line short, whatever its length.
    assert!(run.stderr.len() < 400, "{what}: {} bytes of message", run.stderr.len());
    assert!(run.stderr.starts_with(&format!("ciyan: {}: ", file.path())), "{what}: {}", run.stderr);
    eprintln!("{what}: {}", run.stderr.trim_end());
    run.stderr
}

// A user gives a user dictionary whose third line is 17.5 million letters
// (a file that lost its line breaks, or a hostile one).
#[test]
fn a_user_dictionary_line_of_17_5_million_characters_is_refused_by_its_line() {
    let content = format!("一带一路\n进博会 3 nz\n{} n\n新质生产力\n", "a".repeat(17_500_000));
    let message = refused_list("--user-dict", content.as_bytes(), "user dictionary with a huge line");
    assert!(message.contains("line 3") && message.contains("at most 64 characters"), "{message}");
}

// The same line of Han characters is 52 MB: over the file limit, refused
// before it is read.
#[test]
fn a_stopword_file_of_17_5_million_han_characters_is_refused_by_its_size() {
    let content = format!("的\n{}\n", "字".repeat(17_500_000));
    assert!(content.len() > MAX_SETTINGS_FILE_BYTES);
    let message = refused_list("--stop-words", content.as_bytes(), "stopword file of 52 MB");
    assert!(message.contains("over the limit of 32 MiB"), "{message}");
}

/// 200,000 distinct words, a line each.
fn lines_200000(suffix: &str) -> String {
    (0..200_000).map(|i| format!("词{i}{suffix}\n")).collect()
}

// A user gives a user dictionary of 200,000 words, twice the limit.
#[test]
fn a_user_dictionary_of_200000_lines_is_refused_at_the_line_past_the_limit() {
    let message = refused_list("--user-dict", lines_200000(" 3 n").as_bytes(), "user dictionary of 200,000 lines");
    assert_eq!(MAX_USER_WORDS, 100_000);
    assert!(message.contains("line 100001") && message.contains("100000"), "{message}");
}

// A user gives a stopword list of 200,000 words, twice the limit.
#[test]
fn a_stopword_file_of_200000_lines_is_refused_at_the_line_past_the_limit() {
    let message = refused_list("--stop-words", lines_200000("").as_bytes(), "stopword file of 200,000 lines");
    assert_eq!(MAX_LIST_WORDS, 100_000);
    assert!(message.contains("line 100001") && message.contains("100000"), "{message}");
}

// A user gives a picture, or the program itself, as a dictionary or a
// stopword file.
#[test]
fn a_binary_dictionary_or_stopword_file_is_refused_as_binary() {
    let mut lcg = Lcg(7);
    let noise: Vec<u8> = (0..1 << 20).map(|_| lcg.below(256) as u8).collect();
    let picture = [&b"\x89PNG\r\n\x1a\n"[..], &noise].concat();
    for flag in ["--user-dict", "--stop-words"] {
        let message = refused_list(flag, &noise, &format!("random bytes as {flag}"));
        assert!(message.contains("binary"), "{message}");
        let message = refused_list(flag, &picture, &format!("a picture as {flag}"));
        assert!(message.contains("image"), "{message}");
        let program = std::fs::read(BIN).unwrap();
        let program = &program[..program.len().min(8 << 20)];
        let message = refused_list(flag, program, &format!("a program as {flag}"));
        assert!(message.contains("binary") || message.contains("format"), "{message}");
    }
}
