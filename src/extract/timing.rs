//! Giving each figure the date or period it refers to.
//!
//! Within a sentence a time expression belongs to the number it qualifies: "1778 in October"
//! (after the number), "In 2019/20 13.1%" (just before it). What is left applies to its clause
//! ("27 children have been adopted since April 2016"), and what opens the sentence applies to
//! all of it ("As at 13th January there are 366 ..., 307 ... and 645 ..."). A figure with no
//! time of its own takes, in order: the time of the sentence before it in the paragraph, of its
//! heading or list introduction ("On 31 March 2024", "... up to March 2022 ... the following:"),
//! of the period the report covers ("Annual Report 2017-18", "information to the end of March
//! 2011"), and last, for stocks, the document's own date. Flows and rates with no time at all
//! stay undated: a date is never guessed.

use super::dates::{self, Anchors, Expr, Point, TimeExpr, When};
use super::link::{self, Link};
use super::numbers::Role;
use super::text::Kind;
use super::vocab::{self, Measure};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The reference dates in force at a point of the document.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// The document's own date.
    pub doc_date: Option<Point>,
    /// The date of the minuted meeting or section being read ("18TH DECEMBER 2017").
    pub section_date: Option<Point>,
    /// The period the report covers.
    pub frame: Option<When>,
    /// The time set by the current heading or list introduction.
    pub heading: Option<When>,
    heading_from_list: bool,
    /// The time of the sentence before, in the same paragraph.
    pub previous: Option<When>,
    /// Whether [`Timeline::previous`] is a period said to run to now ("since April 2023").
    previous_runs_to_now: bool,
    /// The last period named in the paragraph.
    pub last_period: Option<When>,
    /// The date of the last indicator figure.
    pub last_figure: Option<When>,
}

impl Timeline {
    /// A timeline for a document with the given date.
    pub fn new(doc_date: Option<Point>) -> Timeline {
        Timeline {
            doc_date,
            ..Timeline::default()
        }
    }

    fn now(&self) -> Option<Point> {
        self.section_date.or(self.doc_date)
    }

    /// The anchors for expressions in the current sentence.
    pub fn anchors(&self) -> Anchors {
        let year_of = self
            .previous
            .map(When::end)
            .or(self.now())
            .or(self.heading.map(When::end))
            .or(self.frame.map(When::end));
        Anchors {
            now: self.now(),
            year_of,
        }
    }

    /// Called at the start of every sentence, before dating its figures.
    pub fn enter(&mut self, kind: Kind, new_block: bool) {
        if new_block {
            self.previous = None;
            self.previous_runs_to_now = false;
            self.last_period = None;
            if kind == Kind::Prose && self.heading_from_list {
                self.heading = None;
                self.heading_from_list = false;
            }
        }
    }

    /// Called after a sentence: what it said about time becomes context for what follows.
    /// `first_figure` is the date of its first indicator figure, if it has one (`None` when it
    /// has none, `Some(None)` when that figure is undated).
    pub fn leave(&mut self, s: &SentenceTimes<'_>, kind: Kind, first_figure: Option<Option<When>>) {
        let has_figures = first_figure.is_some();
        let anchors = self.anchors();
        let resolved: Vec<When> = s
            .times
            .iter()
            .filter(|t| t.expr.is_explicit())
            .filter_map(|t| dates::resolve(&t.expr, anchors))
            .collect();
        let framing_time = s.framing();
        let framing = framing_time.and_then(|t| dates::resolve(&t.expr, anchors));
        let body = &s.text[s.range.clone()];
        if kind == Kind::Heading && !has_figures {
            if let Some(day) = dates::only_a_date(body) {
                self.section_date = Some(day);
            }
            // "DATE: 26th January 2017" states the document's date, not what follows is about;
            // a day the heading before it gave ("As at 30 June 2025") still heads what follows.
            let dates_the_document =
                DATE_LINE.is_match(body) || resolved.last().map(|w| w.end()) == self.doc_date;
            let keeps_the_day_before =
                dates_the_document && matches!(self.heading, Some(When::At(p)) if p.d.is_some());
            if !keeps_the_day_before {
                let quarter = quarter_of_year(s.times).and_then(|q| dates::resolve(&q, anchors));
                self.heading = quarter
                    .or(resolved.last().copied())
                    .filter(|_| !dates_the_document && !names_years(s.times));
                self.heading_from_list = false;
            }
        } else if body.trim_end().ends_with(':') && !resolved.is_empty() {
            self.heading = resolved.last().copied();
            self.heading_from_list = true;
        }
        if let (false, Some(first), Some(last)) = (has_figures, resolved.first(), resolved.last()) {
            if PERIOD_LINE.is_match(body) {
                // "Period: October 2024 (reported 11 November 2024)": the period comes first.
                self.frame = Some(*first);
            } else if describes_data(body) {
                self.frame = Some(*last);
            }
        }
        // "Date produced: 6 November 2024" dates the document, not the figures after it.
        if !has_figures && DATE_LINE.is_match(body) {
            return;
        }
        // What follows goes on about the sentence's own time, not the one it compares with:
        // after "11 children were adopted in 2023/24, compared with 17 in 2022/23", "We have
        // 146 fostering households" is not of 2022/23.
        let compares: Vec<bool> = s
            .times
            .iter()
            .map(|t| named_to_compare(s.text, s.range.start, t))
            .collect();
        let own_times: Vec<&TimeExpr> = s
            .times
            .iter()
            .zip(&compares)
            .filter(|(t, compares)| t.expr.is_explicit() && !**compares)
            .map(|(t, _)| t)
            .collect();
        let own: Vec<When> = own_times
            .iter()
            .filter_map(|t| dates::resolve(&t.expr, anchors))
            .collect();
        // A sentence that names no time of its own (none, or only the time of a value it
        // compares with) is of its first figure's, which was the one before's or "the
        // quarter"'s: "As at 31 December, 523 children were looked after. 402 had a plan, up
        // from 371 in March. There were 2,811 in need."
        // (When that figure is undated, the times the sentence does name, "in the quarter",
        // could not be given a date: nor can what follows be given the one before's.)
        // (Not when that figure is the value compared with: "This compares with 349 at the
        // end of March 2024. Of these, 38 ...")
        if let (Some(first), None, true) = (first_figure, framing, own.is_empty()) {
            let compared: Vec<When> = s
                .times
                .iter()
                .zip(&compares)
                .filter(|(_, compares)| **compares)
                .filter_map(|(t, _)| dates::resolve(&t.expr, anchors))
                .collect();
            let first = first.filter(|w| !compared.contains(w));
            self.previous = first.or(self.previous.filter(|_| s.times.len() == compared.len()));
            self.previous_runs_to_now = false;
            return;
        }
        self.previous = framing.or(own.last().copied());
        let last_own = framing_time.or(own_times.last().copied()).map(|t| &t.expr);
        self.previous_runs_to_now = matches!(last_own, Some(Expr::Since(_) | Expr::PastYears(_)));
        // "... at the end of Quarter 2. During the quarter, 1,266 contacts": the quarter whose
        // end was named is the period last named.
        let ended = own_times.iter().filter_map(|t| match &t.expr {
            Expr::EndOf(e) => dates::resolve(e, anchors).filter(|w| w.is_quarter()),
            _ => None,
        });
        let periods = own
            .iter()
            .copied()
            .filter(|w| matches!(w, When::Between(..)));
        if let Some(period) = periods.chain(ended).last() {
            self.last_period = Some(period);
        }
    }

    /// Takes the period named in a title ("Annual Report 2017-18", "Performance Dashboard -
    /// October 2024") as the report's period.
    pub fn title(&mut self, text: &str, range: Range<usize>) {
        static OF_DATA: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"(?i)(?-u:\b)(?:{DATA_WORDS})(?-u:\b)")).expect("valid regex")
        });
        // "Inspection dates: 14 to 25 October 2024" dates the document, not its figures.
        if DATE_LINE.is_match(&text[range.clone()]) {
            return;
        }
        let found = dates::find(text, range.clone());
        let period = found.iter().rev().find(|t| match t.expr {
            Expr::FinancialYear(_) | Expr::Quarter { fy: Some(_), .. } | Expr::Range(..) => true,
            Expr::Year(_) => !names_years(&found),
            // (A month in a committee's title is its meeting's: "Cabinet - March 2025".)
            Expr::Month { y: Some(_), .. } => OF_DATA.is_match(&text[range.clone()]),
            _ => false,
        });
        let when = quarter_of_year(&found)
            .or_else(|| period.map(|t| t.expr.clone()))
            .and_then(|expr| dates::resolve(&expr, self.anchors()));
        // Nor is a period that starts after the document is dated ("Plan 2024/25" in 2023).
        let future = |w: When| self.doc_date.is_some_and(|d| w.start().y > d.y);
        if let Some(when) = when.filter(|w| !future(*w)) {
            self.frame.get_or_insert(when);
        }
    }
}

/// "Quarter 3 Performance Report 2023-24", "Q2 Scorecard 2022/23": a title or heading that
/// names a quarter and, apart from it, the financial year it is of.
fn quarter_of_year(times: &[TimeExpr]) -> Option<Expr> {
    let mut quarters = times.iter().filter_map(|t| match t.expr {
        Expr::Quarter { q, fy: None } => Some(q),
        _ => None,
    });
    let mut years = times.iter().filter_map(|t| match t.expr {
        Expr::FinancialYear(fy) => Some(fy),
        _ => None,
    });
    match (quarters.next(), quarters.next(), years.next(), years.next()) {
        (Some(q), None, Some(fy), None) => Some(Expr::Quarter { q, fy: Some(fy) }),
        _ => None,
    }
}

/// "Sufficiency Strategy 2023-2026", "Plan 2020 to 2025": a title or heading naming a span of
/// years gives the years the document plans for, not the time of the figures under it.
fn names_years(times: &[TimeExpr]) -> bool {
    times
        .iter()
        .filter(|t| matches!(t.expr, Expr::Year(_)))
        .count()
        >= 2
}

/// "DATE: 26th January 2017", "Date of decision": a line that dates the document itself.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)dates?(?:\s+of\s+\w+|\s+(?:produced|prepared|issued|printed))?\s*:|(?-u:\b)date\s+(?:published|of\s+(?:decision|meeting|report))|^\s*(?:produced|prepared|published)(?:\s+on)?\s*:").expect("valid regex")
});

/// "Period: October 2024", "Reporting period: Q2 2024/25": a line naming the period the report
/// covers.
static PERIOD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:reporting\s+|report\s+|data\s+)?period(?:\s+covered)?\s*:")
        .expect("valid regex")
});

/// Words that name a report of data: a time in its title is the figures' period.
const DATA_WORDS: &str = "dashboard|scorecard|performance|data|statistics|monitoring";

/// "Members were provided with information to the end of March 2011", "Performance Monitoring
/// Information as at the end of September 2014", "the performance scorecard ... up to March 2022",
/// "The Panel received the performance report for December 2024".
fn describes_data(body: &str) -> bool {
    static DATA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)(?-u:\b)(?:information|figures|{DATA_WORDS})(?-u:\b)[^.]{{0,80}}?(?-u:\b)(?:as\s+at|to|up\s+to|covering|as\s+of|based\s+on|for\s+(?:the\s+)?(?:month\s+of\s+|period\s+(?:of\s+)?)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|q[1-4]|quarter\s+[1-4]|20\d\d))(?-u:\b)"))
            .expect("valid regex")
    });
    DATA.is_match(body)
}

/// The time expressions of a sentence and the offsets needed to place them.
pub struct SentenceTimes<'t> {
    /// The document.
    pub text: &'t str,
    /// The sentence.
    pub range: Range<usize>,
    /// Its time expressions.
    pub times: &'t [TimeExpr],
    /// Where its first quantity starts.
    pub first_quantity: Option<usize>,
}

impl SentenceTimes<'_> {
    /// The expression that opens the sentence ("As at 13th January there are ...", "In the
    /// last financial year, 96 children entered care and 102 left care").
    fn framing(&self) -> Option<&TimeExpr> {
        static OPENS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^[^\w]*(?:(?:in|during|over|for|throughout|at|by)\s+)?(?:the\s+)?$")
                .expect("valid regex")
        });
        let first = self.first_quantity.unwrap_or(self.range.end);
        self.times.iter().find(|t| {
            t.span.end <= first
                && !comparative(self.text, self.range.start, t)
                && (t.expr.is_explicit()
                    || !t.expr.is_relative_to_neighbour()
                        && OPENS.is_match(&self.text[self.range.start..t.span.start]))
        })
    }
}

/// The words that name what a value is compared with ("lower than" and "higher than" end in
/// "than").
const COMPARED: &str = r"compare[sd]?\s+(?:with|to)|than|relative\s+to|against";

/// "compared with 31 March 2012", "than in 2016/17": a time named only to compare with.
fn comparative(text: &str, sentence_start: usize, t: &TimeExpr) -> bool {
    static COMPARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?-u:\b)(?:{COMPARED})\s+(?:in\s+|at\s+|on\s+|for\s+)?(?:the\s+)?$"
        ))
        .expect("valid regex")
    });
    COMPARE.is_match(&text[sentence_start..t.span.start])
}

/// "compared with 17 in 2022/23", "up from 1778 in October", "than in 2016/17", "(158 at 31
/// March 2023)", "(Dec 2022: 2,198)": a time that dates the value a sentence compares with.
fn named_to_compare(text: &str, sentence_start: usize, t: &TimeExpr) -> bool {
    // "Open cases 2,311 (Dec 2022: 2,198)": a bracket that opens on a date and its value.
    static BRACKET_LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*[:=]\s*[£\d]").expect("valid regex"));
    if text[sentence_start..t.span.start].trim_end().ends_with('(')
        && BRACKET_LABEL.is_match(&text[t.span.end..])
    {
        return true;
    }
    static COMPARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)(?:(?-u:\b)(?:{COMPARED}|versus|vs\.?|(?:up|down|(?:increase|decrease|rise|fall|reduction|drop)[ds]?|rose|risen|fell|fallen|grew|grown)\s+from)\s+(?:[£\d][\d,.]*\s*%?\s+)?|\(\s*(?:was\s+|previously\s+|from\s+)?[£\d][\d,.]*\s*%?\s+)(?:in\s+|at\s+|on\s+|for\s+|during\s+|as\s+at\s+)?(?:the\s+)?(?:(?:end|start|beginning|close|whole)\s+of\s+(?:the\s+)?)?$"))
            .expect("valid regex")
    });
    COMPARE.is_match(super::text::tail(&text[sentence_start..t.span.start], 80))
}

/// The words before the time a change is measured from: "up 13 on last year", "12 more than
/// last year".
static CHANGED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)(?:on|{COMPARED})\s+(?:the\s+)?$")).expect("valid regex")
});

/// The owner [`owners`] gives a time that only says what a change is measured from: no figure.
const COMPARISON_BASE: usize = usize::MAX;

/// Who owns each time expression: the index of the quantity it qualifies, if any. Figures
/// (`linked`) own the times around them; a change owns the "since" that follows it: in "402
/// children ..., an increase of 37 since April", "since April" dates the increase, not the
/// 402. The time a change is measured from ("up 13 on last year") is owned by no figure
/// ([`COMPARISON_BASE`]).
fn owners(
    s: &SentenceTimes<'_>,
    quantities: &[(Range<usize>, usize)],
    linked: &[bool],
    changes: &[bool],
) -> Vec<Option<usize>> {
    static AFTER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:\(r\)\s*)?(?:[a-z’'-]+\s+){0,3}?(?:(?:in|during|at|for|by|on|of|since|over|up\s+to|until|as\s+at|as\s+of)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+|beginning\s+of\s+)?)?$")
            .expect("valid regex")
    });
    static BEFORE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*\)?\s*(?:,|\(|-|–|:)?\s*(?:(?:only|just|was|were|is|are|which\s+saw|saw|with|there\s+were|there\s+was|there\s+are|there\s+is|a\s+total\s+of|totalled|some|figure|figures|of)\s+)*\(?$")
            .expect("valid regex")
    });
    // The figure after a time that begins its own clause: "and in 2024/25 there were 468".
    let next_in_its_clause = |t: &TimeExpr| -> Option<usize> {
        let (i, (r, _)) = quantities
            .iter()
            .enumerate()
            .find(|(_, (r, _))| r.start >= t.span.end)?;
        let gap = &s.text[t.span.end..r.start];
        (linked[i] && gap.chars().any(char::is_alphabetic) && BEFORE_NUMBER.is_match(gap))
            .then_some(i)
    };
    s.times
        .iter()
        .map(|t| {
            let before = quantities
                .iter()
                .enumerate()
                .rev()
                .find(|(_, (r, _))| r.end <= t.span.start);
            // A change that the time follows, unless a figure after the time owns it.
            let mut change = None;
            if let Some((i, (_, end))) = before {
                let gap = &s.text[*end..t.span.start];
                let opens_with_preposition = starts_with_preposition(&s.text[t.span.clone()]);
                // "91% (Q1), 88% (Q4 2023/24)": a time in brackets just after a number.
                let bracketed = gap.trim() == "(" && s.text[t.span.end..].starts_with(')');
                if bracketed
                    || AFTER_NUMBER.is_match(gap)
                        && (opens_with_preposition
                            || has_preposition(gap)
                            || gap.trim().is_empty()
                            // "1,612 families a year ago"
                            || s.text[t.span.clone()].ends_with("ago"))
                {
                    // "(down from 26% in March 2024)": the time after an earlier value is that
                    // value's, whatever it counts.
                    if linked[i] || earlier_value(s.text, s.range.start, quantities[i].0.start) {
                        // "450 and in 2024/25 there were 468": the time opens the next clause.
                        if let Some(next) =
                            next_in_its_clause(t).filter(|_| after_a_conjunction(gap))
                        {
                            return Some(next);
                        }
                        return Some(i);
                    }
                    let since = gap.trim_end().to_ascii_lowercase().ends_with("since")
                        || s.text[t.span.clone()]
                            .to_ascii_lowercase()
                            .starts_with("since");
                    if since && changes.get(i) == Some(&true) {
                        change = Some(i);
                    }
                    // "up 13 on last year", "1,200 referrals, 10% up on 2021/22": what a change
                    // or an unnamed number is compared with dates no figure, unless a figure
                    // after it is of that time ("down 15 per cent on the previous year, when
                    // the figure was 60.78 per cent").
                    let figure_after = quantities
                        .iter()
                        .zip(linked)
                        .any(|((r, _), linked)| *linked && r.start >= t.span.end);
                    if CHANGED_FROM.is_match(gap) && !figure_after {
                        change = Some(COMPARISON_BASE);
                    }
                }
            }
            let after = quantities
                .iter()
                .enumerate()
                .find(|(_, (r, _))| r.start >= t.span.end);
            if let Some((i, (r, _))) = after {
                let gap = &s.text[t.span.end..r.start];
                // Before the first number, "As at 13th January there are 366 ..., 307 ..." frames
                // the whole sentence; only "In 2019/20 13.1%" (nothing between) is the number's own.
                let opens_sentence = i == 0 && gap.chars().any(char::is_alphabetic);
                // ("... than the same period last year (2,212)", "Same month last year: 987": the value
                // in brackets, or labelled, is of it.)
                if linked[i]
                    && (t.expr != Expr::PreviousYear || matches!(gap.trim(), "(" | ":"))
                    && !opens_sentence
                    && BEFORE_NUMBER.is_match(gap)
                {
                    return Some(i);
                }
            }
            change
        })
        .collect()
}

/// Whether the words between a figure and a time end with a conjunction (and a preposition):
/// "450 and in 2024/25", "412, but during the year".
fn after_a_conjunction(gap: &str) -> bool {
    let mut words = gap
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .rev()
        .skip_while(|w| has_preposition(w));
    words
        .next()
        .is_some_and(|w| matches!(w.as_str(), "and" | "but" | "while" | "whereas"))
}

/// The year named just after "the same period": "the same period in 2023/24".
fn in_the_year_named_after(s: &SentenceTimes<'_>, t: &TimeExpr, anchors: Anchors) -> Option<When> {
    let next = s.times.iter().find(|n| n.span.start >= t.span.end)?;
    let gap = s.text[t.span.end..next.span.start]
        .trim()
        .to_ascii_lowercase();
    if !matches!(gap.as_str(), "in" | "of" | "in the" | "of the" | "") || !next.expr.is_explicit() {
        return None;
    }
    dates::resolve(&next.expr, anchors)
}

/// `period` moved back whole years to start in `year`'s year ("April to November 2024" in
/// 2023/24 is April to November 2023); none unless that is one to five years back.
fn same_period_in(period: When, year: When) -> Option<When> {
    let back = period.start().y - year.start().y;
    (1..=5)
        .contains(&back)
        .then(|| (0..back).fold(period, |w, _| w.year_earlier()))
}

/// Whether the sentence begins with the time ("During the quarter 11 children ...").
fn opens_the_sentence(s: &SentenceTimes<'_>, t: &TimeExpr) -> bool {
    s.text[s.range.start..t.span.start]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "in" | "during" | "over" | "for" | "throughout" | "the"
            )
        })
}

/// "... and this has improved to": a value changed to, later than the sentence's first.
fn changed_to(before: &str) -> bool {
    static TO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:improved|increased|risen|rose|fallen|fell|reduced|dropped|decreased|declined|grown|grew|climbed|changed|moved|gone\s+(?:up|down)|now)(?:\s+to)?\s*$")
            .expect("valid regex")
    });
    TO.is_match(super::text::tail(before, 40))
}

/// Whether a comma sets the time off from the sentence's first figure after it.
fn set_off(s: &SentenceTimes<'_>, t: &TimeExpr) -> bool {
    s.first_quantity
        .and_then(|q| s.text.get(t.span.end..q))
        .is_some_and(|gap| gap.contains(','))
}

fn starts_with_preposition(t: &str) -> bool {
    let first = t
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        first.as_str(),
        "between" | "from" | "since" | "during" | "in" | "the"
    )
}

fn has_preposition(gap: &str) -> bool {
    gap.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "in" | "during"
                | "at"
                | "for"
                | "by"
                | "on"
                | "of"
                | "since"
                | "over"
                | "to"
                | "until"
                | "the"
        )
    })
}

/// A figure to be dated: its quantity's range, its link and whether its area is a comparator.
pub struct ToDate<'a> {
    /// Byte range of the number.
    pub span: Range<usize>,
    /// Byte offset past the number and unit.
    pub end: usize,
    /// Its link, when it is an indicator figure.
    pub link: Option<&'a Link>,
    /// True when the text names another area for it ("the national average of 11%").
    pub comparator: bool,
}

/// Dates the figures of one sentence.
pub fn date_sentence(
    s: &SentenceTimes<'_>,
    sentence: &link::Sentence<'_>,
    figures: &[ToDate<'_>],
    tl: &Timeline,
) -> Vec<Option<When>> {
    let anchors = tl.anchors();
    // A figure's words run to the end of the name it counts when the name follows it: "1,246
    // Children and Family Assessments were completed in Q1" says "in Q1" three words on.
    let spans: Vec<(Range<usize>, usize)> = figures
        .iter()
        .map(|f| {
            let named_after = f
                .link
                .and_then(|l| l.label.as_ref())
                .filter(|l| l.start >= f.end && s.text[f.end..l.start].trim().is_empty());
            (f.span.clone(), named_after.map_or(f.end, |l| l.end))
        })
        .collect();
    let linked: Vec<bool> = figures.iter().map(|f| f.link.is_some()).collect();
    let changes: Vec<bool> = sentence
        .quantities
        .iter()
        .map(|q| q.role == Role::Change)
        .collect();
    let owner = owners(s, &spans, &linked, &changes);
    let framing = s.framing();
    // The year a sentence opens with ("In 2022/23 there were ..."), when it names one.
    let year_of_the_frame = || {
        framing
            .filter(|t| t.expr.is_explicit())
            .and_then(|t| dates::resolve(&t.expr, anchors))
            .filter(|w| w.is_year())
    };
    // [`resolve_for`], with what the sentence's other times say of two expressions.
    let resolve_here = |f: &ToDate<'_>, t: &TimeExpr, base: Option<When>| match t.expr {
        // "2,874 for the same period in 2023/24": the period before, in the year named.
        Expr::SamePeriod => match in_the_year_named_after(s, t, anchors) {
            Some(year) => base
                .filter(|w| matches!(w, When::Between(..)))
                .or_else(|| resolve_for(f, t, anchors, base, tl))
                .and_then(|w| same_period_in(w, year)),
            None => resolve_for(f, t, anchors, base, tl),
        },
        // "In 2022/23 there were 412 children looked after at year end": that year's end.
        Expr::YearEnd => year_of_the_frame()
            .map(|year| When::At(year.end()))
            .or_else(|| resolve_for(f, t, anchors, base, tl)),
        _ => resolve_for(f, t, anchors, base, tl),
    };
    // Asked only of figures that fall back on the context: looked for only then.
    let range_over_months = std::cell::OnceCell::new();
    let wants_period = || *range_over_months.get_or_init(|| wants_period(&s.text[s.range.clone()]));
    let vague = std::cell::OnceCell::new();
    let mut from_context = vec![false; figures.len()];
    let mut out: Vec<Option<When>> = Vec::with_capacity(figures.len());
    for (i, f) in figures.iter().enumerate() {
        let base = f
            .link
            .and_then(|l| l.after)
            .and_then(|j| out.get(j).copied().flatten())
            .or(tl.last_figure);
        // "This month: 1,102 | Last month: 1,046 | Same month last year: 987": a year before
        // the latest month the sentence has named, not the one just before.
        let same_month = s.times.iter().zip(&owner).any(|(t, o)| {
            *o == Some(i)
                && t.expr == Expr::PreviousYear
                && s.text[t.span.clone()]
                    .to_ascii_lowercase()
                    .contains("same month")
        });
        let base = if same_month {
            out.iter()
                .flatten()
                .map(|w| w.end())
                .max_by_key(|p| p.month_index())
                .map_or(base, |latest| {
                    latest.m.map(|m| When::At(Point::month(latest.y, m)))
                })
        } else {
            base
        };
        let own = s
            .times
            .iter()
            .zip(&owner)
            .filter(|(_, o)| **o == Some(i))
            .find_map(|(t, _)| resolve_here(f, t, base));
        // "the lowest number since 2017, when there were 281": the time the clause looks back to.
        let own = own.or_else(|| time_looked_back_to(s, f, anchors));
        // "199 children on plans, down from 214": the earlier value's date is not given.
        if own.is_none() && earlier_value(s.text, s.range.start, f.span.start) {
            out.push(None);
            continue;
        }
        let unowned_base = tl
            .last_figure
            .filter(|_| f.link.and_then(|l| l.after).is_none());
        let clause = link::clause_around(sentence, f.span.start);
        let in_clause = || {
            s.times
                .iter()
                .zip(&owner)
                .filter(|(t, o)| {
                    o.is_none()
                        && t.span.start >= clause.start
                        && t.span.end <= clause.end
                        && !comparative(s.text, s.range.start, t)
                        // "287 (2023: 301)": a later value's time is not this one's.
                        && !(t.span.start >= f.end
                            && figures.iter().any(|o| o.span.start >= f.end)
                            && named_to_compare(s.text, s.range.start, t))
                        // "612, up from 540 last year and 402 two years ago": the times after
                        // an earlier value are the earlier values'.
                        && !(t.span.start >= f.end
                            && names_an_earlier_value(&s.text[f.span.start..t.span.start]))
                })
                .filter(|(t, _)| t.expr != Expr::PreviousYear || t.span.end <= f.span.start)
                .find_map(|(t, _)| resolve_here(f, t, unowned_base))
        };
        // "In the year to 31 December 2023, 46 children became looked after and 38 ceased to
        // be": the time set off by a comma before the first figure, which owns it, frames the
        // figures after it too.
        let framed = || {
            framing
                .filter(
                    |t| match owner[s.times.iter().position(|x| x == *t).unwrap_or(0)] {
                        None => true,
                        // "In Q1 11 children became looked after and 6 ceased to be": a
                        // time that opens the sentence frames it, comma or not.
                        Some(0) => {
                            i > 0
                                && (set_off(s, t)
                                    || opens_the_sentence(s, t)
                                        && !changed_to(&s.text[s.range.start..f.span.start]))
                        }
                        Some(_) => false,
                    },
                )
                .and_then(|t| resolve_here(f, t, unowned_base))
        };
        let mut when = own.or_else(in_clause).or_else(framed);
        // Whether the figure's own words, or its clause's unowned ones, say `expr`.
        let says = |expr: Expr| {
            s.times.iter().zip(&owner).any(|(t, o)| {
                t.expr == expr
                    && (*o == Some(i)
                        || o.is_none() && t.span.start >= clause.start && t.span.end <= clause.end)
            })
        };
        let said_now = says(Expr::Now);
        // "At 31 December, 301 children were subject to CP plans (rate 48.1 per 10,000)": the
        // same figure in another unit, named by the same words, is of the same date (a later
        // value in the same unit is not: "13.1% in 2019/20 ... has improved to 8%").
        if when.is_none() && !f.comparator {
            let label = f.link.and_then(|l| l.label.as_ref());
            let unit = |j: usize| sentence.quantities.get(j).map(|q| q.unit);
            when = figures[..i]
                .iter()
                .zip(&out)
                .enumerate()
                .rev()
                .find(|(j, (e, _))| {
                    label.is_some()
                        && e.link.and_then(|l| l.label.as_ref()) == label
                        && unit(*j) != unit(i)
                })
                .and_then(|(_, (_, w))| *w);
        }
        // "9,874 contacts during April to January, of which 2,402 became referrals": a part
        // is of its whole's time.
        if when.is_none() && i > 0 && part_of_the_one_before(s.text, figures[i - 1].end, f) {
            when = out[i - 1];
        }
        let opens_comparison = from_to(s.text, s.range.start, f);
        // "in the quarter" of a report that does not say which quarter: no date is better
        // than the year or the month of the sentence before.
        let unknown_quarter = says(Expr::ThisQuarter);
        if when.is_none()
            && f.link.is_some()
            && !f.comparator
            && !said_now
            && !opens_comparison
            && !unknown_quarter
            && !*vague.get_or_init(|| vague_time(&s.text[s.range.clone()]))
        {
            when = fallback(f, sentence, tl, wants_period());
            from_context[i] = when.is_some();
        }
        out.push(when);
    }
    share_a_closing_time(s, figures, &owner, &from_context, &mut out);
    out
}

/// "59 children entered care and 47 left care in Quarter 3", "212 new registrations during
/// 2023-24 and 229 de-registrations": counts over a period joined by "and", the time owned by
/// one of them, are both of that time (rather than none, or one the sentences before gave).
fn share_a_closing_time(
    s: &SentenceTimes<'_>,
    figures: &[ToDate<'_>],
    owner: &[Option<usize>],
    from_context: &[bool],
    out: &mut [Option<When>],
) {
    let measure = |f: &ToDate<'_>| f.link.map(|l| vocab::measure(l.indicator));
    // Counts of a period both, or counts in force both: "350 children in care and 240 on
    // plans at 30 September".
    let alike = |a: &ToDate<'_>, b: &ToDate<'_>| {
        !a.comparator
            && !b.comparator
            && matches!(
                (measure(a), measure(b)),
                (Some(Measure::Flow), Some(Measure::Flow))
                    | (Some(Measure::Stock), Some(Measure::Stock))
            )
    };
    for i in (0..figures.len().saturating_sub(1)).rev() {
        let j = i + 1;
        let (a, b) = (&figures[i], &figures[j]);
        let closes = s
            .times
            .iter()
            .zip(owner)
            .any(|(t, o)| *o == Some(j) && t.span.start >= b.end);
        let between = &s.text[a.end.min(b.span.start)..b.span.start];
        if (out[i].is_none() || from_context[i])
            && out[j].is_some()
            && closes
            && alike(a, b)
            && between.contains(" and ")
            && !between.contains([',', ';', ':', '(', ')'])
        {
            out[i] = out[j];
        }
    }
    // "212 new registrations during 2023-24 and 229 de-registrations": the time after the
    // first, the second with none of its own.
    for j in 1..figures.len() {
        let i = j - 1;
        let (a, b) = (&figures[i], &figures[j]);
        let Some(time) = s
            .times
            .iter()
            .zip(owner)
            .find(|(t, o)| **o == Some(i) && t.span.start >= a.end && t.span.end <= b.span.start)
            .map(|(t, _)| t)
        else {
            continue;
        };
        let between = &s.text[time.span.end..b.span.start];
        if (out[j].is_none() || from_context[j])
            && out[i].is_some()
            && alike(a, b)
            && !s.times.iter().any(|t| t.span.start >= b.end)
            && between.trim_start().starts_with("and ")
            && !between.contains([',', ';', ':', '(', ')'])
        {
            out[j] = out[i];
        }
    }
}

/// "Over the summer holidays 41 children came into care", "during the pandemic": a time the
/// sentence names but no date can be given, so that the sentence before's is not its.
fn vague_time(sentence: &str) -> bool {
    static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:(?:over|during|in|through|throughout|across)\s+the\s+(?:summer|autumn|winter|spring|easter|christmas|festive)(?-u:\b)|(?:during|since|throughout|over|after|before)\s+(?:the\s+)?(?:pandemic|lockdowns?|covid(?:-19)?)(?-u:\b))")
            .expect("valid regex")
    });
    VAGUE.is_match(sentence)
}

/// "..., of which 2,402", "... of whom 52", "... which resulted in 1,744": the figure counts a
/// part of the one just before, or what became of it.
fn part_of_the_one_before(text: &str, previous_end: usize, f: &ToDate<'_>) -> bool {
    static OF_WHICH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[^.;]{0,60}?(?:,\s*of\s+(?:which|whom|these|those)|(?-u:\b)(?:(?:which|that)\s+(?:resulted\s+in|led\s+to)|resulting\s+in|leading\s+to))\s*$")
            .expect("valid regex")
    });
    previous_end <= f.span.start && OF_WHICH.is_match(&text[previous_end..f.span.start])
}

/// "from 90% to 94%": the first value of a comparison with no date of its own is the earlier one,
/// whose date the text does not give.
fn from_to(text: &str, sentence_start: usize, f: &ToDate<'_>) -> bool {
    let before = text[sentence_start..f.span.start]
        .trim_end()
        .to_ascii_lowercase();
    let after = text[f.end..].trim_start();
    before.ends_with("from") && after.starts_with("to ")
}

/// "The lowest number of children in care since 2017, when there were 281", "in March 2020, when
/// it stood at 512": a figure in a ", when" clause is of the time just before it (of 2017, not
/// since).
fn time_looked_back_to(s: &SentenceTimes<'_>, f: &ToDate<'_>, anchors: Anchors) -> Option<When> {
    static WHEN_THERE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i),\s*when\s+(?:there\s+(?:were|was)|it\s+(?:was|stood\s+at)|(?:the\s+)?(?:number|figure|total)\s+(?:was|stood\s+at))\s+(?:only\s+|just\s+)?$")
            .expect("valid regex")
    });
    let before = super::text::tail(&s.text[s.range.start..f.span.start], 60);
    // Asked of every figure: the word is looked for before the regex is run.
    if !before
        .as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"when"))
    {
        return None;
    }
    let when = WHEN_THERE.find(before)?;
    let clause_at = f.span.start - (before.len() - when.start());
    let t = s.times.iter().rfind(|t| t.span.end <= clause_at)?;
    if !s.text[t.span.end..clause_at].trim().is_empty() {
        return None;
    }
    match &t.expr {
        Expr::Since(e) => dates::resolve(e, anchors),
        e => dates::resolve(e, anchors),
    }
}

/// "down from 214", "has risen to 420 from 398", "(previously 389)": the value a figure
/// changed from, whose date the sentence's other times (its "currently", its heading's date)
/// are not.
fn earlier_value(text: &str, sentence_start: usize, at: usize) -> bool {
    ENDS_ON_AN_EARLIER_VALUE.is_match(super::text::tail(&text[sentence_start..at], 60))
}

/// Whether `words` name a value changed from: "up from", "a decrease from", "(previously".
fn names_an_earlier_value(words: &str) -> bool {
    NAMES_AN_EARLIER_VALUE.is_match(words)
}

static ENDS_ON_AN_EARLIER_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{EARLIER_VALUE}$")).expect("valid regex"));
static NAMES_AN_EARLIER_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(EARLIER_VALUE).expect("valid regex"));
/// The words before a value a figure changed from: "up from", "fallen to 18 from over",
/// "(previously". (Not [`CHANGED_FROM`], the words before the time a change is measured from.)
const EARLIER_VALUE: &str = r"(?i)(?:(?-u:\b)(?:up|down|increased?|increasing|decreased?|decreasing|rise|risen|rose|rising|fall|fallen|fell|falling|reduced?|reduction|reducing|dropped|drop|improved?|improvement|improving|changed?|moved?|grow|grown|grew|growing|climbed|declined|jumped|a\s+(?:rise|fall|drop|change|move)|[\d.,]+\s*%?)\s+from(?:\s+(?:over|under|about|around|almost|nearly|approximately|some|just\s+(?:over|under)))?|(?-u:\b)(?:previously|formerly)|\(\s*(?:was|from))\s*[£]?";

fn resolve(t: &TimeExpr, anchors: Anchors, base: Option<When>, tl: &Timeline) -> Option<When> {
    match t.expr {
        Expr::PreviousYear => base.map(When::year_earlier),
        Expr::LastYear if base.is_some() => base.map(When::year_earlier),
        // "during the same period", "during the year": a period, never the day before's date.
        Expr::SamePeriod => [tl.previous, tl.last_period, tl.frame]
            .into_iter()
            .flatten()
            .find(|w| matches!(w, When::Between(..))),
        // "in the quarter": the quarter just named ("... contacts in Q3. Referrals in the
        // quarter: 1,218"), or the heading's or report's.
        Expr::ThisQuarter => [tl.previous, tl.last_period, tl.heading, tl.frame]
            .into_iter()
            .flatten()
            .find(|w| w.is_quarter()),
        // "at the end of the quarter": the last month of the quarter last named, the heading's
        // or the report's.
        Expr::EndOf(ref e) if **e == Expr::ThisQuarter => {
            [tl.previous, tl.last_period, tl.heading, tl.frame]
                .into_iter()
                .flatten()
                .find(|w| w.is_quarter())
                .map(|q| When::At(q.end()))
        }
        // "Period: October 2024 (reported 11 November 2024) ... Contacts this month": the
        // month the report covers.
        Expr::ThisMonth => tl
            .frame
            .filter(|w| matches!(w, When::At(p) if p.m.is_some() && p.d.is_none()))
            .or_else(|| dates::resolve(&t.expr, anchors)),
        _ => dates::resolve(&t.expr, anchors),
    }
}

/// [`resolve`] for one figure. "Since April, the number of children in care has risen to 301",
/// "over the last three years ... has risen from 301 to 359": a count at a point in time, said
/// to have changed over a period up to now, is a count at the end of that period, now.
fn resolve_for(
    f: &ToDate<'_>,
    t: &TimeExpr,
    anchors: Anchors,
    base: Option<When>,
    tl: &Timeline,
) -> Option<When> {
    let at_a_point = f.link.is_some_and(|l| {
        matches!(
            vocab::measure(l.indicator),
            Measure::Stock | Measure::Status
        )
    });
    if at_a_point && matches!(t.expr, Expr::Since(_) | Expr::PastYears(_)) {
        return anchors.now.map(When::At);
    }
    // "612 contacts in August, up from 580 last month": the month before the figure's that
    // this one follows in the sentence.
    if matches!(t.expr, Expr::LastMonth | Expr::LastQuarter)
        && f.link.is_some_and(|l| l.after.is_some())
    {
        // "287 (as at 31.10.24), a decrease from last month (291)": the month before the day's.
        return match base? {
            When::At(day) if day.d.is_some() => dates::resolve(
                &t.expr,
                Anchors {
                    now: Some(day),
                    ..anchors
                },
            ),
            base => base.period_earlier(),
        };
    }
    // "201, a decrease from 224 at the end of the previous quarter": the end of the quarter
    // before the figure's.
    if let Expr::EndOf(e) = &t.expr {
        if matches!(**e, Expr::LastQuarter) && f.link.is_some_and(|l| l.after.is_some()) {
            let before = base?.period_earlier()?;
            return Some(When::At(before.end()));
        }
    }
    resolve(t, anchors, base, tl)
}

/// The context chain for a figure with no time in its sentence.
fn fallback(
    f: &ToDate<'_>,
    sentence: &link::Sentence<'_>,
    tl: &Timeline,
    wants_period: bool,
) -> Option<When> {
    let link = f.link?;
    let context = if wants_period {
        tl.last_period.or(tl.previous)
    } else {
        tl.previous
    };
    let now = tl.now().map(When::At);
    // A count at a point in time told in the present tense after a sentence about a period
    // ("... 25 more since September. There are 1,204 children in need") is of now, not of
    // the period.
    let measure = vocab::measure(link.indicator);
    // Nor is one said to be now after a sentence about a whole year ("... the highest monthly
    // figure this year. The number of foster carers has fallen from 148 in April 2024 to
    // 139.", "The total this year is 14 adoptions. We have 32 mainstream carers."), where after a
    // month or a day ("As at 13th January there are ...") it is of that.
    let a_year = matches!(tl.previous, Some(When::At(p)) if p.m.is_none());
    if measure == Measure::Stock
        && (matches!(tl.previous, Some(When::Between(..))) && in_present_tense(sentence, f)
            || a_year && in_present_tense(sentence, f))
    {
        if let Some(now) = now {
            return Some(now);
        }
    }
    // "Budget Monitoring Report: Month 6 2024/25 ... the number of children looked after is 674":
    // a count in force, said in the present tense under a report's period that is still running,
    // is of now.
    if let (Measure::Stock, None, None, Some(When::Between(start, end)), Some(When::At(today))) =
        (measure, context, tl.heading, tl.frame, now)
    {
        let running =
            start.month_index() <= today.month_index() && today.month_index() <= end.month_index();
        if running && in_present_tense(sentence, f) {
            return now;
        }
    }
    // "12 new foster carers had been approved since September. ... the number of children on a
    // plan stood at 118": a count in force after a period that runs to now is of now. (Not after
    // a whole year, though it end this month: "Eleven children were adopted in 2022/23. There
    // were 146 approved foster carers", in March 2023, is of that year.)
    if let (Measure::Stock, Some(When::Between(start, end)), Some(When::At(today))) =
        (measure, context, now)
    {
        // (Unless it was said to run to now: "since April 2023", in March 2024.)
        let whole_year = end.month_index() - start.month_index() == 11 && !tl.previous_runs_to_now;
        if today.m.is_some()
            && (end.y, end.m) == (today.y, today.m)
            && end.d.is_none()
            && !whole_year
        {
            return now;
        }
    }
    // A count over a period is of no one day: after "The number on the register at 31 July
    // 2024 was 61", "79 planning meetings were held" is of the report's period, if it has one.
    let a_day = |w: &When| matches!(w, When::At(p) if p.d.is_some());
    let context = context.filter(|w| !(measure == Measure::Flow && a_day(w) && tl.frame.is_some()));
    if let Some(when) = context.or(tl.heading).or(tl.frame) {
        return Some(when);
    }
    match measure {
        Measure::Stock | Measure::Status => now,
        Measure::Flow | Measure::Rate => now.filter(|_| says_now(sentence, f)),
    }
}

/// "There are 1,204 ...", "We have 138 ... and 14 ...", "... stands at 256": a number stated in
/// the present tense (or said to be now).
fn in_present_tense(sentence: &link::Sentence<'_>, f: &ToDate<'_>) -> bool {
    static PRESENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:there\s+(?:are|is)|we\s+(?:currently\s+|now\s+)?(?:have|support|care\s+for|look\s+after)|stands?\s+at|remains?(?:\s+[a-z]+)?\s+at|(?:is|are)(?:\s+now)?)\s+(?:[\d,]+[^.;\d]{1,50}?\s+(?:and|,)\s+)?(?:(?:now|currently|over|about|around|nearly|almost|just\s+(?:over|under))\s+)*$").expect("valid regex")
    });
    let clause = link::clause_around(sentence, f.span.start);
    says_now(sentence, f) || PRESENT.is_match(&sentence.text[clause.start..f.span.start])
}

/// "has increased to 90%", "currently": a rate stated as the present position.
fn says_now(sentence: &link::Sentence<'_>, f: &ToDate<'_>) -> bool {
    static NOW: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:has|have|had)\s+(?:now\s+)?(?:increased|improved|risen|fallen|reduced|dropped|decreased|gone\s+up|gone\s+down)\s+(?:from\s+[^.;]{1,60}?\s+)?to\s*$|(?-u:\b)(?:currently|now)(?-u:\b)").expect("valid regex")
    });
    let clause = link::clause_around(sentence, f.span.start);
    NOW.is_match(&sentence.text[clause.start..f.span.start])
}

/// "The numbers per month have fluctuated between a low of 297 and a high of 307": a range over
/// months needs the period, not the last month named.
fn wants_period(body: &str) -> bool {
    static RANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:per\s+month|each\s+month|monthly|fluctuat\w+|a\s+low\s+of|a\s+high\s+of)(?-u:\b)").expect("valid regex")
    });
    RANGE.is_match(body)
}

/// True for indicators whose undated figures take the document's date.
pub fn is_stock_like(indicator: &str) -> bool {
    matches!(vocab::measure(indicator), Measure::Stock | Measure::Status)
}
