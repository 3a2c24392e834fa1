//! The figures table: every figure of the selected document with the columns of the output
//! spec; sortable by any column, filtered by free text, indicator, unit and area. The rows come
//! from [`crate::view`]; this file only draws them.

use crate::model::{Document, Figure};
use crate::view::{self, Column, Filter};
use leptos::prelude::*;

/// A filter menu: "all" or one of the values present in the document.
#[component]
fn Choice(
    /// The menu's label.
    label: &'static str,
    /// Its test id.
    testid: &'static str,
    /// The values to choose from.
    options: Signal<Vec<String>>,
    /// Called with the chosen value, or `None` for all.
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    view! {
        <label class="choice">
            {label}
            <select
                data-testid=testid
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    on_change.run((!value.is_empty()).then_some(value));
                }
            >
                <option value="">"all"</option>
                {move || options.get().into_iter().map(|o| view! { <option value=o.clone()>{o.replace('_', " ")}</option> }).collect_view()}
            </select>
        </label>
    }
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
    let (filter, set_filter) = signal(Filter {
        indicators_only: true,
        ..Filter::default()
    });
    let (sort, set_sort) = signal(None::<(Column, bool)>);
    let rows = Memo::new(move |_| {
        document.with(|d| filter.with(|f| view::rows(&d.figures, f, sort.get())))
    });
    let options = |field: fn(&Figure) -> Option<String>| {
        Signal::derive(move || document.with(|d| view::choices(&d.figures, field)))
    };
    let sort_by = move |column: Column| {
        set_sort.update(|s| {
            *s = match *s {
                Some((c, true)) if c == column => Some((column, false)),
                Some((c, false)) if c == column => None,
                _ => Some((column, true)),
            }
        })
    };
    let aria_sort = move |column: Column| match sort.get() {
        Some((c, true)) if c == column => "ascending",
        Some((c, false)) if c == column => "descending",
        _ => "none",
    };
    view! {
        <section class="figures" aria-label="Figures">
            <div class="row filters">
                <label for="filter">"Filter"</label>
                <input id="filter" data-testid="filter" type="search" placeholder="indicator, words or value" on:input=move |ev| set_filter.update(|f| f.text = event_target_value(&ev)) />
                <Choice label="Indicator" testid="filter-indicator" options=options(|f| f.indicator.clone()) on_change=Callback::new(move |v| set_filter.update(|f| f.indicator = v)) />
                <Choice label="Unit" testid="filter-unit" options=options(|f| Some(f.unit.as_str().to_string())) on_change=Callback::new(move |v| set_filter.update(|f| f.unit = v)) />
                <Choice label="Area" testid="filter-area" options=options(|f| Some(f.area.as_str().to_string())) on_change=Callback::new(move |v| set_filter.update(|f| f.area = v)) />
                <label class="check">
                    <input type="checkbox" data-testid="indicators-only" prop:checked=move || filter.with(|f| f.indicators_only) on:change=move |ev| set_filter.update(|f| f.indicators_only = event_target_checked(&ev)) />
                    "Indicator figures only"
                </label>
                <span class="count" data-testid="row-count" aria-live="polite">{move || format!("{} figures shown", rows.with(Vec::len))}</span>
            </div>
            <div class="table-wrap">
                <table role="grid" data-testid="figures" aria-rowcount=move || rows.with(Vec::len) + 1>
                    <thead>
                        <tr>
                            {Column::ALL
                                .into_iter()
                                .map(|column| {
                                    view! {
                                        <th scope="col" aria-sort=move || aria_sort(column)>
                                            <button class="sort" data-testid=format!("sort-{}", column.heading().to_lowercase()) on:click=move |_| sort_by(column)>
                                                {column.heading()}
                                            </button>
                                        </th>
                                    }
                                })
                                .collect_view()}
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
            class:edited=f.edited
            on:click=move |_| choose()
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    choose_by_key()
                }
            }
        >
            <td>
                {f.indicator.clone().unwrap_or_else(|| "—".to_string())}
                {f.edited.then(|| view! { <span class="badge" title="Corrected by you">" edited"</span> })}
            </td>
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
