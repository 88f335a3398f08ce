//! Tests of the JavaScript bindings, run in Node and in headless Chromium
//! (see `.cargo/config.toml`). They check what the worker relies on: one
//! plain object per analysis, options from a plain object, progress calls,
//! and errors as `{code, message}`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use ciyan::bindings::JsAnalyzer;
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| Reflect::get(&v, &JsValue::from_str(key)).unwrap())
}

fn analyzer() -> &'static JsAnalyzer {
    // One analyzer for all tests, as the worker keeps one.
    thread_local!(static A: &'static JsAnalyzer = Box::leak(Box::new(JsAnalyzer::new(DICTIONARY).unwrap())));
    A.with(|a| *a)
}

/// The dictionary file build.rs wrote, which the page fetches as `pkg/ciyan.dict`.
const DICTIONARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ciyan.dict"));

#[wasm_bindgen_test]
fn a_damaged_dictionary_is_an_error_object() {
    let error = JsAnalyzer::new(&DICTIONARY[..DICTIONARY.len() / 2]).err().unwrap();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("bad-dictionary"));
    assert!(get(&error, "message").as_string().unwrap().contains("词典"));
}

const TEXT: &str = "王毅在北京说，中国愿同世界各国一道推动构建人类命运共同体。中国支持联合国发挥作用。";

#[wasm_bindgen_test]
fn analysis_is_one_plain_object_with_counts_words_keywords_and_names() {
    let result = analyzer().analyze(TEXT, JsValue::UNDEFINED, None).unwrap();
    assert!(result.is_object() && !Array::is_array(&result));
    assert_eq!(get(&result, "counts.sentences").as_f64(), Some(2.0));
    assert_eq!(get(&result, "counts.hanCharacters").as_f64(), Some(38.0));
    let words = Array::from(&get(&result, "words"));
    assert_eq!(get(&words.get(0), "word").as_string().as_deref(), Some("中国"));
    assert_eq!(get(&words.get(0), "count").as_f64(), Some(2.0));
    let tfidf = Array::from(&get(&result, "keywords.tfidf"));
    assert!(tfidf.length() > 0);
    assert!(get(&tfidf.get(0), "weight").as_f64().unwrap() > 0.0);
    let people = Array::from(&get(&result, "entities.people"));
    assert_eq!(get(&people.get(0), "word").as_string().as_deref(), Some("王毅"));
    let places = Array::from(&get(&result, "entities.places"));
    assert!(places.iter().any(|p| get(&p, "word").as_string().as_deref() == Some("北京")));
}

#[wasm_bindgen_test]
fn options_come_from_a_plain_object() {
    let options = Object::new();
    Reflect::set(&options, &"topK".into(), &3.into()).unwrap();
    Reflect::set(&options, &"stopwords".into(), &false.into()).unwrap();
    let result = analyzer().analyze(TEXT, options.into(), None).unwrap();
    assert_eq!(Array::from(&get(&result, "keywords.tfidf")).length(), 3);
    let words = Array::from(&get(&result, "words"));
    assert!(words.iter().any(|w| get(&w, "word").as_string().as_deref() == Some("在")));
}

#[wasm_bindgen_test]
fn progress_is_reported_while_the_text_is_read() {
    let calls = Rc::new(RefCell::new(Vec::new()));
    let seen = calls.clone();
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |p: JsValue| seen.borrow_mut().push(p));
    let long = TEXT.repeat(20_000) + "\n";
    let long = long.replace('。', "。\n");
    analyzer().analyze(&long, JsValue::UNDEFINED, Some(callback.as_ref().unchecked_ref::<Function>().clone())).unwrap();
    let calls = calls.borrow();
    assert!(calls.len() > 3, "{} progress calls", calls.len());
    let last = calls.last().unwrap();
    assert_eq!(get(last, "stage").as_string().as_deref(), Some("keywords"));
    assert_eq!(get(last, "done").as_f64(), get(last, "total").as_f64());
}

#[wasm_bindgen_test]
fn errors_are_code_and_chinese_message() {
    let error = analyzer().analyze("  \n ", JsValue::UNDEFINED, None).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("empty-text"));
    assert!(get(&error, "message").as_string().unwrap().contains("文本是空的"));

    let bad = Object::new();
    Reflect::set(&bad, &"topK".into(), &"many".into()).unwrap();
    let error = analyzer().analyze(TEXT, bad.into(), None).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("invalid-option"));
}

#[wasm_bindgen_test]
fn decode_detects_the_encoding_and_names_it() {
    // "长江是中国第一大河。" in GB18030.
    let (bytes, _, _) = encoding_rs::GB18030.encode("长江是中国第一大河。长江流域的水电站很多。");
    let result = ciyan::bindings::decode(&bytes, Some("news.txt".into()), None).unwrap();
    assert_eq!(get(&result, "encoding").as_string().as_deref(), Some("GB18030"));
    assert_eq!(get(&result, "format").as_string().as_deref(), Some("text"));
    assert!(get(&result, "text").as_string().unwrap().starts_with("长江是中国"));

    let forced = ciyan::bindings::decode(&bytes, None, Some("Big5".into())).unwrap();
    assert_eq!(get(&forced, "detected").as_bool(), Some(false));

    let error = ciyan::bindings::decode(b"%PDF-1.7 ...", Some("a.pdf".into()), None).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("unsupported-format"));
    assert!(ciyan::bindings::supported_encodings().iter().any(|e| e == "Big5"));
}

#[wasm_bindgen_test]
fn no_panic_is_recorded_while_all_is_well() {
    analyzer().analyze(TEXT, JsValue::UNDEFINED, None).unwrap();
    assert_eq!(ciyan::bindings::last_panic(), None);
}

#[wasm_bindgen_test]
fn count_tokens_counts_the_precise_cut() {
    assert_eq!(analyzer().count_tokens("我来到北京清华大学"), 4);
}
