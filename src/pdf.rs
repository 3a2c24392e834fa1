//! PDF files: their text rebuilt from where each glyph is drawn, not from the order of the
//! content stream, so that lines read left to right, table cells stay in their rows
//! (separated by tabs) and numbers keep their spacing ("1,840", not "1, 8 4 0").
//!
//! pdf-extract (on lopdf) interprets each page and hands over every glyph with its position
//! and size; [`Page`] collects them and lays them out. Pages are separated by a form feed on a
//! line of its own (`\n\f\n`): a figure's page is one more than the form feeds before it.
//!
//! PDF parsers are large and meet hostile files: in the browser this runs in a worker that is
//! restarted if it dies; on the command line a panic inside the parser is caught and reported
//! as a damaged file.

use crate::error::{Error, ErrorKind};
use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};

/// What separates pages in the text.
pub const PAGE_BREAK: &str = "\n\u{c}\n";

/// One glyph as drawn: its left edge and baseline (y grows down the page), its advance and
/// its size, all in points.
#[derive(Debug, Clone)]
struct Glyph {
    /// Its place in the order of drawing.
    seq: usize,
    x: f64,
    y: f64,
    width: f64,
    size: f64,
    text: String,
}

/// A vertical line drawn on the page (a table's rule between columns), y growing down.
#[derive(Debug, Clone, Copy)]
struct Rule {
    x: f64,
    top: f64,
    bottom: f64,
}

/// Collects the glyphs and rules of the page being read and lays each page out when it ends.
#[derive(Default)]
struct Page {
    height: f64,
    glyphs: Vec<Glyph>,
    rules: Vec<Rule>,
    pages: Vec<String>,
}

impl Page {
    /// The vertical lines of a path drawn with `ctm`: line segments, the sides of
    /// rectangles, and (filled) thin upright bars, as Word and Chromium draw borders.
    fn add_rules(&mut self, ctm: &Transform, path: &Path, filled: bool) {
        let height = self.height;
        let at = |x: f64, y: f64| {
            let px = x * ctm.m11 + y * ctm.m21 + ctm.m31;
            let py = x * ctm.m12 + y * ctm.m22 + ctm.m32;
            (px, height - py)
        };
        let mut rules = Vec::new();
        let mut pen = (0.0, 0.0);
        // The corners of the shape being filled.
        let mut shape: Vec<(f64, f64)> = Vec::new();
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => {
                    if filled {
                        rules.extend(bar(&shape));
                        shape.clear();
                    }
                    pen = at(x, y);
                    shape.push(pen);
                }
                PathOp::LineTo(x, y) => {
                    let to = at(x, y);
                    if filled {
                        shape.push(to);
                    } else {
                        rules.extend(vertical(pen, to));
                    }
                    pen = to;
                }
                PathOp::Rect(x, y, w, h) => {
                    let (a, b) = (at(x, y), at(x + w, y + h));
                    if filled {
                        rules.extend(bar(&[a, b]));
                    } else {
                        rules.extend(vertical(a, (a.0, b.1)));
                        rules.extend(vertical((b.0, a.1), b));
                    }
                }
                _ => {}
            }
        }
        if filled {
            rules.extend(bar(&shape));
        }
        self.rules.extend(rules);
    }
}

/// The line from `a` to `b`, if it is upright and longer than a dot.
fn vertical((x0, y0): (f64, f64), (x1, y1): (f64, f64)) -> Option<Rule> {
    let upright = (x0 - x1).abs() < 1.0 && (y0 - y1).abs() > 3.0;
    (upright && [x0, y0, x1, y1].iter().all(|v| v.is_finite())).then(|| Rule {
        x: (x0 + x1) / 2.0,
        top: y0.min(y1),
        bottom: y0.max(y1),
    })
}

/// A filled shape with these corners, if it is a thin upright bar (a drawn rule).
fn bar(corners: &[(f64, f64)]) -> Option<Rule> {
    let (mut left, mut right, mut top, mut bottom) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in corners {
        (left, right, top, bottom) = (left.min(x), right.max(x), top.min(y), bottom.max(y));
    }
    (corners.len() >= 2 && right - left < 2.0).then_some(())?;
    vertical((left, top), (left, bottom)).map(|r| Rule {
        x: (left + right) / 2.0,
        ..r
    })
}

impl OutputDev for Page {
    fn begin_page(
        &mut self,
        _number: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.glyphs.clear();
        self.rules.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let glyphs = std::mem::take(&mut self.glyphs);
        let rules = std::mem::take(&mut self.rules);
        self.pages.push(lay_out(glyphs, &rules));
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.add_rules(ctm, path, false);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.add_rules(ctm, path, true);
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The glyph's size on the page: the side of the square of the same area as the
        // transformed em square.
        let scaled_x = font_size * (trm.m11 + trm.m21);
        let scaled_y = font_size * (trm.m12 + trm.m22);
        let size = (scaled_x * scaled_y).abs().sqrt();
        let (x, y) = (trm.m31, self.height - trm.m32);
        if text.is_empty() || !x.is_finite() || !y.is_finite() || size.is_nan() || size <= 0.1 {
            return Ok(());
        }
        // A drawn space is a space, whatever the gap it leaves.
        let text = if text.trim().is_empty() { " " } else { text };
        self.glyphs.push(Glyph {
            seq: self.glyphs.len(),
            x,
            y,
            width: width * size,
            size,
            text: text.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The gap between glyphs, in type sizes, that starts a new column (written as a tab). Word
/// spaces are about a quarter of the size, stretched to half or so in justified text; tab
/// stops and table cells leave a size or more.
const COLUMN_GAP: f64 = 1.0;

/// The gap between glyphs, in type sizes, that is a space where none is drawn (letters are
/// set closer than this, words farther).
const WORD_GAP: f64 = 0.15;

/// A page's text from its glyphs: glyphs on one baseline make a line, read left to right; a
/// gap of [`WORD_GAP`] is a space, a gap of [`COLUMN_GAP`] or a rule drawn across the line a
/// tab (a new column); a line farther below the one before than the page's usual line
/// spacing (and a size and a half) starts a new paragraph, after a blank line.
fn lay_out(mut glyphs: Vec<Glyph>, rules: &[Rule]) -> String {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Lines: glyphs whose baselines are within half a size of the line's first.
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for glyph in glyphs {
        match lines.last_mut() {
            Some(line) if (glyph.y - line[0].y).abs() <= 0.5 * line[0].size.max(glyph.size) => {
                line.push(glyph)
            }
            _ => lines.push(vec![glyph]),
        }
    }
    let mut rows: Vec<Row> = lines.into_iter().map(|l| Row::of(l, rules)).collect();
    align_headings(&mut rows);
    // The page's usual distance between lines: a wider one is a new paragraph.
    let mut steps: Vec<f64> = rows
        .windows(2)
        .map(|w| w[1].y - w[0].y)
        .filter(|&d| d > 0.0 && d < 4.0 * rows[0].size.max(1.0))
        .collect();
    steps.sort_by(f64::total_cmp);
    let usual = steps.get(steps.len() / 2).copied().unwrap_or(0.0);
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        if let Some(above) = i.checked_sub(1).map(|a| &rows[a]) {
            if row.y - above.y > (1.4 * usual).max(1.5 * row.size.max(above.size)) {
                out.push('\n');
            }
        }
        let cells: Vec<&str> = row.cells.iter().map(|c| c.text.as_str()).collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// One line of a page, cut into cells where the gaps are wide.
struct Row {
    y: f64,
    size: f64,
    cells: Vec<Cell>,
}

/// Text with no column gap in it, and where it starts and ends across the page.
struct Cell {
    start: f64,
    end: f64,
    text: String,
}

impl Row {
    fn of(mut line: Vec<Glyph>, rules: &[Rule]) -> Row {
        let (y, size) = (line[0].y, line.iter().map(|g| g.size).fold(0.0, f64::max));
        // Runs: glyphs drawn one after another, each where the one before ends. A run is read
        // in the order it was drawn (positions inside one can be off by a little, where a
        // font's widths are not what its glyphs are); runs are read left to right.
        line.sort_by_key(|g| g.seq);
        let mut runs: Vec<Vec<Glyph>> = Vec::new();
        for glyph in line {
            match runs.last_mut() {
                Some(run)
                    if run.last().is_some_and(|l| {
                        glyph.x > l.x - 0.5 * glyph.size
                            && glyph.x <= l.x + l.width + COLUMN_GAP * glyph.size
                    }) =>
                {
                    run.push(glyph)
                }
                _ => runs.push(vec![glyph]),
            }
        }
        runs.sort_by(|a, b| a[0].x.total_cmp(&b[0].x));
        // The same text drawn twice at one place (a poor man's bold) is read once.
        runs.dedup_by(|b, a| {
            (a[0].x - b[0].x).abs() < 0.2 * size
                && a.len() == b.len()
                && a.iter().zip(b.iter()).all(|(x, y)| x.text == y.text)
        });
        let line: Vec<Glyph> = runs.into_iter().flatten().collect();
        // The rules crossing this line, left to right.
        let mut across: Vec<f64> = rules
            .iter()
            .filter(|r| r.top <= y && r.bottom >= y - 0.5 * size)
            .map(|r| r.x)
            .collect();
        across.sort_by(f64::total_cmp);
        let ruled = |from: f64, to: f64| {
            let i = across.partition_point(|&x| x < from - 0.5);
            across.get(i).is_some_and(|&x| x <= to + 0.5)
        };
        let mut cells: Vec<Cell> = Vec::new();
        for glyph in &line {
            let end = glyph.x + glyph.width;
            let space = glyph.text == " ";
            match cells.last_mut() {
                Some(cell)
                    if glyph.x - cell.end <= COLUMN_GAP * glyph.size
                        && !ruled(cell.end, glyph.x) =>
                {
                    if !space
                        && glyph.x - cell.end > WORD_GAP * glyph.size
                        && !cell.text.ends_with(' ')
                    {
                        cell.text.push(' ');
                    }
                    cell.text.push_str(&glyph.text);
                    cell.end = cell.end.max(end);
                }
                // A space does not start a cell.
                _ if space => {}
                _ => cells.push(Cell {
                    start: glyph.x,
                    end,
                    text: glyph.text.clone(),
                }),
            }
        }
        for cell in &mut cells {
            cell.text.truncate(cell.text.trim_end().len());
        }
        Row { y, size, cells }
    }
}

/// A table's heading row often leaves its first column empty (the years or names below it
/// have no heading): the heading's cells are moved over their columns, so that they head
/// the right ones, by leaving an empty cell for each column of the next row that ends
/// before the heading's first cell starts (or one, when the heading row is indented).
fn align_headings(rows: &mut [Row]) {
    for i in 1..rows.len() {
        let (head, body) = rows.split_at_mut(i);
        let (heading, next) = (&mut head[i - 1], &body[0]);
        if heading.cells.len() < 2 || next.cells.len() <= heading.cells.len() {
            continue;
        }
        let first = heading.cells[0].start;
        let mut empty = next.cells.iter().take_while(|c| c.end < first).count();
        // Tab stops do not line columns up; an indented heading row still skips the first.
        if empty == 0 && first > next.cells[0].start + COLUMN_GAP * heading.size {
            empty = 1;
        }
        let empty = empty.min(next.cells.len() - heading.cells.len());
        if empty > 0 {
            let blank = || Cell {
                start: first,
                end: first,
                text: String::new(),
            };
            heading
                .cells
                .splice(0..0, std::iter::repeat_with(blank).take(empty));
        }
    }
}

fn unreadable(reason: &str) -> Error {
    ErrorKind::Unreadable(format!("cannot read this PDF: {reason}")).into()
}

/// The text of a PDF file, page after page (see [`PAGE_BREAK`]); `progress` hears each page
/// read (`page`, `pages`).
pub fn to_text(bytes: &[u8], progress: &mut dyn FnMut(u32, u32)) -> Result<String, Error> {
    // The header may follow a little junk (some producers write a few bytes first).
    if !bytes[..bytes.len().min(1024)]
        .windows(4)
        .any(|w| w == b"%PDF")
    {
        return Err(unreadable("it is not a PDF file (no %PDF header)"));
    }
    guarded(|| read(bytes, progress))
}

fn read(bytes: &[u8], progress: &mut dyn FnMut(u32, u32)) -> Result<String, Error> {
    let mut document = lopdf::Document::load_mem(bytes)
        .map_err(|e| unreadable(&format!("the file is damaged ({e})")))?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(unreadable(
            "it is password-protected; open it, save an unprotected copy and try again",
        ));
    }
    let numbers: Vec<u32> = document.get_pages().keys().copied().collect();
    let total = numbers.len() as u32;
    let mut page = Page::default();
    for (done, number) in numbers.into_iter().enumerate() {
        let before = page.pages.len();
        if pdf_extract::output_doc_page(&document, &mut page, number).is_err() {
            page.glyphs.clear();
        }
        // A page that cannot be read leaves an empty page, not the whole document unread.
        if page.pages.len() == before {
            page.pages.push(String::new());
        }
        progress(done as u32 + 1, total);
    }
    if page.pages.iter().all(|p| p.trim().is_empty()) {
        return Err(if total == 0 {
            unreadable("it has no pages")
        } else {
            unreadable("this PDF has no text layer (a scan?); text recognition is not supported")
        });
    }
    Ok(page.pages.join(PAGE_BREAK))
}

/// Runs the parser, turning a panic inside it into an error (on the command line; in
/// WebAssembly a panic aborts, and the worker running this is restarted instead).
fn guarded(read: impl FnOnce() -> Result<String, Error>) -> Result<String, Error> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
            Err(unreadable(
                "the PDF reader failed on it (the file may be damaged)",
            ))
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        read()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(line: &str, x0: f64, y: f64, size: f64) -> Vec<Glyph> {
        // Each character a glyph half a size wide; '|' is a gap of three sizes.
        let mut x = x0;
        let mut out = Vec::new();
        for c in line.chars() {
            match c {
                '|' => x += 3.0 * size,
                ' ' => x += 0.5 * size,
                c => {
                    out.push(Glyph {
                        seq: out.len(),
                        x,
                        y,
                        width: 0.5 * size,
                        size,
                        text: c.to_string(),
                    });
                    x += 0.5 * size;
                }
            }
        }
        out
    }

    /// Glyphs drawn in the order given, line after line.
    fn drawn(lines: Vec<Vec<Glyph>>) -> Vec<Glyph> {
        let mut page: Vec<Glyph> = lines.into_iter().flatten().collect();
        for (i, g) in page.iter_mut().enumerate() {
            g.seq = i;
        }
        page
    }

    #[test]
    fn lines_are_rebuilt_from_positions_not_drawing_order() {
        // Drawn bottom up, and the table's columns one by one: the order in the file does
        // not matter.
        let page = drawn(vec![
            glyphs("There are 366 children in care.", 50.0, 160.0, 10.0),
            glyphs("Leaving", 140.0, 100.0, 10.0),
            glyphs("1,839", 140.0, 112.0, 10.0),
            glyphs("Entering", 85.0, 100.0, 10.0),
            glyphs("170", 85.0, 112.0, 10.0),
            glyphs("Year", 50.0, 100.0, 10.0),
            glyphs("2016", 50.0, 112.0, 10.0),
        ]);
        assert_eq!(
            lay_out(page, &[]),
            "Year\tEntering\tLeaving\n2016\t170\t1,839\n\nThere are 366 children in care.\n"
        );
    }

    #[test]
    fn a_heading_row_over_an_unheaded_first_column_keeps_its_columns() {
        let page = drawn(vec![
            glyphs("Entering|Leaving", 120.0, 100.0, 10.0),
            glyphs("Total in 2001|111|95", 50.0, 112.0, 10.0),
            glyphs("Total in 2002|103|117", 50.0, 124.0, 10.0),
        ]);
        assert_eq!(
            lay_out(page, &[]),
            "\tEntering\tLeaving\nTotal in 2001\t111\t95\nTotal in 2002\t103\t117\n"
        );
    }

    #[test]
    fn a_rule_between_close_cells_parts_them() {
        // "Total in 2001" and "111" a word space apart, a table's rule between them.
        let page = glyphs("Total in 2001 111", 50.0, 100.0, 10.0);
        let rule = Rule {
            x: 116.0,
            top: 90.0,
            bottom: 104.0,
        };
        assert_eq!(lay_out(page.clone(), &[]), "Total in 2001 111\n");
        assert_eq!(lay_out(page, &[rule]), "Total in 2001\t111\n");
    }

    #[test]
    fn a_superscript_stays_on_its_line_and_doubled_glyphs_count_once() {
        let bold = glyphs("366", 50.0, 120.0, 10.0);
        let page = drawn(vec![
            glyphs("13", 50.0, 100.0, 10.0),
            glyphs("th", 60.0, 97.0, 6.0),
            glyphs("January", 68.0, 100.0, 10.0),
            bold.clone(),
            bold,
        ]);
        let text = lay_out(page, &[]);
        assert!(text.starts_with("13th January\n"), "{text}");
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.ends_with("366\n"), "{text}");
    }

    #[test]
    fn not_a_pdf_is_said() {
        let error = to_text(b"There are 366 children in care.", &mut |_, _| {}).unwrap_err();
        assert_eq!(
            error.to_string(),
            "cannot read this PDF: it is not a PDF file (no %PDF header)"
        );
    }
}
