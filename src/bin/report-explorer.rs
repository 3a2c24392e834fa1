//! The command line:
//! `report-explorer extract [--format json|csv] [--date YYYY-MM-DD] FILE...` and
//! `report-explorer timeline [--format json|csv] [--date YYYY-MM-DD] FILE...` and
//! `report-explorer text FILE...`.
//!
//! Reads each file (text, web page, Word or PDF; standard input for `-`), extracts its figures
//! with the same engine the web app runs, and prints one report, or (`timeline`) the series
//! merged across the files, or (`text`) the text the readers made of them. A file that cannot
//! be read gets one line on stderr naming it and the reason; the others are still processed
//! and the exit code is 1.

use anyhow::{bail, Context, Result};
use report_explorer::export::{csv::to_csv, json::to_json};
use report_explorer::input::text_of_file;
use report_explorer::{extract, timeline, Options, Report, MAX_INPUT_BYTES};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: report-explorer extract [--format json|csv] [--date YYYY-MM-DD] FILE...
       report-explorer extract -        (reads one document from standard input)
       report-explorer timeline [--format json|csv] [--date YYYY-MM-DD] FILE...
                                        (one series per indicator across the files)
       report-explorer text FILE...     (the text read from each file: PDF, Word, web page)";

/// What the user asked for.
struct Args {
    command: Command,
    format: Format,
    options: Options,
    files: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Command {
    Extract,
    Timeline,
    Text,
}

#[derive(Clone, Copy)]
enum Format {
    Json,
    Csv,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse(&args) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("report-explorer: {e:#}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // A file reader that panics on a damaged file is caught and reported as one line naming
    // the file (see report_explorer::pdf); the default hook would print a backtrace first.
    std::panic::set_hook(Box::new(|_| {}));
    let mut documents = Vec::new();
    let mut texts = Vec::new();
    let mut failed = false;
    for file in &args.files {
        let read = read_text(file).map(|(name, text)| match args.command {
            Command::Text => texts.push(text),
            _ => documents.push(extract(&name, &text, &args.options)),
        });
        if let Err(e) = read {
            eprintln!("report-explorer: {e:#}");
            failed = true;
        }
    }
    let bytes = match (args.command, args.format) {
        (Command::Text, _) => texts.join("\n\n").into_bytes(),
        (Command::Extract, Format::Json) => (to_json(&Report::new(documents)) + "\n").into_bytes(),
        (Command::Extract, Format::Csv) => to_csv(&Report::new(documents)),
        (Command::Timeline, Format::Json) => {
            (timeline::to_json(&timeline::merge(&documents)) + "\n").into_bytes()
        }
        (Command::Timeline, Format::Csv) => timeline::to_csv(&timeline::merge(&documents)),
    };
    if let Err(e) = std::io::stdout().lock().write_all(&bytes) {
        eprintln!("report-explorer: cannot write the output: {e}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn parse(args: &[String]) -> Result<Args> {
    let Some((command, rest)) = args.split_first() else {
        bail!("expected a command")
    };
    if command == "--help" || command == "-h" {
        println!("{USAGE}");
        std::process::exit(0);
    }
    let command = match command.as_str() {
        "extract" => Command::Extract,
        "timeline" => Command::Timeline,
        "text" => Command::Text,
        other => bail!("expected the command 'extract', 'timeline' or 'text', found '{other}'"),
    };
    let mut parsed = Args {
        command,
        format: Format::Json,
        options: Options::default(),
        files: Vec::new(),
    };
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" => {
                parsed.format = match it.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    other => bail!("expected 'json' or 'csv' after --format, found {other:?}"),
                }
            }
            "--date" => {
                let date = it.next().context("expected a date after --date")?;
                if report_explorer::extract::dates::parse_date(date).is_none() {
                    bail!("expected a date like 2017-01-26 after --date, found '{date}'");
                }
                parsed.options.date = Some(date.clone());
            }
            flag if flag.starts_with("--") => bail!("unknown option '{flag}'"),
            file => parsed.files.push(file.to_string()),
        }
    }
    if parsed.files.is_empty() {
        bail!("expected at least one file (or - for standard input)");
    }
    Ok(parsed)
}

/// The name and text of a file (standard input for `-`).
fn read_text(file: &str) -> Result<(String, String)> {
    let (name, bytes) = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_INPUT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .context("standard input: cannot read")?;
        ("stdin".to_string(), bytes)
    } else {
        let size = std::fs::metadata(file)
            .with_context(|| format!("{file}: cannot read"))?
            .len();
        if size > MAX_INPUT_BYTES as u64 {
            bail!(
                "{file}: the file is too large: {} MB, the limit is {} MB",
                size.div_ceil(1 << 20),
                MAX_INPUT_BYTES >> 20
            );
        }
        let bytes = std::fs::read(file).with_context(|| format!("{file}: cannot read"))?;
        (display_name(file), bytes)
    };
    let text = text_of_file(&name, &bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    Ok((name, text))
}

/// The file name without its folders, as the document's name.
fn display_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}
