//! Writes Ciyan's dictionary file (see `format.rs`) from jieba-rs's data
//! files. `build.rs` compiles this file on its own, so it uses nothing but
//! `std` and `format.rs`.

use std::collections::{BTreeMap, HashMap};

use super::format::{write_char_code, write_varint, Section, MAGIC, MAX_CHARS, SECTIONS};

/// One word of the file: what the dictionary and the IDF table say of it.
#[derive(Default)]
struct Entry<'a> {
    freq_tag: Option<(u64, &'a str)>,
    idf: Option<&'a str>,
}

/// Packs jieba's `dict.txt` (`word freq tag` lines), `idf.txt` (`word idf`
/// lines) and jieba-rs's `posseg.txt` into one dictionary file.
pub fn pack(dict: &str, idf: &str, posseg: &str) -> Result<Vec<u8>, String> {
    // Byte order is the order of Rust's `str` comparison, which the reader's
    // binary search relies on.
    let mut entries: BTreeMap<&str, Entry> = BTreeMap::new();
    for (n, line) in dict.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let freq = fields.next().map_or(Ok(0), str::parse).map_err(|e| format!("dict.txt line {}: {e}", n + 1))?;
        entries.entry(word).or_default().freq_tag = Some((freq, fields.next().unwrap_or("")));
    }
    for (n, line) in idf.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let value = fields.next().ok_or(format!("idf.txt line {}: no value", n + 1))?;
        value.parse::<f64>().map_err(|e| format!("idf.txt line {}: {e}", n + 1))?;
        entries.entry(word).or_default().idf = Some(value);
    }

    let mut sections: HashMap<Section, Vec<u8>> = HashMap::new();
    let chars = by_use(entries.keys().flat_map(|w| w.chars()));
    if chars.len() > MAX_CHARS {
        return Err(format!("{} distinct characters, more than the format's {MAX_CHARS}", chars.len()));
    }
    let char_rank: HashMap<char, usize> = chars.iter().enumerate().map(|(i, &c)| (c, i)).collect();
    sections.insert(Section::Chars, chars.iter().collect::<String>().into_bytes());

    let mut words = Vec::new();
    let mut previous: Vec<char> = Vec::new();
    for word in entries.keys() {
        let current: Vec<char> = word.chars().collect();
        let shared = current.iter().zip(&previous).take_while(|(a, b)| a == b).count().min(255);
        words.push(shared as u8);
        for c in &current[shared..] {
            write_char_code(&mut words, char_rank[c]);
        }
        words.push(0);
        previous = current;
    }
    sections.insert(Section::Words, words);

    let tag_names = by_use(entries.values().filter_map(|e| e.freq_tag.map(|(_, t)| t)));
    if tag_names.len() > 254 {
        return Err(format!("{} tags, more than the format's 254", tag_names.len()));
    }
    let tag_index: HashMap<&str, usize> = tag_names.iter().enumerate().map(|(i, &t)| (t, i)).collect();
    let idf_values = by_use(entries.values().filter_map(|e| e.idf));
    let idf_index: HashMap<&str, usize> = idf_values.iter().enumerate().map(|(i, &v)| (v, i)).collect();
    let (mut freqs, mut tags, mut idfs) = (Vec::new(), Vec::new(), Vec::new());
    for entry in entries.values() {
        match entry.freq_tag {
            Some((freq, tag)) => {
                write_varint(&mut freqs, freq + 1);
                tags.push(tag_index[tag] as u8 + 1);
            }
            None => {
                write_varint(&mut freqs, 0);
                tags.push(0);
            }
        }
        write_varint(&mut idfs, entry.idf.map_or(0, |v| idf_index[v] as u64 + 1));
    }
    sections.insert(Section::Freqs, freqs);
    sections.insert(Section::Tags, tags);
    sections.insert(Section::TagNames, tag_names.join("\n").into_bytes());
    sections.insert(Section::Idfs, idfs);
    sections.insert(Section::IdfValues, idf_values.join("\n").into_bytes());

    let (head, values, rows) = pack_posseg(posseg)?;
    sections.insert(Section::PosHead, head.into_bytes());
    sections.insert(Section::PosValues, values.into_bytes());
    sections.insert(Section::PosRows, rows);

    let mut out = MAGIC.to_vec();
    for section in SECTIONS {
        let bytes = &sections[&section];
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        out.extend_from_slice(bytes);
    }
    Ok(out)
}

/// The distinct items, most frequent first (ties in order of first sight).
fn by_use<T: Copy + Eq + std::hash::Hash>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut counts: HashMap<T, (usize, usize)> = HashMap::new();
    for item in items {
        let next = counts.len();
        counts.entry(item).or_insert((0, next)).0 += 1;
    }
    let mut distinct: Vec<(T, (usize, usize))> = counts.into_iter().collect();
    distinct.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    distinct.into_iter().map(|(item, _)| item).collect()
}

/// Splits jieba-rs's `posseg.txt` into the text before its `@EMIT` section,
/// the distinct emission values, and the per-character rows.
///
/// A character takes the states of its `@CHAR_STATE` line that have an
/// emission, or, without such a line, every state that has one. A state
/// without an emission scores jieba's `MIN_FLOAT` and can never be chosen,
/// so the rows list only states with an emission.
fn pack_posseg(posseg: &str) -> Result<(String, String, Vec<u8>), String> {
    let emit_at = posseg.find("@EMIT").ok_or("posseg.txt: no @EMIT section")?;
    let state_at = posseg.find("@CHAR_STATE").ok_or("posseg.txt: no @CHAR_STATE section")?;
    let head = posseg[..emit_at].trim_end().to_string();
    let bad = |line: &str| format!("posseg.txt: bad line {line:.60}");
    let state_of = |pos_tag: &str| -> Option<u8> {
        let (pos, tag) = pos_tag.split_once(',')?;
        let state = pos.trim().parse::<usize>().ok()? * 64 + tag.trim().parse::<usize>().ok()?;
        u8::try_from(state).ok()
    };

    let mut emits: BTreeMap<char, BTreeMap<u8, &str>> = BTreeMap::new();
    for line in posseg[emit_at..state_at].lines().skip(1).map(str::trim).filter(|l| !l.is_empty()) {
        let mut parts = line.split('|');
        let state = parts.next().and_then(state_of).ok_or_else(|| bad(line))?;
        for part in parts.map(str::trim).filter(|p| !p.is_empty()) {
            let (ch, value) = part.rsplit_once(',').ok_or_else(|| bad(line))?;
            let ch = ch.chars().next().ok_or_else(|| bad(line))?;
            value.parse::<f64>().map_err(|_| bad(line))?;
            emits.entry(ch).or_default().insert(state, value);
        }
    }
    for line in posseg[state_at..].lines().skip(1).map(str::trim).filter(|l| !l.is_empty()) {
        let mut parts = line.split('|');
        let ch = parts.next().and_then(|c| c.chars().next()).ok_or_else(|| bad(line))?;
        let allowed: Vec<u8> = parts
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(state_of)
            .collect::<Option<_>>()
            .ok_or_else(|| bad(line))?;
        // An empty list means no restriction, as in jieba-rs.
        if !allowed.is_empty() {
            if let Some(row) = emits.get_mut(&ch) {
                row.retain(|state, _| allowed.contains(state));
            }
        }
    }

    let distinct: std::collections::BTreeSet<&str> = emits.values().flat_map(|row| row.values().copied()).collect();
    let mut sorted: Vec<(f64, &str)> = distinct.into_iter().map(|v| (v.parse().unwrap(), v)).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
    let values: Vec<&str> = sorted.into_iter().map(|(_, v)| v).collect();
    let value_index: HashMap<&str, usize> = values.iter().enumerate().map(|(i, &v)| (v, i)).collect();
    let mut rows = Vec::new();
    for (ch, row) in emits.iter().filter(|(_, row)| !row.is_empty()) {
        let mut buf = [0; 4];
        rows.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        write_varint(&mut rows, row.len() as u64);
        rows.extend(row.keys());
        for value in row.values() {
            write_varint(&mut rows, value_index[value] as u64);
        }
    }
    Ok((head, values.join("\n"), rows))
}
