//! The JavaScript face of the core: the only Rust file that names
//! wasm-bindgen. It turns [`Analysis`](crate::Analysis),
//! [`Progress`](crate::Progress) and [`Error`](crate::Error) into plain
//! JavaScript values and does nothing else.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Analyzer, Dictionary, Error, Options};

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
#[wasm_bindgen(js_name = Analyzer)]
pub struct JsAnalyzer {
    inner: Analyzer,
}

#[wasm_bindgen(js_class = Analyzer)]
impl JsAnalyzer {
    /// Loads the dictionary, the HMM model and the IDF table from the bytes
    /// of Ciyan's dictionary file (`pkg/ciyan.dict`). Throws `{code,
    /// message}` if the file is damaged.
    #[wasm_bindgen(constructor)]
    pub fn new(dictionary: &[u8]) -> Result<JsAnalyzer, JsValue> {
        let dictionary = Dictionary::from_bytes(dictionary).map_err(|e| to_js_error(&e))?;
        Ok(JsAnalyzer { inner: Analyzer::with_dictionary(dictionary) })
    }

    /// Analyses `text` and returns one `Analysis` object.
    ///
    /// `options` is `undefined` or an object with any of `mode`, `hmm`,
    /// `topK`, `keywordPos`, `stopwords`. `onProgress`, if given, is called
    /// with `{stage, done, total}` as the text is read. Throws
    /// `{code, message}` with a Chinese sentence for the user.
    pub fn analyze(&self, text: &str, options: JsValue, on_progress: Option<js_sys::Function>) -> Result<JsValue, JsValue> {
        let options: Options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            serde_wasm_bindgen::from_value(options)
                .map_err(|e| to_js_error(&Error::InvalidOption(e.to_string())))?
        };
        let analysis = self
            .inner
            .analyze_with_progress(text, &options, |progress| {
                if let (Some(callback), Ok(value)) = (&on_progress, to_js(&progress)) {
                    // A failing progress callback must not stop the analysis.
                    let _ = callback.call1(&JsValue::NULL, &value);
                }
            })
            .map_err(|e| to_js_error(&e))?;
        to_js(&analysis)
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

#[wasm_bindgen(js_class = Analyzer)]
impl JsAnalyzer {
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

#[derive(Serialize)]
struct JsError<'a> {
    code: &'a str,
    message: String,
}

fn to_js_error(error: &Error) -> JsValue {
    to_js(&JsError { code: error.code(), message: error.message_zh() }).unwrap_or_else(|e| e)
}
