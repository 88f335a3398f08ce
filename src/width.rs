//! Full-width Latin letters and digits (Ｑ, ２０２４), which Chinese input
//! methods type, read as their half-width forms.
//!
//! jieba's dictionary and its cut know ASCII letters and digits only: a text
//! cut as it is splits 阿Ｑ into 阿 / Ｑ (the dictionary has 阿Q), and a user
//! word 阿Ｑ could never be cut whole. Each character maps to one, so the
//! folded text has the same characters in the same places, and the cut maps
//! back to the user's own spelling as a traditional text's does.
//!
//! Only letters and digits fold: full-width punctuation (，：！) is the
//! ordinary punctuation of Chinese, and jieba already treats it as such.

/// The half-width form of a full-width letter or digit; any other character
/// as it is.
pub fn fold(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Whether `text` has a full-width letter or digit.
pub fn has_full_width(text: &str) -> bool {
    text.chars().any(|c| fold(c) != c)
}

/// `text` with its full-width letters and digits folded.
pub fn folded(text: &str) -> String {
    text.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_fold_one_for_one() {
        assert_eq!(folded("阿Ｑ正传，２０２４年ｉＰｈｏｎｅ！"), "阿Q正传，2024年iPhone！");
        assert!(has_full_width("阿Ｑ"));
        assert!(!has_full_width("阿Q，！（）"));
        let text = "Ｑ１ａｚ９Ｚ";
        assert_eq!(folded(text).chars().count(), text.chars().count());
    }
}
