//! Report Explorer's engine: turns council reports on children's social care into typed,
//! dated figures, each traced to its sentence.
//!
//! ```
//! use report_explorer::{extract, Options};
//! let doc = extract("note.txt", "DATE: 26th January 2017\n\nThere are now over 400 CAFs.", &Options::default());
//! assert_eq!(doc.figures[0].indicator.as_deref(), Some("early_help"));
//! assert!(doc.figures[0].approx);
//! ```
//!
//! The web app (`src/ui`, WebAssembly) and the command line (`src/bin`) are thin front ends
//! over [`extract`] and the exports.

pub mod chart;
pub mod compare;
pub mod docx;
pub mod edit;
pub mod error;
pub mod export;
pub mod extract;
pub mod html;
pub mod input;
pub mod model;
pub mod pdf;
pub mod timeline;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod view;

pub use error::{Error, ErrorKind};
pub use extract::{extract, extract_with_progress, Options};
pub use input::{decode, MAX_INPUT_BYTES};
pub use model::{Area, Document, Figure, Meta, Report, Table, Unit};
