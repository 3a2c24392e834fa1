//! The document's text with every figure highlighted, coloured by indicator group. Hovering a
//! highlight shows its indicator, date and rule; a figure selected in the table is scrolled
//! to and flashed. The text is always rendered as text nodes, never as markup.

use crate::extract::vocab::{self, Measure};
use crate::model::Figure;
use leptos::prelude::*;

/// A run of the text: plain, or one figure's number.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Text between figures.
    Plain(String),
    /// A figure's number, with what the highlight shows.
    Figure {
        /// The figure's id.
        id: String,
        /// The number as written.
        text: String,
        /// The CSS class of its indicator group.
        class: &'static str,
        /// The tooltip: indicator, date and rule.
        title: String,
    },
}

/// Cuts the text into plain runs and figure numbers (figures sorted by start, overlaps skipped).
pub fn pieces(text: &str, figures: &[Figure]) -> Vec<Piece> {
    let mut sorted: Vec<&Figure> = figures.iter().collect();
    sorted.sort_by_key(|f| f.span[0]);
    let mut out = Vec::with_capacity(sorted.len() * 2 + 1);
    let mut at = 0;
    for f in sorted {
        let [start, end] = f.span;
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        if start > at {
            out.push(Piece::Plain(text[at..start].to_string()));
        }
        out.push(Piece::Figure {
            id: f.id.clone(),
            text: text[start..end].to_string(),
            class: group(f),
            title: tooltip(f),
        });
        at = end;
    }
    if at < text.len() {
        out.push(Piece::Plain(text[at..].to_string()));
    }
    out
}

fn group(f: &Figure) -> &'static str {
    match f.indicator.as_deref().map(vocab::measure) {
        Some(Measure::Stock) => "mark-stock",
        Some(Measure::Flow) => "mark-flow",
        Some(Measure::Status | Measure::Rate) => "mark-percent",
        None => "mark-other",
    }
}

fn tooltip(f: &Figure) -> String {
    format!(
        "{} · {} · {}",
        f.indicator.as_deref().unwrap_or("no indicator"),
        f.when.as_deref().unwrap_or("date not stated"),
        f.rule
    )
}

/// The highlighted text of the selected document.
#[component]
pub fn TextView(
    /// The document's text.
    text: Signal<String>,
    /// Its figures.
    figures: Signal<Vec<Figure>>,
    /// The id of the figure selected in the table.
    selected: ReadSignal<Option<String>>,
    /// Called with a figure's id when its highlight is clicked.
    on_select: Callback<String>,
) -> impl IntoView {
    // Scrolling is the outside world: an effect.
    Effect::new(move |_| {
        let Some(id) = selected.get() else { return };
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("fig-{id}")));
        if let Some(element) = element {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    view! {
        <section class="text-view" aria-label="Document text" data-testid="text-view">
            <h2>"Text"</h2>
            <div class="legend">
                <span class="mark-stock">"counts at a date"</span>
                <span class="mark-flow">"counts over a period"</span>
                <span class="mark-percent">"percentages"</span>
                <span class="mark-other">"other quantities"</span>
            </div>
            <pre class="document-text">
                {move || {
                    text.with(|t| figures.with(|f| pieces(t, f)))
                        .into_iter()
                        .map(|piece| match piece {
                            Piece::Plain(s) => s.into_any(),
                            Piece::Figure { id, text, class, title } => {
                                let for_flash = id.clone();
                                let for_click = id.clone();
                                view! {
                                    <mark
                                        id=format!("fig-{id}")
                                        class=class
                                        class:flash=move || selected.get().as_deref() == Some(for_flash.as_str())
                                        title=title
                                        data-figure=id.clone()
                                        on:click=move |_| on_select.run(for_click.clone())
                                    >
                                        {text}
                                    </mark>
                                }
                                    .into_any()
                            }
                        })
                        .collect_view()
                }}
            </pre>
        </section>
    }
}
