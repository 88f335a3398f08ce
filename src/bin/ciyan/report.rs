//! The readable summary of `ciyan analyze`.

use std::io::{self, Write};

use ciyan::{Analysis, Keyword};

/// How many keywords, names and words the summary lists.
const SHOWN: usize = 10;

pub fn summary(out: &mut impl Write, name: &str, a: &Analysis) -> io::Result<()> {
    let c = &a.counts;
    writeln!(out, "{name}")?;
    writeln!(
        out,
        "  {} characters ({} Han), {} words ({} distinct), {} sentences",
        c.characters, c.han_characters, c.tokens, c.distinct_words, c.sentences
    )?;
    keywords(out, "Keywords (TF-IDF)", &a.keywords.tfidf)?;
    keywords(out, "Keywords (TextRank)", &a.keywords.textrank)?;
    let counted = |list: &[ciyan::names::Name]| list.iter().map(|n| (n.word.clone(), n.count)).collect::<Vec<_>>();
    names(out, "People", &counted(&a.entities.people))?;
    names(out, "Places", &counted(&a.entities.places))?;
    names(out, "Organisations", &counted(&a.entities.organizations))?;
    names(out, "Frequent words", &a.words.iter().map(|w| (w.word.clone(), w.count)).collect::<Vec<_>>())?;
    Ok(())
}

fn keywords(out: &mut impl Write, title: &str, list: &[Keyword]) -> io::Result<()> {
    writeln!(out, "\n{title}")?;
    for (i, k) in list.iter().take(SHOWN).enumerate() {
        writeln!(out, "  {:>2}. {}\t{:.4}\t{}", i + 1, k.word, k.weight, k.pos)?;
    }
    Ok(())
}

fn names(out: &mut impl Write, title: &str, list: &[(String, usize)]) -> io::Result<()> {
    let shown: Vec<String> = list.iter().take(SHOWN).map(|(word, count)| format!("{word} ({count})")).collect();
    let rest = list.len().saturating_sub(SHOWN);
    let more = if rest > 0 { format!(", and {rest} more") } else { String::new() };
    let shown = if shown.is_empty() { "none".to_string() } else { shown.join(", ") };
    writeln!(out, "\n{title}: {shown}{more}")
}
