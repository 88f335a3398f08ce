//! jieba's IDF table, kept as one sorted block of words for binary search:
//! 270,000 words without 270,000 allocations, which is most of what loading
//! a hash map of them costs in wasm.

/// The IDF of each word of jieba's table, and the table's median.
#[derive(Debug, Default)]
pub(crate) struct Idf {
    /// The words, in byte order, back to back.
    words: String,
    /// Where each word of `words` ends.
    ends: Vec<u32>,
    /// The IDF of each word.
    values: Vec<f64>,
    /// What Python jieba uses for a word not in the table: the middle
    /// element of the sorted values, `sorted(values)[len // 2]`.
    median: f64,
}

impl Idf {
    /// Starts an empty table; words must come in byte order.
    pub(crate) fn with_capacity(words: usize, bytes: usize) -> Self {
        Idf {
            words: String::with_capacity(bytes),
            ends: Vec::with_capacity(words),
            values: Vec::with_capacity(words),
            median: 0.0,
        }
    }

    /// Adds `word`, which sorts after every word added before.
    pub(crate) fn push(&mut self, word: &str, idf: f64) {
        debug_assert!(self.ends.is_empty() || self.word(self.ends.len() - 1) < word);
        self.words.push_str(word);
        self.ends.push(self.words.len() as u32);
        self.values.push(idf);
    }

    /// Sets the median; `distinct` holds each distinct value with the number
    /// of words that have it.
    pub(crate) fn set_median(&mut self, mut distinct: Vec<(f64, usize)>) {
        distinct.sort_by(|a, b| a.0.total_cmp(&b.0));
        let middle = self.values.len() / 2;
        let mut seen = 0;
        for (value, count) in distinct {
            seen += count;
            if seen > middle {
                self.median = value;
                return;
            }
        }
    }

    /// The IDF of `word`, or the median for a word not in the table.
    pub(crate) fn get(&self, word: &str) -> f64 {
        self.lookup(word).unwrap_or(self.median)
    }

    /// The IDF of `word` if the table has it.
    pub(crate) fn lookup(&self, word: &str) -> Option<f64> {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.values[mid]),
            }
        }
        None
    }

    /// What a word not in the table gets.
    pub(crate) fn median(&self) -> f64 {
        self.median
    }

    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.words[start..self.ends[i] as usize]
    }

    /// The number of words in the table.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_and_falls_back_to_the_median() {
        let mut idf = Idf::with_capacity(3, 16);
        idf.push("中国", 2.0);
        idf.push("北京", 5.0);
        idf.push("清华", 9.0);
        idf.set_median(vec![(9.0, 1), (2.0, 1), (5.0, 1)]);
        assert_eq!(idf.get("北京"), 5.0);
        assert_eq!(idf.get("中国"), 2.0);
        assert_eq!(idf.get("清华"), 9.0);
        assert_eq!(idf.get("上海"), 5.0);
        assert_eq!(idf.get(""), 5.0);
        assert_eq!(idf.len(), 3);
    }
}
