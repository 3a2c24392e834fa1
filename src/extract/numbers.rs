//! Quantities in a sentence: the number, its unit, and what kind of statement it makes.
//!
//! "366", "1,840", "96.7%", "45.16 per cent", "£5,500", "£1.2m", "47 children per 10,000",
//! "26 weeks", "twenty-seven". Numbers that are not figures are dropped here: years and
//! dates (found first, by `dates`), page, paragraph and agenda item numbers, phone numbers,
//! postcodes, ages, times, durations, thresholds ("3 or more placements") and identifiers.
//! Changes ("an increase of 113"), bounds ("less than 13") and money keep their number but are
//! marked, so that they never become indicator figures.

use super::near::{self, Near};
use super::text::{head, tail};
use crate::model::Unit;

/// How far around a number its qualifying words are looked for, in bytes.
const WINDOW: usize = 120;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What kind of statement a quantity makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A value that may be an indicator figure.
    Value,
    /// A change or difference ("an increase of 113", "-48", "a 3% increase").
    Change,
    /// A bound, cap or quota ("less than 13", "a maximum of 31").
    Bound,
    /// A denominator or rate of another base ("76 per 100,000").
    Rate,
}

/// A number found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte range of the number itself (digits, or the number words).
    pub span: Range<usize>,
    /// Byte offset just past the number and its unit ("96.7%" ends after "%").
    pub end: usize,
    /// The value as stated.
    pub value: f64,
    /// Its unit.
    pub unit: Unit,
    /// "over", "about", "nearly" ... stand before it.
    pub approx: bool,
    /// "target of" stands before it.
    pub target: bool,
    /// Written in words ("twenty").
    pub word: bool,
    /// What kind of statement it makes.
    pub role: Role,
}

/// A number in digits, with an optional sign and pound sign: "1,840", "96.7", "£5,500", "-48".
/// [`scan_digits`] finds the same matches faster; this is what it must agree with, and what
/// reads a text holding digits of other scripts.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<sign>[-+−])?(?P<pound>£\s?)?(?-u:\b)(?P<num>\d{1,3}(?:[,\x{a0}\x{202f}\x{2009}]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
        .expect("valid regex")
});
/// A number in words below a hundred (without "one", too common alone).
const BELOW_100: &str = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
/// Numbers in words: "twenty-seven", "seventeen", "a third"; not "one" (too common).
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:a\s+third|a\s+quarter|two[\s-]thirds|three[\s-]quarters|{BELOW_100})(?-u:\b)"
    ))
    .expect("valid regex")
});
/// Where [`WORDS`] can match: every number word holds one of these, and a match is at most 13
/// bytes besides spaces ("seventy-seven", "three quarters").
static WORDS_NEAR: LazyLock<Near> = LazyLock::new(|| {
    Near::new(
        "two|three|four|forty|five|fif|six|seven|eight|nine|ten|eleven|twe|thir|quarter",
        16,
    )
});
/// Hundreds in words: "two hundred and twelve", "a hundred". Looked for only in text that says
/// "hundred" (rare), before [`WORDS`], whose words inside it they hide.
static HUNDREDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and\s+(?:{BELOW_100}|one))?(?-u:\b)"))
        .expect("valid regex")
});
/// Spans that hold digits but no figures: phone numbers, postcodes, web addresses, e-mails.
static NOT_FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\+44\s?\(?0?\)?\s?|(?-u:\b)0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?-u:\b)|(?-u:\b)[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}(?-u:\b)|(?-u:\b)https?://\S+|(?-u:\b)www\.\S+|(?-u:\b)\S+@\S+\.\w+|(?-u:\b)[\w-]+(?:\.[\w-]+)*\.(?:gov|org|co|ac|nhs)\.uk\S*")
        .expect("valid regex")
});
/// What may follow a number as its unit or as a sign that it is no figure.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)^(?:
        (?P<percent>[\ \t]?%|\s?per\s?cent(?-u:\b)|\s?percent(?-u:\b))
      | (?P<weeks>[\s-]weeks?(?-u:\b))
      | (?P<days>\s(?:working\s|calendar\s)?days?(?-u:\b))
      | (?P<agerange>\s?(?:-|–|to)\s?\d+[\s-](?:years?|yrs?|year[\s-]olds?|months?|age)(?-u:\b))
      | (?P<duration>[\s-](?:hours?|hrs?|minutes?|mins?|months?|years?|yrs?|year[\s-]olds?|-year-old)(?-u:\b))
      | (?P<distance>[\s-](?:miles?|mi|km|kilomet(?:re|er)s?|metres?|meters?)(?-u:\b))
      | (?P<clock>\s?(?:am|pm|a\.m\.|p\.m\.)(?-u:\b)|[:.]\d\d\s?(?:am|pm)(?-u:\b)|:\d)
      | (?P<more>\s?\+|\s+(?:or|and)\s+(?:more|over|above|older|under)(?-u:\b)|\s+[a-z]+\s+or\s+more(?-u:\b))
      | (?P<fraction>\s?/\s?\d)
    )").expect("valid regex")
});
/// Words before a number that make it a label, an age ("post-16"), a threshold or the base of a ratio ("nine
/// in ten", "1 in 5"), not a figure.
static LABEL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:section|s\.|sections|para(?:graph)?\.?|paras|items?|pages?|appendix|annex|table|chapter|part|schedule|level|stage|tier|year|years|quarter|phase|article|clause|regulation|ward|room|no\.|version|priority|option|recommendation|ref\.?|minute|aged?|ages|age\s+of|ages\s+of|aged?\s+(?:under|over|between|from)|turning|turned|under\s+the\s+age\s+of|over\s+the\s+age\s+of|within(?:\s+the)?(?:\s+statutory)?|per|foi|fig\.|line|week|day|top|rule|act|standard|step|grade|band|cohort|group|class|unit|case|committee|sub-committee|panel|question|measure|indicator|kpi|pi|action|(?:report|item|paper|reference)\s+no)\s*$|(?-u:\b)(?-i:Month|Period)\s*$|[/:]$|(?-u:\b)(?:population|people|children|child|persons|young\s+people)\s+(?:aged\s+)?(?:under|over|below|above)\s*$|(?-u:\b)(?:pages?|pp\.?|paras?|paragraphs?|items?|sections?|appendi(?:x|ces)|annex(?:es)?)\s+\d+(?:\.\d+)*\s*(?:to|-|–|and|&|of)\s*$|(?-u:\b)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+in\s+$|(?-u:\b)(?:post|pre)[-‑–\s]?$)")
        .expect("valid regex")
});
/// "this year 21 children", "last quarter 349": a period before a number, not a label ("Year 11").
static PERIOD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:this|last|next|that|the|each|per|a|financial|calendar|previous|same|whole)\s+(?:year|years|quarter|week|day)\s*$")
        .expect("valid regex")
});
/// Words before a number that make it a change: "an increase of", "up", "down by", "-".
static CHANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:increase|increases|rise|decrease|reduction|fall|drop|growth|change|improvement|deterioration|difference)\s+(?:of|by)\s+|(?-u:\b)(?:increased|decreased|rose|fell|risen|fallen|grew|grown|dropped|reduced|improved|declined|up|down|higher|lower)\s+by\s+|(?-u:\b)(?:up|down)\s+)(?:almost\s+|nearly\s+|about\s+|around\s+|approximately\s+|just\s+(?:over|under)\s+|over\s+|more\s+than\s+|less\s+than\s+)?$")
        .expect("valid regex")
});
/// Words after a number that make it a change: "16% increase", "217 applications fewer".
static CHANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s*(?:%|per\s?cent|percentage\s+points?|points?))?\s*(?:[a-z]+\s+)?(?:increase|decrease|rise|fall|drop|reduction|more|fewer|less|lower|higher|up|down)(?-u:\b)")
        .expect("valid regex")
});
/// Words before a number that make it approximate: "over", "just under", "about", "c.".
static APPROX_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:just\s+(?:over|under)|over|about|around|approximately|approx\.?|nearly|almost|roughly|circa|more\s+than|upwards\s+of|in\s+excess\s+of|in\s+the\s+(?:region|order)\s+of|close\s+to|an\s+estimated|estimated)|(?-u:\b)c\.|~)\s*$")
        .expect("valid regex")
});
/// Words before a number that make it a bound or cap: "less than", "a maximum of", "quota of",
/// either end of a range over time ("ranging between 279 and 291", "fluctuated from 12 to 19";
/// not "caseloads varied from 12 to 33 across councils", each end a council's figure).
static BOUND_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:less\s+than|fewer\s+than|below|under|at\s+least|at\s+most|no\s+more\s+than|maximum\s+of|minimum\s+of|a\s+maximum|a\s+minimum|up\s+to|limit\s+of|quota\s+of|allocation\s+of|capacity\s+of|cap\s+of|between|(?:rang(?:ed|ing|es?)|fluctuat(?:ed|ing|es?))\s+from|between\s+[\d,.]+\s*%?\s*(?:and|to|-|–)|(?:rang(?:ed|ing|es?)|fluctuat(?:ed|ing|es?))\s+from\s+[\d,.]+\s*%?\s*(?:to|-|–))\s*$")
        .expect("valid regex")
});
/// "just under 400" is approximate, not a bound.
static JUST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)just\s+(?:under|below)\s*$").expect("valid regex"));
/// Words before a number that make it a target: "a target of", "aim to reach".
pub(super) static TARGET_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:target(?:ed|s)?\s*:?(?:\s*(?:<=|>=|=<|=>|<|>|≤|≥|=))?(?:\s*(?:\w+\s+){0,3}?(?:of|is|was|at|to|for|:|below|under|above|over|less\s+than|more\s+than|no\s+more\s+than|at\s+least))?|aim(?:ing)?\s+(?:to\s+\w+|for)|goal\s+(?:of|is)|ambition\s+(?:of|is|to\s+\w+)|threshold\s+(?:of|is))\s*$")
        .expect("valid regex")
});
/// "per 10,000" after a number, perhaps after its noun: "47 children per 10,000".
static PER_BASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:[a-z]+\s+){0,4}?(?:per|for\s+every|in\s+every)\s+(\d[\d,]*(?:k|K)?)(?-u:\b)",
    )
    .expect("valid regex")
});

/// Finds the quantities of `text[range]`, skipping numbers inside the `skip` spans (dates).
pub fn find(text: &str, range: Range<usize>, skip: &[Range<usize>]) -> Vec<Quantity> {
    let s = &text[range.clone()];
    let has_digit = s.bytes().any(|b| b.is_ascii_digit());
    let mut blocked = super::text::Spans::default();
    for r in skip {
        blocked.insert(r.start - range.start..r.end - range.start);
    }
    if has_digit {
        NOT_FIGURES
            .find_iter(s)
            .for_each(|m| blocked.insert(m.range()));
    }
    let mut out: Vec<Quantity> = Vec::new();
    for n in scan_digits(if has_digit { s } else { "" }) {
        if blocked.overlaps(&n.num) {
            continue;
        }
        if let Some(q) = digits(s, &n, &out) {
            out.push(q);
        }
    }
    let lower = s.to_ascii_lowercase();
    // Hundreds first: their spans block the words inside them ("two hundred and twelve").
    let hundreds = lower
        .contains("hundred")
        .then(|| HUNDREDS.find_iter(s))
        .into_iter()
        .flatten();
    let regions = WORDS_NEAR.regions(&lower);
    for m in hundreds.chain(near::find_in(&WORDS, s, regions)) {
        if blocked.overlaps(&m.range()) {
            continue;
        }
        blocked.insert(m.range());
        if let Some(q) = words(s, m.range()) {
            out.push(q);
        }
    }
    out.sort_by_key(|q| q.span.start);
    for q in &mut out {
        q.span = q.span.start + range.start..q.span.end + range.start;
        q.end += range.start;
    }
    out
}

/// A number in digits as [`NUMBER`] matches it: the number, and the sign and pound sign that
/// may stand before it.
#[derive(Debug, Clone, PartialEq)]
struct Digits {
    /// Where the match starts: at its sign or pound sign, if any, else at the number.
    start: usize,
    /// The number: "1,840", "96.7".
    num: Range<usize>,
    /// "-", "+" or "−" before it.
    sign: Option<Range<usize>>,
    /// "£" before it, perhaps with a space.
    pound: bool,
}

/// The matches of [`NUMBER`] in `s`, in order: a byte loop from digit to digit instead of the
/// regex with its captures (the numbers stage's largest cost). Text holding digits of other
/// scripts (which `\d` also matches) is left to the regex.
fn scan_digits(s: &str) -> Vec<Digits> {
    if has_other_digits(s) {
        return regex_digits(s);
    }
    let b = s.as_bytes();
    let is_word = |i: usize| b[i].is_ascii_alphanumeric() || b[i] == b'_';
    let run = |from: usize| {
        from + b[from..]
            .iter()
            .position(|c| !c.is_ascii_digit())
            .unwrap_or(b.len() - from)
    };
    let mut out = Vec::new();
    // Where the last match ended: what precedes it is taken.
    let mut free = 0;
    let mut at = 0;
    while let Some(i) = b[at..].iter().position(u8::is_ascii_digit).map(|i| at + i) {
        let digits_end = run(i);
        if i > 0 && is_word(i - 1) {
            at = digits_end;
            continue;
        }
        // "\d{1,3}(?:,\d{3})+" when it matches, else "\d+"; then "(?:\.\d+)?".
        let mut end = digits_end;
        if digits_end - i <= 3 {
            while let Some(width) = group_separator(&b[end..]) {
                if run(end + width) < end + width + 3 {
                    break;
                }
                end += width + 3;
            }
        }
        if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = run(end + 1);
        }
        // "£" and one space perhaps before it, and a sign before those.
        let mut start = i;
        let before = &s[free..i];
        let mut pound = false;
        let spaced = before
            .chars()
            .next_back()
            .filter(|c| c.is_whitespace())
            .map_or(before, |c| &before[..before.len() - c.len_utf8()]);
        if let Some(rest) = before
            .strip_suffix('£')
            .or_else(|| spaced.strip_suffix('£'))
        {
            pound = true;
            start = free + rest.len();
        }
        let sign = s[free..start]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '-' | '+' | '−'))
            .map(|c| start - c.len_utf8()..start);
        if let Some(sign) = &sign {
            start = sign.start;
        }
        out.push(Digits {
            start,
            num: i..end,
            sign,
            pound,
        });
        free = end;
        at = end;
    }
    out
}

/// The length of the thousands separator `b` starts with: a comma, or the no-break, narrow
/// no-break and thin spaces some exports group digits with ("1\u{a0}234").
fn group_separator(b: &[u8]) -> Option<usize> {
    match b {
        [b',', ..] => Some(1),
        [0xC2, 0xA0, ..] => Some(2),
        [0xE2, 0x80, 0xAF | 0x89, ..] => Some(3),
        _ => None,
    }
}

/// The digits of a number without its thousands separators.
fn without_separators(raw: &str) -> String {
    raw.replace([',', '\u{a0}', '\u{202f}', '\u{2009}'], "")
}

/// The matches of [`NUMBER`] in `s`, read by the regex.
fn regex_digits(s: &str) -> Vec<Digits> {
    NUMBER
        .captures_iter(s)
        .map(|c| Digits {
            start: c.get(0).expect("match").start(),
            num: c.name("num").expect("num group").range(),
            sign: c.name("sign").map(|m| m.range()),
            pound: c.name("pound").is_some(),
        })
        .collect()
}

/// True when `s` holds a numeric character outside ASCII (Arabic-Indic digits, "½"):
/// [`scan_digits`] leaves such text to the regex.
fn has_other_digits(s: &str) -> bool {
    let b = s.as_bytes();
    let mut at = 0;
    while let Some(i) = b[at..].iter().position(|c| !c.is_ascii()).map(|i| at + i) {
        let Some(c) = s[i..].chars().next() else {
            return false;
        };
        if c.is_numeric() {
            return true;
        }
        at = i + c.len_utf8();
    }
    false
}

/// "300+ children", "400+ referrals": a plus sign and then a word that is no unit of time or
/// distance.
static PLUS_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s?\+\s+(?:[a-z]+\s+)?(?:children|child|young|people|families|households|cases|referrals|contacts|assessments|foster|care|looked|CLA|LAC|CiC|CIN|CP|UASC|carers|plans|episodes|enquiries|adoptions|early)(?-u:\b)")
        .expect("valid regex")
});

/// "c.300": circa, written without a space.
fn circa(before: &str) -> bool {
    let Some(rest) = before
        .strip_suffix("c.")
        .or_else(|| before.strip_suffix("C."))
    else {
        return false;
    };
    !rest.ends_with(|ch: char| ch.is_alphanumeric() || ch == '.')
}

/// Superscript digits that mark a footnote after a number.
const FOOTNOTE: &str = "¹²³⁴⁵⁶⁷⁸⁹";

/// A quantity written in digits, or `None` when the number is no figure.
fn digits(s: &str, n: &Digits, earlier: &[Quantity]) -> Option<Quantity> {
    let num = &n.num;
    let raw = &s[num.clone()];
    let after = &s[num.end..];
    // ("231¹": a footnote's mark is no digit of the number.)
    if after.starts_with(|ch: char| (ch.is_alphanumeric() || ch == '_') && !FOOTNOTE.contains(ch))
        && !after.starts_with(['m', 'k', 'b'])
        || is_identifier(raw)
        || is_item_number(s, num.clone())
    {
        return None;
    }
    if s[..num.start].ends_with(|ch: char| {
        ch.is_alphanumeric() || ch == '.' || ch == '(' && is_legal_ref(s, num.clone())
    }) && !circa(&s[..num.start])
    {
        return None;
    }
    let mut value: f64 = without_separators(raw).parse().ok()?;
    let mut unit = Unit::Count;
    let mut end = num.end;
    let pound = n.pound;
    if pound {
        unit = Unit::Gbp;
        let (multiplier, len) = money_multiplier(after);
        value *= multiplier;
        end += len;
    }
    // "1.2k children in need": thousands, rounded.
    let thousands = !pound
        && after.starts_with(['k', 'K'])
        && !after[1..].starts_with(|ch: char| ch.is_alphanumeric() || ch == '_');
    if thousands {
        value *= 1e3;
        end += 1;
    } else if !pound && after.starts_with(|ch: char| ch.is_alphabetic()) {
        return None;
    }
    // "300+ children": more than 300, an approximate count ("3+ placements", "16+" are
    // thresholds and ages).
    let mut plus = false;
    if unit == Unit::Count && value >= 30.0 && PLUS_COUNT.is_match(&s[end..]) {
        plus = true;
        end += s[end..].find('+').map_or(0, |at| at + 1);
    }
    if let Some(a) = AFTER.captures(&s[end..]).filter(|_| !plus) {
        let matched = a.get(0).expect("match").len();
        if a.name("percent").is_some() {
            unit = Unit::Percent;
            end += matched;
        } else if a.name("weeks").is_some() {
            unit = Unit::Weeks;
            end += matched;
        } else if a.name("days").is_some() {
            unit = Unit::Days;
            end += matched;
        } else {
            return None; // durations, ages, times, thresholds, fractions
        }
    }
    // The words that qualify a number are close to it: bounded windows keep this linear.
    let before = tail(&s[..n.start], WINDOW);
    let before_num = tail(&s[..num.start], WINDOW);
    if LABEL_BEFORE.is_match(before_num) && !PERIOD_BEFORE.is_match(before_num)
        // ("aged 19-21, 61% are in education": a percentage is no age.)
        || unit != Unit::Percent && continues_ages(before_num)
        || age_band(s, num.clone())
        // "78% in 15 days": a timescale, as "within 15 days" is.
        || matches!(unit, Unit::Days | Unit::Weeks) && ends_with_word(before_num, "in")
    {
        return None;
    }
    let signed =
        n.sign.is_some() && (before.is_empty() || before.ends_with([' ', '(', '\t', '\n']));
    let mut role = classify(head(&s[end..], WINDOW), before, unit);
    if signed || continues_change(s, n.start, earlier) {
        role = Role::Change;
    }
    // (Not "21%\nLAC rate per 10k: 72": the base of a rate named after the number.)
    if let Some(per) = PER_BASE
        .captures(head(&s[end..], WINDOW))
        .filter(|per| !per[0].to_ascii_lowercase().contains("rate"))
    {
        let base = per[1].replace(',', "");
        match base.as_str() {
            "10000" | "10k" | "10K" if unit != Unit::Gbp => unit = Unit::Per10k,
            _ => role = Role::Rate,
        }
    }
    let approx = plus || thousands || APPROX_BEFORE.is_match(before);
    let target = TARGET_BEFORE.is_match(before);
    let start = match &n.sign {
        Some(sign) if signed => sign.start,
        _ => num.start,
    };
    let value = match &n.sign {
        Some(sign) if signed && s[sign.clone()].starts_with(['-', '−']) => -value,
        _ => value,
    };
    Some(Quantity {
        span: start..num.end,
        end,
        value,
        unit,
        approx,
        target,
        word: false,
        role,
    })
}

/// A quantity written in words, or `None` when it is a duration, an age or part of a phrase.
fn words(s: &str, r: Range<usize>) -> Option<Quantity> {
    let raw = s[r.clone()].to_ascii_lowercase();
    let value = word_value(&raw)?;
    let after = &s[r.end..];
    let mut unit = Unit::Count;
    let mut end = r.end;
    if let Some(a) = AFTER.captures(after) {
        if a.name("percent").is_some() {
            unit = Unit::Percent;
            end += a.get(0).expect("match").len();
        } else {
            return None;
        }
    }
    let before = tail(&s[..r.start], WINDOW);
    if LABEL_BEFORE.is_match(before) {
        return None;
    }
    let role = classify(head(&s[end..], WINDOW), before, unit);
    let approx = APPROX_BEFORE.is_match(before);
    Some(Quantity {
        span: r,
        end,
        value,
        unit,
        approx,
        // "our target of ninety per cent"
        target: TARGET_BEFORE.is_match(before),
        word: true,
        role,
    })
}

/// Change, bound or plain value, from the words around the number.
fn classify(after: &str, before: &str, unit: Unit) -> Role {
    if is_ratio(after, before) {
        Role::Rate
    } else if CHANGE_BEFORE.is_match(before)
        || CHANGE_AFTER.is_match(after) && !after_is_comparison(after)
    {
        Role::Change
    } else if BOUND_BEFORE.is_match(before)
        && !JUST.is_match(before)
        // "a target of less than 20%" is the target.
        && !TARGET_BEFORE.is_match(before)
        && unit != Unit::Gbp
    {
        Role::Bound
    } else {
        Role::Value
    }
}

/// "1 in 5 referrals", "one in four": either side of a ratio. Not "12 in 2021", nor "78 in 15
/// days" (a timescale).
fn is_ratio(after: &str, before: &str) -> bool {
    static NUMERATOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s+in\s+(?:(?P<n>\d+)(?:$|[^\d/–-])|(?:two|three|four|five|six|seven|eight|nine|ten)(?-u:\b))")
            .expect("valid regex")
    });
    static TIMESCALE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s+in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:working\s+|calendar\s+)?(?:days?|weeks?|hours?|months?)(?-u:\b)")
            .expect("valid regex")
    });
    static DENOMINATOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|[^\d,.])(?:\d{1,3}|one|a)\s+in\s+$").expect("valid regex")
    });
    let numerator = NUMERATOR
        .captures(after)
        .is_some_and(|c| c.name("n").is_none_or(|n| n.as_str().len() <= 3))
        && !TIMESCALE.is_match(after);
    numerator || DENOMINATOR.is_match(before)
}

/// True when `s` ends with the word `word` (and perhaps spaces).
fn ends_with_word(s: &str, word: &str) -> bool {
    let s = s.trim_end();
    s.len() >= word.len()
        && s.is_char_boundary(s.len() - word.len())
        && s[s.len() - word.len()..].eq_ignore_ascii_case(word)
        && !s[..s.len() - word.len()].ends_with(|c: char| c.is_alphanumeric())
}

/// "1,840, up from 1778" and "90% to 94%" are comparisons, not changes.
fn after_is_comparison(after: &str) -> bool {
    static COMPARISON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:\s*(?:%|per\s?cent))?\s*,?\s*(?:up|down)\s+(?:from|to|on)(?-u:\b)")
            .expect("valid regex")
    });
    COMPARISON.is_match(after)
}

/// "aged 3, 8 and 13": the numbers after an age in a list are ages too.
fn continues_ages(before: &str) -> bool {
    static AGE_LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)aged?\s+\d+(?:\s*(?:,|and|&|or|to|-|–)\s*\d+)*\s*(?:,|and|&|or|to|-|–)\s*$").expect("valid regex")
    });
    AGE_LIST.is_match(before)
}

/// "Care leavers (19-21)", "young people 16-17": an age band right after the people it is of.
fn age_band(s: &str, num: Range<usize>) -> bool {
    /// The people an age band follows, perhaps the band's first age.
    static PEOPLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:leavers|people|persons|children|child|adults|cohort|(?-i:CLA|LAC|CiC|CYP))\s*\(?\s*(?:\d{1,2}\s*[-–]\s*)?$")
            .expect("valid regex")
    });
    static BAND_AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*[-–]\s*\d{1,2}(?-u:\b)").expect("valid regex"));
    static BAND_BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d{1,2}\s*[-–]\s*$").expect("valid regex"));
    let young = s[num.clone()].parse::<u32>().is_ok_and(|age| age <= 25);
    let before = tail(&s[..num.start], 40);
    young
        && (BAND_AFTER.is_match(&s[num.end..]) || BAND_BEFORE.is_match(before))
        && PEOPLE_BEFORE.is_match(before)
}

/// "by 8% and 9% respectively": a number listed after a change is a change too. `at` is where
/// this number starts in `s`; the earlier quantities' offsets are into `s` as well.
fn continues_change(s: &str, at: usize, earlier: &[Quantity]) -> bool {
    static LIST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:,|and|&|or|\()\s*$").expect("valid regex"));
    earlier
        .last()
        .is_some_and(|q| q.role == Role::Change && q.end <= at && LIST.is_match(&s[q.end..at]))
}

/// "£1.2m", "£2bn", "£5k": the multiplier and the length of its suffix.
fn money_multiplier(after: &str) -> (f64, usize) {
    static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s?(million|billion|bn|m|k)(?-u:\b)").expect("valid regex")
    });
    match SUFFIX.captures(after) {
        Some(c) => {
            let m = match c[1].to_ascii_lowercase().as_str() {
                "million" | "m" => 1e6,
                "billion" | "bn" => 1e9,
                _ => 1e3,
            };
            (m, c.get(0).expect("match").len())
        }
        None => (1.0, 0),
    }
}

/// Reference numbers, case numbers and the like: long runs of digits with no separators.
fn is_identifier(raw: &str) -> bool {
    raw.len() >= 7 && raw.bytes().all(|b| b.is_ascii_digit())
        || raw.len() >= 2 && raw.starts_with('0') && !raw.contains('.')
}

/// "4. BACKGROUND", "1.1 Purpose", "6 IMPLICATIONS", "2) Members": numbering at a line start.
fn is_item_number(s: &str, r: Range<usize>) -> bool {
    // Only markers and spaces between the line's start and the number. Read backwards and stop
    // at the first other character: a report on one long line stays linear.
    let lead_only = s[..r.start]
        .chars()
        .rev()
        .take_while(|c| *c != '\n')
        .all(|c| c.is_whitespace() || "*#•(".contains(c));
    if !lead_only {
        return false;
    }
    let after = &s[r.end..];
    let raw = &s[r.clone()];
    let marker = after.starts_with(". ")
        || after.starts_with(") ")
        || after.starts_with(".\t")
        || after == "."
        || after.starts_with('\t');
    let section =
        raw.contains('.') && after.starts_with([' ', '\t']) && raw.split('.').all(|p| p.len() <= 2);
    // "6 IMPLICATIONS" is a heading's number; "• 301 CLA" counts children in care.
    const COUNTED: [&str; 14] = [
        "CLA", "LAC", "CIC", "CIN", "CPP", "UASC", "EHE", "SGO", "ICPC", "RCPC", "CAF", "NEET",
        "CPR", "CYP",
    ];
    let caps = after.split_whitespace().next().is_some_and(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        w.len() >= 3
            && w.chars().all(|c| c.is_ascii_uppercase())
            && !COUNTED.contains(&w.strip_suffix('S').unwrap_or(w))
    });
    marker || section || caps
}

/// "Section 1(1)", "s.23A(2)": a bracketed number glued to a reference.
fn is_legal_ref(s: &str, r: Range<usize>) -> bool {
    let before = s[..r.start].strip_suffix('(').unwrap_or(&s[..r.start]);
    before.ends_with(|c: char| c.is_alphanumeric()) && s[r.end..].starts_with(')')
}

/// The value of a number written in words.
pub(crate) fn word_value(raw: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    // "two hundred and twelve", "a hundred".
    if let Some((hundreds, rest)) = raw.split_once(" hundred") {
        let hundreds = if hundreds == "a" {
            1.0
        } else {
            word_value(hundreds).filter(|h| (1.0..10.0).contains(h))?
        };
        let rest = match rest.trim().strip_prefix("and ") {
            Some(below) => word_value(below).filter(|b| (1.0..100.0).contains(b))?,
            None if rest.trim().is_empty() => 0.0,
            None => return None,
        };
        return Some(hundreds * 100.0 + rest);
    }
    let fraction: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    match fraction.replace('-', " ").as_str() {
        "a third" => return Some(1.0 / 3.0),
        "a quarter" => return Some(0.25),
        "two thirds" => return Some(2.0 / 3.0),
        "three quarters" => return Some(0.75),
        _ => {}
    }
    let mut parts = raw.split(['-', ' ']);
    let first = parts.next()?;
    let tens = TENS
        .iter()
        .position(|t| *t == first)
        .map(|i| (i as f64 + 2.0) * 10.0);
    let units = |w: &str| UNITS.iter().position(|u| *u == w).map(|i| i as f64);
    match (tens, parts.next()) {
        (Some(t), Some(u)) => Some(t + units(u)?),
        (Some(t), None) => Some(t),
        (None, _) => units(first),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // The byte loop finds exactly what the regex finds, in text made of the characters
        // that matter to it (digits, separators, signs, pound signs, spaces, letters, others).
        #[test]
        fn the_digit_scanner_agrees_with_the_regex(s in "[0-9,.\\-+−£ \t\na_é’]{0,40}") {
            prop_assert_eq!(scan_digits(&s), regex_digits(&s));
        }
    }

    #[test]
    fn the_digit_scanner_agrees_with_the_regex_on_council_numbers() {
        for s in [
            "1,840 and 1778",
            "£5,500",
            "£ 1.2m",
            "-48",
            "+ 3",
            "−7",
            "-£5",
            "£-5",
            "--5",
            "- 5",
            "1,2345",
            "12,34",
            "1234,567",
            "1,234.5",
            "a123 b 45",
            "a1.5",
            "x_9",
            "S47",
            "3.",
            "3.x",
            ".5",
            "99,999,999",
            "1,23",
            "€5",
            "£\u{a0}7",
            "2nd",
            "",
        ] {
            assert_eq!(scan_digits(s), regex_digits(s), "{s}");
        }
        // Digits of other scripts are left to the regex.
        assert!(has_other_digits("٣ children"));
        assert!(!has_other_digits("£5 – “366”"));
    }

    fn quantities(s: &str) -> Vec<(f64, &'static str, Role)> {
        let skip: Vec<_> = crate::extract::dates::find(s, 0..s.len())
            .into_iter()
            .map(|t| t.span)
            .collect();
        find(s, 0..s.len(), &skip)
            .into_iter()
            .map(|q| (q.value, q.unit.as_str(), q.role))
            .collect()
    }

    #[test]
    fn reads_values_and_units() {
        let cases: &[(&str, f64, &str)] = &[
            ("there are 1,840 cases", 1840.0, "count"),
            ("increased to 96.7% in time", 96.7, "percent"),
            ("only 45.16 per cent of", 45.16, "percent"),
            ("costing above £5,500 per week", 5500.0, "gbp"),
            ("a budget of £1.2m for", 1_200_000.0, "gbp"),
            (
                "a rate of 47 children per 10,000 population",
                47.0,
                "per_10k",
            ),
            ("from 26 weeks to", 26.0, "weeks"),
            ("held within 15 working days", f64::NAN, ""),
            ("twenty-seven children", 27.0, "count"),
        ];
        for (text, value, unit) in cases {
            let found = quantities(text);
            if value.is_nan() {
                assert!(found.is_empty(), "{text}: {found:?}");
                continue;
            }
            assert_eq!(
                found.first().map(|q| (q.0, q.1)),
                Some((*value, *unit)),
                "{text}"
            );
        }
    }

    #[test]
    fn drops_numbers_that_are_not_figures() {
        for text in [
            "Contact Details – 01733 863600",
            "Agenda Item No. 8",
            "Page 7",
            "Page 4 of 12",
            "the children, aged 3, 8 and 13 all received",
            "joined the meeting at 7.08pm.",
            "held at 6.00 pm",
            "4. BACKGROUND",
            "1.1 The report",
            "6 IMPLICATIONS",
            "three placements or more",
            "3 or more placements",
            "within 72 hours",
            "young people aged 17-21 were",
            "16-25 year olds",
            "FOI 15497077",
            "Section 47 enquiries",
            "in the last 12 months",
            "Blackburn BB1 7DY",
            "Key Stage 2 results",
            "turning 18",
        ] {
            assert_eq!(quantities(text), vec![], "{text}");
        }
    }

    #[test]
    fn marks_changes_and_bounds() {
        let cases: &[(&str, Role)] = &[
            ("an increase of 113 on the same period", Role::Change),
            ("(-48 from last meeting", Role::Change),
            ("a 3% increase", Role::Change),
            ("down 648 applications", Role::Change),
            ("217 applications fewer than", Role::Change),
            ("up 2% on the 2006-7 figure", Role::Change),
            ("each recording less than 13 per practitioner", Role::Bound),
            ("could receive a maximum of 31 UCAS", Role::Bound),
            ("has risen to 1840, up from 1778", Role::Value),
            ("7,198, marginally higher than 7,188", Role::Value),
        ];
        for (text, role) in cases {
            let found = quantities(text);
            assert_eq!(found.first().map(|q| q.2), Some(*role), "{text}: {found:?}");
        }
    }
}
