//! The readers of packaged files (Word documents and PDF) in a Web Worker of their own (the
//! `report-explorer-reader` binary), fetched when the first such file is opened: the page's
//! first download and the engine's worker carry none of them. A file that crashes or hangs a
//! reader stops only that worker (see [`super::worker`]); the user is told which file and why.

use super::worker::{self, Channel, Listener};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static READER: &'static Channel = Box::leak(Box::new(Channel::new(
        "report-explorer-reader_loader.js",
        "the file could not be read: its reader stopped (the file may be damaged)",
        // Readers tell progress page by page: 20 s on one page is a reader stuck in a loop.
        Duration::from_secs(20),
        |_| {},
    )));
}

/// Runs in the worker: turns each file sent (its bytes) into text.
pub fn serve() {
    worker::serve("", |request, bytes, progress| {
        let bytes = bytes
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| "no file was sent")?
            .to_vec();
        crate::input::text_of_file_with_progress(&request.name, &bytes, &mut |page, pages| {
            progress.said(
                f64::from(page) / f64::from(pages.max(1)),
                format!("page {page} of {pages}"),
            )
        })
        .map_err(|e| e.to_string())
    });
}

/// The text of a packaged file, read in the worker; `progress` hears how far it is.
pub async fn read(
    name: String,
    bytes: js_sys::Uint8Array,
    progress: impl Fn(f64, Option<String>) + 'static,
) -> Result<String, String> {
    let mut settle = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| settle = Some(resolve));
    let slot = std::rc::Rc::new(std::cell::RefCell::new(None::<Result<String, String>>));
    let listener = Listener {
        progress: std::rc::Rc::new(progress),
        done: Box::new({
            let slot = slot.clone();
            move |result| {
                *slot.borrow_mut() = Some(result);
                if let Some(resolve) = settle {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            }
        }),
    };
    READER.with(|reader| reader.send(name, None, bytes.into(), listener));
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let result = slot.borrow_mut().take();
    result.unwrap_or_else(|| Err("the file could not be read".to_string()))
}
