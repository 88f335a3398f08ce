//! Keywords of a kept document, ranked once for its summaries and
//! explanations, and Python jieba's `extract_tags` / `textrank` of a text.

use std::sync::{Arc, Mutex};

use super::{Keyword, KeywordMethod, StopWords, TextRank, TfIdfRun};
use crate::document::Document;
use crate::error::Error;
use crate::keywords;
use crate::options::Options;
use crate::script;
use crate::segmenter::Progress;
use crate::segmenter::Stage;
use crate::segmenter::{check_size, Segmenter, CHUNK_BYTES};
use crate::text;

/// Every candidate of a document ranked by each keyword method, for one
/// choice of stopwords and tags.
#[derive(Debug)]
pub(crate) struct KeywordRanking {
    /// (stopwords, keyword tags) of the options it was ranked for.
    pub(crate) key: (bool, Option<Vec<String>>),
    /// TF-IDF's candidate tokens: the denominator of every tf.
    pub(crate) candidate_tokens: usize,
    pub(crate) tfidf: Vec<Keyword>,
    pub(crate) textrank: Vec<Keyword>,
}

/// The last ranking of one document, kept by whoever keeps the document
/// (the [`Session`](crate::session::Session)), so that a keyword's
/// explanation after a summary ranks nothing again. Empty it when the
/// document or its stopwords change.
#[derive(Debug, Default)]
pub struct KeywordCache(Mutex<Option<Arc<KeywordRanking>>>);

impl KeywordCache {
    /// Forgets the ranking.
    pub fn clear(&self) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

impl Segmenter {
    /// Every candidate ranked by each keyword method, for the stopword and
    /// tag choices of `options`: kept in `cache`, so that the
    /// explanation of a word after a summary ranks nothing again.
    /// Reports progress (stage `Keywords`, in bytes of text) as it reads
    /// the document, when it ranks anew.
    pub(crate) fn keyword_ranking(
        &self,
        document: &Document,
        options: &Options,
        cache: &KeywordCache,
        mut on_progress: impl FnMut(Progress),
    ) -> Arc<KeywordRanking> {
        let key = (options.stopwords, options.keyword_pos.clone());
        let stop_words = || StopWords::of(document, options.stopwords);
        let mut kept = cache.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ranking) = kept.as_ref().filter(|r| r.key == key) {
            return Arc::clone(ranking);
        }
        let textrank_pos = options.keyword_pos.clone().unwrap_or_else(keywords::python_textrank_pos);
        let mut textrank = TextRank::new(textrank_pos, stop_words());
        let tfidf_pos = options.keyword_pos.as_deref().unwrap_or(&[]);
        let mut tfidf = TfIdfRun::new(&self.dictionary().idf, tfidf_pos, stop_words());
        let total = document.text().len();
        let mut next_report = CHUNK_BYTES;
        let vocabulary = document.vocabulary();
        for (i, (word, tag)) in document.tagged_normal().enumerate() {
            // The word list's rule: punctuation, markup (`##`, `--`) and
            // addresses are no words, so no keywords either; in TextRank's
            // window they take a place, as Python's punctuation does.
            if vocabulary.is_word(document.id(i)) {
                textrank.push(word, tag);
                tfidf.push(word, tag);
            } else {
                textrank.push_gap();
            }
            let done = document.span(i).end;
            if done >= next_report {
                on_progress(Progress { stage: Stage::Keywords, done, total });
                next_report = done + CHUNK_BYTES;
            }
        }
        let candidate_tokens = tfidf.total() as usize;
        // Ranked in simplified characters; shown as the text spells them.
        let display = |mut keywords: Vec<Keyword>| {
            if document.is_converted() {
                for k in &mut keywords {
                    k.word = document.vocabulary().display_form(&k.word).to_string();
                }
            }
            keywords
        };
        let ranking = Arc::new(KeywordRanking {
            key,
            candidate_tokens,
            tfidf: display(tfidf.finish(usize::MAX)),
            textrank: display(textrank.rank(usize::MAX)),
        });
        *kept = Some(Arc::clone(&ranking));
        ranking
    }
    /// The keywords of `text` by one method, as Python's `extract_tags` or
    /// `textrank` give them with the same arguments. `allowed_pos` of `None`
    /// is each method's Python default; `stopwords` adds the built-in
    /// Chinese stopwords to Python's English ones.
    pub fn keywords(
        &self,
        text: &str,
        method: KeywordMethod,
        top_k: usize,
        allowed_pos: Option<&[String]>,
        stopwords: bool,
    ) -> Result<Vec<Keyword>, Error> {
        check_size(text)?;
        if top_k == 0 {
            return Ok(Vec::new());
        }
        // A traditional text, or one with full-width letters: the keywords
        // of its normal form, spelled as the text spells them.
        let text_script = script::detect(text);
        if script::needs_normal_form(text, text_script) {
            let converted = script::Converted::with_script(text, text_script);
            let mut keywords = self.keywords_of(converted.simplified(), method, top_k, allowed_pos, stopwords);
            for k in &mut keywords {
                k.word = converted.original_form(&k.word).unwrap_or(&k.word).to_string();
            }
            return Ok(keywords);
        }
        Ok(self.keywords_of(text, method, top_k, allowed_pos, stopwords))
    }

    fn keywords_of(
        &self,
        text: &str,
        method: KeywordMethod,
        top_k: usize,
        allowed_pos: Option<&[String]>,
        stopwords: bool,
    ) -> Vec<Keyword> {
        match method {
            KeywordMethod::TfIdf => {
                let pos = allowed_pos.unwrap_or(&[]);
                let stops = StopWords::with(stopwords.then(|| Arc::clone(self.stopwords())));
                let mut run = TfIdfRun::new(&self.dictionary().idf, pos, stops);
                for chunk in text::line_chunks(text, CHUNK_BYTES) {
                    self.tag(chunk, true).into_iter().for_each(|(word, tag)| run.push(word, tag));
                }
                run.finish(top_k)
            }
            KeywordMethod::TextRank => {
                let pos = allowed_pos.map_or_else(keywords::python_textrank_pos, <[String]>::to_vec);
                let tags = text::line_chunks(text, CHUNK_BYTES).flat_map(|chunk| self.tag(chunk, true));
                let stops = StopWords::with(stopwords.then(|| Arc::clone(self.stopwords())));
                let mut rank = TextRank::new(pos, stops);
                tags.for_each(|(word, tag)| rank.push(word, tag));
                rank.rank(top_k)
            }
        }
    }
}
