//! Headline indicators of a document: the latest value of each, with its date.

use crate::model::Document;
use leptos::prelude::*;

/// For each indicator of the document, its most recent local figure.
pub fn headlines(document: &Document) -> Vec<(String, f64, String, String)> {
    let mut best: Vec<(String, f64, String, String)> = Vec::new();
    for f in document
        .figures
        .iter()
        .filter(|f| f.area == crate::model::Area::Local && !f.target)
    {
        let Some(indicator) = &f.indicator else {
            continue;
        };
        let when = f.when.clone().unwrap_or_default();
        let unit = if f.unit == crate::model::Unit::Percent {
            "%"
        } else {
            ""
        };
        match best.iter_mut().find(|b| &b.0 == indicator) {
            Some(b) if when > b.2 => *b = (indicator.clone(), f.value, when, unit.to_string()),
            Some(_) => {}
            None => best.push((indicator.clone(), f.value, when, unit.to_string())),
        }
    }
    best
}

/// Cards with the headline indicators.
#[component]
pub fn Summary(
    /// The document to summarise.
    document: Signal<Document>,
) -> impl IntoView {
    view! {
        <section class="summary" aria-label="Headline figures" data-testid="summary">
            {move || {
                document
                    .with(headlines)
                    .into_iter()
                    .map(|(indicator, value, when, unit)| {
                        view! {
                            <div class="card" data-indicator=indicator.clone()>
                                <span class="indicator">{indicator.replace('_', " ")}</span>
                                <span class="value">{format!("{value}{unit}")}</span>
                                <span class="when">{if when.is_empty() { "date not stated".to_string() } else { when }}</span>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </section>
    }
}
