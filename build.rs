//! Packs jieba-rs's dictionary, IDF table and part-of-speech HMM into
//! Ciyan's dictionary file (`src/dictionary/format.rs`), written to
//! `$OUT_DIR/ciyan.dict`, and writes the Chinese stopword list of the
//! `stop-words` crate to `$OUT_DIR/stopwords_zh.rs`.
//!
//! The native library embeds that file; the web build serves it beside the
//! wasm (`scripts/build-wasm.py` copies it into `www/pkg/`), so the wasm
//! carries no dictionary and the server can compress the file.
//!
//! The source files are the ones in the jieba-rs crate Cargo resolved for
//! this build, found through `cargo metadata`, so the data always matches
//! the jieba-rs code that uses it and nothing is copied into this
//! repository.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

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
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// `src/data` of the jieba-rs package in this build's dependency graph.
fn jieba_data_dir() -> PathBuf {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = Path::new(&env::var_os("CARGO_MANIFEST_DIR").unwrap()).join("Cargo.toml");
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline", "--manifest-path"])
        .arg(&manifest)
        .output()
        .expect("cannot run cargo metadata");
    if !output.status.success() {
        panic!("cargo metadata failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("cargo metadata printed no JSON");
    let packages = metadata["packages"].as_array().expect("cargo metadata lists no packages");
    let jieba = packages
        .iter()
        .find(|p| p["name"] == "jieba-rs")
        .expect("jieba-rs is not in cargo metadata's packages");
    let manifest_path = jieba["manifest_path"].as_str().expect("jieba-rs has no manifest_path");
    Path::new(manifest_path).parent().unwrap().join("src").join("data")
}
