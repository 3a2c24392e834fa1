//! Turning the bytes of a file into text the engine can read.
//!
//! Council exports are UTF-8 or Windows-1252; anything else (PDF, Office files, images,
//! executables) is refused with a message saying what it looks like. The limit keeps the
//! browser tab and the command line responsive.

use crate::error::{Error, ErrorKind};

/// The largest input accepted, in bytes (64 MB: a 300-page agenda pack is about 2 MB of text).
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// Decodes a file's bytes as UTF-8, or as Windows-1252 when it is not valid UTF-8.
///
/// A UTF-8 byte-order mark is dropped. Binary data, empty input and input over
/// [`MAX_INPUT_BYTES`] are errors.
///
/// ```
/// use report_explorer::decode;
/// assert_eq!(decode(b"caf\xe9 300").unwrap(), "café 300");
/// assert!(decode(b"%PDF-1.7 ...").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ErrorKind::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        }
        .into());
    }
    if let Some(looks_like) = sniff_binary(bytes) {
        return Err(ErrorKind::Binary { looks_like }.into());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    };
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty.into());
    }
    Ok(text)
}

/// The kinds of file the readers tell apart, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (.txt, .md, .csv, .tsv or anything else that decodes as text).
    Text,
    /// A web page (.html, .htm, .xhtml).
    Html,
    /// A Word document (.docx).
    Docx,
    /// A PDF file.
    Pdf,
}

impl Format {
    /// The format of a file named `name`, or why files of its kind cannot be read.
    pub fn of(name: &str) -> Result<Format, Error> {
        let extension = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "html" | "htm" | "xhtml" => Ok(Format::Html),
            "docx" => Ok(Format::Docx),
            "pdf" => Ok(Format::Pdf),
            "doc" | "odt" | "rtf" | "xls" | "xlsx" | "ppt" | "pptx" => {
                Err(ErrorKind::Unsupported { extension }.into())
            }
            _ => Ok(Format::Text),
        }
    }

    /// True for the formats whose readers are heavy: the browser runs them in a worker of
    /// their own, fetched when such a file is first opened.
    pub fn is_packaged(self) -> bool {
        matches!(self, Format::Docx | Format::Pdf)
    }
}

/// The text of a file, chosen by its name: plain text as it is, web pages (.html, .htm) as
/// their text, Word documents (.docx) as their paragraphs and tables, PDF files as their
/// pages' lines. Other office files are refused with a message saying so.
///
/// ```
/// use report_explorer::input::text_of_file;
/// assert_eq!(text_of_file("a.html", b"<p>366 <i>children</i></p>").unwrap(), "366 children");
/// assert!(text_of_file("a.docx", b"PK..").is_err());
/// assert!(text_of_file("a.doc", b"..").is_err());
/// ```
pub fn text_of_file(name: &str, bytes: &[u8]) -> Result<String, Error> {
    text_of_file_with_progress(name, bytes, &mut |_, _| {})
}

/// [`text_of_file`], telling `progress` each page of a PDF read (`page`, `pages`).
pub fn text_of_file_with_progress(
    name: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(u32, u32),
) -> Result<String, Error> {
    match Format::of(name)? {
        Format::Docx => crate::docx::to_text(bytes),
        Format::Pdf => crate::pdf::to_text(bytes, progress),
        format => text_of_plain_file(format, bytes),
    }
}

/// The text of a text file or a web page (the readers the page runs itself).
pub fn text_of_plain_file(format: Format, bytes: &[u8]) -> Result<String, Error> {
    let text = decode(bytes)?;
    if format == Format::Html {
        let text = crate::html::to_text(&text);
        if text.trim().is_empty() {
            return Err(ErrorKind::Empty.into());
        }
        return Ok(text);
    }
    Ok(text)
}

/// Names what a binary input looks like, or `None` when it looks like text.
fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 7] = [
        (b"%PDF", "a PDF file (name it .pdf to have it read as one)"),
        (
            b"PK\x03\x04",
            "a ZIP archive (a Word file? name it .docx to have it read as one)",
        ),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x7FELF", "a program"),
    ];
    if let Some((_, name)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(name);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)))
        .count();
    (controls > head.len() / 100 || head.contains(&0)).then_some("binary data")
}

/// The character Windows-1252 assigns to a byte.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_quotes_and_pound() {
        assert_eq!(decode(b"\x93care\x94 \xa35,500").unwrap(), "“care” £5,500");
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b"  \n ").unwrap_err().kind(), &ErrorKind::Empty);
        assert!(matches!(
            decode(b"ab\0cd").unwrap_err().kind(),
            ErrorKind::Binary { .. }
        ));
        assert!(matches!(
            decode(b"PK\x03\x04..").unwrap_err().kind(),
            ErrorKind::Binary { .. }
        ));
    }

    #[test]
    fn drops_byte_order_mark() {
        assert_eq!(decode(b"\xEF\xBB\xBF366 children").unwrap(), "366 children");
    }
}
