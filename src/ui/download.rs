//! Saving bytes as a file (a Blob, an object URL and a click on a temporary link) and copying
//! text to the clipboard. Nothing leaves the machine.

use wasm_bindgen::JsCast;

/// Offers `bytes` for download as `name`. Failures are reported on the console, never panic.
pub fn save(name: &str, mime: &str, bytes: &[u8]) {
    if let Err(e) = try_save(name, mime, bytes) {
        web_sys::console::error_1(&e);
    }
}

fn try_save(name: &str, mime: &str, bytes: &[u8]) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Puts `text` on the clipboard; tells `done` whether it worked.
pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(false);
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
