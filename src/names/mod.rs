//! People, places and organisations: the words jieba tags `nr*`, `ns` and
//! `nt`, with what is plainly not a name set aside, and the user's
//! corrections applied.
//!
//! jieba's tags are a weak guide to names: its dictionary tags 文明, 公正,
//! 宣言 and 智慧 `nr`, 大国 and 两国 `ns`, 二人 `nrt`. The checks here are
//! the ones a reader applies without thinking: a Chinese name is two to four
//! characters and starts with a surname; a name is not a numeral phrase, an
//! idiom-like four-character phrase or a word ending in 化 or 性; a place is
//! not 大国 or a pair of country abbreviations (中美, 巴以). Each word set
//! aside says why, so the page can show it and the user can bring it back.
//! `tests/names.rs` measures precision before and after on lists judged by
//! hand.

use serde::{Deserialize, Serialize};

use crate::document::WordCount;

mod rules;
mod text;

pub use rules::implausible;
use rules::COMPOUND_SURNAMES;

/// The three kinds of names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum NameKind {
    /// People: tags `nr`, `nrfg`, `nrt`.
    Person,
    /// Places: tag `ns`.
    Place,
    /// Organisations: tag `nt`.
    Organization,
}

impl NameKind {
    /// The kind jieba's tag gives a word, if any.
    pub fn of_tag(tag: &str) -> Option<NameKind> {
        match tag {
            t if t.starts_with("nr") => Some(NameKind::Person),
            "ns" => Some(NameKind::Place),
            "nt" => Some(NameKind::Organization),
            _ => None,
        }
    }
}

/// The user's corrections of the name lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct NameCorrections {
    /// Words that are no names.
    pub removed: Vec<String>,
    /// Words moved to another list (or put on one: any word of the text).
    pub moved: Vec<MovedName>,
    /// Names with several forms: each form's count goes to the name.
    pub aliases: Vec<Alias>,
    /// Whether words that are plainly not names are kept (the raw tags).
    pub keep_implausible: bool,
}

impl NameCorrections {
    /// Checks every list: at most [`MAX_LIST_WORDS`](crate::limits::MAX_LIST_WORDS)
    /// entries (an alias's forms too), each word one
    /// (see [`crate::limits::word_problem`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`](crate::Error::InvalidOption) naming the list and the first bad word.
    pub fn validate(&self) -> Result<(), crate::Error> {
        use crate::limits::{quoted, word_problem, WordProblem, MAX_LIST_WORDS};
        let list = |name: &str, words: &mut dyn ExactSizeIterator<Item = &String>| {
            if words.len() > MAX_LIST_WORDS {
                return Err(crate::Error::InvalidOption(format!("names {name}: at most {MAX_LIST_WORDS} entries")));
            }
            for (i, word) in words.enumerate() {
                // A name may hold a space (one the user typed); never more than a word's characters.
                if let Some(problem) = word_problem(word.trim()).filter(|p| *p != WordProblem::Space) {
                    return Err(crate::Error::InvalidOption(format!(
                        "names {name}, entry {} \"{}\": {}",
                        i + 1,
                        quoted(word),
                        problem.en()
                    )));
                }
            }
            Ok(())
        };
        list("removed", &mut self.removed.iter())?;
        list("moved", &mut self.moved.iter().map(|m| &m.word))?;
        list("aliases", &mut self.aliases.iter().map(|a| &a.name))?;
        for alias in &self.aliases {
            list("alias forms", &mut alias.forms.iter())?;
        }
        Ok(())
    }
}

/// A word put on another list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MovedName {
    /// The word.
    pub word: String,
    /// The list it belongs on.
    pub kind: NameKind,
}

/// One name and its other forms (孔明 = 诸葛亮 = 孔明曰).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Alias {
    /// The form the list shows.
    pub name: String,
    /// The other forms.
    pub forms: Vec<String>,
}

/// Where a name on a list comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum NameSource {
    /// The tag jieba's dictionary gives the word.
    Dictionary,
    /// A word the dictionary lacks, tagged by jieba's model.
    Model,
    /// The tag the user gave the word in the user dictionary.
    UserDictionary,
    /// The user put the word on this list.
    User,
    /// Found in the text: an address form (祥林嫂, 阿Q) or a string that
    /// recurs and acts as a person (闰土说), whatever the dictionary says.
    Text,
}

/// Why a word tagged as a name is not on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SetAsideReason {
    /// One character (汝, 耶, 巴).
    OneCharacter,
    /// A numeral phrase (二人, 两国, 二十大).
    Numeral,
    /// A Chinese name starts with a surname (文明, 智慧, 普惠).
    NoSurname,
    /// Longer than a name (台湾独立, 春华秋实).
    TooLong,
    /// A word that names a kind of thing (…化, …性, …社, 大国).
    CommonWord,
    /// Two country abbreviations (中美, 巴以).
    CountryPair,
    /// A person's name tagged as a place (夏侯惇).
    PersonName,
    /// Tagged as a person, but the text never has it speak or act, nor gives
    /// it a title (胡子, 鲁镇, 养老 in texts that use them as words).
    NoPersonUse,
    /// The user removed it.
    Removed,
}

/// A name and how often the text names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Name {
    /// The name (for an alias, the form the user chose).
    pub word: String,
    /// Tokens of every form.
    pub count: usize,
    /// jieba's tag of the name's first use.
    pub pos: String,
    /// Where it comes from.
    pub source: NameSource,
    /// Each form with its count, when there is more than one.
    pub forms: Vec<WordCount>,
}

/// A word tagged as a name but not on a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SetAside {
    /// The word.
    pub word: String,
    /// Its count.
    pub count: usize,
    /// Its tag.
    pub pos: String,
    /// The list its tag would put it on.
    pub kind: NameKind,
    /// Why it is not.
    pub reason: SetAsideReason,
}

/// People, places and organisations, most named first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Entities {
    /// People.
    pub people: Vec<Name>,
    /// Places.
    pub places: Vec<Name>,
    /// Organisations.
    pub organizations: Vec<Name>,
    /// Words tagged as names that are not on a list, and why.
    pub set_aside: Vec<SetAside>,
}

/// What the lists need to know of a word beyond its count and tag.
pub(crate) trait NameEvidence {
    /// Whether the user dictionary has the word.
    fn is_user_word(&self, word: &str) -> bool;
    /// Whether jieba's dictionary (or the user's) has the word.
    fn has_word(&self, word: &str) -> bool;
    /// The word in simplified characters (the script of the rules' lists).
    fn normal<'w>(&'w self, word: &'w str) -> &'w str;
    /// Whether the text has the word speak (followed by 曰, 道, 说, 笑道, 表示
    /// …) at least twice: evidence of a person that outweighs a missing
    /// surname (玄德曰, 云长曰: courtesy names have none).
    fn speaks(&self, word: &str) -> bool;
    /// The text the cut read (simplified characters for a traditional
    /// text), where the evidence of people is counted.
    fn text(&self) -> &str;
    /// The text as the user wrote it, character for character the same as
    /// [`NameEvidence::text`] (a name found there is shown as written).
    fn original_text(&self) -> &str;
}

/// Words that, right after a name, say that it speaks or acts as a person.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "曰", "道", "说", "问", "答", "笑", "叹", "云", "笑道", "说道", "问道", "答道", "叹道", "喝道", "大怒", "大喜",
    "大惊", "听了", "表示", "指出", "强调", "认为", "回答", "答曰", "问曰", "谓", "言", "大笑", "听罢", "闻言",
];

/// The name lists of a word list (every word of the precise cut, most
/// frequent first), with `corrections` applied.
pub(crate) fn entities(words: &[WordCount], origin: &impl NameEvidence, corrections: &NameCorrections) -> Entities {
    use std::collections::HashMap;
    let removed: std::collections::HashSet<&str> = corrections.removed.iter().map(String::as_str).collect();
    let moved: HashMap<&str, NameKind> = corrections.moved.iter().map(|m| (m.word.as_str(), m.kind)).collect();
    // People found in the text itself (see `text`), in the text's spelling.
    let text = origin.text();
    let is_word = |s: &str| origin.has_word(s);
    let tag_of: HashMap<&str, &str> = words.iter().map(|w| (origin.normal(&w.word), w.pos.as_str())).collect();
    // Classical Chinese (曰 more than 说): jieba's dictionary knows some of
    // its people as common nouns (子路 n). In a modern text a dictionary
    // noun that speaks is a role (专家说, 教授认为), no name.
    let classical = text.matches('曰').count() > text.matches('说').count();
    let found: Vec<text::TextPerson> = text::people(
        text,
        |s| origin.has_word(s) && !tag_of.get(s).is_some_and(|t| t.starts_with("nr")),
        |s| classical && tag_of.get(s).map_or(true, |t| t.starts_with('n')),
        &is_word,
    )
    .into_iter()
    .map(|mut p| {
        p.word = spelled(origin, &p.word);
        for form in &mut p.forms {
            form.0 = spelled(origin, &form.0);
        }
        p
    })
    .collect();
    // Each form's name, and the name's own entry.
    let mut alias_of: HashMap<&str, &str> = HashMap::new();
    for alias in &corrections.aliases {
        alias_of.insert(&alias.name, &alias.name);
        for form in &alias.forms {
            alias_of.entry(form).or_insert(&alias.name);
        }
    }
    let user_alias: std::collections::HashSet<&str> = alias_of.values().copied().collect();
    // A person found in the text gathers its shorter forms (四老爷 of
    // 鲁四老爷) and the words tagged as people that mostly stand inside it
    // (单四 of 单四嫂子).
    for person in &found {
        alias_of.entry(&person.word).or_insert(&person.word);
        for (form, _) in &person.forms {
            alias_of.entry(form).or_insert(&person.word);
        }
    }
    for w in words {
        if NameKind::of_tag(&w.pos) != Some(NameKind::Person) || alias_of.contains_key(w.word.as_str()) {
            continue;
        }
        if let Some(person) = found.iter().find(|p| p.word.contains(w.word.as_str()) && p.count * 2 >= w.count) {
            alias_of.insert(&w.word, &person.word);
        }
    }
    // jieba glues a name to the character after it (玄德曰, 玄德乃, 玄德见:
    // its dictionary even has many such words, from the classical novels,
    // and its HMM makes more): such a word is a form of the name, and a glued
    // speech verb is evidence that the name speaks. A compound surname is
    // no stem (诸葛亮 is not a form of 诸葛).
    let people: HashMap<&str, ()> = words
        .iter()
        .filter(|w| NameKind::of_tag(&w.pos) == Some(NameKind::Person))
        .map(|w| (w.word.as_str(), ()))
        .collect();
    let mut glued_speech: HashMap<&str, usize> = HashMap::new();
    for w in words {
        if NameKind::of_tag(&w.pos) != Some(NameKind::Person) {
            continue;
        }
        let Some((last_at, last)) = w.word.char_indices().last() else {
            continue;
        };
        let stem = &w.word[..last_at];
        if stem.chars().count() >= 2 && people.contains_key(stem) && !COMPOUND_SURNAMES.contains(&stem) {
            alias_of.entry(&w.word).or_insert(stem);
            // Not 道: 古之道, 王之道 are the Way.
            if "曰说云问答笑叹".contains(last) {
                *glued_speech.entry(stem).or_insert(0) += w.count;
            }
        }
    }
    let speaks = |word: &str| origin.speaks(word) || glued_speech.get(word).is_some_and(|&n| n >= 2);
    // How often each word tagged as a person stands in the text and acts,
    // counted in one pass (a search per word took a novel's time to the
    // square).
    let person_uses = text::uses_of_all(
        text,
        words.iter().filter(|w| NameKind::of_tag(&w.pos) == Some(NameKind::Person)).map(|w| origin.normal(&w.word)),
        &is_word,
    );
    let mut lists: [Vec<Name>; 3] = Default::default();
    let mut set_aside = Vec::new();
    let mut index: HashMap<(NameKind, &str), usize> = HashMap::new();
    for w in words {
        let tagged = NameKind::of_tag(&w.pos);
        let (kind, source) = match (moved.get(w.word.as_str()), tagged) {
            (Some(&kind), _) => (kind, NameSource::User),
            (None, Some(kind)) => {
                let source = if origin.is_user_word(&w.word) {
                    NameSource::UserDictionary
                } else if origin.has_word(&w.word) {
                    NameSource::Dictionary
                } else {
                    NameSource::Model
                };
                (kind, source)
            }
            (None, None) => {
                // A form of an alias counts wherever its name is listed.
                if let Some(name) = alias_of.get(w.word.as_str()) {
                    let found_here = found.iter().any(|p| p.word == *name) && !user_alias.contains(name);
                    (NameKind::Person, if found_here { NameSource::Text } else { NameSource::User })
                } else {
                    continue;
                }
            }
        };
        let mut name = alias_of.get(w.word.as_str()).copied().unwrap_or(&w.word);
        // A glued form of a name that is itself a form of another.
        if let Some(&further) = alias_of.get(name) {
            name = further;
        }
        let reason = if removed.contains(w.word.as_str()) || removed.contains(name) {
            Some(SetAsideReason::Removed)
        } else if matches!(source, NameSource::User | NameSource::Text)
            || corrections.keep_implausible
            || user_alias.contains(name)
            || found.iter().any(|p| p.word == name)
        {
            None
        } else {
            // A glued form (玄德曰) is judged as its name (玄德).
            let word = name;
            implausible(origin.normal(word), &w.pos, kind)
                .filter(|&r| !(r == SetAsideReason::NoSurname && kind == NameKind::Person && speaks(word)))
                .or_else(|| {
                    if kind != NameKind::Person {
                        return None;
                    }
                    // A person acts or is given a title somewhere in the text.
                    let normal = origin.normal(word);
                    let (count, acts, _) = person_uses.get(normal).copied().unwrap_or_default();
                    // Once is no evidence (冷笑, 玄色 are named once each).
                    let used = count >= 2
                        && (speaks(word) || acts > 0 || text::titled(text, normal) || text::addressed(normal));
                    // A country that 认为 and 表示 is still a country: used
                    // as a place in a quarter of its uses or more, it is one.
                    let a_place = || text::place_uses(text, normal) * 4 >= count;
                    (!used || a_place()).then_some(SetAsideReason::NoPersonUse)
                })
        };
        if let Some(reason) = reason {
            set_aside.push(SetAside { word: w.word.clone(), count: w.count, pos: w.pos.clone(), kind, reason });
            continue;
        }
        // An alias's forms go to the list of its first listed form.
        let kind = index.keys().find(|(_, n)| *n == name).map_or(kind, |(k, _)| *k);
        let list = &mut lists[kind as usize];
        match index.get(&(kind, name)) {
            Some(&at) => {
                let entry = &mut list[at];
                entry.count += w.count;
                entry.forms.push(w.clone());
            }
            None => {
                index.insert((kind, name), list.len());
                list.push(Name {
                    word: name.to_string(),
                    count: w.count,
                    pos: w.pos.clone(),
                    source,
                    forms: vec![w.clone()],
                });
            }
        }
    }
    // The people found in the text: counted as the text has them (jieba
    // cuts most of them apart), and listed if no word brought them in.
    for person in &found {
        // Removed by the user, or a form of a name the user gave (凤姐 of
        // 王熙凤), counted there.
        let user_form = alias_of.get(person.word.as_str()).is_some_and(|n| *n != person.word && user_alias.contains(n));
        if removed.contains(person.word.as_str()) || user_form {
            continue;
        }
        let people = &mut lists[NameKind::Person as usize];
        match people.iter_mut().find(|n| n.word == person.word) {
            Some(entry) => entry.count = entry.count.max(person.count),
            None if !index.keys().any(|(_, n)| *n == person.word) => {
                let mut forms = vec![WordCount { word: person.word.clone(), count: person.count, pos: "nr".into() }];
                forms.extend(
                    person.forms.iter().map(|(f, n)| WordCount { word: f.clone(), count: *n, pos: "nr".into() }),
                );
                people.push(Name {
                    word: person.word.clone(),
                    count: person.count + person.forms.iter().map(|f| f.1).sum::<usize>(),
                    pos: "nr".into(),
                    source: NameSource::Text,
                    forms,
                });
            }
            None => {}
        }
    }
    for list in &mut lists {
        for name in list.iter_mut() {
            if name.forms.len() == 1 {
                name.forms.clear();
            }
        }
        // Stable: equal counts keep the order of the word list.
        list.sort_by(|a, b| b.count.cmp(&a.count));
    }
    let [people, places, organizations] = lists;
    Entities { people, places, organizations, set_aside }
}

/// `word` of [`NameEvidence::text`] as the original text spells it (the
/// two have the same characters in the same places).
fn spelled(origin: &impl NameEvidence, word: &str) -> String {
    let (text, original) = (origin.text(), origin.original_text());
    if text.len() == original.len() && std::ptr::eq(text, original) {
        return word.to_string();
    }
    match text.find(word) {
        Some(at) => original.chars().skip(text[..at].chars().count()).take(word.chars().count()).collect(),
        None => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoOrigin;
    impl NameEvidence for NoOrigin {
        fn is_user_word(&self, _: &str) -> bool {
            false
        }
        fn has_word(&self, _: &str) -> bool {
            true
        }
        fn speaks(&self, _: &str) -> bool {
            false
        }
        fn normal<'w>(&'w self, word: &'w str) -> &'w str {
            word
        }
        fn text(&self) -> &str {
            "孔明曰：诸葛亮道：曹操说：汝"
        }
        fn original_text(&self) -> &str {
            self.text()
        }
    }

    fn wc(word: &str, count: usize, pos: &str) -> WordCount {
        WordCount { word: word.into(), count, pos: pos.into() }
    }

    #[test]
    fn corrections_remove_move_and_merge() {
        let words = [
            wc("孔明", 9, "nr"),
            wc("诸葛亮", 5, "nr"),
            wc("孔明曰", 2, "nr"),
            wc("曹操", 8, "nr"),
            wc("荆州", 4, "ns"),
            wc("汝", 7, "nr"),
        ];
        let corrections = NameCorrections {
            removed: vec!["曹操".into()],
            moved: vec![MovedName { word: "荆州".into(), kind: NameKind::Organization }],
            aliases: vec![Alias { name: "诸葛亮".into(), forms: vec!["孔明".into(), "孔明曰".into()] }],
            keep_implausible: false,
        };
        let e = entities(&words, &NoOrigin, &corrections);
        assert_eq!(e.people.len(), 1);
        assert_eq!((e.people[0].word.as_str(), e.people[0].count), ("诸葛亮", 16));
        assert_eq!(e.people[0].forms.iter().map(|f| f.word.as_str()).collect::<Vec<_>>(), ["孔明", "诸葛亮", "孔明曰"]);
        assert_eq!(e.organizations[0].word, "荆州");
        assert_eq!(e.organizations[0].source, NameSource::User);
        assert!(e.places.is_empty());
        let aside: Vec<_> = e.set_aside.iter().map(|s| (s.word.as_str(), s.reason)).collect();
        assert_eq!(aside, [("曹操", SetAsideReason::Removed), ("汝", SetAsideReason::OneCharacter)]);
    }
}
