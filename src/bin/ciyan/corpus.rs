//! `ciyan analyze FILE FILE...`: a corpus analysed on every core, one JSON
//! line per file as each is done (JSON Lines), so that thousands of files
//! feed the tools people use for large data (DuckDB, pandas, Spark).

use std::io::Write;
use std::sync::Mutex;

use ciyan::{Options, Segmenter};

use crate::input::{self, Input};
use crate::output;

/// Analyses every file with `analyzer`, on `jobs` threads (see [`threads`]),
/// and prints a line for each: the analysis with its `file`, or the `file`
/// and its `error`. An error in one file does not stop the others; it makes
/// the exit status 1. A closed output stops them all.
pub fn analyze(
    analyzer: &Segmenter,
    files: Vec<Input>,
    jobs: Option<usize>,
    options: &Options,
) -> Result<(), Box<dyn std::error::Error>> {
    let out = Mutex::new(output::stdout());
    let failed = Mutex::new(0usize);
    for_each_file(&files, threads(jobs, files.len()), |file| {
        // Nobody reads the lines any more: the rest is not analysed.
        if output::closed() {
            return;
        }
        {
            let analysed = input::read(file).map_err(|e| (code_of_read(&e), e.to_string())).and_then(|text| {
                analyzer.analyze(&text, options).map_err(|e| (e.code(), format!("{}: {e}", file.name())))
            });
            let line = match analysed {
                Ok(analysis) => {
                    let mut value = serde_json::to_value(&analysis).expect("an analysis is JSON");
                    let fields = value.as_object_mut().expect("an analysis is an object");
                    let mut line = serde_json::Map::new();
                    line.insert("file".into(), file.name().into());
                    line.extend(std::mem::take(fields));
                    serde_json::Value::Object(line)
                }
                Err((code, message)) => {
                    *failed.lock().unwrap_or_else(|e| e.into_inner()) += 1;
                    eprintln!("ciyan: {message}");
                    serde_json::json!({ "file": file.name(), "error": { "code": code, "message": message } })
                }
            };
            let mut out = out.lock().unwrap_or_else(|e| e.into_inner());
            // A closed pipe ends the output; the other threads' lines go nowhere.
            if serde_json::to_writer(&mut *out, &line).is_ok() {
                let _ = writeln!(out);
            }
        }
    })?;
    out.into_inner().unwrap_or_else(|e| e.into_inner()).flush()?;
    match failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        0 => Ok(()),
        n => Err(format!("{n} of {} files could not be analysed", files.len()).into()),
    }
}

/// How many threads analyse `files` files: as many as asked (`-j`), but
/// never more than there are files or cores, since more only cost memory
/// and time (`-j 99999` once started that many threads for two files); by
/// default one a core.
pub fn threads(jobs: Option<usize>, files: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    jobs.unwrap_or(cores).min(cores).min(files).max(1)
}

/// Calls `each` for every file on `threads` threads.
#[cfg(not(target_arch = "wasm32"))]
fn for_each_file(
    files: &[Input],
    threads: usize,
    each: impl Fn(&Input) + Sync + Send,
) -> Result<(), Box<dyn std::error::Error>> {
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    pool.install(|| files.par_iter().for_each(each));
    Ok(())
}

/// The binary is built for wasm32 too (by `cargo test --target wasm32`),
/// where there are no threads: one file after another.
#[cfg(target_arch = "wasm32")]
fn for_each_file(
    files: &[Input],
    _threads: usize,
    each: impl Fn(&Input) + Sync + Send,
) -> Result<(), Box<dyn std::error::Error>> {
    files.iter().for_each(each);
    Ok(())
}

/// The error code of a file that could not be read: the core's, or one of
/// the command line's own (`missing`, `directory`, `io`).
fn code_of_read(error: &input::ReadError) -> &'static str {
    match error {
        input::ReadError::Missing(_) => "missing",
        input::ReadError::Directory(_) => "directory",
        input::ReadError::Undecodable { error, .. } => error.code(),
        // Over the size limit, as a file whose length says so.
        input::ReadError::Endless(_) => "file-too-large",
        input::ReadError::Io { .. } => "io",
    }
}
