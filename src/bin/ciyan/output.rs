//! Standard output, the one place every command writes to, and what a
//! closed pipe (`ciyan analyze … | head -1`) means there: the reader has
//! what it wanted, so the command ends quietly, as `cut` does.
//!
//! Rust ignores SIGPIPE, so a write to a closed pipe is an error
//! (`BrokenPipe`) that climbs out of whatever was writing: a `writeln!`, or
//! serde_json, which wraps it in its own error type. Rather than find it
//! again in each wrapping, the writer notes it here, where it happens, and
//! `main` asks [`closed`] before it reports an error. (Setting SIGPIPE back
//! to its default would kill the process at the first such write, but it
//! takes `unsafe` and libc, means nothing on Windows or wasm32, and would
//! kill a corpus's threads in the middle of a line; noting the error also
//! lets those threads stop starting files, see `corpus.rs`.)

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether standard output's reader has gone.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether a write found standard output closed.
pub fn closed() -> bool {
    CLOSED.load(Ordering::Relaxed)
}

/// Standard output, buffered, noting a closed pipe.
pub fn stdout() -> io::BufWriter<NotingClosed<io::Stdout>> {
    io::BufWriter::new(NotingClosed(io::stdout()))
}

/// A writer that notes a closed pipe, then passes the error on (so that
/// the command stops writing).
pub struct NotingClosed<W>(W);

impl<W> NotingClosed<W> {
    fn noted<T>(result: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &result {
            if e.kind() == io::ErrorKind::BrokenPipe {
                CLOSED.store(true, Ordering::Relaxed);
            }
        }
        result
    }
}

impl<W: Write> Write for NotingClosed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Self::noted(self.0.write(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        Self::noted(self.0.flush())
    }
}
