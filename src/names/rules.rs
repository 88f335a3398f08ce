//! The rules that set aside what jieba tags as a name but plainly is not
//! one, and the short lists they use (surnames, common words).

use super::{NameKind, SetAsideReason};

/// Why `word`, tagged `tag`, is plainly not a name of `kind`; `None` if it
/// may be one.
pub fn implausible(word: &str, tag: &str, kind: NameKind) -> Option<SetAsideReason> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 2 {
        return Some(SetAsideReason::OneCharacter);
    }
    if NUMERALS.contains(chars[0]) {
        return Some(SetAsideReason::Numeral);
    }
    if chars.len() >= 2 && chars.len() <= 3 && chars.iter().all(|c| COUNTRY_ABBREVIATIONS.contains(*c)) {
        return Some(SetAsideReason::CountryPair);
    }
    let last = *chars.last().expect("two characters or more");
    match kind {
        NameKind::Person => {
            // Two characters ending in 之 are a phrase (古之, 王之), not 王羲之.
            if "化性社部会国党局学派堡岛湖省市县".contains(last)
                || COMMON_NOT_PEOPLE.contains(&word)
                || (chars.len() == 2 && last == '之')
            {
                return Some(SetAsideReason::CommonWord);
            }
            // Transliterated names (nrt) start with anything.
            if tag == "nrt" {
                return (chars.len() > 8).then_some(SetAsideReason::TooLong);
            }
            let compound =
                chars.len() >= 3 && COMPOUND_SURNAMES.contains(&&word[..word.char_indices().nth(2).unwrap().0]);
            if chars.len() > 4 || (chars.len() == 4 && !compound) {
                return Some(SetAsideReason::TooLong);
            }
            if !compound && !SURNAMES.contains(chars[0]) {
                return Some(SetAsideReason::NoSurname);
            }
            None
        }
        NameKind::Place => {
            if "化性".contains(last) || "之入出在于往至到".contains(chars[0]) || COMMON_NOT_PLACES.contains(&word)
            {
                return Some(SetAsideReason::CommonWord);
            }
            if chars.len() == 3 && COMPOUND_SURNAMES.contains(&&word[..word.char_indices().nth(2).unwrap().0]) {
                return Some(SetAsideReason::PersonName);
            }
            None
        }
        NameKind::Organization => {
            if "化性".contains(last) {
                return Some(SetAsideReason::CommonWord);
            }
            None
        }
    }
}

/// Characters that start numeral phrases (二人, 两国, 二十大, 三国).
const NUMERALS: &str = "一二三四五六七八九十百千万两几数双半〇零";

/// Single-character abbreviations of countries and regions, which jieba
/// tags `ns` alone and in pairs (中美, 巴以, 中俄).
const COUNTRY_ABBREVIATIONS: &str = "中美俄日韩朝英法德意欧亚非澳加印巴以伊埃越泰蒙台港澳";

/// Common surnames: about the 250 most common single-character surnames of
/// today's population registers, and those of the classical novels' main
/// families (贾, 薛, 诸葛 …). Surnames that are also common word-initial
/// characters and rare as surnames (安, 全, 惠, 沙, 匡, 普, 阿, 国, 平 …) are
/// left out on purpose: they let too many ordinary words through.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任\
沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢\
齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝游辛靳管柴华\
蒙鲍喻祁蒲房滕屈饶解牟艾尤穆卓吉缪简连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁荣巫寇桑郎甄丛仲虞敖巩\
佘迟邝鞠荆冀郁胥储栗燕楚鄢谌奚粟冼蔺楼闻厉仝郜阚帅屠廉禹祖漆邸雍辜裘亓邰赫杭鲜逯茹诸慕习貂孛钮鄂郦靖滑茅";

/// Two-character surnames (诸葛亮, 司马懿, 欧阳修).
pub(super) const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯",
    "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "东郭", "澹台", "公冶", "太史", "申屠", "万俟", "钟离",
];

/// Words jieba's dictionary tags `nr` that start with a surname but name no
/// one in modern or classical texts.
const COMMON_NOT_PEOPLE: &[&str] = &[
    "高水平",
    "陈旧",
    "文明",
    "宣言",
    "公正",
    "智慧",
    "单一",
    "高达",
    "高度",
    "明白",
    "明显",
    "安全",
    "和平",
    "和谐",
    "黄金",
    "金融",
    "石油",
    "白天",
    "温和",
    "谢谢",
    "成就",
    "成立",
    "方面",
    "方向",
    "时候",
    "江山",
    "常常",
    "于是",
    "左右",
    "管理",
    "乐意",
    "全面",
    "全体",
    "包括",
    "都会",
    "应该",
    "华人",
    "国家",
    "平安",
    "平等",
    "平静",
    "来自",
    "诸侯",
    "黄巾",
    "百姓",
    "将军",
    "丞相",
    "先生",
    "夫人",
    "公子",
    "小姐",
    "老爷",
    "太太",
    "奶奶",
    "姑娘",
    "丫头",
];

/// Words jieba's dictionary tags `ns` that are kinds of places, not places.
const COMMON_NOT_PLACES: &[&str] = &[
    "大国", "小国", "强国", "各国", "本国", "我国", "该国", "外国", "他国", "邻国", "友邦", "国内", "国外", "海外",
    "两岸", "台独", "东方", "西方", "南方", "北方", "中外", "中西", "各地", "当地", "外地", "内地", "全国", "天下",
    "朝廷", "英雄", "上马", "下马", "城中", "城下", "营中", "寨中", "东西", "哥哥", "新鲜", "安顿", "庙里", "古庙",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_non_names_are_set_aside() {
        use NameKind::*;
        use SetAsideReason::*;
        for (word, tag, kind, reason) in [
            ("汝", "nr", Person, OneCharacter),
            ("二人", "nrt", Person, Numeral),
            ("二十大", "nrt", Person, Numeral),
            ("福祉", "nr", Person, NoSurname),
            ("普惠", "nr", Person, NoSurname),
            ("春华秋实", "nr", Person, TooLong),
            ("彭博社", "nr", Person, CommonWord),
            ("单一化", "nr", Person, CommonWord),
            ("大国", "ns", Place, CommonWord),
            ("两国", "ns", Place, Numeral),
            ("中美", "ns", Place, CountryPair),
            ("法治化", "ns", Place, CommonWord),
        ] {
            assert_eq!(implausible(word, tag, kind), Some(reason), "{word}");
        }
        for (word, tag, kind) in [
            ("习近平", "nrfg", Person),
            ("王毅", "nr", Person),
            ("诸葛亮", "nr", Person),
            ("诸葛孔明", "nr", Person),
            ("拜登", "nrt", Person),
            ("曹操", "nr", Person),
            ("巴勒斯坦", "ns", Place),
            ("北京", "ns", Place),
        ] {
            assert_eq!(implausible(word, tag, kind), None, "{word}");
        }
    }
}
