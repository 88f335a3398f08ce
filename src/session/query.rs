//! The contract: every question asked of a kept text, and its answer.
//!
//! The command line (`ciyan query FILE JSON`), the worker of the page and
//! the tests all ask with a [`Query`] and read an [`Answer`]. A query is JSON
//! tagged by its name, `{"query": "concordance", "term": "台湾", "options":
//! {"width": 20}}`; its options may be left out (each has its defaults).
//! Positions in answers are in the session's [`Unit`](crate::document::Unit):
//! Unicode scalars on the command line, UTF-16 code units on the page.
//!
//! The page's view of these types (`www/js/contract/`) is generated from
//! them (`make contract`); nothing is written twice by hand.

use serde::{Deserialize, Serialize};

use crate::analyses::collocates::{Collocate, CollocateOptions};
use crate::analyses::comparison::{CompareOptions, Comparison, Distinctive, Part, Trends};
use crate::analyses::concordance::{ConcordanceLine, ConcordanceOptions};
use crate::analyses::dispersion::{Dispersion, DispersionOptions};
use crate::analyses::network::{Network, NetworkOptions};
use crate::analyses::new_words::{NewWordOptions, NewWords};
use crate::analyses::phrases::{Phrase, PhraseOptions};
use crate::analyses::repairs::Repairs;
use crate::analyses::sections::{Group, Section, SectionBy};
use crate::analyses::summary::{Counts, Entities, Keywords};
use crate::analyses::text_profile::TextProfile;
use crate::keywords::KeywordExplanation;
use crate::options::Options;

/// A question about the kept text (or its scope: see [`Query::reads_whole_text`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(tag = "query", rename_all = "camelCase", rename_all_fields = "camelCase", deny_unknown_fields)]
pub enum Query {
    /// Counts, the word list, keywords and names, by `options` (only the
    /// search and full modes cut again). → [`Answer::Summary`]
    Summary {
        #[serde(default)]
        options: Options,
    },
    /// Every occurrence of `term`. → [`Answer::Concordance`]
    Concordance {
        term: String,
        #[serde(default)]
        options: ConcordanceOptions,
    },
    /// The words found near `word`, with their association measures. → [`Answer::Collocates`]
    Collocates {
        word: String,
        #[serde(default)]
        options: CollocateOptions,
    },
    /// Where `word` occurs, and how evenly. → [`Answer::Dispersion`]
    Dispersion {
        word: String,
        #[serde(default)]
        options: DispersionOptions,
    },
    /// Repeated runs of words. → [`Answer::Phrases`]
    Phrases {
        #[serde(default)]
        options: PhraseOptions,
    },
    /// Why `word` is, or is not, a keyword under `options` (as for
    /// [`Query::Summary`]). → [`Answer::KeywordExplanation`]
    ExplainKeyword {
        word: String,
        #[serde(default)]
        options: Options,
    },
    /// Words the dictionary lacks, found by cohesion and freedom; options
    /// left out suit the text's length. → [`Answer::NewWords`]
    NewWords {
        #[serde(default)]
        options: Option<NewWordOptions>,
    },
    /// The text's sections by `division` (left out: the way that suits the
    /// text) and, by speaker, the turns grouped by speaker and role. → [`Answer::Sections`]
    Sections {
        #[serde(default)]
        division: Option<SectionBy>,
    },
    /// Each part (`options.parts`, else each section) against the rest. → [`Answer::Distinctive`]
    Distinctive {
        division: SectionBy,
        #[serde(default)]
        options: CompareOptions,
    },
    /// Part `a` against part `b` (the rest when left out). → [`Answer::Keyness`]
    Keyness {
        division: SectionBy,
        a: Part,
        #[serde(default)]
        b: Option<Part>,
        #[serde(default)]
        options: CompareOptions,
    },
    /// `words` across the sections of `division`. → [`Answer::Trends`]
    Trends {
        division: SectionBy,
        words: Vec<String>,
        #[serde(default)]
        skip_stopwords: bool,
    },
    /// The co-occurrence network (KH Coder's). → [`Answer::Network`]
    Network {
        #[serde(default)]
        options: NetworkOptions,
    },
    /// The flaws of a printed text, and their fixes. → [`Answer::Repairs`]
    // An empty struct, not a unit, so that unknown fields are refused here too.
    Repairs {},
    /// Vocabulary richness and the lengths of words and sentences. → [`Answer::TextProfile`]
    TextProfile {},
}

impl Query {
    /// Whether the query is about the whole text even while a scope is set:
    /// the text's structure, comparisons of its parts, its repairs, and a
    /// concordance within given spans (they may lie outside the scope).
    pub fn reads_whole_text(&self) -> bool {
        match self {
            Query::Sections { .. }
            | Query::Distinctive { .. }
            | Query::Keyness { .. }
            | Query::Trends { .. }
            | Query::Repairs {} => true,
            Query::Concordance { options, .. } => !options.within.is_empty(),
            _ => false,
        }
    }

    /// The division the query reads, if it reads one.
    pub fn division(&self) -> Option<&SectionBy> {
        match self {
            Query::Sections { division } => division.as_ref(),
            Query::Distinctive { division, .. } | Query::Keyness { division, .. } | Query::Trends { division, .. } => {
                Some(division)
            }
            _ => None,
        }
    }

    /// The query's name, as its JSON tag.
    pub fn name(&self) -> &'static str {
        match self {
            Query::Summary { .. } => "summary",
            Query::Concordance { .. } => "concordance",
            Query::Collocates { .. } => "collocates",
            Query::Dispersion { .. } => "dispersion",
            Query::Phrases { .. } => "phrases",
            Query::ExplainKeyword { .. } => "explainKeyword",
            Query::NewWords { .. } => "newWords",
            Query::Sections { .. } => "sections",
            Query::Distinctive { .. } => "distinctive",
            Query::Keyness { .. } => "keyness",
            Query::Trends { .. } => "trends",
            Query::Network { .. } => "network",
            Query::Repairs {} => "repairs",
            Query::TextProfile {} => "textProfile",
        }
    }
}

/// The answer to a [`Query`]: the variant of the same name. It is written
/// as the value alone (no tag): the asker knows what it asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(untagged)]
pub enum Answer {
    Summary(Summary),
    Concordance(Vec<ConcordanceLine>),
    Collocates(Vec<Collocate>),
    Dispersion(Dispersion),
    Phrases(Vec<Phrase>),
    KeywordExplanation(KeywordExplanation),
    NewWords(NewWords),
    Sections(Sections),
    Distinctive(Vec<Distinctive>),
    Keyness(Comparison),
    Trends(Trends),
    Network(Network),
    Repairs(Repairs),
    TextProfile(TextProfile),
}

/// The summary of the kept text (or its scope): the
/// [`Analysis`](crate::Analysis) with its word list in columns, which the
/// page copies far faster than as many small objects (a long text has tens
/// of thousands of words).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub counts: Counts,
    pub keywords: Keywords,
    pub entities: Entities,
    /// Every distinct word, most frequent first, as in
    /// [`Analysis::words`](crate::Analysis::words).
    pub words: WordColumns,
}

/// A word list in columns: row `i` is line `i` of `words` and of `tags`,
/// and `counts[i]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct WordColumns {
    /// The words, joined by line breaks (no word holds one).
    pub words: String,
    pub counts: Vec<u32>,
    /// Their tags, joined by line breaks.
    pub tags: String,
}

impl From<crate::analyses::summary::Analysis> for Summary {
    fn from(analysis: crate::analyses::summary::Analysis) -> Summary {
        let mut words = WordColumns::default();
        for (i, w) in analysis.words.iter().enumerate() {
            if i > 0 {
                words.words.push('\n');
                words.tags.push('\n');
            }
            words.words.push_str(&w.word);
            words.tags.push_str(&w.pos);
            words.counts.push(u32::try_from(w.count).unwrap_or(u32::MAX));
        }
        Summary { counts: analysis.counts, keywords: analysis.keywords, entities: analysis.entities, words }
    }
}

/// The answer to [`Query::Sections`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Sections {
    /// The division used.
    pub division: SectionBy,
    /// The division that suits the text.
    pub suggested: SectionBy,
    pub sections: Vec<Section>,
    /// By speaker: each speaker's turns, and each role's (all 记者 turns).
    pub groups: Vec<Group>,
}
