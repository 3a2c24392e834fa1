//! Linking each number of a sentence to the indicator it counts.
//!
//! The rules, tried in order for every quantity (their names travel into `Figure::rule`):
//! - `count-noun`: the number counts the noun phrase that follows it ("366 children in care",
//!   "27 children have been adopted", "1064 referrals"; "went missing on 345 occasions");
//! - `noun-value`: the number is stated for a phrase before it ("the number of children looked
//!   after which stood at 1,082", "Number of Children in Care: 350");
//! - `percent-of`: a percentage named by its predicate ("13.8% of CLA had experienced three or
//!   more moves", "The timeliness of our assessments has increased to 90%");
//! - `sequence`: a later value of the same indicator ("1840, up from 1778 in October & 1686
//!   in July", "from 90% to 94%", "83 compared to 106 last year");
//! - `the-number`: a later clause that says "the number" of the indicator named earlier in the
//!   sentence ("..., but we have reduced the number from its all time high of 386");
//! - `anaphora`: a sentence that goes on about the indicator of the one before ("It was 51.16
//!   per cent the year before", "For those aged 19-21, the percentage was 49%").
//!
//! Breakdowns ("150 of the 266 children"), changes, bounds, costs and monthly averages are
//! never linked: they stay quantities with no indicator.

use super::area;
use super::numbers::{self, Quantity, Role};
use super::vocab::{self, Mention};
use crate::model::Unit;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Why a quantity was read as an indicator figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The indicator id.
    pub indicator: &'static str,
    /// The linking rule (`count-noun`, `noun-value`, ...).
    pub how: &'static str,
    /// The vocabulary rule that named the indicator.
    pub rule: &'static str,
    /// The words naming it, when they are in this sentence.
    pub label: Option<Range<usize>>,
    /// For `sequence`: the index of the earlier quantity of the same indicator.
    pub after: Option<usize>,
}

/// What the sentence before said, for anaphora.
#[derive(Debug, Clone, Default)]
pub struct Topic {
    /// The last counted indicator named.
    pub count: Option<(&'static str, &'static str)>,
    /// The last percentage indicator named.
    pub percent: Option<(&'static str, &'static str)>,
}

/// The words of one sentence that linking needs.
pub struct Sentence<'t> {
    /// The whole document.
    pub text: &'t str,
    /// The sentence's byte range.
    pub range: Range<usize>,
    /// Its quantities.
    pub quantities: &'t [Quantity],
    /// Its mentions of counted indicators.
    pub mentions: &'t [Mention],
    /// Its percentage predicates.
    pub predicates: &'t [Mention],
    /// Byte ranges of its time expressions.
    pub times: &'t [Range<usize>],
    /// True when a care leaver was named in this sentence or the two before.
    pub care_leaver_context: bool,
    /// Where its clauses break (see [`clause_breaks`]).
    pub breaks: &'t [Range<usize>],
}

/// Links every quantity of the sentence that names an indicator.
pub fn link_sentence(s: &Sentence<'_>, topic: &Topic) -> Vec<Option<Link>> {
    let mut links: Vec<Option<Link>> = Vec::with_capacity(s.quantities.len());
    for (i, q) in s.quantities.iter().enumerate() {
        let link = if linkable(s, i) {
            link_one(s, i, q, &links, topic)
        } else {
            cohort_of_its_own(s, q)
        };
        links.push(link);
    }
    drop_numerators(s, &mut links);
    drop_parts_of_others(s, &mut links);
    drop_counts_behind_shares(s, &mut links);
    respectively(s, &mut links);
    links
}

/// "The numbers of children in care and care leavers were 412 and 236 respectively": the
/// values of a list go, in order, with the indicators named before them. When the names and
/// the values do not pair off, none is given an indicator: a wrong pairing would be worse. (One
/// indicator named for them all leaves them as they were linked.)
fn respectively(s: &Sentence<'_>, links: &mut [Option<Link>]) {
    static RESPECTIVELY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)respectively(?-u:\b)").expect("valid regex"));
    static JOINED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s*(?:,|,?\s*(?:and|&))\s*$").expect("valid regex"));
    let body = &s.text[s.range.clone()];
    if !body.contains("espectively") {
        return;
    }
    let Some(at) = RESPECTIVELY.find(body).map(|m| s.range.start + m.start()) else {
        return;
    };
    // The values listed just before "respectively": "412, 256 and 1,032".
    let Some(last) = s.quantities.iter().rposition(|q| q.end <= at) else {
        return;
    };
    let mut first = last;
    while first > 0
        && JOINED.is_match(&s.text[s.quantities[first - 1].end..s.quantities[first].span.start])
    {
        first -= 1;
    }
    let list = first..last + 1;
    let unit = s.quantities[first].unit;
    if list.len() < 2 || s.quantities[list.clone()].iter().any(|q| q.unit != unit) {
        return;
    }
    // The indicators named before them, in the clause the list ends.
    let start = clause_around(s, s.quantities[first].span.start).start;
    let named = if unit == Unit::Percent {
        s.predicates
    } else {
        s.mentions
    };
    let mut names: Vec<&Mention> = named
        .iter()
        .filter(|m| m.span.start >= start && m.span.end <= s.quantities[first].span.start)
        .collect();
    names.dedup_by(|a, b| a.rule.indicator == b.rule.indicator);
    // ("Initial and review health assessments ... 69% and 85% respectively": kinds of one.)
    if names.len() < 2 {
        return;
    }
    let paired = names.len() == list.len();
    for (i, link) in list.clone().zip(links[first..=last].iter_mut()) {
        *link = paired.then(|| {
            let m = names[i - first];
            Link {
                indicator: m.rule.indicator,
                how: "respectively",
                rule: m.rule.name,
                label: Some(m.span.clone()),
                after: None,
            }
        });
    }
    // "..., compared with 1,190 and 1,050 in 2022/23": a list of earlier values that follows
    // goes with them in the same order.
    let next = last + 1;
    let earlier = next + list.len();
    let follows = earlier <= s.quantities.len()
        && links[next].as_ref().is_some_and(|l| l.how == "sequence")
        && (next + 1..earlier)
            .all(|k| JOINED.is_match(&s.text[s.quantities[k - 1].end..s.quantities[k].span.start]));
    if follows {
        for k in 0..list.len() {
            links[next + k] = links[first + k].clone().map(|l| Link {
                how: "sequence",
                after: Some(first + k),
                ..l
            });
        }
    }
}

/// "112 children open to the Youth Justice Service, of whom 19 were looked after": a count of
/// those in another group who are in care (or on a plan) is a part of that group, not the
/// authority's total.
fn drop_parts_of_others(s: &Sentence<'_>, links: &mut [Option<Link>]) {
    static OF_WHOM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:(?-u:\b)of\s+(?:whom|which|these|them)|,\s*with)\s*,?\s*$")
            .expect("valid regex")
    });
    for i in 1..s.quantities.len() {
        let (head, q) = (&s.quantities[i - 1], &s.quantities[i]);
        let part_of_unnamed = counts_a_group(head)
            && q.unit == Unit::Count
            && links[i - 1].is_none()
            && links[i]
                .as_ref()
                .is_some_and(|l| vocab::measure(l.indicator) == vocab::Measure::Stock)
            && OF_WHOM.is_match(super::text::tail(&s.text[head.end..q.span.start], 20));
        if part_of_unnamed {
            links[i] = None;
        }
    }
}

/// A count that can be a group a later "of whom" divides: a value, not a change ("31 fewer
/// children in care than a year ago, with 389 ..." divides nothing).
fn counts_a_group(q: &Quantity) -> bool {
    q.unit == Unit::Count && q.role == Role::Value
}

/// "Number of young people supervised by the YJS: 118. Of these, 23 were looked after
/// children": a sentence that opens on a part of the group counted just before, a group no
/// indicator names, counts parts of that group, not the authority's totals.
pub fn drop_parts_of_unnamed_group(s: &Sentence<'_>, links: &mut [Option<Link>]) {
    static OF_THESE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:of\s+(?:these|them|those|whom|which|this\s+(?:group|cohort|number))|within\s+this\s+(?:group|cohort))\W*$")
            .expect("valid regex")
    });
    let Some(first) = s.quantities.first() else {
        return;
    };
    if !OF_THESE.is_match(&s.text[s.range.start..first.span.start]) {
        return;
    }
    for (q, link) in s.quantities.iter().zip(links.iter_mut()) {
        if q.unit == Unit::Count {
            link.take_if(|l| vocab::measure(l.indicator) == vocab::Measure::Stock);
        }
    }
}

/// "35% of children in care (144) are placed out of county": the count in brackets after a
/// share of a group is the share's, not the group's total.
fn drop_counts_behind_shares(s: &Sentence<'_>, links: &mut [Option<Link>]) {
    static SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*of\s+[^\d()%;,.]{1,60}?\(\s*(?:n\s*=\s*)?$").expect("valid regex")
    });
    for (pair, link) in s.quantities.windows(2).zip(links.iter_mut().skip(1)) {
        let [share, q] = pair else { continue };
        let a_share = share.unit == Unit::Percent || share.word && share.value < 1.0;
        if a_share
            && q.unit == Unit::Count
            && SHARE_OF.is_match(&s.text[share.end..q.span.start])
            && s.text[q.end..].trim_start().starts_with(')')
        {
            *link = None;
        }
    }
}

/// "72 care leavers aged 19-21 (34%) were not in education, employment or training": a count
/// with the percentage it makes in brackets after it, the percentage said of what follows, is
/// that share's numerator, not the whole it is named by.
fn drop_numerators(s: &Sentence<'_>, links: &mut [Option<Link>]) {
    for i in 0..s.quantities.len().saturating_sub(1) {
        let (q, share) = (&s.quantities[i], &s.quantities[i + 1]);
        let said_after = links[i + 1].as_ref().is_some_and(|l| {
            l.how == "percent-of"
                && l.label
                    .as_ref()
                    .is_some_and(|label| label.start >= share.end)
        });
        let between = &s.text[q.end..share.span.start];
        let bracketed = between.trim_end().ends_with('(')
            && between.len() <= 60
            && !between.contains([',', ';', ')'])
            && s.text[share.end..].trim_start().starts_with(')');
        if q.unit == Unit::Count && share.unit == Unit::Percent && bracketed && said_after {
            links[i] = None;
        }
    }
}

fn link_one(
    s: &Sentence<'_>,
    i: usize,
    q: &Quantity,
    links: &[Option<Link>],
    topic: &Topic,
) -> Option<Link> {
    let link = match q.unit {
        Unit::Percent => percent_of(s, q, topic),
        _ => count_noun(s, q)
            .or_else(|| missing_occasions(s, q))
            .or_else(|| served_by(s, q))
            .or_else(|| cohort_of_its_own(s, q))
            .or_else(|| cases_held(s, q))
            .or_else(|| noun_value(s, i, q, links)),
    };
    let link = link
        .or_else(|| sequence(s, i, q, links))
        .or_else(|| against_target(s, i, q, links))
        .or_else(|| the_number(s, q))
        .or_else(|| anaphora(s, q, topic))?;
    let fits = if vocab::is_percent(link.indicator) {
        q.unit == Unit::Percent
    } else {
        q.unit != Unit::Percent
    };
    (fits
        && !excluded(s, q, link.indicator)
        && !forecast(s, q)
        && (vocab::measure(link.indicator) != vocab::Measure::Stock || !reached_by_some(s, q))
        // A number in words is a figure when it counts a noun or is a percentage ("Ninety-one
        // percent of CLA ..."), not when it merely stands near one ("two of them").
        && (!q.word
            || link.how == "count-noun"
            || q.unit == Unit::Percent
            || link.how == "noun-value" && stated_in_words(s, q))
        && part_of_total(s, q, links) != Some(link.indicator)
        && part_of_those_named(s, q) != Some(link.indicator)
        && !part_of_the_total_before(s, q, link.indicator, topic))
    .then_some(link)
}

/// "The number of children subject to CP plans stood at three hundred and twelve": a number
/// in words said to be the value of the noun before it (not "was one of the highest").
fn stated_in_words(s: &Sentence<'_>, q: &Quantity) -> bool {
    static STATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:stood\s+at|was|were|is|are|totall?ed|reached|(?:rose|risen|fell|fallen|increased|decreased|dropped|grown|grew)\s+to)\s+$")
            .expect("valid regex")
    });
    static NOT_ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:of|in|out|more|less|fewer|times|per|or|to)(?-u:\b)")
            .expect("valid regex")
    });
    STATED.is_match(super::text::tail(&s.text[s.range.start..q.span.start], 24))
        && !NOT_ALONE.is_match(&s.text[q.end..s.range.end])
}

/// "Training was delivered to 120 foster carers", "a survey of 85 care leavers", "inspectors
/// looked at the experiences of 38 children": the people an activity reached, some of the whole
/// (but "offered to all 120 foster carers" is the whole).
fn reached_by_some(s: &Sentence<'_>, q: &Quantity) -> bool {
    static REACHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:(?:delivered|provided|offered|sent|given|issued|distributed)\s+to|(?:survey|consultation|questionnaire|sample)\s+(?:of|with)|(?:survey|consultation|questionnaire)s?\s+(?:was\s+|were\s+)?(?:completed|answered|filled\s+in|returned)\s+by|(?:experiences|cases|records|files|journeys)\s+of|(?:surveyed|consulted|interviewed|trained))\s+$")
            .expect("valid regex")
    });
    REACHED.is_match(super::text::tail(&s.text[s.range.start..q.span.start], 40))
}

/// "We expect the number of children looked after to reach 500 by March 2025", "a forecast of
/// 1,300 referrals": a figure foreseen, not a result.
fn forecast(s: &Sentence<'_>, q: &Quantity) -> bool {
    static FORESEEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:(?:expect|forecast|project|predict|anticipate)(?:s|ed)?\s+(?:[\w’'-]+\s+){0,12}?to\s+(?:reach|rise\s+to|increase\s+to|grow\s+to|fall\s+to|drop\s+to|decrease\s+to|reduce\s+to|exceed|be|stand\s+at)|(?:forecasts?|projections?|predictions?)\s+(?:of|is|was|are|at)|(?:forecast|projected|predicted)\s+(?:to\s+be|at))\s+(?:about\s+|around\s+|approximately\s+|over\s+|nearly\s+)?$")
            .expect("valid regex")
    });
    let clause = clause_around(s, q.span.start);
    FORESEEN.is_match(super::text::tail(&s.text[clause.start..q.span.start], 160))
}

/// "436 looked after children. Of these, 97 children were looked after at home with parents":
/// a sentence that opens on "Of these" counts parts of the total before it, so its counts are
/// never more of that total's indicator (they may be another's: "Of these, 412 became
/// referrals").
fn part_of_the_total_before(
    s: &Sentence<'_>,
    q: &Quantity,
    indicator: &str,
    topic: &Topic,
) -> bool {
    static OF_THESE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*of\s+(?:these|those|them|whom|which|this\s+(?:number|total|group|cohort))(?-u:\b)")
            .expect("valid regex")
    });
    q.unit == Unit::Count
        && topic.count.is_some_and(|(total, _)| total == indicator)
        && OF_THESE.is_match(&s.text[s.range.clone()])
}

/// The indicator of the total a number is a part of: "452 looked after children, of whom 98
/// were looked after at home and 141 in kinship care", "366 children in care, including 30
/// placed with parents". A part is never more of its total's indicator (it may be another's:
/// "of whom 30 were unaccompanied asylum-seeking children"). Counts only.
fn part_of_total(s: &Sentence<'_>, q: &Quantity, links: &[Option<Link>]) -> Option<&'static str> {
    static PARTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:of\s+(?:whom|which|these|those|them)|including)(?-u:\b)")
            .expect("valid regex")
    });
    // "100% of which 72% accepted an interview" is how percentages are said; a rate is no
    // part ("1,611 children in need (including ...), a rate of 372 per 10,000").
    if q.unit != Unit::Count {
        return None;
    }
    let before = &s.text[s.range.start..q.span.start];
    let parts = s.range.start + PARTS.find_iter(before).last()?.start();
    s.quantities
        .iter()
        .zip(links)
        .rev()
        .find(|(total, _)| total.end <= parts)
        .and_then(|(_, link)| link.as_ref())
        .map(|link| link.indicator)
}

/// The indicator of the whole a sentence opens on, when the number is a part of it: "Of the
/// contacts received, 1,790 resulted in a referral" (a part of the contacts; it may still be
/// another indicator's: "Of the children who ceased to be looked after, 14 were adopted").
fn part_of_those_named(s: &Sentence<'_>, q: &Quantity) -> Option<&'static str> {
    static OF_THOSE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^\W*|[.;:]\s*)of\s+(?:the|our|these|those|its|their|all)\s+[^\d,.;()]{1,60},\s*$")
            .expect("valid regex")
    });
    if q.unit != Unit::Count {
        return None;
    }
    let phrase = OF_THOSE.find(&s.text[s.range.start..q.span.start])?;
    let phrase = s.range.start + phrase.start()..s.range.start + phrase.end();
    s.mentions
        .iter()
        .find(|m| m.span.start >= phrase.start && m.span.end <= phrase.end)
        .map(|m| m.rule.indicator)
}

/// Quantities that can never be indicator figures: changes, bounds, money, durations,
/// breakdowns of a total.
fn linkable(s: &Sentence<'_>, i: usize) -> bool {
    let q = &s.quantities[i];
    q.role == Role::Value
        && matches!(q.unit, Unit::Count | Unit::Percent | Unit::Per10k)
        && !breakdown(s, q)
}

/// "30 of whom", "4 of the 28 children", "Of the 149 young people ..., 147 have ...", "Of our
/// 412 looked after children, 98 are ...", "... was informed that of the 214 children looked
/// after, 57 were ...".
fn breakdown(s: &Sentence<'_>, q: &Quantity) -> bool {
    static PART_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:\w+\s+){0,2}?(?:of|out\s+of)\s+(?:the|these|those|whom|which|them|this|our|all)(?-u:\b)|^\s*(?:\w+\s+)?of\s+\d").expect("valid regex")
    });
    static OF_THE_TOTAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|[.;:]\s*|(?-u:\b)that\s+)of\s+(?:(?:the|our|these|those|its|their|all)\s+)?[\d,]+(?-u:\b)[^,.;]*?,?\s*$")
            .expect("valid regex")
    });
    let after = &s.text[q.end..s.range.end];
    let before = &s.text[s.range.start..q.span.start];
    if q.unit == Unit::Percent {
        return false; // "96.7% of which were in time" is how percentages are said
    }
    PART_OF.is_match(after) && !whole_of_a_part_after(after)
        || OF_THE_TOTAL.is_match(before) && !CONVERTED.is_match(after)
}

/// "Assessments authorised: 378\nof which within 45 working days: 311", "378, of which 311":
/// a number that "of which" follows, with the part's own number right after it or after its
/// label, is the whole (where "30 of whom are placed with parents" is a part, and so is "9 of
/// them for more than 18 months").
fn whole_of_a_part_after(after: &str) -> bool {
    static OF_WHICH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,]*of\s+(?:which|whom|these|them)(?-u:\b)(?:[^.;:]{0,60}[:=])?\s*\d")
            .expect("valid regex")
    });
    OF_WHICH.is_match(after)
}

/// A part that the vocabulary names in its own right: "Of the 389, 42 are unaccompanied
/// asylum-seeking children" counts UASC, "of whom 14 were placed for adoption" children placed
/// for adoption (where "of whom 98 were in foster care" counts no indicator).
fn cohort_of_its_own(s: &Sentence<'_>, q: &Quantity) -> Option<Link> {
    static ARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s+(?:(?:are|were|is|was)\s+(?:currently\s+|now\s+|still\s+)?)?$")
            .expect("valid regex")
    });
    if q.role != Role::Value || q.unit != Unit::Count {
        return None;
    }
    let m = s
        .mentions
        .iter()
        .find(|m| m.span.start >= q.end && m.span.start - q.end <= 24)?;
    let own = matches!(m.rule.indicator, "uasc" | "placed_for_adoption");
    (own && ARE.is_match(&s.text[q.end..m.span.start])).then(|| Link {
        indicator: m.rule.indicator,
        how: "count-noun",
        rule: m.rule.name,
        label: Some(m.span.clone()),
        after: None,
    })
}

/// "became", "progressed to": what a number of one thing turned into, another indicator ("Of
/// the 12,400 contacts, 3,300 progressed to referral"; "3,300 contacts became referrals").
static CONVERTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:which|that|who)\s+)?(?:were\s+|was\s+|have\s+|has\s+|then\s+)*(?:became|become|progressed|proceeded|went\s+on|led|resulted|converted)(?-u:\b)")
        .expect("valid regex")
});

/// `count-noun`: "366 children in care", "2,950 children (including unborn children) on
/// registers", "27 children have been adopted", "60 UASC children".
fn count_noun(s: &Sentence<'_>, q: &Quantity) -> Option<Link> {
    static GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?ix)^[\s*“”"']*
            (?:(?:new|more|additional|further|other|approved|registered|in-house|mainstream|open|active|current|sets\s+of)\s+)?
            (?:(?:children(?:'|’)?s\s+names|names|children|child|young\s+people|young\s+persons|people|CYP|families|households|cases|pupils|individuals|episodes)
               (?:\s*(?:and|&|/)\s*(?:young\s+people|children|families))?[\s*]*
               (?:\([^)]{0,60}\)\s*)?
               (?:(?:who|that|are|were|is|was|have|has|had|been|being|currently|now|known|to|be|receiving|recorded|registered|identified|made|subject|as|with|a|the|on|in|still|remain|remains|remained|supported|all)\s+)*
            # "and 41 had ceased to be looked after": the noun left to the figure before.
            |(?:have|has|had)\s+(?:also\s+|now\s+)?(?:been\s+)?
            )?
            (?:(?:\([^)]{0,30}\)\s*)?(?:became|become|becoming|progressed\s+to|went\s+on\s+to\s+(?:be|become)|resulted\s+in|led\s+to|converted\s+(?:in)?to)\s+(?:an?\s+)?)?$"#)
        .expect("valid regex")
    });
    /// The words between what a number counted and what it became ("progressed to").
    static INTO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:(?:which|that|who)\s+)?(?:were\s+|was\s+|have\s+|has\s+|then\s+)*(?:(?:became|become|progressed\s+(?:on\s+)?to|proceeded\s+to|went\s+on\s+to(?:\s+become)?|led\s+to|resulted\s+in|converted\s+(?:in)?to)\s+(?:an?\s+)?)?$")
            .expect("valid regex")
    });
    /// The words between what a number counted and the kind it names it as.
    static AS_A: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s*,?\s*as\s+(?:an?\s+)?$").expect("valid regex"));
    /// "7 out of 10 care leavers", "1 in 5 children in care": the number counts a share's
    /// whole, not the indicator.
    static SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[\d.]+\s*(?:out\s+of|in|of\s+every)\s*$").expect("valid regex")
    });
    let m = s
        .mentions
        .iter()
        .find(|m| m.span.start >= q.end && m.span.start - q.end <= 80)?;
    // "3,300 contacts progressed to referral": the number counts what they became; "1,450
    // children open to social care as children in need", what they are open as.
    let first = m;
    let m = s
        .mentions
        .iter()
        .find(|later| later.span.start >= first.span.end)
        .filter(|later| {
            let between = &s.text[first.span.end..later.span.start];
            CONVERTED.is_match(&s.text[first.span.end..s.range.end]) && INTO.is_match(between)
                || AS_A.is_match(between)
        })
        .unwrap_or(first);
    if SHARE_OF.is_match(super::text::tail(&s.text[s.range.start..q.span.start], 20)) {
        return None;
    }
    if left_out(s, m) || where_placed(s, m) || labels_the_next(s, m) {
        return None;
    }
    let gap = &s.text[q.end..first.span.start];
    let stock = vocab::measure(m.rule.indicator) == vocab::Measure::Stock;
    // "1,871 contacts resulted in no further action": a part of them, where what they became
    // names no indicator.
    let went_on = std::ptr::eq(m, first) && went_on_to(&s.text[m.span.end..s.range.end]);
    if !GAP.is_match(gap)
        || stock && restricted_after(s, m)
        || went_on
        || per_something(&s.text[m.span.end..s.range.end])
    {
        return None;
    }
    Some(Link {
        indicator: m.rule.indicator,
        how: "count-noun",
        rule: m.rule.name,
        label: Some(m.span.clone()),
        after: None,
    })
}

/// `count-noun` for missing episodes counted as occasions: "112 children went missing on 345
/// occasions", "reported missing from care 1,204 times". The occasions are the episodes; the
/// children who went missing are no indicator's, and one child's occasions are not the count.
fn missing_occasions(s: &Sentence<'_>, q: &Quantity) -> Option<Link> {
    static MISSING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)missing(?:\s+from\s+(?:home|care|home\s+or\s+care|(?:their\s+)?(?:placements?|homes?)))?\s+(?:on\s+)?(?:a\s+total\s+of\s+|some\s+|over\s+|more\s+than\s+|almost\s+|nearly\s+)?$")
            .expect("valid regex")
    });
    static OCCASIONS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s+(?:separate\s+|different\s+|individual\s+)?(?:occasions|times)(?-u:\b)",
        )
        .expect("valid regex")
    });
    // "The most frequently missing child went missing 43 times": one child's episodes.
    static ONE_CHILD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:one|a|the|each|this|that|single|individual)\s+(?:[a-z-]+\s+){0,3}?(?:child|young\s+person|girl|boy|teenager)(?-u:\b)")
            .expect("valid regex")
    });
    let before = super::text::tail(&s.text[s.range.start..q.span.start], 60);
    let occasions = OCCASIONS_AFTER.find(&s.text[q.end..s.range.end])?;
    (MISSING_BEFORE.is_match(before) && !ONE_CHILD.is_match(&s.text[s.range.start..q.span.start]))
        .then(|| Link {
            indicator: "missing_episodes",
            how: "count-noun",
            rule: "missing-occasions",
            label: Some(q.end + occasions.start()..q.end + occasions.end()),
            after: None,
        })
}

/// `count-noun` for the cases social workers hold: "Social workers hold an average of 18
/// cases", "our social workers have on average 16 cases each". The number is an average of
/// cases per worker, and only a worker's (not a team's or a service's).
fn cases_held(s: &Sentence<'_>, q: &Quantity) -> Option<Link> {
    static HOLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:social\s+workers?|practitioners?|(?-u:\b)SWs?)\s+(?:currently\s+|now\s+)?(?:hold|holds|holding|have|has|carry|carries|carrying|work\s+with|are\s+holding|are\s+carrying)\s+(?:an\s+average\s+of|on\s+average|an\s+average\s+caseload\s+of|average\s+caseloads\s+of)\s+$")
            .expect("valid regex")
    });
    static CASES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s+(?:cases|children)(?-u:\b)").expect("valid regex"));
    if q.unit != Unit::Count || !s.text[s.range.start..q.span.start].contains("average") {
        return None;
    }
    let before = super::text::tail(&s.text[s.range.start..q.span.start], 80);
    let hold = HOLD.find(before)?;
    CASES.is_match(&s.text[q.end..s.range.end]).then(|| {
        let start = q.span.start - (before.len() - hold.start());
        Link {
            indicator: "social_worker_caseload",
            how: "count-noun",
            rule: "caseload",
            label: Some(start..start + hold.as_str().trim_end().len()),
            after: None,
        }
    })
}

/// The names of the leaving care service ("Leaving Care Team", "16+ team", "Throughcare") and of
/// early help, shared by [`served_by`] and [`served_passive`].
const LEAVING_CARE: &str = r"(?:leaving|after)\s*care|16\s*\+|sixteen\s+plus|through\s*care";
const EARLY_HELP: &str = r"early\s+help";

/// `count-noun` for the people a service says it cares for or works with, the service naming
/// the indicator: "We currently look after 285 children", "the council is corporate parent to
/// 402 children and young people", "The Leaving Care Team supports 198 young people", "the
/// early help service is working with 900 families". The speaker must be the service
/// ("foster carers who look after 3 children" count no one in care), and the people all of
/// them ("we look after 20 children in residential homes" are a part).
fn served_by(s: &Sentence<'_>, q: &Quantity) -> Option<Link> {
    /// The words before the number (the service and its verb captured), the indicator and its
    /// vocabulary rule.
    static SERVICES: LazyLock<[(Regex, &str, &str); 3]> = LazyLock::new(|| {
        const ADVERB: &str = r"(?:currently\s+|now\s+|also\s+|presently\s+|still\s+)?";
        let service = |subject: &str, verbs: &str| {
            Regex::new(&format!(r"(?i)(?-u:\b)({subject})\s+{ADVERB}(?:(?:is|are|was|were|acts?\s+as|acted\s+as)\s+{ADVERB})?({verbs})\s+(?:(?:a\s+total\s+of|around|about|approximately|over|nearly|almost|more\s+than|some|just\s+(?:over|under)|circa)\s+)?$"))
                .expect("valid regex")
        };
        const SUPPORT: &str =
            r"supports?|supporting|supported|works?\s+with|working\s+with|worked\s+with";
        [
            (
                service(
                    r"(?:we|council|authority)",
                    r"look(?:s|ed|ing)?\s+after|cares?\s+for|cared\s+for|caring\s+for|(?:the\s+)?corporate\s+parents?\s+(?:to|for|of)",
                ),
                "children_in_care",
                "children-in-care",
            ),
            (
                service(
                    &format!(r"(?:{LEAVING_CARE})\s+(?:service|team)s?"),
                    SUPPORT,
                ),
                "care_leavers",
                "care-leavers",
            ),
            (
                service(
                    &format!(r"{EARLY_HELP}\s+(?:service|team|hub|offer)s?"),
                    SUPPORT,
                ),
                "early_help",
                "early-help",
            ),
        ]
    });
    static PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s+(?:children|child|young\s+people|families)(?:\s*(?:and|&)\s*(?:young\s+people|families|children))?(?-u:\b)",
        )
        .expect("valid regex")
    });
    if q.unit != Unit::Count {
        return None;
    }
    if let Some(link) = served_passive(s, q) {
        return Some(link);
    }
    let before = super::text::tail(&s.text[s.range.start..q.span.start], 80);
    // Every verb holds one of these: most numbers are passed over without a search.
    if !["after", "for", "parent", "support", "with"]
        .iter()
        .any(|word| before.contains(word))
    {
        return None;
    }
    let (label, indicator, rule) = SERVICES.iter().find_map(|(words, indicator, rule)| {
        let c = words.captures(before)?;
        let (service, verb) = (c.get(1)?, c.get(2)?);
        // A service is named by its name ("leaving care team supports"), the authority by
        // what it does ("look after").
        let from = if *indicator == "children_in_care" {
            verb.start()
        } else {
            service.start()
        };
        Some((from..verb.end(), *indicator, *rule))
    })?;
    let noun = PEOPLE.find(&s.text[q.end..s.range.end])?;
    if picks_out_a_part(&s.text[q.end + noun.end()..s.range.end], indicator) {
        return None;
    }
    let offset = q.span.start - before.len();
    Some(Link {
        indicator,
        how: "count-noun",
        rule,
        label: Some(offset + label.start..offset + label.end),
        after: None,
    })
}

/// [`served_by`] told the other way round: "96 young people were open to the Leaving Care
/// Team", "312 families are being supported by the Early Help service", "61 young people aged
/// 16-25 receiving support from the 16+ team".
fn served_passive(s: &Sentence<'_>, q: &Quantity) -> Option<Link> {
    static SERVED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^\s+(?:children|young\s+people|young\s+adults|care\s+leavers|families)(?:\s*(?:and|&)\s*(?:young\s+people|families|children))?(?:\s+aged\s+1[6-9]\s*(?:-|–|to)\s*2[0-5])?\s+(?:(?:are|were|is|was)\s+)?(?:currently\s+|now\s+|still\s+)?(?:being\s+)?(?:open\s+to|supported\s+by|known\s+to|allocated\s+to|receiving\s+support\s+from|in\s+receipt\s+of\s+support\s+from|working\s+with)\s+(?:the\s+|our\s+)?(?:[A-Z][\w’'-]*\s+)?(?:(?P<leaving>{LEAVING_CARE})|(?P<early>{EARLY_HELP}))\s+(?:service|team|hub)s?(?-u:\b)"))
            .expect("valid regex")
    });
    let c = SERVED.captures(&s.text[q.end..s.range.end])?;
    let (indicator, rule) = if c.name("leaving").is_some() {
        ("care_leavers", "care-leavers")
    } else {
        ("early_help", "early-help")
    };
    let service = c.name("leaving").or(c.name("early"))?;
    Some(Link {
        indicator,
        how: "count-noun",
        rule,
        label: Some(q.end + service.start()..q.end + c.get(0)?.end()),
        after: None,
    })
}

/// "looked after for 12 months or more", "in care for at least two years": a cohort picked out
/// by how long it has been so, not the whole of it.
const FOR_A_WHILE: &str = r"for\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?(?:\d+|one|two|three|four|five|six|twelve|eighteen)\s+(?:continuous\s+)?(?:months?|years?|weeks?)(?-u:\b)";

/// "5 foster carers are proceeding to ...", "twenty-one looked after children had received an
/// exclusion": a verb after the noun that picks out a subgroup.
fn restricted_after(s: &Sentence<'_>, m: &Mention) -> bool {
    picks_out_a_part(&s.text[m.span.end..s.range.end], m.rule.indicator)
}

/// "Contacts progressing to referral: 1,102", "1,871 contacts resulted in no further action":
/// the part of a flow that went on to something, not the whole of it. (Not after a comma: "119
/// Section 47 enquiries, leading to 58 conferences" are all of them.)
fn went_on_to(after: &str) -> bool {
    static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:(?:that|which|who)\s+)?(?:progress(?:ed|ing)?|led|leading|result(?:ed|ing)?|convert(?:ed|ing)?|proceed(?:ed|ing)?|went|going|escalat(?:ed|ing)|stepp(?:ed|ing))\s+(?:on\s+|up\s+|down\s+)?(?:to|in|into)(?-u:\b)")
            .expect("valid regex")
    });
    OUTCOME.is_match(after)
}

/// [`restricted_after`] on the words `after` a noun naming `indicator`.
fn picks_out_a_part(after: &str, indicator: &str) -> bool {
    if went_on_to(after) {
        return true;
    }
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,]*(?:who|that)?\s*(?:are|were|have|has|had|will|would|did|is|was)\s+(?:been\s+|being\s+|not\s+)?(?:\w+ly\s+)?(\w+)")
            .expect("valid regex")
    });
    /// "30 children in care placed out of area", "children in care aged 16 or over", "34 care
    /// leavers at university".
    static SUBGROUP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^[\s,]*(?:{FOR_A_WHILE}|placed|living|residing|aged|accommodated|attending|at\s+home|away\s+from\s+home|with\s+(?:their\s+)?(?:parents?|famil(?:y|ies)|relatives)|in\s+(?:[a-z-]+\s+)?(?:foster|residential|kinship|external|agency|independent|secure|semi-independent)|with\s+(?:a\s+)?(?:disabilit|SEN|EHCP|special|complex)|at\s+(?:university|college)|in\s+(?:higher|further|full[\s-]time)\s+education|in\s+(?:education|employment|training|work|apprenticeships?|custody|prison|hospital|university|college)(?-u:\b)|on\s+remand|(?:who\s+(?:are|were)\s+)?at\s+(?:high\s+|significant\s+)?risk\s+of|outside|out\s+of\s+(?:area|borough|county|authority)|of\s+(?:statutory\s+|compulsory\s+)?school\s+age|in\s+(?:school\s+)?(?:year|yr)\s+\d{{1,2}}(?-u:\b)|in\s+key\s+stage\s+\d|in\s+reception(?-u:\b)|(?:of\s+)?(?:pre-?school|primary|secondary)(?:\s+school)?\s+age|who\s+(?:have|had|received|attend|live|are\s+(?:placed|living|aged)))"))
            .expect("valid regex")
    });
    const STOCK_VERBS: [&str; 13] = [
        "subject",
        "the",
        "on",
        "looked",
        "open",
        "recorded",
        "known",
        "currently",
        "now",
        "supported",
        "a",
        "adopted",
        "registered",
    ];
    /// "care leavers aged 18 to 25": the ages that define care leavers, not a part of them.
    static COHORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^[\s,]*{CARE_LEAVERS_AGED}(?-u:\b)")).expect("valid regex")
    });
    /// "18 UASC are in our care": being in care keeps the whole.
    static IN_CARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,]*(?:who\s+|that\s+)?(?:are|were|is|was|remains?|remained)\s+(?:currently\s+|now\s+|still\s+)?in\s+(?:our\s+|the\s+council(?:'|’)?s\s+|local\s+authority\s+)?care(?-u:\b)")
            .expect("valid regex")
    });
    /// "40 foster carers attended the event", "17 care leavers went to university", "14 children
    /// looked after received a fixed-term suspension": what some of them did.
    static DID: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,]*(?:who\s+|that\s+)?(?:attended|took\s+part|participated|responded|contributed|joined|engaged|accessed|benefit(?:t)?ed|enjoyed|visited|travelled|moved|returned|went|gained|obtained|achieved|attained|celebrated|told|said|reported|felt|completed\s+(?:a|the|an|their)|sat|passed|experienced|suffered|received\s+(?:an?\s+)?(?:fixed[\s-]term|permanent|exclusions?|suspensions?|cautions?|convictions?|reprimands?|awards?|prizes?|certificates?|qualifications?))(?-u:\b)")
            .expect("valid regex")
    });
    let mut after = IN_CARE.find(after).map_or(after, |m| &after[m.end()..]);
    if DID.is_match(after) {
        return true;
    }
    if indicator == "care_leavers" {
        if let Some(cohort) = COHORT.find(after) {
            after = &after[cohort.end()..];
        }
    }
    /// "430 early help assessments were completed": early help is counted by the assessments
    /// (or episodes, CAFs) done, so doing them picks out no subgroup.
    const EARLY_HELP_VERBS: [&str; 7] = [
        "completed",
        "undertaken",
        "carried",
        "opened",
        "started",
        "initiated",
        "held",
    ];
    let early_help = indicator == "early_help";
    SUBGROUP.is_match(after)
        || VERB.captures(after).is_some_and(|c| {
            let verb = c[1].to_ascii_lowercase();
            let keeps_the_whole = STOCK_VERBS.contains(&verb.as_str())
                || early_help && EARLY_HELP_VERBS.contains(&verb.as_str());
            !keeps_the_whole
        })
}

/// "10 contacts for each referral", "76 children in care per 100,000": a ratio, not a count.
fn per_something(after: &str) -> bool {
    static PER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:for\s+each|for\s+every|per\s+(?:\d|head|capita)|each)(?-u:\b)")
            .expect("valid regex")
    });
    PER.is_match(after)
}

/// `noun-value`: "the number of children looked after which stood at 1,082", "Number of
/// Children & Young People in Care: 350", "the number of referrals had increased to 277".
fn noun_value(s: &Sentence<'_>, i: usize, q: &Quantity, links: &[Option<Link>]) -> Option<Link> {
    let m = s
        .mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= q.span.start)
        .find(|m| !left_out(s, m) && !names_a_team(s, m))?;
    if where_placed(s, m) {
        return None;
    }
    // The noun an earlier number counts is that number's: in "430 looked after children at 31
    // July: 120 looked after at home and 310 ...", the 120 is a part, not another total. Its
    // rate is still of it: "301 children subject to CP plans (rate 48.1 per 10,000)".
    let counted = q.unit == Unit::Count
        && links
            .iter()
            .flatten()
            .any(|l| l.how == "count-noun" && l.label.as_ref() == Some(&m.span));
    // "412 children were looked after away from home and 96 at home with parents": the noun of
    // an earlier count that was left out (a part, here) is not the later one's either.
    let parallel = s.text[m.span.end..q.span.start]
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("and"));
    let of_a_part =
        parallel && phrase_of_a_count(s, m).is_some_and(|j| j < links.len() && links[j].is_none());
    if counted || of_a_part || describes_an_earlier_count(s, q, m) {
        return None;
    }
    // "The average age of children entering care was 9", "Average time between a child entering
    // care and moving in with their adoptive family (days): 398": a measure of them, not their
    // count.
    static MEASURE_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:(?:age|ages|cost|costs|length|duration|distance|weight)\s+of\s+(?:the\s+|our\s+|all\s+|these\s+|those\s+)?|(?:time|days|weeks|months)\s+(?:taken\s+)?(?:between|from)\s+(?:a\s+|the\s+)?)(?:children\s+|young\s+people\s+|child\s+)?$")
            .expect("valid regex")
    });
    if MEASURE_OF.is_match(super::text::tail(&s.text[s.range.start..m.span.start], 40)) {
        return None;
    }
    let gap = gap_words(s, m.span.end, q.span.start, i)?;
    let mut gap = EXCLUSION.replace_all(&gap, " ").into_owned();
    // (A team's name between them is no noun of the number's: "... in the Children in Need
    // teams was 19".)
    static TEAM_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?-u:\b)[A-Z][\w'’-]*\s+(?:(?:in|and|of|&)\s+|[A-Z][\w'’-]*\s+){{0,4}}(?i:{})(?-u:\b)", teams()))
            .expect("valid regex")
    });
    let lower = gap.to_ascii_lowercase();
    if TEAM_WORDS.iter().any(|w| lower.contains(w)) {
        gap = TEAM_NAME.replace_all(&gap, " ").into_owned();
    }
    // "Care leavers (aged 18-21): 198": the ages that define care leavers, not a part of them.
    if m.rule.indicator == "care_leavers" {
        gap = CARE_LEAVER_AGES.replace_all(&gap, " ").into_owned();
    }
    // "CP plans (rate 48.1 per 10,000)": a rate is what a rate per 10,000 is.
    if q.unit == Unit::Per10k {
        gap = RATE.replace_all(&gap, " ").into_owned();
    }
    // "298 with foster carers and 43 are placed with parents", "... with our own foster carers
    // and a further 58 with agencies": a number after "and" starts a clause of its own; the
    // phrase before it is not what it counts.
    static JOINED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*,?\s*(?:and|or|&|plus)(?:\s+(?:a\s+further|another|an\s+additional|an\s+extra))?\s*$")
            .expect("valid regex")
    });
    let joined_only = JOINED.is_match(&gap);
    // "unaccompanied asylum seeking children, who now number 58": the clause numbers them.
    static WHO_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,]*(?:who|which)\s+(?:now\s+|currently\s+|TIME\s+)?(?:number(?:ed)?|total(?:led)?)\s*$")
            .expect("valid regex")
    });
    if blocked_gap(&gap) && !WHO_NUMBER.is_match(&gap)
        || joined_only
        || went_on_to(&gap)
        || gap.split_whitespace().count() > 14
        || counts_another_noun(s, q, m)
        || names_another(s, q, m.rule.indicator)
    {
        return None;
    }
    Some(Link {
        indicator: m.rule.indicator,
        how: "noun-value",
        rule: m.rule.name,
        label: Some(m.span.clone()),
        after: None,
    })
}

/// "612 episodes related to children in care (146 children)": a noun inside the phrase of an
/// earlier count (no comma or "and" between them) describes that count, and names nothing
/// for a number in brackets just after it.
fn describes_an_earlier_count(s: &Sentence<'_>, q: &Quantity, m: &Mention) -> bool {
    s.text[m.span.end..q.span.start].trim() == "(" && phrase_of_a_count(s, m).is_some()
}

/// The earlier count whose phrase `m` is in, no comma or "and" between them: "612 episodes
/// related to children in care", "412 children were looked after".
fn phrase_of_a_count(s: &Sentence<'_>, m: &Mention) -> Option<usize> {
    static APART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)[,;:()]|(?-u:\b)(?:and|or|while|whilst|but|whereas|with|compared|than)(?-u:\b)",
        )
        .expect("valid regex")
    });
    let (j, p) = s.quantities.iter().enumerate().rfind(|(_, p)| {
        p.end <= m.span.start && p.unit == Unit::Count && p.role == Role::Value && !p.word
    })?;
    let between = &s.text[p.end..m.span.start];
    (between.split_whitespace().count() <= 6 && !APART.is_match(between)).then_some(j)
}

/// The words that end a team's name ("the Children in Need teams", "the Fostering Hub").
const TEAM_WORDS: [&str; 3] = ["team", "unit", "hub"];

/// A regex matching [`TEAM_WORDS`], singular or plural: "teams?|units?|hubs?".
fn teams() -> String {
    TEAM_WORDS.map(|w| format!("{w}s?")).join("|")
}

/// "the average caseload for social workers in the Children in Need teams was 19": a mention
/// that names a team is the team's name, not what a number after it counts.
fn names_a_team(s: &Sentence<'_>, m: &Mention) -> bool {
    static TEAM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^\s+(?:{}|services?\s+(?:area|manager)s?|practitioners|managers?)(?-u:\b)",
            teams()
        ))
        .expect("valid regex")
    });
    TEAM.is_match(super::text::head(&s.text[m.span.end..s.range.end], 24))
}

/// Words that leave indicators out: "excluding CP and CLA", "other than care leavers".
const EXCLUDING: &str =
    r"(?:excluding|excludes|excl\.?|except(?:\s+for)?|other\s+than|not\s+including|apart\s+from)";

/// "(excluding CP and CLA)": a bracket that leaves indicators out; "(including CP and CLA)", one
/// that names what a total holds.
static EXCLUSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\(\s*(?:{EXCLUDING}(?-u:\b)[^()]*|(?:including|includes|incl\.?|inc\.)\s+[^()\d]*)\)"
    ))
    .expect("valid regex")
});

/// "aged 18-21", "aged 16 to 25": the ages care leavers are counted between.
const CARE_LEAVERS_AGED: &str = r"aged\s+1[6-9]\s*(?:-|–|to|and)\s*2[0-5]";

/// [`CARE_LEAVERS_AGED`], perhaps in brackets: "Care leavers (aged 18-21): 198".
static CARE_LEAVER_AGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\(?\s*{CARE_LEAVERS_AGED}\s*\)?")).expect("valid regex")
});

/// "rate", "a rate of", "the rate per 10,000 was", and whom a rate is per: "per 10,000
/// children", "per 10,000 of the child population", "per 10,000 children aged 0-17".
static RATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:a\s+|the\s+)?rate(?:\s+of)?|per\s+10,?000\s+(?:of\s+(?:the\s+|our\s+)?)?(?:(?:local\s+)?child(?:ren)?(?:\s+and\s+young\s+people)?(?:\s+population)?|population|under[\s-]18s)(?:\s+aged\s+(?:0|under)\s*(?:-|–|to)?\s*1[78])?)(?-u:\b)").expect("valid regex")
});

/// A mention named as left out: "Children in need (excluding CP and CLA): 1,432" counts
/// neither plans nor children looked after.
fn left_out(s: &Sentence<'_>, m: &Mention) -> bool {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)(?-u:\b){EXCLUDING}\s+[^()\n;:.]{{0,40}}$")).expect("valid regex")
    });
    /// "Children in need (including CP and CLA): 1,800": the parts a total holds, named
    /// without numbers of their own.
    static INCLUDED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\(\s*(?:including|includes|incl\.?|inc\.)\s+[^()\d]{0,40}$")
            .expect("valid regex")
    });
    let before = super::text::tail(&s.text[s.range.start..m.span.start], 60);
    BEFORE.is_match(before) || INCLUDED.is_match(before)
}

/// Carers named as where children are placed: "The number of children placed with in-house
/// foster carers was 187", "96 placements, of which 41 were with in-house foster carers, 27 ..."
/// count children, not carers.
fn where_placed(s: &Sentence<'_>, m: &Mention) -> bool {
    static PLACED_WITH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:placed|placements?|living|live|lives|staying|cared\s+for|looked\s+after|accommodated|children|young\s+people|\d+\s+(?:were|are|was|is))\s+(?:with|by)\s+(?:an?\s+|the\s+|our\s+|their\s+)?$")
            .expect("valid regex")
    });
    m.rule.indicator == "foster_carers"
        && PLACED_WITH.is_match(super::text::tail(&s.text[s.range.start..m.span.start], 40))
}

/// Another indicator than `indicator` named right after a number, in the same phrase: what the
/// number counts ("14 were adopted and 9 were made subject to SGOs").
fn names_another(s: &Sentence<'_>, q: &Quantity, indicator: &str) -> bool {
    s.mentions.iter().any(|m| {
        let between = &s.text[q.end.min(m.span.start)..m.span.start];
        m.span.start >= q.end
            && m.span.start - q.end <= 40
            && m.rule.indicator != indicator
            && !labels_the_next(s, m)
            && !between.contains([',', ';', '.', '(', ':', '|', '/'])
            && !between.contains(|c: char| c.is_ascii_digit())
            && !between.split_whitespace().any(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "and" | "or" | "but" | "while" | "whereas" | "those" | "&"
                )
            })
    })
}

/// "CLA: 287 CIN: 702": a name followed by a colon and a number is that number's label, not
/// the noun of the number before it.
fn labels_the_next(s: &Sentence<'_>, m: &Mention) -> bool {
    labels_a_number(&s.text[m.span.end..s.range.end])
}

/// Whether the words just before `after` are a label: a colon or "=" and a number follow.
fn labels_a_number(after: &str) -> bool {
    static LABEL_OF_NEXT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*[:=]\s*[£\d]").expect("valid regex"));
    LABEL_OF_NEXT.is_match(after)
}

/// "10 given referrals, 9 packs for fostering": a number followed by a noun of its own counts
/// that noun, not the indicator named before it.
fn counts_another_noun(s: &Sentence<'_>, q: &Quantity, m: &Mention) -> bool {
    static FUNCTION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:in|on|at|for|by|from|to|and|or|as|compared|which|who|was|were|is|are|has|have|had|during|since|up|down|this|last|the|a|an|with|of|including|includes|giving|against|than|between|over|across|when|where|respectively|so|but|while|whereas|it|its|their|our|being|be|been|will|would|occasions|times|instances|in\s+total|young|children|child|people|families|total|overall|currently|now|today|then|per|since|until|after|before|about|above|below|nationally|regionally|locally|nationwide)$").expect("valid regex")
    });
    let after = &s.text[q.end..s.range.end];
    let Some(word) = after.split_whitespace().next() else {
        return false;
    };
    if !word.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    // "up from 540 two years ago": a time, not a noun.
    let gap = after.len() - after.trim_start().len();
    if s.times.iter().any(|t| t.start == q.end + gap) {
        return false;
    }
    // "CLA: 287 CIN: 702": the next word is the next number's label.
    let word_end = after.len() - after.trim_start().len() + word.len();
    if labels_a_number(&after[word_end..]) {
        return false;
    }
    let named = s.text[m.span.clone()].to_ascii_lowercase();
    // "143 missing episodes, relating to 61 children": indicators that count events, not
    // children, are not continued by a number of children.
    const EVENTS: [&str; 8] = [
        "contacts",
        "referrals",
        "assessments",
        "section_47_enquiries",
        "initial_cp_conferences",
        "missing_episodes",
        "care_proceedings",
        "special_guardianship_orders",
    ];
    let people = matches!(
        word.to_ascii_lowercase().as_str(),
        "children" | "child" | "young" | "people" | "families"
    );
    // "Care proceedings were issued for 19 children", "SGOs granted in respect of 12
    // children": orders are counted by the children they are made for.
    const ORDERS: [&str; 2] = ["care_proceedings", "special_guardianship_orders"];
    static MADE_FOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:for|in\s+respect\s+of|concerning)\s+$").expect("valid regex")
    });
    // "Our foster carers looked after 198 children": carers are counted as carers.
    if people && m.rule.indicator == "foster_carers" {
        return true;
    }
    // "Foster carers: 488 households", "Early help: 2,944 families supported": the unit these
    // are counted in.
    if matches!(m.rule.indicator, "foster_carers" | "early_help")
        && matches!(
            word.to_ascii_lowercase().as_str(),
            "households" | "families"
        )
    {
        return false;
    }
    if people && EVENTS.contains(&m.rule.indicator) {
        let before = super::text::tail(&s.text[m.span.end..q.span.start], 30);
        return !(ORDERS.contains(&m.rule.indicator) && MADE_FOR.is_match(before));
    }
    // "Initial Child Protection Conferences: 71 held in Q2", "S47 enquiries: 263 completed":
    // what happened to the events counted, not another noun. (Not of counts at a point in
    // time: "CP plans: 41 ended" counts no plans in force.)
    const DONE: [&str; 16] = [
        "held",
        "completed",
        "received",
        "made",
        "granted",
        "issued",
        "undertaken",
        "recorded",
        "reported",
        "carried",
        "commenced",
        "started",
        "initiated",
        "opened",
        "convened",
        "submitted",
    ];
    if EVENTS.contains(&m.rule.indicator) && DONE.contains(&word.to_ascii_lowercase().as_str()) {
        return false;
    }
    !FUNCTION_WORDS.is_match(word) && !named.contains(&word.to_ascii_lowercase())
}

/// The text between two offsets with time expressions and change quantities taken out, or
/// `None` when a clause break or another value lies between.
fn gap_words(s: &Sentence<'_>, from: usize, to: usize, index: usize) -> Option<String> {
    if s.quantities[..index]
        .iter()
        .any(|o| o.span.start >= from && o.role == Role::Value && !o.word)
    {
        return None;
    }
    let times = s.times.iter().map(|t| (t.clone(), " TIME "));
    let changes = s.quantities[..index]
        .iter()
        .filter(|o| o.role == Role::Change)
        .map(|o| (o.span.start..o.end, " CHANGE "));
    let mut cuts: Vec<(Range<usize>, &str)> = times
        .chain(changes)
        .filter(|(r, _)| r.start >= from && r.end <= to)
        .collect();
    cuts.sort_by_key(|(r, _)| r.start);
    let mut gap = String::new();
    let mut at = from;
    for (r, word) in cuts {
        if r.start < at {
            continue;
        }
        gap.push_str(&s.text[at..r.start]);
        gap.push_str(word);
        at = r.end;
    }
    gap.push_str(&s.text[at..to]);
    // A semicolon parts clauses, but not the items of a bracket, "(2023: 301; 2022: 296)", nor
    // values listed with their times, "1,204 (2023/24); 1,310 (2022/23)", "2023/24 outturn
    // 4,412; 2024/25 year to date (April-December) 3,501".
    static KIND_OF_RESULT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:outturn|actual|provisional|year\s+to\s+date|ytd)(?-u:\b)")
            .expect("valid regex")
    });
    let dated_items = || {
        let rest = KIND_OF_RESULT.replace_all(&gap, "").replace("TIME", "");
        let rest: String = rest
            .chars()
            .filter(|c| !c.is_whitespace() && !"():".contains(*c))
            .collect();
        rest == ";" && gap.contains("TIME")
    };
    (!gap.contains(';') || in_brackets(&s.text[s.range.start..to]) || dated_items()).then_some(gap)
}

/// Whether a bracket is open at the end of `before`.
fn in_brackets(before: &str) -> bool {
    let opened = before.bytes().filter(|&b| b == b'(').count();
    let closed = before.bytes().filter(|&b| b == b')').count();
    opened > closed
}

/// Words between a noun and a number that show the number is of something else.
fn blocked_gap(gap: &str) -> bool {
    static BLOCKED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)(?-u:\b)(?:{FOR_A_WHILE}|aged|age|ages|who|whom|whose|placed|placements?|living|residing|boys|girls|males?|females?|disabilit\w*|disabled|quota|allocation|maximum|minimum|costs?|budget|each|including|includes|excluding|compared|than|young\s+people|families|carers|schools?|pupils|requests?|received\s+a|out\s+of|because|reasons?|categor\w+|however|but|whereas|while|following|proportion|percentage|rate)(?-u:\b)|(?-u:\b)children(?:[^'’\w]|$)|£|%"))
            .expect("valid regex")
    });
    BLOCKED.is_match(gap)
}

/// `percent-of`: the percentage indicator whose predicate is nearest in the clause.
fn percent_of(s: &Sentence<'_>, q: &Quantity, topic: &Topic) -> Option<Link> {
    let clause = clause_around(s, q.span.start);
    let candidates = || {
        s.predicates
            .iter()
            .filter(|p| p.span.start >= clause.start && p.span.end <= clause.end)
            .filter(|p| !needs_care_leavers(p.rule.indicator) || s.care_leaver_context)
    };
    // "61% are in education, employment or training and 89% are in suitable accommodation":
    // what lies between an earlier percentage and this one is the earlier one's, when this one
    // has words of its own after it.
    let earlier_end = s
        .quantities
        .iter()
        .filter(|o| o.unit == Unit::Percent && o.end <= q.span.start && o.end > clause.start)
        .map(|o| o.end)
        .next_back();
    let has_own_after = candidates().any(|p| p.span.start >= q.end);
    // "58% are in education, employment or training (national 56%) and 91% ...": a percentage
    // in brackets after a value is of the measure named before the brackets.
    let bracketed = bracket_around(s, clause.start, q.span.start).filter(|_| earlier_end.is_some());
    let before_brackets = bracketed.and_then(|open| {
        candidates()
            .filter(|p| p.span.end <= open)
            .max_by_key(|p| p.span.end)
    });
    let best = before_brackets.or_else(|| {
        candidates()
            .filter(|p| {
                !(has_own_after
                    && earlier_end.is_some_and(|e| p.span.start >= e && p.span.end <= q.span.start))
            })
            .min_by_key(|p| distance(&p.span, &(q.span.start..q.end)))
    });
    let Some(best) = best else {
        return in_time_of_named(s, q, topic)
            .or_else(|| rate_of_the_clause_before(s, q, clause.start));
    };
    Some(Link {
        indicator: best.rule.indicator,
        how: "percent-of",
        rule: best.rule.name,
        label: Some(best.span.clone()),
        after: None,
    })
}

/// Where the bracket `at` stands in opens, when it opens after `from` and holds only a few
/// words before `at` ("(national 56%", "(2023: 52%").
fn bracket_around(s: &Sentence<'_>, from: usize, at: usize) -> Option<usize> {
    let open = from + s.text[from..at].rfind('(')?;
    let inside = &s.text[open + 1..at];
    (!inside.contains(')') && inside.len() <= 30).then_some(open)
}

/// "Members asked about repeat referrals; officers confirmed the rate was 19%", "Re-referrals
/// remain high, with the rate at 24%": "the rate" of a clause that names none is the measure
/// the clause before named last.
fn rate_of_the_clause_before(s: &Sentence<'_>, q: &Quantity, clause_start: usize) -> Option<Link> {
    static THE_RATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:the|this|that|its)\s+(?:rate|percentage|proportion)\s+(?:was|is|stood\s+at|at|(?:has|had)\s+(?:risen|fallen|increased|decreased|reduced|improved)\s+to)\s*$")
            .expect("valid regex")
    });
    if !THE_RATE.is_match(super::text::tail(&s.text[clause_start..q.span.start], 40)) {
        return None;
    }
    let named = s
        .predicates
        .iter()
        .rfind(|p| p.span.end <= clause_start && p.span.start >= s.range.start)?;
    let between = &s.text[named.span.end..clause_start];
    // The clause just before: no figure stands between the measure and this one.
    if s.quantities
        .iter()
        .any(|o| o.span.start >= named.span.end && o.end <= q.span.start)
    {
        return None;
    }
    (between.len() <= 80).then_some(Link {
        indicator: named.rule.indicator,
        how: "percent-of",
        rule: named.rule.name,
        label: Some(named.span.clone()),
        after: None,
    })
}

/// "214 initial child protection conferences were held, 87% within 15 working days": a
/// percentage in time of the events counted just before it.
fn in_time_of_named(s: &Sentence<'_>, q: &Quantity, topic: &Topic) -> Option<Link> {
    static IN_TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:of\s+(?:them|these|those|which)\s+)?(?:were\s+|was\s+)?(?:held\s+|completed\s+|carried\s+out\s+|authorised\s+)?(?:(?:with)?in\s+(?:\d+|fifteen|forty[\s-]two|forty[\s-]five)\s+(?:working\s+)?days|(?:with)?in\s+(?:the\s+)?(?:statutory\s+)?timescales?|(?:on|in)\s+time)(?-u:\b)")
            .expect("valid regex")
    });
    /// The events counted, and the indicator of their share in time.
    const IN_TIME_OF: [(&str, &str); 2] = [
        ("initial_cp_conferences", "icpc_on_time_pct"),
        ("assessments", "assessments_on_time_pct"),
    ];
    // "ICPCs held: 41 (within 15 days: 83%)", "of which within 45 working days: 311 (82%)": in
    // time, as the percentage's label (with the count in time before it).
    static IN_TIME_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:(?:with)?in\s+(?:\d+|fifteen|forty[\s-]two|forty[\s-]five)\s+(?:working\s+)?days|(?:with)?in\s+(?:the\s+)?(?:statutory\s+)?timescales?|(?:on|in)\s+time)\s*(?:[:=]\s*|\s(?:[\d,]+\s*)?\(\s*|[:=]\s*[\d,]+\s*\(\s*)$")
            .expect("valid regex")
    });
    if !IN_TIME.is_match(&s.text[q.end..s.range.end])
        && !IN_TIME_LABEL.is_match(super::text::tail(&s.text[s.range.start..q.span.start], 40))
    {
        return None;
    }
    let counted = s
        .mentions
        .iter()
        .rev()
        .find(|m| m.span.end <= q.span.start)
        .and_then(|m| {
            let (_, indicator) = IN_TIME_OF
                .iter()
                .find(|(counted, _)| *counted == m.rule.indicator)?;
            Some((*indicator, m))
        });
    // "IROs chaired 1,486 reviews for children looked after, and 96.2% of these were held
    // within timescales": the reviews in time named in an earlier clause.
    let named = || {
        s.predicates
            .iter()
            .rev()
            .find(|p| p.span.end <= q.span.start && p.rule.indicator.ends_with("_on_time_pct"))
            .map(|p| (p.rule.indicator, p))
    };
    if let Some((indicator, m)) = counted.or_else(named) {
        return Some(Link {
            indicator,
            how: "percent-of",
            rule: m.rule.name,
            label: Some(m.span.clone()),
            after: None,
        });
    }
    // "Single assessments completed: 498. Completed within 45 working days: 86.7%": the
    // events the sentence before counted, when this one names none.
    let (counted, rule) = topic.count.filter(|_| s.mentions.is_empty())?;
    let (_, indicator) = IN_TIME_OF.iter().find(|(c, _)| *c == counted)?;
    Some(Link {
        indicator,
        how: "anaphora",
        rule,
        label: None,
        after: None,
    })
}

/// True for the care leavers' percentages: "in education, employment or training" is theirs only
/// where care leavers are named nearby.
pub fn needs_care_leavers(indicator: &str) -> bool {
    matches!(
        indicator,
        "care_leavers_eet_pct" | "care_leavers_neet_pct" | "care_leavers_accommodation_pct"
    )
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Where the clauses of `text[range]` break: at ";", ", and", " whereas ", " but ", " while ".
pub fn clause_breaks(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    static BREAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i);|\s\|\s|,\s+and\s+|\s+whereas\s+|,?\s+but\s+|,\s+while\s+|,\s+with\s+|\s+and\s+this\s+|\s+however,?\s+").expect("valid regex")
    });
    BREAK
        .find_iter(&text[range.clone()])
        .map(|m| m.start() + range.start..m.end() + range.start)
        .collect()
}

/// The clause around an offset.
pub fn clause_around(s: &Sentence<'_>, at: usize) -> Range<usize> {
    let next = s.breaks.partition_point(|b| b.end <= at);
    let start = next
        .checked_sub(1)
        .map_or(s.range.start, |i| s.breaks[i].end);
    let end = s.breaks.get(next).map_or(s.range.end, |b| {
        if b.start >= at {
            b.start
        } else {
            s.range.end
        }
    });
    start..end
}

/// What is left of the words before a target once its cue ("our target of", "target <=") is
/// taken off: "; target <=" leaves ";".
fn before_target_cue(gap: &str) -> &str {
    let Some(cue) = numbers::TARGET_BEFORE.find(gap) else {
        return gap;
    };
    let head = gap[..cue.start()].trim_end();
    let article = ["a", "the", "our"].into_iter().find(|w| {
        let n = head.len().saturating_sub(w.len());
        head.get(n..).is_some_and(|end| end.eq_ignore_ascii_case(w))
            && !head[..n].ends_with(|c: char| c.is_alphanumeric())
    });
    match article {
        Some(w) => &head[..head.len() - w.len()],
        None => head,
    }
}

/// `sequence`: a later value of the indicator of an earlier quantity of the sentence.
fn sequence(s: &Sentence<'_>, i: usize, q: &Quantity, links: &[Option<Link>]) -> Option<Link> {
    static CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:(?-u:\b)from|(?-u:\b)to|(?-u:\b)and|&|(?-u:\b)compared\s+(?:to|with)|(?-u:\b)(?:increase|decrease|rise|fall|reduction|drop|up|down)\s+on|(?-u:\b)against|(?-u:\b)versus|(?-u:\b)vs\.?|(?-u:\b)than|(?-u:\b)above|(?-u:\b)below|,|\(|(?-u:\b)of\s+which|(?-u:\b)of\s+whom|(?-u:\b)low\s+of|(?-u:\b)high\s+of|(?-u:\b)peak\s+of|(?-u:\b)down\s+to|(?-u:\b)up\s+to|(?-u:\b)reaching|(?-u:\b)was|(?-u:\b)were|(?-u:\b)stood\s+at|(?-u:\b)reporting|(?-u:\b)with|(?-u:\b)just|(?-u:\b)(?:rate|average|figure|level|total)\s+of|\(\s*(?:a\s+|the\s+)?rate\s*:?|;|\|)(?:\s+the)?\s*(?:\(?\s*TIME\s*\)?\s*:?\s*)*\(?\s*$").expect("valid regex")
    });
    let (j, prev) = links[..i]
        .iter()
        .enumerate()
        .rev()
        .find_map(|(j, l)| l.as_ref().map(|l| (j, l)))?;
    let p = &s.quantities[j];
    let same_kind = (p.unit == Unit::Percent) == (q.unit == Unit::Percent)
        || q.unit == Unit::Count && p.unit == Unit::Percent;
    let gap = gap_words(s, p.end, q.span.start, i)?;
    // "(Q2 20.1%; target <=20%)": the words that make a value the target are not a connector.
    let gap = match q.target {
        true => before_target_cue(&gap).to_string(),
        false => gap,
    };
    // A comparator's label is not a connector, the words before it are: "(England 43.7".
    let gap = match area::LABEL.find(&gap) {
        Some(label) => &gap[..label.start()],
        None => &gap[..],
    };
    let own_label = prev.label.clone();
    // Another indicator named between them; the same one restated does not count ("95
    // children on the Child Protection Register (CPR) at year end, compared with 118").
    let mentions_between = q.unit != Unit::Percent
        && s.mentions.iter().any(|m| {
            m.span.start >= p.end
                && m.span.end <= q.span.start
                && Some(&m.span) != own_label.as_ref()
                && m.rule.indicator != prev.indicator
        });
    let followed_by_noun = prev
        .label
        .as_ref()
        .and_then(|l| s.mentions.iter().find(|m| m.span == *l))
        .is_some_and(|m| counts_another_noun(s, q, m));
    // "348 (rate 55.6)": a rate whose base is not given is no count.
    let bare_rate = q.unit == Unit::Count && RATE.is_match(gap);
    // "of whom 14 were placed for adoption and 98 were in foster care": a number said to be
    // something, after one said to be what its indicator names, is not more of that.
    static SAID_TO_BE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s+(?:are|were|is|was)\s").expect("valid regex"));
    let said_otherwise = prev.label.as_ref().is_some_and(|l| l.start >= p.end)
        && SAID_TO_BE.is_match(&s.text[q.end..s.range.end]);
    if !same_kind
        || bare_rate
        || said_otherwise
        || mentions_between
        || names_another(s, q, prev.indicator)
        || followed_by_noun
        || !CONNECTOR.is_match(gap)
        || gap.split_whitespace().count() > 16
    {
        return None;
    }
    Some(Link {
        indicator: prev.indicator,
        how: "sequence",
        rule: prev.rule,
        label: prev.label.clone(),
        after: Some(j),
    })
}

/// `the-number`: a later clause that says "the number" without naming it refers to the
/// indicator named earlier in the sentence ("More CiC than our neighbours, but we have reduced
/// the number from its all time high of 386").
fn the_number(s: &Sentence<'_>, q: &Quantity) -> Option<Link> {
    static THE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:the|this|that)\s+(?:number|figure|total|numbers)(?-u:\b)[^;]{0,60}$",
        )
        .expect("valid regex")
    });
    let clause = clause_around(s, q.span.start);
    let named_in_clause = s
        .mentions
        .iter()
        .any(|m| m.span.start >= clause.start && m.span.end <= q.span.start);
    if named_in_clause
        || q.unit == Unit::Percent
        || !THE_NUMBER.is_match(&s.text[clause.start..q.span.start])
    {
        return None;
    }
    let m = s
        .mentions
        .iter()
        .rev()
        .find(|m| m.span.end <= clause.start)?;
    Some(Link {
        indicator: m.rule.indicator,
        how: "the-number",
        rule: m.rule.name,
        label: Some(m.span.clone()),
        after: None,
    })
}

/// `against-target`: the result a sentence gives after its target, in words that name no
/// indicator of their own: "Our target is for 90% of assessments to be completed within 45
/// days; we achieved 84%", "the target of 95% of reviews on time was missed, with 91%
/// achieved". Percentages only, and only the result said to be reached.
fn against_target(
    s: &Sentence<'_>,
    i: usize,
    q: &Quantity,
    links: &[Option<Link>],
) -> Option<Link> {
    static ACHIEVED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:we\s+)?(?:achieved|achieving|reached|reaching|attained|(?:actual\s+|our\s+)?performance\s+(?:was|is|of|stood\s+at|stands\s+at)|(?:the\s+)?(?:actual|outturn|result)\s+(?:was|is|of)|(?:we\s+)?(?:are|were)\s+currently\s+at)\s*$")
            .expect("valid regex")
    });
    static ACHIEVED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s*(?:was|were|has\s+been|had\s+been)?\s*(?:achieved|reached|attained)(?-u:\b)",
        )
        .expect("valid regex")
    });
    if q.unit != Unit::Percent || q.target {
        return None;
    }
    let (target, link) = s.quantities[..i]
        .iter()
        .zip(links)
        .rev()
        .find(|(earlier, _)| earlier.unit == Unit::Percent)?;
    let link = link.as_ref().filter(|_| target.target)?;
    let between = &s.text[target.end..q.span.start];
    let said = ACHIEVED.is_match(super::text::tail(between, 40))
        || ACHIEVED_AFTER.is_match(&s.text[q.end..s.range.end]);
    // A clause of its own: after a comma or semicolon, or some words on.
    let own_clause = between.contains([';', ',']) || between.len() > 20;
    (said && own_clause).then_some(Link {
        indicator: link.indicator,
        how: "against-target",
        rule: link.rule,
        label: None,
        after: None,
    })
}

/// `anaphora`: "It was 51.16 per cent the year before", "the percentage was 49%", "The
/// numbers per month have fluctuated between a low of 297 and a high of 307".
fn anaphora(s: &Sentence<'_>, q: &Quantity, topic: &Topic) -> Option<Link> {
    static OPENER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:this|it|these|that|those|for\s+those|of\s+these|the\s+figure|the\s+percentage|the\s+rate|the\s+numbers?|this\s+figure|the\s+proportion)(?-u:\b)|(?-u:\b)(?:the\s+figure|the\s+percentage|the\s+proportion|the\s+number|the\s+total)\s+(?:was|is|stood|had|has)(?-u:\b)|(?-u:\b)for\s+the\s+same\s+period(?-u:\b)")
            .expect("valid regex")
    });
    if !s.mentions.is_empty() || !s.predicates.is_empty() {
        return None;
    }
    /// "The number of children we care for ...", "The rate of exclusions ...": a noun of its
    /// own, not the one before. "The number of these in employment is 30" is a part of it
    /// (and "The number of these has risen to 70" is too rare to tell from that).
    static NAMES_ITS_OWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*the\s+(?:numbers?|figures?|percentage|rate|proportion)\s+of(?-u:\b)")
            .expect("valid regex")
    });
    let body = &s.text[s.range.start..q.span.start];
    if !OPENER.is_match(body) && !OPENER.is_match(&s.text[s.range.clone()]) {
        return None;
    }
    if NAMES_ITS_OWN.is_match(body) {
        return None;
    }
    let (indicator, rule) = if q.unit == Unit::Percent {
        topic.percent?
    } else {
        topic.count?
    };
    Some(Link {
        indicator,
        how: "anaphora",
        rule,
        label: None,
        after: None,
    })
}

/// Exclusions that depend on the indicator: monthly averages of a flow, and foster carers still
/// in the recruitment pipeline.
fn excluded(s: &Sentence<'_>, q: &Quantity, indicator: &str) -> bool {
    static MONTHLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:per\s+month|a\s+month|each\s+month|monthly|per\s+week|a\s+week)(?-u:\b)").expect("valid regex")
    });
    static AVERAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)averag(?:e|ed|ing)\s+(?:of\s+)?(?:about\s+|around\s+)?$")
            .expect("valid regex")
    });
    /// Carers joining or leaving: "14 new fostering households were approved and 19 were
    /// de-registered".
    static PIPELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:skills\s+to\s+foster|form\s+f|proceeding|enquir\w+|being\s+assessed|in\s+assessment|recruit\w*|(?:newly|were|have\s+been|has\s+been)\s+approved|approved\s+this\s+year|approvals?|new\s+(?:mainstream\s+)?(?:foster(?:ing)?\s+)?(?:households|carers|families)|de-?regist\w+|resign\w*|retir\w+|left\s+(?:the\s+service|fostering|us))(?-u:\b)").expect("valid regex")
    });
    /// The total that joining and leaving result in: "leaving 156", "bringing the total to 160".
    static RESULTING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:leaving|bringing\s+(?:the\s+(?:total|number)\s+)?to|giving\s+(?:a\s+total\s+of|us)|making\s+(?:a\s+total\s+of)?|taking\s+(?:the\s+(?:total|number)\s+)?to|(?:a\s+)?(?:new\s+)?total\s+(?:of|to))\s*$").expect("valid regex")
    });
    /// Assessments not (yet) done, or of would-be carers: "47 enquiries, 9 initial visits and 3
    /// assessments under way".
    static NOT_DONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:under\s*way|in\s+progress|ongoing|outstanding|overdue|initial\s+visits?|recruit\w*|prospective)(?-u:\b)").expect("valid regex")
    });
    /// Caseloads of other roles than social workers: reviewing officers, personal advisers.
    static OTHER_ROLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:(?-i:IROs?|PAs?)|independent\s+reviewing\s+officers?|reviewing\s+officers?|personal\s+advis[eo]rs?|(?:child\s+protection\s+|conference\s+)chairs?|family\s+support\s+workers?|early\s+help\s+(?:workers?|practitioners?))(?-u:\b)").expect("valid regex")
    });
    let clause = clause_around(s, q.span.start);
    let clause_text = &s.text[clause.clone()];
    match vocab::measure(indicator) {
        vocab::Measure::Flow => {
            // "14,203 contacts in 2022/23, an average of 1,184 per month": a month after a
            // later average is that average's, not this figure's.
            let averaged_later = |at: usize| {
                s.quantities.iter().any(|other| {
                    other.span.start > q.span.start
                        && other.span.start < at
                        && AVERAGE.is_match(&s.text[clause.start..other.span.start])
                })
            };
            // ("37 new plans in February, the highest monthly figure this year": one month's.)
            static ONE_MONTHS: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?i)^\s+(?:figure|total|number|count|high|peak|record)s?(?-u:\b)")
                    .expect("valid regex")
            });
            // "56 children are currently subject to care proceedings": children in proceedings
            // now, not proceedings issued.
            static IN_PROCEEDINGS: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?i)(?-u:\b)(?:subject\s+to|in|within|involved\s+in)\s+(?:the\s+|ongoing\s+)?(?:care\s+|court\s+)?proceedings(?-u:\b)")
                    .expect("valid regex")
            });
            MONTHLY
                .find_iter(clause_text)
                .filter(|m| !ONE_MONTHS.is_match(&clause_text[m.end()..]))
                .any(|m| !averaged_later(clause.start + m.start()))
                || AVERAGE.is_match(&s.text[clause.start..q.span.start])
                || indicator == "assessments" && NOT_DONE.is_match(clause_text)
                || indicator == "care_proceedings" && IN_PROCEEDINGS.is_match(clause_text)
        }
        // "18 were approved and 12 de-registered, leaving 156 fostering households": what the
        // changes leave is the number of carers.
        _ if indicator == "foster_carers" => {
            PIPELINE.is_match(clause_text)
                && !RESULTING.is_match(super::text::tail(&s.text[clause.start..q.span.start], 40))
        }
        _ if indicator == "social_worker_caseload" => OTHER_ROLE.is_match(clause_text),
        // "Personal Advisers have an average caseload of 22 care leavers": one worker's share.
        vocab::Measure::Stock => {
            static CASELOAD_OF: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?i)(?-u:\b)caseloads?\s+(?:of\s+)?(?:about\s+|around\s+)?$")
                    .expect("valid regex")
            });
            let before = super::text::tail(&s.text[clause.start..q.span.start], 40);
            before.contains("aseload") && CASELOAD_OF.is_match(before)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{dates, numbers};

    /// The (indicator, value) pairs linked in one sentence.
    fn linked(text: &str) -> Vec<(&'static str, f64)> {
        let times: Vec<_> = dates::find(text, 0..text.len())
            .into_iter()
            .map(|t| t.span)
            .collect();
        let quantities = numbers::find(text, 0..text.len(), &times);
        let aliases = vocab::Aliases::from_document(text);
        let mentions = vocab::mentions(text, 0..text.len(), &aliases);
        let predicates = vocab::predicates(text, 0..text.len());
        let breaks = clause_breaks(text, 0..text.len());
        let s = Sentence {
            breaks: &breaks,
            text,
            range: 0..text.len(),
            quantities: &quantities,
            mentions: &mentions,
            predicates: &predicates,
            times: &times,
            care_leaver_context: text.contains("care leaver"),
        };
        let topic = Topic {
            count: Some(("children_in_care", "t")),
            percent: Some(("care_leavers_eet_pct", "t")),
        };
        link_sentence(&s, &topic)
            .into_iter()
            .zip(&quantities)
            .filter_map(|(l, q)| l.map(|l| (l.indicator, q.value)))
            .collect()
    }

    #[test]
    fn links_counts_to_their_nouns() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            (
                "As at 13th January there are 366 children in care, 307 children subject to Child Protection Plans and 645 children with Child in Need plans.",
                &[("children_in_care", 366.0), ("child_protection_plans", 307.0), ("children_in_need", 645.0)],
            ),
            (
                "The total number of open children's social care cases has risen to 1840, up from 1778 in October & 1686 in July.",
                &[("open_cases", 1840.0), ("open_cases", 1778.0), ("open_cases", 1686.0)],
            ),
            ("27 children have been adopted since April 2016, and 19 children are placed in adoptive placements.", &[("adoptions", 27.0), ("placed_for_adoption", 19.0)]),
            ("The number of children looked after which stood at 1,082 including 34 children / young people placed for adoption and 288 care leavers.", &[("children_in_care", 1082.0), ("placed_for_adoption", 34.0), ("care_leavers", 288.0)]),
            ("continues with 60 UASC children in care, 30 of whom are care leavers having UASC status.", &[("uasc", 60.0)]),
            ("There were 1,535 boys, 1,395 girls and 20 unborn children on the registers at 31 March 2013.", &[]),
            ("Only 4 of the 28 children were under 16.", &[]),
            ("5 foster carers are proceeding to the Skills to Foster course", &[]),
            ("twenty-one looked after children had received a fixed term exclusion", &[]),
            ("a rate of 76 children in care per 100,000", &[]),
            ("These range monthly from between 91 and 173 referrals averaging 133.", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(&linked(text), expected, "{text}");
        }
    }

    #[test]
    fn links_percentages_by_predicate() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("There was concern that 13.8% of CLA had experienced three or more moves in a year.", &[("placement_moves_3plus_pct", 13.8)]),
            ("The timeliness of our assessments has increased to 90%", &[("assessments_on_time_pct", 90.0)]),
            ("100% of care leavers aged 19 are judged to be living in suitable accommodation whereas only 63% are in education, training or employment.", &[("care_leavers_accommodation_pct", 100.0), ("care_leavers_eet_pct", 63.0)]),
            ("The number of initial and review health assessments completed within timescales stood at 69% and 85% respectively.", &[("cla_health_checks_pct", 69.0), ("cla_health_checks_pct", 85.0)]),
            ("There were 398 Children in Care with more males (56%) than females (44%) in care.", &[("children_in_care", 398.0)]),
            ("For those aged 19-21, the percentage was 49% which was below benchmarks.", &[("care_leavers_eet_pct", 49.0)]),
        ];
        for (text, expected) in cases {
            assert_eq!(&linked(text), expected, "{text}");
        }
    }
}
