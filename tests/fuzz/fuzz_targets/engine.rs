//! The engine on any text: it must never panic, and every span must be a character boundary
//! of the text it came from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_explorer::{extract, Options};

fuzz_target!(|text: &str| {
    let options = Options {
        date: Some("2020-03-31".to_string()),
        ..Options::default()
    };
    let document = extract("fuzz.txt", text, &options);
    for figure in &document.figures {
        let [start, end] = figure.span;
        assert!(start <= end && end <= text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    }
});
