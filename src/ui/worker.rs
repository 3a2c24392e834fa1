//! Work off the main thread: a Web Worker that answers requests in order, with progress, and
//! is restarted when it dies or stalls.
//!
//! Both sides live here. [`serve`] runs inside a worker (a binary built by Trunk with
//! `data-type="worker"`) and answers each request with its handler; a [`Channel`] is the
//! page's side of one worker. Two workers use it: the extraction engine ([`super::engine`]) and
//! the readers of PDF and Word files ([`super::reader`]), each fetched when first needed, so
//! the page's first download carries neither.
//!
//! A request is a JS array: its header as JSON, and its payload (a document's text as a plain
//! string, a file's bytes as a `Uint8Array`): escaping megabytes into JSON and back costs more
//! than the work. A reply is an array too: its JSON, and for a result the result itself, a
//! string (a document as JSON, a file's text) that the caller reads. The worker says
//! [`Reply::Ready`] once it can take requests (until then the page queues them), with a sample
//! result if it has one (the page practises reading results on it, see [`Channel::new`]), then
//! answers each with progress and a result, in the order received. Nothing here depends on what the
//! results are: one copy of this code serves both workers.
//!
//! A worker that dies (a panic aborts a WebAssembly instance) or says nothing for longer than
//! its channel's limit (a parser looping on a malformed file) is stopped: the request it was on
//! fails with a message naming the document, a new worker is started and the requests behind
//! it are sent again.

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What a request says besides its payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    id: u32,
    /// The document's (or file's) name.
    pub name: String,
    /// The document's date as the user gave it.
    pub date: Option<String>,
}

/// What a worker says (a result travels beside it).
#[derive(Debug, Serialize, Deserialize)]
enum Reply {
    /// It can take requests; a sample result is beside this (or an empty string).
    Ready,
    /// The share of request `id` done so far (0 to 1), and what that is in words, if anything
    /// better than a share ("page 3 of 40").
    Progress {
        id: u32,
        done: f64,
        #[serde(default)]
        said: Option<String>,
    },
    /// Request `id` is answered: its result is beside this, or here is a message saying why
    /// there is none.
    Done { id: u32, failed: Option<String> },
}

/// Tells a request's progress from inside the worker.
pub struct Progress<'a> {
    post: &'a dyn Fn(f64, Option<String>),
}

impl Progress<'_> {
    /// The share done so far.
    pub fn share(&self, done: f64) {
        (self.post)(done, None)
    }

    /// The share done so far, and what it is in words ("page 3 of 40").
    pub fn said(&self, done: f64, said: String) {
        (self.post)(done, Some(said))
    }
}

/// Runs in a worker: says it is ready, with `sample` (a result like a request's, or an empty
/// string), then answers every request with `handle` (given its header, its payload and a way
/// to tell progress), whose result is a string.
pub fn serve(
    sample: &str,
    handle: impl Fn(&Request, JsValue, &Progress<'_>) -> Result<String, String> + 'static,
) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let poster = scope.clone();
    let post = Rc::new(move |reply: &Reply, result: &str| {
        if let Ok(json) = serde_json::to_string(reply) {
            let message = js_sys::Array::of2(&JsValue::from_str(&json), &JsValue::from_str(result));
            let _ = poster.post_message(&message);
        }
    });
    let on_message = {
        let post = post.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data: js_sys::Array = event.data().unchecked_into();
            let Some(request) = data
                .get(0)
                .as_string()
                .and_then(|raw| serde_json::from_str::<Request>(&raw).ok())
            else {
                return;
            };
            let id = request.id;
            let tell = |done, said| post(&Reply::Progress { id, done, said }, "");
            match handle(&request, data.get(1), &Progress { post: &tell }) {
                Ok(result) => post(&Reply::Done { id, failed: None }, &result),
                Err(message) => post(
                    &Reply::Done {
                        id,
                        failed: Some(message),
                    },
                    "",
                ),
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Reply::Ready, sample);
}

/// Runs `f` in a later task of the worker's event loop: a message already waiting is heard
/// first.
pub fn later(f: impl FnOnce() + 'static) {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let callback = Closure::once_into_js(f);
    let _ =
        scope.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

/// What the page is told about one request.
pub struct Listener {
    /// The share done so far, and what it is in words, if anything.
    pub progress: Rc<dyn Fn(f64, Option<String>)>,
    /// The result, or a message naming the document and saying why there is none.
    pub done: Box<dyn FnOnce(Result<String, String>)>,
}

struct Job {
    request: Request,
    payload: JsValue,
    listener: Listener,
}

/// The page's side of one worker: the worker, once started, and the requests given to it.
pub struct Channel {
    /// The worker's loader: the name of the app's file (see [`super::app_files`]).
    loader: &'static str,
    /// What a request that killed the worker is told ("the extraction engine stopped ...").
    stopped: &'static str,
    /// The longest a worker may say nothing while on a request.
    limit: Duration,
    /// Hears the sample result a worker sends when it is ready.
    sample: fn(String),
    state: RefCell<State>,
}

struct State {
    worker: Option<web_sys::Worker>,
    ready: bool,
    next_id: u32,
    /// Sent to the worker, in the order it answers them.
    sent: VecDeque<Job>,
    /// Waiting for the worker to be ready.
    waiting: Vec<Job>,
    /// Bumped whenever the worker is heard from: a timer that finds it unchanged stops it.
    heard: u64,
}

impl Channel {
    /// A channel to the worker started by the app's file `loader`, not yet started. `sample`
    /// hears the sample result the worker sends when it is ready: the page can practise reading
    /// results on it before the first real one arrives.
    pub fn new(
        loader: &'static str,
        stopped: &'static str,
        limit: Duration,
        sample: fn(String),
    ) -> Self {
        Channel {
            loader,
            stopped,
            limit,
            sample,
            state: RefCell::new(State {
                worker: None,
                ready: false,
                next_id: 0,
                sent: VecDeque::new(),
                waiting: Vec::new(),
                heard: 0,
            }),
        }
    }

    /// Starts the worker if it is not running, so that it is ready by the time it is needed.
    pub fn warm(&'static self) {
        let mut state = self.state.borrow_mut();
        if state.worker.is_none() {
            let _ = self.start(&mut state);
        }
    }

    /// True once any request has been sent.
    pub fn asked(&self) -> bool {
        self.state.borrow().next_id > 0
    }

    /// Sends a request; `listener` hears its progress and its end.
    pub fn send(
        &'static self,
        name: String,
        date: Option<String>,
        payload: JsValue,
        listener: Listener,
    ) {
        let failed = {
            let mut state = self.state.borrow_mut();
            state.next_id += 1;
            let job = Job {
                request: Request {
                    id: state.next_id,
                    name,
                    date,
                },
                payload,
                listener,
            };
            match state.worker.is_none().then(|| self.start(&mut state)) {
                Some(Err(message)) => Some((job, message)),
                _ if state.ready => {
                    self.post(&mut state, job);
                    None
                }
                _ => {
                    state.waiting.push(job);
                    None
                }
            }
        };
        if let Some((job, message)) = failed {
            let name = job.request.name;
            (job.listener.done)(Err(format!("{name}: {message}")));
        }
    }

    fn start(&'static self, state: &mut State) -> Result<(), String> {
        let worker = web_sys::Worker::new(&super::app_files::url(self.loader))
            .map_err(|_| "the browser could not start a Web Worker".to_string())?;
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let data: js_sys::Array = event.data().unchecked_into();
                if let Some(reply) = data
                    .get(0)
                    .as_string()
                    .and_then(|raw| serde_json::from_str::<Reply>(&raw).ok())
                {
                    self.on_reply(reply, data.get(1).as_string().unwrap_or_default());
                }
            },
        );
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            self.on_stop(self.stopped);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The worker lives as long as the page (or until it dies): so do its handlers.
        on_message.forget();
        on_error.forget();
        state.worker = Some(worker);
        state.ready = false;
        Ok(())
    }

    fn post(&'static self, state: &mut State, job: Job) {
        if let (Some(worker), Ok(json)) = (&state.worker, serde_json::to_string(&job.request)) {
            let message = js_sys::Array::of2(&JsValue::from_str(&json), &job.payload);
            let _ = worker.post_message(&message);
        }
        state.sent.push_back(job);
        if state.sent.len() == 1 {
            self.watch(state);
        }
    }

    /// Stops the worker if it is on a request and says nothing for longer than the limit.
    fn watch(&'static self, state: &mut State) {
        state.heard += 1;
        let heard = state.heard;
        leptos::prelude::set_timeout(
            move || {
                let stalled = {
                    let state = self.state.borrow();
                    state.heard == heard && !state.sent.is_empty()
                };
                if stalled {
                    self.on_stop(
                        "reading it took too long (the file may be damaged); it was stopped",
                    );
                }
            },
            self.limit,
        );
    }

    /// Hands a reply to its listener (outside the borrow: listeners may send more requests).
    fn on_reply(&'static self, reply: Reply, result: String) {
        type Heard = Rc<dyn Fn(f64, Option<String>)>;
        enum Tell {
            Ready(String),
            Progress(Heard, f64, Option<String>),
            Done(Listener, Result<String, String>, String),
        }
        let tell = {
            let mut state = self.state.borrow_mut();
            match reply {
                Reply::Ready => {
                    state.ready = true;
                    for job in std::mem::take(&mut state.waiting) {
                        self.post(&mut state, job);
                    }
                    (!result.is_empty()).then_some(Tell::Ready(result))
                }
                Reply::Progress { id, done, said } => {
                    self.watch(&mut state);
                    let listener = state.sent.iter().find(|j| j.request.id == id);
                    listener.map(|j| Tell::Progress(j.listener.progress.clone(), done, said))
                }
                Reply::Done { id, failed } => {
                    let result = failed.map_or(Ok(result), Err);
                    let at = state.sent.iter().position(|j| j.request.id == id);
                    let job = at.and_then(|at| state.sent.remove(at));
                    if !state.sent.is_empty() {
                        self.watch(&mut state);
                    }
                    job.map(|job| Tell::Done(job.listener, result, job.request.name))
                }
            }
        };
        match tell {
            Some(Tell::Ready(sample)) => (self.sample)(sample),
            Some(Tell::Progress(progress, done, said)) => progress(done, said),
            Some(Tell::Done(listener, result, name)) => {
                (listener.done)(result.map_err(|message| format!("{name}: {message}")))
            }
            None => {}
        }
    }

    /// The worker died or stalled: the request it was on fails with `why`, the rest go to a
    /// new worker.
    fn on_stop(&'static self, why: &str) {
        let (failed, rest) = {
            let mut state = self.state.borrow_mut();
            if let Some(worker) = state.worker.take() {
                worker.terminate();
            }
            state.ready = false;
            let failed = state.sent.pop_front();
            let mut rest: Vec<Job> = state.sent.drain(..).collect();
            rest.append(&mut state.waiting);
            (failed, rest)
        };
        if let Some(job) = failed {
            let name = job.request.name;
            (job.listener.done)(Err(format!("{name}: {why}")));
        }
        for job in rest {
            let Request { name, date, .. } = job.request;
            self.send(name, date, job.payload, job.listener);
        }
    }
}
