//! Bringing files in: a file picker, a folder picker and a drop zone (files or folders). Each
//! file is read as bytes, turned into text by the engine's readers (`input::text_of_file`),
//! and either added or reported as an error naming the file and the reason. In a folder, files
//! of other kinds (PDFs, images ...) are skipped and listed in one message.

use crate::input::{text_of_plain_file, Format, MAX_INPUT_BYTES};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// What reading one file gave: its text, or a message for the user.
pub type Outcome = Result<(String, String), String>;

/// Reads one browser file into (name, text), or a message naming the file and the reason;
/// `status` says how far a long one is ("pack.pdf: page 3 of 40").
async fn read(file: web_sys::File, status: RwSignal<Option<String>>) -> Outcome {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_INPUT_BYTES {
        return Err(format!(
            "{name}: the file is too large ({} MB); the limit is {} MB",
            size.div_ceil(1 << 20),
            MAX_INPUT_BYTES >> 20
        ));
    }
    let format = Format::of(&name).map_err(|e| format!("{name}: {e}"))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{name}: the browser could not read the file"))?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    if format.is_packaged() {
        // Word and PDF readers run in a worker of their own (its messages name the file).
        let shown = name.clone();
        let said = move |_, said: Option<String>| {
            status.set(said.map(|said| format!("Reading {shown}: {said}")));
        };
        let text = super::reader::read(name.clone(), bytes, said).await;
        status.set(None);
        return text.map(|text| (name, text));
    }
    text_of_plain_file(format, &bytes.to_vec())
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
fn read_all(
    files: Vec<web_sys::File>,
    on_files: Callback<Batch>,
    status: RwSignal<Option<String>>,
) {
    spawn_local(async move {
        let mut first = true;
        for chunk in files.chunks(BATCH) {
            let mut outcomes = Vec::with_capacity(chunk.len());
            for file in chunk {
                outcomes.push(read(file.clone(), status).await);
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

/// The kinds of file read from a folder.
const READABLE: [&str; 9] = [
    "txt", "md", "csv", "tsv", "html", "htm", "xhtml", "docx", "pdf",
];

fn readable(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, e)| READABLE.contains(&e.to_ascii_lowercase().as_str()))
}

/// The files of a folder that can be read (sorted by path), and a message listing the others.
fn from_folder(
    folder: &str,
    mut files: Vec<(String, web_sys::File)>,
) -> (Vec<web_sys::File>, Option<String>) {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let (read, skipped): (Vec<_>, Vec<_>) = files.into_iter().partition(|(path, _)| readable(path));
    let message = (!skipped.is_empty()).then(|| {
        let names: Vec<&str> = skipped.iter().take(5).map(|(p, _)| p.as_str()).collect();
        let more = skipped.len().saturating_sub(names.len());
        format!(
            "{folder}: {} file{} skipped (only .txt, .md, .csv, .html, .docx and .pdf files are read): {}{}",
            skipped.len(),
            if skipped.len() == 1 { "" } else { "s" },
            names.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        )
    });
    (read.into_iter().map(|(_, f)| f).collect(), message)
}

/// A file's path inside the folder chosen (`webkitRelativePath`), or its name.
fn relative_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// Waits for a browser API that answers through two callbacks (success, error).
async fn called_back(start: impl FnOnce(&js_sys::Function, &js_sys::Function)) -> Option<JsValue> {
    let mut start = Some(start);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(start) = start.take() {
            start(&resolve, &reject);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// Every file under the dropped entries, with its path; folders are walked to the bottom.
async fn walk(mut stack: Vec<web_sys::FileSystemEntry>) -> Vec<(String, web_sys::File)> {
    let mut files = Vec::new();
    while let Some(entry) = stack.pop() {
        if entry.is_directory() {
            let reader = entry
                .unchecked_into::<web_sys::FileSystemDirectoryEntry>()
                .create_reader();
            // A reader gives its entries a batch at a time, then an empty batch.
            while let Some(batch) = called_back(|ok, err| {
                let _ = reader.read_entries_with_callback_and_callback(ok, err);
            })
            .await
            {
                let batch: js_sys::Array = batch.unchecked_into();
                if batch.length() == 0 {
                    break;
                }
                stack.extend(
                    batch
                        .iter()
                        .map(|e| e.unchecked_into::<web_sys::FileSystemEntry>()),
                );
            }
        } else if entry.is_file() {
            let path = entry.full_path().trim_start_matches('/').to_string();
            let file_entry: web_sys::FileSystemFileEntry = entry.unchecked_into();
            if let Some(file) =
                called_back(|ok, err| file_entry.file_with_callback_and_callback(ok, err)).await
            {
                files.push((path, file.unchecked_into()));
            }
        }
    }
    files
}

/// What was dropped: plain files are read as they are (each error named); the files of dropped
/// folders are read if they are of a readable kind, the others listed in one message.
fn dropped(
    transfer: web_sys::DataTransfer,
    on_files: Callback<Batch>,
    status: RwSignal<Option<String>>,
) {
    // The entries must be taken while the drop event lasts.
    let items = transfer.items();
    let entries: Vec<web_sys::FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if !entries.iter().any(|e| e.is_directory()) {
        return read_all(listed(transfer.files()), on_files, status);
    }
    spawn_local(async move {
        let mut files = Vec::new();
        let mut messages = Vec::new();
        for entry in entries {
            if entry.is_directory() {
                let (read, skipped) = from_folder(&entry.name(), walk(vec![entry]).await);
                files.extend(read);
                messages.extend(skipped);
            } else {
                files.extend(walk(vec![entry]).await.into_iter().map(|(_, f)| f));
            }
        }
        if !messages.is_empty() {
            on_files.run(Batch {
                outcomes: messages.into_iter().map(Err).collect(),
                first: false,
            });
        }
        read_all(files, on_files, status);
    });
}

/// A file picker and a drop zone for reports.
#[component]
pub fn FileDrop(
    /// Receives the files' outcomes.
    on_files: Callback<Batch>,
) -> impl IntoView {
    let (over, set_over) = signal(false);
    // What a long file being read is at (a PDF's pages).
    let status = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            read_all(listed(input.files()), on_files, status);
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        set_over.set(false);
        if let Some(transfer) = ev.data_transfer() {
            dropped(transfer, on_files, status);
        }
    };
    let on_folder = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            let files: Vec<(String, web_sys::File)> = listed(input.files())
                .into_iter()
                .map(|f| (relative_path(&f), f))
                .collect();
            let folder = files
                .first()
                .and_then(|(p, _)| p.split('/').next())
                .unwrap_or("folder")
                .to_string();
            let (read, skipped) = from_folder(&folder, files);
            if let Some(message) = skipped {
                on_files.run(Batch {
                    outcomes: vec![Err(message)],
                    first: false,
                });
            }
            read_all(read, on_files, status);
            input.set_value("");
        }
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
            <input id="files" data-testid="file-input" type="file" multiple accept=".txt,.md,.csv,.tsv,.html,.htm,.docx,.pdf,text/plain,text/html,text/csv,application/pdf" on:click=move |_| super::engine::warm() on:change=on_change />
            <label for="folder">"Open a folder"</label>
            <input id="folder" data-testid="folder-input" type="file" prop:webkitdirectory=true multiple on:click=move |_| super::engine::warm() on:change=on_folder />
            <span class="hint">"or drop .txt, .md, .csv, .html, .docx or .pdf files, or folders of them, here"</span>
            <p class="status" role="status" data-testid="file-status">{move || status.get()}</p>
        </div>
    }
}
