//! Councils (or periods) side by side: indicators down, authorities or years across, each cell
//! the latest value with the date it refers to. Built from the merged series of
//! [`crate::timeline`], so restatements count once and conflicts stay visible.
//!
//! Across authorities, the columns are the councils whose reports are loaded, then the
//! comparators their reports quote (England, Wales, statistical neighbours ...): "local vs
//! England" is two columns of one row. Across periods, the columns are calendar years (of the
//! date each value refers to) and each council or comparator has its own rows.

use crate::chart::year_of;
use crate::export::Cell;
use crate::model::{Area, Unit};
use crate::timeline::{Point, Source};
use std::cmp::Ordering;

/// What the columns are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Across {
    /// One column per council, then one per comparator area.
    #[default]
    Authorities,
    /// One column per calendar year.
    Periods,
}

/// How the rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// By indicator, then by whose figures (the default).
    #[default]
    Indicator,
    /// By the value in column `k`, smallest first (rows with no value there last).
    Ascending(usize),
    /// By the value in column `k`, largest first (rows with no value there last).
    Descending(usize),
}

/// One cell: the latest value of its row in its column.
#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    /// The value.
    pub value: f64,
    /// The date or period it refers to.
    pub when: String,
    /// Stated approximately everywhere.
    pub approx: bool,
    /// Another value is stated for the same date.
    pub conflict: bool,
    /// Where it is stated.
    pub sources: Vec<Source>,
}

/// One row: an indicator (across periods: an indicator for one council or comparator).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The indicator id.
    pub indicator: String,
    /// What the values measure.
    pub unit: Unit,
    /// Across periods, whose figures the row holds (a council or a comparator); empty across
    /// authorities.
    pub whose: String,
    /// One per column.
    pub cells: Vec<Option<Latest>>,
}

/// The comparison grid.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    /// What the columns are.
    pub across: Across,
    /// Column headings.
    pub columns: Vec<String>,
    /// The rows, in the order asked for.
    pub rows: Vec<Row>,
    /// The headings of [`Comparison::cells`]: each column is a value and its date.
    header: Vec<String>,
}

/// The name shown for a local figure whose report names no council.
pub const UNNAMED: &str = "authority not named";

/// Whose figure a point is: its council, or the comparator it names.
fn whose(p: &Point) -> String {
    match p.area {
        Area::Local => p.authority.clone().unwrap_or_else(|| UNNAMED.to_string()),
        Area::England => "England".to_string(),
        Area::Wales => "Wales".to_string(),
        Area::Scotland => "Scotland".to_string(),
        Area::NorthernIreland => "Northern Ireland".to_string(),
        Area::Uk => "UK".to_string(),
        Area::Region => "region".to_string(),
        Area::StatisticalNeighbours => "statistical neighbours".to_string(),
        Area::Other => "other authorities".to_string(),
    }
}

/// The calendar year a date or period ends in ("2017/18" periods end in 2018).
fn year(when: &str) -> Option<String> {
    let end = when.rsplit('/').next()?;
    let y = end.split('-').next()?;
    (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())).then(|| y.to_string())
}

/// Puts the merged points side by side, ordered as asked.
pub fn compare(points: &[Point], across: Across, order: Order) -> Comparison {
    // Columns, in their order.
    let mut columns: Vec<(u8, String)> = points
        .iter()
        .filter_map(|p| match across {
            // Councils first (by name), then comparators in the order `Area` declares them.
            Across::Authorities => Some((p.area as u8, whose(p))),
            Across::Periods => Some((0, year(&p.when)?)),
        })
        .collect();
    columns.sort();
    columns.dedup();
    let columns: Vec<String> = columns.into_iter().map(|(_, name)| name).collect();
    let mut rows: Vec<Row> = Vec::new();
    for p in points {
        let (column, who) = match across {
            Across::Authorities => (whose(p), String::new()),
            Across::Periods => match year(&p.when) {
                Some(y) => (y, whose(p)),
                None => continue,
            },
        };
        let Some(k) = columns.iter().position(|c| *c == column) else {
            continue;
        };
        let at = rows
            .iter()
            .position(|r| r.indicator == p.indicator && r.unit == p.unit && r.whose == who)
            .unwrap_or_else(|| {
                rows.push(Row {
                    indicator: p.indicator.clone(),
                    unit: p.unit,
                    whose: who.clone(),
                    cells: vec![None; columns.len()],
                });
                rows.len() - 1
            });
        let cell = &mut rows[at].cells[k];
        if cell.as_ref().is_none_or(|c| later(p, c)) {
            *cell = Some(Latest {
                value: p.value,
                when: p.when.clone(),
                approx: p.approx,
                conflict: p.conflict,
                sources: p.sources.clone(),
            });
        }
    }
    sort(&mut rows, order);
    let mut header = vec!["indicator".to_string(), "unit".to_string()];
    if across == Across::Periods {
        header.push("whose".to_string());
    }
    for c in &columns {
        header.push(c.clone());
        header.push(format!("{c} when"));
    }
    Comparison {
        across,
        columns,
        rows,
        header,
    }
}

/// Whether point `p` is later than the cell's value. Between two values for the same date (a
/// conflict) the first stays, and is marked as a conflict.
fn later(p: &Point, cell: &Latest) -> bool {
    let (new, old) = (year_of(&p.when), year_of(&cell.when));
    match (new, old) {
        (Some(new), Some(old)) => new > old,
        (Some(_), None) => true,
        _ => false,
    }
}

fn sort(rows: &mut [Row], order: Order) {
    let by_name = |a: &Row, b: &Row| {
        (&a.indicator, a.unit.as_str(), &a.whose).cmp(&(&b.indicator, b.unit.as_str(), &b.whose))
    };
    let value = |r: &Row, k: usize| r.cells.get(k).and_then(|c| c.as_ref()).map(|c| c.value);
    rows.sort_by(|a, b| match order {
        Order::Indicator => by_name(a, b),
        Order::Ascending(k) | Order::Descending(k) => {
            let ordered = match (value(a, k), value(b, k)) {
                (Some(x), Some(y)) if order == Order::Ascending(k) => x.total_cmp(&y),
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            ordered.then_with(|| by_name(a, b))
        }
    });
}

impl Comparison {
    /// The grid as it is shown, as rows of spreadsheet cells: a header, then one row per
    /// indicator with each column's value and the date it refers to side by side.
    pub fn cells(&self) -> Vec<Vec<Cell<'_>>> {
        let periods = self.across == Across::Periods;
        let header = self.header.iter().map(|h| Cell::Text(h)).collect();
        let mut out = vec![header];
        for row in &self.rows {
            let mut cells = vec![Cell::Text(&row.indicator), Cell::Text(row.unit.as_str())];
            if periods {
                cells.push(Cell::Text(&row.whose));
            }
            for cell in &row.cells {
                match cell {
                    Some(c) => {
                        cells.push(Cell::Number(c.value));
                        cells.push(Cell::Text(&c.when));
                    }
                    None => {
                        cells.push(Cell::Text(""));
                        cells.push(Cell::Text(""));
                    }
                }
            }
            out.push(cells);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::merge;
    use crate::{extract, Document, Options};

    fn doc(name: &str, authority: &str, text: &str) -> Document {
        let mut d = extract(name, text, &Options::default());
        d.meta.authority = Some(authority.to_string());
        d
    }

    fn sample() -> Vec<Point> {
        merge(&[
            doc(
                "a-2017.txt",
                "Avonshire",
                "DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care. The rate of children in care in England at 31 March 2016 was 60 per 10,000.",
            ),
            doc(
                "a-2018.txt",
                "Avonshire",
                "DATE: 26th January 2018\n\nAs at 13th January there are 380 children in care.",
            ),
            doc(
                "b-2018.txt",
                "Brookfield",
                "DATE: 1st March 2018\n\nAt the end of February there were 512 children in care and 301 children subject to a child protection plan.",
            ),
        ])
    }

    #[test]
    fn councils_side_by_side_with_their_latest_values() {
        let grid = compare(&sample(), Across::Authorities, Order::Indicator);
        assert_eq!(grid.columns, ["Avonshire", "Brookfield", "England"]);
        let rate = grid
            .rows
            .iter()
            .find(|r| r.indicator == "children_in_care" && r.unit == Unit::Per10k)
            .expect("rate row");
        let england = rate.cells[2].as_ref().expect("local vs England in one row");
        assert_eq!((england.value, england.when.as_str()), (60.0, "2016-03-31"));
        let cic = grid
            .rows
            .iter()
            .find(|r| r.indicator == "children_in_care" && r.unit == Unit::Count)
            .expect("children in care row");
        let a = cic.cells[0].as_ref().expect("Avonshire");
        assert_eq!((a.value, a.when.as_str()), (380.0, "2018-01-13"));
        let b = cic.cells[1].as_ref().expect("Brookfield");
        assert_eq!((b.value, b.when.as_str()), (512.0, "2018-02"));
        let cp = grid
            .rows
            .iter()
            .find(|r| r.indicator == "child_protection_plans")
            .expect("child protection row");
        assert!(cp.cells[0].is_none());
    }

    #[test]
    fn periods_across_give_each_council_its_rows() {
        let grid = compare(&sample(), Across::Periods, Order::Indicator);
        assert_eq!(grid.columns, ["2016", "2017", "2018"]);
        let avon: Vec<&Row> = grid
            .rows
            .iter()
            .filter(|r| r.indicator == "children_in_care" && r.whose == "Avonshire")
            .collect();
        assert_eq!(avon.len(), 1);
        let values: Vec<Option<f64>> = avon[0]
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.value))
            .collect();
        assert_eq!(values, [None, Some(366.0), Some(380.0)]);
        assert!(grid
            .rows
            .iter()
            .any(|r| r.whose == "England" && r.cells[0].is_some()));
    }

    #[test]
    fn sorted_by_a_column_with_gaps_last() {
        let grid = compare(&sample(), Across::Authorities, Order::Descending(1));
        let values: Vec<Option<f64>> = grid
            .rows
            .iter()
            .map(|r| r.cells[1].as_ref().map(|c| c.value))
            .collect();
        let present: Vec<f64> = values.iter().flatten().copied().collect();
        assert!(present.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        let first_gap = values
            .iter()
            .position(Option::is_none)
            .unwrap_or(values.len());
        assert!(values[first_gap..].iter().all(Option::is_none));
        let up = compare(&sample(), Across::Authorities, Order::Ascending(1));
        assert_eq!(up.rows[0].cells[1].as_ref().map(|c| c.value), Some(301.0));
    }

    #[test]
    fn cells_are_what_is_shown() {
        let grid = compare(&sample(), Across::Authorities, Order::Indicator);
        let cells = grid.cells();
        assert_eq!(cells[0][0], Cell::Text("indicator"));
        assert_eq!(cells[0][2], Cell::Text("Avonshire"));
        assert_eq!(cells[0][3], Cell::Text("Avonshire when"));
        assert_eq!(cells.len(), grid.rows.len() + 1);
        assert!(cells.iter().all(|r| r.len() == cells[0].len()));
    }
}
