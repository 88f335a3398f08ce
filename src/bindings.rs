//! The JavaScript face of the core: the only Rust file that names
//! wasm-bindgen. It turns [`Analysis`](crate::Analysis),
//! [`Progress`](crate::Progress), [`Error`](crate::Error) and the answers
//! of a [`Document`](crate::Document) into plain JavaScript values and does
//! nothing else.
//!
//! Every position that leaves here is in UTF-16 code units, as JavaScript
//! strings count: the queries' options are given [`Unit::Utf16`] here, and
//! the core converts each offset (see `Document::offset`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::analyses::comparison::{self, CompareOptions, Part};
use crate::analyses::sections::SectionBy;
use crate::analyses::{collocates, concordance, dispersion, network, phrases, repairs, sections};
use crate::document::Unit;
use crate::{
    stopwords, Segmenter, Cut, Dictionary, Document, Error, Options, StopwordSettings, Stopwords, UserDictionary,
};

thread_local! {
    /// The message of the last panic, for the worker to report after the trap.
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs once when the module is instantiated: a Rust panic is kept for
/// [`last_panic`] and logged with its message instead of a bare `unreachable`.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(info.to_string()));
        console_error_panic_hook::hook(info);
    }));
}

/// The message of the panic that made the last call trap, if any. The
/// instance is not to be used for analysis after a panic: the worker reports
/// this message and is replaced.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|last| last.borrow().clone())
}

/// An analyzer with jieba's dictionary loaded; create it once per worker.
#[wasm_bindgen(js_name = Segmenter)]
pub struct JsAnalyzer {
    inner: Segmenter,
}

#[wasm_bindgen(js_class = Segmenter)]
impl JsAnalyzer {
    /// Loads the dictionary, the HMM model and the IDF table from the bytes
    /// of Ciyan's dictionary file (`pkg/ciyan.dict`). Throws `{code,
    /// message}` if the file is damaged.
    #[wasm_bindgen(constructor)]
    pub fn new(dictionary: &[u8]) -> Result<JsAnalyzer, JsValue> {
        let dictionary = Dictionary::from_bytes(dictionary).map_err(|e| to_js_error(&e))?;
        Ok(JsAnalyzer { inner: Segmenter::with_dictionary(dictionary) })
    }

    /// Analyses `text` and returns one `Analysis` object.
    ///
    /// `options` is `undefined` or an object with any of `mode`, `hmm`,
    /// `topK`, `keywordPos`, `stopwords`. `onProgress`, if given, is called
    /// with `{stage, done, total}` as the text is read. Throws
    /// `{code, message}` with a Chinese sentence for the user.
    pub fn analyze(
        &self,
        text: &str,
        options: JsValue,
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let options: Options = from_js_or_default(options)?;
        let analysis = self
            .inner
            .analyze_with_progress(text, &options, |progress| report(&on_progress, &progress))
            .map_err(|e| to_js_error(&e))?;
        to_js(&analysis)
    }
}

#[wasm_bindgen(js_class = Segmenter)]
impl JsAnalyzer {
    /// Starts cutting `text` into a document; `hmm` as in the options.
    /// Throws `{code, message}` for an empty or too large text.
    #[wasm_bindgen(js_name = startDocument)]
    pub fn start_document(&self, text: String, hmm: bool) -> Result<JsCut, JsValue> {
        let cut = self.inner.start_document(text, hmm).map_err(|e| to_js_error(&e))?;
        Ok(JsCut { inner: Some(cut) })
    }

    /// The `Analysis` of a document by `options` (as for `analyze`); only
    /// the search and full modes cut again. Throws `{code, message}`.
    pub fn summarize(
        &self,
        document: &JsDocument,
        options: JsValue,
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let options: Options = from_js_or_default(options)?;
        let analysis = self
            .inner
            .summarize(&document.inner, &options, |progress| report(&on_progress, &progress))
            .map_err(|e| to_js_error(&e))?;
        to_js(&analysis)
    }
}

#[wasm_bindgen(js_class = Segmenter)]
impl JsAnalyzer {
    /// Why `word` is, or is not, a keyword of `document` by `options` (as
    /// for `summarize`): `{word, count, pos, idf, idfSource, medianIdf, tf,
    /// tfidf, tfidfRank, tfidfExcluded, textrank, textrankRank,
    /// textrankExcluded, ...}`.
    #[wasm_bindgen(js_name = explainKeyword)]
    pub fn explain_keyword(&self, document: &JsDocument, word: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let options: Options = from_js_or_default(options)?;
        to_js(&self.inner.explain_keyword(&document.inner, word, &options))
    }
}

#[wasm_bindgen(js_class = Segmenter)]
impl JsAnalyzer {
    /// Cuts with the user's words from now on: `words` is `[{word, freq?,
    /// tag?}]` in the order they were added (`[]` gives back jieba's own
    /// dictionary). Documents already cut keep their cut. Throws `{code,
    /// message}` for a bad word; nothing changes then.
    #[wasm_bindgen(js_name = setUserDictionary)]
    pub fn set_user_dictionary(&mut self, words: JsValue) -> Result<(), JsValue> {
        let words: UserDictionary = from_js_or_default(words)?;
        self.inner.set_user_dictionary(words).map_err(|e| to_js_error(&e))
    }

    /// The stopwords new documents start with: `{base: 'iso'|'nltk'|'none',
    /// classical, added, removed}`. Give a document the same list with
    /// `document.setStopwords(analyzer)`.
    #[wasm_bindgen(js_name = setStopwords)]
    pub fn set_stopwords(&mut self, settings: JsValue) -> Result<(), JsValue> {
        let settings: StopwordSettings = from_js_or_default(settings)?;
        self.inner.set_stopwords(std::sync::Arc::new(Stopwords::new(&settings)));
        Ok(())
    }

    /// Words the dictionary lacks, found in `document` by cohesion and
    /// freedom: `{words: [{word, count, cohesion, leftEntropy, rightEntropy,
    /// score}], hanCharacters, tooShort, minCount}`. `options` (`{maxLen,
    /// minCount, minCohesion, minFreedom, limit}`) left out suits the
    /// text's length.
    #[wasm_bindgen(js_name = newWords)]
    pub fn new_words(&self, document: &JsDocument, options: JsValue) -> Result<JsValue, JsValue> {
        let options: Option<crate::analyses::new_words::NewWordOptions> =
            if options.is_undefined() || options.is_null() { None } else { Some(from_js_or_default(options)?) };
        to_js(&self.inner.new_words(&document.inner, options.as_ref()))
    }

    /// The analyzer's stopwords, sorted.
    #[wasm_bindgen(js_name = stopwordList)]
    pub fn stopword_list(&self) -> Vec<String> {
        self.inner.stopwords().words().into_iter().map(String::from).collect()
    }
}

/// Reads a user dictionary in jieba's format (`word [freq] [tag]` a line):
/// `[{word, freq, tag}]`. Throws `{code, message}` naming the bad line.
#[wasm_bindgen(js_name = parseUserDictionary)]
pub fn parse_user_dictionary(text: &str) -> Result<JsValue, JsValue> {
    to_js(&UserDictionary::parse(text).map_err(|e| to_js_error(&e))?)
}

/// `[{word, freq, tag}]` in jieba's user-dictionary format.
#[wasm_bindgen(js_name = formatUserDictionary)]
pub fn format_user_dictionary(words: JsValue) -> Result<String, JsValue> {
    let words: UserDictionary = from_js_or_default(words)?;
    Ok(words.to_jieba_format())
}

/// The words of a base stopword list without the user's additions and
/// removals: `settings` as for `Segmenter.setStopwords` (its `added` and
/// `removed` are ignored), sorted.
#[wasm_bindgen(js_name = baseStopwordList)]
pub fn base_stopword_list(settings: JsValue) -> Result<Vec<String>, JsValue> {
    let settings: StopwordSettings = from_js_or_default(settings)?;
    let base = StopwordSettings { added: Vec::new(), removed: Vec::new(), ..settings };
    Ok(Stopwords::new(&base).words().into_iter().map(String::from).collect())
}

/// Reads a stopword file (a word a line): the words.
#[wasm_bindgen(js_name = parseStopwordList)]
pub fn parse_stopword_list(text: &str) -> Vec<String> {
    stopwords::parse_list(text)
}

/// A cut under way: `step()` cuts the next piece and returns `{stage, done,
/// total}`; `finish()` returns the `Document` (and ends this object).
#[wasm_bindgen(js_name = Cut)]
pub struct JsCut {
    inner: Option<Cut>,
}

#[wasm_bindgen(js_class = Cut)]
impl JsCut {
    /// Whether every piece is cut.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> bool {
        self.inner.as_ref().map_or(true, Cut::is_done)
    }

    /// Cuts the next piece; returns `{stage, done, total}` in bytes.
    pub fn step(&mut self) -> Result<JsValue, JsValue> {
        let cut = self.inner.as_mut().ok_or_else(|| to_js_error(&finished()))?;
        to_js(&cut.step())
    }

    /// The document (the rest of the text is cut first).
    pub fn finish(&mut self) -> Result<JsDocument, JsValue> {
        let cut = self.inner.take().ok_or_else(|| to_js_error(&finished()))?;
        Ok(JsDocument { inner: cut.finish() })
    }
}

fn finished() -> Error {
    Error::InvalidOption("this cut is finished".into())
}

/// A text cut once and kept: the answers to questions about it. Positions
/// are in UTF-16 code units.
#[wasm_bindgen(js_name = Document)]
pub struct JsDocument {
    inner: Document,
}

#[wasm_bindgen(js_class = Document)]
impl JsDocument {
    /// Every occurrence of `term`: `[{left, word, right, start, end,
    /// leftWords, rightWords}]`. `options`: `{mode: 'word'|'substring',
    /// width, pos}`.
    pub fn concordance(&self, term: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let mut options: concordance::ConcordanceOptions = from_js_or_default(options)?;
        options.unit = Unit::Utf16;
        to_js(&concordance::concordance(&self.inner, term, &options))
    }

    /// The collocates of `word`: `[{word, pos, count, expected, frequency,
    /// logLikelihood, mi, tScore, logDice}]`. `options`: `{left, right,
    /// minCount, skipStopwords, pos}`.
    pub fn collocates(&self, word: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let options: collocates::CollocateOptions = from_js_or_default(options)?;
        to_js(&collocates::collocates(&self.inner, word, &options))
    }

    /// Where `word` occurs: `{parts, partSizes, dp, dpNorm, juillandD,
    /// positions, textLength}`. `options`: `{parts, skipStopwords}`.
    pub fn dispersion(&self, word: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let mut options: dispersion::DispersionOptions = from_js_or_default(options)?;
        options.unit = Unit::Utf16;
        to_js(&dispersion::dispersion(&self.inner, word, &options))
    }

    /// Repeated phrases: `[{phrase, words, count}]`. `options`:
    /// `{minLength, maxLength, minCount, longestOnly}`.
    pub fn phrases(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let options: phrases::PhraseOptions = from_js_or_default(options)?;
        to_js(&phrases::phrases(&self.inner, &options))
    }

    /// The text's sections and, in speaker mode, the turns grouped by
    /// speaker and role: `{division, suggested, sections: [{label, start,
    /// end, tokens}], groups: [{label, kind, sections, tokens}]}`.
    /// `division` left out: the way that suits the text.
    pub fn sections(&self, division: JsValue) -> Result<JsValue, JsValue> {
        let suggested = sections::suggest(self.inner.text());
        let division =
            if division.is_undefined() || division.is_null() { suggested.clone() } else { from_js(division)? };
        let found = sections::sections(&self.inner, &division, Unit::Utf16);
        let groups = if division == SectionBy::Speaker { sections::groups(&found) } else { Vec::new() };
        #[derive(Serialize)]
        struct Answer {
            division: SectionBy,
            suggested: SectionBy,
            sections: Vec<sections::Section>,
            groups: Vec<sections::Group>,
        }
        to_js(&Answer { division, suggested, sections: found, groups })
    }

    /// The scope of some sections of `division` (indices): a document of
    /// their tokens alone, positions still in this text.
    pub fn scoped(&self, division: JsValue, indices: Vec<usize>) -> Result<JsDocument, JsValue> {
        let division: SectionBy = from_js(division)?;
        let spans = sections::section_spans(&self.inner, &division);
        let mut ranges: Vec<std::ops::Range<usize>> =
            indices.iter().filter_map(|&i| spans.get(i)).map(|(_, start, end)| *start..*end).collect();
        ranges.sort_by_key(|r| r.start);
        ranges.dedup();
        Ok(JsDocument { inner: self.inner.scoped(&ranges) })
    }

    /// Each part (`options.parts`, else each section) against the rest:
    /// `[{label, sections, tokens, positive, negative}]`.
    pub fn distinctive(&self, division: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let division: SectionBy = from_js(division)?;
        let options: CompareOptions = from_js_or_default(options)?;
        to_js(&comparison::distinctive(&self.inner, &division, &options))
    }

    /// Part `a` against part `b` (the rest when null): keyness both ways,
    /// shared words and words of one side only.
    pub fn keyness(&self, division: JsValue, a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let division: SectionBy = from_js(division)?;
        let a: Part = from_js(a)?;
        let b: Option<Part> = if b.is_undefined() || b.is_null() { None } else { Some(from_js(b)?) };
        let options: CompareOptions = from_js_or_default(options)?;
        to_js(&comparison::compare_parts(&self.inner, &division, &a, b.as_ref(), &options, Unit::Utf16))
    }

    /// `words` across the sections: `{sections: [{label, tokens}], words:
    /// [{word, counts, perTenThousand}]}`. `options`: `{skipStopwords}`.
    pub fn trends(&self, division: JsValue, words: Vec<String>, options: JsValue) -> Result<JsValue, JsValue> {
        #[derive(serde::Deserialize, Default)]
        #[serde(default, rename_all = "camelCase")]
        struct TrendOptions {
            skip_stopwords: bool,
        }
        let division: SectionBy = from_js(division)?;
        let options: TrendOptions = from_js_or_default(options)?;
        to_js(&comparison::trends(&self.inner, &division, &words, options.skip_stopwords))
    }

    /// The co-occurrence network: `{nodes, edges, minCount, units,
    /// communities, modularity}`. `options`: `{unit, words, edges}`.
    pub fn network(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let options: network::NetworkOptions = from_js_or_default(options)?;
        to_js(&network::network(&self.inner, &options))
    }

    /// Leaves out `analyzer`'s stopwords from now on (nothing is cut again).
    #[wasm_bindgen(js_name = setStopwords)]
    pub fn set_stopwords(&mut self, analyzer: &JsAnalyzer) {
        self.inner.set_stopwords(std::sync::Arc::clone(analyzer.inner.stopwords()));
    }

    /// The text's length in UTF-16 code units.
    #[wasm_bindgen(getter, js_name = textLength)]
    pub fn text_length(&self) -> usize {
        self.inner.utf16_offset(self.inner.text().len())
    }

    /// How many tokens the cut has (punctuation and white space included).
    #[wasm_bindgen(getter)]
    pub fn tokens(&self) -> usize {
        self.inner.len()
    }

    /// Bytes the document keeps beyond its text.
    #[wasm_bindgen(getter, js_name = memoryBytes)]
    pub fn memory_bytes(&self) -> usize {
        self.inner.memory()
    }
}

/// Options from JavaScript: `undefined` or `null` is every default.
fn from_js_or_default<T: serde::de::DeserializeOwned + Default>(value: JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| to_js_error(&Error::InvalidOption(e.to_string())))
}

/// A required argument from JavaScript.
fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| to_js_error(&Error::InvalidOption(e.to_string())))
}

/// Calls a progress callback; a failing one must not stop the work.
fn report(callback: &Option<js_sys::Function>, progress: &crate::Progress) {
    if let (Some(callback), Ok(value)) = (callback, to_js(progress)) {
        let _ = callback.call1(&JsValue::NULL, &value);
    }
}

/// Decodes a dropped file's bytes: `{text, encoding, format, detected,
/// replacements}`. `fileName` helps tell a web page from text; `encoding`
/// (a label such as `GB18030`) overrides detection. Throws `{code, message}`.
#[wasm_bindgen]
pub fn decode(bytes: &[u8], file_name: Option<String>, encoding: Option<String>) -> Result<JsValue, JsValue> {
    let decoded = crate::decode(bytes, file_name.as_deref(), encoding.as_deref()).map_err(|e| to_js_error(&e))?;
    to_js(&decoded)
}

/// The names of the encodings a user may choose for a file.
#[wasm_bindgen(js_name = supportedEncodings)]
pub fn supported_encodings() -> Vec<String> {
    crate::decode::supported_encodings().into_iter().map(String::from).collect()
}

/// Panics, so that tests can check that the page survives a crash of the
/// worker (the panic hook logs it; the instance is unusable afterwards).
#[wasm_bindgen(js_name = crashForTesting)]
pub fn crash_for_testing() {
    panic!("crashForTesting was called");
}

#[wasm_bindgen(js_class = Segmenter)]
impl JsAnalyzer {
    /// The flaws of a printed text and their fixes: `[{kind, start, end,
    /// text, replacement, word, other}]` (the dictionary tells a word
    /// broken across lines).
    pub fn repairs(&self, document: &JsDocument) -> Result<JsValue, JsValue> {
        let dictionary = self.inner.dictionary();
        to_js(&repairs::repairs(&document.inner, |w| dictionary.has_word(w), Unit::Utf16))
    }

    /// Cuts `text` precisely (with HMM) and returns how many tokens there
    /// are, without handing any token to JavaScript: the benchmark's
    /// measure of segmentation speed inside the worker.
    #[wasm_bindgen(js_name = countTokens)]
    pub fn count_tokens(&self, text: &str) -> usize {
        self.inner.cut(text, crate::SegmentMode::Precise, true).len()
    }
}

fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    // `None` becomes `null`, not `undefined`, as JSON would have it.
    value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true)).map_err(JsValue::from)
}

/// An error as the page reads it: the code says which sentence, the
/// details fill it in, in the user's language; the message is English.
#[derive(Serialize)]
struct JsError<'a> {
    code: &'a str,
    message: String,
    details: crate::ErrorDetails,
}

fn to_js_error(error: &Error) -> JsValue {
    to_js(&JsError { code: error.code(), message: error.to_string(), details: error.details() }).unwrap_or_else(|e| e)
}
