//! The figures table: every figure of the selected document with the columns of the output
//! spec; sortable by any column, filtered by free text, indicator, unit and area. The rows come
//! from [`crate::view`]; this file only draws them.

use crate::model::{Document, Figure};
use crate::view::{self, Column, Filter};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows drawn at a time.
const PAGE: usize = 100;

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
    document: Signal<Arc<Document>>,
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
    // A long report has thousands of figures: rows are drawn a page at a time.
    let (limit, set_limit) = signal(PAGE);
    Effect::new(move |_| {
        document.track();
        set_limit.set(PAGE);
    });
    // A figure chosen in the text is brought into the drawn rows.
    Effect::new(move |_| {
        let Some(id) = selected.get() else { return };
        let at = rows.with_untracked(|r| r.iter().position(|f| f.id == id));
        if let Some(at) = at.filter(|at| *at >= limit.get_untracked()) {
            set_limit.set((at / PAGE + 1) * PAGE);
        }
    });
    let (copied, set_copied) = signal(None::<String>);
    let copy = move |_| {
        let (count, tsv) = document.with(|d| {
            rows.with(|r| {
                (
                    r.len(),
                    crate::export::tsv::to_tsv(r.iter().map(|f| (d.name.as_str(), f))),
                )
            })
        });
        super::download::copy(tsv, move |ok| {
            set_copied.set(Some(if ok {
                format!("Copied {count} rows with headers: paste them into a spreadsheet.")
            } else {
                "The browser did not allow copying; use Download CSV or Excel instead.".to_string()
            }))
        });
    };
    let shown = move || rows.with(|r| r.iter().take(limit.get()).cloned().collect::<Vec<_>>());
    let hidden = move || rows.with(Vec::len).saturating_sub(limit.get());
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
                <button data-testid="copy-tsv" on:click=copy title="Copies the rows that match the filters, with a header row, as tab-separated text">"Copy as TSV"</button>
                <span class="count" data-testid="row-count" aria-live="polite">
                    {move || match hidden() {
                        0 => format!("{} figures shown", rows.with(Vec::len)),
                        _ => format!("{} figures, the first {} shown", rows.with(Vec::len), limit.get()),
                    }}
                </span>
            </div>
            <p class="status" role="status" data-testid="copy-message">{move || copied.get()}</p>
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
                        <For each=move || shown().into_iter().enumerate() key=|(_, f)| (f.id.clone(), f.span, f.value.to_bits(), f.edited, f.when.clone(), f.indicator.clone()) let:row>
                            <FigureRow figure=row.1 index=row.0 + 2 selected=selected on_select=on_select />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || hidden() != 0>
                <div class="row more">
                    <button data-testid="show-more" on:click=move |_| set_limit.update(|l| *l += PAGE)>
                        {move || format!("Show {} more", hidden().min(PAGE))}
                    </button>
                    <button data-testid="show-all" on:click=move |_| set_limit.set(usize::MAX)>
                        {move || format!("Show all {}", rows.with(Vec::len))}
                    </button>
                </div>
            </Show>
        </section>
    }
}

/// One row of the figures table; Enter or a click selects its figure in the text.
#[component]
fn FigureRow(
    /// The figure shown.
    figure: Figure,
    /// Its row's position in the grid (the header row is 1).
    index: usize,
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
            aria-rowindex=index
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
