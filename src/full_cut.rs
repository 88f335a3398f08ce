//! Full mode (`jieba.cut(text, cut_all=True)`) as Python jieba 0.42.1 cuts.
//!
//! jieba-rs's `cut_all` follows an older jieba: it keeps every single
//! character next to the longer words and splits letters from Han
//! characters. Python 0.42.1 gives only the longer words where there are
//! any, keeps runs of letters and digits whole, and keeps a run of
//! punctuation as one token. This module rebuilds that from jieba's
//! dictionary lookups, so `ciyan cut -a` prints what `python -m jieba -a`
//! prints (less the empty strings Python also yields).

use jieba_rs::Jieba;

/// No word of jieba's dictionary is longer (the longest has 16 characters).
const MAX_WORD_CHARS: usize = 32;

/// `re_han_default`: the characters jieba cuts with the dictionary.
fn is_han_default(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FD5}' | 'a'..='z' | 'A'..='Z' | '0'..='9' | '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

/// Cuts `text` in full mode.
pub(crate) fn cut_all<'t>(jieba: &Jieba, text: &'t str) -> Vec<&'t str> {
    let mut out = Vec::new();
    for (block, han) in runs(text, is_han_default) {
        if han {
            cut_block(jieba, block, &mut out);
        } else {
            // `re_skip_default`: "\r\n" and each white-space character apart;
            // what lies between them is one token.
            let mut rest = block;
            while !rest.is_empty() {
                let skip = if rest.starts_with("\r\n") {
                    2
                } else {
                    rest.chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8)
                };
                let len = if skip > 0 { skip } else { rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len()) };
                out.push(&rest[..len]);
                rest = &rest[len..];
            }
        }
    }
    out
}

/// Python's `__cut_all` over one block: the words starting at each
/// character, and a lone character only where no word covers it.
fn cut_block<'t>(jieba: &Jieba, block: &'t str, out: &mut Vec<&'t str>) {
    let bounds: Vec<usize> = block.char_indices().map(|(i, _)| i).chain([block.len()]).collect();
    let n = bounds.len() - 1;
    let is_eng = |k: usize| block.as_bytes()[bounds[k]].is_ascii_alphanumeric();
    let mut old_j: isize = -1;
    let mut eng_start: Option<usize> = None;
    let mut ends = Vec::new();
    for k in 0..n {
        // The DAG at k: the last characters of the dictionary words that
        // start at k, or k alone.
        ends.clear();
        ends.extend((k..n.min(k + MAX_WORD_CHARS)).filter(|&j| jieba.has_word(&block[bounds[k]..bounds[j + 1]])));
        if ends.is_empty() {
            ends.push(k);
        }
        if let Some(start) = eng_start {
            if !is_eng(k) {
                out.push(&block[bounds[start]..bounds[k]]);
                eng_start = None;
            }
        }
        if ends.len() == 1 && k as isize > old_j {
            let end = ends[0];
            if is_eng(k) && eng_start.is_none() {
                eng_start = Some(k);
            }
            if eng_start.is_none() {
                out.push(&block[bounds[k]..bounds[end + 1]]);
            }
            old_j = end as isize;
        } else {
            for &j in ends.iter().filter(|&&j| j > k) {
                out.push(&block[bounds[k]..bounds[j + 1]]);
                old_j = j as isize;
            }
        }
    }
    if let Some(start) = eng_start {
        out.push(&block[bounds[start]..]);
    }
}

/// Splits `text` into maximal runs of characters that are, or are not, `class`.
fn runs(text: &str, class: fn(char) -> bool) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let inside = class(first);
        let len = rest.find(|c: char| class(c) != inside).unwrap_or(rest.len());
        let (run, tail) = rest.split_at(len);
        rest = tail;
        Some((run, inside))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_mode_is_python_0_42_1s() {
        let dictionary = crate::dictionary::Dictionary::embedded();
        let jieba = &dictionary.jieba;
        assert_eq!(cut_all(jieba, "我来到北京清华大学"), ["我", "来到", "北京", "清华", "清华大学", "华大", "大学"]);
        assert_eq!(cut_all(jieba, "《红楼梦》（精校）"), ["《", "红楼", "红楼梦", "》（", "精", "校", "）"]);
        assert_eq!(cut_all(jieba, "iPhone15发布 了\r\n"), ["iPhone15", "发布", " ", "了", "\r\n"]);
    }
}
