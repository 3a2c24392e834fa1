//! The list of documents loaded in this session.

use super::{Loaded, Reading};
use leptos::prelude::*;

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
                <For each=move || documents.get() key=|d| (d.key, d.name.clone(), d.reading == Reading::Started, d.edits.len()) let:doc>
                    {
                        let key = doc.key;
                        let meta = match doc.document() {
                            Some(d) => {
                                let count = d.figures.iter().filter(|f| f.indicator.is_some()).count();
                                let date = d.meta.date.unwrap_or_else(|| "undated".to_string());
                                format!("{date} · {count} indicator figures")
                            }
                            None => String::new(),
                        };
                        let reading = doc.reading == Reading::Started;
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
