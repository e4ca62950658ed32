//! Agreement over a set of articles, one article at a time: each article's figures and the
//! units where coders differ as it goes by, and the figures for the whole set at the end, so
//! memory holds one article's codings and the ratings tables, not the articles.

use super::coding::{self, Coding, Difference, SpeakerTable};
use super::{Figures, Ratings};
use crate::annotation::Tag;

/// One article's agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleAgreement {
    /// The figures for each tag, in [`Tag::ALL`] order.
    pub figures: [(Tag, Figures); 3],
    /// The figures for the speakers named on units coders both tagged; `None` when no coder
    /// named a speaker in this article.
    pub speaker: Option<Figures>,
    /// The units where coders differ, in order.
    pub differences: Vec<Difference>,
}

/// The ratings of every article so far, per tag, for the figures over the whole set.
#[derive(Debug, Clone)]
pub struct Tally {
    totals: [Ratings; 3],
    speakers: SpeakerTable,
}

impl Tally {
    /// An empty tally for `coders` coders.
    pub fn new(coders: usize) -> Tally {
        Tally {
            totals: [(); 3].map(|()| Ratings::new(coders, 2)),
            speakers: SpeakerTable::new(coders),
        }
    }

    /// Adds one article, coded by each coder (`None` for a coder without it), and returns its
    /// agreement.
    pub fn add(&mut self, codings: &[Option<&Coding>]) -> ArticleAgreement {
        let figures = std::array::from_fn(|i| {
            let tag = Tag::ALL[i];
            let ratings = coding::ratings(codings, tag);
            self.totals[i].extend(&ratings);
            (tag, Figures::of(&ratings))
        });
        let speaker = codings
            .iter()
            .flatten()
            .any(|coding| coding.names_speakers())
            .then(|| Figures::of(&coding::speaker_ratings(codings)));
        self.speakers.add(codings);
        ArticleAgreement {
            figures,
            speaker,
            differences: coding::differences(codings),
        }
    }

    /// The figures over every article added, per tag.
    pub fn totals(&self) -> [(Tag, Figures); 3] {
        std::array::from_fn(|i| (Tag::ALL[i], Figures::of(&self.totals[i])))
    }

    /// The figures for the speakers over every article added; `None` when no coder named one.
    pub fn speaker_totals(&self) -> Option<Figures> {
        self.speakers
            .names_speakers()
            .then(|| Figures::of(&self.speakers.ratings()))
    }
}
