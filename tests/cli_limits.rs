//! The command line against what it should not trust (issue 22): thread
//! counts, file sizes, endless streams, usage errors, closed pipes and zip
//! bombs. Each input is made here, and each run is bounded in time (and,
//! where the fault was memory, in memory) so that a regression fails the
//! test rather than the machine.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

mod support;
use support::{zip, TempFile};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples/wangyi-press-conference-2024-03-07.txt");
const BIN: &str = env!("CARGO_BIN_EXE_ciyan");
/// The input limit as every message states it.
const LIMIT: &str = "over the limit of 64 MiB";
/// The address space a refusal may take (KiB, `ulimit -v`): far less than
/// the gigabyte the old command line read, far more than the limit.
const MEMORY_KIB: u64 = 640 * 1024;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `ciyan args`, in at most `MEMORY_KIB` of address space.
fn bounded(args: &[&str]) -> Command {
    let mut command = Command::new("sh");
    command.arg("-c").arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\"")).arg(BIN).args(args);
    command
}

/// Waits for `child` at most `limit`, killing it (and failing) past that.
fn wait(mut child: Child, limit: Duration, what: &str) -> (Output, Duration) {
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return (child.wait_with_output().unwrap(), started.elapsed());
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let o = child.wait_with_output().unwrap();
            panic!("{what}: still running after {limit:?}; stderr: {}", stderr(&o));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The number of threads of process `pid` now, if Linux says.
fn threads_of(pid: u32) -> Option<usize> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|l| l.strip_prefix("Threads:")).and_then(|n| n.trim().parse().ok())
}

#[test]
fn jobs_are_at_most_the_files_and_the_cores() {
    let a = TempFile::with("jobs-a.txt", "我来到北京清华大学。".as_bytes());
    let b = TempFile::with("jobs-b.txt", "他来到了网易杭研大厦。".as_bytes());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // The pool's threads and the main one.
    let most = 1 + cores.min(2);
    for jobs in ["99999", "2", "1"] {
        let mut child = Command::new(BIN)
            .args(["analyze", a.path(), b.path(), "-j", jobs])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let mut seen = 0;
        while child.try_wait().unwrap().is_none() {
            seen = seen.max(threads_of(child.id()).unwrap_or(0));
            if seen > most || started.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("-j {jobs}: {seen} threads after {:?}, at most {most} expected", started.elapsed());
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "-j {jobs}: {}", stderr(&o));
        assert_eq!(stdout(&o).lines().count(), 2, "-j {jobs}: a line a file");
        eprintln!("-j {jobs}: at most {seen} threads seen, {:?}", started.elapsed());
    }
}

/// A sparse file of `bytes`: its length says 1 GB, its disk holds nothing.
fn sparse(name: &str, bytes: u64) -> TempFile {
    let file = TempFile::new(name);
    File::create(&file.0).unwrap().set_len(bytes).unwrap();
    file
}

#[test]
fn a_file_over_the_limit_is_refused_by_its_length_before_it_is_read() {
    let big = sparse("big.txt", 1 << 30);
    let (o, took) = wait(
        bounded(&["analyze", big.path()]).stderr(Stdio::piped()).spawn().unwrap(),
        Duration::from_secs(30),
        "1 GB",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err, format!("ciyan: {}: the file is 1024 MiB, {LIMIT}: analyse it in parts\n", big.path()));
    assert!(took < Duration::from_secs(5), "refused in {took:?}");
    eprintln!("1 GB sparse file refused in {took:?}");

    // The same file as standard input (`ciyan analyze - < big.txt`).
    let (o, took) = wait(
        bounded(&["cut", "-"]).stdin(File::open(&big.0).unwrap()).stderr(Stdio::piped()).spawn().unwrap(),
        Duration::from_secs(30),
        "1 GB on standard input",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(LIMIT), "{}", stderr(&o));
    eprintln!("1 GB sparse file on standard input refused in {took:?}");

    // In a corpus, the file is a line with its error, and the others are analysed.
    let o = bounded(&["analyze", SAMPLE, big.path()]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let refused = lines.iter().find(|l| l["file"] == big.path()).unwrap();
    assert_eq!(refused["error"]["code"], "file-too-large");
}

#[test]
fn a_file_at_the_limit_is_read() {
    // A file of exactly 64 MiB is read: the limit is the largest size accepted.
    let full = sparse("full.txt", ciyan::decode::MAX_FILE_BYTES as u64);
    let o = bounded(&["cut", full.path()]).output().unwrap();
    // Zero bytes are no text, but they are decoded, not refused for size.
    assert!(!stderr(&o).contains(LIMIT), "{}", stderr(&o));
}

#[test]
fn dev_zero_and_dev_urandom_are_read_up_to_the_limit_then_refused() {
    for device in ["/dev/zero", "/dev/urandom"] {
        if !Path::new(device).exists() {
            continue;
        }
        let (o, took) = wait(
            bounded(&["analyze", device]).stderr(Stdio::piped()).spawn().unwrap(),
            Duration::from_secs(60),
            device,
        );
        assert_eq!(o.status.code(), Some(1), "{device}: {}", stderr(&o));
        assert_eq!(stderr(&o), format!("ciyan: {device}: it goes on past the limit of 64 MiB: analyse it in parts\n"));
        eprintln!("{device} refused in {took:?}");
    }
}

/// Starts `ciyan args` with a standard input that never ends: `writer`
/// feeds it until the pipe is closed.
fn with_endless_stdin(mut command: Command) -> (Child, std::thread::JoinHandle<u64>) {
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = "我来到北京清华大学。".repeat(4096);
        let mut written = 0u64;
        while stdin.write_all(chunk.as_bytes()).is_ok() {
            written += chunk.len() as u64;
        }
        written
    });
    (child, writer)
}

#[test]
fn a_standard_input_that_never_ends_is_refused_past_the_limit() {
    let (child, writer) = with_endless_stdin(bounded(&["keywords", "-"]));
    let (o, took) = wait(child, Duration::from_secs(60), "endless standard input");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "ciyan: standard input: it goes on past the limit of 64 MiB: analyse it in parts\n");
    let written = writer.join().unwrap();
    // What the pipe holds besides: the reader stopped at the limit.
    assert!(written <= ciyan::decode::MAX_FILE_BYTES as u64 + (1 << 20), "{written} bytes were taken");
    eprintln!("endless standard input refused in {took:?} ({written} bytes written)");
}

#[cfg(unix)]
#[test]
fn a_fifo_that_never_ends_is_refused_past_the_limit() {
    let fifo = TempFile::new("endless.fifo");
    if !Command::new("mkfifo").arg(&fifo.0).status().is_ok_and(|s| s.success()) {
        return;
    }
    let path = fifo.0.clone();
    let child = bounded(&["cut", fifo.path()]).stderr(Stdio::piped()).spawn().unwrap();
    let writer = std::thread::spawn(move || {
        let mut pipe = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        let chunk = vec![b'a'; 1 << 16];
        while pipe.write_all(&chunk).is_ok() {}
    });
    let (o, _) = wait(child, Duration::from_secs(60), "endless FIFO");
    writer.join().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("goes on past the limit of 64 MiB"), "{}", stderr(&o));
}

/// The one line a usage error prints.
fn usage_error(args: &[&str]) -> String {
    let o = Command::new(BIN).args(args).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    assert!(o.stdout.is_empty(), "{args:?}");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{args:?}: one line, not the usage:\n{err}");
    assert!(err.starts_with("ciyan: ") && err.ends_with("; see `ciyan --help`\n"), "{args:?}: {err}");
    err
}

#[test]
fn a_usage_error_is_one_line_that_names_the_problem() {
    assert!(usage_error(&["frobnicate", "x"]).contains("frobnicate"));
    assert!(usage_error(&[]).contains("expected a command"));
    assert!(usage_error(&["--frob"]).contains("--frob"));
    assert!(usage_error(&["analyze", "--frob", "-"]).contains("--frob"));
    assert!(usage_error(&["analyze"]).contains("needs a FILE"));
    let missing = usage_error(&["keywords", "-", "--top"]);
    assert!(missing.contains("--top") && missing.contains("missing"), "{missing}");
    let bad = usage_error(&["keywords", "--top", "many", "-"]);
    assert!(bad.contains("--top") && bad.contains("\"many\""), "{bad}");
    let bad = usage_error(&["analyze", "-j", "-3", "a", "b"]);
    assert!(bad.contains("-j") && bad.contains("\"-3\""), "{bad}");
    assert!(usage_error(&["kwic", "--width", "1e9", "-", "x"]).contains("--width"));
    assert!(usage_error(&["keywords", "--method", "lda", "-"]).contains("lda"));
}

#[test]
fn keywords_top_0_says_why_it_lists_nothing() {
    let err = usage_error(&["keywords", "--top", "0", SAMPLE]);
    assert!(err.contains("--top") && err.contains("at least 1"), "{err}");
    let err = usage_error(&["analyze", "--top", "0", SAMPLE]);
    assert!(err.contains("--top"), "{err}");
    // A network of no links printed its table's header alone.
    for option in ["--edges", "--words"] {
        let err = usage_error(&["network", option, "0", SAMPLE]);
        assert!(err.contains(option) && err.contains("at least 1"), "{err}");
    }
}

#[test]
fn only_help_prints_the_usage_and_it_lists_every_command() {
    let o = Command::new(BIN).arg("--help").output().unwrap();
    assert!(o.status.success());
    let usage = stdout(&o);
    assert!(usage.starts_with("usage:"), "{usage}");
    // The commands, as the one-line error of an unknown one names them.
    let err = usage_error(&["frobnicate"]);
    let list = err.split_once(": use ").unwrap().1.split(';').next().unwrap();
    let commands: Vec<&str> = list.split([',', ' ']).filter(|w| !w.is_empty() && *w != "or").collect();
    assert!(commands.len() >= 13 && commands.contains(&"network") && commands.contains(&"repairs"), "{commands:?}");
    let comment = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/bin/ciyan/main.rs")).unwrap();
    for command in &commands {
        let line = format!("ciyan {command} ");
        assert!(usage.contains(&line), "--help lacks {command}");
        assert!(comment.contains(&format!("//! {line}")), "main.rs's usage comment lacks {command}");
        let o = Command::new(BIN).args([command, "--help"]).output().unwrap();
        assert!(o.status.success() && stdout(&o) == usage, "{command} --help");
    }
}

#[test]
fn output_to_a_closed_pipe_ends_quietly() {
    let two = [SAMPLE, SAMPLE];
    let runs: Vec<Vec<&str>> = vec![
        vec!["analyze", SAMPLE],
        vec!["analyze", "--json", SAMPLE],
        vec!["analyze", two[0], two[1]],
        vec!["cut", SAMPLE],
        vec!["keywords", SAMPLE],
        vec!["keywords", "--json", SAMPLE],
        vec!["kwic", SAMPLE, "中国"],
        vec!["kwic", "--json", SAMPLE, "中国"],
        vec!["collocates", SAMPLE, "中国"],
        vec!["dispersion", "--json", SAMPLE, "中国"],
        vec!["phrases", SAMPLE],
        vec!["compare", SAMPLE, SAMPLE],
        vec!["sections", "--json", SAMPLE],
        vec!["network", SAMPLE],
        vec!["repairs", "--json", SAMPLE],
        vec!["newwords", SAMPLE],
        vec!["query", SAMPLE, r#"{"query": "summary"}"#],
        vec!["--help"],
        vec!["--version"],
    ];
    for args in runs {
        let mut child = Command::new(BIN).args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        // The reader is gone before anything is written: every write fails.
        drop(child.stdout.take());
        let (o, _) = wait(child, Duration::from_secs(120), &args.join(" "));
        assert_eq!(stderr(&o), "", "{args:?}");
        // Exit 0, or killed by SIGPIPE as `cut` is (141 in a shell).
        #[cfg(unix)]
        let by_sigpipe = std::os::unix::process::ExitStatusExt::signal(&o.status) == Some(13);
        #[cfg(not(unix))]
        let by_sigpipe = false;
        assert!(o.status.success() || by_sigpipe, "{args:?}: {:?}", o.status);
    }
}

/// XML that inflates past the limit: `open`, then `row` repeated, then `close`.
fn inflating(open: &str, row: &str, close: &str) -> Vec<u8> {
    let rows = ciyan::decode::MAX_FILE_BYTES / row.len() + 1;
    let mut xml = Vec::with_capacity(open.len() + rows * row.len() + close.len());
    xml.extend_from_slice(open.as_bytes());
    for _ in 0..rows {
        xml.extend_from_slice(row.as_bytes());
    }
    xml.extend_from_slice(close.as_bytes());
    xml
}

#[test]
fn an_archive_whose_unpacked_content_is_over_the_limit_says_so() {
    let document = inflating(
        "<w:document xmlns:w=\"w\"><w:body>",
        "<w:p><w:r><w:t>中文</w:t></w:r></w:p>",
        "</w:body></w:document>",
    );
    let docx = zip(&[("word/document.xml", &document)]);
    drop(document);
    let sheet = inflating(
        "<worksheet><sheetData>",
        "<row><c t=\"inlineStr\"><is><t>中文</t></is></c></row>",
        "</sheetData></worksheet>",
    );
    let xlsx = zip(&[("xl/workbook.xml", b"<workbook/>"), ("xl/worksheets/sheet1.xml", &sheet)]);
    drop(sheet);
    for (name, bytes) in [("bomb.docx", docx), ("bomb.xlsx", xlsx)] {
        assert!(bytes.len() < 10_000_000, "{name}: {} bytes packed", bytes.len());
        // The core says it, with a code and the details the page words it from.
        let error = ciyan::decode(&bytes, Some(name), None).unwrap_err();
        assert_eq!(error.to_string(), "its unpacked content is over the limit of 64 MiB: analyse it in parts");
        assert_eq!(error.code(), "file-too-large");
        let details = serde_json::to_value(error.details()).unwrap();
        assert_eq!(details, serde_json::json!({ "limit": ciyan::decode::MAX_FILE_BYTES, "unpacked": true }));
        // And so does the command line.
        let file = TempFile::with(name, &bytes);
        let o = bounded(&["analyze", file.path()]).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_eq!(
            stderr(&o),
            format!("ciyan: {}: its unpacked content is over the limit of 64 MiB: analyse it in parts\n", file.path())
        );
    }
}

#[test]
fn every_size_in_a_message_is_in_mib_as_the_limit() {
    let limit = ciyan::decode::MAX_FILE_BYTES;
    let e = ciyan::Error::FileTooLarge { bytes: 100 << 20, limit };
    assert_eq!(e.to_string(), "the file is 100 MiB, over the limit of 64 MiB: analyse it in parts");
    let e = ciyan::Error::TextTooLarge { bytes: (65 << 20) + (1 << 19), limit: ciyan::text::MAX_TEXT_BYTES };
    assert_eq!(e.to_string(), "the text is 65.5 MiB, over the limit of 64 MiB: analyse it in parts");
    // One byte over is not rounded down to the limit.
    let e = ciyan::Error::FileTooLarge { bytes: limit + 1, limit };
    assert!(e.to_string().starts_with("the file is 64.1 MiB"), "{e}");
}
