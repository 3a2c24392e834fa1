//! The command line's contract: formats, exit codes and one-line errors naming the file.

use std::path::PathBuf;
use std::process::{Command, Output};

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_report-explorer"))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(binary())
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("stdin written");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("the binary ends")
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-explorer-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

const REPORT: &str =
    "DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care.";

#[test]
fn json_follows_the_schema() {
    let out = run(
        &["extract", "--format", "json", "-"],
        Some(REPORT.as_bytes()),
    );
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["schema"], "report-explorer/1");
    let figure = &json["documents"][0]["figures"][0];
    assert_eq!(figure["indicator"], "children_in_care");
    assert_eq!(figure["value"], 366.0);
    assert_eq!(figure["when"], "2017-01-13");
    assert_eq!(figure["area"], "local");
    let [start, end] = [
        figure["span"][0].as_u64().unwrap() as usize,
        figure["span"][1].as_u64().unwrap() as usize,
    ];
    assert_eq!(&REPORT[start..end], "366");
}

#[test]
fn csv_has_the_contract_header_and_quotes_sentences() {
    let out = run(
        &["extract", "--format", "csv", "-"],
        Some(REPORT.as_bytes()),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next(),
        Some("document,indicator,label,value,unit,approx,when,area,target,sentence,start,end")
    );
    assert!(lines.next().unwrap().starts_with(
        "stdin,children_in_care,children in care,366.0,count,false,2017-01-13,local,false,"
    ));
}

#[test]
fn date_option_resolves_undated_documents() {
    let out = run(
        &["extract", "--date", "2020-05-01", "-"],
        Some(b"There are currently 300 children in care."),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["documents"][0]["figures"][0]["when"], "2020-05-01");
    let out = run(
        &["extract", "-"],
        Some(b"There are currently 300 children in care."),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(
        json["documents"][0]["figures"][0]["when"],
        serde_json::Value::Null
    );
}

#[test]
fn bad_files_get_one_line_each_and_the_rest_still_print() {
    let good = temp_file("good.txt", REPORT.as_bytes());
    let binary_file = temp_file("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let empty = temp_file("empty.txt", b"   \n");
    let cp1252 = temp_file(
        "windows.txt",
        b"There are 366 children in care \x96 up from 300.",
    );
    let missing = "no-such-file.txt";
    let out = run(
        &[
            "extract",
            good.to_str().unwrap(),
            binary_file.to_str().unwrap(),
            empty.to_str().unwrap(),
            missing,
            cp1252.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].contains("image.png") && lines[0].contains("PNG"),
        "{stderr}"
    );
    assert!(
        lines[1].contains("empty.txt") && lines[1].contains("empty"),
        "{stderr}"
    );
    assert!(lines[2].contains("no-such-file.txt"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let names: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["good.txt", "windows.txt"]);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        run(&["extract", "--format", "xml", "-"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(
        run(&["extract", "--date", "yesterday", "-"], None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn html_pages_are_read_as_text_with_their_tables() {
    let page = temp_file(
        "item.html",
        b"<html><head><script>var n = 999;</script></head><body><nav>Home</nav><p>Our current figures are:</p><table><tr><td>Child in Need</td><td>355</td></tr><tr><td>Child Protection</td><td>190</td></tr></table></body></html>",
    );
    let out = run(
        &["extract", "--date", "2020-12-01", page.to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let figures = json["documents"][0]["figures"].as_array().unwrap();
    let linked: Vec<(&str, f64)> = figures
        .iter()
        .filter_map(|f| Some((f["indicator"].as_str()?, f["value"].as_f64()?)))
        .collect();
    assert_eq!(
        linked,
        [
            ("children_in_need", 355.0),
            ("child_protection_plans", 190.0)
        ]
    );
    assert_eq!(
        json["documents"][0]["tables"][0]["rows"][1][0],
        "Child Protection"
    );
}

#[test]
fn word_documents_are_read_and_damaged_ones_named() {
    let word = format!(
        "{}/tests/data/docx/tables/000_05802d0420be5ec8.docx",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&word).expect("fixture");
    let damaged = temp_file("damaged.docx", &bytes[..bytes.len() / 3]);
    let out = run(
        &[
            "extract",
            "--format",
            "csv",
            &word,
            damaged.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("damaged.docx") && stderr.contains("cannot read this Word file"),
        "{stderr}"
    );
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        csv.lines().any(
            |l| l.starts_with("000_05802d0420be5ec8.docx,children_in_care,")
                && l.contains(",366.0,")
        ),
        "{csv}"
    );
}

#[test]
fn pdfs_are_read_and_bad_ones_named() {
    let data = |p: &str| format!("{}/tests/data/pdf/{p}", env!("CARGO_MANIFEST_DIR"));
    let out = run(
        &[
            "extract",
            "--format",
            "csv",
            &data("tables/004_5e0b6194805aa9b6.pdf"),
            &data("bad/protected.pdf"),
            &data("bad/scan.pdf"),
            &data("bad/panics.pdf"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].contains("protected.pdf") && lines[0].contains("password-protected"));
    assert!(lines[1].contains("scan.pdf") && lines[1].contains("no text layer"));
    assert!(lines[2].contains("panics.pdf") && lines[2].contains("the PDF reader failed"));
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        csv.lines()
            .any(|l| l.contains(",entered_care,") && l.contains(",111.0,")),
        "{csv}"
    );
}
