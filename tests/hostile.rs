//! The hostile-input suite of the core and the command line (issue 22,
//! "How to prove it"): long tokens of every script, huge and deep archives,
//! a sparse file beside a good one, and oversized dictionaries and stopword
//! files. Every input is generated here (no fixture files), and every run
//! of the command line is held to a memory budget, measured as the peak
//! resident memory the kernel reports for that one process.
//!
//! Endless streams, `/dev/zero`, 1 GB files, `-j`, usage errors and the
//! 64 MiB zip bomb of repeated rows are in `cli_limits.rs`; the settings'
//! limits on the core's own paths are in `settings_limits.rs`. This file
//! adds what they do not try.
//!
//! No test asserts a time: each prints what it took (`--nocapture` shows
//! it), and a run that does not end is killed after `HANG` and fails.

#![cfg(target_os = "linux")]

use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ciyan::decode::MAX_FILE_BYTES;
use ciyan::limits::{MAX_LIST_WORDS, MAX_SETTINGS_FILE_BYTES, MAX_USER_WORDS};
use ciyan::session::{Reply, Request};
use ciyan::Error;

mod support;
use support::{zip, TempFile};

const BIN: &str = env!("CARGO_BIN_EXE_ciyan");

/// The peak resident memory one run of the command line may take. The
/// command line analysed 100,000 × `a` in 81 MB (issue 22), and the largest
/// input here that is read whole is the 64 MiB an archive may unpack to;
/// 512 MiB leaves room for both several times over, and is still far below
/// what a cost by the token's length squared, or an archive read past its
/// limit, takes (the page grew past 8 GB on 100,000 × `a`).
const MEMORY_BUDGET_KIB: u64 = 512 * 1024;

/// The address space a run may reserve (`ulimit -v`): a backstop, so that
/// a run gone wrong fails quickly instead of taking the shared machine's
/// memory. Larger than the budget, because threads and the allocator's
/// arenas reserve address space they never touch.
const ADDRESS_SPACE_KIB: u64 = 2048 * 1024;

/// A run that has not ended by then is killed and fails the test (a hang,
/// not a slow run: the slowest case here takes seconds in a debug build).
const HANG: Duration = Duration::from_secs(300);

/// The normal sentences around each long token: their words must still be
/// found, at the right places.
const BEFORE: &str = "我来到北京清华大学。";
const AFTER: &str = "他来到了北京网易杭研大厦。";

// --- Running the command line, measured -------------------------------------

/// `struct rusage` of Linux on a 64-bit target.
#[repr(C)]
#[derive(Default)]
struct Rusage {
    user_time: [std::os::raw::c_long; 2],
    system_time: [std::os::raw::c_long; 2],
    /// Peak resident memory, in KiB.
    max_rss: std::os::raw::c_long,
    rest: [std::os::raw::c_long; 13],
}

extern "C" {
    /// The C library's `wait4`: waits for one child and gives its resources.
    fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut Rusage) -> i32;
}

const WNOHANG: i32 = 1;

/// One run of `ciyan`: its output and what it cost.
struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
    peak_kib: u64,
    took: Duration,
}

impl Run {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {:.300}", self.stdout))
    }

    /// Fails unless the run stayed within the memory budget and did not panic.
    fn within_budget(&self, what: &str) -> &Run {
        eprintln!("{what}: exit {:?}, peak {} MiB, {:.2?}", self.status.code(), self.peak_kib / 1024, self.took);
        assert!(!self.stderr.contains("panicked"), "{what}: a panic: {}", self.stderr);
        assert!(
            self.peak_kib <= MEMORY_BUDGET_KIB,
            "{what}: peak memory {} MiB, over the budget of {} MiB",
            self.peak_kib / 1024,
            MEMORY_BUDGET_KIB / 1024
        );
        self
    }
}

/// Set when this test binary runs again as the small parent that measures
/// one run of `ciyan` (see [`measuring_parent`]): the run's folder and
/// arguments, separated by [`SEPARATOR`].
const MEASURED_RUN: &str = "CIYAN_HOSTILE_MEASURED_RUN";
const SEPARATOR: char = '\u{1f}';

/// Runs `ciyan args` in at most `ADDRESS_SPACE_KIB` of address space and
/// measures its peak memory.
///
/// Linux counts in a process's peak the memory of the process it was
/// started from when that one is replaced by `exec` (the test process
/// itself, hundreds of MiB with the inputs of the tests running beside).
/// So the run is started by a small parent, this test binary started
/// afresh, which measures it and leaves what it found in files.
fn ciyan(args: &[&str]) -> Run {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("ciyan-hostile-{}-run-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut spec = dir.to_str().unwrap().to_string();
    for arg in args {
        assert!(!arg.contains(SEPARATOR));
        spec.push(SEPARATOR);
        spec.push_str(arg);
    }
    let started = Instant::now();
    let parent = Command::new(std::env::current_exe().unwrap())
        .args(["measuring_parent", "--exact", "--quiet", "--test-threads=1"])
        .env(MEASURED_RUN, spec)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let took = started.elapsed();
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let measured = read("measured");
    let (status, peak) = measured.split_once(' ').unwrap_or_else(|| {
        panic!("ciyan {:.200}: not measured: {}", args.join(" "), String::from_utf8_lossy(&parent.stdout))
    });
    let run = Run {
        status: ExitStatus::from_raw(status.parse().unwrap()),
        stdout: read("stdout"),
        stderr: read("stderr"),
        peak_kib: peak.trim().parse().unwrap(),
        took,
    };
    let _ = std::fs::remove_dir_all(&dir);
    run
}

// Not a test: what this binary does when it is run again as the parent
// that measures one run (see [`ciyan`]). Run as a test, it does nothing.
#[test]
fn measuring_parent() {
    let Ok(spec) = std::env::var(MEASURED_RUN) else { return };
    let mut parts = spec.split(SEPARATOR);
    let dir = PathBuf::from(parts.next().unwrap());
    let args: Vec<&str> = parts.collect();
    let file = |name: &str| std::fs::File::create(dir.join(name)).unwrap();
    // Waited for by `wait4`, which gives what it cost (std's `wait` does not).
    #[allow(clippy::zombie_processes)]
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {ADDRESS_SPACE_KIB} && exec \"$0\" \"$@\""))
        .arg(BIN)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(file("stdout"))
        .stderr(file("stderr"))
        .spawn()
        .unwrap();
    let started = Instant::now();
    let pid = child.id() as i32;
    let mut status = 0;
    let mut usage = Rusage::default();
    loop {
        // SAFETY: `status` and `usage` are valid for writes; the child is ours.
        let ended = unsafe { wait4(pid, &mut status, WNOHANG, &mut usage) };
        assert!(ended >= 0, "wait4: {}", std::io::Error::last_os_error());
        if ended == pid {
            break;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            // SAFETY: as above.
            unsafe { wait4(pid, &mut status, 0, &mut usage) };
            panic!("ciyan {:.200}: still running after {HANG:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    std::fs::write(dir.join("measured"), format!("{status} {}", usage.max_rss)).unwrap();
}

/// A deterministic stream of numbers (a linear congruential generator):
/// the same "random" text on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

// --- 1. Long tokens of every script -----------------------------------------

/// `count` characters drawn from `alphabet`, with no space or punctuation.
fn run_of(alphabet: &[char], count: usize) -> String {
    let mut lcg = Lcg(22);
    (0..count).map(|_| alphabet[lcg.below(alphabet.len())]).collect()
}

fn range(from: char, to: char) -> Vec<char> {
    (from..=to).collect()
}

/// Analyses `BEFORE`, the `token` and `AFTER`, a line each, as the page and
/// `ciyan query` do (the core's session), and checks that the analysis
/// ends within the budget, that every character is counted, that the
/// sentences' words are found and that the concordance's offsets point at
/// them.
fn survives_long_token(name: &str, token: &str) {
    let text = format!("{BEFORE}\n{token}\n{AFTER}\n");
    let file = TempFile::with(&format!("{name}.txt"), text.as_bytes());
    let chars: Vec<char> = text.chars().collect();

    let summary = ciyan(&["query", file.path(), r#"{"query":"summary"}"#]);
    summary.within_budget(&format!("{name}: summary"));
    assert!(summary.status.success(), "{name}: {}", summary.stderr);
    let summary = summary.json();
    let characters = chars.iter().filter(|c| !c.is_whitespace()).count();
    assert_eq!(summary["counts"]["characters"], characters, "{name}: every character counted");
    let words: Vec<&str> = summary["words"]["words"].as_str().unwrap().split('\n').collect();
    for word in ["北京", "清华大学", "网易", "大厦"] {
        assert!(words.contains(&word), "{name}: {word} not among the words");
    }

    let concordance = ciyan(&["query", file.path(), r#"{"query":"concordance","term":"北京"}"#]);
    concordance.within_budget(&format!("{name}: concordance"));
    assert!(concordance.status.success(), "{name}: {}", concordance.stderr);
    let lines = concordance.json();
    let lines = lines.as_array().unwrap();
    // One before the token, one after it (a run of random Han characters
    // may hold more).
    assert!(lines.len() >= 2, "{name}: {lines:?}");
    for line in lines {
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        assert!(start < end && end <= chars.len(), "{name}: {start}..{end} out of 0..{}", chars.len());
        assert_eq!(chars[start..end].iter().collect::<String>(), "北京", "{name}: at {start}..{end}");
        let left = line["left"].as_str().unwrap();
        assert!(chars[..start].iter().collect::<String>().ends_with(left), "{name}: left context {left:?}");
    }
    let last = lines.last().unwrap()["start"].as_u64().unwrap() as usize;
    assert_eq!(last, chars.len() - AFTER.chars().count() - 1 + 4, "{name}: 北京 after the token");
}

// A user pastes a base64 image, a minified script or a long URL: for the
// core, one word of 100,000 Latin letters.
#[test]
fn a_run_of_100000_latin_letters() {
    survives_long_token("latin", &"a".repeat(100_000));
}

// A user pastes a table column of numbers with the separators lost, or a
// long serial number.
#[test]
fn a_run_of_100000_digits() {
    survives_long_token("digits", &run_of(&range('0', '9'), 100_000));
}

// A user pastes Russian text whose spaces were lost (a PDF copy).
#[test]
fn a_run_of_100000_cyrillic_letters() {
    survives_long_token("cyrillic", &run_of(&range('а', 'я'), 100_000));
}

// A user pastes Arabic text without spaces: right to left, and joined.
#[test]
fn a_run_of_100000_arabic_letters() {
    survives_long_token("arabic", &run_of(&range('\u{627}', '\u{64A}'), 100_000));
}

// A user pastes Greek without spaces.
#[test]
fn a_run_of_100000_greek_letters() {
    survives_long_token("greek", &run_of(&range('α', 'ω'), 100_000));
}

// A user pastes Hindi without spaces: consonants, vowel signs and viramas,
// which combine with the letter before them.
#[test]
fn a_run_of_100000_devanagari_letters_and_signs() {
    let mut alphabet = range('\u{915}', '\u{939}');
    alphabet.extend(['\u{93E}', '\u{93F}', '\u{940}', '\u{947}', '\u{94B}', '\u{94D}', '\u{902}']);
    survives_long_token("devanagari", &run_of(&alphabet, 100_000));
}

// A user pastes a data URL or a key: base64's 65 characters, mixed.
#[test]
fn a_run_of_100000_base64_characters() {
    let mut alphabet = range('A', 'Z');
    alphabet.extend(range('a', 'z'));
    alphabet.extend(range('0', '9'));
    alphabet.extend(['+', '/', '=']);
    survives_long_token("base64", &run_of(&alphabet, 100_000));
}

// A user pastes a message of nothing but one emoji, a megabyte of it: each
// is a surrogate pair on the page (two UTF-16 units), so every offset
// after the run depends on counting them right.
#[test]
fn a_megabyte_of_one_emoji() {
    let token = "😀".repeat(250_000);
    survives_long_token("emoji", &token);

    // The page's session counts in UTF-16 units: 北京 after the run is
    // 500,000 units further on, not 250,000.
    let text = format!("{BEFORE}\n{token}\n{AFTER}\n");
    let mut session = ciyan::Session::new(ciyan::Segmenter::new(), ciyan::document::Unit::Utf16);
    session.keep(text.clone(), &ciyan::Options::default()).unwrap();
    let query = serde_json::from_value(serde_json::json!({"query": "concordance", "term": "北京"})).unwrap();
    let Reply::Answer(answer) = session.handle(Request::Ask { query }, |_| {}).unwrap() else { panic!() };
    let answer = serde_json::to_value(answer).unwrap();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let lines = answer.as_array().unwrap();
    assert_eq!(lines.len(), 2, "{answer}");
    for line in lines {
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        assert!(end <= utf16.len());
        assert_eq!(String::from_utf16(&utf16[start..end]).unwrap(), "北京", "UTF-16 {start}..{end}");
    }
}

// A user pastes classical Chinese or an OCR dump with no punctuation at
// all: one "sentence" of 100,000 Han characters.
#[test]
fn a_run_of_100000_han_characters_without_punctuation() {
    survives_long_token("han", &run_of(&range('\u{4E00}', '\u{9FA5}'), 100_000));
}

// A user pastes text typed with a Chinese input method left in full-width
// mode: ａｂｃ, which the core reads in its normal form.
#[test]
fn a_run_of_100000_full_width_latin_letters() {
    let mut alphabet = range('Ａ', 'Ｚ');
    alphabet.extend(range('ａ', 'ｚ'));
    survives_long_token("full-width", &run_of(&alphabet, 100_000));
}

// A user pastes a screenshot copied as a data URL: a megabyte of base64.
// This took 154 s in a release build before 4f017b1 (100,000 characters:
// 1.4 s; 400,000: 10.5 s): the address scan of src/document/addresses.rs
// tried an address at every `+`, `/` and `=` of the run, and each try
// read on to the end of the run.
#[test]
fn a_data_url_of_a_megabyte() {
    let mut alphabet = range('A', 'Z');
    alphabet.extend(range('a', 'z'));
    alphabet.extend(range('0', '9'));
    alphabet.extend(['+', '/', '=']);
    survives_long_token("data-url", &format!("data:image/png;base64,{}", run_of(&alphabet, 1_000_000)));
}

// A user pastes a long URL-encoded query (`a+b+c…`), a long path, or a list
// joined by `/`, `@` or `=`: 200,000 characters of each took 45 s to 88 s
// in a release build before 4f017b1, for the same reason as above.
#[test]
fn runs_of_200000_characters_joined_as_addresses_are() {
    for joiner in ['/', '+', '@', '='] {
        // The file's name holds the joiner's code: a `/` is no file name.
        survives_long_token(&format!("joined-by-{:x}", joiner as u32), &format!("a{joiner}").repeat(100_000));
    }
}

// A user pastes a link followed by a long run of closing brackets (a
// minified script, an emoticon gone wrong): the address's end was trimmed
// one bracket at a time, counting the brackets of the whole address each
// time (`trim_end` in src/document/addresses.rs): 34 s in a release build
// before 4f017b1.
#[test]
fn a_link_followed_by_200000_closing_brackets() {
    survives_long_token("brackets", &format!("https://a.com/{}", ")".repeat(200_000)));
}

// A user pastes a page that holds all of the above, one after the other.
#[test]
fn every_long_token_in_one_text() {
    let scripts: [(&[char], usize); 4] = [
        (&['a'], 20_000),
        (&range('а', 'я'), 20_000),
        (&range('\u{4E00}', '\u{9FA5}'), 20_000),
        (&range('Ａ', 'Ｚ'), 20_000),
    ];
    let mut token = String::new();
    for (alphabet, count) in scripts {
        token.push_str(&run_of(alphabet, count));
    }
    token.push_str(&"😀".repeat(20_000));
    token.push_str(&run_of(&range('\u{627}', '\u{64A}'), 20_000));
    survives_long_token("mixed", &token);
}

// --- 2. Huge and deep archives ---------------------------------------------

/// Deflate's bits, least significant first.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, bits: u32) {
        self.acc |= value << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A Huffman code, which deflate writes most significant bit first.
    fn code(&mut self, code: u64, bits: u32) {
        let reversed = (0..bits).fold(0, |r, i| r | ((code >> i) & 1) << (bits - 1 - i));
        self.put(reversed, bits);
    }
    /// A literal byte of the fixed Huffman code.
    fn literal(&mut self, byte: u8) {
        match byte {
            0..=143 => self.code(0x30 + byte as u64, 8),
            _ => self.code(0x190 + (byte - 144) as u64, 9),
        }
    }
}

/// A deflate stream of `prefix`, `byte` `count` times, and `suffix`, made
/// by hand in one fixed-Huffman block: the run is one literal and then
/// copies of 258 bytes at distance 1 (13 bits each), so that gigabytes
/// pack into megabytes in a fraction of a second, as in a real zip bomb.
fn deflated_run(prefix: &[u8], byte: u8, count: u64, suffix: &[u8]) -> Vec<u8> {
    let mut bits = Bits { out: Vec::with_capacity((count / 150) as usize + 64), acc: 0, n: 0 };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // of the fixed code
    prefix.iter().for_each(|&b| bits.literal(b));
    bits.literal(byte);
    let mut left = count - 1;
    while left >= 258 {
        bits.code(0xC5, 8); // length 258 (symbol 285)
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    (0..left).for_each(|_| bits.literal(byte));
    suffix.iter().for_each(|&b| bits.literal(b));
    bits.code(0, 7); // the end of the block (symbol 256)
    bits.put(0, 7); // to a byte
    bits.out
}

/// An entry of a zip made by hand: its sizes and checksum are what it
/// says, true or not.
struct RawEntry<'a> {
    name: &'a str,
    deflated: &'a [u8],
    crc: u32,
    said_size: u32,
}

/// A zip archive of `entries`, with the headers they declare.
fn raw_zip(entries: &[RawEntry]) -> Vec<u8> {
    let mut zip = Vec::new();
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, n: u16| v.extend_from_slice(&n.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, n: u32| v.extend_from_slice(&n.to_le_bytes());
    for entry in entries {
        let offset = zip.len() as u32;
        let name = entry.name.as_bytes();
        u32le(&mut zip, 0x0403_4b50);
        for n in [20, 0, 8, 0, 0x21] {
            u16le(&mut zip, n); // version, flags, deflated, time, date
        }
        u32le(&mut zip, entry.crc);
        u32le(&mut zip, entry.deflated.len() as u32);
        u32le(&mut zip, entry.said_size);
        u16le(&mut zip, name.len() as u16);
        u16le(&mut zip, 0);
        zip.extend_from_slice(name);
        zip.extend_from_slice(entry.deflated);

        u32le(&mut central, 0x0201_4b50);
        for n in [20, 20, 0, 8, 0, 0x21] {
            u16le(&mut central, n); // made by, needed, flags, deflated, time, date
        }
        u32le(&mut central, entry.crc);
        u32le(&mut central, entry.deflated.len() as u32);
        u32le(&mut central, entry.said_size);
        for n in [name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut central, n); // name, extra, comment, disk, attributes
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name);
    }
    let offset = zip.len() as u32;
    zip.extend_from_slice(&central);
    u32le(&mut zip, 0x0605_4b50);
    for n in [0, 0, entries.len() as u16, entries.len() as u16] {
        u16le(&mut zip, n);
    }
    u32le(&mut zip, central.len() as u32);
    u32le(&mut zip, offset);
    u16le(&mut zip, 0);
    zip
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum()
}

const DOCUMENT_OPEN: &str = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>";
const DOCUMENT_CLOSE: &str = "</w:t></w:r></w:p></w:body></w:document>";

/// A Word document whose paragraphs are `paragraphs`.
fn document_xml(paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>")).collect();
    format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>")
}

/// The command line's error for a file it refuses, within the budget.
fn refused_by_the_command_line(file: &TempFile, what: &str) -> String {
    let run = ciyan(&["analyze", file.path()]);
    run.within_budget(what);
    assert_eq!(run.status.code(), Some(1), "{what}: {}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{what}: one line: {}", run.stderr);
    eprintln!("{what}: {}", run.stderr.trim_end());
    run.stderr
}

/// The command line's analysis of a file it reads, within the budget.
fn read_by_the_command_line(file: &TempFile, what: &str) -> serde_json::Value {
    let run = ciyan(&["analyze", "--json", file.path()]);
    run.within_budget(what);
    assert!(run.status.success(), "{what}: {}", run.stderr);
    run.json()
}

fn words_of(analysis: &serde_json::Value) -> Vec<String> {
    analysis["words"].as_array().unwrap().iter().map(|w| w["word"].as_str().unwrap().to_string()).collect()
}

/// 2 GiB of letters in a Word document of 16 MB.
fn two_gib_docx() -> &'static [u8] {
    static DOCX: OnceLock<Vec<u8>> = OnceLock::new();
    DOCX.get_or_init(|| {
        let deflated = deflated_run(DOCUMENT_OPEN.as_bytes(), b'a', 2 << 30, DOCUMENT_CLOSE.as_bytes());
        let said_size = (DOCUMENT_OPEN.len() + DOCUMENT_CLOSE.len()) as u32 + (2u32 << 30);
        // The checksum is never reached: the reader stops at the limit.
        raw_zip(&[RawEntry { name: "word/document.xml", deflated: &deflated, crc: 0, said_size }])
    })
}

// A user drops a .docx that is a zip bomb: 16 MB that unpack to 2 GiB.
#[test]
fn a_docx_that_unpacks_to_2_gib_is_refused() {
    let docx = two_gib_docx();
    assert!(docx.len() < 20 << 20, "{} bytes packed", docx.len());
    let started = Instant::now();
    let error = ciyan::decode(docx, Some("bomb.docx"), None).unwrap_err();
    assert!(matches!(error, Error::UnpackedTooLarge { limit: MAX_FILE_BYTES }), "{error:?}");
    eprintln!("2 GiB docx: refused by the core in {:.2?}", started.elapsed());
    let file = TempFile::with("bomb.docx", docx);
    let stderr = refused_by_the_command_line(&file, "2 GiB docx");
    assert!(stderr.contains("its unpacked content is over the limit of 64 MiB"), "{stderr}");
}

// A user drops a .docx whose headers say its document is 100 bytes while it
// inflates to 2 GiB: the reader must not trust the size it is told.
#[test]
fn a_docx_that_says_it_is_small_and_unpacks_to_2_gib_is_refused() {
    let deflated = deflated_run(DOCUMENT_OPEN.as_bytes(), b'a', 2 << 30, DOCUMENT_CLOSE.as_bytes());
    let docx = raw_zip(&[RawEntry { name: "word/document.xml", deflated: &deflated, crc: 0, said_size: 100 }]);
    drop(deflated);
    let error = ciyan::decode(&docx, Some("liar.docx"), None).unwrap_err();
    // Refused as too large, or as damaged for the sizes that disagree: it is
    // not read past the limit either way (the memory budget below).
    assert!(matches!(error, Error::UnpackedTooLarge { .. } | Error::BadDocument(_)), "{error:?}");
    eprintln!("docx that says 100 bytes and unpacks to 2 GiB: {error:?}");
    let file = TempFile::with("liar.docx", &docx);
    refused_by_the_command_line(&file, "docx that says 100 bytes");
}

// A user drops a .docx whose headers claim 4 GB, or 10 bytes, for a
// document of a few hundred: nothing is allocated for the size it claims,
// and what is read is the document or a clear error.
#[test]
fn a_docx_that_lies_about_its_size_is_read_or_refused_within_budget() {
    let xml = document_xml(&[BEFORE, AFTER]);
    let deflated = deflated_run(xml.as_bytes(), b' ', 1, b"");
    let real = format!("{xml} ");
    for said_size in [real.len() as u32, 4_000_000_000, 10] {
        let docx = raw_zip(&[RawEntry {
            name: "word/document.xml",
            deflated: &deflated,
            crc: crc32(real.as_bytes()),
            said_size,
        }]);
        let what = format!("docx of {} bytes that says {said_size}", real.len());
        match ciyan::decode(&docx, Some("sizes.docx"), None) {
            Ok(decoded) => assert_eq!(decoded.text, format!("{BEFORE}\n{AFTER}\n"), "{what}"),
            Err(error) => {
                eprintln!("{what}: the core says {error:?}");
                assert!(said_size != real.len() as u32, "{what}: the true size is read: {error}");
                assert_eq!(error.code(), "bad-document", "{what}: {error:?}");
            }
        }
        let file = TempFile::with("sizes.docx", &docx);
        let run = ciyan(&["analyze", "--json", file.path()]);
        run.within_budget(&what);
        if run.status.success() {
            assert!(words_of(&run.json()).contains(&"清华大学".to_string()), "{what}");
        } else {
            assert!(run.stderr.starts_with(&format!("ciyan: {}: ", file.path())), "{what}: {}", run.stderr);
        }
    }
}

// A user drops a .docx made to exhaust an XML parser: nested entities that
// expand to 3 billion "lol"s if expanded (the "billion laughs").
#[test]
fn a_billion_laughs_docx_is_read_without_expanding_its_entities() {
    let mut doctype = String::from("<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">");
    for level in 1..=9 {
        let refs = format!("&lol{};", level - 1).repeat(10);
        doctype.push_str(&format!("<!ENTITY lol{level} \"{refs}\">"));
    }
    doctype.push_str("]>");
    let xml = format!(
        "<?xml version=\"1.0\"?>{doctype}<w:document xmlns:w=\"w\"><w:body>\
         <w:p><w:r><w:t>{BEFORE}</w:t></w:r></w:p><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>\
         <w:p><w:r><w:t>{AFTER}</w:t></w:r></w:p></w:body></w:document>"
    );
    let docx = zip(&[("word/document.xml", xml.as_bytes())]);
    let started = Instant::now();
    match ciyan::decode(&docx, Some("laughs.docx"), None) {
        Ok(decoded) => {
            assert!(decoded.text.len() < 1000, "entities expanded: {} bytes", decoded.text.len());
            assert!(decoded.text.contains(BEFORE) && decoded.text.contains(AFTER), "{}", decoded.text);
        }
        Err(error) => assert_eq!(error.code(), "bad-document", "{error:?}"),
    }
    eprintln!("billion laughs: decoded in {:.2?}", started.elapsed());
    let file = TempFile::with("laughs.docx", &docx);
    let analysis = read_by_the_command_line(&file, "billion laughs");
    assert!(words_of(&analysis).contains(&"清华大学".to_string()));
}

/// A zip of 20,000 small entries, with or without a Word document among them.
fn many_entries(with_document: bool) -> Vec<u8> {
    let names: Vec<String> = (0..20_000).map(|i| format!("word/media/image{i}.bin")).collect();
    let xml = document_xml(&[BEFORE, AFTER]);
    let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    if with_document {
        // Last, so that finding it means reading the whole directory.
        entries.push(("word/document.xml", xml.as_bytes()));
    }
    zip(&entries)
}

// A user drops a .docx of 20,000 embedded pictures (or a zip made to have
// that many entries): its text is read; without a document, it is an archive.
#[test]
fn a_zip_of_20000_entries_is_read_or_named_an_archive() {
    let started = Instant::now();
    let docx = many_entries(true);
    let decoded = ciyan::decode(&docx, Some("many.docx"), None).unwrap();
    assert_eq!(decoded.text, format!("{BEFORE}\n{AFTER}\n"));
    eprintln!("20,000 entries: made and decoded in {:.2?}", started.elapsed());
    let file = TempFile::with("many.docx", &docx);
    assert!(words_of(&read_by_the_command_line(&file, "20,000 entries")).contains(&"网易".to_string()));

    let archive = many_entries(false);
    let error = ciyan::decode(&archive, Some("many.zip"), None).unwrap_err();
    assert!(matches!(error, Error::UnsupportedFormat(ciyan::decode::UnsupportedFormat::Archive)), "{error:?}");
    let file = TempFile::with("many.zip", &archive);
    let stderr = refused_by_the_command_line(&file, "20,000 entries, no document");
    assert!(stderr.contains("an archive"), "{stderr}");
}

// A user drops a .docx with an entry 1,000 folders deep (a path of 2,000
// characters), and a .docx whose document sits that deep: the first is
// read, the second is not a Word document.
#[test]
fn a_zip_with_a_path_1000_folders_deep_is_read() {
    let deep = format!("{}x.xml", "d/".repeat(1000));
    let xml = document_xml(&[BEFORE, AFTER]);
    let docx = zip(&[(&deep, b"<x/>"), ("word/document.xml", xml.as_bytes())]);
    let decoded = ciyan::decode(&docx, Some("deep.docx"), None).unwrap();
    assert_eq!(decoded.text, format!("{BEFORE}\n{AFTER}\n"));
    let file = TempFile::with("deep.docx", &docx);
    assert!(words_of(&read_by_the_command_line(&file, "path 1,000 folders deep")).contains(&"北京".to_string()));

    let buried = format!("{}word/document.xml", "d/".repeat(1000));
    let zip = zip(&[(&buried, xml.as_bytes())]);
    let error = ciyan::decode(&zip, Some("buried.docx"), None).unwrap_err();
    assert!(matches!(error, Error::UnsupportedFormat(_)), "{error:?}");
}

// A user drops a .docx that was cut short (a download that stopped): at
// every length, a clear error or the text, never a panic.
#[test]
fn a_truncated_docx_is_refused_at_every_length() {
    let xml = document_xml(&[BEFORE, AFTER, &"长江是中国第一大河。".repeat(200)]);
    let docx = zip(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", xml.as_bytes())]);
    let mut codes = std::collections::BTreeMap::new();
    for length in (0..docx.len()).step_by(7) {
        let code = match ciyan::decode(&docx[..length], Some("cut.docx"), None) {
            Ok(_) => "read",
            Err(error) => error.code(),
        };
        *codes.entry(code).or_insert(0) += 1;
    }
    eprintln!("truncated docx, {} lengths: {codes:?}", docx.len().div_ceil(7));
    for code in codes.keys() {
        // Short of its zip directory a .docx is damaged; its first bytes
        // alone may read as an empty text or as binary.
        assert!(["bad-document", "binary", "empty-text", "read"].contains(code), "{code}");
    }
    assert!(codes.get("bad-document").copied().unwrap_or(0) > 0);
    let file = TempFile::with("cut.docx", &docx[..docx.len() / 2]);
    let stderr = refused_by_the_command_line(&file, "truncated docx");
    assert!(stderr.contains(file.path()), "{stderr}");
}

// A user drops an .xlsx whose first sheet is one cell that unpacks to 2 GiB.
#[test]
fn an_xlsx_whose_sheet_unpacks_past_the_limit_is_refused() {
    let open = "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>";
    let close = "</t></is></c></row></sheetData></worksheet>";
    let sheet = deflated_run(open.as_bytes(), b'a', 2 << 30, close.as_bytes());
    let workbook = deflated_run(b"<workbook/", b'>', 1, b"");
    let xlsx = raw_zip(&[
        RawEntry { name: "xl/workbook.xml", deflated: &workbook, crc: crc32(b"<workbook/>"), said_size: 11 },
        RawEntry { name: "xl/worksheets/sheet1.xml", deflated: &sheet, crc: 0, said_size: u32::MAX },
    ]);
    drop(sheet);
    let started = Instant::now();
    let error = ciyan::decode(&xlsx, Some("bomb.xlsx"), None).unwrap_err();
    assert!(matches!(error, Error::UnpackedTooLarge { limit: MAX_FILE_BYTES }), "{error:?}");
    eprintln!("2 GiB xlsx sheet: refused by the core in {:.2?}", started.elapsed());
    let file = TempFile::with("bomb.xlsx", &xlsx);
    let stderr = refused_by_the_command_line(&file, "2 GiB xlsx sheet");
    assert!(stderr.contains("its unpacked content is over the limit of 64 MiB"), "{stderr}");
}

// --- 3. A sparse file of the limit and one byte, in a corpus -----------------

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

// --- 4. Oversized dictionaries and stopword files ----------------------------

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
