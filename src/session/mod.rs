//! A session: one segmenter, the text it keeps, and the one entry point
//! every question of that text goes through.
//!
//! The command line, the page's worker and the tests all hold a
//! [`Session`]: they keep a text ([`Session::start`] and [`Session::step`],
//! a piece at a time so that a worker stays responsive), then send it
//! [`Request`]s, each answered by a [`Reply`]. Questions about the text are
//! [`Query`] values (`query.rs`); what the page needs to know of the core
//! (significance levels, tag groups, limits, file formats) is
//! [`Constants`] (`constants.rs`). The session decides what a query reads:
//! the whole text or the scope (some of its sections), and whether a text
//! asked for again must be cut again.

mod constants;
mod query;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use constants::{Constants, Limits, PosGroup, Significance};
pub use query::{Answer, Query, Sections, Summary, WordColumns};

use crate::analyses::sections::SectionBy;
use crate::analyses::text_profile;
use crate::analyses::{collocates, comparison, concordance, dispersion, network, phrases, repairs, sections};
use crate::document::{Document, Unit};
use crate::error::Error;
use crate::keywords::KeywordCache;
use crate::options::Options;
use crate::options::SegmentMode;
use crate::segmenter::Segmenter;
use crate::segmenter::{Cut, Progress};
use crate::stopwords::{self, StopwordSettings, Stopwords};
use crate::user_dictionary::{UserDictionary, UserWord, UserWordCheck, UserWordColumns};

/// Some sections of the kept text, by their indices in `division`: every
/// query but those about the whole text reads only their tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scope {
    pub division: SectionBy,
    pub sections: Vec<usize>,
}

/// What a session is asked, besides keeping a text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(tag = "request", rename_all = "camelCase", rename_all_fields = "camelCase", deny_unknown_fields)]
pub enum Request {
    /// A question about the kept text. → [`Reply::Answer`]
    Ask { query: Query },
    /// Limits the queries to some sections (none: the whole text). → [`Reply::Document`]
    Scope { scope: Option<Scope> },
    /// The user's words and stopwords for every cut from now on; new
    /// stopwords apply to the kept text at once. A bad word changes nothing.
    /// → [`Reply::Document`]
    Configure {
        #[serde(default)]
        user_words: UserDictionary,
        #[serde(default)]
        stopwords: StopwordSettings,
    },
    /// The stopword list in use, and its base list without the user's
    /// additions and removals. → [`Reply::Stopwords`]
    StopwordLists {},
    /// A user dictionary in jieba's format (`word [freq] [tag]` a line). →
    /// [`Reply::UserWords`], or with `columns` [`Reply::UserWordColumns`]
    /// (a big dictionary's words reach a page ten times sooner).
    ParseUserDictionary {
        text: String,
        #[serde(default)]
        columns: bool,
    },
    /// Words in jieba's user-dictionary format. → [`Reply::Text`]
    FormatUserDictionary { words: UserDictionary },
    /// A stopword file (a word a line, `#` comments). → [`Reply::Words`]
    ParseStopwords { text: String },
    /// Whether a user word can take effect: whether jieba's cut can ever
    /// give it whole. → [`Reply::WordCheck`]
    CheckUserWord { word: String },
    /// What the page needs to know of the core. → [`Reply::Constants`]
    Constants {},
}

impl Request {
    /// The request's name (the query's for a question), as the timeline
    /// of the page's profile shows it.
    pub fn name(&self) -> &'static str {
        match self {
            Request::Ask { query } => query.name(),
            Request::Scope { .. } => "scope",
            Request::Configure { .. } => "configure",
            Request::StopwordLists {} => "stopwordLists",
            Request::ParseUserDictionary { .. } => "parseUserDictionary",
            Request::FormatUserDictionary { .. } => "formatUserDictionary",
            Request::ParseStopwords { .. } => "parseStopwords",
            Request::CheckUserWord { .. } => "checkUserWord",
            Request::Constants {} => "constants",
        }
    }
}

/// The reply to a [`Request`], written as the value alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(untagged)]
pub enum Reply {
    Answer(Answer),
    Document(DocumentInfo),
    Stopwords(StopwordLists),
    UserWords(UserDictionary),
    UserWordColumns(UserWordColumns),
    Text(String),
    Words(Vec<String>),
    WordCheck(UserWordCheck),
    Constants(Constants),
}

/// The kept text as the asker sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct DocumentInfo {
    /// The document the queries read: changes whenever their answers could
    /// (a new text, stopword list or scope).
    pub id: u64,
    /// The whole text: changes with a new text or stopword list, not with
    /// the scope (what [`Query::reads_whole_text`] reads). The same as `id`
    /// without a scope.
    pub whole_id: u64,
    /// The whole text's length, in the session's unit.
    pub text_length: usize,
    /// Tokens of the cut (punctuation and white space included).
    pub tokens: usize,
    /// Bytes kept beyond the text.
    pub memory_bytes: usize,
}

/// The stopwords in use and the base list they start from, each sorted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct StopwordLists {
    pub words: Vec<String>,
    pub base_words: Vec<String>,
}

/// A reply with what it was read from: an answer is still current while
/// `read` is the document's `id` or `wholeId`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Handled {
    pub reply: Reply,
    /// The kept text after the request.
    pub document: Option<DocumentInfo>,
    /// The id of the document a query read (`id` or `wholeId`).
    pub read: Option<u64>,
}

/// How [`Session::start`] keeps a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub enum Keeping {
    /// The text is cut: call [`Session::step`] until it returns `None`.
    Cutting,
    /// The same text, cut the same way, is kept already.
    Kept,
}

/// The kept text, its scope and what was computed for them.
struct Kept {
    document: Document,
    scope: Option<(Scope, Document)>,
    /// The keyword ranking of the current document (the scope or the whole).
    keywords: KeywordCache,
    /// See [`DocumentInfo`].
    id: u64,
    whole_id: u64,
    /// The user-dictionary generation it was cut with.
    words: u64,
}

/// A cut under way.
struct Pending {
    cut: Cut,
    /// Search and full mode read the text a second time in the summary.
    passes: usize,
    words: u64,
}

/// One segmenter and the text it keeps. See the module's documentation.
pub struct Session {
    segmenter: Segmenter,
    unit: Unit,
    stopword_settings: StopwordSettings,
    kept: Option<Kept>,
    pending: Option<Pending>,
    /// Counts the changes of the user's words.
    words: u64,
    ids: u64,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("unit", &self.unit).field("document", &self.document()).finish_non_exhaustive()
    }
}

impl Session {
    /// A session over `segmenter` whose answers give positions in `unit`.
    pub fn new(segmenter: Segmenter, unit: Unit) -> Session {
        Session {
            segmenter,
            unit,
            stopword_settings: StopwordSettings::default(),
            kept: None,
            pending: None,
            words: 0,
            ids: 0,
        }
    }

    /// The segmenter (with the user's words and stopwords).
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// Starts keeping `text`, cut by `options` (its `hmm`; its `mode` says
    /// how long the summary will read). The same text cut the same way is
    /// not cut again. A cut under way is dropped.
    ///
    /// # Errors
    ///
    /// An empty or too large text, or options that are not valid.
    pub fn start(&mut self, text: String, options: &Options) -> Result<Keeping, Error> {
        options.validate()?;
        self.pending = None;
        if let Some(kept) = &self.kept {
            if kept.words == self.words && kept.document.hmm() == options.hmm && kept.document.text() == text {
                return Ok(Keeping::Kept);
            }
        }
        let cut = self.segmenter.start_document(text, options.hmm)?;
        let passes = if options.mode == SegmentMode::Precise { 1 } else { 2 };
        self.pending = Some(Pending { cut, passes, words: self.words });
        Ok(Keeping::Cutting)
    }

    /// Cuts the next piece of the text being kept and says how far it is;
    /// `None` once it is kept (or when no cut is under way).
    pub fn step(&mut self) -> Option<Progress> {
        let pending = self.pending.as_mut()?;
        if !pending.cut.is_done() {
            let progress = pending.cut.step();
            return Some(Progress { total: progress.total * pending.passes, ..progress });
        }
        let Pending { cut, words, .. } = self.pending.take()?;
        let mut document = cut.finish();
        // The stopwords may have changed while it was cut.
        document.set_stopwords(Arc::clone(self.segmenter.stopwords()));
        self.ids += 1;
        let id = self.ids;
        self.kept = Some(Kept { document, scope: None, keywords: KeywordCache::default(), id, whole_id: id, words });
        None
    }

    /// Keeps `text` at once (the command line and the tests).
    pub fn keep(&mut self, text: String, options: &Options) -> Result<DocumentInfo, Error> {
        self.start(text, options)?;
        while self.step().is_some() {}
        self.document().ok_or(Error::NoDocument)
    }

    /// Drops the cut under way, if any.
    pub fn abandon(&mut self) {
        self.pending = None;
    }

    /// The kept text, if any.
    pub fn document(&self) -> Option<DocumentInfo> {
        let kept = self.kept.as_ref()?;
        let document = &kept.document;
        Some(DocumentInfo {
            id: kept.id,
            whole_id: kept.whole_id,
            text_length: document.text_end(self.unit),
            tokens: document.len(),
            memory_bytes: document.memory(),
        })
    }

    /// Answers `request`, saying what it read (see [`Handled`]).
    pub fn handle_tracked(&mut self, request: Request, on_progress: impl FnMut(Progress)) -> Result<Handled, Error> {
        let read = match (&request, &self.kept) {
            (Request::Ask { query }, Some(kept)) if query.reads_whole_text() || kept.scope.is_none() => {
                Some(kept.whole_id)
            }
            (Request::Ask { .. }, Some(kept)) => Some(kept.id),
            _ => None,
        };
        let reply = self.handle(request, on_progress)?;
        Ok(Handled { reply, document: self.document(), read })
    }

    /// Answers `request`.
    ///
    /// # Errors
    ///
    /// [`Error::NoDocument`] for a question before a text is kept; the
    /// errors of the request's own parts (a bad user word, a bad option).
    pub fn handle(&mut self, request: Request, on_progress: impl FnMut(Progress)) -> Result<Reply, Error> {
        Ok(match request {
            Request::Ask { query } => Reply::Answer(self.ask(&query, on_progress)?),
            Request::Scope { scope } => Reply::Document(self.set_scope(scope)?),
            Request::Configure { user_words, stopwords } => {
                self.configure(user_words, stopwords)?;
                Reply::Document(self.document().unwrap_or(DocumentInfo {
                    id: 0,
                    whole_id: 0,
                    text_length: 0,
                    tokens: 0,
                    memory_bytes: 0,
                }))
            }
            Request::StopwordLists {} => Reply::Stopwords(self.stopword_lists()),
            Request::ParseUserDictionary { text, columns: false } => Reply::UserWords(UserDictionary::parse(&text)?),
            Request::ParseUserDictionary { text, columns: true } => {
                Reply::UserWordColumns(UserDictionary::parse(&text)?.into())
            }
            Request::FormatUserDictionary { words } => Reply::Text(words.to_jieba_format()),
            Request::ParseStopwords { text } => Reply::Words(stopwords::parse_list(&text)?),
            Request::CheckUserWord { word } => Reply::WordCheck(UserWord::new(word).check()),
            Request::Constants {} => Reply::Constants(Constants::of_core()),
        })
    }

    /// Answers `query` about the kept text: the whole text, or its scope.
    ///
    /// # Errors
    ///
    /// [`Error::NoDocument`] before a text is kept; an option that is not valid.
    pub fn ask(&mut self, query: &Query, on_progress: impl FnMut(Progress)) -> Result<Answer, Error> {
        let kept = self.kept.as_ref().ok_or(Error::NoDocument)?;
        if let Some(division) = query.division() {
            division.validate()?;
        }
        let whole = query.reads_whole_text();
        let document = match (&kept.scope, whole) {
            (Some((_, scope)), false) => scope,
            _ => &kept.document,
        };
        let segmenter = &self.segmenter;
        let unit = self.unit;
        Ok(match query {
            Query::Summary { options } => {
                let analysis = segmenter.summarize_cached(document, options, &kept.keywords, on_progress)?;
                Answer::Summary(analysis.into())
            }
            Query::Concordance { term, options } => {
                let options = concordance::ConcordanceOptions { unit, ..options.clone() };
                Answer::Concordance(concordance::concordance(document, term, &options))
            }
            Query::Collocates { word, options } => Answer::Collocates(collocates::collocates(document, word, options)),
            Query::Dispersion { word, options } => {
                let options = dispersion::DispersionOptions { unit, ..options.clone() };
                Answer::Dispersion(dispersion::dispersion(document, word, &options))
            }
            Query::Phrases { options } => Answer::Phrases(phrases::phrases(document, options)),
            Query::ExplainKeyword { word, options } => {
                options.validate()?;
                Answer::KeywordExplanation(segmenter.explain_keyword_cached(document, word, options, &kept.keywords))
            }
            Query::NewWords { options } => Answer::NewWords(segmenter.new_words(document, options.as_ref())),
            Query::Sections { division } => {
                let suggested = sections::suggest(document.text());
                let division = division.clone().unwrap_or_else(|| suggested.clone());
                let found = sections::sections(document, &division, unit);
                let groups = match &division {
                    SectionBy::Speaker => sections::groups(&found),
                    SectionBy::Given { sections: given } => sections::given_groups(&found, given),
                    _ => Vec::new(),
                };
                Answer::Sections(Sections { division, suggested, sections: found, groups })
            }
            Query::Distinctive { division, options } => {
                Answer::Distinctive(comparison::distinctive(document, division, options))
            }
            Query::Keyness { division, a, b, options } => {
                Answer::Keyness(comparison::compare_parts(document, division, a, b.as_ref(), options, unit))
            }
            Query::Trends { division, words, skip_stopwords } => {
                Answer::Trends(comparison::trends(document, division, words, *skip_stopwords))
            }
            Query::Network { options } => Answer::Network(network::network(document, options)),
            Query::Repairs {} => {
                let dictionary = segmenter.dictionary();
                Answer::Repairs(repairs::repairs(document, |w| dictionary.has_word(w), unit))
            }
            Query::TextProfile {} => Answer::TextProfile(text_profile::text_profile(document, unit)),
        })
    }

    /// Limits the queries to `scope` (none: the whole text). The scope's
    /// document is made once (its tokens, no new cut) and kept until the
    /// scope changes.
    pub fn set_scope(&mut self, scope: Option<Scope>) -> Result<DocumentInfo, Error> {
        let kept = self.kept.as_mut().ok_or(Error::NoDocument)?;
        if let Some(scope) = &scope {
            scope.division.validate()?;
        }
        if kept.scope.as_ref().map(|(s, _)| s) != scope.as_ref() {
            kept.scope = scope.map(|scope| {
                let spans = sections::section_spans(&kept.document, &scope.division);
                let mut ranges: Vec<std::ops::Range<usize>> =
                    scope.sections.iter().filter_map(|&i| spans.get(i)).map(|(_, start, end)| *start..*end).collect();
                ranges.sort_by_key(|r| r.start);
                ranges.dedup();
                let document = kept.document.scoped(&ranges);
                (scope, document)
            });
            kept.keywords.clear();
            kept.id = match kept.scope {
                Some(_) => {
                    self.ids += 1;
                    self.ids
                }
                None => kept.whole_id,
            };
        }
        self.document().ok_or(Error::NoDocument)
    }

    /// Cuts with the user's words and leaves out these stopwords from now
    /// on. A bad word changes nothing; new stopwords apply to the kept text
    /// at once (nothing is cut again), new words to the next cut.
    pub fn configure(&mut self, user_words: UserDictionary, settings: StopwordSettings) -> Result<(), Error> {
        // Both checked before either changes.
        user_words.validate()?;
        settings.validate()?;
        if &user_words != self.segmenter.user_dictionary() {
            self.segmenter.set_user_dictionary(user_words)?;
            self.words += 1;
        }
        if settings != self.stopword_settings {
            let list = Arc::new(Stopwords::new(&settings));
            self.segmenter.set_stopwords(Arc::clone(&list));
            self.stopword_settings = settings;
            if let Some(kept) = self.kept.as_mut() {
                kept.document.set_stopwords(Arc::clone(&list));
                if let Some((_, scope)) = kept.scope.as_mut() {
                    scope.set_stopwords(list);
                }
                kept.keywords.clear();
                self.ids += 1;
                kept.whole_id = self.ids;
                kept.id = match kept.scope {
                    Some(_) => {
                        self.ids += 1;
                        self.ids
                    }
                    None => kept.whole_id,
                };
            }
        }
        Ok(())
    }

    /// The stopwords in use, and the base list (with the classical words,
    /// if chosen) without the user's additions and removals: what the page
    /// needs to keep those two lists short.
    pub fn stopword_lists(&self) -> StopwordLists {
        let base = StopwordSettings { added: Vec::new(), removed: Vec::new(), ..self.stopword_settings.clone() };
        let sorted = |list: &Stopwords| list.words().into_iter().map(String::from).collect();
        StopwordLists { words: sorted(self.segmenter.stopwords()), base_words: sorted(&Stopwords::new(&base)) }
    }
}
