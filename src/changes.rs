//! What changed in an article since it was tagged: for each tag whose place or wording changed,
//! its text then and now with a word-level difference ([`words`]); a one-line summary
//! ("2 tags changed wording, 1 lost its sentence, 5 moved"); and, when the text the tags were
//! made on is at hand, the sentences added and removed since ([`sentences`]).
//!
//! Pure: built from an [`Article`], annotations and their placements (as re-anchoring found
//! them); nothing here reads a file, a clock or a terminal. The shells decide when to ask (the
//! command line's `changes`, the reading screen when an article's fingerprint differs from its
//! sidecar's) and where the earlier text comes from.

mod sentences;
mod words;

use std::fmt;

use crate::annotation::{Annotation, Placement, Status};
use crate::article::Article;

pub use sentences::{Sentence, SentenceChanges, compare as compare_sentences};
pub use words::{Op, Piece, diff, fold, highlights, marked};

/// One tag whose place or wording changed since it was tagged.
#[derive(Debug, Clone, PartialEq)]
pub struct TagChange {
    /// The annotation's id.
    pub id: String,
    /// Moved, fuzzy (with its score) or orphaned; never anchored.
    pub status: Status,
    /// Whether a person kept it as an orphan (its anchor's `kept_orphan`).
    pub kept: bool,
    /// The text it was made on, whitespace folded.
    pub old_text: String,
    /// The text of the units it was found on now, whitespace folded; `None` when orphaned.
    pub new_text: Option<String>,
    /// The units it was found on now; `None` when orphaned.
    pub units: Option<(usize, usize)>,
    /// The word-level difference from the old text to the new (all the same when it only moved;
    /// all removed when orphaned).
    pub diff: Vec<Piece>,
}

impl TagChange {
    /// The similarity of a fuzzy match, 0.8 to 1.
    pub fn score(&self) -> Option<f32> {
        match self.status {
            Status::Fuzzy(score) => Some(score),
            _ => None,
        }
    }
}

/// How many tags changed wording (fuzzy), lost their sentence (orphaned) or moved, and how many
/// a person already kept as orphans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Tags found on a similar but different text.
    pub reworded: usize,
    /// Tags whose text is gone.
    pub lost: usize,
    /// Tags whose exact text stands elsewhere.
    pub moved: usize,
    /// Orphans a person chose to keep as they are: settled, not to review again.
    pub kept: usize,
}

impl Summary {
    /// Whether no tag was touched.
    pub fn is_empty(&self) -> bool {
        self.reworded == 0 && self.lost == 0 && self.moved == 0 && self.kept == 0
    }

    /// Whether a review has anything to show: a tag not yet settled, or one that moved.
    pub fn is_reviewable(&self) -> bool {
        self.reworded + self.lost + self.moved > 0
    }

    /// Tags the person has to settle: those that changed wording or lost their sentence.
    pub fn unsettled(&self) -> usize {
        self.reworded + self.lost
    }
}

impl fmt::Display for Summary {
    /// `2 tags changed wording, 1 lost its sentence, 5 moved`, leaving out what is zero.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        match self.reworded {
            0 => {}
            1 => parts.push("1 tag changed wording".to_owned()),
            n => parts.push(format!("{n} tags changed wording")),
        }
        match self.lost {
            0 => {}
            1 => parts.push("1 lost its sentence".to_owned()),
            n => parts.push(format!("{n} lost their sentences")),
        }
        if self.moved > 0 {
            parts.push(format!("{} moved", self.moved));
        }
        match self.kept {
            0 => {}
            1 => parts.push("1 kept as an orphan".to_owned()),
            n => parts.push(format!("{n} kept as orphans")),
        }
        if parts.is_empty() {
            return f.write_str("no tag touched");
        }
        // The first part names tags; the rest follow it.
        if self.reworded == 0 {
            let first = [self.lost, self.moved, self.kept]
                .into_iter()
                .find(|&n| n > 0)
                .unwrap_or(0);
            let noun = if first == 1 { "tag" } else { "tags" };
            let first = parts.remove(0);
            let (count, rest) = first.split_once(' ').unwrap_or((&first, ""));
            parts.insert(0, format!("{count} {noun} {rest}"));
        }
        f.write_str(&parts.join(", "))
    }
}

/// The change report of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// The tags whose place or wording changed, in the order given.
    pub tags: Vec<TagChange>,
    /// Their counts.
    pub summary: Summary,
    /// Sentences added and removed, when the text the tags were made on was given.
    pub sentences: Option<SentenceChanges>,
}

/// The report for `article` and its annotations as placed in it (as an
/// [`AnnotationSet`](crate::annotation::AnnotationSet) or
/// [`place_all`](crate::annotation::place_all) gives them), comparing with `earlier`, the text
/// they were made on, when it is known.
pub fn report<'a>(
    article: &Article,
    placed: impl IntoIterator<Item = (&'a Annotation, &'a Placement)>,
    earlier: Option<&Article>,
) -> Report {
    let tags: Vec<TagChange> = placed
        .into_iter()
        .filter_map(|(annotation, placement)| tag_change(article, annotation, placement))
        .collect();
    let mut summary = Summary::default();
    for tag in &tags {
        match tag.status {
            Status::Fuzzy(_) => summary.reworded += 1,
            Status::Orphaned if tag.kept => summary.kept += 1,
            Status::Orphaned => summary.lost += 1,
            Status::Moved => summary.moved += 1,
            Status::Anchored => {}
        }
    }
    Report {
        tags,
        summary,
        sentences: earlier.map(|earlier| sentences::compare(earlier, article)),
    }
}

/// What changed for one annotation; `None` when it is anchored where it was.
pub fn tag_change(
    article: &Article,
    annotation: &Annotation,
    placement: &Placement,
) -> Option<TagChange> {
    if placement.status == Status::Anchored {
        return None;
    }
    let old_text = fold(&annotation.anchor.exact);
    let new_text = placement.units.and_then(|(first, last)| {
        let units = article.units();
        let (from, to) = (units.get(first)?, units.get(last)?);
        Some(fold(article.text().get(from.start..to.end)?))
    });
    let diff = match &new_text {
        Some(new) => diff(&old_text, new),
        None => vec![Piece {
            op: Op::Removed,
            text: old_text.clone(),
            notable: false,
        }],
    };
    Some(TagChange {
        id: annotation.id.clone(),
        status: placement.status,
        kept: annotation.anchor.kept_orphan,
        old_text,
        new_text,
        units: placement.units,
        diff,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(0, 0, 0, "no tag touched")]
    #[case(2, 1, 5, "2 tags changed wording, 1 lost its sentence, 5 moved")]
    #[case(1, 0, 0, "1 tag changed wording")]
    #[case(0, 1, 0, "1 tag lost its sentence")]
    #[case(0, 3, 2, "3 tags lost their sentences, 2 moved")]
    #[case(0, 0, 1, "1 tag moved")]
    #[case(0, 0, 4, "4 tags moved")]
    #[case(0, 1, 2, "1 tag lost its sentence, 2 moved")]
    fn the_summary_reads_as_a_sentence(
        #[case] reworded: usize,
        #[case] lost: usize,
        #[case] moved: usize,
        #[case] want: &str,
    ) {
        let summary = Summary {
            reworded,
            lost,
            moved,
            kept: 0,
        };
        assert_eq!(summary.to_string(), want);
    }

    #[rstest]
    #[case(0, 0, 1, "1 tag kept as an orphan")]
    #[case(0, 1, 2, "1 tag lost its sentence, 2 kept as orphans")]
    #[case(1, 0, 1, "1 tag changed wording, 1 kept as an orphan")]
    fn kept_orphans_are_counted_apart_and_leave_nothing_to_review(
        #[case] reworded: usize,
        #[case] lost: usize,
        #[case] kept: usize,
        #[case] want: &str,
    ) {
        let summary = Summary {
            reworded,
            lost,
            moved: 0,
            kept,
        };
        assert_eq!(summary.to_string(), want);
        assert_eq!(summary.is_reviewable(), reworded + lost > 0);
        assert_eq!(summary.unsettled(), reworded + lost);
    }
}
