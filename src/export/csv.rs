//! CSV export: one row per figure, RFC 4180 quoting, UTF-8 with a byte-order mark so that
//! Excel opens it with the right encoding.

use crate::model::Report;
use serde::Serialize;

/// The columns of the CSV contract, in order.
pub const HEADER: [&str; 12] = [
    "document",
    "indicator",
    "label",
    "value",
    "unit",
    "approx",
    "when",
    "area",
    "target",
    "sentence",
    "start",
    "end",
];

#[derive(Serialize)]
struct Row<'a> {
    document: &'a str,
    indicator: &'a str,
    label: &'a str,
    value: f64,
    unit: &'a str,
    approx: bool,
    when: &'a str,
    area: &'a str,
    target: bool,
    sentence: &'a str,
    start: usize,
    end: usize,
}

/// The report's figures as CSV bytes (UTF-8, with a byte-order mark for Excel).
pub fn to_csv(report: &Report) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(true)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for doc in &report.documents {
        for f in &doc.figures {
            let row = Row {
                document: &doc.name,
                indicator: f.indicator.as_deref().unwrap_or(""),
                label: &f.label,
                value: f.value,
                unit: f.unit.as_str(),
                approx: f.approx,
                when: f.when.as_deref().unwrap_or(""),
                area: f.area.as_str(),
                target: f.target,
                sentence: &f.sentence,
                start: f.span[0],
                end: f.span[1],
            };
            // Writing to a Vec cannot fail; a serialization error would be a bug in Row.
            writer.serialize(row).expect("a figure row serializes");
        }
    }
    if report.documents.iter().all(|d| d.figures.is_empty()) {
        writer.write_record(HEADER).expect("header writes");
    }
    writer.into_inner().unwrap_or_default()
}

/// Any grid of cells (the comparison as shown) as CSV, UTF-8 with a byte-order mark for Excel.
pub fn grid(rows: &[Vec<super::Cell<'_>>]) -> Vec<u8> {
    use super::Cell;
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        let fields = row.iter().map(|c| match c {
            Cell::Text(s) => s.to_string(),
            Cell::Number(v) => v.to_string(),
            Cell::Bool(b) => b.to_string(),
        });
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(fields);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod grid_tests {
    use super::super::Cell;

    #[test]
    fn a_grid_with_quoted_text_and_plain_numbers() {
        let rows = vec![
            vec![Cell::Text("indicator"), Cell::Text("Avon, North")],
            vec![Cell::Text("children_in_care"), Cell::Number(380.0)],
        ];
        let text = String::from_utf8(super::grid(&rows)).unwrap();
        assert_eq!(
            text,
            "\u{feff}indicator,\"Avon, North\"\nchildren_in_care,380\n"
        );
    }
}
