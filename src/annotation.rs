//! Annotations: tags and notes on a unit or a run of units, and how they stay anchored to the text
//! when the article changes.
//!
//! Pure data and algorithms over an [`Article`](crate::article::Article): no files, no clock (times
//! are passed in), no terminal.

mod anchor;
mod model;
mod set;
mod tag;

pub use anchor::{CONTEXT, Placement, Status, anchor_for, confirm, place_all, refresh_anchors};
pub use model::{Anchor, Annotation, ClaimLink, Timestamp};
pub use set::{AnnotationSet, Change, Edit, Snapshot, Spread, Stamp, in_document_order};
pub use tag::{Tag, UnknownTag};
