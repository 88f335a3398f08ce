//! 1. Long tokens of every script: what a user pastes when the spaces or
//! the punctuation were lost, a minute's worth of one character, or data.

use super::*;

/// `count` characters drawn from `alphabet`, with no space or punctuation.
fn run_of(alphabet: &[char], count: usize) -> String {
    let mut lcg = Lcg(22);
    (0..count).map(|_| alphabet[lcg.below(alphabet.len())]).collect()
}

fn range(from: char, to: char) -> Vec<char> {
    (from..=to).collect()
}

/// Analyses `BEFORE`, the `token` and `AFTER`, a line each, as the page and
/// `ciyan query` do (the core's session), and checks that the analysis
/// ends within the budget, that every character is counted, that the
/// sentences' words are found and that the concordance's offsets point at
/// them.
fn survives_long_token(name: &str, token: &str) {
    let text = format!("{BEFORE}\n{token}\n{AFTER}\n");
    let file = TempFile::with(&format!("{name}.txt"), text.as_bytes());
    let chars: Vec<char> = text.chars().collect();

    let summary = ciyan(&["query", file.path(), r#"{"query":"summary"}"#]);
    summary.within_budget(&format!("{name}: summary"));
    assert!(summary.status.success(), "{name}: {}", summary.stderr);
    let summary = summary.json();
    let characters = chars.iter().filter(|c| !c.is_whitespace()).count();
    assert_eq!(summary["counts"]["characters"], characters, "{name}: every character counted");
    let words: Vec<&str> = summary["words"]["words"].as_str().unwrap().split('\n').collect();
    for word in ["北京", "清华大学", "网易", "大厦"] {
        assert!(words.contains(&word), "{name}: {word} not among the words");
    }

    let concordance = ciyan(&["query", file.path(), r#"{"query":"concordance","term":"北京"}"#]);
    concordance.within_budget(&format!("{name}: concordance"));
    assert!(concordance.status.success(), "{name}: {}", concordance.stderr);
    let lines = concordance.json();
    let lines = lines.as_array().unwrap();
    // One before the token, one after it (a run of random Han characters
    // may hold more).
    assert!(lines.len() >= 2, "{name}: {lines:?}");
    for line in lines {
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        assert!(start < end && end <= chars.len(), "{name}: {start}..{end} out of 0..{}", chars.len());
        assert_eq!(chars[start..end].iter().collect::<String>(), "北京", "{name}: at {start}..{end}");
        let left = line["left"].as_str().unwrap();
        assert!(chars[..start].iter().collect::<String>().ends_with(left), "{name}: left context {left:?}");
    }
    let last = lines.last().unwrap()["start"].as_u64().unwrap() as usize;
    assert_eq!(last, chars.len() - AFTER.chars().count() - 1 + 4, "{name}: 北京 after the token");
}

// A user pastes a base64 image, a minified script or a long URL: for the
// core, one word of 100,000 Latin letters.
#[test]
fn a_run_of_100000_latin_letters() {
    survives_long_token("latin", &"a".repeat(100_000));
}

// A user pastes a table column of numbers with the separators lost, or a
// long serial number.
#[test]
fn a_run_of_100000_digits() {
    survives_long_token("digits", &run_of(&range('0', '9'), 100_000));
}

// A user pastes Russian text whose spaces were lost (a PDF copy).
#[test]
fn a_run_of_100000_cyrillic_letters() {
    survives_long_token("cyrillic", &run_of(&range('а', 'я'), 100_000));
}

// A user pastes Arabic text without spaces: right to left, and joined.
#[test]
fn a_run_of_100000_arabic_letters() {
    survives_long_token("arabic", &run_of(&range('\u{627}', '\u{64A}'), 100_000));
}

// A user pastes Greek without spaces.
#[test]
fn a_run_of_100000_greek_letters() {
    survives_long_token("greek", &run_of(&range('α', 'ω'), 100_000));
}

// A user pastes Hindi without spaces: consonants, vowel signs and viramas,
// which combine with the letter before them.
#[test]
fn a_run_of_100000_devanagari_letters_and_signs() {
    let mut alphabet = range('\u{915}', '\u{939}');
    alphabet.extend(['\u{93E}', '\u{93F}', '\u{940}', '\u{947}', '\u{94B}', '\u{94D}', '\u{902}']);
    survives_long_token("devanagari", &run_of(&alphabet, 100_000));
}

// A user pastes a data URL or a key: base64's 65 characters, mixed.
#[test]
fn a_run_of_100000_base64_characters() {
    let mut alphabet = range('A', 'Z');
    alphabet.extend(range('a', 'z'));
    alphabet.extend(range('0', '9'));
    alphabet.extend(['+', '/', '=']);
    survives_long_token("base64", &run_of(&alphabet, 100_000));
}

// A user pastes a message of nothing but one emoji, a megabyte of it: each
// is a surrogate pair on the page (two UTF-16 units), so every offset
// after the run depends on counting them right.
#[test]
fn a_megabyte_of_one_emoji() {
    let token = "😀".repeat(250_000);
    survives_long_token("emoji", &token);

    // The page's session counts in UTF-16 units: 北京 after the run is
    // 500,000 units further on, not 250,000.
    let text = format!("{BEFORE}\n{token}\n{AFTER}\n");
    let mut session = ciyan::Session::new(ciyan::Segmenter::new(), ciyan::document::Unit::Utf16);
    session.keep(text.clone(), &ciyan::Options::default()).unwrap();
    let query = serde_json::from_value(serde_json::json!({"query": "concordance", "term": "北京"})).unwrap();
    let Reply::Answer(answer) = session.handle(Request::Ask { query }, |_| {}).unwrap() else { panic!() };
    let answer = serde_json::to_value(answer).unwrap();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let lines = answer.as_array().unwrap();
    assert_eq!(lines.len(), 2, "{answer}");
    for line in lines {
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        assert!(end <= utf16.len());
        assert_eq!(String::from_utf16(&utf16[start..end]).unwrap(), "北京", "UTF-16 {start}..{end}");
    }
}

// A user pastes classical Chinese or an OCR dump with no punctuation at
// all: one "sentence" of 100,000 Han characters.
#[test]
fn a_run_of_100000_han_characters_without_punctuation() {
    survives_long_token("han", &run_of(&range('\u{4E00}', '\u{9FA5}'), 100_000));
}

// A user pastes text typed with a Chinese input method left in full-width
// mode: ａｂｃ, which the core reads in its normal form.
#[test]
fn a_run_of_100000_full_width_latin_letters() {
    let mut alphabet = range('Ａ', 'Ｚ');
    alphabet.extend(range('ａ', 'ｚ'));
    survives_long_token("full-width", &run_of(&alphabet, 100_000));
}

// A user pastes a screenshot copied as a data URL: a megabyte of base64.
// This took 154 s in a release build before 4f017b1 (100,000 characters:
// 1.4 s; 400,000: 10.5 s): the address scan of src/document/addresses.rs
// tried an address at every `+`, `/` and `=` of the run, and each try
// read on to the end of the run.
#[test]
fn a_data_url_of_a_megabyte() {
    let mut alphabet = range('A', 'Z');
    alphabet.extend(range('a', 'z'));
    alphabet.extend(range('0', '9'));
    alphabet.extend(['+', '/', '=']);
    survives_long_token("data-url", &format!("data:image/png;base64,{}", run_of(&alphabet, 1_000_000)));
}

// A user pastes a long URL-encoded query (`a+b+c…`), a long path, or a list
// joined by `/`, `@` or `=`: 200,000 characters of each took 45 s to 88 s
// in a release build before 4f017b1, for the same reason as above.
#[test]
fn runs_of_200000_characters_joined_as_addresses_are() {
    for joiner in ['/', '+', '@', '='] {
        // The file's name holds the joiner's code: a `/` is no file name.
        survives_long_token(&format!("joined-by-{:x}", joiner as u32), &format!("a{joiner}").repeat(100_000));
    }
}

// A user pastes a link followed by a long run of closing brackets (a
// minified script, an emoticon gone wrong): the address's end was trimmed
// one bracket at a time, counting the brackets of the whole address each
// time (`trim_end` in src/document/addresses.rs): 34 s in a release build
// before 4f017b1.
#[test]
fn a_link_followed_by_200000_closing_brackets() {
    survives_long_token("brackets", &format!("https://a.com/{}", ")".repeat(200_000)));
}

// A user pastes a page that holds all of the above, one after the other.
#[test]
fn every_long_token_in_one_text() {
    let scripts: [(&[char], usize); 4] = [
        (&['a'], 20_000),
        (&range('а', 'я'), 20_000),
        (&range('\u{4E00}', '\u{9FA5}'), 20_000),
        (&range('Ａ', 'Ｚ'), 20_000),
    ];
    let mut token = String::new();
    for (alphabet, count) in scripts {
        token.push_str(&run_of(alphabet, count));
    }
    token.push_str(&"😀".repeat(20_000));
    token.push_str(&run_of(&range('\u{627}', '\u{64A}'), 20_000));
    survives_long_token("mixed", &token);
}
