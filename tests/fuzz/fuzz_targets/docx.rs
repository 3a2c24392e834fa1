//! The Word reader on any bytes (its ZIP reader and its XML walk): it must never panic, and
//! must not inflate more than its limit.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = report_explorer::docx::to_text(bytes);
});
