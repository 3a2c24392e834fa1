//! The browser app (Leptos, client-side rendered). The only code that touches leptos, web-sys
//! and the DOM; everything it shows comes from [`crate::extract`] and [`crate::export`].

mod charts;
mod correct;
mod documents;
mod download;
pub mod engine;
mod examples;
mod figures;
mod files;
mod input;
mod storage;
mod summary;
mod tables;
mod text_view;
mod timeline;

use crate::edit::{self, Edit};
use crate::model::{Document, Report};
use charts::Charts;
use correct::Correction;
use documents::DocumentList;
use figures::FiguresTable;
use files::FileDrop;
use input::PasteBox;
use leptos::prelude::*;
use summary::Summary;
use tables::Tables;
use text_view::TextView;
use timeline::Timeline;

/// A document added in this session, with a stable key for lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// Unique for the session.
    pub key: u32,
    /// Its name, which the user may change.
    pub name: String,
    /// Its text, kept to store it and read it again.
    pub text: String,
    /// The user's corrections.
    pub edits: Vec<Edit>,
    /// The document's date as the user gave it (replaces the detected one).
    pub date: Option<String>,
    /// The council as the user gave it (replaces the detected one).
    pub authority: Option<String>,
    /// Where the engine is with it.
    pub reading: Reading,
}

/// Where the engine is with a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// Being read (the share done is in the app's `progress` signal: it changes often, and
    /// a document with its text is too big to copy that often).
    Started,
    /// Read: what the engine found (before corrections).
    Done(Document),
}

impl Loaded {
    /// The document as corrected and named by the user, once read.
    pub fn document(&self) -> Option<Document> {
        let Reading::Done(found) = &self.reading else {
            return None;
        };
        let mut document = edit::apply(found, &self.edits);
        document.name = self.name.clone();
        if self.authority.is_some() {
            document.meta.authority = self.authority.clone();
        }
        Some(document)
    }
}

/// The whole app: bring reports in, see their figures, correct them, download them.
#[component]
pub fn App() -> impl IntoView {
    let (documents, set_documents) = signal(Vec::<Loaded>::new());
    let (selected, set_selected) = signal(None::<u32>);
    let (next_key, set_next_key) = signal(1u32);
    let (errors, set_errors) = signal(Vec::<String>::new());
    let (progress, set_progress) = signal(std::collections::HashMap::<u32, f64>::new());
    let update = move |key: u32, change: &dyn Fn(&mut Loaded)| {
        set_documents.update(|docs| docs.iter_mut().filter(|d| d.key == key).for_each(change));
    };
    // Reads (or reads again) document `key` in the engine's worker.
    let start_reading = Callback::new(
        move |(key, name, text, date): (u32, String, String, Option<String>)| {
            let listener = engine::Listener {
                progress: Callback::new(move |done| {
                    set_progress.update(|p| {
                        p.insert(key, done);
                    })
                }),
                done: Callback::new(move |read: Result<Document, String>| {
                    set_progress.update(|p| {
                        p.remove(&key);
                    });
                    match read {
                        Ok(document) => {
                            update(key, &|d| d.reading = Reading::Done(document.clone()))
                        }
                        Err(message) => {
                            set_documents.update(|docs| docs.retain(|d| d.key != key));
                            set_errors.update(|e| e.push(message));
                        }
                    }
                }),
            };
            engine::read(name, text, date, listener);
        },
    );
    let add = Callback::new(move |given: storage::Stored| {
        let key = next_key.get_untracked();
        set_next_key.set(key + 1);
        start_reading.run((
            key,
            given.name.clone(),
            given.text.clone(),
            given.date.clone(),
        ));
        set_documents.update(|docs| {
            docs.push(Loaded {
                key,
                name: given.name,
                text: given.text,
                edits: given.edits,
                date: given.date,
                authority: given.authority,
                reading: Reading::Started,
            })
        });
        set_selected.set(Some(key));
    });
    let add_new = Callback::new(move |(name, text): (String, String)| {
        add.run(storage::Stored {
            name,
            text,
            edits: Vec::new(),
            date: None,
            authority: None,
        })
    });
    match storage::load() {
        Ok(stored) => stored.into_iter().for_each(|s| add.run(s)),
        Err(message) => set_errors.update(|e| e.push(message)),
    }
    // Keep the documents and corrections across reloads: storage is the outside world, hence
    // an effect.
    Effect::new(move |_| {
        let stored = documents.with(|docs| {
            docs.iter()
                .map(|d| storage::Stored {
                    name: d.name.clone(),
                    text: d.text.clone(),
                    edits: d.edits.clone(),
                    date: d.date.clone(),
                    authority: d.authority.clone(),
                })
                .collect::<Vec<_>>()
        });
        if let Err(message) = storage::save(stored) {
            set_errors.update(|e| e.push(message));
        }
    });
    let on_file = Callback::new(move |outcome: files::Outcome| match outcome {
        Ok(document) => add_new.run(document),
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
    let loaded = Memo::new(move |_| {
        let key = selected.get()?;
        documents.with(|docs| docs.iter().find(|d| d.key == key).cloned())
    });
    let current = Memo::new(move |_| loaded.with(|l| l.as_ref().and_then(Loaded::document)));
    let reading = move || {
        let key = selected.get()?;
        progress.with(|p| p.get(&key).copied()).or_else(|| {
            let started = documents.with(|docs| {
                docs.iter()
                    .any(|d| d.key == key && d.reading == Reading::Started)
            });
            started.then_some(0.0)
        })
    };
    let current_text = Signal::derive(move || {
        loaded.with(|l| l.as_ref().map(|l| l.text.clone()).unwrap_or_default())
    });
    // A new date changes how "as at 13th January" resolves: the document is read again.
    let (meta_message, set_meta_message) = signal(None::<String>);
    let redate = move |typed: String| {
        let Some(key) = selected.get_untracked() else {
            return;
        };
        let date = match edit::parse_when(&typed) {
            Ok(date) if !typed.contains('/') => date,
            _ => {
                set_meta_message.set(Some(format!(
                    "\"{}\" is not a date: use 2017-01-26 (or leave it empty for the date found in the text)",
                    typed.trim()
                )));
                return;
            }
        };
        set_meta_message.set(None);
        let Some((name, text)) = documents.with_untracked(|docs| {
            docs.iter()
                .find(|d| d.key == key)
                .map(|d| (d.name.clone(), d.text.clone()))
        }) else {
            return;
        };
        // The figures read against the old date stay on screen until the new ones arrive
        // (with the progress bar meanwhile).
        update(key, &|d| d.date = date.clone());
        set_progress.update(|p| {
            p.insert(key, 0.0);
        });
        start_reading.run((key, name, text, date));
    };
    let reauthor = move |typed: String| {
        if let Some(key) = selected.get_untracked() {
            let typed = typed.trim().to_string();
            update(key, &|d| {
                d.authority = (!typed.is_empty()).then(|| typed.clone())
            });
        }
    };
    let rename = move |name: String| {
        if let Some(key) = selected.get_untracked() {
            update(key, &|d| d.name = name.clone());
        }
    };
    let on_edit = Callback::new(move |e: Edit| {
        if let Some(key) = selected.get_untracked() {
            update(key, &|d| edit::record(&mut d.edits, e.clone()));
        }
    });
    let (figure, set_figure) = signal(None::<String>);
    let select_figure = Callback::new(move |id: String| set_figure.set(Some(id)));
    let chosen_figure = Signal::derive(move || {
        let id = figure.get()?;
        current.with(|d| d.as_ref()?.figures.iter().find(|f| f.id == id).cloned())
    });
    let document = Signal::derive(move || current.get().unwrap_or_default());
    // Every read document as corrected, computed once per change: the exports and the
    // timeline share it.
    let read_documents = Memo::new(move |_| {
        documents.with(|docs| docs.iter().filter_map(Loaded::document).collect::<Vec<_>>())
    });
    let report = move || Report::new(read_documents.get());
    let on_source = Callback::new(move |(name, figure): (String, String)| {
        let key =
            documents.with_untracked(|docs| docs.iter().find(|d| d.name == name).map(|d| d.key));
        if let Some(key) = key {
            set_selected.set(Some(key));
            set_figure.set(Some(figure));
        }
    });
    view! {
        <header class="masthead">
            <h1>"Report Explorer"</h1>
            <p class="tagline">
                "Figures on children's social care, read from council reports. Everything runs in this page: nothing is sent anywhere."
            </p>
        </header>
        <main>
            <PasteBox on_add=add_new />
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
            <DocumentList documents=documents progress=progress selected=selected on_select=Callback::new(move |k| set_selected.set(Some(k))) on_remove=remove />
            {move || reading().map(|done| view! {
                <div class="reading" role="status" data-testid="reading">
                    <label for="reading-progress">{move || format!("Reading {}", loaded.with(|l| l.as_ref().map(|l| l.name.clone()).unwrap_or_default()))}</label>
                    <progress id="reading-progress" max="100" value=format!("{:.0}", done * 100.0)></progress>
                    <span>{format!("{:.0}%", done * 100.0)}</span>
                </div>
            })}
            <Show when=move || current.with(Option::is_some) fallback=move || view! { <Show when=move || documents.with(Vec::is_empty)><p class="empty">"Paste a report or try an example to see its figures."</p></Show> }>
                <section class="results" aria-label="Results">
                    <div class="row doc-name">
                        <label for="rename">"Document name"</label>
                        <input id="rename" data-testid="rename" type="text" prop:value=move || loaded.with(|l| l.as_ref().map(|l| l.name.clone()).unwrap_or_default()) on:change=move |ev| rename(event_target_value(&ev)) />
                        <label for="doc-date">"Date"</label>
                        <input id="doc-date" data-testid="doc-date" type="text" size="11" placeholder="YYYY-MM-DD" title="The report's own date: relative dates (\"as at 13th January\", \"currently\") are resolved against it" prop:value=move || current.with(|d| d.as_ref().and_then(|d| d.meta.date.clone()).unwrap_or_default()) on:change=move |ev| redate(event_target_value(&ev)) />
                        <label for="doc-authority">"Authority"</label>
                        <input id="doc-authority" data-testid="doc-authority" type="text" placeholder="not detected" prop:value=move || current.with(|d| d.as_ref().and_then(|d| d.meta.authority.clone()).unwrap_or_default()) on:change=move |ev| reauthor(event_target_value(&ev)) />
                    </div>
                    <p class="message" role="status" data-testid="meta-message">{move || meta_message.get()}</p>
                    <div class="downloads">
                        <button data-testid="download-csv" on:click=move |_| download::save("figures.csv", "text/csv;charset=utf-8", &crate::export::csv::to_csv(&report()))>
                            "Download CSV"
                        </button>
                        <button data-testid="download-json" on:click=move |_| download::save("figures.json", "application/json", crate::export::json::to_json(&report()).as_bytes())>
                            "Download JSON"
                        </button>
                        <button data-testid="download-xlsx" on:click=move |_| download::save("figures.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &crate::export::xlsx::to_xlsx(&report()))>
                            "Download Excel"
                        </button>
                        <span class="hint">"All documents, with your corrections."</span>
                    </div>
                    <Summary document=document />
                    <Correction figure=chosen_figure on_edit=on_edit />
                    <FiguresTable document=document selected=figure on_select=select_figure />
                    <Charts document=document />
                    <Tables tables=Signal::derive(move || current.with(|d| d.as_ref().map(|d| d.tables.clone()).unwrap_or_default())) />
                    <TextView
                        text=current_text
                        figures=Signal::derive(move || current.with(|d| d.as_ref().map(|d| d.figures.clone()).unwrap_or_default()))
                        selected=figure
                        on_select=select_figure
                    />
                </section>
            </Show>
            <Timeline documents=read_documents.into() on_source=on_source />
        </main>
    }
}
