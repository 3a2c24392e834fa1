//! Side by side: indicators down, councils (or years) across, each cell the latest value with
//! its date ([`crate::compare`]). Sortable by any column; the download holds exactly the rows
//! and columns shown, in the order shown. A cell is one click from its sentence.

use super::download;
use crate::compare::{self, Across, Comparison, Order};
use crate::timeline::Point;
use leptos::prelude::*;

/// The comparison of the merged series; shown once two or more documents are read.
#[component]
pub fn Compare(
    /// The merged series of every read document.
    points: Signal<Vec<Point>>,
    /// How many documents are read.
    count: Signal<usize>,
    /// Called with (document name, figure id) when a cell is chosen.
    on_source: Callback<(String, String)>,
) -> impl IntoView {
    let (across, set_across) = signal(Across::Authorities);
    let (order, set_order) = signal(Order::Indicator);
    let grid = Memo::new(move |_| points.with(|p| compare::compare(p, across.get(), order.get())));
    // A column's heading sorts by it, largest first; again, smallest first.
    let sort_by = move |k: usize| {
        set_order.update(|o| {
            *o = match *o {
                Order::Descending(j) if j == k => Order::Ascending(k),
                _ => Order::Descending(k),
            }
        })
    };
    let aria_sort = move |k: Option<usize>| match (order.get(), k) {
        (Order::Indicator, None) => "ascending",
        (Order::Descending(j), Some(k)) if j == k => "descending",
        (Order::Ascending(j), Some(k)) if j == k => "ascending",
        _ => "none",
    };
    let save = move |xlsx: bool| {
        grid.with(|g: &Comparison| {
            let cells = g.cells();
            if xlsx {
                download::save(
                    "comparison.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    &crate::export::xlsx::grid("Comparison", &cells),
                );
            } else {
                download::save(
                    "comparison.csv",
                    "text/csv;charset=utf-8",
                    &crate::export::csv::grid(&cells),
                );
            }
        })
    };
    let periods = move || across.get() == Across::Periods;
    view! {
        <Show when=move || { count.get() >= 2 }>
            <section class="compare" aria-label="Side by side" data-testid="compare">
                <h2>"Side by side"</h2>
                <div class="row">
                    <label class="choice">
                        "Across "
                        <select data-testid="compare-across" on:change=move |ev| {
                            set_across.set(if event_target_value(&ev) == "periods" { Across::Periods } else { Across::Authorities });
                            set_order.set(Order::Indicator);
                        }>
                            <option value="authorities" selected=move || !periods()>"authorities"</option>
                            <option value="periods" selected=periods>"years"</option>
                        </select>
                    </label>
                    <button data-testid="compare-csv" on:click=move |_| save(false)>"Download CSV"</button>
                    <button data-testid="compare-xlsx" on:click=move |_| save(true)>"Download Excel"</button>
                    <span class="hint">"The latest value in each column, with the date it refers to; the downloads hold what is shown."</span>
                </div>
                <div class="table-wrap">
                    <table data-testid="compare-table">
                        <thead>
                            <tr>
                                <th scope="col" aria-sort=move || aria_sort(None)>
                                    <button class="sort" on:click=move |_| set_order.set(Order::Indicator)>"Indicator"</button>
                                </th>
                                <th scope="col">"Unit"</th>
                                {move || periods().then(|| view! { <th scope="col">"Whose"</th> })}
                                {move || {
                                    grid.with(|g| g.columns.clone())
                                        .into_iter()
                                        .enumerate()
                                        .map(|(k, name)| view! {
                                            <th scope="col" class="num" aria-sort=move || aria_sort(Some(k))>
                                                <button class="sort" data-testid="compare-sort" on:click=move |_| sort_by(k)>{name}</button>
                                            </th>
                                        })
                                        .collect_view()
                                }}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                grid.with(|g| {
                                    g.rows
                                        .iter()
                                        .map(|row| {
                                            let cells = row
                                                .cells
                                                .iter()
                                                .map(|cell| match cell {
                                                    None => view! { <td class="num empty">"–"</td> }.into_any(),
                                                    Some(c) => {
                                                        let target = c.sources.first().map(|s| (s.document.clone(), s.figure.clone()));
                                                        let title = c.sources.iter().map(|s| format!("{}: {}", s.document, s.sentence)).collect::<Vec<_>>().join("\n");
                                                        let value = format!("{}{}", if c.approx { "~" } else { "" }, c.value);
                                                        view! {
                                                            <td class="num" class:conflict=c.conflict data-value=c.value.to_string() data-when=c.when.clone()>
                                                                <button class="link source" title=title on:click=move |_| {
                                                                    if let Some(t) = target.clone() {
                                                                        on_source.run(t);
                                                                    }
                                                                }>
                                                                    <span class="value">{value}</span>
                                                                    <span class="when">{c.when.clone()}</span>
                                                                </button>
                                                                {c.conflict.then(|| view! { <span class="badge" title="Another value is stated for this date">" conflict"</span> })}
                                                            </td>
                                                        }
                                                        .into_any()
                                                    }
                                                })
                                                .collect_view();
                                            let whose = (!row.whose.is_empty()).then(|| view! { <td>{row.whose.clone()}</td> });
                                            view! {
                                                <tr data-indicator=row.indicator.clone() data-unit=row.unit.as_str()>
                                                    <th scope="row">{row.indicator.replace('_', " ")}</th>
                                                    <td>{row.unit.as_str().replace('_', " ")}</td>
                                                    {whose}
                                                    {cells}
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                            }}
                        </tbody>
                    </table>
                </div>
            </section>
        </Show>
    }
}
