//! A text's profile: how rich its vocabulary is, and how long its words and
//! sentences are, as the readability and stylometry tools report them.
//!
//! - Tokens (N) and types (V) are the counted words of the methods'
//!   definition (the precise cut, no punctuation or white space, stopwords
//!   counted): N is the summary's token count.
//! - Type–token ratio: V / N. It falls as a text grows, so texts of
//!   different lengths are compared by the standardised ratio (WordSmith's
//!   STTR): the mean ratio of each whole run of 1,000 tokens, none when the
//!   text has fewer.
//! - Word length: characters per token (a 2-character word is 中国).
//! - Sentence length: counted words per sentence (the sentences of the
//!   summary's count: runs ended by 。！？；… or a line break, each with a word).

use serde::Serialize;

use crate::document::{Document, Unit};

/// Tokens per chunk of the standardised type–token ratio (WordSmith's default).
pub const STTR_CHUNK: usize = 1000;

/// The longest length a histogram counts on its own: longer ones are counted
/// in its last bin.
pub const MAX_BIN: usize = 60;

/// The profile of a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TextProfile {
    /// Counted word tokens (N).
    pub tokens: usize,
    /// Distinct words (V).
    pub types: usize,
    /// V / N; none for a text without words.
    pub type_token_ratio: Option<f64>,
    /// The mean V / N of each whole run of [`STTR_CHUNK`] tokens; none below that.
    pub standardised_ttr: Option<f64>,
    /// Words used once (hapax legomena).
    pub hapaxes: usize,
    /// Mean characters per token.
    pub mean_word_length: Option<f64>,
    /// `word_lengths[i]`: tokens of `i + 1` characters.
    pub word_lengths: Vec<usize>,
    pub sentences: usize,
    /// Mean counted words per sentence.
    pub mean_sentence_length: Option<f64>,
    /// The median words per sentence (the mean of the two middle ones for an even count).
    pub median_sentence_length: Option<f64>,
    /// `sentence_lengths[i]`: sentences of `i + 1` words.
    pub sentence_lengths: Vec<usize>,
    /// The length whose bin (of words and of sentences) also counts every
    /// longer one: [`MAX_BIN`].
    pub open_bin: usize,
    /// The longest sentence, to read it in the text.
    pub longest_sentence: Option<SentenceSpan>,
}

/// Where a sentence is, and how many words it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
    pub words: usize,
}

/// The profile of `document`, positions in `unit`.
pub fn text_profile(document: &Document, unit: Unit) -> TextProfile {
    let tokens = document.word_tokens(false);
    let vocabulary = document.vocabulary();
    let mut seen = vec![0u32; vocabulary.len()];
    let mut word_lengths = Vec::new();
    let mut characters = 0usize;
    for &i in tokens {
        let id = document.id(i as usize) as usize;
        seen[id] += 1;
        let length = document.token(i as usize).chars().count();
        characters += length;
        bump(&mut word_lengths, length);
    }
    let types = seen.iter().filter(|&&n| n > 0).count();
    let hapaxes = seen.iter().filter(|&&n| n == 1).count();
    let n = tokens.len();

    let (sentence_words, longest) = sentence_lengths(document, unit);
    let mut sentence_lengths = Vec::new();
    for &(words, _, _) in &sentence_words {
        bump(&mut sentence_lengths, words);
    }
    let mut sorted: Vec<usize> = sentence_words.iter().map(|s| s.0).collect();
    sorted.sort_unstable();
    let median = match sorted.len() {
        0 => None,
        len if len % 2 == 1 => Some(sorted[len / 2] as f64),
        len => Some((sorted[len / 2 - 1] + sorted[len / 2]) as f64 / 2.0),
    };
    let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
    TextProfile {
        tokens: n,
        types,
        type_token_ratio: ratio(types, n),
        standardised_ttr: standardised_ttr(document, tokens),
        hapaxes,
        mean_word_length: ratio(characters, n),
        word_lengths,
        sentences: sentence_words.len(),
        mean_sentence_length: ratio(sorted.iter().sum(), sorted.len()),
        median_sentence_length: median,
        sentence_lengths,
        open_bin: MAX_BIN,
        longest_sentence: longest,
    }
}

/// Counts `length` (≥ 1) in `bins`, the last bin holding [`MAX_BIN`] and more.
fn bump(bins: &mut Vec<usize>, length: usize) {
    let bin = length.clamp(1, MAX_BIN) - 1;
    if bins.len() <= bin {
        bins.resize(bin + 1, 0);
    }
    bins[bin] += 1;
}

/// The mean type–token ratio of the whole chunks of [`STTR_CHUNK`] tokens.
fn standardised_ttr(document: &Document, tokens: &[u32]) -> Option<f64> {
    let chunks = tokens.len() / STTR_CHUNK;
    if chunks == 0 {
        return None;
    }
    let mut seen = vec![u32::MAX; document.vocabulary().len()];
    let mut sum = 0.0;
    for (c, chunk) in tokens.chunks_exact(STTR_CHUNK).enumerate() {
        let mut types = 0;
        for &i in chunk {
            let id = document.id(i as usize) as usize;
            if seen[id] != c as u32 {
                seen[id] = c as u32;
                types += 1;
            }
        }
        sum += types as f64 / STTR_CHUNK as f64;
    }
    Some(sum / chunks as f64)
}

/// Per sentence: (counted words, first token, end token); and the longest
/// sentence (the first of the longest).
fn sentence_lengths(document: &Document, unit: Unit) -> (Vec<(usize, usize, usize)>, Option<SentenceSpan>) {
    let starts = document.sentence_starts();
    let counted = document.word_tokens(false);
    let mut sentences = Vec::with_capacity(starts.len());
    for (s, &first) in starts.iter().enumerate() {
        let end = starts.get(s + 1).map_or(document.len(), |&e| e as usize);
        let from = counted.partition_point(|&i| i < first);
        let to = counted.partition_point(|&i| (i as usize) < end);
        // The sentence ends with its last word, not with the breaks that follow.
        let last = if to > from { counted[to - 1] as usize } else { first as usize };
        sentences.push((to - from, first as usize, last + 1));
    }
    let longest = sentences.iter().fold(None::<&(usize, usize, usize)>, |best, s| match best {
        Some(b) if b.0 >= s.0 => Some(b),
        _ => Some(s),
    });
    let span = longest.filter(|s| s.0 > 0).map(|&(words, first, end)| SentenceSpan {
        start: document.offset(document.span(first).start, unit),
        end: document.offset(document.span(end - 1).end, unit),
        words,
    });
    (sentences, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(text: &str) -> TextProfile {
        let document = crate::segmenter::Segmenter::new().document(text.to_string(), true).unwrap();
        text_profile(&document, Unit::Scalar)
    }

    #[test]
    fn counts_types_tokens_and_lengths_by_hand() {
        // 我 / 爱 / 北京 / 。 / 北京 / 很大 / 。: 5 words, 4 types, 3 used once.
        let p = profile("我爱北京。北京很大。");
        assert_eq!((p.tokens, p.types, p.hapaxes), (5, 4, 3), "{p:?}");
        assert_eq!(p.sentences, 2);
        assert_eq!(p.word_lengths, vec![2, 3]);
        assert_eq!(p.mean_word_length, Some(8.0 / 5.0));
        assert_eq!(p.type_token_ratio, Some(4.0 / 5.0));
        assert_eq!(p.sentence_lengths, vec![0, 1, 1]);
        assert_eq!((p.mean_sentence_length, p.median_sentence_length), (Some(2.5), Some(2.5)));
        assert_eq!(p.standardised_ttr, None);
        // 我爱北京: characters 0..4, its last word ends before the 。.
        let longest = p.longest_sentence.unwrap();
        assert_eq!((longest.start, longest.end, longest.words), (0, 4, 3));
    }

    #[test]
    fn the_standardised_ratio_averages_whole_chunks_only() {
        // 1,500 tokens of one word: one whole chunk of 1,000 with one type.
        let p = profile(&"我。".repeat(1500));
        assert_eq!(p.tokens, 1500);
        assert_eq!(p.standardised_ttr, Some(1.0 / 1000.0));
    }

    #[test]
    fn a_text_without_words_has_no_ratios() {
        let p = profile("。。。\n！");
        assert_eq!((p.tokens, p.sentences), (0, 0));
        assert_eq!((p.type_token_ratio, p.mean_word_length, p.longest_sentence), (None, None, None));
    }
}
