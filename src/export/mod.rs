//! Exports: pure functions from a [`Report`](crate::model::Report) to the bytes of a file.

pub mod csv;
pub mod json;
