//! Keeping documents across reloads in the browser's local storage.
//!
//! Stored as JSON under one key with a schema version; earlier versions are migrated. What
//! cannot be read is set aside under another key (never deleted) and reported; a full quota is
//! reported, not ignored.
//!
//! Versions: 1 kept name and text; 2 adds the user's corrections (`edits`, empty when absent)
//! and, when given, the document's date and authority.

use crate::edit::Edit;
use serde::{Deserialize, Serialize};

const KEY: &str = "report-explorer";
const SET_ASIDE: &str = "report-explorer.unreadable";
const VERSION: u32 = 2;

/// One stored document: what is needed to read it again, and the user's corrections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    /// The document's name.
    pub name: String,
    /// Its text.
    pub text: String,
    /// Corrections (absent in version 1).
    #[serde(default)]
    pub edits: Vec<Edit>,
    /// The document's date as the user gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The council as the user gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
}

/// A document as it is written: [`Stored`], borrowed (storing copies no text).
#[derive(Serialize)]
pub struct StoredRef<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub edits: &'a [Edit],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<&'a str>,
}

#[derive(Deserialize)]
struct State {
    version: u32,
    documents: Vec<Stored>,
}

#[derive(Serialize)]
struct StateRef<'a> {
    version: u32,
    documents: &'a [StoredRef<'a>],
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The stored documents, or a message when what is stored cannot be read (it is set aside).
pub fn load() -> Result<Vec<Stored>, String> {
    let Some(storage) = storage() else {
        return Ok(Vec::new());
    };
    let Ok(Some(raw)) = storage.get_item(KEY) else {
        return Ok(Vec::new());
    };
    match serde_json::from_str::<State>(&raw) {
        Ok(state) if (1..=VERSION).contains(&state.version) => Ok(state.documents),
        _ => {
            // Keep it for the user (or a later version) rather than throwing it away.
            let _ = storage.set_item(SET_ASIDE, &raw);
            let _ = storage.remove_item(KEY);
            Err("The documents stored by an earlier visit could not be read; they were set aside and the app started empty.".to_string())
        }
    }
}

const FULL: &str = "The browser's storage is full: these documents will not be kept after a reload. Remove some documents to make room.";

thread_local! {
    /// The size (in bytes of text) at which storing last failed for lack of room: larger sets
    /// are not tried again (storing 50 MB of reports only to be refused takes a second).
    static REFUSED_AT: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Stores the documents, or says why they could not be kept.
pub fn save(documents: &[StoredRef<'_>]) -> Result<(), String> {
    let Some(storage) = storage() else {
        return Ok(());
    };
    let size: usize = documents.iter().map(|d| d.text.len() + d.name.len()).sum();
    if REFUSED_AT.get().is_some_and(|refused| size >= refused) {
        return Err(FULL.to_string());
    }
    let json = serde_json::to_string(&StateRef {
        version: VERSION,
        documents,
    })
    .map_err(|e| e.to_string())?;
    match storage.set_item(KEY, &json) {
        Ok(()) => {
            REFUSED_AT.set(None);
            Ok(())
        }
        Err(_) => {
            REFUSED_AT.set(Some(size));
            Err(FULL.to_string())
        }
    }
}

/// Removes everything this app stored.
pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
        let _ = storage.remove_item(SET_ASIDE);
    }
}
