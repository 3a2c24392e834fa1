//! Excel export: the figures as an .xlsx workbook (Office Open XML), one sheet "Figures" with
//! the CSV contract's columns; values, offsets and true/false are typed cells, text is inline.
//!
//! Written by hand over [`super::zip`] rather than with a spreadsheet crate: the format needs
//! five small XML parts, and the app's first download stays small.

use super::{cells, csv::HEADER, zip, Cell};
use crate::model::Report;
use std::fmt::Write;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

/// The workbook part, with `{SHEET}` for the sheet's name.
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Two cell formats: the default, and bold for the header row.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>"#;

/// The report's figures as the bytes of an .xlsx file.
pub fn to_xlsx(report: &Report) -> Vec<u8> {
    let header = HEADER.map(Cell::Text).to_vec();
    let figures = report.documents.iter().flat_map(|d| {
        d.figures
            .iter()
            .map(move |f| cells(d.name.as_str(), f).to_vec())
    });
    workbook("Figures", std::iter::once(header).chain(figures))
}

/// Any grid of cells (its first row the header, in bold) as an .xlsx file with one sheet.
pub fn grid<'a>(sheet: &str, rows: &[Vec<Cell<'a>>]) -> Vec<u8> {
    workbook(sheet, rows.iter().cloned())
}

fn workbook<'a>(sheet_name: &str, rows: impl Iterator<Item = Vec<Cell<'a>>>) -> Vec<u8> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#,
    );
    for (i, row) in rows.enumerate() {
        write_row(&mut sheet, i + 1, &row, i == 0);
    }
    sheet.push_str("</sheetData></worksheet>");
    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    let name: String = sheet_name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    let workbook = WORKBOOK.replace("{SHEET}", &escape(&name));
    zip::archive(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", ROOT_RELS.as_bytes().to_vec()),
        ("xl/workbook.xml", workbook.into_bytes()),
        (
            "xl/_rels/workbook.xml.rels",
            WORKBOOK_RELS.as_bytes().to_vec(),
        ),
        ("xl/styles.xml", STYLES.as_bytes().to_vec()),
        ("xl/worksheets/sheet1.xml", sheet.into_bytes()),
    ])
}

fn write_row(out: &mut String, row: usize, cells: &[Cell<'_>], bold: bool) {
    let style = if bold { r#" s="1""# } else { "" };
    let _ = write!(out, r#"<row r="{row}">"#);
    for (k, cell) in cells.iter().enumerate() {
        let at = format!("{}{row}", column_name(k));
        let _ = match cell {
            Cell::Text(s) => write!(
                out,
                r#"<c r="{at}" t="inlineStr"{style}><is><t xml:space="preserve">{}</t></is></c>"#,
                escape(s)
            ),
            Cell::Number(v) => write!(out, r#"<c r="{at}"{style}><v>{v}</v></c>"#),
            Cell::Bool(b) => write!(
                out,
                r#"<c r="{at}" t="b"{style}><v>{}</v></c>"#,
                u8::from(*b)
            ),
        };
    }
    out.push_str("</row>");
}

/// "A", "B", ... "Z", "AA" for a zero-based column.
fn column_name(k: usize) -> String {
    let mut name = Vec::new();
    let mut n = k + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Text for XML: the five special characters escaped, and characters XML 1.0 forbids (control
/// characters other than tab and line breaks) dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Options};

    #[test]
    fn a_workbook_with_a_typed_row_per_figure() {
        let doc = extract(
            "Jan <2017> & \"co\"",
            "DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care.\u{1}",
            &Options::default(),
        );
        let bytes = to_xlsx(&Report::new(vec![doc]));
        let parts = zip::tests::entries(&bytes);
        let names: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
        assert!(
            names.contains(&"[Content_Types].xml") && names.contains(&"xl/worksheets/sheet1.xml")
        );
        let sheet = String::from_utf8(parts.last().unwrap().1.clone()).unwrap();
        assert!(sheet
            .contains(r#"<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">document</t>"#));
        assert!(sheet.contains("Jan &lt;2017&gt; &amp; &quot;co&quot;"));
        assert!(sheet.contains(r#"<c r="D2"><v>366</v></c>"#), "{sheet}");
        assert!(sheet.contains(r#"<c r="F2" t="b"><v>0</v></c>"#));
        assert!(!sheet.contains('\u{1}'), "control characters are dropped");
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(11), "L");
        assert_eq!(column_name(26), "AA");
    }

    #[test]
    fn any_grid_becomes_a_named_sheet() {
        let rows = vec![
            vec![Cell::Text("indicator"), Cell::Text("Avonshire")],
            vec![Cell::Text("children_in_care"), Cell::Number(380.0)],
        ];
        let parts = zip::tests::entries(&grid("Comparison", &rows));
        let workbook = String::from_utf8(parts[2].1.clone()).unwrap();
        assert!(workbook.contains(r#"<sheet name="Comparison""#));
        let sheet = String::from_utf8(parts.last().unwrap().1.clone()).unwrap();
        assert!(sheet.contains(r#"<c r="B1" t="inlineStr" s="1">"#));
        assert!(sheet.contains(r#"<c r="B2"><v>380</v></c>"#), "{sheet}");
    }
}
