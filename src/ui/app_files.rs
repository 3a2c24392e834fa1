//! Where the app's own files are (the workers' loaders, the examples). A served app finds them
//! beside its page. The standalone page (one HTML file that works from disk, written at build
//! time by `scripts/standalone.mjs`) carries them inside itself and, before the app starts,
//! lists a `blob:` URL for each in `window.__reportExplorer.files`, by file name.

/// The URL of the app's file `name` ("report-explorer-worker_loader.js").
pub fn url(name: &str) -> String {
    inlined(name).unwrap_or_else(|| format!("./{name}"))
}

/// The standalone page's URL for `name`, if this is that page and it has the file.
fn inlined(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let get = |target: &wasm_bindgen::JsValue, key: &str| {
        js_sys::Reflect::get(target, &key.into())
            .ok()
            .filter(|v| v.is_object())
    };
    let files = get(&window, "__reportExplorer").and_then(|app| get(&app, "files"))?;
    js_sys::Reflect::get(&files, &name.into()).ok()?.as_string()
}
