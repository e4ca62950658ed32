//! Anchoring: building an anchor for units of an article, and finding annotations again in an
//! article that may have changed since they were made.

use super::{Anchor, Annotation};
use crate::article::Article;

/// Code points of context kept on each side of the exact text.
const CONTEXT: usize = 32;

/// How an annotation was found in the current article.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// At its recorded position, text unchanged.
    Anchored,
    /// Its exact text was found elsewhere.
    Moved,
    /// A similar text was found; the user should confirm it. The score is in 0..=1.
    Fuzzy(f32),
    /// Not found: kept as it was, never dropped.
    Orphaned,
}

/// Where an annotation sits in the current article.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// How it was found.
    pub status: Status,
    /// First and last unit it covers now; `None` when orphaned.
    pub units: Option<(usize, usize)>,
}

/// The anchor for units `first..=last` of `article`, or `None` when the range is out of bounds.
pub fn anchor_for(article: &Article, first: usize, last: usize) -> Option<Anchor> {
    let units = article.units();
    let (from, to) = (units.get(first)?, units.get(last)?);
    if from.start > to.end {
        return None;
    }
    let text = article.text();
    let chars = article.chars();
    let start = chars.char_of_byte(text, from.start);
    let end = chars.char_of_byte(text, to.end);
    let prefix: String = {
        let before: Vec<char> = text[..from.start].chars().rev().take(CONTEXT).collect();
        before.into_iter().rev().collect()
    };
    let suffix: String = text[to.end..].chars().take(CONTEXT).collect();
    Some(Anchor {
        exact: text[from.start..to.end].to_owned(),
        prefix,
        suffix,
        start,
        end,
        first_unit: first,
        last_unit: last,
    })
}

/// Finds every annotation in `article`, in the order given.
pub fn place_all(article: &Article, annotations: &[Annotation]) -> Vec<Placement> {
    annotations
        .iter()
        .map(|annotation| place(article, &annotation.anchor))
        .collect()
}

fn place(article: &Article, anchor: &Anchor) -> Placement {
    let text = article.text();
    let chars = article.chars();
    let found = chars
        .byte_of_char(text, anchor.start)
        .zip(chars.byte_of_char(text, anchor.end));
    match found {
        Some((start, end)) if text.get(start..end) == Some(anchor.exact.as_str()) => {
            let first = article.unit_at_byte(start);
            let last = article.unit_at_byte(end.saturating_sub(1));
            Placement {
                status: Status::Anchored,
                units: first.zip(last),
            }
        }
        _ => Placement {
            status: Status::Orphaned,
            units: None,
        },
    }
}
