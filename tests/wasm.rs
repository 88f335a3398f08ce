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
    assert!(get(&error, "message").as_string().unwrap().contains("dictionary"));
    assert!(get(&error, "details.why").as_string().is_some());
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
fn errors_are_a_code_an_english_message_and_details() {
    let error = analyzer().analyze("  \n ", JsValue::UNDEFINED, None).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("empty-text"));
    assert!(get(&error, "message").as_string().unwrap().contains("empty"));
    // The page words the sentence from the code and the details.
    let error = ciyan::bindings::parse_user_dictionary("好词\n坏词 12 1x\n").unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("bad-user-dictionary"));
    assert_eq!(get(&error, "details.line").as_f64(), Some(2.0));
    assert_eq!(get(&error, "details.problem").as_string().as_deref(), Some("bad-tag"));

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

/// A document cut piece by piece, as the worker cuts it.
fn document(text: &str) -> ciyan::bindings::JsDocument {
    let mut cut = analyzer().start_document(text.to_string(), true).unwrap();
    let mut steps = 0;
    while !cut.done() {
        let progress = cut.step().unwrap();
        assert_eq!(get(&progress, "stage").as_string().as_deref(), Some("segmenting"));
        steps += 1;
    }
    assert!(steps >= 1);
    cut.finish().unwrap()
}

#[wasm_bindgen_test]
fn a_kept_document_is_summarised_without_a_new_cut_and_equals_analyze() {
    let doc = document(TEXT);
    let summary = analyzer().summarize(&doc, JsValue::UNDEFINED, None).unwrap();
    let analysis = analyzer().analyze(TEXT, JsValue::UNDEFINED, None).unwrap();
    assert_eq!(js_sys::JSON::stringify(&summary).unwrap(), js_sys::JSON::stringify(&analysis).unwrap());
    let no_hmm = Object::new();
    Reflect::set(&no_hmm, &"hmm".into(), &false.into()).unwrap();
    let error = analyzer().summarize(&doc, no_hmm.into(), None).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("invalid-option"));
}

#[wasm_bindgen_test]
fn document_queries_answer_in_utf16_positions() {
    // 𠀀 takes two UTF-16 units: every position after it differs from its scalar count.
    let text = "𠀀中国人民。𠀁中国，中国𠀀！";
    let doc = document(text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(doc.text_length(), utf16.len());
    let lines = Array::from(&doc.concordance("中国", JsValue::UNDEFINED).unwrap());
    assert_eq!(lines.length(), 3);
    for line in lines.iter() {
        let (start, end) =
            (get(&line, "start").as_f64().unwrap() as usize, get(&line, "end").as_f64().unwrap() as usize);
        assert_eq!(String::from_utf16(&utf16[start..end]).unwrap(), "中国");
    }
    let spread = doc.dispersion("中国", JsValue::UNDEFINED).unwrap();
    let positions = Array::from(&get(&spread, "positions"));
    assert_eq!(positions.length(), 3);
    assert_eq!(get(&spread, "textLength").as_f64(), Some(utf16.len() as f64));
    // A longer text, where 人民 comes after 中国 more often than chance would have it.
    let longer = document(&"中国，人民很勤劳。我们去公园散步，天气很好。".repeat(20));
    let options = Object::new();
    Reflect::set(&options, &"minCount".into(), &2.into()).unwrap();
    let collocates = Array::from(&longer.collocates("中国", options.into()).unwrap());
    let people = collocates.iter().find(|c| get(c, "word").as_string().as_deref() == Some("人民")).unwrap();
    assert_eq!(get(&people, "count").as_f64(), Some(20.0));
    assert!(get(&people, "logLikelihood").as_f64().unwrap() > 3.84);
    assert!(Array::is_array(&doc.phrases(JsValue::UNDEFINED).unwrap()));
    let explained = analyzer().explain_keyword(&doc, "中国", JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&explained, "count").as_f64(), Some(3.0));
    let bad = Object::new();
    Reflect::set(&bad, &"width".into(), &"wide".into()).unwrap();
    let error = doc.concordance("中国", bad.into()).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("invalid-option"));
}

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn user_words_and_stopwords_from_plain_objects() {
    // An analyzer of its own: these settings must not reach other tests.
    let mut analyzer = JsAnalyzer::new(DICTIONARY).unwrap();
    let text = "推动构建人类命运共同体，人类命运共同体是王毅常说的。";
    let words = |a: &JsAnalyzer| -> Vec<String> {
        let result = a.analyze(text, JsValue::UNDEFINED, None).unwrap();
        Array::from(&get(&result, "words")).iter().map(|w| get(&w, "word").as_string().unwrap()).collect()
    };
    assert!(!words(&analyzer).contains(&"人类命运共同体".to_string()));
    analyzer.set_user_dictionary(js(r#"[{"word": "人类命运共同体", "tag": "nz"}]"#)).unwrap();
    assert!(words(&analyzer).contains(&"人类命运共同体".to_string()));
    let error = analyzer.set_user_dictionary(js(r#"[{"word": "两 个"}]"#)).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("invalid-option"));

    analyzer.set_stopwords(js(r#"{"base": "iso", "added": ["王毅"]}"#)).unwrap();
    assert!(!words(&analyzer).contains(&"王毅".to_string()));
    assert!(analyzer.stopword_list().contains(&"王毅".to_string()));
    analyzer.set_user_dictionary(js("[]")).unwrap();
    assert!(!words(&analyzer).contains(&"人类命运共同体".to_string()));

    let parsed = ciyan::bindings::parse_user_dictionary("一带一路\n进博会 3 nz\n").unwrap();
    assert_eq!(Array::from(&parsed).length(), 2);
    assert_eq!(get(&Array::from(&parsed).get(1), "freq").as_f64(), Some(3.0));
    let error = ciyan::bindings::parse_user_dictionary("好 1 2 3\n").unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("bad-user-dictionary"));
}

#[wasm_bindgen_test]
fn new_words_come_from_the_document() {
    // The sample with a made-up word at the start of its first 40 sentences.
    let sample = include_str!("../www/samples/wangyi-press-conference-2024-03-07.txt");
    let text = sample.replacen('。', "。咕噜咪", 40);
    let found = analyzer().new_words(&document(&text), JsValue::UNDEFINED).unwrap();
    let words: Vec<String> =
        Array::from(&get(&found, "words")).iter().map(|w| get(&w, "word").as_string().unwrap()).collect();
    assert!(words.contains(&"咕噜咪".to_string()), "{words:?}");
    assert_eq!(get(&found, "tooShort").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn sections_by_speaker_in_utf16() {
    let text = "标题\n王毅：𠀀好。\n新华社记者：问？\n王毅：答。\n";
    let answer = document(text).sections(JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&answer, "suggested.by").as_string().as_deref(), Some("speaker"));
    let found = Array::from(&get(&answer, "sections"));
    let labels: Vec<String> = found.iter().map(|s| get(&s, "label").as_string().unwrap()).collect();
    assert_eq!(labels, ["", "王毅", "新华社记者", "王毅"], "the opening has no label: the page names it");
    // 𠀀 is two UTF-16 units: 标题⏎ (3), 王毅：𠀀好。⏎ (8), 新华社记者： (6).
    assert_eq!(get(&found.get(2), "start").as_f64(), Some(17.0));
    let groups = Array::from(&get(&answer, "groups"));
    assert_eq!(get(&groups.get(0), "label").as_string().as_deref(), Some("王毅"));
    assert_eq!(Array::from(&get(&groups.get(0), "sections")).length(), 2);
    let parts = document(text).sections(js(r#"{"by": "parts", "parts": 2}"#)).unwrap();
    assert_eq!(Array::from(&get(&parts, "sections")).length(), 2);
    let given = js(
        r#"{"by": "given", "sections": [{"label": "a.txt", "start": 0, "end": 3}, {"label": "b.txt", "start": 3, "end": 11}]}"#,
    );
    let files = Array::from(&get(&document(text).sections(given).unwrap(), "sections"));
    assert_eq!(get(&files.get(1), "end").as_f64(), Some(11.0));
}

#[wasm_bindgen_test]
fn a_scope_answers_for_its_sections_in_the_whole_texts_positions() {
    let text = "记者：中国经济怎么样？\n王毅：中国经济𠀀很好。\n记者：美国呢？\n王毅：美国也好。\n";
    let whole = document(text);
    let speaker = js(r#"{"by": "speaker"}"#);
    let scope = whole.scoped(speaker.clone(), vec![1, 3]).unwrap();
    let result = analyzer().summarize(&scope, JsValue::UNDEFINED, None).unwrap();
    let words: Vec<String> =
        Array::from(&get(&result, "words")).iter().map(|w| get(&w, "word").as_string().unwrap()).collect();
    assert!(!words.contains(&"王毅".to_string()) && !words.contains(&"记者".to_string()), "{words:?}");
    let lines = Array::from(&scope.concordance("美国", JsValue::UNDEFINED).unwrap());
    assert_eq!(lines.length(), 1);
    let at = text.rfind("美国").unwrap();
    assert_eq!(get(&lines.get(0), "start").as_f64(), Some(text[..at].encode_utf16().count() as f64));
    // The reporters against 王毅, and the concordance within one side.
    let a = js(r#"{"label": "王毅", "sections": [1, 3]}"#);
    let compared = whole.keyness(speaker, a, JsValue::NULL, js(r#"{"minCount": 1}"#)).unwrap();
    assert_eq!(get(&compared, "b.label").as_string().as_deref(), Some(""), "the rest has no label: the page names it");
    let ranges = get(&compared, "b.ranges");
    let options = Object::new();
    Reflect::set(&options, &"within".into(), &ranges).unwrap();
    let asked = Array::from(&whole.concordance("中国", options.into()).unwrap());
    assert_eq!(asked.length(), 1, "only the reporter's 中国");
}

#[wasm_bindgen_test]
fn network_and_repairs_are_plain_objects() {
    let sample = include_str!("../www/samples/wangyi-press-conference-2024-03-07.txt");
    let doc = document(sample);
    let network = doc.network(JsValue::UNDEFINED).unwrap();
    assert_eq!(Array::from(&get(&network, "edges")).length(), 60);
    let node = Array::from(&get(&network, "nodes")).get(0);
    assert!(get(&node, "x").as_f64().unwrap().abs() <= 1.0);
    let repairs = Array::from(&analyzer().repairs(&doc).unwrap());
    assert!(repairs.iter().any(|r| get(&r, "word").as_string().as_deref() == Some("中国")));
}
