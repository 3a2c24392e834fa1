//! The tables found in the document, shown as HTML tables (cells as text), each with a chart
//! of its numeric columns. A long pack holds dozens of tables: each is a disclosure, drawn when
//! opened; the first few start open. A long report's list of them is drawn a part at a time.

use super::charts::{ChartCanvas, Drawing};
use super::steps::Steps;
use crate::chart;
use crate::model::Table;
use leptos::prelude::*;

/// Tables open when a document is shown.
const OPEN_AT_FIRST: usize = 2;

/// Tables listed with the figures; the rest follow [`MORE_TABLES`] at a time, a task each (a
/// 1 MB report's 147 tables took 18 ms of the first layout).
const FIRST_TABLES: usize = 12;
/// How many more tables each later task lists.
const MORE_TABLES: usize = 40;

/// Every table of the selected document.
#[component]
pub fn Tables(
    /// The document's tables.
    tables: Signal<Vec<Table>>,
) -> impl IntoView {
    let steps = Steps::new(FIRST_TABLES, MORE_TABLES);
    Effect::new(move |_| steps.start(tables.with(Vec::len)));
    let listed = move || {
        let (_, drawn) = steps.get();
        tables.with(|t| {
            t.iter()
                .take(drawn)
                .cloned()
                .enumerate()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || tables.with(|t| !t.is_empty())>
            <section class="found-tables" aria-label="Tables in the text" data-testid="tables">
                <h2>{move || format!("Tables in the text ({})", tables.with(Vec::len))}</h2>
                <For each=listed key=|(_, t)| (t.id.clone(), t.span) let:item>
                    <FoundTable table=item.1 open=item.0 < OPEN_AT_FIRST />
                </For>
            </section>
        </Show>
    }
}

/// One table: a disclosure with the table and its chart inside.
#[component]
fn FoundTable(table: Table, open: bool) -> impl IntoView {
    let (is_open, set_open) = signal(open);
    let headings: Vec<&str> = table
        .header
        .iter()
        .map(|h| h.trim())
        .filter(|h| !h.is_empty())
        .collect();
    let caption = match (&table.caption, headings.is_empty()) {
        (Some(caption), _) => caption.clone(),
        (None, false) => format!("Table {}: {}", table.id, headings.join(" · ")),
        (None, true) => format!("Table {}", table.id),
    };
    let size = format!(
        "{} rows × {} columns",
        table.rows.len(),
        table.rows.iter().map(Vec::len).max().unwrap_or(0)
    );
    let table = StoredValue::new(table);
    let title = caption.clone();
    view! {
        <details class="found-table" prop:open=open on:toggle=move |ev| set_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary><span class="caption">{caption}</span>" "<span class="size">{size}</span></summary>
            {move || is_open.get().then(|| {
                let t = table.get_value();
                let drawing = chart::table_chart(&t).map(Drawing::Table);
                view! {
                    <div class="table-wrap">
                        <table>
                            {(!t.header.is_empty()).then(|| view! {
                                <thead>
                                    <tr>{t.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                                </thead>
                            })}
                            <tbody>
                                {t.rows
                                    .iter()
                                    .map(|row| view! { <tr>{row.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {drawing.map(|d| view! { <ChartCanvas title=title.clone() drawing=d /> })}
                }
            })}
        </details>
    }
}
