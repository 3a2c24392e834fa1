//! The Web Worker of the file readers (built by Trunk with `data-type="worker"`): the page
//! sends it Word and PDF files and it answers with their text (`ui::reader`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    report_explorer::ui::reader::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("report-explorer-reader runs inside the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
