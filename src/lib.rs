//! sidenote: read news articles sentence by sentence, tag claims, denials and quotes, keep the
//! tags in a RON sidecar beside each article, and export them.
//!
//! The layers point one way: the domain core (`article`, `annotation`, `export`, `safe_text`,
//! `agreement`, `changes`, `suggest`) knows nothing of terminals or files; `sidecar`, `library`,
//! `atomic_file`, `regular_file`, `export_output`, `paths`, `config`, `last_place`, `tagged_text`,
//! `rejections` and `crash_report` are the only code that touches the file system; `cli` and
//! `tui` are thin shells over both.

pub mod agreement;
pub mod annotation;
pub mod article;
pub mod atomic_file;
pub mod changes;
pub mod claim_dismissals;
pub mod claims;
pub mod cli;
pub mod config;
pub mod crash_report;
pub mod export;
pub mod export_output;
pub mod last_place;
pub mod library;
pub mod paths;
pub mod regular_file;
pub mod rejections;
pub mod safe_text;
pub mod sidecar;
pub mod suggest;
pub mod tagged_text;
pub mod tui;
