//! Bringing files in: a file picker and a drop zone. Each file is read as bytes, turned into
//! text by the engine's readers (`input::text_of_file`), and either added or reported as an
//! error naming the file and the reason.

use crate::input::{text_of_file, MAX_INPUT_BYTES};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// What reading one file gave: its text, or a message for the user.
pub type Outcome = Result<(String, String), String>;

/// Reads one browser file into (name, text), or a message naming the file and the reason.
async fn read(file: web_sys::File) -> Outcome {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_INPUT_BYTES {
        return Err(format!(
            "{name}: the file is too large ({} MB); the limit is {} MB",
            size.div_ceil(1 << 20),
            MAX_INPUT_BYTES >> 20
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{name}: the browser could not read the file"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    text_of_file(&name, &bytes)
        .map(|text| (name.clone(), text))
        .map_err(|e| format!("{name}: {e}"))
}

/// The outcomes of some of the files chosen at once.
pub struct Batch {
    /// One per file, in the order chosen.
    pub outcomes: Vec<Outcome>,
    /// True for the first batch of a choice (its first document is the one to show).
    pub first: bool,
}

/// How many files are read before they are handed on: a folder of 500 reports is added in
/// a few changes to the page, and its first documents appear at once.
const BATCH: usize = 25;

/// Reads every file of a list, one after the other, reporting the outcomes in batches.
fn read_all(files: Vec<web_sys::File>, on_files: Callback<Batch>) {
    spawn_local(async move {
        let mut first = true;
        for chunk in files.chunks(BATCH) {
            let mut outcomes = Vec::with_capacity(chunk.len());
            for file in chunk {
                outcomes.push(read(file.clone()).await);
            }
            on_files.run(Batch { outcomes, first });
            first = false;
        }
    });
}

/// The files of a list, in order.
fn listed(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    files.map_or_else(Vec::new, |files| {
        (0..files.length()).filter_map(|i| files.get(i)).collect()
    })
}

/// A file picker and a drop zone for reports.
#[component]
pub fn FileDrop(
    /// Receives the files' outcomes.
    on_files: Callback<Batch>,
) -> impl IntoView {
    let (over, set_over) = signal(false);
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            read_all(listed(input.files()), on_files);
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        set_over.set(false);
        read_all(listed(ev.data_transfer().and_then(|d| d.files())), on_files);
    };
    view! {
        <div
            class="drop"
            class:over=over
            data-testid="drop-zone"
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                super::engine::warm();
                set_over.set(true);
            }
            on:dragleave=move |_| set_over.set(false)
            on:drop=on_drop
        >
            <label for="files">"Open files"</label>
            <input id="files" data-testid="file-input" type="file" multiple accept=".txt,.md,.csv,.tsv,.html,.htm,text/plain,text/html,text/csv" on:click=move |_| super::engine::warm() on:change=on_change />
            <span class="hint">"or drop .txt, .md, .csv or .html files here"</span>
        </div>
    }
}
