//! The disagreement view's state: the units of the open article where coders' copies differ,
//! each coder's version of each (tags, note, author), and which one is shown.
//!
//! Built from values (the article and each coder's annotations), so it is pure; reading the
//! coders' sidecars is the runtime's job. A coder's version is what covers the unit in their
//! copy, speaker included: a unit where coders gave the same tags but named different speakers
//! is disputed too (see `agreement::coding::differences`).

use crate::agreement::coding::{self, Coding};
use crate::annotation::{Annotation, AnnotationSet, Tag};
use crate::article::Article;

/// One coder's version of one unit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Version {
    /// The tags on the unit, in display order.
    pub tags: Vec<Tag>,
    /// The note of the annotation covering it, empty when none.
    pub note: String,
    /// The speaker of the annotation covering it, empty when none.
    pub speaker: String,
    /// Who signed that annotation, empty when none.
    pub author: String,
}

/// A unit where coders differ, with every coder's version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disputed {
    /// The unit's index.
    pub unit: usize,
    /// Each coder's version, in the coders' order; `None` for a coder without the article.
    pub versions: Vec<Option<Version>>,
}

/// The units where coders differ, and the one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisagreementView {
    /// The coders' names, in order.
    pub coders: Vec<String>,
    /// The disputed units, in document order.
    pub units: Vec<Disputed>,
    /// Index into `units` of the one shown.
    pub current: usize,
}

impl DisagreementView {
    /// The view of `article` for `coders`: each a name and the annotations of their copy
    /// (`None` when their copy lacks the article).
    pub fn new(article: &Article, coders: Vec<(String, Option<Vec<Annotation>>)>) -> Self {
        let (names, copies): (Vec<String>, Vec<Option<Vec<Annotation>>>) =
            coders.into_iter().unzip();
        let sets: Vec<Option<AnnotationSet>> = copies
            .into_iter()
            .map(|copy| copy.map(|annotations| AnnotationSet::new(article, annotations)))
            .collect();
        let codings: Vec<Option<Coding>> = sets
            .iter()
            .map(|set| {
                set.as_ref().map(|set| {
                    let annotations: Vec<Annotation> = set.annotations().cloned().collect();
                    Coding::of(article, &annotations)
                })
            })
            .collect();
        let refs: Vec<Option<&Coding>> = codings.iter().map(Option::as_ref).collect();
        let units = coding::differences(&refs)
            .into_iter()
            .map(|difference| Disputed {
                unit: difference.unit,
                versions: sets
                    .iter()
                    .map(|set| set.as_ref().map(|set| version_at(set, difference.unit)))
                    .collect(),
            })
            .collect();
        DisagreementView {
            coders: names,
            units,
            current: 0,
        }
    }

    /// The unit shown, `None` when the coders agree everywhere.
    pub fn current(&self) -> Option<&Disputed> {
        self.units.get(self.current)
    }

    /// Shows the next disputed unit (`forward`) or the previous one; stays at either end.
    pub fn step(&mut self, forward: bool) {
        self.current = if forward {
            (self.current + 1).min(self.units.len().saturating_sub(1))
        } else {
            self.current.saturating_sub(1)
        };
    }

    /// Shows the first disputed unit at or after `unit` (the cursor), else the last one.
    pub fn go_to(&mut self, unit: usize) {
        let at = self.units.partition_point(|disputed| disputed.unit < unit);
        self.current = at.min(self.units.len().saturating_sub(1));
    }

    /// Coder `coder`'s version of the unit shown.
    pub fn version(&self, coder: usize) -> Option<&Version> {
        self.current()?.versions.get(coder)?.as_ref()
    }

    /// Every coder's version of the unit shown, merged as the sidecar merge does: every tag
    /// anyone gave, the different notes one after the other, and the different speakers joined
    /// by ` / ` for a person to settle.
    pub fn merged(&self) -> Option<Version> {
        let disputed = self.current()?;
        let mut merged = Version::default();
        for version in disputed.versions.iter().flatten() {
            merged.tags.extend(&version.tags);
            if !version.note.is_empty() && !merged.note.contains(&version.note) {
                if !merged.note.is_empty() {
                    merged.note.push('\n');
                }
                merged.note.push_str(&version.note);
            }
            let known = merged.speaker.split(" / ").any(|s| s == version.speaker);
            if !version.speaker.is_empty() && !known {
                if !merged.speaker.is_empty() {
                    merged.speaker.push_str(" / ");
                }
                merged.speaker.push_str(&version.speaker);
            }
        }
        merged.tags.sort();
        merged.tags.dedup();
        Some(merged)
    }
}

/// The version of `unit` in `set`.
fn version_at(set: &AnnotationSet, unit: usize) -> Version {
    match set.index_at_unit(unit).and_then(|index| set.get(index)) {
        Some((annotation, _)) => Version {
            tags: annotation.tags.clone(),
            note: annotation.note.clone(),
            speaker: annotation.speaker.clone(),
            author: annotation.author.clone(),
        },
        None => Version::default(),
    }
}
