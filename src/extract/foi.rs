//! The numbered answers of a Freedom of Information response: "1. 274" under "Our response"
//! answers "1. How many children were in the care of the council on 31 March 2024?", and is a
//! figure of what the question asked, at the time it asked about.
//!
//! Only a question that asks for one indicator plainly is taken: "How many [children] [were]
//! <indicator> [there] [on <date>]?". One that picks out a part ("How many of these were placed
//! outside the county?", "How many children in care were aged 16 or over?") gives its answer
//! no indicator.

use super::dates::{self, Anchors, TimeExpr, When};
use super::link::Link;
use super::vocab::Mention;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "1.", "Q2)", "Question 3:": the number an item starts with.
const ITEM: &str = r"(?:q(?:uestion)?\s*)?(\d{1,2})\s*[.):]";

/// The number a line's item starts with ("1. How many ...?"), and whether the line is that
/// number alone, its words on the next line ("1.").
pub fn item_number(line: &str) -> Option<(u32, bool)> {
    static NUMBERED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*{ITEM}(?:\s*$|\s+)")).expect("valid regex"));
    // Most lines start with neither a digit nor a "Q": spared the search.
    let first = line.trim_start().bytes().next()?;
    if !first.is_ascii_digit() && !first.eq_ignore_ascii_case(&b'q') {
        return None;
    }
    let c = NUMBERED.captures(line)?;
    let alone = line[c.get(0)?.end()..].trim().is_empty();
    Some((c.get(1)?.as_str().parse().ok()?, alone))
}

/// "1. 274", "2) 1,061.", "274" (its number on the line before): one value alone.
pub fn only_a_value(line: &str) -> bool {
    static ANSWER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^\s*(?:{ITEM}\s+)?[\d,]+\.?\s*$")).expect("valid regex")
    });
    ANSWER.is_match(line)
}

/// The indicator and time a numbered question plainly asks for, if it does; `earlier` is the
/// time the question answered before asked about ("... on the same date?").
pub fn asked(
    text: &str,
    question: Range<usize>,
    mentions: &[Mention],
    times: &[TimeExpr],
    anchors: Anchors,
    earlier: Option<When>,
) -> Option<(Link, Option<When>)> {
    /// From the item's number, if on the same line, to what it counts: "1. How many children
    /// were ".
    static ASKS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^\s*(?:{ITEM}\s+)?(?:please\s+(?:tell\s+me|provide|state)\s+)?how\s+many\s+(?:(?:children|young\s+people|child|cases)\s+)?(?:(?:were|are|was|is|have\s+been|has\s+been)\s+)?(?:there\s+)?$"))
            .expect("valid regex")
    });
    /// From what it counts to the question mark, its times written TIME: " on TIME?".
    static THEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:(?:were|are)\s+there\s*)?(?:(?:by|in\s+the\s+care\s+of)\s+(?:the\s+)?(?:council|authority|local\s+authority|county|borough|city)\s*)?(?:(?:on|at|as\s+at|as\s+of|in|during|for|between|since)?\s*(?:the\s+)?(?P<time>TIME|same\s+date|same\s+day)\s*)?\?\s*$")
            .expect("valid regex")
    });
    let [m] = mentions else {
        return None;
    };
    if !ASKS.is_match(&text[question.start..m.span.start]) {
        return None;
    }
    let mut rest = String::new();
    let mut at = m.span.end;
    for t in times.iter().filter(|t| t.span.start >= m.span.end) {
        rest.push_str(&text[at..t.span.start]);
        rest.push_str("TIME");
        at = t.span.end;
    }
    rest.push_str(&text[at.min(question.end)..question.end]);
    let then = THEN.captures(&rest)?;
    // "... on the same date?": the date the question before asked about.
    let when = match then.name("time").map(|t| t.as_str()) {
        Some("TIME") | None => times
            .iter()
            .find(|t| t.span.start >= m.span.end)
            .and_then(|t| dates::resolve(&t.expr, anchors)),
        Some(_) => earlier,
    };
    let link = Link {
        indicator: m.rule.indicator,
        how: "foi-answer",
        rule: m.rule.name,
        label: Some(m.span.clone()),
        after: None,
    };
    Some((link, when))
}
