//! The figures table: every figure of the selected document with the columns of the output
//! spec, filterable by free text and by "indicators only".

use crate::model::{Document, Figure};
use leptos::prelude::*;

/// True when the figure matches the filter text (indicator, label, sentence or value).
pub fn matches(figure: &Figure, filter: &str) -> bool {
    let filter = filter.trim().to_lowercase();
    filter.is_empty()
        || figure.indicator.as_deref().unwrap_or("").contains(&filter)
        || figure.label.to_lowercase().contains(&filter)
        || figure.sentence.to_lowercase().contains(&filter)
        || figure.value.to_string() == filter
}

/// The table of figures. Rows are keyed by id, span and value: ids repeat across documents, so
/// an id alone would keep a row of the previous document on screen.
#[component]
pub fn FiguresTable(
    /// The document whose figures are shown.
    document: Signal<Document>,
    /// The id of the selected figure.
    selected: ReadSignal<Option<String>>,
    /// Called with a figure's id when its row is clicked.
    on_select: Callback<String>,
) -> impl IntoView {
    let (filter, set_filter) = signal(String::new());
    let (indicators_only, set_indicators_only) = signal(true);
    let rows = Memo::new(move |_| {
        let filter = filter.get();
        let only = indicators_only.get();
        document.with(|d| {
            d.figures
                .iter()
                .filter(|f| (!only || f.indicator.is_some()) && matches(f, &filter))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="figures" aria-label="Figures">
            <div class="row filters">
                <label for="filter">"Filter"</label>
                <input id="filter" data-testid="filter" type="search" placeholder="indicator, words or value" on:input=move |ev| set_filter.set(event_target_value(&ev)) />
                <label class="check">
                    <input type="checkbox" data-testid="indicators-only" prop:checked=indicators_only on:change=move |ev| set_indicators_only.set(event_target_checked(&ev)) />
                    "Indicator figures only"
                </label>
                <span class="count" data-testid="row-count">{move || format!("{} figures shown", rows.with(Vec::len))}</span>
            </div>
            <div class="table-wrap">
                <table role="grid" data-testid="figures">
                    <thead>
                        <tr>
                            <th scope="col">"Indicator"</th>
                            <th scope="col">"Value"</th>
                            <th scope="col">"Unit"</th>
                            <th scope="col">"When"</th>
                            <th scope="col">"Area"</th>
                            <th scope="col">"Label"</th>
                            <th scope="col">"Sentence"</th>
                            <th scope="col">"Rule"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|f| (f.id.clone(), f.span, f.value.to_bits()) let:f>
                            <FigureRow figure=f selected=selected on_select=on_select />
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One row of the figures table; Enter or a click selects its figure in the text.
#[component]
fn FigureRow(
    /// The figure shown.
    figure: Figure,
    /// The id of the selected figure.
    selected: ReadSignal<Option<String>>,
    /// Called with the figure's id when the row is chosen.
    on_select: Callback<String>,
) -> impl IntoView {
    let f = figure;
    let id = f.id.clone();
    let is_selected = {
        let id = id.clone();
        move || selected.get().as_deref() == Some(id.as_str())
    };
    let choose = {
        let id = id.clone();
        move || on_select.run(id.clone())
    };
    let choose_by_key = choose.clone();
    view! {
        <tr
            data-indicator=f.indicator.clone().unwrap_or_default()
            data-value=f.value.to_string()
            data-figure=id
            tabindex="0"
            class:selected=is_selected
            on:click=move |_| choose()
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    choose_by_key()
                }
            }
        >
            <td>{f.indicator.clone().unwrap_or_else(|| "—".to_string())}</td>
            <td class="num">{format!("{}{}", if f.approx { "~" } else { "" }, f.value)}</td>
            <td>{f.unit.as_str()}</td>
            <td>{f.when.clone().unwrap_or_default()}</td>
            <td>{f.area.as_str()}{if f.target { " (target)" } else { "" }}</td>
            <td>{f.label.clone()}</td>
            <td class="sentence">{f.sentence.clone()}</td>
            <td class="rule">{f.rule.clone()}</td>
        </tr>
    }
}
