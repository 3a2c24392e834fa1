//! The readers of text files and web pages on any bytes: decoding (UTF-8, Windows-1252,
//! refusals) and HTML to text must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_explorer::input::text_of_file;

fuzz_target!(|bytes: &[u8]| {
    let _ = text_of_file("page.html", bytes);
    let _ = text_of_file("report.txt", bytes);
});
