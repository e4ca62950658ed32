//! The suggester's proposals on the reading screen: computed by `update` for the units on screen
//! only (and for the units a jump to the next proposal passes), kept by unit index, never
//! computed while drawing. A proposal is shown with the tags the unit does not have yet, unless
//! it was rejected; nothing here is an annotation until the reader accepts it.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::annotation::{AnnotationSet, Tag};
use crate::article::Article;
use crate::rejections::Rejections;
use crate::suggest::{CueKind, suggest_units};

/// How many computed units the cache keeps before it starts again: a long walk through a huge
/// article does not grow memory without bound.
const CACHE_LIMIT: usize = 20_000;

/// How many units a jump to the next or previous proposal reads at most.
pub const SCAN_LIMIT: usize = 4096;

/// How many units a jump computes at a time.
const SCAN_STEP: usize = 256;

/// One unit's proposal as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The proposed tags, in the order quote, denial, claim.
    pub tags: Vec<Tag>,
    /// The proposed speaker.
    pub speaker: Option<String>,
    /// The cue words, as byte ranges of the unit's display text, in order.
    pub cues: Vec<Range<usize>>,
}

/// The proposals of the open document.
#[derive(Debug, Clone, Default)]
pub struct Proposals {
    /// Whether they are shown (`p`).
    pub shown: bool,
    /// Computed units: a proposal, or `None` when nothing is proposed.
    cache: HashMap<usize, Option<Proposal>>,
    /// The article the cache was computed from, by address: a big article's head is replaced by
    /// the whole text.
    article: usize,
    /// The article's key in the rejections (its fingerprint), computed when the article was
    /// read, off the loop's thread.
    pub key: String,
}

impl PartialEq for Proposals {
    /// Proposals compare by what the reader chose; the cache is derived from the article.
    fn eq(&self, other: &Proposals) -> bool {
        self.shown == other.shown && self.key == other.key
    }
}

impl Proposals {
    /// Proposals hidden until `p` shows them, none computed yet, for the article whose key in
    /// the rejections is `key`.
    pub fn new(key: String) -> Proposals {
        Proposals {
            key,
            ..Proposals::default()
        }
    }

    /// Computes the proposals of the units `range` of `article` that are not computed yet.
    pub fn fill(&mut self, article: &Arc<Article>, range: Range<usize>) {
        let address = Arc::as_ptr(article) as usize;
        if self.article != address || self.cache.len() > CACHE_LIMIT {
            self.cache.clear();
            self.article = address;
        }
        let range = range.start..range.end.min(article.units().len());
        // The first and last units not computed: the rest of the range usually is.
        let Some(first) = range.clone().find(|unit| !self.cache.contains_key(unit)) else {
            return;
        };
        let last = range
            .clone()
            .rev()
            .find(|unit| !self.cache.contains_key(unit))
            .unwrap_or(first);
        for suggestion in suggest_units(article, first..last + 1) {
            let proposal = suggestion.proposes().then(|| {
                let display = article.unit_text(suggestion.index).unwrap_or_default();
                Proposal {
                    cues: display_cues(article, &display, &suggestion.cues),
                    tags: suggestion.tags,
                    speaker: suggestion.speaker,
                }
            });
            self.cache.insert(suggestion.index, proposal);
        }
    }

    /// The proposal to show on `unit`: computed, not rejected, with the tags the unit does not
    /// have yet (at most three, in order), and its cue words. Allocates nothing, for drawing.
    pub fn on_unit(
        &self,
        unit: usize,
        article: &Article,
        annotations: &AnnotationSet,
        rejected: &Rejections,
    ) -> Option<([Option<Tag>; 3], &Proposal)> {
        let proposal = self.cache.get(&unit)?.as_ref()?;
        if let Some(units) = rejected.articles.get(&self.key)
            && units.contains(article.unit_text(unit).unwrap_or_default().as_ref())
        {
            return None;
        }
        let have = annotations.tags_at_unit(unit);
        let mut tags = [None; 3];
        let mut slot = 0;
        for &tag in &proposal.tags {
            if !have.contains(&tag) && slot < tags.len() {
                tags[slot] = Some(tag);
                slot += 1;
            }
        }
        (slot > 0).then_some((tags, proposal))
    }

    /// The proposal to show on `unit` (see [`Proposals::on_unit`]), with only the tags it adds.
    pub fn visible(
        &self,
        unit: usize,
        article: &Article,
        annotations: &AnnotationSet,
        rejected: &Rejections,
    ) -> Option<Proposal> {
        let (tags, proposal) = self.on_unit(unit, article, annotations, rejected)?;
        Some(Proposal {
            tags: tags.into_iter().flatten().collect(),
            ..proposal.clone()
        })
    }

    /// The next (or previous) unit after `from` with a proposal to show, computing the units
    /// on the way, at most [`SCAN_LIMIT`] of them.
    pub fn find(
        &mut self,
        from: usize,
        down: bool,
        article: &Arc<Article>,
        annotations: &AnnotationSet,
        rejected: &Rejections,
    ) -> Option<usize> {
        let len = article.units().len();
        let mut scanned = 0;
        let mut at = from;
        while scanned < SCAN_LIMIT {
            let range = if down {
                let start = at + 1;
                if start >= len {
                    return None;
                }
                start..(start + SCAN_STEP).min(len)
            } else {
                if at == 0 {
                    return None;
                }
                at.saturating_sub(SCAN_STEP)..at
            };
            self.fill(article, range.clone());
            let mut units: Vec<usize> = range.clone().collect();
            if !down {
                units.reverse();
            }
            let found = units
                .into_iter()
                .find(|&unit| self.visible(unit, article, annotations, rejected).is_some());
            if found.is_some() {
                return found;
            }
            scanned += range.len();
            at = if down { range.end - 1 } else { range.start };
        }
        None
    }
}

/// The cue words of a proposal as byte ranges of the unit's `display` text: each cue's words,
/// whitespace folded, found in order; a quotation by its two marks only, so that a long quote
/// is not underlined whole. Cues that support no tag (scare quotes, look-alikes) are left out.
fn display_cues(
    article: &Article,
    display: &str,
    cues: &[crate::suggest::Cue],
) -> Vec<Range<usize>> {
    let mut sorted: Vec<&crate::suggest::Cue> = cues
        .iter()
        .filter(|cue| {
            !matches!(
                cue.kind,
                CueKind::ScareQuote | CueKind::LookAlike | CueKind::Label | CueKind::Dateline
            )
        })
        .collect();
    sorted.sort_by_key(|cue| cue.start);
    let mut found = Vec::new();
    let mut from = 0;
    for cue in sorted {
        let Some(raw) = article.text().get(cue.start..cue.end) else {
            continue;
        };
        let needle: Vec<&str> = raw.split_whitespace().collect();
        let needle = needle.join(" ");
        let Some(at) = display.get(from..).and_then(|rest| rest.find(&needle)) else {
            continue;
        };
        let start = from + at;
        let end = start + needle.len();
        if cue.kind == CueKind::Quote {
            let first = display[start..end].chars().next().map_or(0, char::len_utf8);
            let last = display[start..end]
                .chars()
                .next_back()
                .map_or(0, char::len_utf8);
            found.push(start..start + first);
            found.push(end - last..end);
        } else {
            found.push(start..end);
        }
        from = start;
    }
    found.sort_by_key(|range| range.start);
    // One range where cues overlap (a figure inside a speaker's phrase), so each byte is drawn once.
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for range in found {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}
