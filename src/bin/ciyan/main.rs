//! `ciyan`: the command line over the Ciyan core.
//!
//! ```text
//! ciyan analyze FILE|- [--json] [--mode precise|search|full] [--no-hmm] [--top N] [--keep-stopwords]
//! ciyan analyze FILE FILE... [-j N] [options as above]
//! ciyan cut FILE|- [-d [DELIM]] [-p [DELIM]] [-a] [-n]
//! ciyan keywords FILE|- [--method tfidf|textrank] [--top N] [--pos TAGS] [--stopwords] [--json]
//! ciyan kwic FILE|- WORD [--width N] [--substring] [--json]
//! ciyan collocates FILE|- WORD [--span L,R] [--min N] [--json]
//! ciyan dispersion FILE|- WORD [--parts N] [--json]
//! ciyan phrases FILE|- [--min N] [--all] [--json]
//! ciyan compare A B [--min N] [--stopwords] [--json]
//! ciyan sections FILE|- [--by chapter|speaker|paragraph|parts:N|pattern:REGEX] [--json]
//! ciyan network FILE|- [--unit sentence|paragraph] [--words N] [--edges N] [--json]
//! ciyan repairs FILE|- [--json]
//! ciyan newwords FILE|- [--min N] [--max-len N] [--cohesion X] [--freedom X] [--top N] [--json]
//! ciyan query FILE|- JSON
//! ciyan --help | --version
//! ```
//!
//! Every command also takes `-u FILE` (the user's words), `--stop-words
//! FILE` and `--encoding LABEL`. A usage error is one line on standard
//! error and exit status 2; only `--help` prints the whole usage.
//!
//! `query` asks the core's one contract (`ciyan::session`) as the page
//! does; the other commands print the same answers as tables.

mod args;
mod corpus;
mod input;
mod output;
mod queries;
mod report;

use std::io::Write;
use std::process::ExitCode;

use std::sync::Arc;

use args::{Command, Lexicon};
use ciyan::{Segmenter, StopwordBase, StopwordSettings, Stopwords, UserDictionary};

fn main() -> ExitCode {
    let (command, lexicon) = match args::parse(std::env::args_os().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("ciyan: {message}; see `ciyan --help`");
            return ExitCode::from(2);
        }
    };
    match run(command, &lexicon) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`ciyan cut big.txt | head`) is not an error,
        // whatever wrapped it on the way here (see output.rs).
        Err(_) if output::closed() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ciyan: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The analyzer with the user's words and stopwords, if any.
fn analyzer(lexicon: &Lexicon) -> Result<Segmenter, Box<dyn std::error::Error>> {
    let mut analyzer = Segmenter::new();
    // A settings file's limit (the core's), checked before the file is read.
    let read = |path: &std::path::Path| {
        let limit = ciyan::limits::MAX_SETTINGS_FILE_BYTES;
        let cannot = |e: std::io::Error| format!("cannot read {}: {e}", path.display());
        let too_large = |bytes: usize| format!("{}: {}", path.display(), ciyan::Error::FileTooLarge { bytes, limit });
        let opened = std::fs::File::open(path).map_err(cannot)?;
        // A file's length is known before it is read; a device or a pipe
        // is read up to one byte past the limit.
        let length = opened.metadata().map_err(cannot)?.len();
        if length > limit as u64 {
            return Err(too_large(usize::try_from(length).unwrap_or(usize::MAX)));
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(opened, limit as u64 + 1), &mut bytes).map_err(cannot)?;
        if bytes.len() > limit {
            return Err(too_large(bytes.len()));
        }
        Ok(bytes)
    };
    let read = |path: &std::path::Path| {
        read(path)
            .and_then(|bytes| {
                ciyan::decode(&bytes, path.to_str(), None).map_err(|e| format!("{}: {e}", path.display()))
            })
            .map(|decoded| decoded.text)
    };
    if let Some(path) = &lexicon.user_dict {
        let words = UserDictionary::parse(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))?;
        analyzer.set_user_dictionary(words)?;
    }
    if let Some(path) = &lexicon.stop_words {
        let added = ciyan::stopwords::parse_list(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))?;
        let settings = StopwordSettings { base: StopwordBase::None, added, ..Default::default() };
        analyzer.set_stopwords(Arc::new(Stopwords::new(&settings)));
    }
    Ok(analyzer)
}

fn run(command: Command, lexicon: &Lexicon) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = output::stdout();
    let analyzer = || analyzer(lexicon);
    match command {
        Command::Help => writeln!(out, "{}", args::usage())?,
        Command::Version => writeln!(out, "ciyan {}", env!("CARGO_PKG_VERSION"))?,
        Command::Analyze { input, more, jobs, options, .. } if !more.is_empty() => {
            drop(out);
            return corpus::analyze(&analyzer()?, std::iter::once(input).chain(more).collect(), jobs, &options);
        }
        Command::Analyze { input, json, options, .. } => {
            let text = input::read(&input)?;
            let analysis = analyzer()?.analyze(&text, &options)?;
            if json {
                serde_json::to_writer(&mut out, &analysis)?;
                writeln!(out)?;
            } else {
                report::summary(&mut out, &input.name(), &analysis)?;
            }
        }
        Command::Cut { input, delimiter, pos_delimiter, mode, hmm } => {
            let text = input::read(&input)?;
            let analyzer = analyzer()?;
            // A traditional text (or full-width letters) is cut in its
            // normal form, and printed as it is spelled.
            let script = ciyan::script::detect(&text);
            let converts = ciyan::script::needs_normal_form(&text, script);
            // Line by line, as `python -m jieba` does.
            for line in text.split('\n') {
                let line = line.strip_suffix('\r').unwrap_or(line);
                let converted = converts.then(|| ciyan::script::Converted::with_script(line, script));
                let cut = converted.as_ref().map_or(line, |c| c.simplified());
                let spelled =
                    |word: &str| converted.as_ref().map_or(word.to_string(), |c| c.original_of(word).to_string());
                let pieces: Vec<String> = match &pos_delimiter {
                    Some(sep) => {
                        analyzer.tag(cut, hmm).into_iter().map(|(w, t)| format!("{}{sep}{t}", spelled(w))).collect()
                    }
                    None => analyzer.cut(cut, mode, hmm).into_iter().map(spelled).collect(),
                };
                writeln!(out, "{}", pieces.join(&delimiter))?;
            }
        }
        Command::Keywords { input, method, top_k, pos, stopwords, json } => {
            let text = input::read(&input)?;
            let keywords = analyzer()?.keywords(&text, method, top_k, pos.as_deref(), stopwords)?;
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
            let document = queries::document(&analyzer()?, &input)?;
            queries::kwic(&mut out, &document, &word, &options, json)?;
        }
        Command::Collocates { input, word, options, json } => {
            let document = queries::document(&analyzer()?, &input)?;
            queries::collocates(&mut out, &document, &word, &options, json)?;
        }
        Command::Dispersion { input, word, options, json } => {
            let document = queries::document(&analyzer()?, &input)?;
            queries::dispersion(&mut out, &document, &word, &options, json)?;
        }
        Command::NewWords { input, options: flags, json } => {
            let analyzer = analyzer()?;
            let document = queries::document(&analyzer, &input)?;
            let han = ciyan::text::CharCounts::of(document.text()).han_characters;
            let mut options = ciyan::analyses::new_words::NewWordOptions::for_length(han);
            options.min_count = flags.min_count.unwrap_or(options.min_count);
            options.max_len = flags.max_len.unwrap_or(options.max_len);
            options.min_cohesion = flags.min_cohesion.unwrap_or(options.min_cohesion);
            options.min_freedom = flags.min_freedom.unwrap_or(options.min_freedom);
            options.limit = flags.limit.unwrap_or(options.limit);
            queries::new_words(&mut out, &analyzer.new_words(&document, Some(&options)), json)?;
        }
        Command::Compare { target, reference, options, json } => {
            let analyzer = analyzer()?;
            let side = |input| -> Result<_, Box<dyn std::error::Error>> {
                let document = queries::document(&analyzer, input)?;
                Ok(ciyan::analyses::keyness::WordCounts::of(&document, options.skip_stopwords))
            };
            let (a, b) = (side(&target)?, side(&reference)?);
            queries::compare(&mut out, &ciyan::analyses::keyness::keyness(&a, &b, &options), json)?;
        }
        Command::Sections { input, by, json } => {
            let document = queries::document(&analyzer()?, &input)?;
            let by = by.unwrap_or_else(|| ciyan::analyses::sections::suggest(document.text()));
            queries::sections(&mut out, &document, by, json)?;
        }
        Command::Network { input, options, json } => {
            let document = queries::document(&analyzer()?, &input)?;
            queries::network(&mut out, &ciyan::analyses::network::network(&document, &options), json)?;
        }
        Command::Repairs { input, json } => {
            let analyzer = analyzer()?;
            let document = queries::document(&analyzer, &input)?;
            let found = ciyan::analyses::repairs::repairs(
                &document,
                |w| analyzer.dictionary().has_word(w),
                ciyan::document::Unit::Scalar,
            );
            queries::repairs(&mut out, &found, json)?;
        }
        Command::Query { input, request } => {
            let text = input::read(&input)?;
            queries::query(&mut out, analyzer()?, text, &request)?;
        }
        Command::Phrases { input, options, json } => {
            let document = queries::document(&analyzer()?, &input)?;
            queries::phrases(&mut out, &document, &options, json)?;
        }
    }
    out.flush()?;
    Ok(())
}
