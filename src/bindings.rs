//! The JavaScript face of the core: the only Rust file that names
//! wasm-bindgen. A [`Session`] behind a few methods, and what is asked
//! without a dictionary (decoding a dropped file, the list of encodings,
//! the core's constants). Every request and answer is a value of the contract of
//! [`crate::session`]; nothing here decides what a question means.
//!
//! Positions leave in UTF-16 code units, as JavaScript strings count: the
//! session is made with [`Unit::Utf16`].
//!
//! web-sys is where this meets the browser: a long request posts its
//! progress from the worker's own scope (the page is told as the work goes,
//! not after it), and each request is measured on the worker's performance
//! timeline (`ciyan:<request>`), which a profile of the page shows.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::document::Unit;
use crate::session::{Request, Session};
use crate::{Dictionary, Error, Options, Progress, Segmenter};

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
/// instance is not to be used after a panic: the worker reports this
/// message and is replaced.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|last| last.borrow().clone())
}

/// A session of the core (see `crate::session`): create it once per worker.
#[wasm_bindgen(js_name = Session)]
pub struct JsSession {
    inner: Session,
}

#[wasm_bindgen(js_class = Session)]
impl JsSession {
    /// Loads the dictionary, the HMM model and the IDF table from the bytes
    /// of Ciyan's dictionary file (`pkg/ciyan.dict`). Throws `{code,
    /// message, details}` if the file is damaged.
    #[wasm_bindgen(constructor)]
    pub fn new(dictionary: &[u8]) -> Result<JsSession, JsValue> {
        let dictionary = Dictionary::from_bytes(dictionary).map_err(|e| to_js_error(&e))?;
        Ok(JsSession { inner: Session::new(Segmenter::with_dictionary(dictionary), Unit::Utf16) })
    }

    /// Starts keeping `text` cut by `options` (`Options`): `'cutting'` (call
    /// `step()` until it returns null) or `'kept'` (the same text is kept).
    pub fn start(&mut self, text: String, options: JsValue) -> Result<JsValue, JsValue> {
        let options: Options = from_js_or_default(options)?;
        to_js(&self.inner.start(text, &options).map_err(|e| to_js_error(&e))?)
    }

    /// Cuts the next piece: `{stage, done, total}`, or null once the text is kept.
    pub fn step(&mut self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.step())
    }

    /// Drops the cut under way.
    pub fn abandon(&mut self) {
        self.inner.abandon();
    }

    /// The kept text: `{id, textLength, tokens, memoryBytes}`, or null.
    pub fn document(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.document())
    }

    /// Answers a `Request`: `{reply, document, read}` (`Handled`). While it
    /// works, progress is posted to the worker's scope as `{type:
    /// 'progress', id, stage, done, total}` (`id`: the page's number for the
    /// request). Throws `{code, message, details}`.
    pub fn handle(&mut self, request: JsValue, id: JsValue) -> Result<JsValue, JsValue> {
        let request: Request =
            serde_wasm_bindgen::from_value(request).map_err(|e| to_js_error(&Error::BadRequest(e.to_string())))?;
        let name = format!("ciyan:{}", request.name());
        let timeline = Timeline::start(&name);
        let reply = self.inner.handle_tracked(request, |progress| post_progress(&id, &progress));
        timeline.end(&name);
        to_js(&reply.map_err(|e| to_js_error(&e))?)
    }
}

/// The worker's scope, or `None` outside a dedicated worker (Node, tests).
fn worker_scope() -> Option<web_sys::DedicatedWorkerGlobalScope> {
    js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>().ok()
}

/// Posts `{type: 'progress', id, ...progress}` to the page; a failure must
/// not stop the work.
fn post_progress(id: &JsValue, progress: &Progress) {
    #[derive(Serialize)]
    struct Message<'a> {
        r#type: &'static str,
        #[serde(flatten)]
        progress: &'a Progress,
    }
    let (Some(scope), Ok(message)) = (worker_scope(), to_js(&Message { r#type: "progress", progress })) else {
        return;
    };
    let _ = js_sys::Reflect::set(&message, &JsValue::from_str("id"), id);
    let _ = scope.post_message(&message);
}

/// A user-timing measure of one request on the worker's timeline.
struct Timeline(Option<web_sys::Performance>);

impl Timeline {
    fn start(name: &str) -> Timeline {
        let performance = worker_scope().and_then(|scope| scope.performance());
        if let Some(p) = &performance {
            let _ = p.mark(name);
        }
        Timeline(performance)
    }

    /// Measures from the mark to now, and drops the mark (the timeline keeps
    /// the measure only).
    fn end(self, name: &str) {
        if let Some(p) = self.0 {
            let _ = p.measure_with_start_mark(name, name);
            p.clear_marks_with_mark_name(name);
        }
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

/// The core's constants (`Constants`: significance levels, tag groups,
/// limits, file types), without a dictionary: what the build writes into
/// the page (the file chooser's types) before any worker runs.
#[wasm_bindgen]
pub fn constants() -> Result<JsValue, JsValue> {
    to_js(&crate::session::Constants::of_core())
}

/// The names of the encodings a user may choose for a file.
#[wasm_bindgen(js_name = supportedEncodings)]
pub fn supported_encodings() -> Vec<String> {
    crate::decode::supported_encodings().into_iter().map(String::from).collect()
}

/// Options from JavaScript: `undefined` or `null` is every default.
fn from_js_or_default<T: serde::de::DeserializeOwned + Default>(value: JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| to_js_error(&Error::InvalidOption(e.to_string())))
}

fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    // `None` becomes `null`, not `undefined`, as JSON would have it; maps
    // become plain objects.
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);
    value.serialize(&serializer).map_err(JsValue::from)
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
