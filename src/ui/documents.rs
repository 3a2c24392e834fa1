//! The list of documents loaded in this session.

use super::{Loaded, Reading};
use crate::model::Document;
use leptos::prelude::*;
use std::sync::Arc;

/// What the list shows of a document (not its text: the list is rebuilt on every change).
#[derive(Clone)]
struct Row {
    key: u32,
    name: String,
    reading: bool,
    edits: usize,
    document: Option<Arc<Document>>,
}

impl Row {
    fn of(d: &Loaded) -> Row {
        Row {
            key: d.key,
            name: d.name.clone(),
            reading: d.reading == Reading::Started,
            edits: d.edits.len(),
            document: d.document(),
        }
    }
}

/// One button per document, to select it, and a remove button beside it.
#[component]
pub fn DocumentList(
    /// The loaded documents.
    documents: ReadSignal<Vec<Loaded>>,
    /// The share read of documents being read, by key.
    progress: ReadSignal<std::collections::HashMap<u32, f64>>,
    /// The key of the selected document.
    selected: ReadSignal<Option<u32>>,
    /// Called with a key to select it.
    on_select: Callback<u32>,
    /// Called with a key to remove it.
    on_remove: Callback<u32>,
) -> impl IntoView {
    view! {
        <nav class="documents" aria-label="Documents">
            <ul>
                <For each=move || documents.with(|docs| docs.iter().map(Row::of).collect::<Vec<_>>()) key=|d| (d.key, d.name.clone(), d.reading, d.edits, d.document.as_ref().map(|d| (d.meta.date.clone(), d.meta.authority.clone()))) let:doc>
                    {
                        let key = doc.key;
                        let meta = match doc.document {
                            Some(d) => {
                                let count = d.figures.iter().filter(|f| f.indicator.is_some()).count();
                                let date = d.meta.date.clone().unwrap_or_else(|| "undated".to_string());
                                match &d.meta.authority {
                                    Some(authority) => format!("{date} · {authority} · {count} indicator figures"),
                                    None => format!("{date} · {count} indicator figures"),
                                }
                            }
                            None => String::new(),
                        };
                        let reading = doc.reading;
                        let meta = move || match reading {
                            true => format!("reading… {:.0}%", progress.with(|p| p.get(&key).copied().unwrap_or(0.0)) * 100.0),
                            false => meta.clone(),
                        };
                        view! {
                            <li class:selected=move || selected.get() == Some(key)>
                                <button class="doc" data-testid="document" on:click=move |_| on_select.run(key)>
                                    <span class="name">{doc.name.clone()}</span>
                                    <span class="meta">{meta}</span>
                                </button>
                                <button class="remove" aria-label="Remove this document" on:click=move |_| on_remove.run(key)>"×"</button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </nav>
    }
}
