//! The layout of an article: paragraphs and headings, and the units inside them.

use super::metadata::Found;
use super::{Unit, UnitKind, segment};

/// Units and the metadata found while laying out a text.
#[derive(Debug, Default)]
pub struct Layout {
    /// Units in document order.
    pub units: Vec<Unit>,
    /// Metadata found in the text.
    pub metadata: Found,
}

/// Splits `text` into paragraphs at blank lines and each paragraph into sentences.
pub fn layout(text: &str) -> Layout {
    let mut units = Vec::new();
    let mut paragraph = 0;
    let mut offset = 0;
    for block in text.split("\n\n") {
        let mut found = false;
        for range in segment::sentences(block) {
            found = true;
            units.push(Unit {
                kind: UnitKind::Sentence,
                paragraph,
                start: offset + range.start,
                end: offset + range.end,
            });
        }
        if found {
            paragraph += 1;
        }
        offset += block.len() + 2;
    }
    Layout {
        units,
        metadata: Found::default(),
    }
}
