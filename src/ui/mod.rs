//! The browser app (Leptos, client-side rendered). The only code that touches leptos, web-sys
//! and the DOM; everything it shows comes from [`crate::extract`] and [`crate::export`].

mod charts;
mod documents;
mod download;
mod examples;
mod figures;
mod files;
mod input;
mod storage;
mod summary;
mod tables;
mod text_view;

use crate::model::{Document, Report};
use crate::{extract, Options};
use charts::Charts;
use documents::DocumentList;
use figures::FiguresTable;
use files::FileDrop;
use input::PasteBox;
use leptos::prelude::*;
use summary::Summary;
use tables::Tables;
use text_view::TextView;

/// A document added in this session, with a stable key for lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// Unique for the session.
    pub key: u32,
    /// Its text, kept to store it and read it again.
    pub text: String,
    /// What the engine read from it.
    pub document: Document,
}

/// The whole app: bring reports in, see their figures, download them.
#[component]
pub fn App() -> impl IntoView {
    let (documents, set_documents) = signal(Vec::<Loaded>::new());
    let (selected, set_selected) = signal(None::<u32>);
    let (next_key, set_next_key) = signal(1u32);
    let (errors, set_errors) = signal(Vec::<String>::new());
    let add = Callback::new(move |(name, text): (String, String)| {
        let key = next_key.get_untracked();
        set_next_key.set(key + 1);
        let document = extract(&name, &text, &Options::default());
        set_documents.update(|docs| {
            docs.push(Loaded {
                key,
                text,
                document,
            })
        });
        set_selected.set(Some(key));
    });
    match storage::load() {
        Ok(stored) => stored.into_iter().for_each(|s| add.run((s.name, s.text))),
        Err(message) => set_errors.update(|e| e.push(message)),
    }
    // Keep the documents across reloads: storage is the outside world, hence an effect.
    Effect::new(move |_| {
        let stored = documents.with(|docs| {
            docs.iter()
                .map(|d| storage::Stored {
                    name: d.document.name.clone(),
                    text: d.text.clone(),
                })
                .collect::<Vec<_>>()
        });
        if let Err(message) = storage::save(stored) {
            set_errors.update(|e| e.push(message));
        }
    });
    let on_file = Callback::new(move |outcome: files::Outcome| match outcome {
        Ok(document) => add.run(document),
        Err(message) => set_errors.update(|e| e.push(message)),
    });
    let clear_all = move |_| {
        storage::clear();
        set_documents.set(Vec::new());
        set_selected.set(None);
        set_errors.set(Vec::new());
    };
    let remove = Callback::new(move |key: u32| {
        set_documents.update(|docs| docs.retain(|d| d.key != key));
        if selected.get_untracked() == Some(key) {
            set_selected.set(documents.with_untracked(|docs| docs.last().map(|d| d.key)));
        }
    });
    let current = Memo::new(move |_| {
        let key = selected.get()?;
        documents.with(|docs| {
            docs.iter()
                .find(|d| d.key == key)
                .map(|d| d.document.clone())
        })
    });
    let current_text = Signal::derive(move || {
        let key = selected.get();
        documents.with(|docs| {
            docs.iter()
                .find(|d| Some(d.key) == key)
                .map(|d| d.text.clone())
                .unwrap_or_default()
        })
    });
    let (figure, set_figure) = signal(None::<String>);
    let select_figure = Callback::new(move |id: String| set_figure.set(Some(id)));
    let report = move || {
        Report::new(documents.with(|docs| docs.iter().map(|d| d.document.clone()).collect()))
    };
    view! {
        <header class="masthead">
            <h1>"Report Explorer"</h1>
            <p class="tagline">
                "Figures on children's social care, read from council reports. Everything runs in this page: nothing is sent anywhere."
            </p>
        </header>
        <main>
            <PasteBox on_add=add />
            <FileDrop on_file=on_file />
            <ul class="errors" role="alert" data-testid="errors">
                <For each=move || errors.get().into_iter().enumerate() key=|(i, _)| *i let:item>
                    <li>{item.1}</li>
                </For>
            </ul>
            <div class="row">
                <button data-testid="clear-all" on:click=clear_all title="Removes every document from this page and from the browser's storage">
                    "Remove all documents and stored data"
                </button>
            </div>
            <DocumentList documents=documents selected=selected on_select=Callback::new(move |k| set_selected.set(Some(k))) on_remove=remove />
            <Show when=move || current.get().is_some() fallback=|| view! { <p class="empty">"Paste a report or try an example to see its figures."</p> }>
                <section class="results" aria-label="Results">
                    <div class="downloads">
                        <button data-testid="download-csv" on:click=move |_| download::save("figures.csv", "text/csv;charset=utf-8", &crate::export::csv::to_csv(&report()))>
                            "Download CSV"
                        </button>
                        <button data-testid="download-json" on:click=move |_| download::save("figures.json", "application/json", crate::export::json::to_json(&report()).as_bytes())>
                            "Download JSON"
                        </button>
                    </div>
                    <Summary document=Signal::derive(move || current.get().unwrap_or_default()) />
                    <FiguresTable document=Signal::derive(move || current.get().unwrap_or_default()) selected=figure on_select=select_figure />
                    <Charts document=Signal::derive(move || current.get().unwrap_or_default()) />
                    <Tables tables=Signal::derive(move || current.get().map(|d| d.tables).unwrap_or_default()) />
                    <TextView
                        text=current_text
                        figures=Signal::derive(move || current.get().map(|d| d.figures).unwrap_or_default())
                        selected=figure
                        on_select=select_figure
                    />
                </section>
            </Show>
        </main>
    }
}
