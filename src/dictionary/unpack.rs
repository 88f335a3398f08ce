//! Reads Ciyan's dictionary file (see `format.rs`).

use super::format::{Section, MAGIC, ONE_BYTE_BASE, ONE_BYTE_RANKS, SECTIONS, TWO_BYTE_FLAG};
use super::idf::Idf;
use super::pos_model::PosModel;
use crate::error::Error;

/// What the file holds besides jieba's dictionary, which [`unpack`] hands
/// over word by word: the IDF table and the POS model.
pub(crate) struct Unpacked {
    pub(crate) idf: Idf,
    pub(crate) pos: PosModel,
}

fn bad(what: impl Into<String>) -> Error {
    Error::BadDictionary(what.into())
}

/// A cursor over one section.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    name: Section,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, Error> {
        let b = *self.bytes.get(self.at).ok_or_else(|| bad(format!("{:?} ends early", self.name)))?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, Error> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(bad(format!("{:?} has a varint that is too long", self.name)))
    }

    fn char(&mut self) -> Result<char, Error> {
        let rest = std::str::from_utf8(&self.bytes[self.at..self.bytes.len().min(self.at + 4)])
            .or_else(|e| std::str::from_utf8(&self.bytes[self.at..self.at + e.valid_up_to()]))
            .map_err(|_| bad(format!("{:?} is not UTF-8", self.name)))?;
        let c = rest.chars().next().ok_or_else(|| bad(format!("{:?} ends early", self.name)))?;
        self.at += c.len_utf8();
        Ok(c)
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

/// Splits the file into its sections.
fn sections(bytes: &[u8]) -> Result<Vec<Reader<'_>>, Error> {
    let mut rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or_else(|| bad("not a Ciyan dictionary of this version"))?;
    let mut readers = Vec::with_capacity(SECTIONS.len());
    for name in SECTIONS {
        let (len, after) = rest.split_first_chunk::<4>().ok_or_else(|| bad(format!("{name:?} is missing")))?;
        let len = u32::from_le_bytes(*len) as usize;
        let section = after.get(..len).ok_or_else(|| bad(format!("{name:?} is cut short")))?;
        readers.push(Reader { bytes: section, at: 0, name });
        rest = &after[len..];
    }
    Ok(readers)
}

fn text<'a>(reader: &Reader<'a>) -> Result<&'a str, Error> {
    std::str::from_utf8(reader.bytes).map_err(|_| bad(format!("{:?} is not UTF-8", reader.name)))
}

fn parse_f64(s: &str, name: Section) -> Result<f64, Error> {
    s.trim().parse().map_err(|_| bad(format!("{name:?} has a bad number {s:.20}")))
}

/// Reads the whole file, giving each dictionary word, in byte order, with
/// its frequency and tag to `add_word`.
pub(crate) fn unpack(bytes: &[u8], mut add_word: impl FnMut(&str, usize, &str)) -> Result<Unpacked, Error> {
    let mut s = sections(bytes)?;
    let chars: Vec<char> = text(&s[0])?.chars().collect();
    let tag_names: Vec<&str> = text(&s[4])?.split('\n').collect();
    let idf_values: Vec<f64> =
        text(&s[6])?.split('\n').map(|v| parse_f64(v, Section::IdfValues)).collect::<Result<_, _>>()?;
    let mut idf_uses = vec![0usize; idf_values.len()];

    // Tags has one byte per word.
    let word_count = s[3].bytes.len();
    let mut idf = Idf::with_capacity(word_count, word_count * 8);
    let [_, words, freqs, tags, _, idfs, ..] = s.as_mut_slice() else { unreachable!() };
    let mut stream = WordStream { chars: &chars, words, freqs, tags, idfs, word: String::new(), bounds: vec![0] };
    while let Some((freq, tag, idf_index)) = stream.next()? {
        if freq > 0 {
            let tag =
                if tag == 0 { "" } else { tag_names.get(tag as usize - 1).ok_or_else(|| bad("Tags names no tag"))? };
            let freq = usize::try_from(freq - 1).map_err(|_| bad("Freqs has a frequency out of range"))?;
            add_word(&stream.word, freq, tag);
        }
        if idf_index > 0 {
            let value = *idf_values.get(idf_index - 1).ok_or_else(|| bad("Idfs names no value"))?;
            idf_uses[idf_index - 1] += 1;
            idf.push(&stream.word, value);
        }
    }
    idf.set_median(idf_values.into_iter().zip(idf_uses).collect());
    let [.., head, values, rows] = s.as_mut_slice() else { unreachable!() };
    Ok(Unpacked { idf, pos: pos_model(head, values, rows)? })
}

/// The words of the file with their columns, one at a time.
struct WordStream<'f, 'a> {
    chars: &'f [char],
    words: &'f mut Reader<'a>,
    freqs: &'f mut Reader<'a>,
    tags: &'f mut Reader<'a>,
    idfs: &'f mut Reader<'a>,
    /// The current word.
    word: String,
    /// Where each character of `word` starts, and its end.
    bounds: Vec<usize>,
}

impl WordStream<'_, '_> {
    /// Moves to the next word: its frequency, tag and IDF fields as stored.
    ///
    /// Never inlined, on purpose: a browser first runs wasm in a baseline
    /// compiler and optimises a function only once it is hot, but a loop
    /// already running never switches. Called once per word, this function
    /// is optimised after the first thousands of words; inlined into the
    /// loop, the whole load would run unoptimised, twice as slow.
    #[inline(never)]
    fn next(&mut self) -> Result<Option<(u64, u8, usize)>, Error> {
        if self.words.done() {
            return Ok(None);
        }
        let shared = self.words.byte()? as usize;
        if shared >= self.bounds.len() {
            return Err(bad("a word shares more characters than the one before has"));
        }
        self.word.truncate(self.bounds[shared]);
        self.bounds.truncate(shared + 1);
        loop {
            let b = self.words.byte()?;
            let rank = match b {
                0 => break,
                b if b >= TWO_BYTE_FLAG => {
                    ONE_BYTE_RANKS + (usize::from(b & !TWO_BYTE_FLAG) << 8 | usize::from(self.words.byte()?))
                }
                b if b >= ONE_BYTE_BASE => usize::from(b - ONE_BYTE_BASE),
                _ => return Err(bad("Words has a bad character code")),
            };
            self.word.push(*self.chars.get(rank).ok_or_else(|| bad("Words names a character Chars does not have"))?);
            self.bounds.push(self.word.len());
        }
        if self.word.is_empty() {
            return Err(bad("Words has an empty word"));
        }
        Ok(Some((self.freqs.varint()?, self.tags.byte()?, self.idfs.varint()? as usize)))
    }
}

fn pos_model(head: &Reader, values: &Reader, rows: &mut Reader) -> Result<PosModel, Error> {
    let head_text = text(head)?;
    let values: Vec<f64> =
        text(values)?.split('\n').map(|v| parse_f64(v, Section::PosValues)).collect::<Result<_, _>>()?;
    let bad_head = |line: &str| bad(format!("PosHead has a bad line {line:.40}"));
    let number = |s: Option<&str>, line: &str| -> Result<usize, Error> {
        s.and_then(|s| s.trim().parse().ok()).ok_or_else(|| bad_head(line))
    };
    let state = |pos_tag: &str| -> Result<usize, Error> {
        let mut parts = pos_tag.splitn(2, ',');
        let state = number(parts.next(), pos_tag)? * 64 + number(parts.next(), pos_tag)?;
        if state < super::pos_model::NUM_STATES {
            Ok(state)
        } else {
            Err(bad_head(pos_tag))
        }
    };

    let mut model: Option<PosModel> = None;
    let mut section = "";
    for line in head_text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if line.starts_with('@') {
            section = line;
            continue;
        }
        match section {
            "@TAGS" => model = Some(PosModel::new(line.split(',').map(|t| t.trim().to_string()).collect())),
            "@START" => {
                let (pos_tag, p) = line.rsplit_once(',').ok_or_else(|| bad_head(line))?;
                let p = parse_f64(p, Section::PosHead)?;
                model.as_mut().ok_or_else(|| bad_head(line))?.set_start(state(pos_tag)?, p);
            }
            "@TRANS" => {
                let mut parts = line.split('|');
                let from = state(parts.next().unwrap_or(""))?;
                let model = model.as_mut().ok_or_else(|| bad_head(line))?;
                for part in parts.map(str::trim).filter(|p| !p.is_empty()) {
                    let (to, p) = part.rsplit_once(',').ok_or_else(|| bad_head(line))?;
                    model.set_trans(from, state(to)?, parse_f64(p, Section::PosHead)?);
                }
            }
            _ => {}
        }
    }
    let mut model = model.ok_or_else(|| bad("PosHead has no @TAGS"))?;
    if model.tag_count() != 64 {
        return Err(bad("PosHead does not have 64 tags"));
    }
    let mut states = Vec::new();
    let mut emits = Vec::new();
    while !rows.done() {
        let ch = rows.char()?;
        let n = rows.varint()? as usize;
        states.clear();
        for _ in 0..n {
            states.push(rows.byte()?);
        }
        if states.windows(2).any(|w| w[0] >= w[1]) {
            return Err(bad("PosRows has states out of order"));
        }
        emits.clear();
        for _ in 0..n {
            emits.push(*values.get(rows.varint()? as usize).ok_or_else(|| bad("PosRows names no value"))?);
        }
        model.add_row(ch, &states, emits.iter().copied());
    }
    Ok(model)
}
