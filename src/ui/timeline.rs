//! Across documents: one indicator's values from every loaded report, placed by the date each
//! refers to ([`crate::timeline`]), as a chart and a table. Restated figures show once with all
//! their sources; different values at one date are flagged as conflicts. A source is one click
//! from its sentence.

use super::charts::{ChartCanvas, Drawing};
use crate::model::Unit;
use crate::timeline::Point;
use leptos::prelude::*;

/// The timeline of the read documents; shown once two or more are read.
#[component]
pub fn Timeline(
    /// The merged series of every read document.
    points: Signal<Vec<Point>>,
    /// How many documents are read.
    count: Signal<usize>,
    /// Called with (document name, figure id) when a source is chosen.
    on_source: Callback<(String, String)>,
) -> impl IntoView {
    // The series to choose from: an indicator in one unit ("children in care", "children in
    // care, per 10k"); a chart never mixes units.
    let series = Memo::new(move |_| {
        points.with(|p| {
            let mut keys: Vec<(String, Unit)> =
                p.iter().map(|p| (p.indicator.clone(), p.unit)).collect();
            keys.sort_by(|a, b| (&a.0, a.1.as_str()).cmp(&(&b.0, b.1.as_str())));
            keys.dedup();
            keys
        })
    });
    let (chosen, set_chosen) = signal(None::<String>);
    let key_of = |(indicator, unit): &(String, Unit)| format!("{indicator}|{}", unit.as_str());
    let label_of = |(indicator, unit): &(String, Unit)| match unit {
        Unit::Count | Unit::Percent => indicator.replace('_', " "),
        unit => format!(
            "{}, {}",
            indicator.replace('_', " "),
            unit.as_str().replace('_', " ")
        ),
    };
    let current = move || {
        series.with(|keys| {
            let chosen = chosen.get();
            keys.iter()
                .find(|k| Some(key_of(k)) == chosen)
                .or_else(|| keys.iter().find(|k| k.0 == "children_in_care"))
                .or(keys.first())
                .cloned()
        })
    };
    let rows = Memo::new(move |_| -> Vec<Point> {
        let Some((id, unit)) = current() else {
            return Vec::new();
        };
        points.with(|p| {
            p.iter()
                .filter(|p| p.indicator == id && p.unit == unit)
                .cloned()
                .collect()
        })
    });
    let drawing = move || {
        let lines = rows.with(|r| crate::chart::lines(r));
        let drawn: usize = lines.iter().map(|l| l.points.len()).sum();
        (drawn >= 2).then_some(lines)
    };
    let (every_open, set_every_open) = signal(false);
    // A point on the chart leads to the sentence stating it.
    let on_point = Callback::new(move |i: usize| {
        let source = rows.with(|r| r.get(i).and_then(|p| p.sources.first().cloned()));
        if let Some(s) = source {
            on_source.run((s.document, s.figure));
        }
    });
    view! {
        <Show when=move || { count.get() >= 2 }>
            <section class="timeline" aria-label="Across documents" data-testid="timeline">
                <h2>{move || format!("Across {} documents", count.get())}</h2>
                <label class="choice">
                    "Indicator "
                    <select data-testid="timeline-indicator" on:change=move |ev| set_chosen.set(Some(event_target_value(&ev)))>
                        {move || {
                            let current = current();
                            series
                                .get()
                                .into_iter()
                                .map(|k| {
                                    let selected = current.as_ref() == Some(&k);
                                    view! { <option value=key_of(&k) selected=selected>{label_of(&k)}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                {move || {
                    drawing()
                        .map(|lines| {
                            let title = current().map(|k| label_of(&k)).unwrap_or_default();
                            view! {
                                <div class="chart-grid">
                                    <ChartCanvas title=title drawing=Drawing::Lines(lines) on_point=on_point />
                                </div>
                            }
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
                                rows
                                    .get()
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
                <details class="every-indicator" data-testid="every-indicator" on:toggle=move |ev| {
                    let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                    set_every_open.set(open);
                }>
                    <summary>{move || format!("A chart for every indicator ({})", series.with(Vec::len))}</summary>
                    {move || {
                        // Built when opened; each chart is drawn when it scrolls into view.
                        if !every_open.get() {
                            return None;
                        }
                        let charts: Vec<(String, Vec<Point>)> = series.with(|keys| {
                            points.with(|p| {
                                keys.iter()
                                    .map(|k| {
                                        let mine: Vec<Point> = p
                                            .iter()
                                            .filter(|p| p.indicator == k.0 && p.unit == k.1)
                                            .cloned()
                                            .collect();
                                        (label_of(k), mine)
                                    })
                                    .filter(|(_, mine)| mine.len() >= 2)
                                    .collect()
                            })
                        });
                        Some(view! {
                            <div class="chart-grid">
                                {charts
                                    .into_iter()
                                    .map(|(title, mine)| {
                                        let lines = crate::chart::lines(&mine);
                                        let on_point = Callback::new(move |i: usize| {
                                            if let Some(s) = mine.get(i).and_then(|p| p.sources.first()) {
                                                on_source.run((s.document.clone(), s.figure.clone()));
                                            }
                                        });
                                        view! { <ChartCanvas title=title drawing=Drawing::Lines(lines) on_point=on_point /> }
                                    })
                                    .collect_view()}
                            </div>
                        })
                    }}
                </details>
            </section>
        </Show>
    }
}
