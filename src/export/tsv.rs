//! "Copy as TSV": the figures a user sees as tab-separated text with a header row, for pasting
//! into a spreadsheet. Tabs and line breaks inside a cell become spaces (a paste has no quoting).

use super::{cells, csv::HEADER, Cell};
use crate::model::Figure;

/// The rows (document name, figure) as TSV with the CSV contract's header.
pub fn to_tsv<'a>(rows: impl IntoIterator<Item = (&'a str, &'a Figure)>) -> String {
    let mut out = HEADER.join("\t");
    out.push('\n');
    for (document, figure) in rows {
        let line: Vec<String> = cells(document, figure)
            .iter()
            .map(|cell| match cell {
                Cell::Text(s) => s.replace(['\t', '\n', '\r'], " "),
                Cell::Number(v) => v.to_string(),
                Cell::Bool(b) => b.to_string(),
            })
            .collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Options};

    #[test]
    fn one_line_per_figure_under_the_csv_header() {
        let doc = extract(
            "r.txt",
            "DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care\tand 307 children subject to Child Protection Plans.",
            &Options::default(),
        );
        let tsv = to_tsv(doc.figures.iter().map(|f| ("Jan\t2017", f)));
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!(lines[0], HEADER.join("\t"));
        assert_eq!(lines.len(), doc.figures.len() + 1);
        let first: Vec<&str> = lines[1].split('\t').collect();
        assert_eq!(first.len(), HEADER.len(), "tabs inside cells are replaced");
        assert_eq!(
            (first[0], first[1], first[3], first[6]),
            ("Jan 2017", "children_in_care", "366", "2017-01-13")
        );
    }
}
