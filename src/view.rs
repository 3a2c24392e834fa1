//! What the figures table shows: the filters and the sort order, as plain data and functions
//! (the app's table and any "export what is shown" use the same rows; tests run them natively).

use crate::model::Figure;
use std::cmp::Ordering;

/// A column of the figures table, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The indicator id.
    Indicator,
    /// The value.
    Value,
    /// The unit.
    Unit,
    /// The date or period.
    When,
    /// Whose figure.
    Area,
    /// The words naming it.
    Label,
    /// The sentence it comes from.
    Sentence,
    /// The rule that read it.
    Rule,
}

impl Column {
    /// Every column, in display order.
    pub const ALL: [Column; 8] = [
        Column::Indicator,
        Column::Value,
        Column::Unit,
        Column::When,
        Column::Area,
        Column::Label,
        Column::Sentence,
        Column::Rule,
    ];

    /// The heading shown for the column.
    pub fn heading(self) -> &'static str {
        match self {
            Column::Indicator => "Indicator",
            Column::Value => "Value",
            Column::Unit => "Unit",
            Column::When => "When",
            Column::Area => "Area",
            Column::Label => "Label",
            Column::Sentence => "Sentence",
            Column::Rule => "Rule",
        }
    }

    fn compare(self, a: &Figure, b: &Figure) -> Ordering {
        match self {
            Column::Indicator => a.indicator.cmp(&b.indicator),
            Column::Value => a.value.total_cmp(&b.value),
            Column::Unit => a.unit.as_str().cmp(b.unit.as_str()),
            Column::When => a.when.cmp(&b.when),
            Column::Area => a.area.as_str().cmp(b.area.as_str()),
            Column::Label => a.label.to_lowercase().cmp(&b.label.to_lowercase()),
            Column::Sentence => a.sentence.cmp(&b.sentence),
            Column::Rule => a.rule.cmp(&b.rule),
        }
    }
}

/// The filters of the figures table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Free text: matches the indicator, label, sentence or the value exactly.
    pub text: String,
    /// Only this indicator.
    pub indicator: Option<String>,
    /// Only this unit (`count`, `percent`, ...).
    pub unit: Option<String>,
    /// Only this area (`local`, `england`, ...).
    pub area: Option<String>,
    /// Only figures with an indicator.
    pub indicators_only: bool,
}

impl Filter {
    /// True when the figure passes every filter.
    pub fn keeps(&self, f: &Figure) -> bool {
        let text = self.text.trim().to_lowercase();
        let text_ok = text.is_empty()
            || f.indicator.as_deref().unwrap_or("").contains(&text)
            || f.label.to_lowercase().contains(&text)
            || f.sentence.to_lowercase().contains(&text)
            || f.value.to_string() == text;
        text_ok
            && (!self.indicators_only || f.indicator.is_some())
            && self
                .indicator
                .as_ref()
                .is_none_or(|i| f.indicator.as_ref() == Some(i))
            && self.unit.as_ref().is_none_or(|u| f.unit.as_str() == u)
            && self.area.as_ref().is_none_or(|a| f.area.as_str() == a)
    }
}

/// The rows shown: the figures the filter keeps, in document order or sorted by a column
/// (stable: equal values keep document order).
pub fn rows(figures: &[Figure], filter: &Filter, sort: Option<(Column, bool)>) -> Vec<Figure> {
    let mut rows: Vec<Figure> = figures
        .iter()
        .filter(|f| filter.keeps(f))
        .cloned()
        .collect();
    if let Some((column, ascending)) = sort {
        rows.sort_by(|a, b| {
            let order = column.compare(a, b);
            if ascending {
                order
            } else {
                order.reverse()
            }
        });
    }
    rows
}

/// The headline figures: for each indicator, its latest local result (not a target), in the
/// order the indicators first appear. "Latest" compares the `when` strings, which sort in time
/// order for one indicator's figures.
pub fn headlines(figures: &[Figure]) -> Vec<&Figure> {
    let mut best: Vec<&Figure> = Vec::new();
    for f in figures
        .iter()
        .filter(|f| f.area == crate::model::Area::Local && !f.target && f.indicator.is_some())
    {
        match best.iter_mut().find(|b| b.indicator == f.indicator) {
            Some(b) if f.when > b.when => *b = f,
            Some(_) => {}
            None => best.push(f),
        }
    }
    best
}

/// The earlier value a headline is compared with in its own sentence ("has risen to 1840, up
/// from 1778 in October"): the same indicator and area, an earlier date, the latest of those.
pub fn compared_with<'a>(figures: &'a [Figure], headline: &Figure) -> Option<&'a Figure> {
    let when = headline.when.as_deref()?;
    figures
        .iter()
        .filter(|f| {
            f.indicator == headline.indicator
                && f.area == headline.area
                && !f.target
                && f.sentence == headline.sentence
                && f.when.as_deref().is_some_and(|w| w < when)
        })
        .max_by(|a, b| a.when.cmp(&b.when))
}

/// Reads a number as reports and people write it: "1,840", "96.7%", "£5,500", "-3" (table
/// cells, corrections typed in the app). Anything else ("n/a", "1e3", "inf") is `None`.
pub fn parse_number(cell: &str) -> Option<f64> {
    let cleaned: String = cell
        .trim()
        .trim_start_matches('£')
        .trim_end_matches('%')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let cleaned = cleaned.trim();
    let digits = cleaned.trim_start_matches(['-', '+']);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    cleaned.parse().ok().filter(|v: &f64| v.is_finite())
}

/// The distinct values of a field among the figures, sorted, for the filter menus.
pub fn choices(figures: &[Figure], field: impl Fn(&Figure) -> Option<String>) -> Vec<String> {
    let mut values: Vec<String> = figures.iter().filter_map(field).collect();
    values.sort();
    values.dedup();
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Options};

    #[test]
    fn headlines_say_the_earlier_value_their_sentence_compares_them_with() {
        let text = "DATE: 26th January 2017\n\nThe total number of open children's social care cases has risen to 1840, up from 1778 in October & 1686 in July. There are 366 children in care.";
        let figures = extract("t.txt", text, &Options::default()).figures;
        let heads = headlines(&figures);
        let open = heads
            .iter()
            .find(|f| f.indicator.as_deref() == Some("open_cases"))
            .expect("open cases headline");
        assert_eq!(open.value, 1840.0);
        let earlier = compared_with(&figures, open).expect("compared with October");
        assert_eq!(
            (earlier.value, earlier.when.as_deref()),
            (1778.0, Some("2016-10"))
        );
        let cic = heads
            .iter()
            .find(|f| f.indicator.as_deref() == Some("children_in_care"))
            .expect("children in care headline");
        assert_eq!(compared_with(&figures, cic), None);
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(parse_number("1,840"), Some(1840.0));
        assert_eq!(parse_number(" 96.7% "), Some(96.7));
        assert_eq!(parse_number("£5,500"), Some(5500.0));
        assert_eq!(parse_number("-3"), Some(-3.0));
        for not_a_number in ["Total in 2001", "", "n/a", "1e3", "inf", "-"] {
            assert_eq!(parse_number(not_a_number), None, "{not_a_number}");
        }
    }

    fn figures() -> Vec<Figure> {
        let text = "DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care, 307 children subject to Child Protection Plans and 645 children with Child in Need plans. About 75% of referrals go on to be initial assessments, against the national average of 70%.";
        extract("t.txt", text, &Options::default()).figures
    }

    #[test]
    fn filters_combine() {
        let all = figures();
        let only_percent = Filter {
            unit: Some("percent".into()),
            indicators_only: true,
            ..Filter::default()
        };
        assert_eq!(
            rows(&all, &only_percent, None)
                .iter()
                .map(|f| f.value)
                .collect::<Vec<_>>(),
            [75.0, 70.0]
        );
        let england = Filter {
            area: Some("england".into()),
            ..Filter::default()
        };
        assert_eq!(
            rows(&all, &england, None)
                .iter()
                .map(|f| f.value)
                .collect::<Vec<_>>(),
            [70.0]
        );
        let text = Filter {
            text: "protection".into(),
            ..Filter::default()
        };
        assert_eq!(
            rows(&all, &text, None)
                .iter()
                .map(|f| f.value)
                .collect::<Vec<_>>(),
            [366.0, 307.0, 645.0]
        );
    }

    #[test]
    fn sorts_by_any_column_both_ways() {
        let all = figures();
        let filter = Filter {
            indicators_only: true,
            ..Filter::default()
        };
        let by_value = rows(&all, &filter, Some((Column::Value, true)));
        assert_eq!(
            by_value.iter().map(|f| f.value).collect::<Vec<_>>(),
            [70.0, 75.0, 307.0, 366.0, 645.0]
        );
        let by_value_down = rows(&all, &filter, Some((Column::Value, false)));
        assert_eq!(by_value_down.first().map(|f| f.value), Some(645.0));
        let by_indicator = rows(&all, &filter, Some((Column::Indicator, true)));
        assert_eq!(
            by_indicator[0].indicator.as_deref(),
            Some("child_protection_plans")
        );
        assert_eq!(choices(&all, |f| f.indicator.clone()).len(), 4);
    }
}
