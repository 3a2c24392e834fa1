//! Many reports put together: for each indicator, one series of values placed by the date each
//! figure refers to (not the date of the report).
//!
//! The same figure restated in several places (same indicator, area, authority, date and value)
//! becomes one [`Point`] listing all its sources. Different values for the same indicator, area,
//! authority and date are all kept and marked as a `conflict`, each with its sources. An
//! approximate figure ("just under 400") agrees with an exact one within [`APPROX_TOLERANCE`]
//! ("398") and is listed as one of its sources rather than as a conflict.

use crate::model::{Area, Document, Figure, Unit};
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::collections::HashMap;

/// The schema name written at the top of the timeline JSON.
pub const SCHEMA: &str = "report-explorer-timeline/1";

/// How far (as a share of the exact value) an approximate figure may be from an exact one and
/// still be the same figure restated.
pub const APPROX_TOLERANCE: f64 = 0.05;

/// One value of one indicator at one date, with every place that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The indicator id.
    pub indicator: String,
    /// Whose figure (`local`, `england`, ...).
    pub area: Area,
    /// The council of a local figure, when its report names it (`None` for national figures).
    pub authority: Option<String>,
    /// The date or period the value refers to.
    pub when: String,
    /// The value (the exact one, when a source states it exactly).
    pub value: f64,
    /// What the value measures.
    pub unit: Unit,
    /// True when every source states it approximately.
    pub approx: bool,
    /// True when another value is stated for the same indicator, area, authority and date.
    pub conflict: bool,
    /// Where it is stated, in document order.
    pub sources: Vec<Source>,
}

/// One place a value is stated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The document's name.
    pub document: String,
    /// The figure's id in that document.
    pub figure: String,
    /// The sentence or table row.
    pub sentence: String,
}

/// The merged series of a set of documents, sorted by indicator, area, authority and date.
pub fn merge<D: Borrow<Document>>(documents: &[D]) -> Vec<Point> {
    // Exact figures first, so that approximate ones can join the exact value they restate.
    let figures = || {
        documents
            .iter()
            .map(Borrow::borrow)
            .flat_map(|d: &Document| {
                d.figures
                    .iter()
                    .filter(|f| f.indicator.is_some() && f.when.is_some() && !f.target)
                    .map(move |f| (d, f))
            })
    };
    let ordered = figures()
        .filter(|(_, f)| !f.approx)
        .chain(figures().filter(|(_, f)| f.approx));
    // The points of one indicator, area, authority, date and unit: more than one is a conflict.
    type Key = (String, Area, Option<String>, String, Unit);
    let mut groups: HashMap<Key, Vec<Point>> = HashMap::new();
    for (doc, f) in ordered {
        let (Some(indicator), Some(when)) = (&f.indicator, &f.when) else {
            continue;
        };
        let authority = (f.area == Area::Local)
            .then(|| doc.meta.authority.clone())
            .flatten();
        let source = Source {
            document: doc.name.clone(),
            figure: f.id.clone(),
            sentence: f.sentence.clone(),
        };
        let key = (
            indicator.clone(),
            f.area,
            authority.clone(),
            when.clone(),
            f.unit,
        );
        let group = groups.entry(key).or_default();
        match group.iter_mut().find(|p| agrees(p.value, p.approx, f)) {
            Some(point) => {
                point.approx &= f.approx;
                if !point.sources.contains(&source) {
                    point.sources.push(source);
                }
            }
            None => group.push(Point {
                indicator: indicator.clone(),
                area: f.area,
                authority,
                when: when.clone(),
                value: f.value,
                unit: f.unit,
                approx: f.approx,
                conflict: false,
                sources: vec![source],
            }),
        }
    }
    let mut points: Vec<Point> = groups
        .into_values()
        .flat_map(|mut group| {
            let conflict = group.len() > 1;
            group.iter_mut().for_each(|p| p.conflict = conflict);
            group
        })
        .collect();
    points.sort_by(|a, b| {
        (&a.indicator, a.area.as_str(), &a.authority, &a.when)
            .cmp(&(&b.indicator, b.area.as_str(), &b.authority, &b.when))
            .then(a.value.total_cmp(&b.value))
    });
    points
}

/// Whether figure `f` states the value of a point: equal, or approximately equal when either
/// side is approximate.
fn agrees(value: f64, point_approx: bool, f: &Figure) -> bool {
    if value == f.value {
        return true;
    }
    (point_approx || f.approx) && (value - f.value).abs() <= APPROX_TOLERANCE * value.abs()
}

/// The timeline as JSON: `{"schema": ..., "series": [points]}`.
pub fn to_json(points: &[Point]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        schema: &'a str,
        series: &'a [Point],
    }
    serde_json::to_string_pretty(&Out {
        schema: SCHEMA,
        series: points,
    })
    .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The columns of the timeline CSV.
pub const CSV_HEADER: [&str; 9] = [
    "indicator",
    "area",
    "authority",
    "when",
    "value",
    "unit",
    "approx",
    "conflict",
    "sources",
];

/// The timeline as CSV (UTF-8 with a byte-order mark for Excel); `sources` lists
/// `document#figure` separated by " | ".
pub fn to_csv(points: &[Point]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let _ = writer.write_record(CSV_HEADER);
    for p in points {
        let sources: Vec<String> = p
            .sources
            .iter()
            .map(|s| format!("{}#{}", s.document, s.figure))
            .collect();
        let _ = writer.write_record([
            p.indicator.as_str(),
            p.area.as_str(),
            p.authority.as_deref().unwrap_or(""),
            p.when.as_str(),
            &p.value.to_string(),
            p.unit.as_str(),
            &p.approx.to_string(),
            &p.conflict.to_string(),
            &sources.join(" | "),
        ]);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Options};

    fn doc(name: &str, text: &str) -> Document {
        extract(name, text, &Options::default())
    }

    #[test]
    fn restated_figures_merge_and_different_values_conflict() {
        let a = doc(
            "january.txt",
            "DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care.",
        );
        let b = doc(
            "february.txt",
            "DATE: 20th February 2017\n\nOn 13th January 2017 there were 366 children in care. At 31st January 2017 there were 370 children in care.",
        );
        let c = doc(
            "march.txt",
            "DATE: 1st March 2017\n\nAt 31st January 2017 there were 372 children in care.",
        );
        let points = merge(&[a, b, c]);
        let cic: Vec<&Point> = points
            .iter()
            .filter(|p| p.indicator == "children_in_care")
            .collect();
        let at_13 = cic
            .iter()
            .find(|p| p.when == "2017-01-13")
            .expect("13 January");
        assert_eq!((at_13.value, at_13.conflict), (366.0, false));
        let docs: Vec<&str> = at_13.sources.iter().map(|s| s.document.as_str()).collect();
        assert_eq!(docs, ["january.txt", "february.txt"]);
        let at_31: Vec<(f64, bool)> = cic
            .iter()
            .filter(|p| p.when == "2017-01-31")
            .map(|p| (p.value, p.conflict))
            .collect();
        assert_eq!(at_31, [(370.0, true), (372.0, true)]);
    }

    #[test]
    fn an_approximate_figure_restates_a_close_exact_one() {
        let a = doc(
            "a.txt",
            "DATE: 26th January 2017\n\nAs at 13th January there are 398 children in care.",
        );
        let b = doc(
            "b.txt",
            "DATE: 26th January 2017\n\nAs at 13th January there are just under 400 children in care.",
        );
        let points = merge(&[b, a]);
        assert_eq!(points.len(), 1, "{points:#?}");
        assert_eq!((points[0].value, points[0].approx), (398.0, false));
        assert_eq!(points[0].sources.len(), 2);
    }

    #[test]
    fn csv_and_json_carry_every_point() {
        let a = doc(
            "a.txt",
            "DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care.",
        );
        let points = merge(&[a]);
        let csv = String::from_utf8(to_csv(&points)).unwrap();
        assert!(csv.contains("indicator,area,authority,when,value,unit,approx,conflict,sources"));
        assert!(csv.contains("children_in_care,local,,2017-01-13,366,count,false,false,a.txt#f"));
        let json: serde_json::Value = serde_json::from_str(&to_json(&points)).unwrap();
        assert_eq!(json["schema"], SCHEMA);
        assert_eq!(json["series"][0]["value"], 366.0);
    }
}
