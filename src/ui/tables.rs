//! The tables found in the document, shown as HTML tables (cells as text).

use crate::model::Table;
use leptos::prelude::*;

/// Every table of the selected document.
#[component]
pub fn Tables(
    /// The document's tables.
    tables: Signal<Vec<Table>>,
) -> impl IntoView {
    view! {
        <Show when=move || tables.with(|t| !t.is_empty())>
            <section class="found-tables" aria-label="Tables in the text" data-testid="tables">
                <h2>"Tables in the text"</h2>
                <For each=move || tables.get() key=|t| (t.id.clone(), t.span) let:table>
                    <figure class="found-table">
                        <figcaption>{table.caption.clone().unwrap_or_else(|| format!("Table {}", table.id))}</figcaption>
                        <div class="table-wrap">
                            <table>
                                <Show when={
                                    let has_header = !table.header.is_empty();
                                    move || has_header
                                }>
                                    <thead>
                                        <tr>{table.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                                    </thead>
                                </Show>
                                <tbody>
                                    {table
                                        .rows
                                        .iter()
                                        .map(|row| view! { <tr>{row.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </figure>
                </For>
            </section>
        </Show>
    }
}
