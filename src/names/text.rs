//! People found in the text itself: what a reader sees without a
//! dictionary. A person is addressed (阿Q, 祥林嫂, 柳妈, 鲁四老爷, 老栓) and
//! acts (闰土说, 老残道, 七斤叹): the strings before speech and action verbs
//! and around address and kinship forms, counted in the text, are the
//! candidates; those that recur and act, or recur as an address form, are
//! people. jieba cuts most of these names apart (闰/土, 单四/嫂子, 七斤/m),
//! so they are found in the characters, not in the tokens.

use std::collections::{HashMap, HashSet};

/// Verbs that, right after a string, say that it speaks or acts as a person
/// (one adverb of [`ADVERBS`] may stand between).
const VERBS: &[&str] = &[
    "说", "道", "笑", "问", "想", "曰", "叹", "哭", "答", "叫", "喊", "骂", "嚷", "走", "听", "看", "吃", "睡",
    "点头", "摇头", "站", "坐", "接", "拿", "表示", "指出", "强调", "认为", "大怒", "大喜", "大惊",
];

/// What only a person has, after 的 (方玄绰的太太, 赵太爷的儿子, 阿Q的脸):
/// evidence as good as a verb after the name.
const PERSONAL: &[&str] = &[
    "的母亲", "的父亲", "的妻子", "的太太", "的老婆", "的儿子", "的女儿", "的脸", "的眼睛", "的嘴", "的手里",
    "的手上", "的心里",
];

/// Adverbs that may stand between a name and its verb (老栓便说, 闰土也笑).
const ADVERBS: &str = "便也就又却才都只还忽";

/// Address and kinship forms after a name, longest first (祥林嫂, 柳妈,
/// 卫老婆子, 四婶, 鲁四老爷, 赵七爷, 贺老六 is a prefix form); a surname's
/// titles of rank in a household (赵太爷, 方太太, 钱先生).
const SUFFIXES: &[&str] = &[
    "老婆子", "老太太", "奶奶", "老爷", "老太", "少爷", "太爷", "太太", "先生", "公公", "嫂子", "大妈", "大叔", "大爷", "大娘", "二嫂",
    "婆子", "嫂", "妈", "婶", "叔", "伯", "爷", "姑", "娘", "哥", "姐", "婆", "公", "翁", "儿",
];

/// Address forms before a name (阿Q, 老栓, 小栓, 老殘 in simplified).
const PREFIXES: &[&str] = &["阿", "老", "小"];

/// Words of address form that name no one (老师, 小姐, 阿姨 …).
const COMMON_ADDRESS: &[&str] = &[
    "老师", "老人", "老子", "老婆", "老太", "老爷", "老板", "老头", "老虎", "老鼠", "老家", "老大", "老二", "老三",
    "老兄", "老弟", "老乡", "老实", "老是", "老天", "老者", "老百姓", "老太太", "老年", "老鹰", "老娘", "老妈",
    "老爹", "老汉", "老夫", "老翁", "老婆子", "老头子", "老爷子", "小姐", "小孩", "小子", "小鬼", "小人", "小心",
    "小时", "小说", "小儿", "小孩子", "小东西", "小伙子", "小弟", "小妹", "小的", "小生", "阿姨", "阿爹", "阿妈",
    "阿哥", "阿姐", "阿婆", "阿公", "大妈", "大叔", "大爷", "大娘", "二嫂", "嫂子", "奶奶", "公公", "婆婆", "婆子",
    "少爷", "姑娘", "姑姑", "叔叔", "伯伯", "哥哥", "姐姐", "爷爷", "娘娘", "太太", "老太婆", "先生", "主人",
    "母亲", "父亲", "妻子", "丈夫", "儿子", "女儿", "孩子", "大家", "众人", "别人", "客人", "女人", "男人", "老爷们",
    "孩儿", "婴儿", "小儿", "儿子", "女儿", "老先生", "老太爷", "小先生", "中方", "美方", "双方", "各方", "对方", "我方", "外方", "俄方",
];

/// Characters no name has in it: function words (等 closes a list: 补偿等),
/// pronouns, and the verbs that end the strings looked at. A numeral may be part of a name (七斤,
/// 单四嫂子, 八一嫂).
const NOT_IN_NAMES: &str = "的了是在和与及等我你他她它们这那也都就便又却说道着把被给对向个不有没人么呢吗啊呀吧\
上下里中来去得地之其所而以于为乃曰云谓笑问答叹想看听走叫哭骂喊要会能可将已再还才只很最更太从到过时候么样些每各\
此彼谁何哪怎甚啥自己吾汝尔余朕孤寡某今昨明年月日";

/// Whether `word` starts with a numeral (七斤, 九斤: names of villagers);
/// not 一 (一面, 一边 are adverbs).
fn numeral(word: &str) -> bool {
    word.chars().next().is_some_and(|c| "二三四五六七八九十".contains(c))
}

/// A string of the text found as a person, with how often the text has it
/// and the shorter strings that are forms of it (四老爷 of 鲁四老爷).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextPerson {
    pub word: String,
    pub count: usize,
    pub acts: usize,
    /// Shorter forms (each a part of `word`), with their counts outside it.
    pub forms: Vec<(String, usize)>,
}

fn is_name_char(c: char) -> bool {
    (('\u{4e00}'..='\u{9fff}').contains(&c) && !NOT_IN_NAMES.contains(c)) || c.is_ascii_uppercase()
}

/// Titles next to a name (习近平主席, 总统拜登).
const TITLES: &[&str] = &[
    "主席", "总统", "总理", "首相", "先生", "女士", "同志", "部长", "外长", "大使", "秘书长", "教授", "将军", "丞相", "太守",
];

/// Words before a place (在伊拉克, 赴美, 访问日本) and after one (伊拉克政府,
/// 日本首相, 伊拉克境内): a name used so is a place, whatever jieba's tag
/// (its dictionary tags 伊拉克, 阿里 and 阿布哈兹 `nrt`, a transliterated
/// person's name). Not 对 or 向: 对他说, 向老栓 are people too.
const BEFORE_PLACE: &[&str] = &["在", "到", "去", "从", "赴", "访问", "抵达", "前往", "来自", "位于", "离开", "回到"];
const AFTER_PLACE: &[&str] = &[
    "政府", "总统", "总理", "首相", "外长", "国王", "当局", "境内", "国内", "方面", "局势", "问题", "人民", "军队", "首都",
    "边境", "地区", "全境", "各地", "一带", "驻", "通讯社", "外交", "大使", "使馆", "冲突", "自治", "战争", "独立", "省",
    "市", "县",
];

/// How often `word` is used as a place in `text` (see [`BEFORE_PLACE`]).
/// A person's home is no place use: 到老栓家, 从鲁四老爷那里.
pub(crate) fn place_uses(text: &str, word: &str) -> usize {
    text.match_indices(word)
        .filter(|&(at, _)| {
            let before = &text[..at];
            let after = &text[at + word.len()..];
            let home = ["家", "那里", "这里", "那儿", "这儿", "身边"].iter().any(|h| after.starts_with(h));
            !home
                && (BEFORE_PLACE.iter().any(|p| before.ends_with(p)) || AFTER_PLACE.iter().any(|p| after.starts_with(p)))
        })
        .count()
}

/// Whether most uses of `s` make a dictionary word with the character after
/// them (航空公 + 司).
fn right_glued(text: &str, s: &str, is_word: &impl Fn(&str) -> bool) -> bool {
    let (mut uses, mut glued) = (0, 0);
    for (at, _) in text.match_indices(s) {
        uses += 1;
        let end = at + s.len();
        if let Some(c) = text[end..].chars().next() {
            if is_word(&text[at..end + c.len_utf8()]) {
                glued += 1;
            }
        }
    }
    glued * 5 >= uses * 3 && uses > 0
}

/// Whether `word` stands next to a title at least once.
pub(crate) fn titled(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let after = &text[at + word.len()..];
        let before = &text[..at];
        TITLES.iter().any(|t| after.starts_with(t) || before.ends_with(t))
    })
}

/// How often `word` stands in `text`, and how often a verb follows it.
/// `is_word` says whether the dictionary has a word: a verb that makes one
/// with the character before it is none (思想, 提问, 回答). The definition
/// [`uses_of_all`] computes for every string at once.
#[cfg(test)]
pub(crate) fn uses(text: &str, word: &str, is_word: &impl Fn(&str) -> bool) -> (usize, usize) {
    let (mut count, mut acts) = (0, 0);
    for (at, _) in text.match_indices(word) {
        count += 1;
        if acts_at(text, at + word.len(), is_word) {
            acts += 1;
        }
    }
    (count, acts)
}

/// Whether a verb follows a use of a string that ends at byte `end` of
/// `text` (see [`uses`]).
fn acts_at(text: &str, end: usize, is_word: &impl Fn(&str) -> bool) -> bool {
    let mut rest = &text[end..];
    if let Some(c) = rest.chars().next() {
        if ADVERBS.contains(c) {
            rest = &rest[c.len_utf8()..];
        }
    }
    let last = text[..end].chars().next_back().map(|c| &text[end - c.len_utf8()..]);
    let glued = last
        .is_some_and(|l| VERBS.iter().any(|v| rest.starts_with(v) && is_word(&l[..l.len() - rest.len() + v.len()])));
    !glued && acts_after(rest)
}

/// What [`uses`] and [`is_fragment`] say of each of `candidates`, found in
/// one pass over `text` (a search per candidate took a novel's time to the
/// square: 16 s for 红楼梦): (count, acts, whether it is a fragment).
/// Uses do not overlap, as `match_indices` finds them.
pub(crate) fn uses_of_all<'t>(
    text: &str,
    candidates: impl Iterator<Item = &'t str>,
    is_word: &impl Fn(&str) -> bool,
) -> HashMap<&'t str, (usize, usize, bool)> {
    struct Uses {
        count: usize,
        acts: usize,
        next_free: usize,
        before: HashMap<char, usize>,
    }
    let mut found: HashMap<&str, Uses> = HashMap::new();
    let mut lengths = (usize::MAX, 0);
    for c in candidates {
        let n = c.chars().count();
        lengths = (lengths.0.min(n), lengths.1.max(n));
        found.insert(c, Uses { count: 0, acts: 0, next_free: 0, before: HashMap::new() });
    }
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut previous: Option<char> = None;
    for (k, &at) in starts.iter().enumerate().take(starts.len() - 1) {
        for n in lengths.0..=lengths.1 {
            let Some(&end) = starts.get(k + n) else { break };
            let Some(uses) = found.get_mut(&text[at..end]) else { continue };
            if at < uses.next_free {
                continue;
            }
            uses.next_free = end;
            uses.count += 1;
            if acts_at(text, end, is_word) {
                uses.acts += 1;
            }
            if let Some(c) = previous.filter(|&c| is_name_char(c)) {
                *uses.before.entry(c).or_insert(0) += 1;
            }
        }
        previous = text[at..].chars().next();
    }
    found
        .into_iter()
        .map(|(s, u)| {
            let fragment = u.before.values().any(|&n| n * 5 >= u.count * 3);
            (s, (u.count, u.acts, fragment))
        })
        .collect()
}

/// Whether most uses of `word` have the same name character before it: a
/// part of a longer word (勒斯坦 of 巴勒斯坦, 四嫂子 of 单四嫂子). The
/// definition [`uses_of_all`] computes for every string at once.
#[cfg(test)]
fn is_fragment(text: &str, word: &str, count: usize) -> bool {
    let mut before: HashMap<char, usize> = HashMap::new();
    for (at, _) in text.match_indices(word) {
        if let Some(c) = text[..at].chars().next_back().filter(|&c| is_name_char(c)) {
            *before.entry(c).or_insert(0) += 1;
        }
    }
    before.values().any(|&n| n * 5 >= count * 3)
}

/// Whether `rest` starts with a verb. 道 is also a noun (邦无道, 古之道):
/// it says that someone speaks only before what is said (老残道：).
fn acts_after(rest: &str) -> bool {
    VERBS.iter().any(|v| {
        rest.starts_with(v) && (*v != "道" || rest[v.len()..].starts_with(['：', ':', '「', '“']))
    })
}

/// Whether `word` has the shape of an address form (祥林嫂, 王九妈, 阿五),
/// and is not a common word of that shape (老师, 小姐).
pub(crate) fn addressed(word: &str) -> bool {
    !COMMON_ADDRESS.contains(&word)
        && word.chars().count() >= 2
        && (SUFFIXES.iter().any(|s| word.ends_with(s) && word.len() > s.len())
            || PREFIXES.iter().any(|p| word.starts_with(p)))
}

/// The `n` name characters right before byte `end` of `text` (fewer if a
/// character that is no part of a name comes first).
fn before(text: &str, end: usize, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    for (start, c) in text[..end].char_indices().rev().take(n) {
        if !is_name_char(c) {
            break;
        }
        out.push(&text[start..end]);
    }
    out
}

/// People found in `text` (simplified characters): address forms that
/// recur, and strings that recur before a verb. `is_common` says whether
/// the dictionary knows a string as a word that is no name (母亲, 胡子);
/// `is_noun` whether such a word is a noun in this text (子路 is; 一面, a
/// numeral, and 比如, a verb, are not, though 一面说 and 比如说 abound).
pub(crate) fn people(
    text: &str,
    is_common: impl Fn(&str) -> bool,
    is_noun: impl Fn(&str) -> bool,
    is_word: &impl Fn(&str) -> bool,
) -> Vec<TextPerson> {
    // Each candidate string, and whether it has an address form.
    let mut seen: HashMap<&str, bool> = HashMap::new();
    fn add<'t>(s: &'t str, address: bool, seen: &mut HashMap<&'t str, bool>) {
        *seen.entry(s).or_insert(false) |= address;
    }
    for verb in VERBS.iter().chain(PERSONAL) {
        for (at, _) in text.match_indices(verb) {
            let mut end = at;
            if let Some(c) = text[..end].chars().next_back() {
                if ADVERBS.contains(c) {
                    end -= c.len_utf8();
                }
            }
            for s in before(text, end, 4).into_iter().filter(|s| s.chars().count() >= 2) {
                add(s, false, &mut seen);
            }
        }
    }
    for suffix in SUFFIXES {
        for (at, _) in text.match_indices(suffix) {
            for stem in before(text, at, 3) {
                add(&text[at - stem.len()..at + suffix.len()], true, &mut seen);
            }
        }
    }
    for prefix in PREFIXES {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            let mut end = at + prefix.len();
            for c in rest.chars().take(2) {
                if !is_name_char(c) || PREFIXES.iter().any(|p| p.starts_with(c)) {
                    break;
                }
                end += c.len_utf8();
                add(&text[at..end], true, &mut seen);
            }
        }
    }
    // Counted in the text; a candidate is a person if it recurs and acts,
    // or recurs as an address form.
    let mut counted: HashMap<&str, (usize, usize, bool)> = HashMap::new();
    let mut fragments: HashSet<&str> = HashSet::new();
    for (s, (count, acts, fragment)) in uses_of_all(text, seen.keys().copied(), is_word) {
        if count >= 2 {
            counted.insert(s, (count, acts, seen[s]));
            if fragment {
                fragments.insert(s);
            }
        }
    }
    let mut found: Vec<&str> = counted
        .iter()
        .filter(|(&s, _)| !fragments.contains(s) && !VERBS.iter().any(|v| s.ends_with(v)))
        .filter(|(&s, &(count, acts, address))| {
            if COMMON_ADDRESS.contains(&s) || s.chars().all(|c| "一二三四五六七八九十百千两几".contains(c)) {
                return false;
            }
            let person =
                if address { count >= 3 && acts >= 1 || count >= 4 || acts >= 2 } else { acts >= 2 && acts * 10 >= count };
            // A word the dictionary has as no name (母亲, 中方) is no name
            // found here, unless it is an address form that acts (老残) or
            // a numeral that does (七斤, 六斤: numerals are names of
            // villagers).
            // A noun the dictionary has that mostly speaks (子路曰) is a
            // name all the same; a numeral or a verb is not (一面说, 比如说).
            person
                && (!is_common(s)
                    || address && acts >= 3
                    || numeral(s) && acts >= 3
                    || acts >= 5 && acts * 4 >= count && is_noun(s))
        })
        .map(|(&s, _)| s)
        // Most of its uses the first part of a dictionary word (航空公 of
        // 航空公司): a piece, not a name. A place that acts (伊拉克认为) is
        // still a place. (Searched for the few strings left only.)
        .filter(|&s| !right_glued(text, s, is_word) && place_uses(text, s) * 4 < counted[s].0)
        .collect();
    // Left-closed: a string most of whose uses have the same character
    // before it is part of a longer name (四嫂子 of 单四嫂子); right-closed
    // the same way (老栓 is not 老栓便). The shorter is a form of the longer.
    let count_of = |s: &str| counted.get(s).map_or(0, |c| c.0);
    // Longest first; of as long, the most used, then in character order:
    // the order decides which string takes which forms, and the map's
    // order changed from run to run (薛姨妈 was listed as 因薛姨妈 or as
    // 见薛姨妈, 阿里 as a person or not).
    found.sort_by_key(|s| (std::cmp::Reverse(s.len()), std::cmp::Reverse(counted[s].0), *s));
    let mut people: Vec<TextPerson> = Vec::new();
    let mut taken: HashSet<&str> = HashSet::new();
    for &s in &found {
        if taken.contains(s) {
            continue;
        }
        let (count, acts, _) = counted[s];
        // Shorter found strings inside this one that are mostly this one.
        let mut forms = Vec::new();
        for &t in &found {
            if t.len() < s.len() && s.contains(t) && !taken.contains(t) {
                let outside = count_of(t).saturating_sub(count);
                if outside * 2 <= count_of(t) || s.ends_with(t) && t.chars().count() >= 3 {
                    // A part that never stands alone is no form to show.
                    if outside > 0 {
                        forms.push((t.to_string(), outside));
                    }
                    taken.insert(t);
                }
            }
        }
        // A longer string is a name only if it stands on its own often
        // enough against its parts: 是闰土 is not, 单四嫂子 is.
        let shortest_part = found
            .iter()
            .filter(|t| t.len() < s.len() && s.contains(**t) && !forms.iter().any(|(f, _)| f == *t))
            .map(|t| count_of(t))
            .max();
        if shortest_part.is_some_and(|part| count * 3 < part) {
            continue;
        }
        taken.insert(s);
        people.push(TextPerson { word: s.to_string(), count, acts, forms });
    }
    people.sort_by(|a, b| b.count.cmp(&a.count).then(a.word.cmp(&b.word)));
    people
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_used_as_a_place_is_counted_so() {
        let text = "伊拉克认为，美国在伊拉克的行动违法。伊拉克政府表示反对。老栓走到老栓家门口。华大妈说。";
        assert!(right_glued("菲律宾航空公司说，两家航空公司说。", "航空公", &|w: &str| w == "航空公司"));
        assert!(!right_glued("老栓说，老栓便走了。", "老栓", &|w: &str| w == "老栓便"));
        assert_eq!(place_uses(text, "伊拉克"), 2);
        assert_eq!(place_uses(text, "老栓"), 0);
        assert_eq!(place_uses(text, "华大妈"), 0);
    }

    #[test]
    fn address_forms_and_acting_strings_are_people() {
        let text = "祥林嫂说：“我真傻。”祥林嫂叹道：“真的。”柳妈笑道：“你呀。”祥林嫂问：“阿毛呢？”\
                    鲁四老爷皱了眉，四老爷说：“不干净。”四老爷道：“可恶。”四婶说：“放着罢。”\
                    阿毛走了。阿毛哭。闰土说：“老爷。”闰土笑。老师说过。老师说了。胡子很长，胡子白了，胡子乱了。";
        let found = people(text, |w| ["老师", "胡子", "老爷"].contains(&w), |_| true, &|w: &str| w == "老师");
        let words: Vec<&str> = found.iter().map(|p| p.word.as_str()).collect();
        for name in ["祥林嫂", "闰土", "阿毛", "四老爷"] {
            assert!(words.contains(&name), "{name} in {words:?}");
        }
        for word in ["老师", "胡子", "老爷"] {
            assert!(!words.contains(&word), "{word} in {words:?}");
        }
    }

    #[test]
    fn a_numeral_or_a_verb_that_speaks_is_no_person_but_a_noun_is() {
        // 一面说 in 红楼梦, 比如说 in a transcript; 子路曰 in 论语.
        let text = "宝玉一面说，一面走。黛玉一面笑，一面哭。一面说道：“好。”一面问：“谁？”一面叹。一面想。\
                    比如说翻译，比如说客服，比如说写代码，比如说医疗，比如说教育，比如联邦学习。\
                    子路曰：“然。”子路曰：“否。”子路问政。子路曰：“何如？”子路曰：“诺。”子路笑。";
        let common = ["一面", "比如", "子路"];
        let nouns = ["子路"];
        let found = people(text, |w| common.contains(&w), |w| nouns.contains(&w), &|w: &str| w == "比如说");
        let words: Vec<&str> = found.iter().map(|p| p.word.as_str()).collect();
        assert!(words.contains(&"子路"), "{words:?}");
        assert!(!words.contains(&"一面") && !words.contains(&"比如"), "{words:?}");
    }

    #[test]
    fn one_pass_counts_as_a_search_per_string() {
        let text = "祥林嫂说：“我真傻。”祥林嫂叹道。单四嫂子说。单四嫂子哭。四嫂子笑。哈哈哈哈哈。老栓便说，老栓也笑。";
        let is_word = |w: &str| w == "哈哈";
        let strings = ["祥林嫂", "四嫂子", "嫂子", "哈哈", "老栓", "真傻", "单四嫂子"];
        let all = uses_of_all(text, strings.into_iter(), &is_word);
        for s in strings {
            let (count, acts) = uses(text, s, &is_word);
            assert_eq!(all[s], (count, acts, is_fragment(text, s, count)), "{s}");
        }
    }

    #[test]
    fn a_verb_inside_a_word_is_no_act() {
        let is_word = |w: &str| ["思想", "提问"].contains(&w);
        assert_eq!(uses("平外交思想，平外交思想", "平外交思", &is_word), (2, 0));
        assert_eq!(uses("老残道：“走。”老残道：“好。”邦无道，", "老残", &is_word), (2, 2));
        assert_eq!(uses("邦无道，邦无道。", "邦无", &is_word), (2, 0));
    }
}
