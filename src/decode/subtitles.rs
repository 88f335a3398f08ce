//! The spoken lines of a subtitle file: SubRip (.srt), WebVTT (.vtt) and
//! (Advanced) SubStation Alpha (.ass, .ssa).
//!
//! Cue numbers, timings, cue settings (`align:start position:10%`), header
//! blocks and styling (`<i>`, `<c.yellow>`, `{\an8}`) are dropped. A cue is
//! one line. A speaker the file names (WebVTT's voice `<v 王毅>`, the Name
//! field of an ASS `Dialogue:` line) starts the line as `王毅：`, the form of
//! a transcript's turn, which the structure finds; consecutive cues of one
//! speaker are one turn, one line.

/// Which subtitle format, by the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    SubRip,
    WebVtt,
    SubStation,
}

impl Kind {
    pub(super) fn of_extension(extension: &str) -> Option<Kind> {
        match extension {
            "srt" => Some(Kind::SubRip),
            "vtt" => Some(Kind::WebVtt),
            "ass" | "ssa" => Some(Kind::SubStation),
            _ => None,
        }
    }
}

/// The spoken text of `source`.
pub(super) fn text(source: &str, kind: Kind) -> String {
    let cues = match kind {
        Kind::SubRip | Kind::WebVtt => blocks(source),
        Kind::SubStation => dialogue(source),
    };
    let mut out = String::new();
    let mut last_speaker: Option<String> = None;
    for (speaker, line) in cues {
        if line.is_empty() {
            continue;
        }
        match &speaker {
            Some(name) if last_speaker.as_ref() == Some(name) => {
                join(&mut out, &line);
            }
            Some(name) => {
                out.push_str(if out.is_empty() { "" } else { "\n" });
                out.push_str(name);
                out.push('：');
                out.push_str(&line);
            }
            None => {
                out.push_str(if out.is_empty() { "" } else { "\n" });
                out.push_str(&line);
            }
        }
        last_speaker = speaker;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Appends `more` to a line: nothing between two Chinese characters or
/// punctuation marks, a space between words of a script with spaces.
fn join(out: &mut String, more: &str) {
    let before = out.chars().last().is_some_and(|c| !c.is_ascii());
    let after = more.chars().next().is_some_and(|c| !c.is_ascii());
    if !(before && after) && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
    out.push_str(more);
}

/// The cues of SubRip or WebVTT: blocks between blank lines, each with a
/// timing line; the lines after it are the cue's text. Blocks without a
/// timing (the WEBVTT header, NOTE, STYLE, REGION) are no cues.
fn blocks(source: &str) -> Vec<(Option<String>, String)> {
    let mut cues = Vec::new();
    let mut lines = source.lines().map(|l| l.trim_start_matches('\u{FEFF}').trim_end());
    loop {
        let block: Vec<&str> = lines.by_ref().skip_while(|l| l.trim().is_empty()).take_while(|l| !l.trim().is_empty()).collect();
        if block.is_empty() {
            break;
        }
        let Some(timing) = block.iter().position(|l| l.contains("-->")) else {
            continue;
        };
        let mut speaker = None;
        let mut text = String::new();
        for line in &block[timing + 1..] {
            let (voice, plain) = strip_tags(line);
            speaker = speaker.or(voice);
            if !plain.trim().is_empty() {
                join(&mut text, plain.trim());
            }
        }
        cues.push((speaker, text));
    }
    cues
}

/// A line without its tags and with its entities decoded, and the speaker
/// of its voice tag (`<v 王毅>`, `<v.loud 王毅>`). Ruby text (`<rt>`) goes.
fn strip_tags(line: &str) -> (Option<String>, String) {
    let mut speaker = None;
    let mut out = String::new();
    let mut rest = line;
    let mut in_ruby_text = false;
    while let Some(open) = rest.find(['<', '{']) {
        let (before, after) = rest.split_at(open);
        if !in_ruby_text {
            out.push_str(before);
        }
        let close = if after.starts_with('<') { '>' } else { '}' };
        let Some(end) = after.find(close) else {
            // A lone `<` or `{` is text.
            out.push_str(&after[..1]);
            rest = &after[1..];
            continue;
        };
        let tag = &after[1..end];
        if close == '>' {
            let name = tag.split(|c: char| c == '.' || c.is_whitespace()).next().unwrap_or("");
            if name == "v" {
                let voice = tag.split_once(char::is_whitespace).map(|(_, n)| n.trim()).unwrap_or("");
                if !voice.is_empty() {
                    speaker = Some(voice.to_string());
                }
            }
            match tag {
                "rt" => in_ruby_text = true,
                "/rt" => in_ruby_text = false,
                _ => {}
            }
        }
        rest = &after[end + 1..];
    }
    if !in_ruby_text {
        out.push_str(rest);
    }
    (speaker, decode_entities(&out))
}

/// The character references WebVTT and SubRip files use.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&lrm;", "")
        .replace("&rlm;", "")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The cues of an ASS or SSA file: its `Dialogue:` lines, their fields in
/// the order the `[Events]` section's `Format:` line gives (the text is the
/// last field and may hold commas).
fn dialogue(source: &str) -> Vec<(Option<String>, String)> {
    const DEFAULT_FORMAT: [&str; 10] =
        ["Layer", "Start", "End", "Style", "Name", "MarginL", "MarginR", "MarginV", "Effect", "Text"];
    let mut format: Vec<String> = DEFAULT_FORMAT.iter().map(|s| s.to_string()).collect();
    let mut in_events = false;
    let mut cues = Vec::new();
    for line in source.lines().map(|l| l.trim_start_matches('\u{FEFF}').trim()) {
        if line.starts_with('[') {
            in_events = line.eq_ignore_ascii_case("[events]");
            continue;
        }
        if !in_events {
            continue;
        }
        if let Some(fields) = line.strip_prefix("Format:") {
            format = fields.split(',').map(|f| f.trim().to_string()).collect();
        } else if let Some(fields) = line.strip_prefix("Dialogue:") {
            let values: Vec<&str> = fields.trim_start().splitn(format.len(), ',').collect();
            let field = |name: &str| format.iter().position(|f| f.eq_ignore_ascii_case(name)).and_then(|i| values.get(i));
            let speaker = field("Name").map(|n| n.trim()).filter(|n| !n.is_empty()).map(str::to_string);
            let text = field("Text").map_or(String::new(), |t| ass_text(t));
            cues.push((speaker, text));
        }
    }
    cues
}

/// An ASS text field without its override blocks (`{\an8}`, `{\i1}`) and
/// with its line breaks (`\N`, `\n`) and hard spaces (`\h`).
fn ass_text(text: &str) -> String {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let mut out = String::new();
    for (i, part) in plain.split("\\N").flat_map(|p| p.split("\\n")).enumerate() {
        let part = part.replace("\\h", "\u{a0}");
        let part = part.trim();
        if i == 0 {
            out.push_str(part);
        } else if !part.is_empty() {
            join(&mut out, part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subrip_gives_the_lines_without_numbers_timings_or_tags() {
        let srt = "1\r\n00:00:01,000 --> 00:00:04,200\r\n<i>欢迎收看</i>\r\n今天的节目。\r\n\r\n2\r\n00:00:04,500 --> 00:00:09,900\r\n<font color=\"red\">谢谢。</font>\r\n";
        assert_eq!(text(srt, Kind::SubRip), "欢迎收看今天的节目。\n谢谢。\n");
    }

    #[test]
    fn webvtt_voices_name_the_speaker_and_settings_go() {
        let vtt = "WEBVTT\n\nNOTE 注释\n\nSTYLE\n::cue { color: red }\n\n1\n00:01.000 --> 00:04.000 align:start position:10%\n<v 主持人>欢迎。</v>\n\n00:04.000 --> 00:06.000\n<v.loud 王毅>谢谢&amp;好。\n\n00:06.000 --> 00:08.000\n<v 王毅><c.yellow>很高兴</c>交流。\n\n00:08.000 --> 00:09.000\n没有说话人\n";
        assert_eq!(text(vtt, Kind::WebVtt), "主持人：欢迎。\n王毅：谢谢&好。很高兴交流。\n没有说话人\n");
    }

    #[test]
    fn ass_dialogue_with_names_and_override_blocks() {
        let ass = "[Script Info]\nTitle: 采访\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nComment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,不算\nDialogue: 0,0:00:01.00,0:00:04.20,Default,主持人,0,0,0,,{\\an8}欢迎，收看\\N节目。\nDialogue: 0,0:00:04.50,0:00:09.90,Default,,0,0,0,,{\\i1}旁白{\\i0}\n";
        assert_eq!(text(ass, Kind::SubStation), "主持人：欢迎，收看节目。\n旁白\n");
    }
}
