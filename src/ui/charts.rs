//! Charts in the app: the `chart` module's drawings on canvases, sized to their on-screen box
//! and scaled by the device pixel ratio so they stay crisp; each can be saved as PNG.

use crate::chart;
use crate::model::{Document, Unit};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What one canvas shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Drawing {
    /// Headline bars.
    Bars(Vec<(String, f64)>),
    /// One indicator over time.
    Series(Vec<(f64, f64)>),
    /// A table's numeric columns.
    Table(chart::TableChart),
    /// One indicator across documents: a line per council and comparator.
    Lines(Vec<chart::Line>),
}

/// Draws `drawing` on any backend; returns where the points of a [`Drawing::Lines`] were drawn.
fn render<DB: plotters::prelude::DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    title: &str,
    drawing: &Drawing,
    scale: f64,
) -> Result<chart::Drawn, String> {
    let none = |()| Vec::new();
    match drawing {
        Drawing::Bars(bars) => chart::draw_bars(area, title, bars, scale).map(none),
        Drawing::Series(points) => chart::draw_series(area, title, points, scale).map(none),
        Drawing::Table(table) => chart::draw_table(area, title, table, scale).map(none),
        Drawing::Lines(lines) => chart::draw_lines(area, title, lines, scale),
    }
    .map_err(|e| e.to_string())
}

/// The chart as an SVG document (a fixed 800 by 450 size; it scales without blurring).
fn svg(title: &str, drawing: &Drawing) -> String {
    let mut out = String::new();
    {
        let backend = plotters::prelude::SVGBackend::with_string(&mut out, (800, 450));
        if let Err(e) = render(&backend.into_drawing_area(), title, drawing, 1.0) {
            web_sys::console::error_1(&format!("chart '{title}': {e}").into());
        }
    }
    out
}

/// Every chart of a document: headline counts, headline percentages, and a time series for
/// each indicator with two or more dated values.
#[component]
pub fn Charts(
    /// The document charted.
    document: Signal<Arc<Document>>,
) -> impl IntoView {
    let charts = Memo::new(move |_| {
        document.with(|d| {
            let mut out: Vec<(String, Drawing)> = Vec::new();
            let counts = chart::headline_bars(d, Unit::Count);
            if !counts.is_empty() {
                out.push(("Headline counts".to_string(), Drawing::Bars(counts)));
            }
            let percents = chart::headline_bars(d, Unit::Percent);
            if !percents.is_empty() {
                out.push(("Headline percentages".to_string(), Drawing::Bars(percents)));
            }
            out.extend(
                chart::series(d)
                    .into_iter()
                    .map(|(i, points)| (i, Drawing::Series(points))),
            );
            out
        })
    });
    view! {
        <section class="charts" aria-label="Charts" data-testid="charts">
            <h2>"Charts"</h2>
            <div class="chart-grid">
                <For each=move || charts.get() key=|(title, drawing)| format!("{title}{drawing:?}") let:chart>
                    <ChartCanvas title=chart.0 drawing=chart.1 />
                </For>
            </div>
        </section>
    }
}

/// Draws on a canvas sized to its on-screen box, scaled by the device pixel ratio; returns
/// where the points of a [`Drawing::Lines`] were drawn, in CSS pixels.
fn draw(element: web_sys::HtmlCanvasElement, title: &str, drawing: &Drawing) -> chart::Drawn {
    let ratio = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let width = f64::from(element.client_width().max(320));
    let height = f64::from(element.client_height().max(160));
    element.set_width((width * ratio) as u32);
    element.set_height((height * ratio) as u32);
    let Some(backend) = CanvasBackend::with_canvas_object(element) else {
        return Vec::new();
    };
    match render(&backend.into_drawing_area(), title, drawing, ratio) {
        Ok(drawn) => drawn
            .into_iter()
            .map(|((x, y), i)| {
                let css = |v: i32| (f64::from(v) / ratio).round() as i32;
                ((css(x), css(y)), i)
            })
            .collect(),
        Err(e) => {
            web_sys::console::error_1(&format!("chart '{title}': {e}").into());
            Vec::new()
        }
    }
}

type Watch = (
    Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
    web_sys::IntersectionObserver,
);

/// One chart on a canvas, with PNG and SVG downloads. It is drawn when it first comes into
/// view: a long report has many charts, and the figures should not wait for them. The points
/// of a line chart can be clicked (`on_point` gets the point's index).
#[component]
pub fn ChartCanvas(
    /// The chart's title (also its accessible name and file name).
    title: String,
    /// What it shows.
    drawing: Drawing,
    /// Called with a point's index when a point of a line chart is clicked.
    #[prop(optional)]
    on_point: Option<Callback<usize>>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let draw_title = title.clone();
    let watch = StoredValue::new_local(None::<Watch>);
    let drawn = StoredValue::new(chart::Drawn::new());
    let svg_source = (title.clone(), drawing.clone());
    // Drawing on a canvas is the outside world: an effect, run once the canvas exists.
    Effect::new(move |_| {
        let Some(element) = canvas.get() else { return };
        let element: web_sys::HtmlCanvasElement = element;
        let (title, drawing, target) = (draw_title.clone(), drawing.clone(), element.clone());
        let seen = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let visible = entries.iter().any(|e| {
                    e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                        .is_intersecting()
                });
                if visible {
                    observer.disconnect();
                    let points = draw(target.clone(), &title, &drawing);
                    // Where the clickable points are ("x,y x,y ..." in CSS pixels), for
                    // scripts and tests, as the figures table's rows carry their values.
                    if !points.is_empty() {
                        let at: Vec<String> = points
                            .iter()
                            .map(|((x, y), _)| format!("{x},{y}"))
                            .collect();
                        let _ = target.set_attribute("data-points", &at.join(" "));
                    }
                    drawn.set_value(points);
                }
            },
        );
        if let Ok(observer) = web_sys::IntersectionObserver::new(seen.as_ref().unchecked_ref()) {
            observer.observe(&element);
            watch.set_value(Some((seen, observer)));
        }
    });
    on_cleanup(move || {
        watch.try_with_value(|w| {
            if let Some((_, observer)) = w {
                observer.disconnect();
            }
        });
    });
    let stem = title
        .to_lowercase()
        .replace(|c: char| !c.is_alphanumeric(), "-");
    let file = format!("{stem}.png");
    let save_svg = move |_| {
        let (title, drawing) = &svg_source;
        super::download::save(
            &format!("{stem}.svg"),
            "image/svg+xml",
            svg(title, drawing).as_bytes(),
        );
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(on_point) = on_point else { return };
        let hit = drawn.with_value(|d| chart::point_at(d, ev.offset_x(), ev.offset_y(), 10));
        if let Some(i) = hit {
            on_point.run(i);
        }
    };
    let save = move |_| {
        let Some(element) = canvas.get() else { return };
        let Ok(url) = element.to_data_url() else {
            return;
        };
        let link = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("a").ok())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(link) = link {
            link.set_href(&url);
            link.set_download(&file);
            link.click();
        }
    };
    view! {
        <figure class="chart">
            <canvas node_ref=canvas data-testid="chart" aria-label=title.clone() role="img" class:clickable=on_point.is_some() on:click=click></canvas>
            <figcaption>
                <button class="link" data-testid="chart-png" on:click=save>"Download PNG"</button>
                " · "
                <button class="link" data-testid="chart-svg" on:click=save_svg>"Download SVG"</button>
            </figcaption>
        </figure>
    }
}
