//! `ciyan`: the command line over the Ciyan core.
//!
//! ```text
//! ciyan analyze FILE|- [--json] [--mode precise|search|full] [--no-hmm] [--top N] [--keep-stopwords]
//! ciyan cut FILE|- [-d [DELIM]] [-p [DELIM]] [-a] [-n]
//! ciyan keywords FILE|- [--method tfidf|textrank] [--top N] [--pos TAGS] [--stopwords] [--json]
//! ciyan kwic FILE|- WORD [--width N] [--substring] [--json]
//! ciyan collocates FILE|- WORD [--span L,R] [--min N] [--json]
//! ciyan dispersion FILE|- WORD [--parts N] [--json]
//! ciyan phrases FILE|- [--min N] [--all] [--json]
//! ```

mod args;
mod input;
mod queries;
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
        Command::Kwic { input, word, options, json } => {
            let document = queries::document(&input)?;
            queries::kwic(&mut out, &document, &word, &options, json)?;
        }
        Command::Collocates { input, word, options, json } => {
            let document = queries::document(&input)?;
            queries::collocates(&mut out, &document, &word, &options, json)?;
        }
        Command::Dispersion { input, word, options, json } => {
            let document = queries::document(&input)?;
            queries::dispersion(&mut out, &document, &word, &options, json)?;
        }
        Command::Phrases { input, options, json } => {
            let document = queries::document(&input)?;
            queries::phrases(&mut out, &document, &options, json)?;
        }
    }
    out.flush()?;
    Ok(())
}
