//! The integration tests: one binary, a module per topic.

mod accuracy;
mod cli;
mod formats;
mod phrasing;
mod robustness;
mod timeline;
