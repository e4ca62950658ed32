//! The three tags a unit can carry.

use std::fmt;
use std::str::FromStr;

/// What a person judged a unit to be.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Tag {
    /// An assertion of fact that can be checked.
    Claim,
    /// A denial of a claim.
    Denial,
    /// Someone's words quoted.
    Quote,
}

impl Tag {
    /// Every tag, in display order.
    pub const ALL: [Tag; 3] = [Tag::Claim, Tag::Denial, Tag::Quote];

    /// The lower-case name used on the command line and in exports.
    pub fn name(self) -> &'static str {
        match self {
            Tag::Claim => "claim",
            Tag::Denial => "denial",
            Tag::Quote => "quote",
        }
    }

    /// The one-letter mark shown in the reading pane's gutter.
    pub fn letter(self) -> char {
        match self {
            Tag::Claim => 'C',
            Tag::Denial => 'D',
            Tag::Quote => 'Q',
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown tag name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown tag '{0}': use claim, denial or quote")]
pub struct UnknownTag(pub String);

impl FromStr for Tag {
    type Err = UnknownTag;

    fn from_str(s: &str) -> Result<Tag, UnknownTag> {
        Tag::ALL
            .into_iter()
            .find(|tag| tag.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownTag(s.to_owned()))
    }
}
