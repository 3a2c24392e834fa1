//! Whose figure: the reporting authority's own, or a comparator's.
//!
//! "the national average of 11%" is England's, "statistical neighbours' averages" are the
//! statistical neighbours'. A document with no council of its own (national statistics, a
//! news item on Welsh registers) has the nation as its default area.

use super::text::{head, tail};
use crate::model::Area;
use regex::Regex;
use std::sync::LazyLock;

/// Comparator phrases, checked in this order.
static CUES: LazyLock<Vec<(Area, Regex)>> = LazyLock::new(|| {
    let cue = |pattern: &str| {
        Regex::new(&format!(r"(?i)(?-u:\b)(?:{pattern})(?-u:\b)")).expect("valid area cue")
    };
    vec![
        (
            Area::StatisticalNeighbours,
            cue(
                r"statistical\s+neighbours?'?|comparator\s+authorities|similar\s+(?:authorities|councils)",
            ),
        ),
        (
            Area::Wales,
            cue(
                r"wales\s+(?:average|rate|figure)|welsh\s+(?:average|rate|figure)|all[\s-]wales|across\s+wales|in\s+wales",
            ),
        ),
        (
            Area::Scotland,
            cue(
                r"scottish\s+(?:average|rate|figure)|scotland\s+(?:average|rate|figure)|in\s+scotland|across\s+scotland",
            ),
        ),
        (Area::NorthernIreland, cue(r"northern\s+ireland")),
        (Area::Uk, cue(r"uk\s+average|across\s+the\s+uk")),
        (
            Area::Region,
            cue(
                r"regional\s+(?:average|rate|figure|level)|(?:north\s+east|north\s+west|south\s+east|south\s+west|east\s+midlands|west\s+midlands|yorkshire|london|eastern)\s+(?:average|region)|the\s+region|london\s+was",
            ),
        ),
        (
            Area::England,
            cue(
                r"national\s+(?:average|figure|rate|position|level|picture)|nationally|england\s+(?:average|rate|figure)|in\s+england|across\s+england|english\s+average",
            ),
        ),
        (
            Area::Other,
            cue(
                r"across\s+councils|other\s+(?:councils|authorities|local\s+authorities)|core\s+cities",
            ),
        ),
    ]
});

/// Any comparator phrase at all: one pass before trying each.
static ANY_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)statistical|comparator|similar|core|wales|welsh|scotland|scottish|ireland|uk(?-u:\b)|region|north|south|east|west|yorkshire|london|national|england|english|councils|authorities").expect("valid regex")
});

/// The English regions a comparator's label names ("North West (97)"); London, a place as much
/// as a region, only as a column's heading.
const REGIONS: &str = r"north\s+east|north\s+west|south\s+east|south\s+west|east\s+midlands|west\s+midlands|yorkshire(?:\s+and\s+(?:the\s+)?humber)?|east\s+of\s+england";

/// A comparator named as the label of the number just after it: "(England 43.7, statistical
/// neighbours 51.0)", "Wales: 62", "above the North West (97) and England (70)". Stronger
/// than any phrase around the number.
pub static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)(?P<label>england|wales|scotland|northern\s+ireland|uk|stat(?:istical)?\.?\s+neighbours?'?|SNs?|regional|region|national|core\s+cities|(?:{REGIONS})(?:\s+region)?)(?:\s+(?:average|avg|rate|figure))?\s*[:=(-]?\s*$"))
        .expect("valid regex")
});

/// "71 for England", "62% across Wales": a nation's figure, said just after it.
static NATION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:%|per\s*cent)?\s*(?:for|in|across)\s+(?:the\s+)?(?P<nation>england|wales|scotland|northern\s+ireland|uk)(?-u:\b)")
        .expect("valid regex")
});

/// The comparator named just around a number, if any (the text within its clause).
pub fn cue(before: &str, after: &str) -> Option<Area> {
    static COMPARISON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:against|compared|comparison|versus|vs|than|whereas|while|and|but|below|above|higher|lower|better|worse|similar|in\s+line)(?-u:\b)|[(;]|,\s",
        )
        .expect("valid regex")
    });
    /// "in the region of 150": about 150, no region's figure.
    static ABOUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)in\s+the\s+(?:region|order)\s+of\s*$").expect("valid regex")
    });
    /// "the highest rate of children looked after in England at 184": where a council ranks,
    /// not the nation's figure.
    static RANKED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:highest|lowest|largest|smallest|best|worst|fastest|slowest|most|fewest|least|top|bottom)(?-u:\b)[^.;:()]{0,60}?(?-u:\b)(?:in|across|of\s+(?:all\s+)?(?:councils|authorities))\s+(?:(?:the\s+)?(?:england|wales|scotland|country|uk|region)(?-u:\b))?")
            .expect("valid regex")
    });
    let before = tail(before, 60);
    let before = ABOUT.find(before).map_or(before, |m| &before[..m.start()]);
    let before = RANKED.find(before).map_or(before, |m| &before[m.end()..]);
    // What follows a comparison, a comma or an "and" is another figure's: "98, against a
    // national average of 65", "18.4%, below the England average", "71 nationally and 74 for
    // our statistical neighbours".
    let after = head(after, 48);
    let after = COMPARISON
        .find(after)
        .map_or(after, |m| &after[..m.start()]);
    // A comparator's label names it as a column heading would.
    if let Some(area) = LABEL
        .captures(before)
        .and_then(|c| column(c.name("label")?.as_str()))
    {
        return Some(area);
    }
    // "compared with 71 for England": the nation named right after the number.
    if let Some(area) = NATION_AFTER
        .captures(after)
        .and_then(|c| column(c.name("nation")?.as_str()))
    {
        return Some(area);
    }
    if !ANY_CUE.is_match(before) && !ANY_CUE.is_match(after) {
        return None;
    }
    CUES.iter()
        .find(|(_, re)| re.is_match(before) || re.is_match(after))
        .map(|(area, _)| *area)
}

/// The area a table column heading names: "England", "Stat neighbours", "SN", "Wales",
/// "Regional average".
pub fn column(heading: &str) -> Option<Area> {
    static COLUMN: LazyLock<Vec<(Area, Regex)>> = LazyLock::new(|| {
        let cue = |pattern: &str| {
            Regex::new(&format!(r"(?i)^\W*(?:{pattern})\W*$")).expect("valid column cue")
        };
        vec![
            (
                Area::StatisticalNeighbours,
                cue(
                    r"(?:stat(?:istical)?\.?\s*)?neighbou?rs?'?(?:\s+average)?|sns?(?:\s+avg|\s+average)?|comparators?",
                ),
            ),
            (
                Area::England,
                cue(
                    r"england(?:\s+(?:average|avg))?|national(?:\s+(?:average|avg))?|eng(?:\.|\s+avg)",
                ),
            ),
            (
                Area::Wales,
                cue(r"wales(?:\s+(?:average|avg))?|all[\s-]wales"),
            ),
            (Area::Scotland, cue(r"scotland(?:\s+(?:average|avg))?")),
            (Area::Other, cue(r"core\s+cities(?:\s+(?:average|avg))?")),
            (Area::NorthernIreland, cue(r"northern\s+ireland")),
            (Area::Uk, cue(r"uk(?:\s+(?:average|avg))?")),
            (
                Area::Region,
                cue(&format!(
                    r"region(?:al)?(?:\s+(?:average|avg))?|(?:{REGIONS}|london|eastern)(?:\s+(?:average|avg|region))?"
                )),
            ),
        ]
    });
    COLUMN
        .iter()
        .find(|(_, re)| re.is_match(heading))
        .map(|(area, _)| *area)
}

/// The area of a document with no council of its own, from how it opens.
pub fn document_default(text: &str, has_authority: bool) -> Area {
    if has_authority {
        return Area::Local;
    }
    // Words of a council's own papers, which national publications do not use.
    const LOCAL: [&str; 10] = [
        "Council",
        " our ",
        "Our ",
        "Cabinet",
        "Scrutiny",
        "Corporate Parenting",
        "Lead Member",
        "Portfolio Holder",
        "Head of Children",
        "Director of Children",
    ];
    let opening = head(text, 3000);
    if LOCAL.iter().any(|w| opening.contains(w)) {
        return Area::Local;
    }
    // A national publication names its nation more than once; a single "England" column
    // heading in a council's scorecard does not make its figures England's, and nor does a
    // comparator's label ("(Wales 55%)", "England: 43.7", "Wales average").
    static COMPARATOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:[:(=-]\s*)?(?:\d|average|avg|rate|figure)").expect("valid regex")
    });
    let count = |words: &[&str]| {
        let n = words
            .iter()
            .map(|w| {
                opening
                    .match_indices(w)
                    .filter(|(at, w)| !COMPARATOR.is_match(&opening[at + w.len()..]))
                    .count()
            })
            .sum::<usize>();
        if n >= 2 {
            n
        } else {
            0
        }
    };
    let wales = count(&["Wales", "Welsh"]);
    let scotland = count(&["Scotland", "Scottish"]);
    let england = count(&[
        "England",
        "DCSF",
        "DfE",
        "Cafcass",
        "Department for Education",
    ]);
    match (wales, scotland, england) {
        (w, s, e) if w > 0 && w >= s && w >= e => Area::Wales,
        (_, s, e) if s > 0 && s >= e => Area::Scotland,
        (_, _, e) if e > 0 => Area::England,
        _ => Area::Local,
    }
}
