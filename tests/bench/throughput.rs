//! Extraction throughput on a large corpus built from the development set: `cargo bench`.
//!
//! Not a test: it measures and prints, it never fails on time (machines are shared and noisy).
//! The corpus is every fixture document repeated until it reaches `TARGET_BYTES`, read one
//! document at a time on one thread, as the command line reads files. The figure to quote in the
//! README is the median of `RUNS` passes.

use report_explorer::{extract, Options};
use std::time::Instant;

const TARGET_BYTES: usize = 64 << 20;
const RUNS: usize = 5;

fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut docs = Vec::new();
    for sub in ["seeds", "real"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{dir}/{sub}"))
            .expect("tests/data exists")
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        docs.extend(
            paths
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .map(|p| std::fs::read_to_string(p).expect("utf-8 fixture")),
        );
    }
    docs
}

fn main() {
    let docs = corpus();
    let one_pass: usize = docs.iter().map(String::len).sum();
    let repeats = TARGET_BYTES.div_ceil(one_pass);
    let bytes = one_pass * repeats;
    let options = Options::default();
    let mut rates = Vec::new();
    let mut figures = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        figures = 0;
        for _ in 0..repeats {
            for doc in &docs {
                figures += extract("bench.txt", doc, &options).figures.len();
            }
        }
        rates.push(bytes as f64 / (1 << 20) as f64 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "throughput: {:.1} MB/s median of {RUNS} (min {:.1}, max {:.1}); {} documents, {:.1} MB per pass, {figures} figures",
        rates[RUNS / 2],
        rates[0],
        rates[RUNS - 1],
        docs.len() * repeats,
        bytes as f64 / (1 << 20) as f64
    );
}
