//! The web app's entry point: installs the panic hook and mounts the app (built by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(report_explorer::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "report-explorer-web is the browser app: build it with `trunk build` (see README.md)."
    );
    std::process::exit(2);
}
