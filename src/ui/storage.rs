//! Keeping documents across reloads in the browser's IndexedDB.
//!
//! One record per document in the object store `documents`, under the document's key: the
//! document as JSON with a schema version. Saving writes only the documents that changed and
//! deletes the ones removed, so a set of 500 reports is not rewritten when one is renamed.
//! IndexedDB holds as much as the browser allows the site (a share of the disk), where local
//! storage held 5 MB.
//!
//! What cannot be read is set aside (never deleted) and reported: a record in the store
//! `unreadable`, or the old local storage entry under another key. A full quota is reported,
//! not ignored.
//!
//! Versions: 1 kept name and text; 2 adds the user's corrections (`edits`, empty when absent)
//! and, when given, the document's date and authority. Versions 1 and 2 lived in local storage
//! under one key; they are read from there once and moved here. 3 is one record per document.

use crate::edit::Edit;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "report-explorer";
const DOCUMENTS: &str = "documents";
const UNREADABLE: &str = "unreadable";
const VERSION: u32 = 3;

/// Where versions 1 and 2 were kept, and where what could not be read from there is set aside.
const LEGACY_KEY: &str = "report-explorer";
const LEGACY_SET_ASIDE: &str = "report-explorer.unreadable";

/// One stored document: what is needed to read it again, and the user's corrections.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Stored {
    /// Where it is kept, once it is (documents new to storage have none).
    #[serde(skip)]
    pub key: Option<u32>,
    /// The document's name.
    pub name: String,
    /// Its text.
    pub text: String,
    /// Corrections (absent in version 1).
    #[serde(default)]
    pub edits: Vec<Edit>,
    /// The document's date as the user gave it.
    #[serde(default)]
    pub date: Option<String>,
    /// The council as the user gave it.
    #[serde(default)]
    pub authority: Option<String>,
}

/// A document as it is written: [`Stored`], borrowed (storing copies no text).
pub struct StoredRef<'a> {
    pub key: u32,
    pub name: &'a str,
    pub text: &'a str,
    pub edits: &'a [Edit],
    pub date: Option<&'a str>,
    pub authority: Option<&'a str>,
}

/// A record as read: the schema version beside the document's fields.
#[derive(Deserialize)]
struct Record {
    version: u32,
    name: String,
    text: String,
    #[serde(default)]
    edits: Vec<Edit>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    authority: Option<String>,
}

/// A record as written.
#[derive(Serialize)]
struct RecordRef<'a> {
    version: u32,
    name: &'a str,
    text: &'a str,
    edits: &'a [Edit],
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    authority: Option<&'a str>,
}

/// Local storage as versions 1 and 2 wrote it.
#[derive(Deserialize)]
struct LegacyState {
    version: u32,
    documents: Vec<Stored>,
}

thread_local! {
    /// The open database, once opened.
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// The database being opened.
    static OPENING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// What each stored record holds besides its text (see [`fingerprint`]): saving compares
    /// against it to write only what changed.
    static WRITTEN: RefCell<HashMap<u32, String>> = RefCell::new(HashMap::new());
}

/// Everything in a record that can change: a document's text never does.
fn fingerprint(name: &str, edits: &[Edit], date: Option<&str>, authority: Option<&str>) -> String {
    serde_json::to_string(&(name, edits, date, authority)).unwrap_or_default()
}

/// The stored documents (in the order they were added), and a message when some of what is
/// stored could not be read (it was set aside).
pub async fn load() -> (Vec<Stored>, Option<String>) {
    let (legacy, legacy_problem) = load_legacy();
    // A database that cannot be opened is said when saving (nothing was kept in it).
    let (mut documents, problem) = load_records().await.unwrap_or_default();
    documents.extend(legacy);
    (documents, problem.or(legacy_problem))
}

async fn load_records() -> Result<(Vec<Stored>, Option<String>), JsValue> {
    let db = database().await?;
    let tx = db.transaction_with_str(DOCUMENTS)?;
    let store = tx.object_store(DOCUMENTS)?;
    let (keys, values) = (
        finished(&store.get_all_keys()?),
        finished(&store.get_all()?),
    );
    let keys: js_sys::Array = keys.await?.unchecked_into();
    let values: js_sys::Array = values.await?.unchecked_into();
    let mut documents = Vec::new();
    let mut unreadable = Vec::new();
    for (key, value) in keys.iter().zip(values.iter()) {
        let record = value
            .as_string()
            .and_then(|json| serde_json::from_str::<Record>(&json).ok())
            .filter(|r| r.version == VERSION);
        match (key.as_f64(), record) {
            (Some(k), Some(record)) if k >= 0.0 && k < u32::MAX as f64 => {
                let k = k as u32;
                let document = Stored {
                    key: Some(k),
                    name: record.name,
                    text: record.text,
                    edits: record.edits,
                    date: record.date,
                    authority: record.authority,
                };
                let print = fingerprint(
                    &document.name,
                    &document.edits,
                    document.date.as_deref(),
                    document.authority.as_deref(),
                );
                WRITTEN.with_borrow_mut(|w| w.insert(k, print));
                documents.push(document);
            }
            _ => unreadable.push((key, value)),
        }
    }
    if unreadable.is_empty() {
        return Ok((documents, None));
    }
    // Keep them for the user (or a later version) rather than throwing them away.
    let tx = db.transaction_with_str_sequence_and_mode(
        &js_sys::Array::of2(&DOCUMENTS.into(), &UNREADABLE.into()),
        IdbTransactionMode::Readwrite,
    )?;
    let (store, aside) = (tx.object_store(DOCUMENTS)?, tx.object_store(UNREADABLE)?);
    for (key, value) in &unreadable {
        aside.put_with_key(value, key)?;
        store.delete(key)?;
    }
    committed(&tx).await?;
    let message = format!(
        "{} stored document{} could not be read; {} set aside and the others were opened.",
        unreadable.len(),
        if unreadable.len() == 1 { "" } else { "s" },
        if unreadable.len() == 1 {
            "it was"
        } else {
            "they were"
        },
    );
    Ok((documents, Some(message)))
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// What versions 1 and 2 left in local storage (it is removed once saved here).
fn load_legacy() -> (Vec<Stored>, Option<String>) {
    let Some(storage) = local_storage() else {
        return (Vec::new(), None);
    };
    let Ok(Some(raw)) = storage.get_item(LEGACY_KEY) else {
        return (Vec::new(), None);
    };
    match serde_json::from_str::<LegacyState>(&raw) {
        Ok(state) if (1..VERSION).contains(&state.version) => (state.documents, None),
        _ => {
            let _ = storage.set_item(LEGACY_SET_ASIDE, &raw);
            let _ = storage.remove_item(LEGACY_KEY);
            let message = "The documents stored by an earlier visit could not be read; they were set aside and the app started empty.";
            (Vec::new(), Some(message.to_string()))
        }
    }
}

const FULL: &str = "The browser's storage is full: these documents will not be kept after a reload. Remove some documents to make room.";
const UNAVAILABLE: &str = "This browser does not let the page store data (a private window?): these documents will not be kept after a reload.";

/// Stores what changed since the last save: documents new or changed are written, documents no
/// longer there are deleted. The writing starts now (a save on leaving the page is not left
/// for later); the result says whether it was kept, or why not.
pub fn save(documents: &[StoredRef<'_>]) -> impl std::future::Future<Output = Result<(), String>> {
    let mut puts = Vec::new();
    let mut deletes = Vec::new();
    WRITTEN.with_borrow_mut(|written| {
        for d in documents {
            let print = fingerprint(d.name, d.edits, d.date, d.authority);
            if written.get(&d.key) != Some(&print) {
                let record = RecordRef {
                    version: VERSION,
                    name: d.name,
                    text: d.text,
                    edits: d.edits,
                    date: d.date,
                    authority: d.authority,
                };
                puts.push((d.key, serde_json::to_string(&record).unwrap_or_default()));
                written.insert(d.key, print);
            }
        }
        let kept: std::collections::HashSet<u32> = documents.iter().map(|d| d.key).collect();
        deletes.extend(written.keys().filter(|k| !kept.contains(k)).copied());
        written.retain(|k, _| kept.contains(k));
    });
    let nothing = puts.is_empty() && deletes.is_empty();
    // Started at once when the database is open, which it is after the first load.
    let started = DB
        .with_borrow(|db| db.clone())
        .filter(|_| !nothing)
        .map(|db| write(&db, &puts, &deletes));
    async move {
        if nothing {
            return Ok(());
        }
        let tx = match started {
            Some(started) => started,
            None => match database().await {
                Ok(db) => write(&db, &puts, &deletes),
                Err(_) => return Err(UNAVAILABLE.to_string()),
            },
        };
        let outcome = match tx {
            Ok(tx) => committed(&tx).await.map(|_| ()),
            Err(e) => Err(e),
        };
        match outcome {
            Ok(()) => {
                // Everything is here now: the old copy in local storage can go.
                if let Some(storage) = local_storage() {
                    let _ = storage.remove_item(LEGACY_KEY);
                }
                Ok(())
            }
            Err(error) => {
                // Not written: try these again at the next save.
                WRITTEN.with_borrow_mut(|w| {
                    for (key, _) in &puts {
                        w.remove(key);
                    }
                });
                let name = error
                    .dyn_ref::<web_sys::DomException>()
                    .map(|e| e.name())
                    .unwrap_or_default();
                Err(match name.as_str() {
                    "QuotaExceededError" => FULL.to_string(),
                    _ => format!("These documents could not be stored ({}): they will not be kept after a reload.", if name.is_empty() { "the browser refused" } else { &name }),
                })
            }
        }
    }
}

/// Starts one transaction writing `puts` and deleting `deletes`.
fn write(
    db: &IdbDatabase,
    puts: &[(u32, String)],
    deletes: &[u32],
) -> Result<IdbTransaction, JsValue> {
    let tx = db.transaction_with_str_and_mode(DOCUMENTS, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(DOCUMENTS)?;
    for (key, json) in puts {
        store.put_with_key(&JsValue::from_str(json), &JsValue::from(*key))?;
    }
    for key in deletes {
        store.delete(&JsValue::from(*key))?;
    }
    commit_now(&tx);
    Ok(tx)
}

/// Asks for `tx` to be committed now rather than when its requests are done: nothing more
/// comes, and a committed transaction survives the page being left (a save on `pagehide`).
/// (web-sys marks `IDBTransaction.commit()` deprecated; it is a standard method, in every
/// current browser.)
#[allow(deprecated)]
fn commit_now(tx: &IdbTransaction) {
    let _ = tx.commit();
}

/// Removes everything this app stored, what was set aside included.
pub fn clear() {
    WRITTEN.with_borrow_mut(|w| w.clear());
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(LEGACY_KEY);
        let _ = storage.remove_item(LEGACY_SET_ASIDE);
    }
    let clear_in = |db: &IdbDatabase| -> Result<IdbTransaction, JsValue> {
        let tx = db.transaction_with_str_sequence_and_mode(
            &js_sys::Array::of2(&DOCUMENTS.into(), &UNREADABLE.into()),
            IdbTransactionMode::Readwrite,
        )?;
        tx.object_store(DOCUMENTS)?.clear()?;
        tx.object_store(UNREADABLE)?.clear()?;
        commit_now(&tx);
        Ok(tx)
    };
    // Started now, before a reload can come.
    let started = DB.with_borrow(|db| db.as_ref().map(clear_in));
    wasm_bindgen_futures::spawn_local(async move {
        let tx = match started {
            Some(tx) => tx,
            None => match database().await {
                Ok(db) => clear_in(&db),
                Err(e) => Err(e),
            },
        };
        if let Ok(tx) = tx {
            let _ = committed(&tx).await;
        }
    });
}

/// The database, opened (and created, the first time) once per page. Whoever asks while it
/// is being opened waits for that same opening, in the order they asked: a clearing asked for
/// before a save is done before it.
async fn database() -> Result<IdbDatabase, JsValue> {
    if let Some(db) = DB.with_borrow(|db| db.clone()) {
        return Ok(db);
    }
    let opening = OPENING.with_borrow_mut(|opening| match opening {
        Some(promise) => Ok(promise.clone()),
        None => open().inspect(|promise| *opening = Some(promise.clone())),
    })?;
    let db: IdbDatabase = JsFuture::from(opening).await?.unchecked_into();
    DB.with_borrow_mut(|slot| *slot = Some(db.clone()));
    Ok(db)
}

/// Starts opening the database; the promise gives it.
fn open() -> Result<js_sys::Promise, JsValue> {
    let factory = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("no IndexedDB"))?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let opening = request.clone();
    let create = Closure::once_into_js(move || {
        if let Ok(db) = opening.result() {
            let db: IdbDatabase = db.unchecked_into();
            let _ = db.create_object_store(DOCUMENTS);
            let _ = db.create_object_store(UNREADABLE);
        }
    });
    request.set_onupgradeneeded(Some(create.unchecked_ref()));
    Ok(answer(&request))
}

/// The result of `request`, once it has one. Listens from now: a request made beside others
/// is not missed while they are awaited.
fn finished(request: &IdbRequest) -> JsFuture {
    JsFuture::from(answer(request))
}

/// A promise of the result of `request`.
fn answer(request: &IdbRequest) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let (done, failed) = (request.clone(), request.clone());
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move || {
            let error = failed.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::UNDEFINED));
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

/// Resolves once `tx` is committed; rejects if it was aborted (a failed write, a full quota).
fn committed(tx: &IdbTransaction) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = failed.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::UNDEFINED));
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise)
}
