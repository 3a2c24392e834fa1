//! The browser app (Leptos, client-side rendered). The only code that touches leptos, web-sys
//! and the DOM; everything it shows comes from [`crate::extract`] and [`crate::export`].

mod app_files;
mod charts;
mod compare;
mod correct;
mod documents;
mod download;
pub mod engine;
mod examples;
mod figures;
mod files;
mod input;
pub mod offline;
pub mod reader;
mod steps;
mod storage;
mod summary;
mod tables;
mod text_view;
mod timeline;
mod worker;

use crate::edit::{self, Edit};
use crate::model::{Document, Report};
use charts::Charts;
use compare::Compare;
use correct::Correction;
use documents::DocumentList;
use figures::FiguresTable;
use files::FileDrop;
use input::PasteBox;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
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
    /// The document as found, corrected and named ([`Loaded::refresh`] keeps it current):
    /// computed once per change, shared by every view and export without copying.
    corrected: Option<Arc<Document>>,
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
    pub fn document(&self) -> Option<Arc<Document>> {
        self.corrected.clone()
    }

    /// Computes the corrected document again after a change to what it is made of.
    fn refresh(&mut self) {
        self.corrected = match &self.reading {
            Reading::Started => None,
            Reading::Done(found) => {
                let mut document = edit::apply(found, &self.edits);
                document.name = self.name.clone();
                if self.authority.is_some() {
                    document.meta.authority = self.authority.clone();
                }
                Some(Arc::new(document))
            }
        };
    }
}

/// The shortest wait between updates of the views over every document (the timeline and the
/// comparison) while documents are read.
const SETTLE: Duration = Duration::from_millis(400);

/// How long storage waits for changes to pause. Saving writes only the documents that changed,
/// so it need not wait long: the shorter the wait, the less a reload right after a change
/// depends on the save made as the page is left.
const STORE_SETTLE: Duration = Duration::from_millis(100);

/// The wait between updates of the views over every document, given how many there are: their
/// cost grows with the set (about 1 ms a document), so a large set is recomputed less often
/// while it is being read and the page stays responsive.
fn across_interval(documents: usize) -> Duration {
    SETTLE + Duration::from_millis(4 * documents as u64)
}

/// `source` once it has not changed for [`STORE_SETTLE`]: what is stored is written once a
/// burst of changes (a folder of reports being added) pauses, not once per change.
fn quiet<T: Clone + PartialEq + Send + Sync + 'static>(source: Memo<T>) -> ReadSignal<T> {
    let (out, set_out) = signal(source.get_untracked());
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        source.track();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                // Only a real change goes on: what was just loaded is not written back.
                if let Some(value) = source.try_get_untracked() {
                    if out.try_with_untracked(|o| *o != value) == Some(true) {
                        set_out.set(value);
                    }
                }
            },
            STORE_SETTLE,
        );
    });
    out
}

/// `source`, updated at most once per `every()`: its latest value is always shown in the end,
/// but a burst of changes (500 documents being read one by one) recomputes what depends on it a
/// few times rather than once per change.
fn settled<T: Clone + Send + Sync + 'static>(
    source: Memo<T>,
    every: impl Fn() -> Duration + Send + Sync + 'static,
) -> ReadSignal<T> {
    let (out, set_out) = signal(source.get_untracked());
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        source.track();
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        set_timeout(
            move || {
                pending.set_value(false);
                if let Some(value) = source.try_get_untracked() {
                    set_out.set(value);
                }
            },
            every(),
        );
    });
    out
}

/// The whole app: bring reports in, see their figures, correct them, download them.
#[component]
pub fn App() -> impl IntoView {
    let (documents, set_documents) = signal(Vec::<Loaded>::new());
    let (selected, set_selected) = signal(None::<u32>);
    let (next_key, set_next_key) = signal(1u32);
    let (errors, set_errors) = signal(Vec::<String>::new());
    let (progress, set_progress) = signal(std::collections::HashMap::<u32, f64>::new());
    // Every change to a document goes through here, so that its corrected form stays current.
    let update = move |key: u32, change: &dyn Fn(&mut Loaded)| {
        set_documents.update(|docs| {
            for d in docs.iter_mut().filter(|d| d.key == key) {
                change(d);
                d.refresh();
            }
        });
    };
    // Messages are shown once each: a storage that stays full says so once.
    let report_error = move |message: String| {
        set_errors.update(|e| {
            if !e.contains(&message) {
                e.push(message)
            }
        })
    };
    // Reads (or reads again) document `key` in the engine's worker.
    let start_reading = Callback::new(
        move |(key, name, text, date): (u32, String, String, Option<String>)| {
            let progress = move |done| {
                set_progress.update(|p| {
                    p.insert(key, done);
                })
            };
            let done = move |read: Result<Document, String>| {
                set_progress.update(|p| {
                    p.remove(&key);
                });
                match read {
                    Ok(document) => update(key, &|d| d.reading = Reading::Done(document.clone())),
                    Err(message) => {
                        set_documents.update(|docs| docs.retain(|d| d.key != key));
                        report_error(message);
                    }
                }
            };
            engine::read(name, text, date, progress, done);
        },
    );
    // Adds documents in one change (a folder of reports is one update of the list, not one per
    // file) and selects the one at `select`, if any: adding a batch must not show each
    // document in turn.
    let add = Callback::new(
        move |(given, select): (Vec<storage::Stored>, Option<usize>)| {
            // Stored documents keep their keys (storage is by key), unless one was taken
            // meanwhile: a document pasted while storage was still being read.
            let taken: std::collections::HashSet<u32> =
                documents.with_untracked(|docs| docs.iter().map(|d| d.key).collect());
            let mut next = next_key.get_untracked();
            for key in given.iter().filter_map(|g| g.key) {
                next = next.max(key.saturating_add(1));
            }
            let loaded: Vec<Loaded> = given
                .into_iter()
                .map(|given| {
                    let key = given.key.filter(|k| !taken.contains(k)).unwrap_or_else(|| {
                        next += 1;
                        next - 1
                    });
                    Loaded {
                        key,
                        name: given.name,
                        text: given.text,
                        edits: given.edits,
                        date: given.date,
                        authority: given.authority,
                        reading: Reading::Started,
                        corrected: None,
                    }
                })
                .collect();
            for d in &loaded {
                start_reading.run((d.key, d.name.clone(), d.text.clone(), d.date.clone()));
            }
            set_next_key.set(next);
            let chosen = select.and_then(|i| loaded.get(i)).map(|d| d.key);
            set_documents.update(|docs| docs.extend(loaded));
            if chosen.is_some() {
                set_selected.set(chosen);
            }
        },
    );
    let new_document = |(name, text): (String, String)| storage::Stored {
        key: None,
        name,
        text,
        edits: Vec::new(),
        date: None,
        authority: None,
    };
    let add_new =
        Callback::new(move |named: (String, String)| add.run((vec![new_document(named)], Some(0))));
    leptos::task::spawn_local(async move {
        let (stored, problem) = storage::load().await;
        if let Some(message) = problem {
            report_error(message);
        }
        if !stored.is_empty() {
            let last = stored.len() - 1;
            add.run((stored, Some(last)));
        }
    });
    // Keep the documents and corrections across reloads: storage is the outside world, hence
    // an effect. It runs when what is stored changes (not when a document is read), once the
    // changes settle: storing is a copy of every text.
    let stored_parts = Memo::new(move |_| {
        documents.with(|docs| {
            docs.iter()
                .map(|d| {
                    let parts = (d.name.clone(), d.edits.clone(), d.date.clone());
                    (d.key, parts, d.authority.clone())
                })
                .collect::<Vec<_>>()
        })
    });
    let save_now = move || {
        let saved = documents.with_untracked(|docs| {
            let stored: Vec<storage::StoredRef<'_>> = docs
                .iter()
                .map(|d| storage::StoredRef {
                    key: d.key,
                    name: &d.name,
                    text: &d.text,
                    edits: &d.edits,
                    date: d.date.as_deref(),
                    authority: d.authority.as_deref(),
                })
                .collect();
            storage::save(&stored)
        });
        leptos::task::spawn_local(async move {
            if let Err(message) = saved.await {
                report_error(message);
            }
        });
    };
    let to_store = quiet(stored_parts);
    Effect::new(move |first: Option<()>| {
        to_store.track();
        if first.is_some() {
            save_now();
        }
    });
    // A change made just before the page is left is stored at once, not lost with the timer.
    let leaving = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if to_store.try_get_untracked() != stored_parts.try_get_untracked() {
            save_now();
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback(
            "pagehide",
            wasm_bindgen::JsCast::unchecked_ref(leaving.as_ref()),
        );
    }
    leaving.forget();
    let on_files = Callback::new(move |batch: files::Batch| {
        let mut read = Vec::new();
        for outcome in batch.outcomes {
            match outcome {
                Ok(named) => read.push(new_document(named)),
                Err(message) => report_error(message),
            }
        }
        if !read.is_empty() {
            add.run((read, batch.first.then_some(0)));
        }
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
    // Shared, not copied: every part of the results reads the same document.
    let document = Signal::derive(move || current.get().unwrap_or_default());
    // Every read document as corrected: the exports and the timeline share it. The documents
    // are shared, not copied, and compared by identity (each changes as a whole).
    let read_documents = Memo::new_with_compare(
        move |_| {
            documents.with(|docs| docs.iter().filter_map(Loaded::document).collect::<Vec<_>>())
        },
        |old, new| match (old, new) {
            (Some(old), Some(new)) => {
                old.len() != new.len() || old.iter().zip(new).any(|(a, b)| !Arc::ptr_eq(a, b))
            }
            _ => true,
        },
    );
    let report = move || {
        Report::new(read_documents.with(|d| d.iter().map(|d| Document::clone(d)).collect()))
    };
    // The series merged across documents, shared by the timeline and the comparison; while
    // many documents are being read it is recomputed a few times a second, not once each.
    let across = settled(read_documents, move || {
        across_interval(documents.with_untracked(Vec::len))
    });
    let points = Memo::new(move |_| across.with(|d| crate::timeline::merge(d)));
    let read_count = Signal::derive(move || across.with(Vec::len));
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
            <FileDrop on_files=on_files />
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
            {move || {
                let (waiting, total) = documents.with(|docs| {
                    (docs.iter().filter(|d| d.reading == Reading::Started).count(), docs.len())
                });
                (waiting > 1).then(|| view! {
                    <div class="reading" role="status" data-testid="reading-all">
                        <label for="reading-all">{format!("Reading documents: {} of {total} read", total - waiting)}</label>
                        <progress id="reading-all" max=total.to_string() value=(total - waiting).to_string()></progress>
                    </div>
                })
            }}
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
            <Timeline points=points.into() count=read_count on_source=on_source />
            <Compare points=points.into() count=read_count on_source=on_source />
        </main>
        <PracticeResults />
    }
}

/// A sample document and its text, drawn for a moment out of sight by [`PracticeResults`].
#[derive(Clone)]
struct Sample {
    document: Arc<Document>,
    text: Arc<str>,
}

thread_local! {
    /// The sample document [`PracticeResults`] draws, while it draws it.
    static SAMPLE: RwSignal<Option<Sample>, LocalStorage> = RwSignal::new_local(None);
}

/// Draws the results of a sample document for a moment, out of sight: the browser compiles and
/// optimises the page's code by use, and a first report's results are otherwise drawn with code
/// that has never run (called when the engine's worker sends its sample answer, see
/// [`engine`]). They are laid out, off the screen, hidden, inert and hidden from assistive
/// technology, for layout learns by use too.
fn practise_views(sample: Document, text: String) {
    SAMPLE.with(|s| {
        s.set(Some(Sample {
            document: Arc::new(sample),
            text: text.into(),
        }))
    });
    // They stay a moment: their effects (the charts are drawn in one) and a layout run meanwhile.
    set_timeout(end_practice, Duration::from_millis(200));
}

/// Takes the practice results away, if they are drawn (called too before any real answer is
/// shown, so that the two are never in the page together).
fn end_practice() {
    SAMPLE.with(|s| {
        if s.with_untracked(Option::is_some) {
            s.set(None);
        }
    });
}

/// The results of the sample document of [`practise_views`], while it is drawn.
#[component]
fn PracticeResults() -> impl IntoView {
    let sample = SAMPLE.with(|s| *s);
    move || {
        sample.get().map(|Sample { document, text }| {
            let document = Signal::derive(move || document.clone());
            let (selected, _) = signal(None::<String>);
            let on_select = Callback::new(|_: String| {});
            view! {
                <div class="practice" aria-hidden="true" inert>
                    <Summary document=document />
                    <FiguresTable document=document selected=selected on_select=on_select />
                    <Charts document=document />
                    <Tables tables=Signal::derive(move || document.with(|d| d.tables.clone())) />
                    <TextView
                        text=Signal::derive(move || text.to_string())
                        figures=Signal::derive(move || document.with(|d| d.figures.clone()))
                        selected=selected
                        on_select=on_select
                    />
                </div>
            }
        })
    }
}
