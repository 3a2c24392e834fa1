//! The extraction engine off the main thread: a Web Worker running [`crate::extract`].
//!
//! Both sides live here. [`serve`] runs inside the worker (the `report-explorer-worker` binary,
//! built by Trunk as `data-type="worker"`); [`read`] is what the page calls. The page stays
//! responsive while a long report is read, gets progress as it goes, and its first download
//! does not carry the engine: the worker is fetched when the first report is read.
//!
//! Messages are JSON strings; a request is a pair of its JSON and the document's text (a plain
//! string: escaping megabytes of text into JSON and back costs more than reading it). The worker says [`Reply::Ready`] once it can take requests (until
//! then the page queues them), then answers each [`Request`] with progress and a document, in
//! the order received. If the worker dies (a panic aborts a WebAssembly instance), the request
//! it was reading fails with a message naming the document, a new worker is started and the
//! requests behind it are sent again.

use crate::model::Document;
use leptos::prelude::{Callable, Callback};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where Trunk puts the worker's loader (workers are not content-hashed).
const WORKER_URL: &str = "./report-explorer-worker_loader.js";

/// One document to read (its text travels beside it, not in its JSON).
#[derive(Debug, Serialize, Deserialize)]
struct Request {
    id: u32,
    name: String,
    /// The document's date as the user gave it.
    date: Option<String>,
}

/// What the worker says.
#[derive(Debug, Serialize, Deserialize)]
enum Reply {
    /// It can take requests.
    Ready,
    /// The share of request `id` read so far (0 to 1).
    Progress { id: u32, done: f64 },
    /// Request `id` is read.
    Done { id: u32, document: Document },
}

/// Runs in the worker: answers every request with progress, then the document.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = {
        let scope = scope.clone();
        move |reply: &Reply| {
            if let Ok(json) = serde_json::to_string(reply) {
                let _ = scope.post_message(&JsValue::from_str(&json));
            }
        }
    };
    let on_message = {
        let post = post.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data: js_sys::Array = event.data().unchecked_into();
            let (Some(request), Some(text)) = (
                data.get(0)
                    .as_string()
                    .and_then(|raw| serde_json::from_str::<Request>(&raw).ok()),
                data.get(1).as_string(),
            ) else {
                return;
            };
            let id = request.id;
            let document = crate::extract_with_progress(
                &request.name,
                &text,
                &crate::Options {
                    document_date: request.date.clone(),
                    ..crate::Options::default()
                },
                &mut |done| post(&Reply::Progress { id, done }),
            );
            post(&Reply::Done { id, document });
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Reply::Ready);
}

/// What the page is told about one document.
#[derive(Clone, Copy)]
pub struct Listener {
    /// The share read so far.
    pub progress: Callback<f64>,
    /// The document, or a message naming it and saying why it could not be read.
    pub done: Callback<Result<Document, String>>,
}

struct Job {
    id: u32,
    name: String,
    text: String,
    date: Option<String>,
    listener: Listener,
}

/// The page's side: the worker, once started, and the jobs given to it.
#[derive(Default)]
struct Client {
    worker: Option<web_sys::Worker>,
    ready: bool,
    next_id: u32,
    /// Sent to the worker, in the order it reads them.
    sent: VecDeque<Job>,
    /// Waiting for the worker to be ready.
    waiting: Vec<Job>,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

/// Starts the worker if it is not running, so that it is ready by the time a report is read
/// (called when the user starts pasting or choosing files).
pub fn warm() {
    CLIENT.with_borrow_mut(|client| {
        if client.worker.is_none() {
            let _ = client.start();
        }
    });
}

/// Reads a document in the worker; `listener` hears its progress and its end.
pub fn read(name: String, text: String, date: Option<String>, listener: Listener) {
    let failed = CLIENT.with_borrow_mut(|client| {
        client.next_id += 1;
        let job = Job {
            id: client.next_id,
            name,
            text,
            date,
            listener,
        };
        if client.worker.is_none() {
            if let Err(message) = client.start() {
                return Some((job, message));
            }
        }
        if client.ready {
            client.send(job);
        } else {
            client.waiting.push(job);
        }
        None
    });
    if let Some((job, message)) = failed {
        job.listener
            .done
            .run(Err(format!("{}: {message}", job.name)));
    }
}

impl Client {
    fn start(&mut self) -> Result<(), String> {
        let worker = web_sys::Worker::new(WORKER_URL)
            .map_err(|_| "the browser could not start the extraction engine".to_string())?;
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
                if let Some(reply) = event
                    .data()
                    .as_string()
                    .and_then(|raw| serde_json::from_str::<Reply>(&raw).ok())
                {
                    on_reply(reply);
                }
            });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            event.prevent_default();
            on_crash();
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The worker lives as long as the page (or until it dies): so do its handlers.
        on_message.forget();
        on_error.forget();
        self.worker = Some(worker);
        self.ready = false;
        Ok(())
    }

    fn send(&mut self, job: Job) {
        let request = Request {
            id: job.id,
            name: job.name.clone(),
            date: job.date.clone(),
        };
        if let (Some(worker), Ok(json)) = (&self.worker, serde_json::to_string(&request)) {
            let message =
                js_sys::Array::of2(&JsValue::from_str(&json), &JsValue::from_str(&job.text));
            let _ = worker.post_message(&message);
        }
        self.sent.push_back(job);
    }
}

/// Hands a reply to its listener (outside the borrow: listeners may read more documents).
fn on_reply(reply: Reply) {
    enum Tell {
        Progress(Listener, f64),
        Done(Listener, Document),
    }
    let tell = CLIENT.with_borrow_mut(|client| match reply {
        Reply::Ready => {
            client.ready = true;
            for job in std::mem::take(&mut client.waiting) {
                client.send(job);
            }
            None
        }
        Reply::Progress { id, done } => client
            .sent
            .iter()
            .find(|j| j.id == id)
            .map(|j| Tell::Progress(j.listener, done)),
        Reply::Done { id, document } => {
            let at = client.sent.iter().position(|j| j.id == id)?;
            let job = client.sent.remove(at)?;
            Some(Tell::Done(job.listener, document))
        }
    });
    match tell {
        Some(Tell::Progress(listener, done)) => listener.progress.run(done),
        Some(Tell::Done(listener, document)) => listener.done.run(Ok(document)),
        None => {}
    }
}

/// The worker died: the document it was reading fails, the rest go to a new worker.
fn on_crash() {
    let (failed, restart) = CLIENT.with_borrow_mut(|client| {
        if let Some(worker) = client.worker.take() {
            worker.terminate();
        }
        client.ready = false;
        let failed = client.sent.pop_front();
        let mut rest: Vec<Job> = client.sent.drain(..).collect();
        rest.append(&mut client.waiting);
        (failed, rest)
    });
    if let Some(job) = failed {
        job.listener.done.run(Err(format!(
            "{}: the extraction engine stopped while reading this document; it was not added",
            job.name
        )));
    }
    for job in restart {
        read(job.name, job.text, job.date, job.listener);
    }
}
