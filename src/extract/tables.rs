//! Tables in plain text, and the figures in their cells.
//!
//! Four layouts are read:
//! - tab-separated rows ("\tEntering\tLeaving\tNet" / "Total in 2001\t111\t95\t16"), including
//!   two-column "Label<TAB>value" lists ("Child in Need\t355");
//! - space-aligned rows, cells split at runs of two or more spaces (tables copied out of PDFs);
//! - space-separated rows that start with a year ("2017/18 1770 430 514 826") under a header
//!   line whose indicator names can be matched one to one with the columns;
//! - vertical lists where a year line is followed by a value line ("2017" / "31,854"), under a
//!   header that names the indicator ("Count of contacts").
//!
//! A cell's indicator comes from its column header or its row label; its date from the row
//! label or the column header ("Total in 2001", "2016/17"), else from the sentence that
//! introduces the table.

use super::text::Line;
use super::vocab::{self, Aliases, Rule};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A table found in the text, with the byte ranges of its cells.
#[derive(Debug, Clone)]
pub struct Found {
    /// Line indices the table occupies (header included).
    pub lines: Range<usize>,
    /// The header cells, one per column (label column included).
    pub header: Vec<Range<usize>>,
    /// The rows: label cell then value cells.
    pub rows: Vec<Row>,
    /// The line before the table, when it introduces it.
    pub caption: Option<Range<usize>>,
    /// "as at 31 March of each reporting year" follows the table.
    pub year_end_snapshot: bool,
    /// How it was laid out: "tabs", "year-rows" or "vertical".
    pub layout: &'static str,
}

/// One row of a table.
#[derive(Debug, Clone)]
pub struct Row {
    /// The byte range of the row as written (for the figure's sentence).
    pub span: Range<usize>,
    /// The cells, label first.
    pub cells: Vec<Range<usize>>,
}

/// Labels that name an indicator only as a table heading ("Entering", "Child Protection").
static HEADINGS: &[Rule] = &[
    Rule {
        name: "heading-entering",
        indicator: "entered_care",
        pattern: r"entering(?:\s+care)?|admissions|starters|started|new\s+entrants|entered(?:\s+care)?|(?:number\s+)?starting\s+to\s+be\s+looked\s+after",
    },
    Rule {
        name: "heading-leaving",
        indicator: "left_care",
        pattern: r"leaving(?:\s+care)?|ceased|left(?:\s+care)?|leavers|discharges|ceasing\s+to\s+be\s+looked\s+after",
    },
    Rule {
        name: "heading-cp",
        indicator: "child_protection_plans",
        pattern: r"child\s+protection(?:\s+plans?)?|cp(?:\s+plans?)?|cpp",
    },
    Rule {
        name: "heading-cin",
        indicator: "children_in_need",
        pattern: r"child(?:ren)?\s+in\s+need|cin",
    },
    Rule {
        name: "heading-cic",
        indicator: "children_in_care",
        pattern: r"(?:children\s+)?(?:in\s+care|looked\s+after)|lac|cla|cic|looked\s+after\s+children",
    },
];

static HEADING_REGEX: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    HEADINGS
        .iter()
        .map(|r| {
            Regex::new(&format!(r"(?i)^\W*(?:{})\W*$", r.pattern)).expect("valid heading rule")
        })
        .collect()
});

/// "2019", "2016/17", "Total in 2001", "2019-20": a row label that is a year.
static YEAR_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*((?:total\s+(?:in|for)\s+)?(?:19|20)\d\d(?:\s?[/\-–]\s?\d{2,4})?)\s*$")
        .expect("valid regex")
});
/// "2016/17 1845   not available 678 not available": a year then value tokens.
static YEAR_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*((?:total\s+(?:in|for)\s+)?(?:19|20)\d\d(?:\s?[/\-–]\s?\d{2,4})?)((?:\s+(?:-?[\d,]+(?:\.\d+)?%?|not\s+available|n/?a|-|\*|x|c|\[c\]|\[x\]))+)\s*$").expect("valid regex")
});
/// A cell that holds one number: "31,854", "96.7%", "-14", "412*" (a footnote's mark).
static NUMBER_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[-−]?£?[\d,]+(?:\.\d+)?\s*%?[*†‡¹²³⁴⁵⁶⁷⁸⁹]?\s*$").expect("valid regex")
});
/// The note that makes a table of financial years a table of year-end snapshots.
static SNAPSHOT_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)as\s+at\s+31(?:st)?\s+march\s+(?:of\s+)?(?:each|every|the)(?-u:\b)")
        .expect("valid regex")
});

/// True when a cell holds one number and nothing else.
pub fn is_number_cell(cell: &str) -> bool {
    NUMBER_CELL.is_match(cell)
}

/// Finds the tables of a document.
pub fn find(text: &str, lines: &[Line]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let next = tab_table(text, lines, i)
            .or_else(|| pipe_table(text, lines, i))
            .or_else(|| year_rows(text, lines, i))
            .or_else(|| space_aligned(text, lines, i))
            .or_else(|| vertical(text, lines, i));
        match next {
            Some(mut table) => {
                table.year_end_snapshot = lines
                    [table.lines.end..lines.len().min(table.lines.end + 6)]
                    .iter()
                    .any(|l| SNAPSHOT_NOTE.is_match(l.text(text)));
                i = table.lines.end;
                found.push(table);
            }
            None => i += 1,
        }
    }
    found
}

fn cell_ranges(text: &str, line: &Line) -> Vec<Range<usize>> {
    let mut cells = Vec::new();
    let mut start = line.start;
    for (offset, c) in line.text(text).char_indices() {
        if c == '\t' {
            cells.push(trim(text, start..line.start + offset));
            start = line.start + offset + 1;
        }
    }
    cells.push(trim(text, start..line.end));
    cells
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    r.start + lead..r.start + lead + s.trim().len()
}

/// The most lines between a table's rows on two pages: the page break (a form feed on its
/// own line, as the PDF reader and pdftotext write it), blank lines and a running footer
/// and header.
const PAGE_TURN: usize = 6;

/// Where a table of rows like `last` goes on after a page break starting at line `gap`: the
/// next row, if the lines before it are a page break and short page furniture only, and it
/// has as many cells as `last`.
fn after_page_break(text: &str, lines: &[Line], gap: usize, last: &Line) -> Option<usize> {
    let is_row = |l: &Line| is_tab_row(text, l);
    let cells = |l: &Line| l.text(text).matches('\t').count();
    let next = (gap..lines.len().min(gap + PAGE_TURN + 1)).find(|&i| is_row(&lines[i]))?;
    let between = &lines[gap..next];
    let turns = between.iter().any(|l| l.text(text).contains('\u{c}'));
    let furniture = between
        .iter()
        .all(|l| l.text(text).trim().chars().count() <= 40);
    (turns && furniture && cells(&lines[next]) == cells(last)).then_some(next)
}

/// A line of tab-separated cells.
fn is_tab_row(text: &str, line: &Line) -> bool {
    line.text(text).contains('\t') && !line.is_blank(text)
}

/// Rows of tab-separated cells, two rows at least; a table broken by a page goes on.
fn tab_table(text: &str, lines: &[Line], first: usize) -> Option<Found> {
    let is_row = |l: &Line| is_tab_row(text, l);
    let mut taken = Vec::new();
    let mut i = first;
    while i < lines.len() {
        if is_row(&lines[i]) {
            taken.push(i);
            i += 1;
        } else {
            match taken
                .last()
                .and_then(|&last| after_page_break(text, lines, i, &lines[last]))
            {
                Some(next) => i = next,
                None => break,
            }
        }
    }
    let end = taken.last().map_or(first, |&last| last + 1);
    if taken.len() < 2 {
        return None;
    }
    let rows: Vec<Row> = taken
        .iter()
        .map(|&i| Row {
            span: lines[i].start..lines[i].end,
            cells: cell_ranges(text, &lines[i]),
        })
        .collect();
    Some(with_header(text, lines, first..end, rows, "tabs"))
}

/// The table of `rows` over `lines`: the first row is its header when it names its columns
/// (words, or years: "\t2019/20\t2020/21") above rows of numbers.
fn with_header(
    text: &str,
    lines: &[Line],
    taken: Range<usize>,
    rows: Vec<Row>,
    layout: &'static str,
) -> Found {
    let header_is_text = rows[0].cells.iter().skip(1).all(|c| {
        let cell = &text[c.clone()];
        !NUMBER_CELL.is_match(cell) || YEAR_LABEL.is_match(cell) && !cell.contains(',')
    });
    let numeric_rows = rows.iter().skip(1).any(|r| {
        r.cells
            .iter()
            .skip(1)
            .any(|c| NUMBER_CELL.is_match(&text[c.clone()]))
    });
    let (header, rows) = if header_is_text && numeric_rows {
        (rows[0].cells.clone(), rows[1..].to_vec())
    } else {
        (Vec::new(), rows)
    };
    Found {
        caption: caption(text, lines, taken.start),
        lines: taken,
        header,
        rows,
        year_end_snapshot: false,
        layout,
    }
}

/// A table with cells between bars: Markdown's "| Indicator | 2021/22 | 2022/23 |" rows (the
/// "|---|---|" line under the header skipped), or rows with no outer bars, "Number of CLA | 295
/// | 301", as spreadsheets and some converters write them. Rows without outer bars are taken
/// only as a block of two or more with the same number of cells, some of them numbers: a line
/// of prose or a page footer may hold a bar too ("Page 4 | Agenda item 6").
fn pipe_table(text: &str, lines: &[Line], first: usize) -> Option<Found> {
    let is_rule = |l: &Line| {
        l.text(text)
            .trim()
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' '))
    };
    let head = lines[first].text(text).trim();
    let outer = head.starts_with('|');
    let columns = pipe_cells(text, &lines[first]).len();
    let is_row = |l: &Line| {
        let s = l.text(text).trim();
        if outer {
            s.starts_with('|') && s.len() > 1 && s[1..].contains('|')
        } else {
            !s.starts_with('|')
                && s.contains('|')
                && (is_rule(l) || pipe_cells(text, l).len() == columns)
        }
    };
    if !is_row(&lines[first]) || is_rule(&lines[first]) {
        return None;
    }
    let end = first + lines[first..].iter().take_while(|l| is_row(l)).count();
    let rows: Vec<Row> = lines[first..end]
        .iter()
        .filter(|l| !is_rule(l))
        .map(|l| Row {
            span: l.start..l.end,
            cells: pipe_cells(text, l),
        })
        .collect();
    let numbers = || {
        rows.iter()
            .flat_map(|r| r.cells.iter().skip(1))
            .any(|c| NUMBER_CELL.is_match(&text[c.clone()]))
    };
    (rows.len() >= 2 && (outer || numbers()))
        .then(|| with_header(text, lines, first..end, rows, "pipes"))
}

/// The cells of "| a | b |" or "a | b": between the bars, outer ones dropped.
fn pipe_cells(text: &str, line: &Line) -> Vec<Range<usize>> {
    let s = line.text(text);
    let trimmed = s.trim();
    let open = if trimmed.starts_with('|') {
        s.find('|').map_or(0, |i| i + 1)
    } else {
        0
    };
    let close = if trimmed.ends_with('|') && trimmed.len() > 1 {
        s.rfind('|').filter(|&i| i >= open).unwrap_or(s.len())
    } else {
        s.len()
    };
    let mut cells = Vec::new();
    let mut start = open;
    for (i, c) in s[open..close].char_indices() {
        if c == '|' {
            cells.push(trim(text, line.start + start..line.start + open + i));
            start = open + i + 1;
        }
    }
    cells.push(trim(text, line.start + start..line.start + close));
    cells
}

/// Cells separated by runs of two or more spaces ("Children in care    366    372"), as text
/// copied out of a PDF lays out tables. Conservative: two rows at least with the same number of
/// short cells, some of them numbers; a header row with one cell fewer (no label heading) is
/// taken too.
fn space_aligned(text: &str, lines: &[Line], first: usize) -> Option<Found> {
    let cells_of = |l: &Line| space_cells(text, l);
    let first_cells = cells_of(&lines[first]).filter(|c| c.len() >= 2)?.len();
    // "            Q1      Q2      Q3" over "Contacts    3,402   3,118   3,390": a header with no
    // heading over the labels has one cell fewer than the rows.
    let next_cells = lines
        .get(first + 1)
        .and_then(&cells_of)
        .map_or(0, |c| c.len());
    let unlabelled_header =
        next_cells == first_cells + 1 && lines[first].text(text).starts_with([' ', '\u{a0}']);
    let columns = if unlabelled_header {
        next_cells
    } else {
        first_cells
    };
    let data = |l: &Line| {
        cells_of(l).is_some_and(|c| {
            c.len() == columns
                && c.iter()
                    .skip(1)
                    .any(|r| NUMBER_CELL.is_match(&text[r.clone()]))
        })
    };
    let header_line = !data(&lines[first]);
    let start = if header_line { first + 1 } else { first };
    let end = start
        + lines[start.min(lines.len())..]
            .iter()
            .take_while(|l| data(l))
            .count();
    if end - start < if header_line { 1 } else { 2 } {
        return None;
    }
    let rows: Vec<Row> = lines[start..end]
        .iter()
        .map(|l| Row {
            span: l.start..l.end,
            cells: cells_of(l).unwrap_or_default(),
        })
        .collect();
    let header = match (header_line, unlabelled_header) {
        (false, _) => Vec::new(),
        (true, false) => cells_of(&lines[first]).unwrap_or_default(),
        (true, true) => std::iter::once(lines[first].start..lines[first].start)
            .chain(cells_of(&lines[first]).unwrap_or_default())
            .collect(),
    };
    Some(Found {
        lines: first..end,
        header,
        rows,
        caption: caption(text, lines, first),
        year_end_snapshot: false,
        layout: "spaces",
    })
}

/// The cells of a line split at runs of two or more spaces, when every cell is short.
fn space_cells(text: &str, line: &Line) -> Option<Vec<Range<usize>>> {
    static GAP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r" {2,}|\u{a0}{2,}").expect("valid regex"));
    let s = line.text(text);
    if s.contains('\t') || s.trim().is_empty() {
        return None;
    }
    let mut cells = Vec::new();
    let mut at = 0;
    for gap in GAP.find_iter(s) {
        cells.push(trim(text, line.start + at..line.start + gap.start()));
        at = gap.end();
    }
    cells.push(trim(text, line.start + at..line.end));
    cells.retain(|c| !c.is_empty());
    let short = cells.iter().all(|c| c.len() <= 60);
    (cells.len() >= 2 && short).then_some(cells)
}

/// Space-separated rows that start with a year, under a header line.
fn year_rows(text: &str, lines: &[Line], first: usize) -> Option<Found> {
    let end = first
        + lines[first..]
            .iter()
            .take_while(|l| YEAR_ROW.is_match(l.text(text)))
            .count();
    if end - first < 2 {
        return None;
    }
    let rows: Vec<Row> = lines[first..end]
        .iter()
        .map(|l| Row {
            span: l.start..l.end,
            cells: year_row_cells(text, l),
        })
        .collect();
    let header_line = first.checked_sub(1).filter(|&h| !lines[h].is_blank(text));
    let header = header_line
        .map(|h| split_header(text, lines[h], rows[0].cells.len()))
        .unwrap_or_default();
    let start = header_line.unwrap_or(first);
    Some(Found {
        lines: start..end,
        header,
        rows,
        caption: caption(text, lines, start),
        year_end_snapshot: false,
        layout: "year-rows",
    })
}

fn year_row_cells(text: &str, line: &Line) -> Vec<Range<usize>> {
    static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)not\s+available|n/?a(?-u:\b)|\[?[cx]\]?|-?[\d,]+(?:\.\d+)?%?|-|\*")
            .expect("valid regex")
    });
    let s = line.text(text);
    let c = YEAR_ROW.captures(s).expect("checked row");
    let label = c.get(1).expect("label");
    let rest = c.get(2).expect("rest");
    let label_cell = line.start + label.start()..line.start + label.end();
    let mut cells = Vec::with_capacity(8);
    cells.push(label_cell);
    cells.extend(
        TOKEN
            .find_iter(rest.as_str())
            .map(|m| line.start + rest.start() + m.start()..line.start + rest.start() + m.end()),
    );
    cells
}

/// Splits "Year Children In Need Child Protection Plans Children In Care" into the label
/// heading and one heading per indicator named, when they match the column count.
fn split_header(text: &str, line: Line, columns: usize) -> Vec<Range<usize>> {
    let named = vocab::mentions(text, line.start..line.end, &Aliases::default());
    if named.len() + 1 != columns {
        return Vec::new();
    }
    let first_word_end = line.start
        + line
            .text(text)
            .trim_start()
            .find(char::is_whitespace)
            .unwrap_or(0)
        + (line.text(text).len() - line.text(text).trim_start().len());
    let mut header = Vec::with_capacity(columns);
    header.push(line.start..first_word_end);
    header.extend(named.into_iter().map(|m| m.span));
    header
}

/// A header of one or two lines, then year lines each followed by a value line.
fn vertical(text: &str, lines: &[Line], first: usize) -> Option<Found> {
    let mut rows = Vec::new();
    let mut i = first;
    while i + 1 < lines.len()
        && YEAR_LABEL.is_match(lines[i].text(text))
        && NUMBER_CELL.is_match(lines[i + 1].text(text))
    {
        let (label, value) = (lines[i], lines[i + 1]);
        rows.push(Row {
            span: label.start..value.end,
            cells: vec![
                trim(text, label.start..label.end),
                trim(text, value.start..value.end),
            ],
        });
        i += 2;
    }
    if rows.len() < 3 {
        return None;
    }
    let header_lines: Vec<usize> = (first.saturating_sub(2)..first)
        .filter(|&h| !lines[h].is_blank(text))
        .collect();
    let header = match header_lines.as_slice() {
        [a, b] => vec![
            lines[*a].start..lines[*a].end,
            lines[*b].start..lines[*b].end,
        ],
        [b] => vec![
            lines[*b].start..lines[*b].end,
            lines[*b].start..lines[*b].end,
        ],
        _ => Vec::new(),
    };
    let start = header_lines.first().copied().unwrap_or(first);
    Some(Found {
        lines: start..i,
        header,
        rows,
        caption: caption(text, lines, start),
        year_end_snapshot: false,
        layout: "vertical",
    })
}

/// The nearest non-blank line above the table, when it is short enough to be a caption.
fn caption(text: &str, lines: &[Line], first: usize) -> Option<Range<usize>> {
    let line = lines[..first]
        .iter()
        .rev()
        .take(3)
        .find(|l| !l.is_blank(text))?;
    (line.text(text).trim().len() <= 200).then(|| trim(text, line.start..line.end))
}

/// What a column heading says about its cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ColumnRole {
    /// "Target", "Goal": the cells are targets.
    pub target: bool,
    /// "England", "Stat neighbours": the cells are a comparator's.
    pub area: Option<crate::model::Area>,
    /// "Change", "Difference", "+/-": the cells are changes between other columns, not values.
    pub change: bool,
}

/// The role of a column from its heading.
pub fn column_role(heading: &str) -> ColumnRole {
    static TARGET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:\d{4}\S*\s+)?(?:target|goal|ambition|aim|threshold)s?(?-u:\b)")
            .expect("valid regex")
    });
    static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:(?:annual|monthly|quarterly|year[\s-]on[\s-]year|%)\s+)?(?:change|difference|diff\.?|variance|var\.?|movement|increase\s*/\s*decrease|\+\s*/\s*[-−–])(?:\s|$|\()")
            .expect("valid regex")
    });
    ColumnRole {
        target: TARGET.is_match(heading),
        area: super::area::column(heading),
        change: CHANGE.is_match(heading.trim()),
    }
}

/// How a row label says its cells are measured: "% of assessments ..." holds percentages even
/// where the cells lack the sign; "Rate ... per 10,000" holds rates.
pub fn row_unit(label: &str) -> Option<crate::model::Unit> {
    static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:%|percentage|proportion|per\s*cent)|\(%\)\s*$")
            .expect("valid regex")
    });
    static PER_10K: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)per\s+10,?000|per\s+10k").expect("valid regex"));
    if PER_10K.is_match(label) {
        Some(crate::model::Unit::Per10k)
    } else if PERCENT.is_match(label) {
        Some(crate::model::Unit::Percent)
    } else {
        None
    }
}

/// The percentage indicator a label names by its predicate ("% of assessments completed
/// within 45 working days").
pub fn percent_indicator_of(
    text: &str,
    cell: Range<usize>,
) -> Option<(&'static str, &'static str)> {
    vocab::predicates(text, cell)
        .first()
        .map(|m| (m.rule.indicator, m.rule.name))
}

/// The indicator a header or label cell names, with the rule's name.
pub fn indicator_of(
    text: &str,
    cell: Range<usize>,
    aliases: &Aliases,
) -> Option<(&'static str, &'static str)> {
    let s = &text[cell.clone()];
    if let Some(i) = HEADING_REGEX.iter().position(|r| r.is_match(s)) {
        return Some((HEADINGS[i].indicator, HEADINGS[i].name));
    }
    let found = vocab::mentions(text, cell, aliases);
    found.first().map(|m| (m.rule.indicator, m.rule.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::lines;

    fn tables(text: &str) -> Vec<(&'static str, usize, usize)> {
        find(text, &lines(text))
            .iter()
            .map(|t| (t.layout, t.header.len(), t.rows.len()))
            .collect()
    }

    #[test]
    fn reads_the_four_layouts() {
        assert_eq!(tables("x\n\tEntering\tLeaving\tNet\nTotal in 2001\t111\t95\t16\nTotal in 2002\t103\t117\t-14\n"), [("tabs", 4, 2)]);
        assert_eq!(
            tables("Child in Need\t355\nChild Protection\t190\n"),
            [("tabs", 0, 2)]
        );
        assert_eq!(
            tables("Year Children In Need Child Protection Plans Children In Care\n2016/17 4293 370 625\n2017/18 3449 299 654\n"),
            [("year-rows", 4, 2)]
        );
        assert_eq!(
            tables("Calendar Year\nCount of contacts\n2017\n31,854\n2018\n29,565\n2019\n31,385\n"),
            [("vertical", 2, 3)]
        );
        assert_eq!(
            tables("\t2019/20\t2020/21\nChildren in care\t300\t320\nCIN\t900\t950\n"),
            [("tabs", 3, 2)]
        );
        assert_eq!(
            tables("Measure      2021/22    2022/23\nChildren in care     366     372\nChild protection plans     290    301\n"),
            [("spaces", 3, 2)]
        );
        assert_eq!(
            tables(
                "95%  of young people were in suitable accommodation.\nThe proportion was 65%.\n"
            ),
            []
        );
    }

    #[test]
    fn a_table_goes_on_over_a_page_break_and_its_furniture() {
        let turned = "\tEntering\tLeaving\nTotal in 2001\t111\t95\n\n\u{c}\nAgenda Item 5\nTotal in 2002\t103\t117\n";
        assert_eq!(tables(turned), [("tabs", 3, 2)]);
        // Without a page break, or with prose between, they are two tables.
        let parted = "\tEntering\tLeaving\nTotal in 2001\t111\t95\n\nTotal in 2002\t103\t117\nTotal in 2003\t131\t134\n";
        assert_eq!(tables(parted).len(), 2);
        let prose = "\tEntering\tLeaving\nTotal in 2001\t111\t95\n\u{c}\nThe number of children who entered care in 2001 was higher than expected.\nTotal in 2002\t103\t117\nTotal in 2003\t131\t134\n";
        assert_eq!(tables(prose).len(), 2);
    }
}
