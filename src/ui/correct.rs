//! Correcting the selected figure: its indicator, value or date, or deleting it. What is typed is
//! checked by [`crate::edit`]; a message says what is wrong with it.

use crate::edit::{self, Change, Edit};
use crate::model::{Figure, INDICATORS};
use leptos::prelude::*;

/// The correction form for the figure selected in the table or the text.
#[component]
pub fn Correction(
    /// The selected figure, if any.
    figure: Signal<Option<Figure>>,
    /// Called with each correction.
    on_edit: Callback<Edit>,
) -> impl IntoView {
    let (message, set_message) = signal(None::<String>);
    let indicator = NodeRef::<leptos::html::Select>::new();
    let value = NodeRef::<leptos::html::Input>::new();
    let when = NodeRef::<leptos::html::Input>::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(f) = figure.get_untracked() else {
            return;
        };
        let typed =
            |node: NodeRef<leptos::html::Input>| node.get().map(|e| e.value()).unwrap_or_default();
        let chosen = indicator.get().map(|e| e.value()).unwrap_or_default();
        let checked = (|| -> Result<Vec<Change>, String> {
            let mut changes = Vec::new();
            let new_indicator = edit::parse_indicator(&chosen)?;
            if new_indicator != f.indicator {
                changes.push(Change::Indicator(new_indicator));
            }
            let new_value = edit::parse_value(&typed(value))?;
            if new_value != f.value {
                changes.push(Change::Value(new_value));
            }
            let new_when = edit::parse_when(&typed(when))?;
            if new_when != f.when {
                changes.push(Change::When(new_when));
            }
            Ok(changes)
        })();
        match checked {
            Ok(changes) => {
                set_message.set(Some(if changes.is_empty() {
                    "Nothing changed.".to_string()
                } else {
                    "Saved: the exports contain the corrected figure.".to_string()
                }));
                for change in changes {
                    on_edit.run(Edit {
                        span: f.span,
                        change,
                    });
                }
            }
            Err(problem) => set_message.set(Some(problem)),
        }
    };
    let delete = move |_| {
        if let Some(f) = figure.get_untracked() {
            on_edit.run(Edit {
                span: f.span,
                change: Change::Delete,
            });
            set_message.set(Some(format!(
                "Deleted the figure {} ({}).",
                f.value, f.label
            )));
        }
    };
    view! {
        <section class="correction" aria-label="Correct a figure" data-testid="correction">
            {move || match figure.get() {
                None => view! { <p class="hint">"Select a figure in the table or the text to correct it."</p> }.into_any(),
                Some(f) => {
                    let current = f.indicator.clone().unwrap_or_default();
                    view! {
                        <form on:submit=save>
                            <h2>{format!("Correct figure {}", f.id)}{if f.edited { " (edited)" } else { "" }}</h2>
                            <p class="quote">{f.sentence.clone()}</p>
                            <div class="row">
                                <label>
                                    "Indicator "
                                    <select node_ref=indicator data-testid="edit-indicator">
                                        <option value="" selected=current.is_empty()>"none (other quantity)"</option>
                                        {INDICATORS
                                            .iter()
                                            .map(|(id, meaning)| view! { <option value=*id selected=*id == current>{format!("{id}: {meaning}")}</option> })
                                            .collect_view()}
                                    </select>
                                </label>
                                <label>"Value " <input node_ref=value data-testid="edit-value" type="text" inputmode="decimal" size="10" value=f.value.to_string() /></label>
                                <label>"When " <input node_ref=when data-testid="edit-when" type="text" size="22" placeholder="2017-01-13" value=f.when.clone().unwrap_or_default() /></label>
                                <button type="submit" class="primary" data-testid="edit-save">"Save correction"</button>
                                <button type="button" data-testid="edit-delete" on:click=delete>"Delete figure"</button>
                            </div>
                        </form>
                    }
                        .into_any()
                }
            }}
            <p class="message" role="status" data-testid="edit-message">{move || message.get()}</p>
        </section>
    }
}
