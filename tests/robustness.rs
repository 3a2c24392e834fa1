//! No input makes the engine panic (in WebAssembly a panic kills the page): property tests
//! over arbitrary text, over text built from report fragments, and over hostile shapes.
//! Longer fuzzing runs: see "Fuzzing" in the README.

use proptest::prelude::*;
use report_explorer::{decode, extract, Options};

/// Fragments of real report text, recombined at random: they reach the deep rules.
const FRAGMENTS: &[&str] = &[
    "As at 13th January there are ",
    "366 children in care",
    ", up from ",
    "1778 in October",
    " & ",
    "between April and November 2010",
    "\t",
    "\n",
    "\n\n",
    "Total in 2001\t111\t95\t16",
    "2016/17 1845 ",
    "not available",
    "(",
    ")",
    "%",
    " per cent",
    "£5,500",
    "Quarter 2 2022-23",
    "•",
    "**",
    "-48",
    "30/01/20",
    "the national average of 11%",
    "a target of 95%",
    "It was 51.16 per cent the year before.",
    "UASC (UCAS)",
    "of whom",
    "Of the 149 young people",
    "DATE: ",
    "aged 3, 8 and 13",
    "since April",
    "currently",
    "2,950",
    "é",
    "’",
    "\u{feff}",
    "13.8% of CLA had experienced three or more moves",
    "Child in Need\t355",
    ". ",
    ":",
];

/// Seeds of failures found so far live beside this file (tests/robustness.regressions).
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 400,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("regressions"),
        )),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let doc = extract("x.txt", &text, &Options::default());
        for f in &doc.figures {
            prop_assert!(f.span[0] <= f.span[1] && f.span[1] <= text.len());
            prop_assert!(text.is_char_boundary(f.span[0]) && text.is_char_boundary(f.span[1]));
        }
    }

    #[test]
    fn report_fragments_never_panic(parts in prop::collection::vec(0..FRAGMENTS.len(), 0..60), date in prop::option::of("20[0-2][0-9]-0[1-9]-1[0-9]")) {
        let text: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        let doc = extract("x.txt", &text, &Options { document_date: date.clone(), date });
        for f in &doc.figures {
            prop_assert!(text.get(f.span[0]..f.span[1]).is_some());
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_decoder(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(text) = decode(&bytes) {
            extract("x.bin", &text, &Options::default());
        }
    }
}

#[test]
fn hostile_shapes_are_handled() {
    let long_line = "366 children in care, ".repeat(20_000);
    let deep = "(".repeat(50_000) + &")".repeat(50_000);
    let tabs = "\t1\t2\t3\n".repeat(5_000);
    let digits = "9".repeat(100_000);
    let script = "<script>alert('366 children in care')</script>";
    for text in [
        long_line.as_str(),
        deep.as_str(),
        tabs.as_str(),
        digits.as_str(),
        script,
    ] {
        extract("hostile.txt", text, &Options::default());
    }
}

/// Crashes the property tests found (byte windows cut inside multi-byte characters), kept as
/// plain regression tests.
#[test]
fn found_crashes_stay_fixed() {
    let texts = [
        "𐧒 aﹰ࿎0\u{10a3f}🢰0 0 00AꬑൊAAaퟋ:Q1{".to_string(),
        [
            FRAGMENTS[34],
            FRAGMENTS[18],
            FRAGMENTS[26],
            FRAGMENTS[2],
            FRAGMENTS[24],
        ]
        .concat(),
        [
            26, 6, 12, 18, 17, 0, 29, 18, 28, 33, 18, 6, 6, 33, 6, 33, 28, 20, 18, 9,
        ]
        .map(|i| FRAGMENTS[i])
        .concat(),
        "The Head said in\u{a0}December 2017 \u{a0}\u{a0} 30 children in care".to_string(),
    ];
    for text in texts {
        extract("regression.txt", &text, &Options::default());
    }
}
