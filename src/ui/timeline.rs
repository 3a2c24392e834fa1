//! Across documents: one indicator's values from every loaded report, placed by the date each
//! refers to ([`crate::timeline`]), as a chart and a table. Restated figures show once with all
//! their sources; different values at one date are flagged as conflicts. A source is one click
//! from its sentence.

use super::charts::{ChartCanvas, Drawing};
use crate::model::Document;
use crate::timeline::{self, Point};
use leptos::prelude::*;
use std::sync::Arc;

/// The timeline of the read documents; shown once two or more are read.
#[component]
pub fn Timeline(
    /// Every read document, corrected.
    documents: Signal<Vec<Arc<Document>>>,
    /// Called with (document name, figure id) when a source is chosen.
    on_source: Callback<(String, String)>,
) -> impl IntoView {
    let points = Memo::new(move |_| documents.with(|d| timeline::merge(d)));
    let indicators = Memo::new(move |_| {
        points.with(|p| {
            let mut ids: Vec<String> = p.iter().map(|p| p.indicator.clone()).collect();
            ids.sort();
            ids.dedup();
            ids
        })
    });
    let (chosen, set_chosen) = signal(None::<String>);
    let indicator = move || {
        chosen
            .get()
            .filter(|c| indicators.with(|i| i.contains(c)))
            .or_else(|| {
                indicators.with(|i| {
                    i.iter()
                        .find(|id| *id == "children_in_care")
                        .or(i.first())
                        .cloned()
                })
            })
    };
    let rows = move || -> Vec<Point> {
        let Some(id) = indicator() else {
            return Vec::new();
        };
        points.with(|p| p.iter().filter(|p| p.indicator == id).cloned().collect())
    };
    let drawing = move || {
        let local: Vec<(f64, f64)> = rows()
            .iter()
            .filter(|p| p.area == crate::model::Area::Local)
            .filter_map(|p| Some((crate::chart::year_of(&p.when)?, p.value)))
            .collect();
        (local.len() >= 2).then_some(local)
    };
    view! {
        <Show when=move || documents.with(|d| d.len() >= 2)>
            <section class="timeline" aria-label="Across documents" data-testid="timeline">
                <h2>{move || format!("Across {} documents", documents.with(Vec::len))}</h2>
                <label class="choice">
                    "Indicator "
                    <select data-testid="timeline-indicator" on:change=move |ev| set_chosen.set(Some(event_target_value(&ev)))>
                        {move || {
                            let current = indicator();
                            indicators
                                .get()
                                .into_iter()
                                .map(|id| {
                                    let selected = current.as_deref() == Some(id.as_str());
                                    view! { <option value=id.clone() selected=selected>{id.replace('_', " ")}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                {move || {
                    drawing()
                        .map(|points| {
                            let title = indicator().unwrap_or_default();
                            view! { <div class="chart-grid"><ChartCanvas title=title drawing=Drawing::Series(points) /></div> }
                        })
                }}
                <div class="table-wrap">
                    <table data-testid="timeline-table">
                        <thead>
                            <tr>
                                <th scope="col">"When"</th>
                                <th scope="col">"Value"</th>
                                <th scope="col">"Area"</th>
                                <th scope="col">"Authority"</th>
                                <th scope="col">"Sources"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                rows()
                                    .into_iter()
                                    .map(|p| {
                                        let sources = p
                                            .sources
                                            .iter()
                                            .map(|s| {
                                                let target = (s.document.clone(), s.figure.clone());
                                                view! {
                                                    <button class="link source" title=s.sentence.clone() on:click=move |_| on_source.run(target.clone())>
                                                        {format!("{} · {}", s.document, s.figure)}
                                                    </button>
                                                }
                                            })
                                            .collect_view();
                                        view! {
                                            <tr class:conflict=p.conflict data-when=p.when.clone() data-value=p.value.to_string()>
                                                <td>{p.when.clone()}</td>
                                                <td class="num">
                                                    {format!("{}{}", if p.approx { "~" } else { "" }, p.value)}
                                                    {p.conflict.then(|| view! { <span class="badge" title="Another value is stated for this date">" conflict"</span> })}
                                                </td>
                                                <td>{p.area.as_str()}</td>
                                                <td>{p.authority.clone().unwrap_or_default()}</td>
                                                <td>{sources}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </section>
        </Show>
    }
}
