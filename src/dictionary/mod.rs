//! jieba's dictionary, IDF table and part-of-speech model, loaded from
//! Ciyan's dictionary file.
//!
//! `build.rs` packs the file from jieba-rs's data (`pack.rs`, layout in
//! `format.rs`). Native builds embed it ([`Dictionary::embedded`]); the web
//! build fetches it beside the wasm and hands the bytes to
//! [`Dictionary::from_bytes`], so the wasm module carries no data and the
//! server can compress the file (about 7 MB raw, under 2 MB brotli).

mod format;
mod idf;
#[cfg(test)]
mod pack;
mod pos_model;
mod unpack;

use std::sync::Arc;

use jieba_rs::Jieba;
use rustc_hash::FxHashMap as HashMap;

use crate::error::Error;
use crate::user_dictionary::UserDictionary;
pub(crate) use idf::Idf;
use pos_model::PosModel;

/// jieba's dictionary with its HMM, the IDF table of its TF-IDF, and the
/// part-of-speech model for words the dictionary does not know; with the
/// user's own words, if any.
pub struct Dictionary {
    pub(crate) jieba: Jieba,
    pub(crate) idf: Arc<Idf>,
    pos: Arc<PosModel>,
    /// The tags the user gave words: jieba-rs keeps a known word's tag when
    /// it is added again, so the user's tag is applied here.
    user_tags: HashMap<Box<str>, Box<str>>,
    /// The words of the user dictionary.
    user_words: rustc_hash::FxHashSet<Box<str>>,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary").field("idf_words", &self.idf.len()).finish_non_exhaustive()
    }
}

/// The dictionary file `build.rs` wrote, for the native library. The web
/// build never calls [`Dictionary::embedded`], so the linker leaves these
/// bytes out of the wasm.
pub const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ciyan.dict"));

impl Dictionary {
    /// Loads a dictionary file.
    ///
    /// # Errors
    ///
    /// [`Error::BadDictionary`] if the bytes are not a whole dictionary file
    /// of this version.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let mut jieba = Jieba::empty();
        // What `Jieba::load_dict` does with a `word freq tag` line, without
        // writing and parsing 5 MB of text.
        let unpacked = unpack::unpack(bytes, |word, freq, tag| add_word(&mut jieba, word, freq, tag))?;
        Ok(Dictionary {
            jieba,
            idf: Arc::new(unpacked.idf),
            pos: Arc::new(unpacked.pos),
            user_tags: HashMap::default(),
            user_words: Default::default(),
        })
    }

    /// This dictionary with the user's words added, in order, as Python's
    /// `jieba.load_userdict` adds them: a word without a frequency gets the
    /// one `suggest_freq` estimates, so it is cut whole.
    ///
    /// jieba-rs cannot remove a word (a frequency of 0 leaves it in the
    /// trie, where it is still chosen when it is the only dictionary word at
    /// a position), so a changed user dictionary is always applied to a copy
    /// of the pristine dictionary: removing a word gives back the original
    /// cut exactly. The IDF table and the tag model are shared.
    pub fn with_user_words(&self, user: &UserDictionary) -> Dictionary {
        let mut jieba = self.jieba.clone();
        let mut user_tags = HashMap::default();
        let mut user_words = rustc_hash::FxHashSet::default();
        for w in &user.words {
            // A traditional word is added in simplified characters too: a
            // traditional text is cut in its simplified conversion.
            let simplified = crate::script::simplified_word(&w.word);
            let forms: &[&str] = if simplified == w.word { &[&w.word] } else { &[&w.word, &simplified] };
            for &form in forms {
                jieba.add_word(form, w.freq, Some(w.tag.as_deref().unwrap_or("x")));
                if let Some(tag) = &w.tag {
                    user_tags.insert(form.into(), tag.as_str().into());
                } else {
                    user_tags.remove(form);
                }
                user_words.insert(form.into());
            }
        }
        Dictionary { jieba, idf: Arc::clone(&self.idf), pos: Arc::clone(&self.pos), user_tags, user_words }
    }

    /// Whether `word` is in the dictionary jieba cuts with (the user's words
    /// included).
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Whether `word` is one of the user's words.
    pub fn is_user_word(&self, word: &str) -> bool {
        self.user_words.contains(word)
    }

    /// The dictionary embedded in the native library (about 0.2 s to load).
    pub fn embedded() -> Self {
        Dictionary::from_bytes(EMBEDDED).expect("the embedded dictionary is the one build.rs wrote")
    }

    /// Cuts `text` precisely and tags each token with its part of speech,
    /// as jieba-rs does with its embedded data: a word the dictionary does
    /// not know gets the tag the HMM gives it.
    pub(crate) fn tag<'t>(&'t self, text: &'t str, hmm: bool) -> Vec<(&'t str, &'t str)> {
        self.jieba.tag(text, hmm).into_iter().map(|t| (t.word, self.fix_tag(t.word, t.tag))).collect()
    }

    /// jieba-rs without its data tags every unknown Chinese word `x`; the
    /// user's tag wins over the dictionary's.
    fn fix_tag<'t>(&'t self, word: &'t str, tag: &'t str) -> &'t str {
        if let Some(user_tag) = self.user_tags.get(word) {
            user_tag
        } else if tag == "x" && word.chars().any(pos_model::is_cjk) && !self.jieba.has_word(word) {
            self.pos.guess_tag(word)
        } else {
            tag
        }
    }
}

/// One call per word, never inlined, so that a browser optimises it while
/// the load runs (see `WordStream::next` in `unpack.rs`).
#[inline(never)]
fn add_word(jieba: &mut Jieba, word: &str, freq: usize, tag: &str) {
    jieba.add_word(word, Some(freq), Some(tag));
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSSEG: &str = "@TAGS\n\
        a,ad,ag,an,b,bg,c,d,df,dg,e,en,f,g,h,i,in,j,jn,k,l,ln,m,mg,mq,n,ng,nr,nrfg,nrt,ns,nt,nz,o,p,q,qe,qg,r,rg,rr,rz,s,t,tg,u,ud,ug,uj,ul,uv,uz,v,vd,vg,vi,vn,vq,w,x,y,yg,z,zg\n\
        @START\n0,27,-1.0\n3,25,-2.0\n\
        @TRANS\n0,27|2,27,-0.5\n\
        @EMIT\n0,27|王,-1.5\n2,27|毅,-1.5\n3,25|王,-3.0|毅,-3.0\n\
        @CHAR_STATE\n王|0,27|3,25\n";

    fn small() -> Dictionary {
        let packed =
            pack::pack("北京 100 ns\n清华大学 50 nt\n我 500 r\n", "北京 3.5\n清华 7.25\n大学 2.0\n", POSSEG).unwrap();
        Dictionary::from_bytes(&packed).unwrap()
    }

    #[test]
    fn a_packed_dictionary_loads_words_idf_and_tags() {
        let dictionary = small();
        assert!(dictionary.jieba.has_word("清华大学"));
        assert!(!dictionary.jieba.has_word("清华"));
        assert_eq!(dictionary.idf.get("清华"), 7.25);
        assert_eq!(dictionary.idf.get("北京"), 3.5);
        // Median of [2.0, 3.5, 7.25].
        assert_eq!(dictionary.idf.get("上海"), 3.5);
        assert_eq!(dictionary.tag("我北京", false), [("我", "r"), ("北京", "ns")]);
    }

    #[test]
    fn unknown_words_get_the_hmm_tag() {
        let dictionary = small();
        assert_eq!(dictionary.pos.guess_tag("王毅"), "nr");
        assert_eq!(dictionary.pos.guess_tag("王"), "n");
        assert_eq!(dictionary.pos.guess_tag("口"), "x");
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        let packed = pack::pack("北京 100 ns\n", "北京 3.5\n", POSSEG).unwrap();
        assert_eq!(Dictionary::from_bytes(b"").unwrap_err().code(), "bad-dictionary");
        for cut in [9, 20, packed.len() / 2, packed.len() - 1] {
            assert_eq!(Dictionary::from_bytes(&packed[..cut]).unwrap_err().code(), "bad-dictionary", "cut at {cut}");
        }
        let mut flipped = packed.clone();
        for i in 8..flipped.len() {
            flipped[i] ^= 0xFF;
            let _ = Dictionary::from_bytes(&flipped);
            flipped[i] ^= 0xFF;
        }
    }
}
