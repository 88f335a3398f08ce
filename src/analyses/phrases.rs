//! Phrases: word sequences the text repeats (AntConc's Clusters / N-grams,
//! Voyant's Phrases).
//!
//! Runs of 2 to 5 word tokens that do not cross punctuation or white space,
//! occurring at least 3 times. With `longest_only` (Voyant's default) a
//! phrase inside a longer one with the same count is left out: 人类命运 is
//! dropped when every one of its uses is part of 构建人类命运共同体.
//! Sorted by count, then length (longest first among equals), then first use.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::document::WordId;

/// A phrases request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct PhraseOptions {
    /// The fewest and most words a phrase has (2 to 5 by default).
    pub min_length: usize,
    pub max_length: usize,
    /// The fewest occurrences.
    pub min_count: usize,
    /// Leave out a phrase inside a longer one with the same count.
    pub longest_only: bool,
}

impl Default for PhraseOptions {
    fn default() -> Self {
        PhraseOptions { min_length: 2, max_length: 5, min_count: 3, longest_only: true }
    }
}

/// The longest phrase looked for.
pub const MAX_LENGTH: usize = 8;

/// One repeated phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Phrase {
    /// The phrase as the text spells it.
    pub phrase: String,
    /// Its words.
    pub words: Vec<String>,
    /// How many times it occurs.
    pub count: usize,
}

/// A separator in the sequence of word tokens: punctuation or white space.
const BREAK: WordId = WordId::MAX;

/// A frequent n-gram: its first n − 1 words and its last n − 1 words (each
/// a frequent gram of the level below, by id), its count and first use.
struct Gram {
    prefix: u32,
    suffix: u32,
    count: u32,
    /// Where it is first used: an index into the sequence.
    first: u32,
    /// Inside a longer phrase with the same count.
    covered: bool,
}

/// The frequent n-grams of one length. At the level of single words a
/// gram's id is its word id; above it, its index in `grams`.
#[derive(Default)]
struct Level {
    grams: Vec<Gram>,
    /// Per (prefix id, last word): the gram's index in `grams`.
    ids: HashMap<u64, u32>,
}

const fn key(prefix: u32, last: WordId) -> u64 {
    (prefix as u64) << 32 | last as u64
}

/// The repeated phrases of `document`.
///
/// Level by level: an n-gram can be frequent only where its first n − 1
/// words are, so each level extends only the positions where the level
/// below found a frequent gram, and names an n-gram by the id of its prefix
/// and its last word (one 64-bit key, whatever its length).
pub fn phrases(document: &Document, options: &PhraseOptions) -> Vec<Phrase> {
    let max_len = options.max_length.clamp(2, MAX_LENGTH);
    let min_len = options.min_length.clamp(2, max_len);
    let min_count = options.min_count.max(2) as u32;
    let vocabulary = document.vocabulary();
    // The word tokens, with one BREAK where punctuation or white space was.
    let mut sequence: Vec<WordId> = Vec::with_capacity(document.len());
    let mut token_of: Vec<u32> = Vec::with_capacity(document.len());
    for i in 0..document.len() {
        let id = document.id(i);
        let id = if vocabulary.is_word(id) { id } else { BREAK };
        if id == BREAK && sequence.last() == Some(&BREAK) {
            continue;
        }
        sequence.push(id);
        token_of.push(i as u32);
    }
    let frequent_word = |id: WordId| id != BREAK && vocabulary.count(id) as u32 >= min_count;

    // Per candidate position, the id of the frequent gram that starts there
    // (at first: single words, ids being word ids).
    let mut candidates: Vec<(u32, u32)> = (0..sequence.len() as u32)
        .filter(|&p| frequent_word(sequence[p as usize]))
        .map(|p| (p, sequence[p as usize]))
        .collect();
    // levels[n - 2]: the frequent n-grams.
    let mut levels: Vec<Level> = Vec::new();
    for n in 2..=max_len {
        let mut level = Level::default();
        let mut counts: HashMap<u64, (u32, u32)> = HashMap::default();
        for &(p, prefix) in &candidates {
            let Some(&last) = sequence.get(p as usize + n - 1) else {
                continue;
            };
            if frequent_word(last) {
                counts.entry(key(prefix, last)).or_insert((0, p)).0 += 1;
            }
        }
        let mut frequent: Vec<(u64, u32, u32)> =
            counts.into_iter().filter(|(_, (count, _))| *count >= min_count).map(|(k, (c, f))| (k, c, f)).collect();
        // In order of first use, so that ids and ties follow the text.
        frequent.sort_unstable_by_key(|&(_, _, first)| first);
        for (k, count, first) in frequent {
            let (prefix, last) = ((k >> 32) as u32, k as u32);
            // The last n − 1 words: for a bigram, its last word; above, the
            // level below's gram of (the prefix's suffix, last word).
            let suffix = match levels.last() {
                None => last,
                Some(below) => below.ids[&key(below.grams[prefix as usize].suffix, last)],
            };
            level.ids.insert(k, level.grams.len() as u32);
            level.grams.push(Gram { prefix, suffix, count, first, covered: false });
        }
        candidates.retain_mut(|(p, prefix)| {
            let last = sequence.get(*p as usize + n - 1).copied().unwrap_or(BREAK);
            match level.ids.get(&key(*prefix, last)) {
                Some(&id) => {
                    *prefix = id;
                    true
                }
                None => false,
            }
        });
        let done = level.grams.is_empty();
        levels.push(level);
        if done || candidates.is_empty() {
            break;
        }
    }

    // A phrase inside a longer one with the same count: that longer one's
    // first or last n − 1 words.
    if options.longest_only {
        for n in (1..levels.len()).rev() {
            let (below, above) = levels.split_at_mut(n);
            let below = &mut below[n - 1];
            for gram in &above[0].grams {
                for part in [gram.prefix, gram.suffix] {
                    let shorter = &mut below.grams[part as usize];
                    if shorter.count == gram.count {
                        shorter.covered = true;
                    }
                }
            }
        }
    }

    let mut found: Vec<(u32, usize, u32)> = Vec::new();
    for (level, n) in levels.iter().zip(2..) {
        if n < min_len {
            continue;
        }
        found.extend(level.grams.iter().filter(|g| !g.covered).map(|g| (g.count, n, g.first)));
    }
    found.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    found
        .into_iter()
        .map(|(count, n, first)| {
            let first = first as usize;
            let words: Vec<String> =
                sequence[first..first + n].iter().map(|&id| vocabulary.word(id).to_string()).collect();
            let start = document.span(token_of[first] as usize).start;
            let end = document.span(token_of[first + n - 1] as usize).end;
            Phrase { phrase: document.text()[start..end].to_string(), words, count: count as usize }
        })
        .collect()
}
