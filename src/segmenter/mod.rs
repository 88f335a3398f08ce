//! The segmenter: jieba loaded once (with the user's words and stopwords),
//! cutting texts into [`Document`]s. Cutting a text piece by piece is in
//! `cut.rs`. What is asked of a document afterwards (its summary, keywords,
//! the analyses) lives above this module and borrows the segmenter's
//! dictionary; nothing here knows of them.

mod cut;

use std::sync::Arc;

use crate::dictionary::Dictionary;
use crate::document::{Document, DocumentBuilder};
use crate::error::Error;
use crate::full_cut;
use crate::options::SegmentMode;
use crate::stopwords::Stopwords;
use crate::text::MAX_TEXT_BYTES;
use crate::user_dictionary::UserDictionary;

pub use cut::{Cut, Progress, Stage};

/// How much text is cut between two progress reports.
pub(crate) const CHUNK_BYTES: usize = 256 * 1024;

/// jieba's dictionary and IDF table, loaded once (about a tenth of a second
/// natively), answering any number of analyses.
pub struct Segmenter {
    /// jieba's dictionary as loaded, never changed: the user's words are
    /// always added to a copy of it (see [`Dictionary::with_user_words`]).
    base: Arc<Dictionary>,
    /// The dictionary with the user's words; shared with the cuts under way
    /// ([`Cut`]).
    dictionary: Arc<Dictionary>,
    user_dictionary: UserDictionary,
    /// The stopwords new documents start with.
    stopwords: Arc<Stopwords>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter").finish_non_exhaustive()
    }
}

impl Segmenter {
    /// Loads the dictionary, HMM model and IDF table embedded in the native
    /// library.
    pub fn new() -> Self {
        Segmenter::with_dictionary(Dictionary::embedded())
    }

    /// An analyzer over a loaded dictionary (the web build fetches its
    /// dictionary file; see [`Dictionary::from_bytes`]).
    pub fn with_dictionary(dictionary: Dictionary) -> Self {
        let dictionary = Arc::new(dictionary);
        Segmenter {
            base: Arc::clone(&dictionary),
            dictionary,
            user_dictionary: UserDictionary::default(),
            stopwords: Stopwords::built_in(),
        }
    }

    /// Cuts with jieba's dictionary and `user`'s words from now on (an empty
    /// user dictionary gives back jieba's own). Documents already cut keep
    /// their cut: cut the text again to see the change.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] if a word or tag is not valid
    /// ([`UserWord::validate`](crate::UserWord::validate)); nothing changes.
    pub fn set_user_dictionary(&mut self, user: UserDictionary) -> Result<(), Error> {
        user.validate()?;
        if user == self.user_dictionary {
            return Ok(());
        }
        self.dictionary =
            if user.is_empty() { Arc::clone(&self.base) } else { Arc::new(self.base.with_user_words(&user)) };
        self.user_dictionary = user;
        Ok(())
    }

    /// The user dictionary cuts use.
    pub fn user_dictionary(&self) -> &UserDictionary {
        &self.user_dictionary
    }

    /// The dictionary cuts use (with the user's words).
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// The stopwords new documents start with, and [`Segmenter::keywords`]
    /// leaves out.
    pub fn set_stopwords(&mut self, stopwords: Arc<Stopwords>) {
        self.stopwords = stopwords;
    }

    /// The stopwords new documents start with.
    pub fn stopwords(&self) -> &Arc<Stopwords> {
        &self.stopwords
    }

    /// Cuts `text` once, precisely and tagged, into a [`Document`] that
    /// answers any number of questions without cutting it again.
    pub fn document(&self, text: String, hmm: bool) -> Result<Document, Error> {
        self.document_with_progress(text, hmm, |_| {})
    }

    /// [`Segmenter::document`], calling `on_progress` (stage `Segmenting`)
    /// between pieces of about a quarter of a megabyte.
    pub fn document_with_progress(
        &self,
        text: String,
        hmm: bool,
        mut on_progress: impl FnMut(Progress),
    ) -> Result<Document, Error> {
        let mut cut = self.start_document(text, hmm)?;
        while !cut.is_done() {
            on_progress(cut.step());
        }
        Ok(cut.finish())
    }

    /// Starts cutting `text` into a [`Document`], one piece per
    /// [`Cut::step`].
    pub fn start_document(&self, text: String, hmm: bool) -> Result<Cut, Error> {
        check_size(&text)?;
        let builder = DocumentBuilder::new(text.len(), hmm, Arc::clone(&self.stopwords));
        Ok(Cut::new(Arc::clone(&self.dictionary), text, builder))
    }

    /// Cuts `text` in `mode` into tokens (punctuation and white space
    /// included), as `jieba.cut` does.
    pub fn cut<'t>(&self, text: &'t str, mode: SegmentMode, hmm: bool) -> Vec<&'t str> {
        let tokens = match mode {
            SegmentMode::Precise => self.dictionary.jieba.cut(text, hmm),
            SegmentMode::Search => self.dictionary.jieba.cut_for_search(text, hmm),
            SegmentMode::Full => return full_cut::cut_all(&self.dictionary.jieba, text),
        };
        tokens.into_iter().map(|t| t.word).collect()
    }

    /// Cuts `text` precisely and tags each token with its part of speech.
    pub fn tag<'t>(&'t self, text: &'t str, hmm: bool) -> Vec<(&'t str, &'t str)> {
        self.dictionary.tag(text, hmm)
    }
}

pub(crate) fn check_size(text: &str) -> Result<(), Error> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::TextTooLarge { bytes: text.len(), limit: MAX_TEXT_BYTES });
    }
    if text.trim().is_empty() {
        return Err(Error::EmptyText);
    }
    Ok(())
}
