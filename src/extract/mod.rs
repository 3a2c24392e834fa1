//! The extraction engine: from a document's text to its figures and tables.
//!
//! One file per dimension: [`text`] cuts sentences, [`dates`] reads time expressions,
//! [`numbers`] reads quantities, [`vocab`] names indicators, [`link`] ties quantities to
//! indicators, [`timing`] dates them, [`tables`] reads tables, [`meta`] reads what the
//! document says about itself, [`area`] whose figure it is, [`foi`] which question of an FOI
//! response a numbered answer answers. This module walks the document
//! in reading order and keeps the context (dates, the last topic) that one sentence passes to
//! the next.

pub mod area;
pub mod dates;
pub mod link;
pub mod meta;
pub mod numbers;
pub mod tables;
pub mod text;
pub mod timing;
pub mod vocab;

mod foi;
mod near;
mod reader;

use crate::model::Document;

/// Settings for one extraction.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The date to resolve "currently" or "as at 13th January" against when the document does
    /// not state its own (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The document's own date as a person states it (`YYYY-MM-DD`): replaces the one detected
    /// in the text (the app's "Date" field).
    pub document_date: Option<String>,
}

/// Extracts the figures and tables of one document.
///
/// ```
/// use report_explorer::{extract, Options};
/// let text = "DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care.";
/// let doc = extract("report.txt", text, &Options::default());
/// let figure = &doc.figures[0];
/// assert_eq!(figure.indicator.as_deref(), Some("children_in_care"));
/// assert_eq!((figure.value, figure.when.as_deref()), (366.0, Some("2017-01-13")));
/// ```
pub fn extract(name: &str, text: &str, options: &Options) -> Document {
    extract_with_progress(name, text, options, &mut |_| {})
}

/// [`extract`], telling `progress` the share of the work done (0 to 1) as it goes: long
/// documents in the app show a progress bar.
pub fn extract_with_progress(
    name: &str,
    text: &str,
    options: &Options,
    progress: &mut dyn FnMut(f64),
) -> Document {
    let mut meta = meta::detect(text);
    let given = options.document_date.as_deref().and_then(parse_meta_date);
    if let Some(date) = given {
        meta.date = Some(date.to_string());
    }
    let fallback = options.date.as_deref().and_then(dates::parse_date);
    let doc_date = given
        .or_else(|| meta.date.as_deref().and_then(parse_meta_date))
        .or(fallback);
    if meta.date.is_none() {
        meta.date = fallback.map(|p| p.to_string());
    }
    let (mut figures, tables) = reader::read(text, doc_date, meta.authority.is_some(), progress);
    number_pages(text, &mut figures);
    Document {
        name: name.to_string(),
        meta,
        figures,
        tables,
    }
}

/// Gives each figure its page, in a text of pages (form feeds between them, as the PDF reader
/// and pdftotext write them): one more than the form feeds before it.
fn number_pages(text: &str, figures: &mut [crate::model::Figure]) {
    let breaks: Vec<usize> = text.match_indices('\u{c}').map(|(at, _)| at).collect();
    if breaks.is_empty() {
        return;
    }
    for figure in figures {
        let before = breaks.partition_point(|&at| at < figure.span[0]);
        figure.page = u32::try_from(before + 1).ok();
    }
}

/// "2017-01-26" or "2020-12" back into a point.
fn parse_meta_date(s: &str) -> Option<dates::Point> {
    let mut parts = s.split('-').map(|p| p.parse::<i32>().ok());
    let y = parts.next()??;
    let m = parts.next().flatten().map(|m| m as u8);
    let d = parts.next().flatten().map(|d| d as u8);
    Some(dates::Point { y, m, d })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_in_a_text_of_pages_say_their_page() {
        let text = "There are 366 children in care.\n\u{c}\nThere are 307 children on plans.\n\u{c}\nAnd 645 in need.";
        let pages: Vec<Option<u32>> = extract("pack.pdf", text, &Options::default())
            .figures
            .iter()
            .map(|f| f.page)
            .collect();
        assert_eq!(pages, [Some(1), Some(2), Some(3)]);
        let plain = extract(
            "a.txt",
            "There are 366 children in care.",
            &Options::default(),
        );
        assert_eq!(plain.figures[0].page, None);
    }

    #[test]
    fn a_date_given_by_a_person_replaces_the_detected_one() {
        let text = "DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care.";
        let options = Options {
            document_date: Some("2018-02-01".into()),
            ..Options::default()
        };
        let doc = extract("r.txt", text, &options);
        assert_eq!(doc.meta.date.as_deref(), Some("2018-02-01"));
        assert_eq!(doc.figures[0].when.as_deref(), Some("2018-01-13"));
        let unreadable = Options {
            document_date: Some("soon".into()),
            ..Options::default()
        };
        let doc = extract("r.txt", text, &unreadable);
        assert_eq!(doc.figures[0].when.as_deref(), Some("2017-01-13"));
    }
}
