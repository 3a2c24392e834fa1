//! JSON export: the `report-explorer/1` schema of `spec/output.md`.

use crate::model::Report;

/// The report as pretty-printed JSON.
pub fn to_json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
