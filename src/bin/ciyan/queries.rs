//! `ciyan kwic`, `collocates`, `dispersion`, `phrases` and `newwords`: questions asked
//! of one document, printed as text or as JSON in the shapes the README
//! gives (positions in Unicode scalars of the input).

use std::io::{self, Write};

use ciyan::analyses::collocates::{self, CollocateOptions};
use ciyan::analyses::concordance::{self, ConcordanceOptions};
use ciyan::analyses::dispersion::{self, DispersionOptions};
use ciyan::analyses::keyness::Keyness;
use ciyan::analyses::new_words::NewWords;
use ciyan::analyses::phrases::{self, PhraseOptions};
use ciyan::analyses::sections::{SectionBy, OPENING};
use ciyan::document::Unit;
use ciyan::{Document, Request, Segmenter, Session};
use serde::Serialize;

use crate::input::{self, Input};

/// `ciyan query`: the text kept by a session (positions in Unicode
/// scalars), asked `request`, a query (`{"query": …}`) or any other
/// request of the contract (`{"request": …}`); the reply as JSON.
pub fn query(
    out: &mut impl Write,
    segmenter: Segmenter,
    text: String,
    request: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let value: serde_json::Value = serde_json::from_str(request).map_err(|e| format!("the query is not JSON: {e}"))?;
    let request: Request = if value.get("request").is_some() {
        serde_json::from_value(value)
    } else {
        serde_json::from_value(value).map(|query| Request::Ask { query })
    }
    .map_err(|e| ciyan::Error::BadRequest(e.to_string()))?;
    let mut session = Session::new(segmenter, Unit::Scalar);
    session.keep(text, &ciyan::Options::default())?;
    let reply = session.handle(request, |_| {})?;
    write_json(out, &reply)?;
    Ok(())
}

/// The input, read and cut once (precise, HMM on).
pub fn document(analyzer: &Segmenter, input: &Input) -> Result<Document, Box<dyn std::error::Error>> {
    let text = input::read(input)?;
    Ok(analyzer.document(text, true)?)
}

#[derive(Serialize)]
struct KwicLine<'a> {
    left: &'a str,
    word: &'a str,
    right: &'a str,
    start: usize,
    end: usize,
}

pub fn kwic(
    out: &mut impl Write,
    d: &Document,
    word: &str,
    options: &ConcordanceOptions,
    json: bool,
) -> io::Result<()> {
    let lines = concordance::concordance(d, word, options);
    if json {
        let lines: Vec<KwicLine> = lines
            .iter()
            .map(|l| KwicLine { left: &l.left, word: &l.word, right: &l.right, start: l.start, end: l.end })
            .collect();
        return write_json(out, &lines);
    }
    // Line breaks in the context would break the columns.
    let flat = |s: &str| s.replace(['\r', '\n'], " ");
    let width = options.width.min(concordance::MAX_WIDTH);
    for l in &lines {
        let left = flat(&l.left);
        // Chinese characters take two columns: pad to the widest left context.
        let pad = width.saturating_mul(2).saturating_sub(columns(&left));
        writeln!(out, "{}{left}  {}  {}", " ".repeat(pad), l.word, flat(&l.right))?;
    }
    writeln!(out, "{} occurrences of {word}", lines.len())
}

fn columns(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CollocateRow<'a> {
    word: &'a str,
    count: usize,
    log_likelihood: f64,
    mi: f64,
    t_score: f64,
    log_dice: f64,
}

pub fn collocates(
    out: &mut impl Write,
    d: &Document,
    word: &str,
    options: &CollocateOptions,
    json: bool,
) -> io::Result<()> {
    let list = collocates::collocates(d, word, options);
    if json {
        let rows: Vec<CollocateRow> = list
            .iter()
            .map(|c| CollocateRow {
                word: &c.word,
                count: c.count,
                log_likelihood: c.log_likelihood,
                mi: c.mi,
                t_score: c.t_score,
                log_dice: c.log_dice,
            })
            .collect();
        return write_json(out, &rows);
    }
    writeln!(out, "word\tcount\texpected\tlog-likelihood\tMI\tT-score\tlogDice")?;
    for c in &list {
        writeln!(
            out,
            "{}\t{}\t{:.2}\t{:.2}\t{:.2}\t{:.2}\t{:.2}",
            c.word, c.count, c.expected, c.log_likelihood, c.mi, c.t_score, c.log_dice
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DispersionRow<'a> {
    parts: &'a [usize],
    dp: Option<f64>,
    juilland_d: Option<f64>,
}

pub fn dispersion(
    out: &mut impl Write,
    d: &Document,
    word: &str,
    options: &DispersionOptions,
    json: bool,
) -> io::Result<()> {
    let found = dispersion::dispersion(d, word, options);
    if json {
        return write_json(out, &DispersionRow { parts: &found.parts, dp: found.dp, juilland_d: found.juilland_d });
    }
    let show = |v: Option<f64>| v.map_or("undefined".to_string(), |v| format!("{v:.4}"));
    writeln!(out, "{word}: {} occurrences", found.positions.len())?;
    writeln!(out, "per part: {}", found.parts.iter().map(usize::to_string).collect::<Vec<_>>().join(" "))?;
    writeln!(
        out,
        "Gries' DP {} (DPnorm {}), Juilland's D {}",
        show(found.dp),
        show(found.dp_norm),
        show(found.juilland_d)
    )
}

pub fn phrases(out: &mut impl Write, d: &Document, options: &PhraseOptions, json: bool) -> io::Result<()> {
    let list = phrases::phrases(d, options);
    if json {
        return write_json(out, &list);
    }
    for p in &list {
        writeln!(out, "{}\t{}\t{}", p.count, p.phrase, p.words.join(" / "))?;
    }
    Ok(())
}

fn write_json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

/// New words: JSON as the page receives them, or a table (with a note when
/// the text is too short to say much).
pub fn new_words(out: &mut impl Write, found: &NewWords, json: bool) -> io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, found)?;
        return writeln!(out);
    }
    if found.too_short {
        writeln!(
            out,
            "# {} Han characters: new-word discovery needs about {} to say much; words seen {} times or more",
            found.han_characters,
            ciyan::analyses::new_words::SHORT_TEXT,
            found.min_count
        )?;
    }
    writeln!(out, "word\tcount\tcohesion\tleft entropy\tright entropy\tscore")?;
    for w in &found.words {
        writeln!(
            out,
            "{}\t{}\t{:.1}\t{:.3}\t{:.3}\t{:.1}",
            w.word, w.count, w.cohesion, w.left_entropy, w.right_entropy, w.score
        )?;
    }
    Ok(())
}

/// Sections: JSON `[{label, start, end, tokens}]` (Unicode scalars; the
/// opening's label empty), or a table.
pub fn sections(out: &mut impl Write, document: &Document, by: SectionBy, json: bool) -> io::Result<()> {
    let found = ciyan::analyses::sections::sections(document, &by, Unit::Scalar);
    if json {
        serde_json::to_writer(&mut *out, &found)?;
        return writeln!(out);
    }
    writeln!(out, "label\tstart\tend\ttokens")?;
    for s in &found {
        // The opening has no label (the page names it in the reader's language).
        let label = if s.label == OPENING { "(opening)" } else { &s.label };
        writeln!(out, "{}\t{}\t{}\t{}", label, s.start, s.end, s.tokens)?;
    }
    Ok(())
}

/// Keyness: JSON `[{word, a, b, logLikelihood, logRatio, percentDiff, bic,
/// positive, p}]`, positive first, or a table.
pub fn compare(out: &mut impl Write, found: &[Keyness], json: bool) -> io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, found)?;
        return writeln!(out);
    }
    writeln!(out, "word\ta\tb\tlog-likelihood\tlog ratio")?;
    for k in found {
        writeln!(out, "{}\t{}\t{}\t{:.2}\t{:+.2}", k.word, k.a, k.b, k.log_likelihood, k.log_ratio)?;
    }
    Ok(())
}

/// The co-occurrence network: JSON `{nodes, edges, minCount, units,
/// communities, modularity}`, or its edges as a table.
pub fn network(out: &mut impl Write, found: &ciyan::analyses::network::Network, json: bool) -> io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, found)?;
        return writeln!(out);
    }
    writeln!(out, "source\ttarget\tjaccard\ttogether")?;
    for e in &found.edges {
        let (a, b) = (&found.nodes[e.source].word, &found.nodes[e.target].word);
        writeln!(out, "{a}\t{b}\t{:.3}\t{}", e.jaccard, e.together)?;
    }
    Ok(())
}

/// Repairs: JSON `{repairs: [{kind, start, end, text, replacement, word,
/// other}], totals: [{kind, found, listed}]}` (Unicode scalars), or a table
/// and, for a kind with more than it lists, a line saying so.
pub fn repairs(out: &mut impl Write, found: &ciyan::analyses::repairs::Repairs, json: bool) -> io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, found)?;
        return writeln!(out);
    }
    writeln!(out, "kind\tstart\tend\ttext")?;
    for r in &found.repairs {
        let kind = serde_json::to_value(r.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        let text: String = r.text.chars().take(40).collect();
        writeln!(out, "{kind}\t{}\t{}\t{}", r.start, r.end, text.replace('\n', "⏎"))?;
    }
    for total in found.totals.iter().filter(|t| t.listed < t.found) {
        let kind = serde_json::to_value(total.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        writeln!(out, "# {kind}: the first {} of {}", total.listed, total.found)?;
    }
    Ok(())
}
