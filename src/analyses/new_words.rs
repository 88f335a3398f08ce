//! New words: strings the text uses as words that the dictionary lacks, found
//! by cohesion and freedom (Matrix67, "互联网时代的社会语言学：基于SNS的文本数据挖掘",
//! 2012; HanLP's `NewWordDiscover` follows it).
//!
//! A string of characters is a word when its characters belong together and
//! the string as a whole goes with anything. Both are measured on the raw
//! characters, so no dictionary and no cut is involved until the very end:
//!
//! * **Candidates** are the character n-grams of 2 to `max_len` characters
//!   inside runs of Han characters (anything else — punctuation, digits,
//!   Latin letters, white space — ends a run), occurring at least
//!   `min_count` times.
//! * **Cohesion** is the least, over the ways of cutting `w` in two parts
//!   `a·b`, of `p(w) / (p(a)·p(b))`, where `p(x)` is the count of `x` over
//!   the number of Han characters in the text (one denominator for every
//!   length). Far above 1, `w` occurs much more often than its parts would
//!   meet by chance. The bar grows with length: an n-character candidate
//!   needs `min_cohesion^(n−1)`, since a longer string has rarer parts and
//!   so a larger ratio even when it is only a chance meeting (the
//!   fastNewWords tool uses the same geometric bar, 5, 25, 125…).
//! * **Freedom** is the lesser of the entropies `H = −Σ p·ln p` of the
//!   characters seen just before and just after `w`. A fragment such as
//!   唐三 of 唐三藏 is always followed by 藏: its right entropy is 0. Where
//!   `w` starts or ends a run, each such occurrence counts as a neighbour of
//!   its own, unlike any other: punctuation is evidence of a free boundary,
//!   and a name that only ever stands between commas should not score 0.
//!
//! Of the candidates that pass both bars, those the dictionary knows and
//! those that start or end with a function character (的, 了, 是…) are left
//! out. So is a candidate inside a longer one that passed too when the
//! longer one has at least 90% of its count: nearly every use of the shorter
//! string is a use of the longer word, which explains it.
//!
//! They are ranked by `count × freedom × ln(cohesion)`: frequent first, then
//! free and cohesive. Cohesion is taken as a logarithm because it spans
//! orders of magnitude (8 to 20,000 in 红楼梦) and would otherwise swamp
//! the count; freedom, a logarithm already, is taken as it is. The method needs a long text (about 50,000 characters)
//! to say much; [`NewWords::too_short`] says when the text is shorter.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::text::is_han;

/// The longest candidate looked for: eight 16-bit character ids fill the
/// 128-bit key an n-gram is counted under.
pub const MAX_LEN: usize = 8;

/// Texts with fewer Han characters than this are [`NewWords::too_short`].
pub const SHORT_TEXT: usize = 50_000;

/// Characters a word rarely starts or ends with: particles, pronouns,
/// prepositions, common verbs and adverbs. A candidate at their edge is
/// almost always a word glued to its neighbour (的人, 了一).
const FUNCTION_CHARS: &str = "的了是在和也就都而及与着或之其被把对这那有为以于不我你他她它们个上下中等很又还将会要说让";

/// A new-words request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct NewWordOptions {
    /// The most characters in a word, 2 to [`MAX_LEN`] (6 by default).
    pub max_len: usize,
    /// The fewest occurrences, at least 2 (5 by default; see
    /// [`NewWordOptions::for_length`] for short texts).
    pub min_count: usize,
    /// The cohesion a two-character word needs; an n-character word needs
    /// this to the power n − 1 (8 by default: 8, 64, 512…).
    pub min_cohesion: f64,
    /// The entropy each side needs, in nats (1.0 by default: about three
    /// equally likely neighbours).
    pub min_freedom: f64,
    /// The most words returned (100 by default).
    pub limit: usize,
}

impl Default for NewWordOptions {
    fn default() -> Self {
        NewWordOptions { max_len: 6, min_count: 5, min_cohesion: 8.0, min_freedom: 1.0, limit: 100 }
    }
}

impl NewWordOptions {
    /// The default options for a text of `han_characters` Han characters:
    /// a short text repeats little, so it needs a lower `min_count` (3 below
    /// 20,000 characters, 2 below 5,000) to find anything. Below
    /// [`SHORT_TEXT`] the cohesion bar is 4 (not 8) and words run to 8
    /// characters: a press conference names 一带一路 a dozen times, and with
    /// so few characters 一 alone is common enough to sink its cohesion
    /// under 8³.
    pub fn for_length(han_characters: usize) -> NewWordOptions {
        let min_count = match han_characters {
            0..5_000 => 2,
            5_000..20_000 => 3,
            _ => 5,
        };
        if han_characters < SHORT_TEXT {
            NewWordOptions { min_count, max_len: MAX_LEN, min_cohesion: 4.0, ..NewWordOptions::default() }
        } else {
            NewWordOptions { min_count, ..NewWordOptions::default() }
        }
    }
}

/// One new word.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NewWord {
    /// The word as the text spells it.
    pub word: String,
    /// How many times it occurs.
    pub count: usize,
    /// The least `p(w) / (p(a)·p(b))` over its splits.
    pub cohesion: f64,
    /// The entropy of the characters just before it, in nats.
    pub left_entropy: f64,
    /// The entropy of the characters just after it, in nats.
    pub right_entropy: f64,
    /// `count × min(left_entropy, right_entropy) × ln(cohesion)`.
    pub score: f64,
}

/// The new words of a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NewWords {
    /// Best first: by score, then by word.
    pub words: Vec<NewWord>,
    /// The Han characters in the text (the denominator of every `p`).
    pub han_characters: usize,
    /// Fewer than [`SHORT_TEXT`] Han characters: too few to trust the list.
    pub too_short: bool,
    /// The `min_count` used.
    pub min_count: usize,
}

/// The id that ends a run of Han characters.
const BREAK: u16 = 0;

/// What an n-gram's count is kept with.
struct Gram {
    count: u32,
    /// Its index in the candidates, or `NONE`.
    candidate: u32,
}

const NONE: u32 = u32::MAX;

/// A candidate that passed count, cohesion and the dictionary.
struct Candidate {
    word: String,
    key: u128,
    len: usize,
    count: u32,
    cohesion: f64,
    /// Occurrences that start / end a run: each a neighbour of its own.
    left_edges: u32,
    right_edges: u32,
}

/// The new words of `text`: those `is_known` says no to (it is asked only
/// about candidates that passed count and cohesion).
pub fn discover(text: &str, is_known: impl Fn(&str) -> bool, options: &NewWordOptions) -> NewWords {
    let max_len = options.max_len.clamp(2, MAX_LEN);
    // Seen once, a string has one neighbour per side: entropy 0.
    let min_count = options.min_count.max(2);
    let min_count32 = min_count.min(u32::MAX as usize) as u32;

    // The text as character ids, one BREAK between runs and at each end, so
    // that every gram has a left and a right neighbour to index. Ids are 16
    // bits: in a text with more than 65,535 distinct Han characters (Unicode
    // has about 98,000), those first seen after the 65,535th are breaks.
    let mut chars: Vec<char> = vec!['\0'];
    let mut ids: HashMap<char, u16> = HashMap::default();
    let mut seq: Vec<u16> = vec![BREAK];
    let mut han_characters = 0;
    for c in text.chars() {
        let id = if is_han(c) {
            han_characters += 1;
            let next = chars.len();
            *ids.entry(c).or_insert_with(|| match u16::try_from(next) {
                Ok(id) => {
                    chars.push(c);
                    id
                }
                Err(_) => BREAK,
            })
        } else {
            BREAK
        };
        if id != BREAK || seq.last() != Some(&BREAK) {
            seq.push(id);
        }
    }
    if seq.last() != Some(&BREAK) {
        seq.push(BREAK);
    }
    let total = han_characters as f64;
    let mut unigrams = vec![0u32; chars.len()];
    for &id in &seq {
        unigrams[id as usize] += 1;
    }

    let key = |p: usize, n: usize| seq[p..p + n].iter().fold(0u128, |k, &id| k << 16 | id as u128);
    let word_of =
        |key: u128, n: usize| (0..n).rev().map(|i| chars[(key >> (16 * i)) as usize & 0xFFFF]).collect::<String>();

    // Level by level, like Apriori: an n-gram can occur min_count times only
    // where both its (n − 1)-grams do, so level n counts only at positions
    // where `alive` says the (n − 1)-grams at p and p + 1 are frequent. The
    // count of every part of a frequent gram is then at hand for cohesion.
    let mut alive: Vec<bool> = seq.iter().map(|&id| id != BREAK && unigrams[id as usize] >= min_count32).collect();
    // levels[n - 2]: the frequent n-grams.
    let mut levels: Vec<HashMap<u128, Gram>> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    // (candidate << 16 | neighbour) per occurrence, for the entropies.
    let (mut lefts, mut rights): (Vec<u64>, Vec<u64>) = (Vec::new(), Vec::new());
    let last = seq.len() - 1;
    for n in 2..=max_len {
        let mut level: HashMap<u128, Gram> = HashMap::default();
        for p in 0..last {
            if alive[p] && alive[p + 1] {
                level.entry(key(p, n)).or_insert(Gram { count: 0, candidate: NONE }).count += 1;
            }
        }
        level.retain(|_, g| g.count >= min_count32);
        if level.is_empty() {
            break;
        }
        let count_of = |key: u128, len: usize| match len {
            1 => unigrams[key as usize],
            _ => levels[len - 2][&key].count,
        };
        let bar = options.min_cohesion.powi(n as i32 - 1);
        for (&k, gram) in level.iter_mut() {
            let cohesion = (1..n)
                .map(|i| {
                    let (a, b) = (k >> (16 * (n - i)), k & ((1u128 << (16 * (n - i))) - 1));
                    gram.count as f64 * total / (count_of(a, i) as f64 * count_of(b, n - i) as f64)
                })
                .fold(f64::INFINITY, f64::min);
            if cohesion < bar {
                continue;
            }
            let word = word_of(k, n);
            let edge = |c: Option<char>| c.is_some_and(|c| FUNCTION_CHARS.contains(c));
            if edge(word.chars().next()) || edge(word.chars().last()) || is_known(&word) {
                continue;
            }
            gram.candidate = candidates.len() as u32;
            candidates.push(Candidate {
                word,
                key: k,
                len: n,
                count: gram.count,
                cohesion,
                left_edges: 0,
                right_edges: 0,
            });
        }
        // Now `alive` moves up a level (p reads p + 1 before it is
        // overwritten), and the candidates' neighbours are noted.
        for p in 0..last {
            alive[p] = alive[p] && alive[p + 1] && {
                match level.get(&key(p, n)) {
                    None => false,
                    Some(&Gram { candidate: NONE, .. }) => true,
                    Some(&Gram { candidate: c, .. }) => {
                        let candidate = &mut candidates[c as usize];
                        match seq[p - 1] {
                            BREAK => candidate.left_edges += 1,
                            id => lefts.push((c as u64) << 16 | id as u64),
                        }
                        match seq[p + n] {
                            BREAK => candidate.right_edges += 1,
                            id => rights.push((c as u64) << 16 | id as u64),
                        }
                        true
                    }
                }
            };
        }
        levels.push(level);
    }

    // H = −Σ p·ln p per side; a run edge is a neighbour seen once.
    let entropies = |pairs: &mut Vec<u64>, edges: &dyn Fn(&Candidate) -> u32| -> Vec<f64> {
        let term = |count: u32, of: u32| {
            let p = count as f64 / of as f64;
            -p * p.ln()
        };
        let mut h: Vec<f64> = candidates.iter().map(|c| edges(c) as f64 * term(1, c.count)).collect();
        pairs.sort_unstable();
        for group in pairs.chunk_by(|a, b| a == b) {
            let c = (group[0] >> 16) as usize;
            h[c] += term(group.len() as u32, candidates[c].count);
        }
        h
    };
    let left = entropies(&mut lefts, &|c| c.left_edges);
    let right = entropies(&mut rights, &|c| c.right_edges);

    let kept: HashMap<u128, usize> = (0..candidates.len())
        .filter(|&c| left[c].min(right[c]) >= options.min_freedom)
        .map(|c| (candidates[c].key, c))
        .collect();
    // A kept candidate inside a longer kept one that has ≥ 90% of its count.
    let mut explained = vec![false; candidates.len()];
    for &c in kept.values() {
        let Candidate { key, len, count, .. } = candidates[c];
        for sub in 2..len {
            for skip in 0..=len - sub {
                let part = (key >> (16 * skip)) & ((1u128 << (16 * sub)) - 1);
                match kept.get(&part) {
                    Some(&s) if count as f64 >= 0.9 * candidates[s].count as f64 => explained[s] = true,
                    _ => {}
                }
            }
        }
    }

    let mut words: Vec<NewWord> = kept
        .into_values()
        .filter(|&c| !explained[c])
        .map(|c| {
            let candidate = &candidates[c];
            let freedom = left[c].min(right[c]);
            NewWord {
                word: candidate.word.clone(),
                count: candidate.count as usize,
                cohesion: candidate.cohesion,
                left_entropy: left[c],
                right_entropy: right[c],
                score: candidate.count as f64 * freedom * candidate.cohesion.ln(),
            }
        })
        .collect();
    words.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.word.cmp(&b.word)));
    words.truncate(options.limit);
    NewWords { words, han_characters, too_short: han_characters < SHORT_TEXT, min_count }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Filler characters, none of them a function character.
    const POOL: &str =
        "春夏秋冬山水风云日月星花草木石金银铜铁江河湖海松竹梅兰菊桃李杏柳马牛羊鸡犬鱼鸟虫红黄蓝绿青紫黑白东西南北";

    /// A deterministic stream of filler characters (an LCG).
    struct Filler(u64);

    impl Filler {
        fn next(&mut self) -> char {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            POOL.chars().nth((self.0 >> 33) as usize % POOL.chars().count()).unwrap()
        }
    }

    /// `times` sentences, each `word` between random filler (the left
    /// neighbour fixed to `left` when given) after a run of filler: enough
    /// text that a 3-character word seen 40 times passes the cohesion bar
    /// (its cohesion is the number of characters over its count).
    fn text_with(word: &str, times: usize, left: Option<char>) -> String {
        let mut filler = Filler(7);
        let mut text = String::new();
        for _ in 0..times {
            for _ in 0..120 {
                text.push(filler.next());
            }
            text.push_str(&left.map_or(filler.next().to_string(), String::from));
            text.push_str(word);
            for _ in 0..3 {
                text.push(filler.next());
            }
            text.push('。');
        }
        text
    }

    fn found(result: &NewWords) -> Vec<&str> {
        result.words.iter().map(|w| w.word.as_str()).collect()
    }

    #[test]
    fn made_up_word_in_varied_contexts() {
        let result = discover(&text_with("咕噜咪", 40, None), |_| false, &NewWordOptions::default());
        let word = result.words.iter().find(|w| w.word == "咕噜咪").expect("咕噜咪 found");
        assert_eq!(word.count, 40);
        assert!(word.left_entropy > 2.0 && word.right_entropy > 2.0, "{word:?}");
        // Its fragments are never free: always followed / preceded by the rest.
        assert!(!found(&result).contains(&"咕噜") && !found(&result).contains(&"噜咪"));
        assert_eq!(result.han_characters, 40 * 127);
        assert!(result.too_short);
        assert_eq!(result.words[0].word, "咕噜咪");
    }

    #[test]
    fn one_left_neighbour_has_no_left_freedom() {
        let text = text_with("嘀嗒嘟", 40, Some('甲'));
        let options = NewWordOptions { min_freedom: 0.0, ..NewWordOptions::default() };
        let all = discover(&text, |_| false, &options);
        let word = all.words.iter().find(|w| w.word == "嘀嗒嘟").expect("嘀嗒嘟 counted");
        assert_eq!(word.left_entropy, 0.0);
        assert!(word.right_entropy > 2.0);
        let result = discover(&text, |_| false, &NewWordOptions::default());
        assert!(!found(&result).contains(&"嘀嗒嘟"));
    }

    #[test]
    fn function_characters_at_the_edges() {
        for word in ["了咕噜", "咕噜的", "我咕噜"] {
            let result = discover(&text_with(word, 40, None), |_| false, &NewWordOptions::default());
            assert!(!found(&result).contains(&word), "{word}: {:?}", found(&result));
        }
        // Inside a word, a function character is fine.
        let result = discover(&text_with("咕的噜", 40, None), |_| false, &NewWordOptions::default());
        assert!(found(&result).contains(&"咕的噜"));
    }

    #[test]
    fn substring_of_a_longer_word_with_nearly_its_count() {
        let options = NewWordOptions { min_freedom: 0.0, ..NewWordOptions::default() };
        // 唐三 30 + 1 times, 唐三藏 30 times: 唐三藏 explains 唐三.
        let text = text_with("唐三藏", 30, None) + "松唐三竹。";
        let result = discover(&text, |_| false, &options);
        assert!(found(&result).contains(&"唐三藏"));
        assert!(!found(&result).contains(&"唐三") && !found(&result).contains(&"三藏"));
        // 唐三 30 + 10 times: 30 < 90% of 40, so 唐三 is a word of its own too.
        let text = text_with("唐三藏", 30, None) + &"松唐三竹。".repeat(5) + &"梅唐三兰。".repeat(5);
        let result = discover(&text, |_| false, &options);
        assert!(found(&result).contains(&"唐三藏") && found(&result).contains(&"唐三"));
        assert_eq!(result.words.iter().find(|w| w.word == "唐三").unwrap().count, 40);
    }

    #[test]
    fn known_words_are_never_returned() {
        let result = discover(&text_with("咕噜咪", 40, None), |w| w == "咕噜咪", &NewWordOptions::default());
        assert!(!found(&result).contains(&"咕噜咪"));
    }

    #[test]
    fn empty_and_non_han_texts() {
        for text in ["", "hello world 123, hello world 123. ".repeat(50).as_str(), "。。，，！"] {
            let result = discover(text, |_| false, &NewWordOptions::default());
            assert!(result.words.is_empty());
            assert_eq!(result.han_characters, 0);
            assert!(result.too_short);
        }
    }

    #[test]
    fn options() {
        assert_eq!(NewWordOptions::for_length(3_000).min_count, 2);
        assert_eq!(NewWordOptions::for_length(7_000).min_count, 3);
        assert_eq!(NewWordOptions::for_length(50_000).min_count, 5);
        let options: NewWordOptions = serde_json::from_str(r#"{"maxLen": 4, "minCount": 3}"#).unwrap();
        assert_eq!((options.max_len, options.min_count, options.limit), (4, 3, 100));
        // Out of range: clamped, not a panic.
        let odd = NewWordOptions { max_len: 20, min_count: 0, ..NewWordOptions::default() };
        assert_eq!(discover(&text_with("咕噜咪", 10, None), |_| false, &odd).min_count, 2);
    }

    /// `cargo test --release --lib new_words -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn hongloumeng_timing() {
        let Ok(text) = std::fs::read_to_string("/work/shared/corpus/hongloumeng.txt") else {
            return;
        };
        let start = std::time::Instant::now();
        let result = discover(&text, |_| false, &NewWordOptions::default());
        let elapsed = start.elapsed();
        for (i, w) in result.words.iter().take(30).enumerate() {
            println!(
                "{:2} {}\t{}\tcohesion {:.0}\tH {:.2}/{:.2}\tscore {:.0}",
                i + 1,
                w.word,
                w.count,
                w.cohesion,
                w.left_entropy,
                w.right_entropy,
                w.score
            );
        }
        println!("{} Han characters, {} words, {elapsed:?}", result.han_characters, result.words.len());
    }
}
