//! Word documents (.docx): the text of the body, paragraph by paragraph, with Word tables as
//! tab-separated rows, so that the engine finds them as tables, cells and all.
//!
//! A .docx is a ZIP archive; the body is `word/document.xml`. Only what a reader sees is kept:
//! text runs (`w:t`), tabs and line breaks. Deleted text of tracked changes and field codes
//! are not text. Each paragraph is a line, as when Word's text is copied and pasted (the
//! engine reads both the same way), and an empty paragraph a blank line; each table row is one line between blank lines, its cells
//! separated by tabs, a cell's own paragraphs joined by spaces; a table nested in a cell is
//! read into that cell.

mod unzip;

use crate::error::{Error, ErrorKind};
pub use unzip::ZipError;

/// The most text a .docx may expand to: the same limit as a text file.
const LIMIT: usize = crate::input::MAX_INPUT_BYTES;

/// The text of a .docx file.
///
/// ```
/// # use report_explorer::docx;
/// assert!(docx::to_text(b"not a zip").is_err());
/// ```
pub fn to_text(bytes: &[u8]) -> Result<String, Error> {
    let xml = unzip::read(bytes, "word/document.xml", LIMIT).map_err(|e| {
        let reason = match e {
            ZipError::Missing
                if unzip::names(bytes).is_ok_and(|n| n.iter().any(|n| n == "EncryptedPackage")) =>
            {
                "it is password-protected".to_string()
            }
            ZipError::Missing => {
                "it is not a Word document (no word/document.xml inside)".to_string()
            }
            other => other.to_string(),
        };
        Error::from(ErrorKind::Unreadable(format!(
            "cannot read this Word file: {reason}"
        )))
    })?;
    let xml = String::from_utf8_lossy(&xml);
    let text = body_text(&xml);
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty.into());
    }
    Ok(text)
}

/// Where the walk through the body is.
#[derive(Default)]
struct Walk {
    out: String,
    /// The paragraph being read.
    paragraph: String,
    /// Inside `w:t`.
    in_text: bool,
    /// How deep in tables (0 outside).
    tables: usize,
    /// The cells of the current row of the outermost table, and the cell being read.
    row: Vec<String>,
    cell: String,
    /// Columns the current cell spans (`w:gridSpan`).
    span: usize,
}

impl Walk {
    fn end_paragraph(&mut self) {
        let paragraph = std::mem::take(&mut self.paragraph);
        let paragraph = paragraph.trim_end();
        if self.tables > 0 {
            if !paragraph.trim().is_empty() {
                if !self.cell.is_empty() {
                    self.cell.push(' ');
                }
                self.cell.push_str(paragraph.trim());
            }
        } else if !paragraph.trim().is_empty() {
            self.out.push_str(paragraph);
            self.out.push('\n');
        } else if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            // Empty paragraphs are spacing: one blank line says it.
            self.out.push('\n');
        }
    }

    fn end_cell(&mut self) {
        self.end_paragraph();
        if self.tables == 1 {
            let cell = std::mem::take(&mut self.cell);
            // A tab inside a cell would split it in two.
            self.row.push(cell.replace('\t', " "));
            for _ in 1..self.span {
                self.row.push(String::new());
            }
            self.span = 1;
        } else {
            self.cell.push(' ');
        }
    }

    fn end_row(&mut self) {
        if self.tables == 1 {
            let row = std::mem::take(&mut self.row);
            if row.iter().any(|c| !c.trim().is_empty()) {
                self.out.push_str(&row.join("\t"));
                self.out.push('\n');
            }
        }
    }

    /// A tab or a break: itself in a paragraph, a space in a table cell.
    fn push_space(&mut self, c: char) {
        self.paragraph.push(if self.tables > 0 { ' ' } else { c });
    }
}

/// The text of `word/document.xml`.
fn body_text(xml: &str) -> String {
    let mut walk = Walk {
        span: 1,
        ..Walk::default()
    };
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        if walk.in_text {
            decode_into(&rest[..open], &mut walk.paragraph);
        }
        rest = &rest[open..];
        // Comments, processing instructions and CDATA are skipped whole.
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else {
            rest.find('>').map(|i| i + 1)
        };
        let Some(end) = end else { break };
        let tag = &rest[1..end - 1];
        rest = &rest[end..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        match (name, closing) {
            ("w:t", false) => walk.in_text = !tag.ends_with('/'),
            ("w:t", true) => walk.in_text = false,
            ("w:tab", false) if !tag.contains("w:val") => walk.push_space('\t'),
            ("w:br" | "w:cr", false) => walk.push_space('\n'),
            ("w:p", true) => walk.end_paragraph(),
            ("w:tbl", false) => {
                walk.end_paragraph();
                if walk.tables == 0 && !walk.out.is_empty() && !walk.out.ends_with("\n\n") {
                    walk.out.push('\n');
                }
                walk.tables += 1;
            }
            ("w:tbl", true) => {
                walk.tables = walk.tables.saturating_sub(1);
                if walk.tables == 0 && !walk.out.ends_with("\n\n") {
                    walk.out.push('\n');
                }
            }
            ("w:gridSpan", false) if walk.tables == 1 => {
                walk.span = attribute(tag, "w:val")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1usize)
                    .clamp(1, 64);
            }
            ("w:tc", true) => walk.end_cell(),
            ("w:tr", true) => walk.end_row(),
            _ => {}
        }
    }
    walk.end_paragraph();
    let text = walk.out.trim_end().to_string();
    text + "\n"
}

/// The value of attribute `name` in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = &tag[at..];
    Some(&rest[..rest.find('"')?])
}

/// Appends XML character data, its entities decoded.
fn decode_into(data: &str, out: &mut String) {
    let mut rest = data;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // Entities are short: a ';' further on is not the end of one.
        let Some(semi) = rest.bytes().take(12).position(|b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x"><w:body>{inner}</w:body></w:document>"#
        )
    }

    #[test]
    fn paragraphs_runs_and_entities() {
        let xml = body(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Children in Care</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">There are </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>366</w:t></w:r><w:r><w:t xml:space="preserve"> children &amp; young people</w:t></w:r><w:r><w:tab/><w:t>(&#8220;CiC&#x201D;)</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            body_text(&xml),
            "Children in Care\nThere are 366 children & young people\t(“CiC”)\n"
        );
    }

    #[test]
    fn tables_become_tab_separated_rows() {
        let cell = |t: &str| {
            format!("<w:tc><w:tcPr><w:tcW w:w=\"1\"/></w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>")
        };
        let row = |cells: &[&str]| {
            format!(
                "<w:tr>{}</w:tr>",
                cells.iter().map(|c| cell(c)).collect::<String>()
            )
        };
        let xml = body(&format!(
            "<w:p><w:r><w:t>Before</w:t></w:r></w:p><w:tbl>{}{}{}</w:tbl><w:p><w:r><w:t>After</w:t></w:r></w:p>",
            row(&["Year", "Entering", "Leaving"]),
            row(&["2016/17", "150", "139"]),
            // A cell of two paragraphs, and an empty one.
            "<w:tr><w:tc><w:p><w:r><w:t>2017/18</w:t></w:r></w:p><w:p><w:r><w:t>(to date)</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>96</w:t></w:r></w:p></w:tc></w:tr>",
        ));
        assert_eq!(
            body_text(&xml),
            "Before\n\nYear\tEntering\tLeaving\n2016/17\t150\t139\n2017/18 (to date)\t\t96\n\nAfter\n"
        );
    }

    #[test]
    fn empty_paragraphs_are_one_blank_line() {
        let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
        let xml = body(&format!(
            "{}<w:p/><w:p></w:p>{}{}",
            p("One."),
            p("Two"),
            p("three.")
        ));
        assert_eq!(body_text(&xml), "One.\n\nTwo\nthree.\n");
    }

    #[test]
    fn merged_cells_keep_columns_and_deleted_text_is_not_text() {
        let xml = body(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>CiC</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>366</w:t></w:r><w:del><w:r><w:delText>360</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>"#,
        );
        assert_eq!(body_text(&xml), "CiC\t\t366\n");
    }

    #[test]
    fn truncated_xml_is_read_as_far_as_it_goes() {
        let xml = body(
            "<w:p><w:r><w:t>There are 366 children in care</w:t></w:r></w:p><w:p><w:r><w:t>and 30",
        );
        assert!(body_text(&xml).starts_with("There are 366 children in care\n"));
        assert_eq!(body_text("<<<>>>&&;&#xFFFFFFFF;"), "\n");
        // An ampersand before multi-byte text (found in a real file).
        let mut out = String::new();
        decode_into("&quot;&gt; • Employability & • Care", &mut out);
        assert_eq!(out, "\"> • Employability & • Care");
    }
}
