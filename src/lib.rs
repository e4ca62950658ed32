//! sidenote: read news articles sentence by sentence, tag claims, denials and quotes, keep the
//! tags in a RON sidecar beside each article, and export them.
//!
//! The layers point one way: the domain core (`article`, `annotation`, `export`) knows nothing of
//! terminals or files; `sidecar`, `library`, `atomic_file`, `paths`, `config` and `crash_report`
//! are the only code that touches the file system; `cli` and `tui` are thin shells over both.

pub mod annotation;
pub mod article;
pub mod atomic_file;
pub mod cli;
pub mod config;
pub mod crash_report;
pub mod export;
pub mod last_place;
pub mod library;
pub mod paths;
pub mod sidecar;
pub mod tui;
