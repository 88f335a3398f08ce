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

use crate::document::WordId;
use crate::Document;

/// A phrases request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[serde(rename_all = "camelCase")]
pub struct Phrase {
    /// The phrase as the text spells it.
    pub phrase: String,
    /// Its words.
    pub words: Vec<String>,
    /// How many times it occurs.
    pub count: usize,
}

type Gram = [WordId; MAX_LENGTH];

/// Per frequent n-gram of one length: its count and where it is first used
/// (an index into the sequence of word tokens and breaks).
struct Level {
    counts: HashMap<Gram, (u32, u32)>,
}

/// The repeated phrases of `document`.
pub fn phrases(document: &Document, options: &PhraseOptions) -> Vec<Phrase> {
    let max_len = options.max_length.clamp(1, MAX_LENGTH);
    let min_len = options.min_length.clamp(1, max_len);
    let min_count = options.min_count.max(2) as u32;
    // The word tokens; a break (u32::MAX) where punctuation or white space was.
    const BREAK: WordId = WordId::MAX;
    let mut sequence: Vec<WordId> = Vec::with_capacity(document.len());
    let mut token_of: Vec<u32> = Vec::with_capacity(document.len());
    for i in 0..document.len() {
        let id = document.id(i);
        let id = if document.vocabulary().is_word(id) { id } else { BREAK };
        if id == BREAK && sequence.last() == Some(&BREAK) {
            continue;
        }
        sequence.push(id);
        token_of.push(i as u32);
    }

    // Level by level: an (n+1)-gram can be frequent only where its first n
    // words are, so each level looks only where the last one found some.
    let mut levels: Vec<Level> = Vec::with_capacity(max_len);
    let mut candidates: Vec<u32> = (0..sequence.len() as u32).filter(|&p| sequence[p as usize] != BREAK).collect();
    for n in 1..=max_len {
        let mut counts: HashMap<Gram, (u32, u32)> = HashMap::default();
        let mut kept = Vec::with_capacity(candidates.len());
        for &p in &candidates {
            let p = p as usize;
            let Some(words) = sequence.get(p..p + n) else { continue };
            if words[n - 1] == BREAK {
                continue;
            }
            let mut gram = [0; MAX_LENGTH];
            gram[..n].copy_from_slice(words);
            counts.entry(gram).or_insert((0, p as u32)).0 += 1;
            kept.push(p as u32);
        }
        kept.retain(|&p| {
            let mut gram = [0; MAX_LENGTH];
            gram[..n].copy_from_slice(&sequence[p as usize..p as usize + n]);
            counts[&gram].0 >= min_count
        });
        counts.retain(|_, (count, _)| *count >= min_count);
        candidates = kept;
        levels.push(Level { counts });
        if candidates.is_empty() {
            break;
        }
    }

    // A phrase inside a longer one with the same count: that longer one's
    // first or last n words.
    let mut covered: Vec<rustc_hash::FxHashSet<Gram>> = (0..levels.len()).map(|_| Default::default()).collect();
    if options.longest_only {
        for n in 2..=levels.len().min(max_len) {
            let (shorter, longer) = levels.split_at(n - 1);
            for (gram, &(count, _)) in &longer[0].counts {
                for part in [&gram[..n - 1], &gram[1..n]] {
                    let mut sub = [0; MAX_LENGTH];
                    sub[..n - 1].copy_from_slice(part);
                    if shorter[n - 2].counts.get(&sub).is_some_and(|&(c, _)| c == count) {
                        covered[n - 2].insert(sub);
                    }
                }
            }
        }
    }

    let mut found: Vec<(u32, usize, u32, Gram)> = Vec::new();
    for (level, n) in levels.iter().zip(1..) {
        if n < min_len {
            continue;
        }
        for (gram, &(count, first)) in &level.counts {
            if !covered[n - 1].contains(gram) {
                found.push((count, n, first, *gram));
            }
        }
    }
    found.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    found
        .into_iter()
        .map(|(count, n, first, gram)| {
            let first_token = token_of[first as usize] as usize;
            let last_token = token_of[first as usize + n - 1] as usize;
            let text = &document.text()[document.span(first_token).start..document.span(last_token).end];
            Phrase {
                phrase: text.to_string(),
                words: gram[..n].iter().map(|&id| document.vocabulary().word(id).to_string()).collect(),
                count: count as usize,
            }
        })
        .collect()
}
