//! The one error type of the engine and its readers.
//!
//! Messages are lower case and say what was expected and what was found; front ends add the
//! file name ("report.pdf: ...") and show them as text.

use std::fmt;

/// What went wrong, and where the detail is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// The kinds of failure a front end may want to tell apart.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input holds no text at all (empty or whitespace only).
    Empty,
    /// The input is larger than the documented limit.
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input looks like a binary file, not text.
    Binary {
        /// What it looks like ("a PDF", "a ZIP archive", "binary data").
        looks_like: &'static str,
    },
    /// A kind of file that cannot be read (yet).
    Unsupported {
        /// The file's extension, lower case.
        extension: String,
    },
    /// A file of a kind that is read, damaged or protected: the message says how.
    Unreadable(String),
    /// A command-line or option value could not be understood.
    Usage(String),
}

impl Error {
    /// An error of the given kind.
    pub fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Empty => write!(f, "the file is empty: expected the text of a report"),
            ErrorKind::TooLarge { size, limit } => write!(
                f,
                "the file is too large: {} MB, the limit is {} MB",
                size.div_ceil(1 << 20),
                limit >> 20
            ),
            ErrorKind::Binary { looks_like } => {
                write!(f, "expected text, found {looks_like}")
            }
            ErrorKind::Unsupported { extension } => write!(
                f,
                "cannot read .{extension} files yet: expected text (.txt, .md, .csv), a web page (.html) or a Word document (.docx); save the file as one of these and try again"
            ),
            ErrorKind::Unreadable(message) | ErrorKind::Usage(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}
