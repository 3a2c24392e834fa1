//! Headline indicators of a document: the latest value of each, with its date.

use crate::model::Document;
use leptos::prelude::*;
use std::sync::Arc;

/// Cards with the headline indicators.
#[component]
pub fn Summary(
    /// The document to summarise.
    document: Signal<Arc<Document>>,
) -> impl IntoView {
    view! {
        <section class="summary" aria-label="Headline figures" data-testid="summary">
            {move || {
                document
                    .with(|d| {
                        crate::view::headlines(&d.figures)
                            .into_iter()
                            .map(|f| {
                                let unit = if f.unit == crate::model::Unit::Percent { "%" } else { "" };
                                let earlier = crate::view::compared_with(&d.figures, f).map(|e| {
                                    format!("from {}{unit} ({})", e.value, e.when.clone().unwrap_or_default())
                                });
                                (f.indicator.clone().unwrap_or_default(), f.value, f.when.clone().unwrap_or_default(), unit, earlier)
                            })
                            .collect::<Vec<_>>()
                    })
                    .into_iter()
                    .map(|(indicator, value, when, unit, earlier)| {
                        view! {
                            <div class="card" data-indicator=indicator.clone()>
                                <span class="indicator">{indicator.replace('_', " ")}</span>
                                <span class="value">{format!("{value}{unit}")}</span>
                                <span class="when">{if when.is_empty() { "date not stated".to_string() } else { when }}</span>
                                {earlier.map(|e| view! { <span class="earlier" data-testid="earlier">{e}</span> })}
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </section>
    }
}
