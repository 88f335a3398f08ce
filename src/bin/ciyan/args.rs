//! Command-line arguments.

use std::ffi::OsString;

use ciyan::analyses::collocates::CollocateOptions;
use ciyan::analyses::concordance::{ConcordanceOptions, MatchMode};
use ciyan::analyses::dispersion::DispersionOptions;
use ciyan::analyses::keyness::KeynessOptions;
use ciyan::analyses::network::{CooccurrenceUnit, NetworkOptions};
use ciyan::analyses::phrases::PhraseOptions;
use ciyan::analyses::sections::SectionBy;
use ciyan::{KeywordMethod, Options, SegmentMode};
use lexopt::ValueExt;

use crate::input::Input;

/// The full usage, which only `--help` prints (a usage error is one line).
pub fn usage() -> String {
    USAGE.replace("{limit}", &ciyan::text::mib(ciyan::decode::MAX_FILE_BYTES as u64))
}

const USAGE: &str = "\
usage:
  ciyan analyze FILE|- [--json] [--mode precise|search|full] [--no-hmm] [--top N] [--keep-stopwords]
      A summary of the text: counts, keywords, people, places, frequent words.
      --json prints the whole analysis (the page's summary is the same,
      its word list in columns: ciyan query FILE '{\"query\": \"summary\"}').
  ciyan analyze FILE FILE... [-j N] [options as above]
      A corpus: every file analysed on every core (or on N threads, never
      more than the files or the cores), one JSON line per file as it is
      done: the analysis with the file's name in `file`, or `file` and
      `error` {code, message} (JSON Lines: DuckDB, pandas, Spark).
  ciyan cut FILE|- [-d [DELIM]] [-p [DELIM]] [-a] [-n]
      Cut each line into words, as `python -m jieba` does: -d the delimiter
      (default ' / '), -p tag parts of speech (joined with '_'), -a full mode,
      -n no HMM.
  ciyan keywords FILE|- [--method tfidf|textrank] [--top N] [--pos TAGS] [--stopwords] [--json]
      Keywords exactly as Python jieba's extract_tags / textrank give them.
      --pos n,vn,v keeps only those tags; --stopwords also drops the built-in
      Chinese stopwords.
  ciyan kwic FILE|- WORD [--width N] [--substring] [--json]
      Every occurrence of WORD with N characters of context a side (25).
      --substring finds it inside longer words too (发展 in 发展中国家).
  ciyan collocates FILE|- WORD [--span L,R] [--min N] [--json]
      Words within L words left and R right of WORD (5,5), seen at least N
      times (3), by log-likelihood, with MI, T-score and logDice.
  ciyan dispersion FILE|- WORD [--parts N] [--json]
      WORD's count in N equal parts of the text (10), Gries' DP and
      Juilland's D.
  ciyan phrases FILE|- [--min N] [--all] [--json]
      Word sequences of 2 to 5 words repeated at least N times (3), not
      across punctuation; --all keeps those inside a longer phrase with the
      same count.
  ciyan compare A B [--min N] [--stopwords] [--json]
      The words A uses more than B, then those it uses less: log-likelihood
      and Log Ratio (AntConc's Keyword), for words seen at least N times
      in both together (3).
  ciyan sections FILE|- [--by chapter|speaker|paragraph|parts:N|pattern:REGEX] [--json]
      The text's sections: chapters (第X回 …), speaker turns (王毅：…),
      paragraphs or N equal parts; by default the way that suits the text.
      Each with its label, start, end (Unicode scalars) and word tokens.
  ciyan network FILE|- [--unit sentence|paragraph] [--words N] [--edges N] [--json]
      The co-occurrence network (KH Coder's): about N content words (120),
      the --edges strongest links by Jaccard over sentences (60), Louvain
      communities and a seeded layout; the table lists the edges.
  ciyan repairs FILE|- [--json]
      Flaws of a printed text and their fixes: sentences broken across
      lines, passages printed twice, lines that break off, photo captions;
      each a span (Unicode scalars) and what replaces it.
  ciyan newwords FILE|- [--min N] [--max-len N] [--cohesion X] [--freedom X] [--top N] [--json]
      Words the dictionary lacks, found in the text by cohesion and freedom
      (Matrix67's method): seen at least N times (by the text's length),
      up to --max-len characters (6), cohesion at least X per character
      joined (8) and neighbour entropy at least X a side (1.0), the best
      --top (100).
  ciyan query FILE|- JSON
      Any question the page asks, as the page asks it: JSON is a query,
      '{\"query\": \"concordance\", \"term\": \"台湾\", \"options\": {\"width\": 10}}',
      '{\"query\": \"textProfile\"}', or a request, '{\"request\": \"constants\"}';
      prints the answer as JSON, positions in Unicode scalars. Every query
      and its answer: docs/cli.md.
  ciyan --help | --version

Every command also takes:
  -u FILE, --user-dict FILE   the user's words, in jieba's format (a line is
      `word [freq] [tag]`); a word without a frequency is still cut whole,
      as Python jieba's load_userdict does it.
  --stop-words FILE   a stopword a line, in place of the built-in Chinese
      list (as Python's jieba.analyse.set_stop_words); `keywords` then drops
      them without --stopwords.

kwic, collocates, dispersion and phrases count the precise cut (HMM on),
every token but punctuation and white space, as Python jieba's cut gives it.

FILE is text in any encoding (detected: UTF-8, UTF-16, GB18030, Big5, …;
--encoding LABEL says which), a Word document (.docx) or a web page;
- reads standard input. A file is at most {limit}, and so is what a Word
document or a workbook unpacks to: a larger file is refused before it is
read, and standard input, a pipe or a device is read up to the limit only.";

/// The user's own words and stopwords, for any command.
#[derive(Default)]
pub struct Lexicon {
    pub user_dict: Option<std::path::PathBuf>,
    pub stop_words: Option<std::path::PathBuf>,
}

/// The options of `ciyan newwords` the user gave; the rest suit the text.
#[derive(Default)]
pub struct NewWordFlags {
    pub min_count: Option<usize>,
    pub max_len: Option<usize>,
    pub min_cohesion: Option<f64>,
    pub min_freedom: Option<f64>,
    pub limit: Option<usize>,
}

/// What the user asked for.
pub enum Command {
    Help,
    Version,
    Analyze {
        input: Input,
        /// More files: a corpus, analysed on every core, a JSON line each.
        more: Vec<Input>,
        jobs: Option<usize>,
        json: bool,
        options: Options,
    },
    Cut {
        input: Input,
        delimiter: String,
        pos_delimiter: Option<String>,
        mode: SegmentMode,
        hmm: bool,
    },
    Keywords {
        input: Input,
        method: KeywordMethod,
        top_k: usize,
        pos: Option<Vec<String>>,
        stopwords: bool,
        json: bool,
    },
    Kwic {
        input: Input,
        word: String,
        options: ConcordanceOptions,
        json: bool,
    },
    Collocates {
        input: Input,
        word: String,
        options: CollocateOptions,
        json: bool,
    },
    Dispersion {
        input: Input,
        word: String,
        options: DispersionOptions,
        json: bool,
    },
    Phrases {
        input: Input,
        options: PhraseOptions,
        json: bool,
    },
    NewWords {
        input: Input,
        options: NewWordFlags,
        json: bool,
    },
    Sections {
        input: Input,
        by: Option<SectionBy>,
        json: bool,
    },
    Compare {
        target: Input,
        reference: Input,
        options: KeynessOptions,
        json: bool,
    },
    Network {
        input: Input,
        options: NetworkOptions,
        json: bool,
    },
    Query {
        input: Input,
        /// The query or request, as JSON.
        request: String,
    },
    Repairs {
        input: Input,
        json: bool,
    },
}

/// Every command, as usage errors list them (and as `USAGE` and the
/// comment of main.rs show each).
pub const COMMANDS: &str =
    "analyze, cut, keywords, kwic, collocates, dispersion, phrases, sections, compare, network, repairs, newwords or query";

/// Parses the arguments (without the program name) into a command, or a
/// sentence saying what is wrong (a usage error: one line, which `main`
/// ends with a pointer to `--help`).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<(Command, Lexicon), String> {
    let mut lexicon = Lexicon::default();
    let command = parse_command(args, &mut lexicon)?;
    Ok((command, lexicon))
}

fn parse_command(args: impl IntoIterator<Item = OsString>, lexicon: &mut Lexicon) -> Result<Command, String> {
    use lexopt::prelude::*;

    let mut parser = lexopt::Parser::from_args(args);
    let sub = match parser.next().map_err(|e| e.to_string())? {
        Some(Long("help") | Short('h')) => return Ok(Command::Help),
        Some(Long("version") | Short('V')) => return Ok(Command::Version),
        Some(Value(v)) => v.string().map_err(|e| e.to_string())?,
        Some(Long(option)) => return Err(format!("expected a command, not the option --{option}: use {COMMANDS}")),
        Some(Short(option)) => return Err(format!("expected a command, not the option -{option}: use {COMMANDS}")),
        None => return Err(format!("expected a command: {COMMANDS}")),
    };
    if !COMMANDS.split([',', ' ']).any(|command| command == sub && command != "or") {
        return Err(format!("unknown command {sub:?}: use {COMMANDS}"));
    }

    let mut input = None;
    let mut json = false;
    let mut options = Options::default();
    let mut delimiter = " / ".to_string();
    let mut pos_delimiter = None;
    let mut method = KeywordMethod::TfIdf;
    let mut pos = None;
    let mut stopwords = false;
    let mut top_k = 20;
    let mut encoding = None;
    let mut word: Option<String> = None;
    let mut kwic = ConcordanceOptions::default();
    let mut collocates = CollocateOptions::default();
    let mut dispersion = DispersionOptions::default();
    let mut phrases = PhraseOptions::default();
    let mut new_words = NewWordFlags::default();
    let mut network = NetworkOptions::default();
    let mut section_by = None;
    let mut more = Vec::new();
    let mut jobs = None;
    let mut reference = None;
    let mut compare = KeynessOptions::default();

    let error = |e: lexopt::Error| e.to_string();
    while let Some(arg) = parser.next().map_err(error)? {
        match (sub.as_str(), arg) {
            (_, Long("help") | Short('h')) => return Ok(Command::Help),
            (_, Value(v)) if input.is_none() => input = Some(Input::from_arg(v)),
            ("kwic" | "collocates" | "dispersion" | "query", Value(v)) if word.is_none() => {
                word = Some(v.string().map_err(error)?)
            }
            // Every command but cut prints JSON on request.
            (sub, Long("json")) if sub != "cut" => json = true,
            ("kwic", Long("width")) => kwic.width = count(&mut parser, "--width")?,
            ("kwic", Long("substring")) => kwic.mode = MatchMode::Substring,
            ("collocates", Long("span")) => {
                let span = parser.value().map_err(error)?.string().map_err(error)?;
                let parsed =
                    span.split_once(',').and_then(|(l, r)| Some((l.trim().parse().ok()?, r.trim().parse().ok()?)));
                (collocates.left, collocates.right) =
                    parsed.ok_or_else(|| format!("--span is L,R (words left and right), not {span:?}"))?;
            }
            ("collocates", Long("min")) => collocates.min_count = count(&mut parser, "--min")?,
            ("phrases", Long("min")) => phrases.min_count = count(&mut parser, "--min")?,
            ("newwords", Long("min")) => new_words.min_count = Some(count(&mut parser, "--min")?),
            ("newwords", Long("max-len")) => new_words.max_len = Some(count(&mut parser, "--max-len")?),
            ("newwords", Long("cohesion")) => new_words.min_cohesion = Some(decimal(&mut parser, "--cohesion")?),
            ("newwords", Long("freedom")) => new_words.min_freedom = Some(decimal(&mut parser, "--freedom")?),
            ("newwords", Long("top")) => {
                new_words.limit =
                    Some(at_least_one(count(&mut parser, "--top")?, "--top", "the number of words to list")?)
            }
            ("analyze", Value(v)) => more.push(Input::from_arg(v)),
            ("analyze", Short('j') | Long("jobs")) => {
                jobs = Some(count(&mut parser, "-j")?).filter(|&n: &usize| n > 0);
            }
            ("compare", Value(v)) if reference.is_none() => reference = Some(Input::from_arg(v)),
            ("compare", Long("min")) => compare.min_count = count(&mut parser, "--min")?,
            ("compare", Long("stopwords")) => compare.skip_stopwords = true,
            ("sections", Long("by")) => {
                let by = parser.value().map_err(error)?.string().map_err(error)?;
                section_by = Some(match by.as_str() {
                    "chapter" => SectionBy::Chapter,
                    "speaker" => SectionBy::Speaker,
                    "paragraph" => SectionBy::Paragraph,
                    other if other.starts_with("pattern:") => {
                        let by = SectionBy::Pattern { pattern: other["pattern:".len()..].to_string() };
                        by.validate().map_err(|e| e.to_string())?;
                        by
                    }
                    other => match other.strip_prefix("parts:").and_then(|n| n.parse().ok()).filter(|&n| n > 0) {
                        Some(parts) => SectionBy::Parts { parts },
                        None => {
                            return Err(format!(
                                "--by is chapter, speaker, paragraph, parts:N or pattern:REGEX, not {other:?}"
                            ))
                        }
                    },
                });
            }
            ("network", Long("unit")) => {
                network.unit = match parser.value().map_err(error)?.string().map_err(error)?.as_str() {
                    "sentence" => CooccurrenceUnit::Sentence,
                    "paragraph" => CooccurrenceUnit::Paragraph,
                    other => return Err(format!("--unit is sentence or paragraph, not {other:?}")),
                }
            }
            ("network", Long("edges")) => {
                network.edges = at_least_one(count(&mut parser, "--edges")?, "--edges", "the number of links to keep")?
            }
            ("network", Long("words")) => {
                network.words = at_least_one(count(&mut parser, "--words")?, "--words", "the number of words to link")?
            }
            ("phrases", Long("all")) => phrases.longest_only = false,
            ("dispersion", Long("parts")) => {
                dispersion.parts = count(&mut parser, "--parts")?;
                if dispersion.parts == 0 {
                    return Err("--parts is at least 1".into());
                }
            }
            (_, Short('u') | Long("user-dict")) => lexicon.user_dict = Some(parser.value().map_err(error)?.into()),
            (_, Long("stop-words")) => {
                lexicon.stop_words = Some(parser.value().map_err(error)?.into());
                stopwords = true;
            }
            (_, Long("encoding")) => encoding = Some(parser.value().map_err(error)?.string().map_err(error)?),
            ("analyze", Long("mode")) => {
                options.mode = match parser.value().map_err(error)?.string().map_err(error)?.as_str() {
                    "precise" => SegmentMode::Precise,
                    "search" => SegmentMode::Search,
                    "full" => SegmentMode::Full,
                    other => return Err(format!("--mode is precise, search or full, not {other:?}")),
                }
            }
            ("analyze", Long("no-hmm")) => options.hmm = false,
            ("analyze", Long("keep-stopwords")) => options.stopwords = false,
            // 0 keywords would print nothing and say nothing (Python jieba reads
            // topK=0 as "all"; `analyze` allows 1 to 500): a usage error.
            ("analyze" | "keywords", Long("top")) => {
                top_k = at_least_one(count(&mut parser, "--top")?, "--top", "the number of keywords to list")?
            }
            ("keywords", Long("method")) => {
                method = match parser.value().map_err(error)?.string().map_err(error)?.as_str() {
                    "tfidf" => KeywordMethod::TfIdf,
                    "textrank" => KeywordMethod::TextRank,
                    other => return Err(format!("--method is tfidf or textrank, not {other:?}")),
                }
            }
            ("keywords", Long("pos")) => {
                let tags = parser.value().map_err(error)?.string().map_err(error)?;
                pos = Some(tags.split(',').map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect());
            }
            ("keywords", Long("stopwords")) => stopwords = true,
            ("cut", Short('d') | Long("delimiter")) => {
                delimiter = optional_value(&mut parser).map_err(error)?.unwrap_or_else(|| " ".to_string());
            }
            ("cut", Short('p') | Long("pos")) => {
                pos_delimiter = Some(optional_value(&mut parser).map_err(error)?.unwrap_or_else(|| "_".to_string()));
            }
            ("cut", Short('a') | Long("cut-all")) => options.mode = SegmentMode::Full,
            ("cut", Short('n') | Long("no-hmm")) => options.hmm = false,
            ("cut", Short('q') | Long("quiet")) => {}
            (_, Long(option)) => return Err(format!("--{option} is not an option of `ciyan {sub}`")),
            (_, Short(option)) => return Err(format!("-{option} is not an option of `ciyan {sub}`")),
            (_, Value(v)) => return Err(format!("unexpected argument {v:?}: `ciyan {sub}` takes no more")),
        }
    }

    let mut input = input.ok_or_else(|| format!("`ciyan {sub}` needs a FILE, or - for standard input"))?;
    input.encoding = encoding;
    options.top_k = top_k;
    match sub.as_str() {
        "analyze" => {
            options.validate().map_err(|e| e.to_string())?;
            for file in &mut more {
                file.encoding = input.encoding.clone();
            }
            Ok(Command::Analyze { input, more, jobs, json, options })
        }
        "cut" => Ok(Command::Cut { input, delimiter, pos_delimiter, mode: options.mode, hmm: options.hmm }),
        "keywords" => Ok(Command::Keywords { input, method, top_k, pos, stopwords, json }),
        "kwic" | "collocates" | "dispersion" => {
            let word = word.ok_or_else(|| format!("`ciyan {sub}` needs a WORD after the FILE"))?;
            Ok(match sub.as_str() {
                "kwic" => Command::Kwic { input, word, options: kwic, json },
                "collocates" => Command::Collocates { input, word, options: collocates, json },
                _ => Command::Dispersion { input, word, options: dispersion, json },
            })
        }
        "phrases" => Ok(Command::Phrases { input, options: phrases, json }),
        "newwords" => Ok(Command::NewWords { input, options: new_words, json }),
        "sections" => Ok(Command::Sections { input, by: section_by, json }),
        "network" => Ok(Command::Network { input, options: network, json }),
        "repairs" => Ok(Command::Repairs { input, json }),
        "query" => {
            let request =
                word.ok_or("`ciyan query` needs a query after the FILE, as JSON: {\"query\": \"textProfile\"}")?;
            Ok(Command::Query { input, request })
        }
        "compare" => {
            let mut reference = reference.ok_or("`ciyan compare` needs two files: A and B")?;
            reference.encoding = input.encoding.clone();
            Ok(Command::Compare { target: input, reference, options: compare, json })
        }
        other => Err(format!("unknown command {other:?}: use {COMMANDS}")),
    }
}

/// The whole number after `option`, or a sentence saying what is wrong.
fn count(parser: &mut lexopt::Parser, option: &str) -> Result<usize, String> {
    let value = parser.value().map_err(|_| format!("{option} is missing its number"))?;
    let value = value.to_string_lossy();
    value.parse().map_err(|_| format!("{option} takes a whole number, not {value:?}"))
}

/// The number (a decimal) after `option`, or a sentence saying what is wrong.
fn decimal(parser: &mut lexopt::Parser, option: &str) -> Result<f64, String> {
    let value = parser.value().map_err(|_| format!("{option} is missing its number"))?;
    let value = value.to_string_lossy();
    value.parse().map_err(|_| format!("{option} takes a number, not {value:?}"))
}

/// `n`, if it is at least 1: `option` is `what`, and 0 would be nothing.
fn at_least_one(n: usize, option: &str, what: &str) -> Result<usize, String> {
    match n {
        0 => Err(format!("{option} is at least 1: it is {what}, and 0 would list nothing")),
        n => Ok(n),
    }
}

/// An option's value that may be left out, as argparse's `nargs='?'` reads
/// it: attached (`-d,`), or the next argument unless that is an option.
fn optional_value(parser: &mut lexopt::Parser) -> Result<Option<String>, lexopt::Error> {
    if let Some(v) = parser.optional_value() {
        return v.string().map(Some);
    }
    let mut raw = parser.raw_args()?;
    match raw.peek().and_then(|next| next.to_str()) {
        Some(next) if !next.starts_with('-') => {
            let value = next.to_string();
            raw.next();
            Ok(Some(value))
        }
        _ => Ok(None),
    }
}
