//! PDF reading speed, native: `cargo bench --bench pdf`.
//!
//! Not a test: it measures and prints, it never fails on time. Reads the 316-page agenda pack
//! `tests/data/pdf/pack-300.pdf` (made by `scripts/fixtures.py`) `RUNS` times, as the command
//! line reads a file, and prints pages per second (median), then the same for reading and
//! extracting its figures. The browser's figure is in `tests/e2e/budget.mjs`.

use report_explorer::input::text_of_file;
use report_explorer::{extract, Options};
use std::time::Instant;

const RUNS: usize = 5;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/pdf/pack-300.pdf");
    let bytes = std::fs::read(path).expect("the pack is in tests/data/pdf");
    let text = text_of_file("pack-300.pdf", &bytes).expect("the pack reads");
    let pages = text.matches(report_explorer::pdf::PAGE_BREAK).count() + 1;
    let mut read = Vec::new();
    let mut whole = Vec::new();
    let mut figures = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let text = text_of_file("pack-300.pdf", &bytes).expect("the pack reads");
        read.push(pages as f64 / start.elapsed().as_secs_f64());
        figures = extract("pack-300.pdf", &text, &Options::default())
            .figures
            .len();
        whole.push(pages as f64 / start.elapsed().as_secs_f64());
    }
    println!(
        "pdf: {:.0} pages/s read, {:.0} pages/s read and extracted (median of {RUNS}); {pages} pages, {:.1} MB of PDF, {:.1} MB of text, {figures} figures",
        median(read),
        median(whole),
        bytes.len() as f64 / (1 << 20) as f64,
        text.len() as f64 / (1 << 20) as f64,
    );
}
