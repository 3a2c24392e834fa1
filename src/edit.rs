//! Corrections a person makes to what the engine read: delete a figure, change its indicator,
//! its value or its date.
//!
//! An [`Edit`] names its figure by the figure's byte span in the document text, which does not
//! change when the engine is improved (figure ids may). Edits are kept beside the document's
//! text and applied to a fresh extraction with [`apply`]; an edit whose figure is no longer read
//! is dropped. Corrected figures carry `edited: true`, and the exports contain them as corrected.

use crate::model::{Document, Figure, INDICATORS};
use serde::{Deserialize, Serialize};

/// One correction of one figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// The figure's `span`.
    pub span: [usize; 2],
    /// What changes.
    pub change: Change,
}

/// What a correction changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// The figure is wrong: it goes.
    Delete,
    /// Another indicator, or none (`null`: any other quantity).
    Indicator(Option<String>),
    /// Another value.
    Value(f64),
    /// Another date or period, or none.
    When(Option<String>),
}

impl Change {
    fn same_kind(&self, other: &Change) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// Adds an edit to a list, replacing an earlier one of the same kind on the same figure.
pub fn record(edits: &mut Vec<Edit>, edit: Edit) {
    edits.retain(|e| e.span != edit.span || !e.change.same_kind(&edit.change));
    edits.push(edit);
}

/// The document as corrected.
pub fn apply(document: &Document, edits: &[Edit]) -> Document {
    let mut out = document.clone();
    if edits.is_empty() {
        return out;
    }
    out.figures = document
        .figures
        .iter()
        .filter_map(|f| {
            let mut mine = edits.iter().filter(|e| e.span == f.span);
            mine.try_fold(f.clone(), |figure, e| change(figure, &e.change))
        })
        .collect();
    out
}

fn change(mut figure: Figure, change: &Change) -> Option<Figure> {
    match change {
        Change::Delete => return None,
        Change::Indicator(indicator) => figure.indicator = indicator.clone(),
        Change::Value(value) => figure.value = *value,
        Change::When(when) => figure.when = when.clone(),
    }
    figure.edited = true;
    Some(figure)
}

/// Reads a value typed by a person: "1,840", "96.7", "96.7%", "£1,200".
pub fn parse_value(typed: &str) -> Result<f64, String> {
    crate::view::parse_number(typed).ok_or_else(|| format!("\"{}\" is not a number", typed.trim()))
}

/// Reads a date typed by a person, in the forms the output uses: `YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`, or `start/end` of those. Empty means no date.
pub fn parse_when(typed: &str) -> Result<Option<String>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = typed.split('/').collect();
    if parts.len() <= 2 && parts.iter().all(|p| is_iso_date(p)) {
        Ok(Some(typed.to_string()))
    } else {
        Err(format!(
            "\"{typed}\" is not a date: use 2017-01-13, 2017-01, 2017 or a period such as 2017-04-01/2018-03-31"
        ))
    }
}

fn is_iso_date(s: &str) -> bool {
    let fields: Vec<&str> = s.split('-').collect();
    let number = |f: &str, len: usize| f.len() == len && f.bytes().all(|b| b.is_ascii_digit());
    let in_range = |f: &str, max: u32| f.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v));
    match fields.as_slice() {
        [y] => number(y, 4),
        [y, m] => number(y, 4) && number(m, 2) && in_range(m, 12),
        [y, m, d] => {
            number(y, 4) && number(m, 2) && in_range(m, 12) && number(d, 2) && in_range(d, 31)
        }
        _ => false,
    }
}

/// Checks an indicator id chosen by a person: one of the vocabulary, or empty for none.
pub fn parse_indicator(chosen: &str) -> Result<Option<String>, String> {
    match chosen.trim() {
        "" => Ok(None),
        id if INDICATORS.iter().any(|(known, _)| *known == id) => Ok(Some(id.to_string())),
        id => Err(format!("\"{id}\" is not an indicator of the vocabulary")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Options};

    fn document() -> Document {
        extract(
            "r.txt",
            "DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care and 307 children subject to Child Protection Plans.",
            &Options::default(),
        )
    }

    #[test]
    fn edits_change_delete_and_mark_figures() {
        let doc = document();
        let cic = doc.figures[0].span;
        let cp = doc.figures[1].span;
        let mut edits = Vec::new();
        record(
            &mut edits,
            Edit {
                span: cic,
                change: Change::Value(367.0),
            },
        );
        record(
            &mut edits,
            Edit {
                span: cic,
                change: Change::When(Some("2017-01-14".into())),
            },
        );
        record(
            &mut edits,
            Edit {
                span: cp,
                change: Change::Delete,
            },
        );
        let out = apply(&doc, &edits);
        assert_eq!(out.figures.len(), 1);
        let f = &out.figures[0];
        assert_eq!(
            (f.value, f.when.as_deref(), f.edited),
            (367.0, Some("2017-01-14"), true)
        );
        assert_eq!(f.indicator.as_deref(), Some("children_in_care"));
    }

    #[test]
    fn a_later_edit_of_the_same_kind_replaces_the_earlier() {
        let span = document().figures[0].span;
        let mut edits = Vec::new();
        for v in [1.0, 2.0] {
            record(
                &mut edits,
                Edit {
                    span,
                    change: Change::Value(v),
                },
            );
        }
        assert_eq!(edits.len(), 1);
        assert_eq!(apply(&document(), &edits).figures[0].value, 2.0);
    }

    #[test]
    fn edits_of_figures_no_longer_read_are_dropped() {
        let doc = document();
        let edits = [Edit {
            span: [0, 1],
            change: Change::Delete,
        }];
        assert_eq!(apply(&doc, &edits), doc);
    }

    #[test]
    fn edited_is_written_only_when_true() {
        let mut f = document().figures[0].clone();
        assert!(!serde_json::to_string(&f).unwrap().contains("edited"));
        f.edited = true;
        assert!(serde_json::to_string(&f)
            .unwrap()
            .contains("\"edited\":true"));
    }

    #[test]
    fn typed_values_dates_and_indicators_are_checked() {
        assert_eq!(parse_value(" 1,840 "), Ok(1840.0));
        assert_eq!(parse_value("96.7%"), Ok(96.7));
        assert_eq!(parse_value("£1,200"), Ok(1200.0));
        assert!(parse_value("lots").is_err());
        assert!(parse_value("inf").is_err());
        assert_eq!(parse_when(""), Ok(None));
        assert_eq!(parse_when("2017-01"), Ok(Some("2017-01".into())));
        assert_eq!(
            parse_when("2017-04-01/2018-03-31"),
            Ok(Some("2017-04-01/2018-03-31".into()))
        );
        assert!(parse_when("13/01/2017").is_err());
        assert!(parse_when("2017-13").is_err());
        assert_eq!(parse_indicator("uasc"), Ok(Some("uasc".into())));
        assert_eq!(parse_indicator(""), Ok(None));
        assert!(parse_indicator("children").is_err());
    }
}
