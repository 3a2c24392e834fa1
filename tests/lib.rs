//! The integration tests: one binary, a module per topic.

mod accuracy;
mod cli;
mod phrasing;
mod robustness;
mod timeline;
