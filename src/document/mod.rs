//! A text cut once and kept, so that any number of questions can be asked of
//! it without cutting it again: the word list, keywords, a concordance, the
//! collocates of a word, its dispersion, repeated phrases.
//!
//! The tokens of the precise cut cover the text from start to end (jieba
//! keeps punctuation and white space as tokens), each with its position, its
//! word as an id in a vocabulary and its part-of-speech tag. Sentences and
//! paragraphs are runs of tokens.

mod addresses;
mod offsets;
mod scope;

use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

pub use addresses::address_spans;
pub use offsets::{Offsets, Unit};
pub use scope::Origin;

use crate::stopwords::Stopwords;
use crate::text;

/// One word of the word list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WordCount {
    /// The word.
    pub word: String,
    /// How many times it occurs in the cut.
    pub count: usize,
    /// Its part-of-speech tag (jieba's tag set: n, v, nr, ns, …).
    pub pos: String,
}

/// An id in a document's vocabulary: ids are given in order of first use.
pub type WordId = u32;

/// A text and its precise, tagged cut.
#[derive(Debug)]
pub struct Document {
    /// Shared with the scopes taken from it (see [`Document::scoped`]).
    text: Arc<str>,
    /// Whether the HMM found words outside the dictionary in this cut.
    hmm: bool,
    /// Per token: the byte offset where it starts; it ends where the next
    /// one starts (or at the end of the text).
    starts: Vec<u32>,
    /// Per token: its word.
    ids: Vec<WordId>,
    /// Per token: its tag, an index into `tag_names`.
    tags: Vec<u8>,
    vocabulary: Vocabulary,
    tag_names: Vec<Box<str>>,
    /// The first token of each sentence, and of each paragraph (a line with
    /// a word in it).
    sentence_starts: Vec<u32>,
    paragraph_starts: Vec<u32>,
    offsets: Offsets,
    /// The indices of the word tokens (not punctuation, not white space),
    /// with stopwords and without: the token sequence every count is over.
    word_tokens: OnceLock<Vec<u32>>,
    word_tokens_without_stopwords: OnceLock<Vec<u32>>,
    /// The stopwords every view that leaves them out leaves out.
    stopwords: Arc<Stopwords>,
    /// The normal form the cut read (see [`crate::script::normal_form`]),
    /// for a traditional text or one with full-width letters.
    simplified: Option<String>,
    script: crate::script::Script,
    /// For a scope (some sections of a text, see [`Document::scoped`]): the
    /// whole text, where every position leaving the core points.
    origin: Option<Box<Origin>>,
}

/// The distinct words of a document.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: Vec<Box<str>>,
    /// Per word: whether it is a word at all (not punctuation or white space).
    is_word: Vec<bool>,
    /// Per word: the tag of its first use.
    first_tags: Vec<u8>,
    /// Per word: how many tokens it has.
    counts: Vec<u32>,
    index: HashMap<Box<str>, WordId>,
    /// Per word of a traditional text: its simplified form, when it differs
    /// (the form the dictionary, the IDF table and the stopwords know).
    normal: Vec<Option<Box<str>>>,
    /// Per simplified form that differs: the first word with it.
    by_normal: HashMap<Box<str>, WordId>,
}

impl Vocabulary {
    /// The id of `word`, if the document uses it.
    pub fn id(&self, word: &str) -> Option<WordId> {
        self.index.get(word).copied()
    }

    /// The word of `id`.
    pub fn word(&self, id: WordId) -> &str {
        &self.words[id as usize]
    }

    /// How many distinct tokens (words, punctuation, white space) there are.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `id` is a word (holds a letter, digit or Han character).
    pub fn is_word(&self, id: WordId) -> bool {
        self.is_word[id as usize]
    }

    /// The simplified form of `id` (the word itself in a simplified text).
    pub fn normal(&self, id: WordId) -> &str {
        self.normal.get(id as usize).and_then(|n| n.as_deref()).unwrap_or(&self.words[id as usize])
    }

    /// The word as the text spells it, for its simplified form `normal`.
    pub fn display_form<'a>(&'a self, normal: &'a str) -> &'a str {
        match self.by_normal.get(normal) {
            Some(&id) => self.word(id),
            None => normal,
        }
    }

    /// How many tokens of the precise cut are `id`.
    pub fn count(&self, id: WordId) -> usize {
        self.counts[id as usize] as usize
    }

    /// `can_be_word`: false for an address (see [`address_spans`]), which
    /// is no word whatever letters it holds.
    fn intern(&mut self, word: &str, tag: u8, normal: Option<&str>, can_be_word: bool) -> WordId {
        if let Some(&id) = self.index.get(word) {
            self.counts[id as usize] += 1;
            return id;
        }
        let id = self.words.len() as WordId;
        if let Some(normal) = normal.filter(|n| *n != word) {
            self.normal.resize(id as usize, None);
            self.normal.push(Some(normal.into()));
            self.by_normal.entry(normal.into()).or_insert(id);
        }
        self.words.push(word.into());
        self.is_word.push(can_be_word && text::is_word(word));
        self.first_tags.push(tag);
        self.counts.push(1);
        self.index.insert(word.into(), id);
        id
    }
}

/// Builds a [`Document`] from the tagged cut, piece by piece; the text
/// joins it at the end, so that the cut can borrow it meanwhile.
#[derive(Debug)]
pub(crate) struct DocumentBuilder {
    document: Document,
    /// Where the next token must start: the tokens cover the text.
    next_start: usize,
    tag_index: HashMap<Box<str>, u8>,
    /// Whether the current sentence / line has a word yet.
    in_sentence: bool,
    in_paragraph: bool,
}

impl DocumentBuilder {
    /// A builder for a cut of a text of `len` bytes.
    pub(crate) fn new(len: usize, hmm: bool, stopwords: Arc<Stopwords>) -> Self {
        let capacity = len / 3;
        DocumentBuilder {
            next_start: 0,
            document: Document {
                hmm,
                starts: Vec::with_capacity(capacity),
                ids: Vec::with_capacity(capacity),
                tags: Vec::with_capacity(capacity),
                vocabulary: Vocabulary::default(),
                tag_names: Vec::new(),
                sentence_starts: Vec::new(),
                paragraph_starts: Vec::new(),
                offsets: Offsets::default(),
                word_tokens: OnceLock::new(),
                word_tokens_without_stopwords: OnceLock::new(),
                stopwords,
                simplified: None,
                script: crate::script::Script::Simplified,
                origin: None,
                text: Arc::from(""),
            },
            tag_index: HashMap::default(),
            in_sentence: false,
            in_paragraph: false,
        }
    }

    /// Whether the cut uses the HMM.
    pub(crate) fn hmm(&self) -> bool {
        self.document.hmm
    }

    /// Adds the next token of the cut.
    pub(crate) fn push(&mut self, word: &str, tag: &str) {
        self.push_converted(word, tag, None)
    }

    /// Adds the next token of the cut of a converted text: `word` as the
    /// text spells it, `normal` as it was cut.
    pub(crate) fn push_converted(&mut self, word: &str, tag: &str, normal: Option<&str>) {
        self.push_token(word, tag, normal, true)
    }

    /// Adds a web or e-mail address or a file path (several tokens of the
    /// cut, see [`address_spans`]) as one token that is no word, as
    /// punctuation is: it ends no sentence (its `?` or `!` is no end).
    pub(crate) fn push_address(&mut self, address: &str) {
        self.push_token(address, "x", None, false)
    }

    fn push_token(&mut self, word: &str, tag: &str, normal: Option<&str>, can_be_word: bool) {
        let start = self.next_start;
        self.next_start += word.len();
        let tag = match self.tag_index.get(tag) {
            Some(&t) => t,
            None => {
                let t = u8::try_from(self.document.tag_names.len()).unwrap_or(u8::MAX);
                if t < u8::MAX {
                    self.document.tag_names.push(tag.into());
                    self.tag_index.insert(tag.into(), t);
                }
                t.min(u8::MAX - 1)
            }
        };
        let doc = &mut self.document;
        let index = doc.starts.len() as u32;
        let id = doc.vocabulary.intern(word, tag, normal, can_be_word);
        doc.starts.push(start as u32);
        doc.ids.push(id);
        doc.tags.push(tag);
        if doc.vocabulary.is_word(id) {
            if !self.in_sentence {
                doc.sentence_starts.push(index);
                self.in_sentence = true;
            }
            if !self.in_paragraph {
                doc.paragraph_starts.push(index);
                self.in_paragraph = true;
            }
        } else if can_be_word {
            if word.chars().any(ends_sentence) {
                self.in_sentence = false;
            }
            if word.contains('\n') {
                self.in_paragraph = false;
                self.in_sentence = false;
            }
        }
    }

    /// The document of `text`, in `script`, whose cut was pushed;
    /// `simplified` is the normal form the cut read, if it read one.
    pub(crate) fn finish(mut self, text: String, simplified: Option<String>, script: crate::script::Script) -> Document {
        self.document.simplified = simplified;
        self.document.script = script;
        assert_eq!(self.next_start, text.len(), "the tokens cover the text");
        self.document.offsets = Offsets::new(&text);
        self.document.text = Arc::from(text);
        self.document
    }
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '…' | '!' | '?' | ';' | '．')
}

impl Document {
    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the cut used the HMM for words outside the dictionary.
    pub fn hmm(&self) -> bool {
        self.hmm
    }

    /// The distinct words.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// How many tokens (punctuation and white space included).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the text has no tokens.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The word of token `i`.
    pub fn id(&self, i: usize) -> WordId {
        self.ids[i]
    }

    /// The text of token `i`.
    pub fn token(&self, i: usize) -> &str {
        &self.text[self.span(i)]
    }

    /// The tag of token `i`.
    pub fn tag(&self, i: usize) -> &str {
        self.tag_name(self.tags[i])
    }

    /// The tag of the first use of a word.
    pub fn first_tag(&self, id: WordId) -> &str {
        self.tag_name(self.vocabulary.first_tags[id as usize])
    }

    fn tag_name(&self, tag: u8) -> &str {
        self.tag_names.get(tag as usize).map_or("x", |t| t)
    }

    /// The byte range of token `i` in the text.
    pub fn span(&self, i: usize) -> std::ops::Range<usize> {
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&e| e as usize);
        self.starts[i] as usize..end
    }

    /// The token that starts at byte `byte`, if one does.
    pub fn token_starting_at(&self, byte: usize) -> Option<usize> {
        self.starts.binary_search(&(byte as u32)).ok()
    }

    /// The index of the token that holds byte `byte`.
    pub fn token_at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s as usize <= byte).saturating_sub(1)
    }

    /// Every token with its tag, in order: the tagged cut.
    pub fn tagged(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        (0..self.len()).map(|i| (self.vocabulary.word(self.ids[i]), self.tag(i)))
    }

    /// Every token in simplified characters with its tag: the cut as the
    /// dictionary saw it (the same as [`Document::tagged`] for a simplified
    /// text).
    pub fn tagged_normal(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        (0..self.len()).map(|i| (self.vocabulary.normal(self.ids[i]), self.tag(i)))
    }

    /// The script of the text.
    pub fn script(&self) -> crate::script::Script {
        self.script
    }

    /// Whether the text was cut in a normal form of its own (traditional
    /// characters, full-width letters): words are then looked up, weighed
    /// and ranked in that form, and shown as the text spells them.
    pub fn is_converted(&self) -> bool {
        self.simplified.is_some()
    }

    /// The text as it was cut: the normal form of a traditional text or one
    /// with full-width letters (with as many characters, each in its place),
    /// or the text.
    pub fn cut_text(&self) -> &str {
        self.simplified.as_deref().unwrap_or(&self.text)
    }

    /// The indices of the tokens every count is over: the words, without
    /// punctuation and white space, and without stopwords when
    /// `skip_stopwords` (then they leave every count too).
    pub fn word_tokens(&self, skip_stopwords: bool) -> &[u32] {
        let cell = if skip_stopwords { &self.word_tokens_without_stopwords } else { &self.word_tokens };
        cell.get_or_init(|| {
            let keep: Vec<bool> = (0..self.vocabulary.len() as WordId)
                .map(|id| {
                    self.vocabulary.is_word(id)
                        && !(skip_stopwords && self.stopwords.contains(self.vocabulary.normal(id)))
                })
                .collect();
            (0..self.ids.len() as u32).filter(|&i| keep[self.ids[i as usize] as usize]).collect()
        })
    }

    /// The stopwords of every view that leaves them out.
    pub fn stopwords(&self) -> &Arc<Stopwords> {
        &self.stopwords
    }

    /// Changes the stopwords; nothing is cut again. What was kept for the
    /// old list (the tokens without stopwords) goes.
    pub fn set_stopwords(&mut self, stopwords: Arc<Stopwords>) {
        if stopwords.id() != self.stopwords.id() {
            self.stopwords = stopwords;
            self.word_tokens_without_stopwords = OnceLock::new();
        }
    }

    /// The first token of each sentence: runs of tokens ended by 。！？；…
    /// (or their ASCII forms) or a line break, each with a word in it.
    pub fn sentence_starts(&self) -> &[u32] {
        &self.sentence_starts
    }

    /// The first token of each paragraph: each line with a word in it.
    pub fn paragraph_starts(&self) -> &[u32] {
        &self.paragraph_starts
    }

    /// Converts byte offsets to other units.
    pub fn offsets(&self) -> &Offsets {
        &self.offsets
    }

    /// The scalar (character) offset of byte offset `byte`.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.offsets.scalar(&self.text, byte)
    }

    /// The UTF-16 offset of byte offset `byte`, as JavaScript counts.
    pub fn utf16_offset(&self, byte: usize) -> usize {
        self.offsets.utf16(&self.text, byte)
    }

    /// The bytes the document keeps, beyond its text: per token and in all.
    pub fn memory(&self) -> usize {
        let per_token = std::mem::size_of::<u32>() * 2 + 1;
        let vocabulary: usize = self.vocabulary.words.iter().map(|w| 2 * w.len() + 40).sum();
        self.ids.capacity() * per_token
            + vocabulary
            + (self.sentence_starts.capacity() + self.paragraph_starts.capacity()) * 4
            + self.word_tokens.get().map_or(0, |v| v.capacity() * 4)
            + self.word_tokens_without_stopwords.get().map_or(0, |v| v.capacity() * 4)
            + self.text.len() / 256 * 8
    }
}
