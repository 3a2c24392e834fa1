//! What a document says about itself: its date, title, authority, committee and kind.
//!
//! The date matters most: "as at 13th January" and "currently" are resolved against it. It is
//! taken only from places that state the document's own date ("DATE: 26th January 2017",
//! "Date of decision", "Meeting: 13/07/2022", a date standing alone near the top, "this month
//! (December 2020)"); a date in the body ("On 31 March 2024") is never taken for it.

use super::dates::{self, Expr, Point, TimeExpr};
use crate::model::Meta;
use regex::Regex;
use std::sync::LazyLock;

/// "Date of decision 22 July 2021", "Cabinet Decision: 16th June 2011", "DATE: 26th January 2017",
/// "Published: 14 February 2024", "Held on Tuesday 8 October 2024", "Presented to Cabinet on
/// 16 July 2024", "(reported 11 November 2024)" (the last kind only when the document says
/// nothing better).
/// Matched against the text lowered (faster than a case flag, see [`super::dates`]).
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?P<decision>(?-u:\b)date\s+of\s+(?:decision|response|reply|issue|publication|report|meeting|letter)(?-u:\b))|(?P<meeting>^\s*(?:meeting(?:\s+date)?|cabinet\s+decision|decision\s+date|date\s+of\s+meeting|meeting\s+held\s+on)\s*:|^\s*(?:minutes|meeting|record)\s+of(?-u:\b)[^\n]{0,120}?(?-u:\b)held(?-u:\b)[^\n]{0,80}?(?-u:\b)on(?-u:\b)|^\s*(?:held(?:\s+(?:at|in)(?-u:\b)[^\n]{0,60}?)?|(?:presented|submitted|reported?)\s+to(?-u:\b)[^\n]{0,60}?)\s+on(?-u:\b))|(?P<plain>(?-u:\b)date\s*:|(?-u:\b)inspection\s+dates?\s*:|^\s*(?:last\s+)?(?:reviewed|updated)\s*:|(?-u:\b)(?:publication\s+date|published(?:\s+on)?|issued\s+on)\s*:|^\s*(?:published|issued)(?:\s+on)?\s|^\s*date(?-u:\b)\s*|^\s*(?:report(?:ed)?\s+date|date\s+(?:produced|prepared|reported)|(?:produced|prepared|reported)(?:\s+on)?)\s*:|\(\s*(?:reported|produced|prepared|published|issued)(?:\s+on)?\s)")
        .expect("valid regex")
});
/// "this month (December 2020)".
static THIS_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)this\s+month\s+\(([A-Za-z]+\s+\d{4})\)").expect("valid regex")
});
/// "Blackburn with Darwen Borough Council", "London Borough of Lambeth", "Durham County Council".
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:London\s+Borough\s+of\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)?|Royal\s+Borough\s+of\s+[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?|City\s+of\s+[A-Z][a-z]+(?:\s+Council)?|(?:[A-Z][a-z]+(?:[\s-]+(?:with|upon|on|and|of|in|under)\s+|[\s-]+)){0,3}[A-Z][a-z]+\s+(?:County\s+Borough|Metropolitan\s+Borough|Borough|County|City|District)\s+Council)")
        .expect("valid regex")
});
/// "Corporate Parenting Specialist Advisory Group", "Scrutiny Committee", "Cabinet".
static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[A-Z][\w&’'-]*\s+){1,6}(?:Committee|Panel|Board|Advisory\s+Group|Cabinet|Forum)(?-u:\b)|(?:CORPORATE|SCRUTINY|[A-Z]{3,})(?:\s+[A-Z&]{2,}){0,6}\s+(?:COMMITTEE|PANEL|BOARD|GROUP)(?-u:\b)")
        .expect("valid regex")
});

/// Reads the document's meta data. The date is `YYYY-MM-DD`, or `YYYY-MM` when only the month
/// is stated.
pub fn detect(text: &str) -> Meta {
    Meta {
        title: title(text),
        authority: authority(text),
        date: date(text).map(|p| p.to_string()),
        committee: committee(&text[..floor(text, 4000)]),
        kind: Some(kind(text).to_string()),
    }
}

/// The first committee named in `head`.
fn committee(head: &str) -> Option<String> {
    // Every name ends in one of these words: most texts are spared the search.
    const LAST_WORDS: [&str; 10] = [
        "Committee",
        "Panel",
        "Board",
        "Group",
        "Cabinet",
        "Forum",
        "COMMITTEE",
        "PANEL",
        "BOARD",
        "GROUP",
    ];
    if !contains_any(head, &LAST_WORDS) {
        return None;
    }
    COMMITTEE.find(head).map(|m| m.as_str().trim().to_string())
}

/// True when `text` holds any of `words`.
fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// The smallest char boundary not before `at`.
fn ceil(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The largest char boundary not after `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The document's own date.
pub fn date(text: &str) -> Option<Point> {
    // The document's own date is stated at its top, or at its end (FOI responses).
    let head = &text[..floor(text, 6000)];
    let tail_start = ceil(text, text.len().saturating_sub(3000).max(head.len()));
    // One pass over the head and the tail: the first date after each kind of label.
    let mut labelled: [Option<Point>; 3] = [None; 3];
    for (part, offset) in [(head, 0), (&text[tail_start..], tail_start)] {
        for c in DATE_LABEL.captures_iter(&part.to_ascii_lowercase()) {
            let group = ["decision", "meeting", "plain"]
                .iter()
                .position(|g| c.name(g).is_some())
                .unwrap_or(2);
            if labelled[group].is_some() {
                continue;
            }
            let after = offset + c.get(0).expect("match").end();
            let window = &text[after..floor(text, after + 60)];
            labelled[group] =
                first_day(window.trim_start_matches([':', ' ', '\t', '\n', '\r', '-', '–']));
        }
    }
    let [decision, meeting, plain] = labelled;
    decision
        .or(meeting)
        .or_else(|| date_line(text))
        .or(plain)
        .or_else(|| dated_heading(text))
        .or_else(|| iso_near_top(text))
        .or_else(|| this_month(text))
        .or_else(|| month_line(text))
}

/// A date at the very start of `s` (after a weekday, perhaps): a day, or a month of a year
/// ("Date: March 2024").
fn first_day(s: &str) -> Option<Point> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let found = dates::find(s, 0..s.len());
    let t = found.first()?;
    if t.span.start > 12 {
        return None;
    }
    let last = match &t.expr {
        // "Inspection dates: 14 to 25 October 2024": the last day.
        Expr::Range(_, b) => b,
        e => e,
    };
    match *last {
        Expr::Day { y: Some(y), m, d } => Some(Point::day(y, m, d)),
        Expr::Month { y: Some(y), m } => Some(Point::month(y, m)),
        _ => None,
    }
}

/// A line near the top that is only a date ("Wednesday, 4th July, 2018", "| 10 July 2019").
fn date_line(text: &str) -> Option<Point> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(15)
        .filter(|l| l.len() <= 80 && l.bytes().any(|b| b.is_ascii_digit()))
        .find_map(|line| dates::only_a_date(line.split('\t').next().unwrap_or("")))
}

/// The first `lines` lines of `text` that are not empty and could be a dated heading (at most
/// `max_len` bytes, a digit, no closing full stop), each with its one time expression; a line
/// with none or several is passed over.
fn headings_near_the_top(
    text: &str,
    lines: usize,
    max_len: usize,
) -> impl Iterator<Item = (&str, TimeExpr)> {
    text.lines()
        .map(|l| l.trim().trim_matches(['*', '#', '|']).trim())
        .filter(|l| !l.is_empty())
        .take(lines)
        .filter(move |l| {
            l.len() <= max_len && !l.ends_with('.') && l.bytes().any(|b| b.is_ascii_digit())
        })
        .filter_map(|line| {
            let mut found = dates::find(line, 0..line.len());
            (found.len() == 1).then(|| (line, found.remove(0)))
        })
}

/// Words that end a title's words when a date that follows says when something was, not when
/// the document was written: "Position as at 31 March 2017".
static TIME_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:at|on|of|by|to|in|since|from|until|till|before|after|during|ending|ended|end|between)\W*$")
        .expect("valid regex")
});

/// A month standing for the date near the top, on a line of its own ("November 2024") or
/// ending a title ("Highlight report, March 2025"). Not a month the title says is its data's
/// ("Performance Dashboard - October 2024"), nor one a title says the figures are of.
fn month_line(text: &str) -> Option<Point> {
    static OF_DATA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:dashboard|scorecard|performance|data|statistics|monitoring|figures|information|position|period|quarter|year|snapshot|month)(?-u:\b)|(?-u:\b)for\W*$|:\s*$")
            .expect("valid regex")
    });
    headings_near_the_top(text, 8, 100).find_map(|(line, t)| {
        let Expr::Month { y: Some(y), m } = t.expr else {
            return None;
        };
        let title = &line[..t.span.start];
        let at_the_end = line.len() - t.span.end <= 2;
        let dated = at_the_end
            && !title.bytes().any(|b| b.is_ascii_digit())
            && !TIME_PREPOSITION.is_match(title)
            && !OF_DATA.is_match(title);
        dated.then(|| Point::month(y, m))
    })
}

/// A heading near the top that begins or ends with a full date: "Report to Cabinet, 2
/// February 2023", "Corporate Parenting Board – 14 November 2022", "24 JANUARY 2011 Public
/// Report". A heading has a title besides its date, no other number and no closing full stop,
/// so neither a time heading ("On 31 March 2024") nor a sentence near the top ("... in care at
/// 31 March 2017.") is taken for the document's date.
fn dated_heading(text: &str) -> Option<Point> {
    headings_near_the_top(text, 15, 120).find_map(|(line, t)| {
        let Expr::Day { y: Some(y), m, d } = t.expr else {
            return None;
        };
        let rest = [&line[..t.span.start], &line[t.span.end..]];
        let at_an_end = t.span.start <= 2 || line.len() - t.span.end <= 2;
        // A title besides the date, not a time heading ("On 31 March 2024", "As at ...").
        let words = rest
            .iter()
            .flat_map(|part| part.split(|c: char| !c.is_alphabetic()))
            .filter(|w| w.len() >= 3)
            .count();
        let digits = rest
            .iter()
            .any(|part| part.bytes().any(|b| b.is_ascii_digit()));
        // One word will do for a title ("Cabinet – 5 March 2024"), but not one that says
        // when ("Position as at 31 March 2017", "Figures for the year ending 31 March").
        let titled = words >= 1 && !TIME_PREPOSITION.is_match(rest[0]);
        (at_an_end && titled && !digits).then(|| Point::day(y, m, d))
    })
}

/// " date 2019-10-23 ..." at the top of a saved page.
fn iso_near_top(text: &str) -> Option<Point> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)date\s+(\d{4}-\d{2}-\d{2})(?-u:\b)").expect("valid regex")
    });
    ISO.captures(&text[..floor(text, 300)])
        .and_then(|c| dates::parse_date(&c[1]))
}

fn this_month(text: &str) -> Option<Point> {
    let c = THIS_MONTH.captures(text)?;
    let found = dates::find(&c[1], 0..c[1].len());
    match found.first()?.expr {
        Expr::Month { y: Some(y), m } => Some(Point::month(y, m)),
        _ => None,
    }
}

/// The first line that reads as a title.
fn title(text: &str) -> Option<String> {
    const CHROME: [&str; 6] = [
        "agenda item",
        "home >",
        "skip to",
        "public document pack",
        "issue - meetings",
        "- request",
    ];
    text.lines()
        .map(|l| l.trim().trim_matches('*').trim())
        .filter(|l| !l.is_empty() && l.chars().count() <= 150 && l.chars().any(char::is_alphabetic))
        .find(|l| !CHROME.iter().any(|c| l.to_lowercase().starts_with(c)))
        .map(|l| l.split('\t').next().unwrap_or(l).trim().to_string())
}

/// The council that most often names itself, preferring one named near the top.
fn authority(text: &str) -> Option<String> {
    let head = &text[..floor(text, 20_000)];
    // Every name holds one of these words: most texts are spared the search.
    if !contains_any(head, &["Council", "Borough", "City"]) {
        return None;
    }
    let found: Vec<regex::Match<'_>> = AUTHORITY.find_iter(head).collect();
    let names: Vec<&str> = found.iter().map(|m| m.as_str()).collect();
    // The first name found in the first 1,500 bytes alone: the first name of all if it ends
    // there (any name found in them is found in the whole).
    let top = floor(text, 1500);
    let near_top = match found.first() {
        None => None,
        Some(first) if first.end() <= top => Some(first.as_str()),
        Some(_) => AUTHORITY.find(&text[..top]).map(|m| m.as_str()),
    };
    let most = names
        .iter()
        .max_by_key(|n| names.iter().filter(|m| m == n).count())
        .copied();
    near_top
        .or(most)
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `minutes`, `foi`, `statistics`, `news`, `agenda` or `report`.
fn kind(text: &str) -> &'static str {
    let head = &text[..floor(text, 6000)];
    let has = |words: &[&str]| contains_any(head, words);
    if has(&[
        "Freedom of Information",
        "FOI ",
        "Your request",
        "freedom of information",
    ]) {
        "foi"
    } else if has(&[
        "Minutes:",
        "RESOLVED",
        "PRESENT",
        "Decision Record",
        "Cabinet Decision",
    ]) {
        "minutes"
    } else if has(&[
        "statistical release",
        "Statistical release",
        "statistics for",
        "National Statistics",
    ]) {
        "statistics"
    } else if has(&["AGENDA", "Agenda item"]) {
        "agenda"
    } else {
        "report"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_documents_own_date() {
        let cases: &[(&str, Option<&str>)] = &[
            ("PORTFOLIO DIRECTOR: LINDA CLEGG DATE: 26th January 2017\n\nText", Some("2017-01-26")),
            ("Public Document Pack\n\nCorporate Parenting\n\nWednesday, 4th July, 2018\n\nDate Published: 27th June 2018", Some("2018-07-04")),
            ("COMMITTEE\tAgenda Item No. 8\n24 JANUARY 2011\tPublic Report", Some("2011-01-24")),
            ("- Date request received\n- 16/02/26\n- Date of decision\n- 16/03/26", Some("2026-03-16")),
            ("Meeting: 13/07/2022 - Corporate Parenting Panel (Item 11)", Some("2022-07-13")),
            ("The 12 month review is taking place this month (December 2020) and", Some("2020-12")),
            ("Report to Committee, 2 February 2023\n\nText", Some("2023-02-02")),
            ("CORPORATE PARENTING BOARD – 14 NOVEMBER 2022\n\nText", Some("2022-11-14")),
            ("24 JANUARY 2011 Public Report\n\nText", Some("2011-01-24")),
            ("Summary\n\n366 children were in care at 31 March 2017.\n\nText", None),
            ("Position as at 31 March 2017\n\nText", None),
            ("Main points\n\nOn 31 March 2024\n\n7,198 children were looked after.", None),
            ("Emma presented information as at the end of September 2014.", None),
            ("Cabinet – 5 March 2024\n\nText", Some("2024-03-05")),
            ("Report to Cabinet\nDate: March 2024\n\nText", Some("2024-03")),
            ("Published: 14 February 2024\n\nText", Some("2024-02-14")),
            ("Meeting: Scrutiny Panel\nDate: 05.03.2024\n\nText", Some("2024-03-05")),
            ("Scrutiny Board\nThursday, 7 March 2024 at 2.00 pm\n\nText", Some("2024-03-07")),
            ("Education, Children and Families Committee\n10.00 am, Tuesday, 3 December 2024\n\nText", Some("2024-12-03")),
            ("Corporate Parenting Panel\n6pm on Monday 3 March 2025\n\nText", Some("2025-03-03")),
            ("Since 5 March 2024\n\nText", None),
            ("Dashboard\nPeriod: October 2024 (reported 11 November 2024)\n\nText", Some("2024-11-11")),
            ("Monthly Performance Report\nProduced: 9 October 2024\n\nText", Some("2024-10-09")),
            ("Summary\n\nIt was reported on 5 June 2024 that 366 children were in care.\n", None),
            ("MINUTES OF THE CORPORATE PARENTING BOARD\nHeld on Tuesday 8 October 2024 at 2.00 pm\n\nText", Some("2024-10-08")),
            ("Fostering Annual Report 2023-24\nPresented to Cabinet on 16 July 2024\n\nText", Some("2024-07-16")),
            ("Annual Report 2023 to 2024\nPublished September 2024\n\nText", Some("2024-09")),
            ("Summary\n\nThe plan was presented to the Board on 5 June 2024 and agreed.\n", None),
            ("Minutes of the Scrutiny Performance Panel\nHeld at the Guildhall on Tuesday 26 November 2024\n\nText", Some("2024-11-26")),
            ("Summary\n\nThe figures published in May 2024 show a rise.\n", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                date(text).map(|p| p.to_string()).as_deref(),
                *expected,
                "{text}"
            );
        }
    }
}
