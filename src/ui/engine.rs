//! The extraction engine off the main thread: [`crate::extract`] in a Web Worker (the
//! `report-explorer-worker` binary), fetched when the first report is read, so the page's
//! first download does not carry the engine. See [`super::worker`] for how requests travel.

use super::worker::{self, Channel, Listener};
use crate::model::Document;
use std::time::Duration;
use wasm_bindgen::JsValue;

thread_local! {
    static ENGINE: &'static Channel = Box::leak(Box::new(Channel::new(
        // The loader Trunk writes for the worker (workers are not content-hashed).
        "report-explorer-worker_loader.js",
        "the extraction engine stopped while reading this document; it was not added",
        // The engine tells its progress many times a second: a minute of silence is a fault.
        Duration::from_secs(60),
    )));
}

/// Runs in the worker: reads every document sent, telling progress as it goes.
pub fn serve() {
    worker::serve(|request, text, progress| {
        let text = text.as_string().ok_or("no text was sent")?;
        let options = crate::Options {
            document_date: request.date.clone(),
            ..crate::Options::default()
        };
        let document = crate::extract_with_progress(&request.name, &text, &options, &mut |done| {
            progress.share(done)
        });
        serde_json::to_string(&document).map_err(|e| e.to_string())
    });
}

/// Starts the worker if it is not running, so that it is ready by the time a report is read
/// (called when the user starts pasting or choosing files).
pub fn warm() {
    ENGINE.with(|engine| engine.warm());
}

/// Reads a document in the worker; `progress` hears how far it is, `done` its end.
pub fn read(
    name: String,
    text: String,
    date: Option<String>,
    progress: impl Fn(f64) + 'static,
    done: impl FnOnce(Result<Document, String>) + 'static,
) {
    let listener = Listener {
        progress: std::rc::Rc::new(move |share, _| progress(share)),
        done: Box::new(move |read| {
            done(read.and_then(|json| {
                serde_json::from_str(&json).map_err(|_| {
                    "the extraction engine gave an answer that could not be read".to_string()
                })
            }))
        }),
    };
    ENGINE.with(|engine| engine.send(name, date, JsValue::from_str(&text), listener));
}
