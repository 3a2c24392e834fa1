//! Where extraction time goes: the throughput of each stage of the engine run on its own over
//! the development set (`cargo bench --bench phases`), or on the files given after `--` (one
//! large report shows the costs per byte, the development set's small ones the costs per
//! document). `--only NAME` runs one stage (to profile it). A measurement, never a test.

use report_explorer::extract::{dates, meta, numbers, tables, text, vocab};
use std::time::Instant;
fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let mut docs: Vec<String> = args
        .iter()
        .filter(|a| !a.starts_with('-') && Some(*a) != only.as_ref())
        .map(|p| std::fs::read_to_string(p).expect("a UTF-8 file"))
        .collect();
    let subs: &[&str] = if docs.is_empty() {
        &["seeds", "real"]
    } else {
        &[]
    };
    for sub in subs {
        for e in std::fs::read_dir(format!("{dir}/{sub}")).unwrap().flatten() {
            let p = e.path();
            if p.extension().is_some_and(|e| e == "txt") {
                docs.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    let reps = 200;
    let bytes: usize = docs.iter().map(String::len).sum::<usize>() * reps;
    let mb = bytes as f64 / (1 << 20) as f64;
    macro_rules! phase {
        ($name:expr, $body:expr) => {{
            if only.as_ref().is_none_or(|o| o == $name) {
                let t = Instant::now();
                let mut n = 0usize;
                for _ in 0..reps {
                    for d in &docs {
                        let d: &str = d;
                        n += $body(d);
                    }
                }
                println!(
                    "{:>12}: {:8.1} MB/s ({n})",
                    $name,
                    mb / t.elapsed().as_secs_f64()
                );
            }
        }};
    }
    phase!("lines", |d: &str| text::lines(d).len());
    phase!("tables", |d: &str| {
        let l = text::lines(d);
        tables::find(d, &l).len()
    });
    phase!("sentences", |d: &str| {
        let l = text::lines(d);
        let it = vec![false; l.len()];
        text::sentences(d, &l, &it).len()
    });
    phase!("aliases", |d: &str| {
        let _a = vocab::Aliases::from_document(d);
        1
    });
    phase!("dates", |d: &str| dates::find(d, 0..d.len()).len());
    phase!("numbers", |d: &str| numbers::find(d, 0..d.len(), &[]).len());
    phase!("mentions", |d: &str| {
        let a = vocab::Aliases::default();
        vocab::mentions(d, 0..d.len(), &a).len()
    });
    phase!("predicates", |d: &str| vocab::predicates(d, 0..d.len())
        .len());
    phase!("meta", |d: &str| {
        meta::detect(d).date.map_or(0, |s| s.len())
    });
    phase!("extract", |d: &str| report_explorer::extract(
        "x",
        d,
        &Default::default()
    )
    .figures
    .len());
}
