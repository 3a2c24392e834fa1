//! Files other than plain text give what their text gives: Word documents (their paragraphs,
//! and Word tables as tables, cells and all), and damaged or hostile ones a clear error.

use report_explorer::input::text_of_file;
use report_explorer::{extract, Document, ErrorKind, Options};

fn data(path: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str, bytes: &[u8]) -> Document {
    let text = text_of_file(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    extract(name, &text, &Options::default())
}

/// What a figure says, whatever text it came from.
fn said(document: &Document) -> Vec<String> {
    let mut figures: Vec<String> = document
        .figures
        .iter()
        .map(|f| format!("{:?} {} {:?} {:?}", f.indicator, f.value, f.when, f.area))
        .collect();
    figures.sort();
    figures
}

/// The heading and rows of the agenda pack's Entering / Leaving / Net table.
fn yearly(document: &Document) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    document
        .tables
        .iter()
        .find(|t| t.header.iter().any(|h| h == "Entering"))
        .map(|t| (t.header.clone(), t.rows.clone()))
}

#[test]
fn a_word_table_gives_the_table_and_figures_of_the_text() {
    let name = "004_5e0b6194805aa9b6";
    let text = String::from_utf8(data(&format!("seeds/{name}.txt"))).expect("utf-8");
    let plain = extract("pack.txt", &text, &Options::default());
    let word = read("pack.docx", &data(&format!("docx/tables/{name}.docx")));
    let table = yearly(&plain).expect("the text has the Entering / Leaving / Net table");
    assert!(table.1.len() >= 16, "{table:?}");
    assert_eq!(yearly(&word), Some(table));
    // Every figure of an indicator is the same. (LibreOffice drops the text's empty
    // paragraphs, so one sentence runs on and an unlinked figure's date may differ.)
    let linked = |d: &Document| {
        let mut s = said(d);
        s.retain(|f| !f.starts_with("None"));
        s
    };
    assert_eq!(linked(&word), linked(&plain));
    assert!(linked(&plain).len() >= 30);
}

#[test]
fn a_word_file_saved_from_text_gives_the_figures_of_the_text() {
    let name = "000_05802d0420be5ec8";
    let text = String::from_utf8(data(&format!("seeds/{name}.txt"))).expect("utf-8");
    let plain = extract("report.txt", &text, &Options::default());
    let word = read("report.docx", &data(&format!("docx/text/{name}.docx")));
    assert!(word
        .figures
        .iter()
        .any(|f| f.indicator.as_deref() == Some("children_in_care") && f.value == 366.0));
    assert_eq!(said(&word), said(&plain));
    assert_eq!(word.meta.date, plain.meta.date);
}

fn error_of(name: &str, bytes: &[u8]) -> String {
    text_of_file(name, bytes)
        .expect_err("an error, not text")
        .to_string()
}

#[test]
fn damaged_and_disguised_word_files_get_their_own_messages() {
    let good = data("docx/text/000_05802d0420be5ec8.docx");
    // Cut short: the archive's directory (at its end) is gone.
    assert_eq!(
        error_of("cut.docx", &good[..good.len() / 2]),
        "cannot read this Word file: the archive's directory is missing or damaged"
    );
    // Not an archive at all.
    assert_eq!(
        error_of("fake.docx", b"There are 366 children in care."),
        "cannot read this Word file: the archive's directory is missing or damaged"
    );
    // An archive without a Word document in it.
    let other = zip_of(&[("content.xml", b"<x/>", false)]);
    assert!(error_of("other.docx", &other).contains("not a Word document"));
    // Password-protected Word files are not ZIP archives but OLE files holding one.
    assert!(matches!(
        text_of_file("old.doc", b"\xD0\xCF\x11\xE0")
            .unwrap_err()
            .kind(),
        ErrorKind::Unsupported { .. }
    ));
    survives_damage("report.docx", &good, 97);
}

/// Every cut of a real file, and a flipped byte at each place, every `step` bytes: text or an
/// error, never a panic past the reader.
fn survives_damage(name: &str, good: &[u8], step: usize) {
    for at in (0..good.len()).step_by(step) {
        let _ = text_of_file(name, &good[..at]);
        let mut flipped = good.to_vec();
        flipped[at] ^= 0x5A;
        let _ = text_of_file(name, &flipped);
    }
}

#[test]
fn a_pdf_table_gives_the_table_and_figures_of_the_text() {
    let name = "004_5e0b6194805aa9b6";
    let text = String::from_utf8(data(&format!("seeds/{name}.txt"))).expect("utf-8");
    let plain = extract("pack.txt", &text, &Options::default());
    for producer in ["text", "tables", "chromium"] {
        let pdf = read("pack.pdf", &data(&format!("pdf/{producer}/{name}.pdf")));
        assert_eq!(yearly(&pdf), yearly(&plain), "pdf/{producer}");
        let entered = |d: &Document| {
            let mut s = said(d);
            s.retain(|f| f.contains("entered_care") || f.contains("left_care"));
            s
        };
        assert_eq!(entered(&pdf), entered(&plain), "pdf/{producer}");
    }
}

#[test]
fn pdf_pages_are_kept_and_bad_pdfs_get_their_own_messages() {
    let good = data("pdf/tables/004_5e0b6194805aa9b6.pdf");
    let text = text_of_file("pack.pdf", &good).expect("text");
    assert!(text.matches(report_explorer::pdf::PAGE_BREAK).count() >= 5);
    let message = |name: &str, bytes: &[u8]| error_of(name, bytes);
    assert!(message("cut.pdf", &good[..good.len() / 3]).starts_with("cannot read this PDF"));
    assert_eq!(
        message("protected.pdf", &data("pdf/bad/protected.pdf")),
        "cannot read this PDF: it is password-protected; open it, save an unprotected copy and try again"
    );
    assert_eq!(
        message("scan.pdf", &data("pdf/bad/scan.pdf")),
        "cannot read this PDF: this PDF has no text layer (a scan?); text recognition is not supported"
    );
    // The parser panics on this one (a damaged file from a fuzzing run): caught, and said.
    assert_eq!(
        message("panics.pdf", &data("pdf/bad/panics.pdf")),
        "cannot read this PDF: the PDF reader failed on it (the file may be damaged)"
    );
    assert_eq!(
        message("fake.pdf", b"<html>not a pdf</html>"),
        "cannot read this PDF: it is not a PDF file (no %PDF header)"
    );
    survives_damage("pack.pdf", &good, good.len() / 40);
}

#[test]
fn a_zip_bomb_posing_as_a_word_file_is_refused_without_inflating_it() {
    // 200 MB of zeros inflated from a few hundred kilobytes, its declared size a lie.
    let zeros = vec![0u8; 200 << 20];
    let bomb = zip_of(&[("word/document.xml", &zeros, true)]);
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let message = error_of("bomb.docx", &bomb);
    assert!(message.contains("more than 64 MB"), "{message}");
}

/// A ZIP archive of `(name, contents, deflate?)` entries; deflated entries declare a size of
/// 1 KB whatever they hold (as a ZIP bomb would).
fn zip_of(entries: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, deflate) in entries {
        let offset = out.len() as u32;
        let (method, body, declared) = if *deflate {
            (
                8u16,
                miniz_oxide::deflate::compress_to_vec(data, 6),
                1024u32,
            )
        } else {
            (0u16, data.to_vec(), data.len() as u32)
        };
        let header = |signature: &[u8], central: bool| {
            let mut h = signature.to_vec();
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(method.to_le_bytes());
            h.extend([0u8; 4]);
            h.extend(0u32.to_le_bytes());
            h.extend((body.len() as u32).to_le_bytes());
            h.extend(declared.to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 6]);
                h.extend(0u32.to_le_bytes());
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(b"PK\x03\x04", false));
        out.extend(&body);
        central.extend(header(b"PK\x01\x02", true));
    }
    let at = out.len() as u32;
    out.extend(&central);
    out.extend(b"PK\x05\x06");
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}
