//! Bringing reports in: a paste area with a name, and the bundled examples.

use super::examples::EXAMPLES;
use leptos::prelude::*;

/// The paste area. Calls `on_add` with (name, text) when the user extracts.
#[component]
pub fn PasteBox(
    /// Receives the document's name and text.
    on_add: Callback<(String, String)>,
) -> impl IntoView {
    // The text stays in the text area until the user extracts: a pasted report is megabytes,
    // and copying it into the app on every keystroke (and back into the area) would make
    // typing and pasting slow.
    let area = NodeRef::<leptos::html::Textarea>::new();
    let (name, set_name) = signal(String::new());
    let (message, set_message) = signal(None::<String>);
    let submit = move |_| {
        let Some(area) = area.get_untracked() else {
            return;
        };
        let body = area.value();
        if body.trim().is_empty() {
            set_message.set(Some("Paste the text of a report first.".to_string()));
            return;
        }
        let title = name.get_untracked();
        let title = if title.trim().is_empty() {
            "Pasted report".to_string()
        } else {
            title.trim().to_string()
        };
        set_message.set(None);
        on_add.run((title, body));
        area.set_value("");
        set_name.set(String::new());
    };
    view! {
        <section class="input" aria-label="Add a report">
            <label for="paste">"Report text"</label>
            <textarea
                id="paste"
                data-testid="paste"
                rows="10"
                placeholder="Paste the text of a report, minutes or an agenda pack here"
                node_ref=area
                on:focus=move |_| super::engine::warm()
                on:input=move |_| super::engine::warm()
            ></textarea>
            <div class="row">
                <label for="doc-name">"Name"</label>
                <input id="doc-name" data-testid="doc-name" type="text" placeholder="Pasted report" prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev)) />
                <button data-testid="extract" class="primary" on:click=submit>"Extract figures"</button>
            </div>
            <div class="row examples">
                <span>"Try an example:"</span>
                {EXAMPLES
                    .iter()
                    .map(|(title, file)| {
                        let open = move |_| {
                            super::engine::warm();
                            leptos::task::spawn_local(async move {
                                match super::examples::fetch(file).await {
                                    Ok(body) => on_add.run((title.to_string(), body)),
                                    Err(problem) => set_message.set(Some(problem)),
                                }
                            });
                        };
                        view! {
                            <button class="link" data-testid="example" on:click=open>
                                {*title}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="message" role="status" data-testid="message">{move || message.get()}</p>
        </section>
    }
}
