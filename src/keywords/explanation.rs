//! Why a word is a keyword, or why it is not: its count, tf, idf (and where
//! the idf came from), its ranks by TF-IDF and by TextRank, and, when it is
//! no candidate, the reason.

use serde::{Deserialize, Serialize};

use super::ranking::{KeywordCache, KeywordRanking};
use crate::dictionary::Idf;
use crate::document::Document;
use crate::keywords;
use crate::options::Options;
use crate::segmenter::Segmenter;

/// Where a word's idf comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum IdfSource {
    /// jieba's IDF table has the word.
    Table,
    /// It does not: Python jieba (and Ciyan) use the table's median.
    Median,
}

/// Why a word is no keyword candidate for a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Exclusion {
    /// The text does not use it (as a token of the cut).
    NotInText,
    /// It is punctuation or white space.
    NotAWord,
    /// One character: keywords have at least two.
    TooShort,
    /// A stopword.
    Stopword,
    /// Its part of speech is not one the method keeps.
    PosFilter,
    /// A candidate that co-occurs with no other candidate (TextRank only).
    NoNeighbours,
}

/// A word's standing as a keyword.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct KeywordExplanation {
    pub word: String,
    /// Its tokens in the precise cut.
    pub count: usize,
    /// Its tag (of its first use), if the text uses it.
    pub pos: Option<String>,
    pub idf: f64,
    pub idf_source: IdfSource,
    /// The idf of every word outside the table.
    pub median_idf: f64,
    /// Its count among TF-IDF's candidate tokens, and their number: tf is
    /// their ratio, TF-IDF is tf × idf.
    pub tfidf_count: usize,
    pub candidate_tokens: usize,
    pub tf: Option<f64>,
    pub tfidf: Option<f64>,
    /// Ranks from 1 among all candidates; keywords shown are the first `top_k`.
    pub tfidf_rank: Option<usize>,
    pub tfidf_excluded: Option<Exclusion>,
    pub textrank: Option<f64>,
    pub textrank_rank: Option<usize>,
    pub textrank_excluded: Option<Exclusion>,
    /// How many candidates each method ranked.
    pub tfidf_candidates: usize,
    pub textrank_candidates: usize,
    pub top_k: usize,
}

impl Segmenter {
    /// Why `word` is, or is not, a keyword of `document` under `options`.
    pub fn explain_keyword(&self, document: &Document, word: &str, options: &Options) -> KeywordExplanation {
        self.explain_keyword_cached(document, word, options, &KeywordCache::default())
    }

    /// [`Segmenter::explain_keyword`] from the ranking in `cache`, if it
    /// was ranked for the same choices (it is kept there otherwise).
    pub fn explain_keyword_cached(
        &self,
        document: &Document,
        word: &str,
        options: &Options,
        cache: &KeywordCache,
    ) -> KeywordExplanation {
        let ranking = self.keyword_ranking(document, options, cache, |_| {});
        explain(document, &self.dictionary().idf, &ranking, word, options)
    }
}

/// Explains `word` as a keyword of `document` under `options` (stopwords,
/// keyword tags and how many keywords), from the ranking the summary uses.
pub(crate) fn explain(
    document: &Document,
    idf: &Idf,
    ranking: &KeywordRanking,
    word: &str,
    options: &Options,
) -> KeywordExplanation {
    let stop_words = keywords::StopWords::of(document, options.stopwords);
    let textrank_pos = options.keyword_pos.clone().unwrap_or_else(keywords::python_textrank_pos);
    let tfidf_pos = options.keyword_pos.clone().unwrap_or_default();
    let candidate_tokens = ranking.candidate_tokens;
    let tfidf_at = ranking.tfidf.iter().position(|k| k.word == word);
    let textrank_at = ranking.textrank.iter().position(|k| k.word == word);

    let vocabulary = document.vocabulary();
    let id = vocabulary.id(word);
    let pos = id.map(|id| document.first_tag(id).to_string());
    let tags_of_word = || (0..document.len()).filter(move |&i| Some(document.id(i)) == id).map(|i| document.tag(i));
    // TF-IDF counts the word's tokens whose tag it keeps.
    let tfidf_count = if tfidf_at.is_some() {
        tags_of_word().filter(|t| tfidf_pos.is_empty() || tfidf_pos.iter().any(|p| p == t)).count()
    } else {
        0
    };
    let why_not = |allowed: &[String]| -> Option<Exclusion> {
        let Some(id) = id else {
            return Some(Exclusion::NotInText);
        };
        if !vocabulary.is_word(id) {
            Some(Exclusion::NotAWord)
        } else if !keywords::is_long_enough(word) {
            Some(Exclusion::TooShort)
        } else if keywords::is_stop_word(word, &stop_words) {
            Some(Exclusion::Stopword)
        } else if !allowed.is_empty() && !tags_of_word().any(|t| allowed.iter().any(|a| a == t)) {
            Some(Exclusion::PosFilter)
        } else {
            None
        }
    };
    let looked_up = idf.lookup(word);
    KeywordExplanation {
        word: word.to_string(),
        count: id.map_or(0, |id| vocabulary.count(id)),
        pos,
        idf: looked_up.unwrap_or(idf.median()),
        idf_source: if looked_up.is_some() { IdfSource::Table } else { IdfSource::Median },
        median_idf: idf.median(),
        tfidf_count,
        candidate_tokens,
        tf: tfidf_at.map(|_| tfidf_count as f64 / candidate_tokens as f64),
        tfidf: tfidf_at.map(|i| ranking.tfidf[i].weight),
        tfidf_rank: tfidf_at.map(|i| i + 1),
        tfidf_excluded: if tfidf_at.is_some() { None } else { why_not(&tfidf_pos) },
        textrank: textrank_at.map(|i| ranking.textrank[i].weight),
        textrank_rank: textrank_at.map(|i| i + 1),
        textrank_excluded: match (textrank_at, why_not(&textrank_pos)) {
            (Some(_), _) => None,
            (None, Some(reason)) => Some(reason),
            (None, None) => Some(Exclusion::NoNeighbours),
        },
        tfidf_candidates: ranking.tfidf.len(),
        textrank_candidates: ranking.textrank.len(),
        top_k: options.top_k,
    }
}
