//! The PDF reader on any bytes. pdf-extract panics on some damaged files; `pdf::to_text`
//! contains that (on the command line it catches the panic, in the browser the reader's worker
//! is started again), so this target lets it catch them: libfuzzer-sys's own hook would abort
//! on every caught panic. What it finds are hangs, runaway memory and aborts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::Once;

static QUIET: Once = Once::new();

fuzz_target!(|bytes: &[u8]| {
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let _ = report_explorer::pdf::to_text(bytes, &mut |_, _| {});
});
