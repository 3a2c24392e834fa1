//! Many reports put together (issue 5): the three Blackburn with Darwen source reports of the
//! development set give one children-in-care series and the entering / leaving care series.

use report_explorer::timeline::{merge, Point};
use report_explorer::{extract, Options};

const SEEDS: [(&str, &str); 3] = [
    (
        "january-2017.txt",
        include_str!("data/seeds/000_05802d0420be5ec8.txt"),
    ),
    (
        "july-2018-pack.txt",
        include_str!("data/seeds/004_5e0b6194805aa9b6.txt"),
    ),
    (
        "december-2020.txt",
        include_str!("data/seeds/001_954ab8dfac8d6dee.txt"),
    ),
];

fn points() -> Vec<Point> {
    let docs: Vec<_> = SEEDS
        .iter()
        .map(|(name, text)| extract(name, text, &Options::default()))
        .collect();
    merge(&docs)
}

fn series(points: &[Point], indicator: &str) -> Vec<(String, f64)> {
    points
        .iter()
        .filter(|p| p.indicator == indicator && p.area.as_str() == "local")
        .map(|p| (p.when.clone(), p.value))
        .collect()
}

#[test]
fn children_in_care_is_one_series_at_the_dates_the_figures_refer_to() {
    let points = points();
    let cic = series(&points, "children_in_care");
    let expected = [
        ("2017-01-13", 366.0),
        ("2017-12-18", 398.0),
        ("2018-06-28", 350.0),
        ("2020-12", 378.0),
    ];
    for (when, value) in expected {
        assert!(
            cic.contains(&(when.to_string(), value)),
            "{value} at {when} in {cic:?}"
        );
    }
    // "Just under 400" and "398" at 18 December 2017 are one figure, not a conflict; 378 is
    // stated twice in the December 2020 report and appears once.
    let dec_2017 = points
        .iter()
        .find(|p| p.indicator == "children_in_care" && p.when == "2017-12-18")
        .expect("December 2017");
    assert!(!dec_2017.conflict && dec_2017.sources.len() == 2);
    let dec_2020 = points
        .iter()
        .filter(|p| p.indicator == "children_in_care" && p.when == "2020-12")
        .count();
    assert_eq!(dec_2020, 1);
    assert!(points
        .iter()
        .filter(|p| p.indicator == "children_in_care")
        .all(|p| !p.conflict));
}

#[test]
fn entering_and_leaving_care_come_from_the_yearly_table() {
    let points = points();
    let entered = series(&points, "entered_care");
    let left = series(&points, "left_care");
    assert_eq!(entered.len(), 18, "{entered:?}");
    assert_eq!(left.len(), 18, "{left:?}");
    assert_eq!(entered[0], ("2001".to_string(), 111.0));
    assert_eq!(left[0], ("2001".to_string(), 95.0));
    assert!(entered.windows(2).all(|w| w[0].0 < w[1].0), "in date order");
}

#[test]
fn the_command_line_prints_the_merged_series() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seeds");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_report-explorer"))
        .args([
            "timeline",
            "--format",
            "csv",
            &format!("{dir}/000_05802d0420be5ec8.txt"),
            &format!("{dir}/004_5e0b6194805aa9b6.txt"),
            &format!("{dir}/001_954ab8dfac8d6dee.txt"),
        ])
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    assert!(csv
        .starts_with("\u{feff}indicator,area,authority,when,value,unit,approx,conflict,sources\n"));
    assert!(csv.contains(
        "children_in_care,local,,2017-01-13,366,count,false,false,000_05802d0420be5ec8.txt#f"
    ));
    let json = std::process::Command::new(env!("CARGO_BIN_EXE_report-explorer"))
        .args(["timeline", &format!("{dir}/000_05802d0420be5ec8.txt")])
        .output()
        .expect("the binary runs");
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(value["schema"], "report-explorer-timeline/1");
}
