//! Exports: pure functions from a [`Report`](crate::model::Report) (or the rows a user sees)
//! to the bytes of a file.

pub mod csv;
pub mod json;
pub mod tsv;
pub mod xlsx;
pub(crate) mod zip;

use crate::model::Figure;

/// One cell of a figure row, typed for spreadsheets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Text (possibly empty).
    Text(&'a str),
    /// A number.
    Number(f64),
    /// True or false.
    Bool(bool),
}

/// A figure as the cells of the CSV contract's columns ([`csv::HEADER`]).
pub fn cells<'a>(document: &'a str, f: &'a Figure) -> [Cell<'a>; 12] {
    [
        Cell::Text(document),
        Cell::Text(f.indicator.as_deref().unwrap_or("")),
        Cell::Text(&f.label),
        Cell::Number(f.value),
        Cell::Text(f.unit.as_str()),
        Cell::Bool(f.approx),
        Cell::Text(f.when.as_deref().unwrap_or("")),
        Cell::Text(f.area.as_str()),
        Cell::Bool(f.target),
        Cell::Text(&f.sentence),
        Cell::Number(f.span[0] as f64),
        Cell::Number(f.span[1] as f64),
    ]
}
