//! Charts of a document's figures, drawn against any plotters backend: the app wraps them with
//! a canvas, the tests render them to SVG and read the result.
//!
//! Three kinds: the headline figures of a unit as bars, one indicator's dated values as a
//! time series placed by the date each figure refers to, and a table's numeric columns as
//! grouped bars.

use crate::model::{Area, Document, Table, Unit};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The error a chart can end with on backend `DB`.
pub type ChartError<DB> = DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>;

const INK: RGBColor = RGBColor(29, 39, 51);
const ACCENT: RGBColor = RGBColor(31, 95, 168);
/// One colour per column of a table chart.
const PALETTE: [RGBColor; 4] = [
    ACCENT,
    RGBColor(214, 122, 0),
    RGBColor(46, 139, 87),
    RGBColor(128, 80, 160),
];
/// Rows and columns a table chart shows at most (a chart of more is not readable).
const TABLE_ROWS: usize = 25;

/// The numeric columns of a table, ready to chart: row labels, and each column's heading with
/// its values (`None` where a cell is not a number). `None` when no column is numeric.
#[derive(Debug, Clone, PartialEq)]
pub struct TableChart {
    /// The first cell of each row.
    pub rows: Vec<String>,
    /// (heading, value per row) of each numeric column, at most four.
    pub columns: Vec<(String, Vec<Option<f64>>)>,
}

/// The chart of a table's numeric columns: those where most cells are numbers.
pub fn table_chart(table: &Table) -> Option<TableChart> {
    let rows: Vec<&Vec<String>> = table.rows.iter().take(TABLE_ROWS).collect();
    let width = rows.iter().map(|r| r.len()).max()?;
    let columns: Vec<(String, Vec<Option<f64>>)> = (1..width)
        .filter_map(|k| {
            let values: Vec<Option<f64>> = rows
                .iter()
                .map(|r| r.get(k).and_then(|c| crate::view::parse_number(c)))
                .collect();
            let numbers = values.iter().flatten().count();
            let heading = table
                .header
                .get(k)
                .filter(|h| !h.trim().is_empty())
                .cloned()
                .unwrap_or_else(|| format!("column {}", k + 1));
            (numbers > 0 && numbers * 2 >= values.len()).then_some((heading, values))
        })
        .take(PALETTE.len())
        .collect();
    if columns.is_empty() {
        return None;
    }
    let rows = rows
        .iter()
        .map(|r| r.first().cloned().unwrap_or_default())
        .collect();
    Some(TableChart { rows, columns })
}

/// The headline figures measured in `unit`: (indicator, value).
pub fn headline_bars(document: &Document, unit: Unit) -> Vec<(String, f64)> {
    crate::view::headlines(&document.figures)
        .into_iter()
        .filter(|f| f.unit == unit)
        .filter_map(|f| Some((f.indicator.clone()?, f.value)))
        .collect()
}

/// The indicators with two or more dated local values, each with its points (year, value)
/// in date order.
pub fn series(document: &Document) -> Vec<(String, Vec<(f64, f64)>)> {
    let mut out: Vec<(String, Vec<(f64, f64)>)> = Vec::new();
    for f in document
        .figures
        .iter()
        .filter(|f| f.area == Area::Local && !f.target)
    {
        let (Some(indicator), Some(x)) = (&f.indicator, f.when.as_deref().and_then(year_of)) else {
            continue;
        };
        match out.iter_mut().find(|(i, _)| i == indicator) {
            Some((_, points)) => points.push((x, f.value)),
            None => out.push((indicator.clone(), vec![(x, f.value)])),
        }
    }
    out.retain(|(_, points)| points.len() >= 2);
    for (_, points) in &mut out {
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        points.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    }
    out.retain(|(_, points)| points.len() >= 2);
    out
}

/// A `when` as a fractional year, placed at the end of its period ("2010-04/2010-11" is the
/// end of November 2010).
pub fn year_of(when: &str) -> Option<f64> {
    let end = when.rsplit('/').next()?;
    let mut parts = end.split('-').map(str::parse::<f64>);
    let y = parts.next()?.ok()?;
    let m = parts.next().and_then(Result::ok);
    let d = parts.next().and_then(Result::ok);
    Some(match (m, d) {
        (Some(m), Some(d)) => y + (m - 1.0) / 12.0 + (d - 1.0) / 365.0,
        (Some(m), None) => y + (m - 0.5) / 12.0,
        _ => y + 0.5,
    })
}

/// Draws horizontal bars, one per indicator, labelled on the left; `scale` multiplies text
/// sizes (device pixel ratio).
pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    bars: &[(String, f64)],
    scale: f64,
) -> Result<(), ChartError<DB>> {
    area.fill(&WHITE)?;
    let top = bars.iter().map(|b| b.1).fold(0.0_f64, f64::max).max(1.0) * 1.15;
    let font = |size: f64| ("sans-serif", size * scale).into_font();
    let mut chart = ChartBuilder::on(area)
        .caption(title, font(16.0).color(&INK))
        .margin((10.0 * scale) as i32)
        .x_label_area_size((25.0 * scale) as i32)
        .y_label_area_size((170.0 * scale) as i32)
        .build_cartesian_2d(0.0..top, (0..bars.len()).into_segmented())?;
    let names: Vec<String> = bars.iter().map(|b| b.0.replace('_', " ")).collect();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_labels(5)
        .x_label_formatter(&|v| tick(*v))
        .y_labels(bars.len().max(1))
        .y_label_formatter(&|y| match y {
            SegmentValue::CenterOf(i) => names.get(*i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .label_style(font(11.0).color(&INK))
        .draw()?;
    chart.draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
        let mut bar = Rectangle::new(
            [
                (0.0, SegmentValue::Exact(i)),
                (*v, SegmentValue::Exact(i + 1)),
            ],
            ACCENT.filled(),
        );
        bar.set_margin((4.0 * scale) as u32, (4.0 * scale) as u32, 0, 0);
        bar
    }))?;
    chart.draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
        Text::new(
            format!(" {v}"),
            (*v, SegmentValue::CenterOf(i)),
            font(11.0).color(&INK),
        )
    }))?;
    area.present()
}

/// A tick label: whole numbers without decimals, small ones with one.
fn tick(v: f64) -> String {
    if v.abs() >= 10.0 || v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// "2016-10" for a fractional year.
fn month_label(x: f64) -> String {
    let year = x.floor();
    let month = ((x - year) * 12.0).floor() as i32 + 1;
    format!("{year}-{month:02}")
}

/// Draws one indicator's values over time as a line with points: [`draw_lines`] with one line.
pub fn draw_series<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    points: &[(f64, f64)],
    scale: f64,
) -> Result<(), ChartError<DB>> {
    let line = Line {
        label: String::new(),
        comparator: false,
        points: points.iter().map(|&(x, y)| (x, y, 0)).collect(),
    };
    draw_lines(area, title, &[line], scale).map(|_| ())
}

/// One line of a chart across documents: whose figures (a council or a comparator) and their
/// points (year, value, index of the timeline point it draws).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The legend's text.
    pub label: String,
    /// A comparator (England, statistical neighbours ...) rather than a council: drawn thinner.
    pub comparator: bool,
    /// (fractional year, value, index into the points charted), in date order.
    pub points: Vec<(f64, f64, usize)>,
}

/// The lines of one indicator's merged points: one per council and per comparator area
/// (England, statistical neighbours ...), councils first. Points of one date with conflicting
/// values are all drawn.
pub fn lines(points: &[crate::timeline::Point]) -> Vec<Line> {
    let mut out: Vec<(u8, Line)> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let Some(x) = year_of(&p.when) else { continue };
        let label = match p.area {
            Area::Local => p
                .authority
                .clone()
                .unwrap_or_else(|| crate::compare::UNNAMED.to_string()),
            other => other.as_str().replace('_', " "),
        };
        let rank = u8::from(p.area != Area::Local);
        match out.iter_mut().find(|(_, l)| l.label == label) {
            Some((_, line)) => line.points.push((x, p.value, i)),
            None => out.push((
                rank,
                Line {
                    label,
                    comparator: rank == 1,
                    points: vec![(x, p.value, i)],
                },
            )),
        }
    }
    out.sort_by(|a, b| (a.0, &a.1.label).cmp(&(b.0, &b.1.label)));
    out.into_iter()
        .map(|(_, mut line)| {
            line.points.sort_by(|a, b| a.0.total_cmp(&b.0));
            line
        })
        .collect()
}

/// Where each point of a line chart was drawn: (backend pixel, index of the point).
pub type Drawn = Vec<((i32, i32), usize)>;

/// Draws lines over time with a legend; returns where each point was drawn (backend pixels),
/// with its index, so that a click can find the point under it.
pub fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    lines: &[Line],
    scale: f64,
) -> Result<Drawn, ChartError<DB>> {
    area.fill(&WHITE)?;
    let all = || lines.iter().flat_map(|l| l.points.iter());
    let (x0, x1) = all().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = all().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    if x0 > x1 {
        area.present()?;
        return Ok(Vec::new());
    }
    let pad_x = ((x1 - x0) * 0.05).max(0.25);
    let pad_y = ((y1 - y0) * 0.1).max(1.0);
    let font = |size: f64| ("sans-serif", size * scale).into_font();
    let mut chart = ChartBuilder::on(area)
        .caption(title.replace('_', " "), font(16.0).color(&INK))
        .margin((10.0 * scale) as i32)
        .x_label_area_size((35.0 * scale) as i32)
        .y_label_area_size((50.0 * scale) as i32)
        .build_cartesian_2d(
            (x0 - pad_x)..(x1 + pad_x),
            (y0 - pad_y).max(0.0)..(y1 + pad_y),
        )?;
    chart
        .configure_mesh()
        .x_labels(5)
        .x_label_formatter(&|x| month_label(*x))
        .y_labels(6)
        .y_label_formatter(&|v| tick(*v))
        .label_style(font(11.0).color(&INK))
        .draw()?;
    let mut drawn = Vec::new();
    for (j, line) in lines.iter().enumerate() {
        let colour = PALETTE[j % PALETTE.len()];
        let xy = || line.points.iter().map(|p| (p.0, p.1));
        let width = if line.comparator { 1.0 } else { 2.5 };
        chart
            .draw_series(LineSeries::new(
                xy(),
                colour.stroke_width((width * scale) as u32),
            ))?
            .label(line.label.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 2), (x + 14, y + 2)], colour.filled()));
        chart.draw_series(xy().map(|p| Circle::new(p, (4.0 * scale) as i32, colour.filled())))?;
        drawn.extend(
            line.points
                .iter()
                .map(|p| (chart.backend_coord(&(p.0, p.1)), p.2)),
        );
    }
    if lines.len() > 1 {
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.9))
            .border_style(INK)
            .label_font(font(11.0).color(&INK))
            .position(SeriesLabelPosition::UpperLeft)
            .draw()?;
    }
    area.present()?;
    Ok(drawn)
}

/// The point drawn nearest to `(x, y)` within `reach` pixels, from what [`draw_lines`]
/// returned.
pub fn point_at(drawn: &[((i32, i32), usize)], x: i32, y: i32, reach: i32) -> Option<usize> {
    drawn
        .iter()
        .map(|((px, py), i)| ((px - x).pow(2) + (py - y).pow(2), *i))
        .filter(|(d, _)| *d <= reach * reach)
        .min_by_key(|(d, _)| *d)
        .map(|(_, i)| i)
}

/// Draws a table's numeric columns as horizontal bars grouped by row, with a legend.
pub fn draw_table<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    chart: &TableChart,
    scale: f64,
) -> Result<(), ChartError<DB>> {
    area.fill(&WHITE)?;
    let n = chart.rows.len();
    let values = chart.columns.iter().flat_map(|(_, v)| v.iter().flatten());
    let (low, high) = values.fold((0.0_f64, 0.0_f64), |(a, b), v| (a.min(*v), b.max(*v)));
    let span = (high - low).max(1.0);
    let font = |size: f64| ("sans-serif", size * scale).into_font();
    // Row i (from the top) occupies [n - i - 1, n - i) on the y axis; its label sits mid-slot.
    let mut plot = ChartBuilder::on(area)
        .caption(title, font(16.0).color(&INK))
        .margin((10.0 * scale) as i32)
        .x_label_area_size((25.0 * scale) as i32)
        .y_label_area_size((150.0 * scale) as i32)
        .build_cartesian_2d(
            (low - span * 0.05).min(0.0)..high + span * 0.15,
            0.0..n as f64,
        )?;
    plot.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(5)
        .x_label_formatter(&|v| tick(*v))
        .label_style(font(11.0).color(&INK))
        .draw()?;
    // Row labels, right-aligned against the axis at each row's centre.
    let label_style = font(11.0)
        .color(&INK)
        .pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Right,
            plotters::style::text_anchor::VPos::Center,
        ));
    let x_axis = (low - span * 0.05).min(0.0);
    for (i, label) in chart.rows.iter().enumerate() {
        let (px, py) = plot.backend_coord(&(x_axis, (n - i) as f64 - 0.5));
        let short: String = label.chars().take(24).collect();
        area.draw(&Text::new(
            short,
            (px - (6.0 * scale) as i32, py),
            label_style.clone(),
        ))?;
    }
    let k = chart.columns.len() as f64;
    let band = 0.8 / k;
    for (j, (heading, column)) in chart.columns.iter().enumerate() {
        let colour = PALETTE[j % PALETTE.len()];
        let bars = column.iter().enumerate().filter_map(|(i, v)| {
            let top = (n - i) as f64 - 0.1 - band * j as f64;
            v.map(|v| Rectangle::new([(0.0, top), (v, top - band)], colour.filled()))
        });
        plot.draw_series(bars)?
            .label(heading.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], colour.filled()));
    }
    plot.configure_series_labels()
        .background_style(WHITE.mix(0.9))
        .border_style(INK)
        .label_font(font(11.0).color(&INK))
        .position(SeriesLabelPosition::LowerRight)
        .draw()?;
    area.present()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Options};

    fn document() -> Document {
        let text = include_str!("../tests/data/seeds/000_05802d0420be5ec8.txt");
        extract("000.txt", text, &Options::default())
    }

    #[test]
    fn one_line_per_council_and_comparator_and_points_can_be_found_by_position() {
        use crate::timeline::{Point, Source};
        let point = |area: Area, authority: Option<&str>, when: &str, value: f64| Point {
            indicator: "children_in_care".into(),
            area,
            authority: authority.map(String::from),
            when: when.into(),
            value,
            unit: Unit::Per10k,
            approx: false,
            conflict: false,
            sources: vec![Source {
                document: "a.txt".into(),
                figure: "f1".into(),
                sentence: String::new(),
            }],
        };
        let points = [
            point(Area::England, None, "2017-03-31", 62.0),
            point(Area::Local, Some("Avonshire"), "2018-03-31", 70.0),
            point(Area::Local, Some("Avonshire"), "2017-03-31", 66.0),
            point(Area::England, None, "2018-03-31", 64.0),
            point(Area::Local, Some("Brookfield"), "2018-03-31", 58.0),
        ];
        let lines = lines(&points);
        let labels: Vec<&str> = lines.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["Avonshire", "Brookfield", "england"]);
        let avon: Vec<usize> = lines[0].points.iter().map(|p| p.2).collect();
        assert_eq!(avon, [2, 1], "in date order, pointing back at their points");
        let mut svg = String::new();
        let drawn = draw_lines(
            &SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area(),
            "children in care",
            &lines,
            1.0,
        )
        .expect("drawn");
        assert_eq!(drawn.len(), points.len());
        assert!(svg.contains("Brookfield") && svg.contains("england"));
        let ((x, y), index) = drawn[1];
        assert_eq!(point_at(&drawn, x + 2, y - 1, 8), Some(index));
        assert_eq!(point_at(&drawn, -100, -100, 8), None);
    }

    #[test]
    fn bars_render_to_svg_with_labels() {
        let doc = document();
        let bars = headline_bars(&doc, Unit::Count);
        assert!(bars
            .iter()
            .any(|(i, v)| i == "children_in_care" && *v == 366.0));
        let mut svg = String::new();
        draw_bars(
            &SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area(),
            "Headline counts",
            &bars,
            1.0,
        )
        .expect("drawn");
        assert!(svg.contains("children in care"), "{svg}");
        assert!(
            svg.matches("<rect").count() > bars.len(),
            "one rectangle per bar, plus the background"
        );
    }

    #[test]
    fn series_follow_the_dates_the_figures_refer_to() {
        let doc = document();
        let all = series(&doc);
        let (_, open_cases) = all
            .iter()
            .find(|(i, _)| i == "open_cases")
            .expect("three dated open cases figures");
        let values: Vec<f64> = open_cases.iter().map(|p| p.1).collect();
        assert_eq!(values, [1686.0, 1778.0, 1840.0]);
        let mut svg = String::new();
        draw_series(
            &SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area(),
            "open_cases",
            open_cases,
            1.0,
        )
        .expect("drawn");
        assert!(
            svg.contains("<polyline") && svg.matches("<circle").count() == 3,
            "{svg}"
        );
        assert_eq!(year_of("2010-04/2010-11"), Some(2010.0 + 10.5 / 12.0));
    }

    #[test]
    fn tables_chart_their_numeric_columns() {
        let text = include_str!("../tests/data/seeds/004_5e0b6194805aa9b6.txt");
        let doc = extract("004.txt", text, &Options::default());
        let table = doc
            .tables
            .iter()
            .find(|t| t.header.iter().any(|h| h == "Entering"))
            .expect("the Entering / Leaving / Net table");
        let chart = table_chart(table).expect("numeric columns");
        let headings: Vec<&str> = chart.columns.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(headings, ["Entering", "Leaving", "Net"]);
        assert_eq!(chart.rows.len(), chart.columns[0].1.len());
        let mut svg = String::new();
        draw_table(
            &SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area(),
            "Entering and leaving care",
            &chart,
            1.0,
        )
        .expect("drawn");
        assert!(svg.contains("Entering") && svg.contains("Net"), "{svg}");
        let bars = chart
            .columns
            .iter()
            .flat_map(|c| c.1.iter().flatten())
            .count();
        assert!(svg.matches("<rect").count() > bars, "a rectangle per value");
    }

    #[test]
    fn tables_without_numbers_have_no_chart() {
        let text_only = Table {
            rows: vec![vec!["a".into(), "b".into()]],
            ..Table::default()
        };
        assert_eq!(table_chart(&text_only), None);
    }
}
