//! Packs jieba-rs's dictionary, IDF table and part-of-speech HMM into
//! Ciyan's dictionary file (`src/dictionary/format.rs`), written to
//! `$OUT_DIR/ciyan.dict`, and writes the Chinese stopword list of the
//! `stop-words` crate to `$OUT_DIR/stopwords_zh.rs`.
//!
//! The native library embeds that file; the web build serves it beside the
//! wasm (`scripts/build-wasm.py` copies it into `www/pkg/`), so the wasm
//! carries no dictionary and the server can compress the file.
//!
//! The source files are the ones in the jieba-rs package Cargo.lock names,
//! which Cargo has unpacked for this build, so the data always matches the
//! jieba-rs code that uses it and nothing is copied into this repository.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/dictionary/format.rs"]
#[allow(dead_code)]
mod format;
#[path = "src/dictionary/pack.rs"]
mod pack;

fn main() {
    println!("cargo:rerun-if-changed=src/dictionary/format.rs");
    println!("cargo:rerun-if-changed=src/dictionary/pack.rs");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let data = jieba_data_dir();
    let read = |name: &str| {
        let path = data.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    };
    let packed = pack::pack(&read("dict.txt"), &read("idf.txt"), &read("posseg.txt")).unwrap_or_else(|e| panic!("{e}"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").unwrap());
    write(&out_dir.join("ciyan.dict"), &packed);
    // `src/stopwords.rs` includes this Rust expression.
    write(&out_dir.join("stopwords_zh.rs"), format!("&{:?}", stop_words::get("zh")).as_bytes());
    // NLTK's Chinese list, from the same package: with the crate's `nltk`
    // feature on, its `get("zh")` would give NLTK's list in place of
    // stopwords-iso's, so this one is read from the package's source.
    let nltk = stop_words_source_dir().join("src").join("nltk").join("chinese");
    println!("cargo:rerun-if-changed={}", nltk.display());
    let nltk = fs::read_to_string(&nltk).unwrap_or_else(|e| panic!("cannot read {}: {e}", nltk.display()));
    let nltk: Vec<&str> = nltk.lines().map(str::trim).filter(|w| !w.is_empty()).collect();
    write(&out_dir.join("stopwords_zh_nltk.rs"), format!("&{nltk:?}").as_bytes());
}

/// The unpacked source of the `stop-words` package this build compiles.
fn stop_words_source_dir() -> PathBuf {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let version = locked_version(&manifest_dir.join("Cargo.lock"), "stop-words");
    registry_source(&format!("stop-words-{version}"), "src/nltk/chinese")
}

/// The folder `wanted` (a `name-version`) under the registry's sources of
/// `$CARGO_HOME` that holds `marker`.
fn registry_source(wanted: &str, marker: &str) -> PathBuf {
    let registry_src = cargo_home().join("registry").join("src");
    let mut looked_in = Vec::new();
    if let Ok(indexes) = fs::read_dir(&registry_src) {
        for index in indexes.flatten() {
            let dir = index.path().join(wanted);
            if dir.join(marker).is_file() {
                return dir;
            }
            looked_in.push(dir);
        }
    }
    panic!("cannot find {wanted} under {} (looked in {looked_in:?})", registry_src.display());
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// `src/data` of the jieba-rs package this build compiles.
///
/// Cargo has downloaded and unpacked every package of the build before any
/// build script runs, so the one jieba-rs that Cargo.lock names is in the
/// registry's source folder of `$CARGO_HOME`. (Asking `cargo metadata`
/// instead needs every package of Cargo.lock for every platform, which a
/// build does not download: on a new machine it failed.) `CIYAN_JIEBA_DATA`
/// names the folder for set-ups that keep sources elsewhere (`cargo vendor`).
fn jieba_data_dir() -> PathBuf {
    println!("cargo:rerun-if-env-changed=CIYAN_JIEBA_DATA");
    if let Some(dir) = env::var_os("CIYAN_JIEBA_DATA") {
        return PathBuf::from(dir);
    }
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let version = locked_version(&manifest_dir.join("Cargo.lock"), "jieba-rs");
    let registry_src = cargo_home().join("registry").join("src");
    let wanted = format!("jieba-rs-{version}");
    let mut looked_in = Vec::new();
    if let Ok(indexes) = fs::read_dir(&registry_src) {
        for index in indexes.flatten() {
            let data = index.path().join(&wanted).join("src").join("data");
            if data.join("dict.txt").is_file() {
                return data;
            }
            looked_in.push(data);
        }
    }
    panic!(
        "cannot find the data files of {wanted} under {} (looked in {looked_in:?}); \
         set CIYAN_JIEBA_DATA to the src/data folder of jieba-rs {version}",
        registry_src.display()
    );
}

/// The version Cargo.lock gives the package `name` (the one from crates.io).
fn locked_version(lock_file: &Path, name: &str) -> String {
    let lock = fs::read_to_string(lock_file).unwrap_or_else(|e| panic!("cannot read {}: {e}", lock_file.display()));
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{name}\"") {
            let version = lines.next().and_then(|l| l.trim().strip_prefix("version = \"")?.strip_suffix('"'));
            return version.unwrap_or_else(|| panic!("{}: no version after {line}", lock_file.display())).to_string();
        }
    }
    panic!("{} names no package {name}", lock_file.display());
}

/// `$CARGO_HOME`, or Cargo's default `~/.cargo`.
fn cargo_home() -> PathBuf {
    if let Some(home) = env::var_os("CARGO_HOME") {
        return PathBuf::from(home);
    }
    let home = env::var_os("HOME").or_else(|| env::var_os("USERPROFILE")).expect("neither CARGO_HOME nor HOME is set");
    PathBuf::from(home).join(".cargo")
}
