//! The annotation record as it is kept in a sidecar.

use super::Tag;

/// A moment in UTC, written as RFC 3339 text.
pub type Timestamp = time::OffsetDateTime;

/// Where an annotation sits in the article text, in forms that survive edits of the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    /// The annotated text exactly as it stood (W3C TextQuoteSelector `exact`).
    pub exact: String,
    /// About 32 code points of text before it (`prefix`).
    pub prefix: String,
    /// About 32 code points of text after it (`suffix`).
    pub suffix: String,
    /// Code-point offset of the first character (W3C TextPositionSelector `start`).
    pub start: usize,
    /// Code-point offset just past the last character (`end`).
    pub end: usize,
    /// Index of the first unit, a hint for finding it again.
    pub first_unit: usize,
    /// Index of the last unit (equal to `first_unit` for a single unit).
    pub last_unit: usize,
}

/// Tags and a note on one unit or a run of consecutive units.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Annotation {
    /// Stable identifier, unique across annotators (a UUID v7).
    pub id: String,
    /// The tags, sorted and without repeats; never empty in a saved annotation.
    pub tags: Vec<Tag>,
    /// The note, possibly several lines; empty when there is none.
    #[serde(default)]
    pub note: String,
    /// Who made the annotation.
    pub author: String,
    /// When it was made.
    #[serde(with = "time::serde::rfc3339")]
    pub created: Timestamp,
    /// When it was last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub modified: Timestamp,
    /// Where it sits in the text.
    pub anchor: Anchor,
}
