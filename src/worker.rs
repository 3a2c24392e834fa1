//! The extraction engine's Web Worker (built by Trunk with `data-type="worker"`): the page
//! sends it documents and it answers with their figures (`ui::engine`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    report_explorer::ui::engine::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("report-explorer-worker runs inside the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
