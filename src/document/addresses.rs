//! Web addresses, e-mail addresses and file paths in a text: the one rule
//! by which their pieces are no words.
//!
//! jieba cuts `https://cdn.beekka.com/blogimg/asset/1.webp` into `https`,
//! `://`, `cdn`, `.`, `beekka` … and each piece with a letter in it would be
//! counted as a word and weighed as a keyword. The cut keeps an address as
//! one token that is no word, as punctuation is (see
//! [`crate::document::DocumentBuilder::push_address`]): the word list, the
//! keywords and every count leave it out, and the tokens still cover the
//! text, so no position moves.
//!
//! An address is ASCII: it ends at the first character that is not (a Han
//! character, full-width punctuation), at white space, and before closing
//! punctuation that ends the sentence around it.

use std::ops::Range;

/// The byte spans of the addresses and paths in `text`, in order, not
/// overlapping.
pub fn address_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // A run of printable ASCII: where addresses can be.
        if !is_printable(bytes[i]) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < bytes.len() && is_printable(bytes[i]) {
            i += 1;
        }
        find_in_run(bytes, run_start, i, &mut spans);
    }
    spans
}

/// Whether byte `b` can be part of an address: printable ASCII.
fn is_printable(b: u8) -> bool {
    (0x21..=0x7E).contains(&b)
}

/// The longest address: a longer stretch of address bytes (a data URL,
/// base64, a minified script) is none, and no try at an address reads
/// further. Each boundary of a run is tried, and each try used to read on
/// to the run's end: a megabyte of base64 took 154 s, 200,000 × `a/` 45 s.
/// Read at most this far, a run costs time in proportion to its length.
const MAX_ADDRESS_BYTES: usize = 2048;

/// The addresses in `bytes[start..end]`, a run of printable ASCII.
fn find_in_run(bytes: &[u8], start: usize, end: usize, spans: &mut Vec<Range<usize>>) {
    let mut p = start;
    while p < end {
        // An address starts where a word could: not inside a run of letters.
        let boundary = p == start || !(bytes[p - 1].is_ascii_alphanumeric() || matches!(bytes[p - 1], b'_' | b'-' | b'.'));
        // What a try may read: the address's longest, and one byte more to
        // tell that it would go on (then it is none).
        let run = &bytes[..end.min(p + MAX_ADDRESS_BYTES + 1)];
        let found = if boundary {
            url_at(run, p).or_else(|| email_at(run, p)).or_else(|| domain_at(run, p)).or_else(|| path_at(run, p))
        } else {
            None
        };
        match found {
            Some(e) if e > p && e - p <= MAX_ADDRESS_BYTES => {
                spans.push(p..e);
                p = e;
            }
            // Longer than an address: none starts anywhere in this stretch
            // of address bytes (a try from inside it would find a tail of it).
            Some(e) if e > p => p = scan(&bytes[..end], p, |b| is_url_byte(b) || b == b'\\'),
            _ => p += 1,
        }
    }
}

/// `scheme://…`: the end of a URL that starts at `p`.
fn url_at(s: &[u8], p: usize) -> Option<usize> {
    let mut i = p;
    while i < s.len() && (s[i].is_ascii_alphanumeric() || matches!(s[i], b'+' | b'-' | b'.')) {
        i += 1;
    }
    let scheme = &s[p..i];
    let has_scheme = (2..=10).contains(&scheme.len()) && scheme[0].is_ascii_alphabetic();
    if !has_scheme || !s[i..].starts_with(b"://") || i + 3 >= s.len() || !is_url_byte(s[i + 3]) {
        return None;
    }
    Some(url_end(s, p, i + 3))
}

/// `www.example.com/…` or `example.com/…` (a known top-level domain): the
/// end of the address that starts at `p`.
fn domain_at(s: &[u8], p: usize) -> Option<usize> {
    let end = domain_end(s, p)?;
    let host = &s[p..end];
    let last = host.rsplit(|&b| b == b'.').next()?;
    let known = host.starts_with(b"www.") || TOP_LEVEL_DOMAINS.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(last));
    // Followed by letters (`example.com的` is fine, `node.json5` no domain).
    if !known || s.get(end).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'@') {
        return None;
    }
    Some(if matches!(s.get(end), Some(b'/' | b':')) { url_end(s, p, end) } else { end })
}

/// `name@example.com`: the end of an e-mail address that starts at `p`.
fn email_at(s: &[u8], p: usize) -> Option<usize> {
    let mut i = p;
    while i < s.len() && (s[i].is_ascii_alphanumeric() || matches!(s[i], b'.' | b'_' | b'%' | b'+' | b'-')) {
        i += 1;
    }
    if i == p || s.get(i) != Some(&b'@') {
        return None;
    }
    let end = domain_end(s, i + 1)?;
    let last = s[i + 1..end].rsplit(|&b| b == b'.').next()?;
    (last.len() >= 2 && last.iter().all(u8::is_ascii_alphabetic)).then_some(end)
}

/// The end of a host name (labels of letters, digits and `-` joined by
/// dots, at least two) that starts at `p`.
fn domain_end(s: &[u8], p: usize) -> Option<usize> {
    let mut i = p;
    let mut labels = 0;
    loop {
        let label_start = i;
        while i < s.len() && (s[i].is_ascii_alphanumeric() || s[i] == b'-') {
            i += 1;
        }
        if i == label_start {
            return None;
        }
        labels += 1;
        if s.get(i) == Some(&b'.') && s.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        } else {
            break;
        }
    }
    (labels >= 2).then_some(i)
}

/// A file path that starts at `p`: `/usr/local/…` (two parts at least),
/// `~/…`, `./…`, `../…`, `C:\…`, or `docs/notes.md` (parts ending in a
/// file name with an extension).
fn path_at(s: &[u8], p: usize) -> Option<usize> {
    let rest = &s[p..];
    let drive = rest.len() > 3 && rest[0].is_ascii_alphabetic() && rest[1] == b':' && rest[2] == b'\\';
    if drive {
        let end = scan(s, p + 3, |b| is_path_byte(b) || b == b'\\');
        return (end > p + 3).then_some(trim_end(s, p, end));
    }
    let anchored = rest.starts_with(b"~/") || rest.starts_with(b"./") || rest.starts_with(b"../");
    let scanned = scan(s, p, is_path_byte);
    if scanned > p + MAX_ADDRESS_BYTES {
        // Read to the end of what a try may read: too long for a path (the
        // caller skips the stretch; a run of base64 is tried once, not at
        // each of its `/`).
        return Some(scanned);
    }
    let end = trim_end(s, p, scanned);
    let path = &s[p..end];
    if path.windows(2).any(|w| w == b"//") {
        return None;
    }
    let parts: Vec<&[u8]> = path.split(|&b| b == b'/').filter(|part| !part.is_empty()).collect();
    let has_letters = |part: &&[u8]| part.iter().any(u8::is_ascii_alphabetic);
    if anchored && path.len() > 2 {
        return Some(end);
    }
    if path.first() == Some(&b'/') {
        return (parts.len() >= 2 && parts.iter().all(has_letters)).then_some(end);
    }
    let file_name = parts.last().filter(|_| parts.len() >= 2 && path.contains(&b'/'))?;
    let extension = file_name.rsplit(|&b| b == b'.').next().filter(|_| file_name.contains(&b'.'))?;
    let is_extension = (1..=5).contains(&extension.len()) && extension[0].is_ascii_alphabetic();
    (is_extension && parts.iter().all(has_letters)).then_some(end)
}

fn is_path_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'_' | b'-' | b'~' | b'+' | b'%' | b'=' | b'@' | b'#')
}

/// Bytes a URL may hold, as written in text (quotes, angle brackets,
/// backquotes, pipes and backslashes end it).
fn is_url_byte(b: u8) -> bool {
    is_printable(b) && !matches!(b, b'<' | b'>' | b'"' | b'`' | b'|' | b'\\' | b'{' | b'}' | b'^' | b'\'')
}

fn scan(s: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    let mut i = from;
    while i < s.len() && keep(s[i]) {
        i += 1;
    }
    i
}

/// The end of a URL whose address part starts at `from`.
fn url_end(s: &[u8], start: usize, from: usize) -> usize {
    trim_end(s, start, scan(s, from, is_url_byte))
}

/// `end`, before the punctuation that closes the sentence or the brackets
/// around an address: trailing `.,;:!?*_~` and a closing bracket with no
/// opening one in the address.
fn trim_end(s: &[u8], start: usize, mut end: usize) -> usize {
    // The address's brackets are counted once and the count kept as it
    // shrinks (only closing ones are ever trimmed): counted again for each
    // trimmed byte, a link followed by 200,000 `)` took 34 s.
    let count = |b: u8| s[start..end].iter().filter(|&&c| c == b).count();
    let (open_round, open_square) = (count(b'('), count(b'['));
    let (mut close_round, mut close_square) = (count(b')'), count(b']'));
    while end > start {
        let trimmed = match s[end - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'*' | b'_' | b'~' => true,
            b')' if open_round < close_round => {
                close_round -= 1;
                true
            }
            b']' if open_square < close_square => {
                close_square -= 1;
                true
            }
            _ => false,
        };
        if !trimmed {
            break;
        }
        end -= 1;
    }
    end
}

/// Top-level domains that make a bare host name (`github.com`) an address:
/// the generic ones and the country codes Chinese texts name most. A name
/// such as `Node.js` or `README.md` is none.
const TOP_LEVEL_DOMAINS: [&str; 22] = [
    "com", "org", "net", "edu", "gov", "io", "dev", "app", "info", "cn", "hk", "tw", "mo", "jp", "uk", "us", "de",
    "fr", "ru", "co", "ai", "me",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        address_spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn urls_end_at_han_characters_spaces_and_closing_punctuation() {
        assert_eq!(found("详见https://sqlite.org/wasm/doc/index.md的说明"), ["https://sqlite.org/wasm/doc/index.md"]);
        assert_eq!(found("[开源](https://github.com/example/weekly)，欢迎"), ["https://github.com/example/weekly"]);
        assert_eq!(found("(see https://en.wikipedia.org/wiki/Tea_(drink)). Next"), ["https://en.wikipedia.org/wiki/Tea_(drink)"]);
        assert_eq!(found("<https://a.example.com/x?id=42&from=weekly>"), ["https://a.example.com/x?id=42&from=weekly"]);
        assert_eq!(found("ftp://files.example.org/pub, then"), ["ftp://files.example.org/pub"]);
    }

    #[test]
    fn bare_domains_emails_and_paths() {
        assert_eq!(found("在 github.com 上，或 www.example.cn/a/b。"), ["github.com", "www.example.cn/a/b"]);
        assert_eq!(found("写信到 editor@weekly-example.com 交流"), ["editor@weekly-example.com"]);
        assert_eq!(found("放在 /usr/local/share/weekly/ 目录下"), ["/usr/local/share/weekly/"]);
        assert_eq!(found("在 C:\\Users\\reader\\weekly 目录"), ["C:\\Users\\reader\\weekly"]);
        assert_eq!(found("查看 `docs/CONTRIBUTING.md` 文件，运行 ./scripts/build.js 和 ~/bin"), [
            "docs/CONTRIBUTING.md",
            "./scripts/build.js",
            "~/bin"
        ]);
    }

    #[test]
    fn words_numbers_and_dates_are_no_addresses() {
        for text in ["Node.js 和 Vue.js", "README.md", "TCP/IP 协议", "2024/03/07", "1/2", "km/h", "和/或", "e.g.", "3.14", "A & B <tag>", "10:30"] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn an_address_is_at_most_max_address_bytes_long() {
        let url = |length: usize| format!("https://a.com/{}", "x".repeat(length - "https://a.com/".len()));
        let longest = url(MAX_ADDRESS_BYTES);
        assert_eq!(found(&format!("见{longest}。")), [longest.as_str()]);
        // One byte longer: no address (a data URL or a dump of base64 is none).
        let too_long = format!("见{}。", url(MAX_ADDRESS_BYTES + 1));
        assert!(found(&too_long).is_empty(), "a data URL or a dump of base64 is none: {:?}", found(&too_long));
        // After a run too long to be one, an address of its own is still found.
        let text = format!("{} https://b.com/x", "a/".repeat(5_000));
        assert_eq!(found(&text), ["https://b.com/x"]);
    }

    #[test]
    fn closing_brackets_after_an_address_are_trimmed_one_count_kept() {
        // Each trimmed bracket used to count the address's brackets again.
        assert_eq!(found(&format!("https://a.com/x(1){}", ")".repeat(1_000))), ["https://a.com/x(1)"]);
        assert_eq!(found(&format!("https://a.com/[y]{}", "]".repeat(1_000))), ["https://a.com/[y]"]);
    }
}
