//! Cutting a document into lines and sentences, keeping byte offsets into the original text.
//!
//! Council documents mix prose, headings, bullet lists and tables; copy-paste out of a PDF
//! also wraps sentences over several lines. A sentence here is what one figure's context is:
//! it ends at `.`, `?` or `!` before a capital, at a blank line, at a heading or at a bullet.

use std::collections::BTreeMap;
use std::ops::Range;

/// A set of byte ranges, kept merged, that answers "does this overlap any of them?" in
/// logarithmic time (the scans of a long document claim thousands of spans).
#[derive(Debug, Default)]
pub struct Spans(BTreeMap<usize, usize>);

impl Spans {
    /// True when `r` overlaps a range of the set.
    pub fn overlaps(&self, r: &Range<usize>) -> bool {
        self.0
            .range(..r.end)
            .next_back()
            .is_some_and(|(_, &end)| end > r.start)
    }

    /// Adds `r`, merging it with the ranges it overlaps or touches.
    pub fn insert(&mut self, r: Range<usize>) {
        let (mut start, mut end) = (r.start, r.end);
        let touching: Vec<(usize, usize)> = self
            .0
            .range(..=r.end)
            .rev()
            .take_while(|(_, &e)| e >= r.start)
            .map(|(&s, &e)| (s, e))
            .collect();
        for (s, e) in touching {
            self.0.remove(&s);
            start = start.min(s);
            end = end.max(e);
        }
        self.0.insert(start, end);
    }
}

/// One line of the text, without its line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character (before `\r\n` or `\n`).
    pub end: usize,
}

impl Line {
    /// The line's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when the line holds nothing but spaces (including no-break spaces).
    pub fn is_blank(&self, text: &str) -> bool {
        self.text(text).chars().all(char::is_whitespace)
    }
}

/// What kind of unit of text a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Ordinary running text.
    Prose,
    /// A short line standing on its own: a title or section heading.
    Heading,
    /// An item of a bulleted or numbered list.
    Bullet,
}

/// A sentence (or heading, or list item) of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// Prose, heading or list item.
    pub kind: Kind,
    /// True when a blank line or a heading separates it from the sentence before.
    pub new_block: bool,
}

/// Splits the text into lines.
pub fn lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        if byte == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            lines.push(Line { start, end });
            start = i + 1;
        }
    }
    if start < text.len() {
        lines.push(Line {
            start,
            end: text.len(),
        });
    }
    lines
}

/// Cuts the lines not claimed by tables into sentences.
pub fn sentences(text: &str, lines: &[Line], in_table: &[bool]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut new_block = true;
    let mut open: Option<(usize, Kind)> = None; // start of the sentence being built
    for (i, line) in lines.iter().enumerate() {
        if in_table[i] || line.is_blank(text) {
            close(&mut out, &mut open, text, line.start, &mut new_block);
            new_block = true;
            continue;
        }
        let body = line.text(text);
        let kind = line_kind(body, lines.get(i + 1).map(|next| next.text(text)));
        let continues =
            open.is_some() && kind == Kind::Prose && continues_previous(text, lines[i - 1], body);
        if !continues {
            close(&mut out, &mut open, text, line.start, &mut new_block);
            let lead = body.len() - body.trim_start().len();
            open = Some((line.start + lead, kind));
        }
        split_inside(text, line, &mut out, &mut open, &mut new_block);
        if kind == Kind::Heading {
            close(&mut out, &mut open, text, line.end, &mut new_block);
            new_block = true;
        }
    }
    close(&mut out, &mut open, text, text.len(), &mut new_block);
    out
}

/// The longest sentence kept whole, in bytes: longer runs (tables pasted as prose, lists without
/// stops, hostile input) are cut at clause punctuation so that reading stays linear.
pub const MAX_SENTENCE: usize = 2000;

/// Ends the open sentence at `end` (trimmed) and records it.
fn close(
    out: &mut Vec<Sentence>,
    open: &mut Option<(usize, Kind)>,
    text: &str,
    end: usize,
    new_block: &mut bool,
) {
    let Some((start, kind)) = open.take() else {
        return;
    };
    let end = start + text[start..end].trim_end().len();
    let mut start = start;
    while end - start > MAX_SENTENCE {
        let cut = cut_point(text, start, start + MAX_SENTENCE);
        out.push(Sentence {
            span: start..cut,
            kind,
            new_block: *new_block,
        });
        *new_block = false;
        start = cut + text[cut..end].len() - text[cut..end].trim_start().len();
    }
    if end > start {
        out.push(Sentence {
            span: start..end,
            kind,
            new_block: *new_block,
        });
        *new_block = kind == Kind::Heading;
    }
}

/// Where to cut an over-long sentence before `limit`: after the last ";" or ",", else the last
/// space, else at a character boundary.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let mut limit = limit;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    let at = window
        .rfind([';', ','])
        .map(|i| i + 1)
        .or_else(|| window.rfind(' '))
        .filter(|&i| i > 0);
    start + at.unwrap_or(window.len())
}

/// Closes sentences that end inside this line ("... in care. The total ...").
fn split_inside(
    text: &str,
    line: &Line,
    out: &mut Vec<Sentence>,
    open: &mut Option<(usize, Kind)>,
    new_block: &mut bool,
) {
    for (offset, c) in line.text(text).char_indices() {
        let i = line.start + offset;
        if open.is_some_and(|(start, _)| i < start) {
            continue;
        }
        if matches!(c, '.' | '?' | '!') && ends_sentence(text, i, line.end) {
            let Some((_, kind)) = *open else { return };
            close(out, open, text, i + 1, new_block);
            let rest = &text[i + 1..line.end];
            let next = i + 1 + rest.len() - rest.trim_start().len();
            if next < line.end {
                *open = Some((
                    next,
                    if kind == Kind::Heading {
                        Kind::Prose
                    } else {
                        kind
                    },
                ));
            }
        } else if c == '•' && !text[line.start..i].trim().is_empty() {
            close(out, open, text, i, new_block);
            *open = Some((i, Kind::Bullet));
        }
    }
}

/// True when the `.`, `?` or `!` at `i` ends a sentence.
fn ends_sentence(text: &str, i: usize, line_end: usize) -> bool {
    let after = &text[i + 1..line_end];
    let rest = after.trim_start_matches(['"', '\'', '”', '’', ')']);
    if rest.len() == after.len() && !after.starts_with(char::is_whitespace) {
        return false; // "96.7", "e.g.x", "gov.uk"
    }
    let Some(first) = rest.trim_start().chars().next() else {
        return true;
    };
    // "Number of children looked after ........ 412": dot leaders join a label to its value.
    if first.is_ascii_digit() && text[..i].ends_with("..") {
        return false;
    }
    // "As at 30th Nov. 2024": an abbreviated month before its year.
    if first.is_ascii_digit() && is_month_abbreviation(&text[..i]) {
        return false;
    }
    let starts_new = first.is_uppercase() || first.is_ascii_digit() || "“\"'‘•(".contains(first);
    starts_new && !(text.as_bytes()[i] == b'.' && is_abbreviation(&text[..i]))
}

/// True when the text before a full stop ends with an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    const ABBREVIATIONS: [&str; 25] = [
        "no", "cllr", "dr", "mr", "mrs", "ms", "st", "e.g", "i.e", "etc", "approx", "c", "vs",
        "fig", "para", "ref", "s", "cf", "excl", "incl", "inc", "exc", "avg", "est", "nos",
    ];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
}

/// True when the text before a full stop ends with a month's abbreviation ("Nov", "Sept").
fn is_month_abbreviation(before: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    MONTHS.contains(&word.to_ascii_lowercase().as_str())
}

/// Decides whether a line is a heading, a list item or prose.
fn line_kind(body: &str, next: Option<&str>) -> Kind {
    let trimmed = body.trim().trim_matches('*').trim();
    if starts_with_bullet(trimmed) {
        return Kind::Bullet;
    }
    // A line that starts in lower case carries on the one before: a heading starts a line.
    if trimmed.starts_with(|c: char| c.is_lowercase()) {
        return Kind::Prose;
    }
    let last_word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    // "The council received 5,912 contacts in 2023/24 which resulted in": no heading ends so.
    let ends_on_open_word =
        trimmed.contains(' ') && OPEN_ENDED.contains(&last_word.to_ascii_lowercase().as_str());
    let ends_open =
        !(trimmed.ends_with(['.', ',', ';', ':', '?', '!', '-', '–']) || ends_on_open_word);
    let short = trimmed.chars().count() <= 80;
    let next_starts_low = next
        .and_then(|n| n.trim_start().chars().next())
        .is_some_and(|c| c.is_lowercase());
    if short && ends_open && !next_starts_low && trimmed.split_whitespace().count() <= 12 {
        Kind::Heading
    } else {
        Kind::Prose
    }
}

/// True for "• ...", "- ...", "* ...", "1. ...", "a) ..." and similar list markers.
fn starts_with_bullet(line: &str) -> bool {
    if line.starts_with(['•', '·', '▪', '◦', '●', '○', '■', '\u{F0B7}']) {
        return true;
    }
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("– ") {
        return true;
    }
    let marker = line.split_whitespace().next().unwrap_or("");
    let core = marker.trim_end_matches(['.', ')']).trim_start_matches('(');
    marker.len() > core.len()
        && !core.is_empty()
        && core.len() <= 3
        && (core.chars().all(|c| c.is_ascii_digit() || c == '.')
            || (core.len() == 1 && core.chars().all(|c| c.is_ascii_lowercase())))
}

/// Words a sentence cannot end on: a line that ends on one carries on in the next.
const OPEN_ENDED: [&str; 22] = [
    "a", "an", "the", "of", "to", "in", "at", "on", "by", "for", "from", "with", "since", "and",
    "or", "than", "was", "were", "is", "are", "as", "between",
];

/// True when a line carries on the sentence of the line before (wrapped text): it starts in
/// lower case, or the line before is long, or ends on a word that cannot end a sentence
/// ("... a decrease of 31 since" / "March.").
fn continues_previous(text: &str, previous: Line, body: &str) -> bool {
    let before = previous.text(text).trim_end();
    if before.ends_with(['.', '?', '!', ':', ';']) || before.is_empty() {
        return false;
    }
    let first = body.trim_start().chars().next().unwrap_or(' ');
    let last_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    first.is_lowercase()
        || before.chars().count() >= 60 && !ends_on_a_value(before)
        || before.contains(' ') && OPEN_ENDED.contains(&last_word.to_ascii_lowercase().as_str())
}

/// True when a line ends on a value given to a label ("... within statutory timescales: 87.3%",
/// "Number of Children Looked After (CLA) - 262"): a record of its own, however long.
fn ends_on_a_value(line: &str) -> bool {
    let number = line
        .trim_end_matches('%')
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    let head = number.trim_end_matches('£').trim_end();
    number.len() < line.trim_end_matches('%').len()
        && (head.ends_with(':') || head.ends_with(" -") || head.ends_with(" –"))
}

/// The last `n` bytes of `s` or a little fewer, cut at a character boundary.
pub fn tail(s: &str, n: usize) -> &str {
    let mut at = s.len().saturating_sub(n);
    while !s.is_char_boundary(at) {
        at += 1;
    }
    &s[at..]
}

/// The first `n` bytes of `s` or a little fewer, cut at a character boundary.
pub fn head(s: &str, n: usize) -> &str {
    let mut at = n.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    &s[..at]
}

/// The byte range of a sentence trimmed of list markers and markdown emphasis.
pub fn clean_span(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let trimmed = s.trim_start_matches(|c: char| c.is_whitespace() || "•·▪◦●○■*-–".contains(c));
    span.start + (s.len() - trimmed.len())..span.end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let lines = lines(text);
        let in_table = vec![false; lines.len()];
        sentences(text, &lines, &in_table)
            .into_iter()
            .map(|s| &text[s.span])
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_decimals_or_abbreviations() {
        assert_eq!(
            split("There are 96.7% in time. Cllr. Smith said 4 No. 5 items. Next one."),
            [
                "There are 96.7% in time.",
                "Cllr. Smith said 4 No. 5 items.",
                "Next one."
            ]
        );
        assert_eq!(
            split("CIN (excl. CP and CIC): 1,102. Avg. caseload 18."),
            ["CIN (excl. CP and CIC): 1,102.", "Avg. caseload 18."]
        );
    }

    #[test]
    fn headings_and_bullets_stand_alone() {
        let text = "Main points\n\nOn 31 March 2024\n\n  • 7,198 children were looked after.\n  • 80.2% were on care orders.";
        assert_eq!(
            split(text),
            [
                "Main points",
                "On 31 March 2024",
                "• 7,198 children were looked after.",
                "• 80.2% were on care orders."
            ]
        );
    }

    #[test]
    fn joins_wrapped_lines() {
        let text = "As at 13th January there are 366 children in care, 307 children subject to\nChild Protection Plans and 645 children.";
        assert_eq!(split(text).len(), 1);
    }
}
