//! The document's text with every figure highlighted, coloured by indicator group. Hovering a
//! highlight shows its indicator, date and rule; a figure selected in the table is scrolled
//! to and flashed. The text is always rendered as text nodes, never as markup.

use super::steps::Steps;
use crate::extract::vocab::{self, Measure};
use crate::model::Figure;
use leptos::prelude::*;
use std::ops::Range;
use wasm_bindgen::JsCast;

/// A run of the text: plain, or one figure's number.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Text between figures.
    Plain(String),
    /// The start of a page (its number).
    PageBreak(u32),
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

/// Pushes plain text, cut at its page breaks; `page` is the page it starts on, and is left at
/// the page it ends on.
fn push_plain(out: &mut Vec<Piece>, plain: &str, page: &mut u32) {
    for (i, part) in plain.split('\u{c}').enumerate() {
        if i > 0 {
            *page += 1;
            out.push(Piece::PageBreak(*page));
        }
        if !part.is_empty() {
            out.push(Piece::Plain(part.to_string()));
        }
    }
}

/// The pieces of `range` of the text; `sorted` are the figures sorted by start; `page` is the
/// page the range starts on.
fn pieces_in(text: &str, range: Range<usize>, sorted: &[&Figure], page: &mut u32) -> Vec<Piece> {
    let first = sorted.partition_point(|f| f.span[0] < range.start);
    let mut out = Vec::new();
    let mut at = range.start;
    for f in &sorted[first..] {
        let [start, end] = f.span;
        if start >= range.end {
            break;
        }
        if start < at
            || end > range.end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        if start > at {
            push_plain(&mut out, &text[at..start], page);
        }
        out.push(Piece::Figure {
            id: f.id.clone(),
            text: text[start..end].to_string(),
            class: group(f),
            title: tooltip(f),
        });
        at = end;
    }
    if at < range.end {
        push_plain(&mut out, &text[at..range.end], page);
    }
    out
}

/// About how many bytes of text one block holds: blocks end at a paragraph break after that.
const BLOCK_BYTES: usize = 4096;

/// Where a block that has reached `at` ends: after the next paragraph break, or, in a text
/// without one nearby (a whole report on one line), after a line break or a space, or at a
/// character boundary: no block is much longer than [`BLOCK_BYTES`].
fn block_end(text: &str, at: usize) -> usize {
    let reach = &text[at..];
    let window = &reach[..crate::extract::text::head(reach, 4 * BLOCK_BYTES).len()];
    if let Some(i) = window.find("\n\n") {
        return at + i + 2;
    }
    if window.len() == reach.len() {
        return text.len();
    }
    match window.rfind(['\n', ' ']) {
        Some(i) => at + i + 1,
        None => at + window.len(),
    }
}

/// The text in blocks of whole paragraphs, each cut into pieces. The browser lays out only the
/// blocks on screen (`content-visibility`), which keeps a long report quick to show.
pub fn blocks(text: &str, figures: &[Figure]) -> Vec<Vec<Piece>> {
    let mut sorted: Vec<&Figure> = figures.iter().collect();
    sorted.sort_by_key(|f| f.span[0]);
    let mut out = Vec::new();
    let mut start = 0;
    let mut page = 1;
    while start < text.len() {
        let mut end = (start + BLOCK_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let end = block_end(text, end);
        out.push(pieces_in(text, start..end, &sorted, &mut page));
        start = end;
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

/// Indicator, date and rule; the page too, in a document of pages.
fn tooltip(f: &Figure) -> String {
    let page = f.page.map(|p| format!("page {p} · ")).unwrap_or_default();
    format!(
        "{page}{} · {} · {}",
        f.indicator.as_deref().unwrap_or("no indicator"),
        f.when.as_deref().unwrap_or("date not stated"),
        f.rule
    )
}

/// Scrolls the text box (not the page: the user stays at the table they clicked) so that a
/// highlight sits in its middle.
fn centre_in_text(element: &web_sys::Element) {
    let Some(mark) = element.dyn_ref::<web_sys::HtmlElement>() else {
        return;
    };
    let Some(container) = element
        .closest(".document-text")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // The container is positioned, so it is the mark's offset parent.
    let target = mark.offset_top() - container.client_height() / 2;
    container.set_scroll_top(target.max(0));
}

/// How many blocks are drawn with the figures: about the first screens of text. The rest follow
/// [`MORE_BLOCKS`] at a time, a task each, so a long report's figures are on screen at once and
/// the page never stops for the whole text (a 1 MB report is about 250 blocks).
const FIRST_BLOCKS: usize = 8;
/// How many more blocks each later task draws.
const MORE_BLOCKS: usize = 24;

/// One block of the text as elements: its plain runs as text nodes, never as markup.
fn block_view(block: Vec<Piece>) -> impl IntoView {
    let pieces = block
        .into_iter()
        .map(|piece| match piece {
            Piece::Plain(s) => s.into_any(),
            Piece::PageBreak(page) => view! {
                <span class="page-break" role="separator" data-testid="page-break">
                    {format!("page {page}")}
                </span>
            }
            .into_any(),
            Piece::Figure {
                id,
                text,
                class,
                title,
            } => view! {
                <mark id=format!("fig-{id}") class=class title=title data-figure=id>
                    {text}
                </mark>
            }
            .into_any(),
        })
        .collect_view();
    view! { <div class="block">{pieces}</div> }
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
    // The text's blocks, and how many of them are drawn so far: a new document (or a
    // correction) starts drawing again from the top.
    let blocks =
        Memo::new(move |_| std::sync::Arc::new(text.with(|t| figures.with(|f| blocks(t, f)))));
    let steps = Steps::new(FIRST_BLOCKS, MORE_BLOCKS);
    Effect::new(move |_| steps.start(blocks.with(|b| b.len())));
    // Scrolling and flashing are the outside world: an effect, on the one element concerned
    // (not a reactive class on every highlight of a long report).
    let flasher = Flasher {
        selected,
        blocks,
        steps,
        flashed: StoredValue::new(None),
    };
    Effect::new(move |_| {
        let id = selected.get();
        if let Some(previous) = flasher.flashed.get_value() {
            let _ = previous.class_list().remove_1("flash");
        }
        flasher.flashed.set_value(None);
        // A task later: the click that selected the figure may have selected its document too,
        // whose text is drawn in the meantime (the old one may have a figure of the same id).
        if let Some(id) = id {
            set_timeout(
                move || flasher.show(id, FLASH_TRIES),
                std::time::Duration::ZERO,
            );
        }
    });
    // One click handler for every highlight.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let figure = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("mark[data-figure]").ok().flatten())
            .and_then(|m| m.get_attribute("data-figure"));
        if let Some(id) = figure {
            on_select.run(id);
        }
    };
    view! {
        <section class="text-view" aria-label="Document text" data-testid="text-view">
            <h2>"Text"</h2>
            <div class="legend">
                <span class="mark-stock">"counts at a date"</span>
                <span class="mark-flow">"counts over a period"</span>
                <span class="mark-percent">"percentages"</span>
                <span class="mark-other">"other quantities"</span>
            </div>
            <div class="document-text" on:click=on_click>
                <For
                    each=move || {
                        let (v, n) = steps.get();
                        (0..n).map(move |i| (v, i))
                    }
                    key=|key| *key
                    children=move |(_, i)| {
                        blocks.with_untracked(|b| b.get(i).cloned()).map(block_view)
                    }
                />
            </div>
        </section>
    }
}

/// How many tasks a selected figure waits for its block to be drawn: its document may be
/// selected in the same click, and its text drawn a task later.
const FLASH_TRIES: u32 = 4;

/// What flashing the selected figure's highlight needs: the text's blocks and how many are
/// drawn, and the highlight flashed last.
#[derive(Clone, Copy)]
struct Flasher {
    selected: ReadSignal<Option<String>>,
    blocks: Memo<std::sync::Arc<Vec<Vec<Piece>>>>,
    steps: Steps,
    flashed: StoredValue<Option<web_sys::Element>>,
}

impl Flasher {
    /// Flashes figure `id` and scrolls the text to it. If its block is not drawn yet, draws the
    /// whole text and tries again a task later, up to `tries` times, while it is still the
    /// selected figure.
    fn show(self, id: String, tries: u32) {
        if self.selected.try_get_untracked().flatten().as_deref() != Some(id.as_str()) {
            return;
        }
        let highlight = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("fig-{id}")));
        if let Some(element) = highlight {
            let _ = element.class_list().add_1("flash");
            centre_in_text(&element);
            // Blocks laid out by that scroll may change size: centre again once they have.
            let again = element.clone();
            set_timeout(
                move || centre_in_text(&again),
                std::time::Duration::from_millis(60),
            );
            self.flashed.set_value(Some(element));
            return;
        }
        let Some(total) = self.blocks.try_with_untracked(|b| b.len()) else {
            return;
        };
        if tries > 0 {
            self.steps.all(total);
            set_timeout(move || self.show(id, tries - 1), std::time::Duration::ZERO);
        }
    }
}
