//! `ciyan`: the command line over the Ciyan core.
//!
//! ```text
//! ciyan analyze FILE|- [--json] [--mode precise|search|full] [--no-hmm] [--top N] [--keep-stopwords]
//! ciyan cut FILE|- [-d [DELIM]] [-p [DELIM]] [-a] [-n]
//! ciyan keywords FILE|- [--method tfidf|textrank] [--top N] [--pos TAGS] [--stopwords] [--json]
//! ```

mod args;
mod input;
mod report;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use args::Command;
use ciyan::Analyzer;

fn main() -> ExitCode {
    let command = match args::parse(std::env::args_os().skip(1)) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("ciyan: {message}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`ciyan cut big.txt | head`) is not an error.
        Err(e) if e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ciyan: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = BufWriter::new(io::stdout().lock());
    match command {
        Command::Help => writeln!(out, "{}", args::USAGE)?,
        Command::Version => writeln!(out, "ciyan {}", env!("CARGO_PKG_VERSION"))?,
        Command::Analyze { input, json, options } => {
            let text = input::read(&input)?;
            let analysis = Analyzer::new().analyze(&text, &options)?;
            if json {
                serde_json::to_writer(&mut out, &analysis)?;
                writeln!(out)?;
            } else {
                report::summary(&mut out, &input.name(), &analysis)?;
            }
        }
        Command::Cut { input, delimiter, pos_delimiter, mode, hmm } => {
            let text = input::read(&input)?;
            let analyzer = Analyzer::new();
            // Line by line, as `python -m jieba` does.
            for line in text.split('\n') {
                let line = line.strip_suffix('\r').unwrap_or(line);
                let pieces: Vec<String> = match &pos_delimiter {
                    Some(sep) => analyzer.tag(line, hmm).into_iter().map(|(w, t)| format!("{w}{sep}{t}")).collect(),
                    None => analyzer.cut(line, mode, hmm).into_iter().map(String::from).collect(),
                };
                writeln!(out, "{}", pieces.join(&delimiter))?;
            }
        }
        Command::Keywords { input, method, top_k, pos, stopwords, json } => {
            let text = input::read(&input)?;
            let keywords = Analyzer::new().keywords(&text, method, top_k, pos.as_deref(), stopwords)?;
            if json {
                serde_json::to_writer(&mut out, &keywords)?;
                writeln!(out)?;
            } else {
                for k in &keywords {
                    writeln!(out, "{}\t{:.6}\t{}", k.word, k.weight, k.pos)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}
