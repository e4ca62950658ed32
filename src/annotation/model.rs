//! The annotation record as it is kept in a sidecar.
//!
//! Fields that a person or an older sidenote may leave out carry `#[serde(default)]`, so fields
//! added later (the speaker, suggestions, team metadata) follow the same rule without breaking
//! sidecars already written. An unknown field is refused (`deny_unknown_fields`): in a sidecar of
//! this version it is most likely a misspelt hand edit; the sidecar module reads newer files
//! around it.

use super::Tag;

/// A moment in UTC, written as RFC 3339 text.
pub type Timestamp = time::OffsetDateTime;

/// Where an annotation sits in the article text, in forms that survive edits of the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// The annotated text exactly as it stood (W3C TextQuoteSelector `exact`).
    pub exact: String,
    /// About 32 code points of text before it (`prefix`).
    #[serde(default)]
    pub prefix: String,
    /// About 32 code points of text after it (`suffix`).
    #[serde(default)]
    pub suffix: String,
    /// Code-point offset of the first character (W3C TextPositionSelector `start`).
    pub start: usize,
    /// Code-point offset just past the last character (`end`).
    pub end: usize,
    /// Index of the first unit, a hint for finding it again.
    #[serde(default)]
    pub first_unit: usize,
    /// Index of the last unit (equal to `first_unit` for a single unit).
    #[serde(default)]
    pub last_unit: usize,
    /// A person kept this annotation as an orphan when only a similar text was found for it:
    /// re-anchoring then accepts only its exact text again, never a similar one. Written only
    /// when set (sidecar format 4); re-attaching or accepting a new place clears it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kept_orphan: bool,
}

/// Tags and a note on one unit or a run of consecutive units.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Stable identifier, unique across annotators (a UUID v7).
    pub id: String,
    /// The tags, sorted and without repeats; never empty in a saved annotation.
    pub tags: Vec<Tag>,
    /// The note, possibly several lines; empty when there is none.
    #[serde(default)]
    pub note: String,
    /// Who made the annotation.
    #[serde(default)]
    pub author: String,
    /// Who says what the annotated text says (a person, an agency, "outlet" for the outlet's own
    /// assertion), free text; empty when nobody has said. Written only when set, so a sidecar
    /// without speakers keeps format version 1 (see `sidecar::version_for`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub speaker: String,
    /// When it was made.
    #[serde(with = "time::serde::rfc3339")]
    pub created: Timestamp,
    /// When it was last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub modified: Timestamp,
    /// Where it sits in the text.
    pub anchor: Anchor,
    /// The claim groups a person linked it to (the same claim in other articles); written only
    /// when there is one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<ClaimLink>,
}

/// Membership of a claim group: annotations of different articles that carry the same link id
/// state the same claim.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimLink {
    /// The group's id, the same on every member.
    pub id: String,
    /// The group's short label ("300 killed"); every member carries it, a relabel changes all.
    #[serde(default)]
    pub label: String,
}

impl Anchor {
    /// An anchor on `exact` at code points `start..end`, on units `units` (first, last), with no
    /// text around it yet (`prefix` and `suffix` empty).
    pub fn new(
        exact: impl Into<String>,
        start: usize,
        end: usize,
        units: (usize, usize),
    ) -> Anchor {
        Anchor {
            exact: exact.into(),
            prefix: String::new(),
            suffix: String::new(),
            start,
            end,
            first_unit: units.0,
            last_unit: units.1,
            kept_orphan: false,
        }
    }
}

impl Annotation {
    /// An annotation `id` with `tags` on `anchor`, made and last changed at `now`, with no note,
    /// author, speaker or claim group: what the other fields start as, in one place.
    pub fn new(
        id: impl Into<String>,
        tags: Vec<Tag>,
        anchor: Anchor,
        now: Timestamp,
    ) -> Annotation {
        Annotation {
            id: id.into(),
            tags,
            note: String::new(),
            author: String::new(),
            speaker: String::new(),
            created: now,
            modified: now,
            anchor,
            groups: Vec::new(),
        }
    }

    /// Whether nothing a person gave is left on it (no tag, note or speaker): an edit or merge
    /// that leaves an annotation so removes it.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.note.is_empty() && self.speaker.is_empty()
    }
}
