//! The hostile-input suite of the core and the command line (issue 22,
//! "How to prove it"): long tokens of every script, huge and deep archives,
//! a sparse file beside a good one, and oversized dictionaries and stopword
//! files. Every input is generated here (no fixture files), and every run
//! of the command line is held to a memory budget, measured as the peak
//! resident memory the kernel reports for that one process.
//!
//! Endless streams, `/dev/zero`, 1 GB files, `-j`, usage errors and the
//! 64 MiB zip bomb of repeated rows are in `cli_limits.rs`; the settings'
//! limits on the core's own paths are in `settings_limits.rs`. This suite
//! adds what they do not try.
//!
//! The runner and its memory measure are here (`measuring_parent` must
//! stay at the crate's root: the runner starts it by its exact name); the
//! inputs are in `long_tokens.rs`, `archives.rs` and `oversized.rs`.
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

#[path = "../support/mod.rs"]
mod support;
use support::{zip, TempFile};

// The suite's parts, one kind of input each.
mod archives;
mod long_tokens;
mod oversized;

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

fn words_of(analysis: &serde_json::Value) -> Vec<String> {
    analysis["words"].as_array().unwrap().iter().map(|w| w["word"].as_str().unwrap().to_string()).collect()
}
