//! A table read as a corpus: CSV, TSV or JSON Lines, each row a document.
//!
//! Posts, reviews and forum threads come as tables: an id, a date, an
//! author, a label, and the text. The text column is the one with the most
//! Chinese characters (the page lets the user choose another); the others
//! are there to divide, compare and trend the rows by.

use serde::Serialize;

use crate::error::Error;

/// The cells of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    /// The column names: the first row's cells, or empty names when the
    /// first row is data (then the columns are named by their number).
    pub columns: Vec<String>,
    /// The rows below the header, each with as many cells as there are
    /// columns.
    pub rows: Vec<Vec<String>>,
    /// The column found to hold the text: the one with the most Han
    /// characters.
    pub text_column: usize,
}

/// Between two rows' texts in the text analysed: a blank line, as between
/// the files of a corpus, so that no sentence runs on into the next row.
pub const ROW_SEPARATOR: &str = "\n\n";

impl Table {
    /// The text of column `column`: each row's cell, a blank line between
    /// two, rows with an empty cell left out.
    pub fn text_of(&self, column: usize) -> String {
        let cells: Vec<&str> = self.rows.iter().filter_map(|row| row.get(column)).map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        let mut text = cells.join(ROW_SEPARATOR);
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }

    /// A table from its rows, the first a header if it looks like one.
    pub(super) fn from_rows(rows: Vec<Vec<String>>) -> Table {
        Table::new(rows, None)
    }

    /// A table from its rows, the first a header if `header` says so or,
    /// when it is `None`, if it looks like one; the text column found.
    fn new(mut rows: Vec<Vec<String>>, header: Option<bool>) -> Table {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut rows {
            row.resize(width, String::new());
        }
        let han = |cell: &str| cell.chars().filter(|&c| crate::text::is_han(c)).count();
        let text_column = |rows: &[Vec<String>]| {
            (0..width)
                .max_by_key(|&c| (rows.iter().map(|r| han(&r[c])).sum::<usize>(), std::cmp::Reverse(c)))
                .unwrap_or(0)
        };
        // The first row is a header when its cells are short, distinct and
        // not empty, and its text cell has no Han character (`text`,
        // `content`) or is far shorter than the others'.
        let header = header.unwrap_or_else(|| rows.len() > 1 && {
            let first = &rows[0];
            let column = text_column(&rows[1..]);
            let rest = &rows[1..];
            let average = rest.iter().map(|r| r[column].chars().count()).sum::<usize>() / rest.len();
            let distinct = first.iter().enumerate().all(|(i, c)| !first[..i].contains(c));
            distinct
                && first.iter().all(|c| !c.trim().is_empty() && c.chars().count() <= 40)
                && (han(&first[column]) == 0 || first[column].chars().count() * 2 <= average.max(1))
        });
        let columns = if header { rows.remove(0).into_iter().map(|c| c.trim().to_string()).collect() } else { vec![String::new(); width] };
        let text_column = text_column(&rows);
        Table { columns, rows, text_column }
    }
}

/// Which table format, by the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Csv,
    Tsv,
    JsonLines,
}

impl Kind {
    pub(super) fn of_extension(extension: &str) -> Option<Kind> {
        match extension {
            "csv" => Some(Kind::Csv),
            "tsv" | "tab" => Some(Kind::Tsv),
            "jsonl" | "ndjson" => Some(Kind::JsonLines),
            _ => None,
        }
    }
}

/// The table in `text`, decoded from a file of kind `kind`.
pub(super) fn read(text: &str, kind: Kind) -> Result<Table, Error> {
    Ok(match kind {
        Kind::Csv => Table::new(delimited(text, csv_delimiter(text))?, None),
        Kind::Tsv => Table::new(delimited(text, b'\t')?, None),
        Kind::JsonLines => Table::new(json_lines(text)?, Some(true)),
    })
}

/// A CSV's delimiter: a comma, or the semicolon of Excel in much of Europe
/// when the first line has more of those.
fn csv_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

fn delimited(text: &str, delimiter: u8) -> Result<Vec<Vec<String>>, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::BadDocument(e.to_string()))?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(record.iter().map(|c| c.replace("\r\n", "\n")).collect());
    }
    Ok(rows)
}

/// JSON Lines: one object per line; its keys are the columns, in the order
/// they first come. A value that is no string is written as JSON.
fn json_lines(text: &str) -> Result<Vec<Vec<String>>, Error> {
    let mut columns: Vec<String> = Vec::new();
    let mut objects: Vec<Vec<(String, String)>> = Vec::new();
    for (i, line) in text.trim_start_matches('\u{FEFF}').lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let object: OrderedObject = serde_json::from_str(line)
            .map_err(|e| Error::BadDocument(format!("line {}: {e}", i + 1)))?;
        for (key, _) in &object.0 {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
        }
        objects.push(object.0);
    }
    let mut rows = vec![columns.clone()];
    for object in objects {
        rows.push(
            columns
                .iter()
                .map(|c| object.iter().find(|(k, _)| k == c).map(|(_, v)| v.clone()).unwrap_or_default())
                .collect(),
        );
    }
    Ok(rows)
}

/// A JSON object's entries in the order written (serde_json's map sorts
/// them), each value as text.
struct OrderedObject(Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for OrderedObject {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = OrderedObject;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<OrderedObject, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
                    let text = match value {
                        serde_json::Value::String(s) => s,
                        serde_json::Value::Null => String::new(),
                        other => other.to_string(),
                    };
                    entries.push((key, text));
                }
                Ok(OrderedObject(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_with_a_header_quotes_and_a_line_break_in_a_cell() {
        let csv = "\u{FEFF}id,date,text\r\n1,2024-03-01,\"物流很快，包装完好。\"\r\n2,2024-03-02,\"屏幕有划痕，\r\n客服态度差。\"\r\n";
        let table = read(csv, Kind::Csv).unwrap();
        assert_eq!(table.columns, ["id", "date", "text"]);
        assert_eq!(table.text_column, 2);
        assert_eq!(table.rows[1], ["2", "2024-03-02", "屏幕有划痕，\n客服态度差。"]);
        assert_eq!(table.text_of(2), "物流很快，包装完好。\n\n屏幕有划痕，\n客服态度差。\n");
    }

    #[test]
    fn a_table_without_a_header_and_ragged_rows() {
        let table = read("好评\t物流很快，包装完好，非常满意。\n差评\t屏幕有划痕。\t多余\n", Kind::Tsv).unwrap();
        assert_eq!(table.columns, ["", "", ""]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!((table.text_column, table.rows[0][2].as_str()), (1, ""));
    }

    #[test]
    fn json_lines_keep_their_key_order_and_semicolons_separate_european_csv() {
        let table = read("{\"text\":\"很好\",\"id\":1}\n{\"id\":2,\"label\":null,\"text\":\"很差\"}\n", Kind::JsonLines).unwrap();
        assert_eq!(table.columns, ["text", "id", "label"]);
        assert_eq!(table.rows, [["很好", "1", ""], ["很差", "2", ""]]);
        assert!(matches!(read("{\"a\":1}\nnot json\n", Kind::JsonLines), Err(Error::BadDocument(m)) if m.starts_with("line 2")));
        assert_eq!(read("id;text\n1;很好，满意\n", Kind::Csv).unwrap().rows, [["1", "很好，满意"]]);
    }
}
