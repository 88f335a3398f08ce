//! Part-of-speech tags for words jieba's dictionary does not know.
//!
//! jieba-rs tags such a word with the compound HMM of Python's
//! `jieba.posseg` (states are a position, B/M/E/S, with a tag), but only when
//! built with its embedded data. Ciyan builds jieba-rs without it and loads
//! the same model from its own dictionary file, so this module runs the
//! same Viterbi search, with the same tie-breaking, to give the same tags.

/// jieba's stand-in for log(0).
pub(crate) const MIN_FLOAT: f64 = -3.14e100;
const NUM_POS: usize = 4; // B = 0, M = 1, E = 2, S = 3
const NUM_TAGS: usize = 64;
pub(crate) const NUM_STATES: usize = NUM_POS * NUM_TAGS;
/// The positions that may precede each position: B and S follow E or S;
/// M and E follow B or M. The transition table holds no other pairs.
const PREV_POS: [[usize; 2]; NUM_POS] = [[2, 3], [0, 1], [0, 1], [2, 3]];
/// Characters below this have their row in a direct index.
const DIRECT: usize = 0x1_0000;

/// The states one character can take: a range of [`PosModel::states`],
/// grouped by position (`start + bounds[p]..start + bounds[p + 1]`).
#[derive(Debug, Clone, Copy, Default)]
struct Row {
    start: u32,
    bounds: [u16; NUM_POS + 1],
}

/// The compound HMM: 64 tags × 4 positions.
#[derive(Debug)]
pub(crate) struct PosModel {
    tags: Vec<String>,
    start: Vec<f64>,
    /// `trans[to * NUM_STATES + from]`.
    trans: Vec<f64>,
    /// Each character's states, ascending, and their emission log-probs.
    states: Vec<u8>,
    emits: Vec<f64>,
    rows: Vec<Row>,
    /// Row of each character below [`DIRECT`]; 0 is the empty row.
    direct: Vec<u16>,
    other: rustc_hash::FxHashMap<char, u16>,
}

impl PosModel {
    /// A model with `tags` and every probability log(0).
    pub(crate) fn new(tags: Vec<String>) -> Self {
        PosModel {
            tags,
            start: vec![MIN_FLOAT; NUM_STATES],
            trans: vec![MIN_FLOAT; NUM_STATES * NUM_STATES],
            states: Vec::new(),
            emits: Vec::new(),
            rows: vec![Row::default()],
            direct: vec![0; DIRECT],
            other: Default::default(),
        }
    }

    pub(crate) fn tag_count(&self) -> usize {
        self.tags.len()
    }

    pub(crate) fn set_start(&mut self, state: usize, log_prob: f64) {
        self.start[state] = log_prob;
    }

    pub(crate) fn set_trans(&mut self, from: usize, to: usize, log_prob: f64) {
        self.trans[to * NUM_STATES + from] = log_prob;
    }

    /// Adds the row of `ch`: its states, ascending, with their emissions.
    pub(crate) fn add_row(&mut self, ch: char, states: &[u8], emits: impl Iterator<Item = f64>) {
        let mut bounds = [0u16; NUM_POS + 1];
        for pos in 0..NUM_POS {
            bounds[pos + 1] = states.partition_point(|&s| s as usize / NUM_TAGS <= pos) as u16;
        }
        let row = self.rows.len() as u16;
        self.rows.push(Row { start: self.states.len() as u32, bounds });
        self.states.extend_from_slice(states);
        self.emits.extend(emits);
        if (ch as usize) < DIRECT {
            self.direct[ch as usize] = row;
        } else {
            self.other.insert(ch, row);
        }
    }

    fn row(&self, ch: char) -> Row {
        let row =
            if (ch as usize) < DIRECT { self.direct[ch as usize] } else { self.other.get(&ch).copied().unwrap_or(0) };
        self.rows[row as usize]
    }

    /// The states of `row` with position `pos` (or all, for `None`), each
    /// with its emission.
    fn candidates(&self, row: Row, pos: Option<usize>) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (from, to) = match pos {
            Some(p) => (row.bounds[p], row.bounds[p + 1]),
            None => (0, row.bounds[NUM_POS]),
        };
        let range = row.start as usize + from as usize..row.start as usize + to as usize;
        self.states[range.clone()].iter().map(|&s| s as usize).zip(self.emits[range].iter().copied())
    }

    fn tag_of(&self, state: usize) -> &str {
        &self.tags[state % NUM_TAGS]
    }

    /// The tag of an out-of-vocabulary word: the tag of the longest word
    /// the HMM finds in it (the last of equal length), or `x`.
    pub(crate) fn guess_tag(&self, word: &str) -> &str {
        let mut best: Option<(usize, &str)> = None;
        self.spans(word, |start, end, tag| {
            if best.map_or(true, |(len, _)| end - start >= len) {
                best = Some((end - start, tag));
            }
        });
        best.map_or("x", |(_, tag)| tag)
    }

    /// Runs the Viterbi search over `text` and gives each word it finds,
    /// as a byte range with its tag, to `emit`, in order.
    fn spans<'m>(&'m self, text: &str, mut emit: impl FnMut(usize, usize, &'m str)) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let Some(&(last_at, last_char)) = chars.last() else {
            return;
        };
        let end = last_at + last_char.len_utf8();
        let n = chars.len();

        if n == 1 {
            let mut best: Option<(f64, usize)> = None;
            for (s, em) in self.candidates(self.row(chars[0].1), Some(3)) {
                let p = self.start[s] + em;
                if p > MIN_FLOAT && best.map_or(true, |(bp, _)| p >= bp) {
                    best = Some((p, s));
                }
            }
            emit(0, end, best.map_or("x", |(_, s)| self.tag_of(s)));
            return;
        }

        // The reachable states at each step (ascending, so grouped by
        // position) with their scores, and each step's back-pointers.
        let mut live: Vec<(usize, f64)> = self
            .candidates(self.row(chars[0].1), None)
            .map(|(s, em)| (s, self.start[s] + em))
            .filter(|&(_, p)| p > MIN_FLOAT)
            .collect();
        let mut back: Vec<u16> = vec![u16::MAX; n * NUM_STATES];
        let mut next: Vec<(usize, f64)> = Vec::new();
        for t in 1..n {
            if live.is_empty() {
                break;
            }
            let groups = position_groups(&live);
            next.clear();
            for (s, em) in self.candidates(self.row(chars[t].1), None) {
                let mut best = (MIN_FLOAT, u16::MAX);
                for &pp in &PREV_POS[s / NUM_TAGS] {
                    for &(ps, pv) in &live[groups[pp]..groups[pp + 1]] {
                        let tp = self.trans[s * NUM_STATES + ps];
                        if tp <= MIN_FLOAT {
                            continue;
                        }
                        let p = pv + tp + em;
                        if p > best.0 {
                            best = (p, ps as u16);
                        }
                    }
                }
                back[t * NUM_STATES + s] = best.1;
                if best.0 > MIN_FLOAT {
                    next.push((s, best.0));
                }
            }
            std::mem::swap(&mut live, &mut next);
        }
        if live.is_empty() {
            emit(0, end, "x");
            return;
        }

        // The best final state ends a word (E or S).
        let groups = position_groups(&live);
        let mut best = (MIN_FLOAT, usize::MAX);
        for pos in [2, 3] {
            for &(s, p) in &live[groups[pos]..groups[pos + 1]] {
                if p > best.0 {
                    best = (p, s);
                }
            }
        }
        if best.1 == usize::MAX {
            emit(0, end, "x");
            return;
        }
        let mut path = vec![0usize; n];
        path[n - 1] = best.1;
        for t in (1..n).rev() {
            path[t - 1] = back[t * NUM_STATES + path[t]] as usize;
        }

        let mut word_start = 0;
        let mut last_end = None;
        for (t, &s) in path.iter().enumerate() {
            let next_at = chars.get(t + 1).map_or(end, |&(at, _)| at);
            match s / NUM_TAGS {
                0 => word_start = chars[t].0,
                2 => {
                    emit(word_start, next_at, self.tag_of(s));
                    last_end = Some(next_at);
                }
                3 => {
                    emit(chars[t].0, next_at, self.tag_of(s));
                    last_end = Some(next_at);
                }
                _ => {}
            }
        }
        match last_end {
            None => emit(0, end, "x"),
            Some(at) if at < end => emit(at, end, "x"),
            Some(_) => {}
        }
    }
}

/// Where each position's states start in `live` (ascending by state).
fn position_groups(live: &[(usize, f64)]) -> [usize; NUM_POS + 1] {
    let mut groups = [0; NUM_POS + 1];
    for pos in 0..NUM_POS {
        groups[pos + 1] = live.partition_point(|&(s, _)| s / NUM_TAGS <= pos);
    }
    groups
}

/// Whether jieba-rs would ask the HMM for the tag of a word with `c`: the
/// CJK ideograph blocks.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}'
        | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}'
        | '\u{2CEB0}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}')
}
