//! Working offline: registers the service worker (`sw.js`, written at build time by
//! `scripts/offline.mjs`) that caches the app's files on the first visit. Only served pages can
//! have one (not `file://`); where the browser has none, nothing happens.

use wasm_bindgen::JsCast;

/// Registers `sw.js`; a failure is logged, never shown as an error (the app works without it).
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let served = matches!(
        window.location().protocol().as_deref(),
        Ok("http:") | Ok("https:")
    );
    let navigator = window.navigator();
    let container = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok();
    let Some(container) = container.filter(|c| served && !c.is_undefined() && !c.is_null()) else {
        return;
    };
    let promise = container
        .unchecked_into::<web_sys::ServiceWorkerContainer>()
        .register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::warn_2(&"offline use is not available:".into(), &e);
        }
    });
}
