//! The extraction engine off the main thread: [`crate::extract`] in a Web Worker (the
//! `report-explorer-worker` binary), fetched when the first report is read, so the page's
//! first download does not carry the engine. See [`super::worker`] for how requests travel.

use super::worker::{self, Channel, Listener};
use crate::model::Document;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsValue;

thread_local! {
    static ENGINE: &'static Channel = Box::leak(Box::new(Channel::new(
        // The loader Trunk writes for the worker (workers are not content-hashed).
        "report-explorer-worker_loader.js",
        "the extraction engine stopped while reading this document; it was not added",
        // The engine tells its progress many times a second: a minute of silence is a fault.
        Duration::from_secs(60),
        practise,
    )));
}

/// A short report that takes the engine down most of its paths. Read when the worker starts
/// ([`SAMPLE_COPIES`] times over), before it says it is ready: the engine's regular
/// expressions are compiled then, while the user is still pasting, not on the first report (the
/// worker's part of a first 1 MB report fell from 607 ms to about 340 ms).
const WARM_UP: &str = "Report to Scrutiny Committee, 24 January 2017\n\n\
    As at 13th January there are 366 children in care, 307 children subject to Child \
    Protection Plans and 1,840 open cases, up from 1778 in October 2016. Twenty-seven young \
    people left care last year; 85% of assessments were completed within 45 working days \
    (England 83.1%, statistical neighbours 80%). In Q3 2016-17 there were 1,064 referrals, \
    of which 22.5% were re-referrals within 12 months. We have 120 approved foster carers and \
    14 adoptions this year; 93% of care leavers aged 19-21 are in suitable accommodation.\n\n\
    \tEntering\tLeaving\tNet\nTotal in 2015\t111\t95\t16\nTotal in 2016\t103\t117\t-14\n";

/// Some 17 KB of council wordings of every indicator, figures and non-figures (the lines of
/// `tests/phrasing.rs` laid out as a report with headings and tables). Read a slice at a time
/// after the worker says it is ready, [`WARM_UP_ROUNDS`] times over, until the first report
/// arrives. Two things make a first reading slow, and both learn from use: the regular
/// expressions' lazy automata build their states as they meet text, and the browser runs
/// WebAssembly first with quickly compiled code, optimising a function only once it has run a
/// while (natively, the first reading of a 1 MB report fell from 104 to 66 ms with one round,
/// against 56 ms for the second).
const WARM_UP_MORE: &str = include_str!("warm_up.txt");

/// Bytes of [`WARM_UP_MORE`] read at a time: a report sent meanwhile waits for one slice at most.
const WARM_UP_SLICE: usize = 1500;

/// How many times [`WARM_UP_MORE`] is read. In the browser the engine's part of a first 1 MB
/// report took about 200 ms after one round, 175 after 4, 146 after 12 and 150 after 30,
/// against 123 ms for a second report: the browser has optimised what it will by then. Twelve
/// rounds are about a second of the worker's time, spent while the user is still pasting.
const WARM_UP_ROUNDS: usize = 12;

/// The engine's sample answer is the reading of [`WARM_UP`] this many times over (about 6 KB,
/// some 130 figures): enough rows and text for the page to practise drawing results on.
const SAMPLE_COPIES: usize = 8;

/// The text of the engine's sample answer.
fn sample_text() -> String {
    [WARM_UP; SAMPLE_COPIES].join("\n")
}

/// Runs in the worker: reads every document sent, telling progress as it goes.
pub fn serve() {
    let sample = crate::extract("warm-up", &sample_text(), &crate::Options::default());
    let sample = serde_json::to_string(&sample).unwrap_or_default();
    let asked = Rc::new(Cell::new(false));
    let heard = asked.clone();
    worker::serve(&sample, move |request, text, progress| {
        heard.set(true);
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
    worker::later(move || warm_up_from(0, asked));
}

/// Reads the slice of [`WARM_UP_MORE`] from `at` (ending at a blank line), then the rest in a
/// later task, unless a report has been asked for since; `at` counts on through the rounds.
fn warm_up_from(at: usize, asked: Rc<Cell<bool>>) {
    if asked.get() || at >= WARM_UP_ROUNDS * WARM_UP_MORE.len() {
        return;
    }
    let rest = &WARM_UP_MORE[at % WARM_UP_MORE.len()..];
    let end = rest
        .as_bytes()
        .get(WARM_UP_SLICE..)
        .and_then(|after| after.windows(2).position(|w| w == b"\n\n"))
        .map_or(rest.len(), |i| WARM_UP_SLICE + i + 2);
    crate::extract("warm-up", &rest[..end], &crate::Options::default());
    worker::later(move || warm_up_from(at + end, asked));
}

/// How many times the page reads the engine's sample answer, a task each, when the worker says
/// it is ready. The browser optimises the page's code by use, as it does the worker's: without
/// this practice a first report's answer was read and drawn with code that had never run.
const PRACTICE_ROUNDS: usize = 40;

/// Practises reading the engine's sample answer [`PRACTICE_ROUNDS`] times, a task each, then
/// drawing it once, out of sight (called when the worker is ready). Only while the page has
/// asked for no report: afterwards the real answers are practice enough.
fn practise(sample: String) {
    fn round(sample: Rc<String>, left: usize) {
        if ENGINE.with(|engine| engine.asked()) {
            return;
        }
        let Ok(document) = serde_json::from_str::<Document>(&sample) else {
            return;
        };
        if left == 0 {
            super::practise_views(document, sample_text());
            return;
        }
        // The page copies an answer's document as it keeps it: that is practised too.
        drop(std::hint::black_box(document.clone()));
        leptos::prelude::set_timeout(move || round(sample, left - 1), Duration::ZERO);
    }
    round(Rc::new(sample), PRACTICE_ROUNDS);
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
            super::end_practice();
            done(read.and_then(|json| {
                serde_json::from_str(&json).map_err(|_| {
                    "the extraction engine gave an answer that could not be read".to_string()
                })
            }))
        }),
    };
    ENGINE.with(|engine| engine.send(name, date, JsValue::from_str(&text), listener));
}
