//! The web app's entry point: installs the panic hook, mounts the app and registers the
//! service worker that keeps it working offline (built by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(report_explorer::ui::App);
    report_explorer::ui::offline::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "report-explorer-web is the browser app: build it with `trunk build` (see README.md)."
    );
    std::process::exit(2);
}
