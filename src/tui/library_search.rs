//! Searching the whole library: every article's unit text and every note and speaker in its sidecar,
//! smart case as in the article search, read through the store, reported in batches as it goes
//! and kept to the first [`MAX_HITS`] hits.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::annotation::place_all;
use crate::article::Article;
use crate::{library, sidecar};

use super::outcome::Outcome;

use super::search::find_all;

/// The most hits kept: memory and the list stay bounded however common the word.
pub const MAX_HITS: usize = 1000;

/// Characters of context kept on each side of a match in a hit's excerpt.
const CONTEXT: usize = 30;

/// One place the query was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The article's path.
    pub path: PathBuf,
    /// What the list calls the article: outlet and title.
    pub label: String,
    /// The unit the hit is in (for a note, the first unit it annotates), numbered from 0 as the
    /// status bar numbers them.
    pub unit: usize,
    /// The matching text around the match, "…" where it was cut.
    pub excerpt: String,
    /// Where the match is: the article's text, a note or a speaker.
    pub found: Found,
}

/// Where a hit's match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// In the article's text.
    Text,
    /// In the note of an annotation.
    Note,
    /// In the speaker of an annotation: its excerpt is the unit's text.
    Speaker,
}

impl Found {
    /// The word the list shows before the excerpt; empty for the article's text.
    pub fn label(self) -> &'static str {
        match self {
            Found::Text => "",
            Found::Note => "note ",
            Found::Speaker => "said by ",
        }
    }
}

/// The result list of a library search, as the overlay shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HitList {
    /// Which search this is (the id of the action that started it), so the hits of an earlier
    /// search still running are told apart even for the same query.
    pub search: String,
    /// The query searched.
    pub query: String,
    /// The hits so far, in list order.
    pub hits: Vec<Hit>,
    /// The highlighted hit, opened by Enter.
    pub selected: usize,
    /// Whether the search is still reading articles.
    pub running: bool,
    /// Whether hits were left out at [`MAX_HITS`].
    pub capped: bool,
}

/// Which library search the screen still waits for: the runtime says so after every update (the
/// search of the open hit list while it runs, else none), and a search no longer wanted stops
/// at its next article, so a new query or a closed list does not leave a whole library read for
/// nothing.
#[derive(Debug, Clone, Default)]
pub struct Wanted(Arc<Mutex<Option<String>>>);

impl Wanted {
    /// Records the search the screen waits for, from its state.
    pub fn follow(&self, mode: &super::app::Mode) {
        let current = match mode {
            super::app::Mode::Hits(list) if list.running => Some(list.search.as_str()),
            _ => None,
        };
        let mut wanted = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if wanted.as_deref() != current {
            *wanted = current.map(str::to_owned);
        }
    }

    /// Marks `search` as the one waited for, as it starts (before the screen's state says so).
    pub fn start(&self, search: &str) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(search.to_owned());
    }

    /// Whether `search` is still waited for.
    pub fn still(&self, search: &str) -> bool {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_deref()
            == Some(search)
    }
}

/// The runtime's job for the search `search`: marked as wanted now, it reports each batch of hits
/// and ends with an empty last batch saying whether hits were left out at the cap.
pub fn job(
    wanted: &Wanted,
    search: String,
    articles: Vec<(PathBuf, String)>,
    query: String,
) -> impl FnOnce(&dyn Fn(Outcome)) -> Outcome + Send + 'static {
    wanted.start(&search);
    let wanted = wanted.clone();
    move |report| {
        let still = || wanted.still(&search);
        let capped = run(&articles, &query, still, |hits| {
            report(Outcome::LibraryHits {
                search: search.clone(),
                hits,
                done: false,
                capped: false,
            });
        });
        Outcome::LibraryHits {
            search,
            hits: Vec::new(),
            done: true,
            capped,
        }
    }
}

/// Searches `articles` (path and label, in list order) for `query`, handing each article's hits
/// to `batch` as soon as that article is read, while `wanted` says so; returns whether hits were
/// left out at the cap. Articles that cannot be read are passed over (the list already shows
/// their error).
pub fn run(
    articles: &[(PathBuf, String)],
    query: &str,
    wanted: impl Fn() -> bool,
    mut batch: impl FnMut(Vec<Hit>),
) -> bool {
    let mut kept = 0;
    for (path, label) in articles {
        if !wanted() {
            return false;
        }
        let Ok(article) = library::read_article(path) else {
            continue;
        };
        let mut hits = in_article(path, label, &article, query);
        if kept + hits.len() > MAX_HITS {
            hits.truncate(MAX_HITS - kept);
            batch(hits);
            return true;
        }
        kept += hits.len();
        if !hits.is_empty() {
            batch(hits);
        }
    }
    false
}

/// The hits in one article: its units' text, then its notes and speakers (read-only from the
/// sidecar).
fn in_article(path: &Path, label: &str, article: &Article, query: &str) -> Vec<Hit> {
    let hit = |unit: usize, excerpt: String, found: Found| Hit {
        path: path.to_owned(),
        label: label.to_owned(),
        unit,
        excerpt,
        found,
    };
    let mut hits = Vec::new();
    for unit in 0..article.units().len() {
        if let Some(text) = article.unit_text(unit)
            && let Some(found) = find_all(&text, query).into_iter().next()
        {
            hits.push(hit(unit, excerpt(&text, found), Found::Text));
        }
    }
    let annotations = match sidecar::load(path) {
        Ok(Some(sidecar)) => sidecar.annotations,
        Ok(None) | Err(_) => Vec::new(),
    };
    let placements = place_all(article, &annotations);
    let last = article.units().len().saturating_sub(1);
    for (annotation, placement) in annotations.iter().zip(placements) {
        let unit = placement
            .units
            .map_or(annotation.anchor.first_unit.min(last), |units| units.0);
        if let Some(found) = find_all(&annotation.note, query).into_iter().next() {
            hits.push(hit(unit, excerpt(&annotation.note, found), Found::Note));
        }
        if let Some(found) = find_all(&annotation.speaker, query).into_iter().next() {
            // The speaker with the start of what they said, so the list tells the tags apart.
            let said = article.unit_text(unit).unwrap_or_default();
            let line = format!("{}: {said}", annotation.speaker);
            hits.push(hit(unit, excerpt(&line, found), Found::Speaker));
        }
    }
    hits
}

/// `text` around the match at `found`: about [`CONTEXT`] characters either side, "…" where cut.
pub fn excerpt(text: &str, found: Range<usize>) -> String {
    let start = text[..found.start]
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(at, _)| at);
    let end = text[found.end..]
        .char_indices()
        .nth(CONTEXT)
        .map_or(text.len(), |(at, _)| found.end + at);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rstest::rstest]
    #[case("a spy came", 2..5, "a spy came")]
    #[case(&format!("{}spy{}", "x".repeat(40), "y".repeat(40)), 40..43,
        &format!("…{}spy{}…", "x".repeat(30), "y".repeat(30)))]
    #[case("ééééé spy", 11..14, "ééééé spy")]
    fn cuts_around_the_match(#[case] text: &str, #[case] found: Range<usize>, #[case] out: &str) {
        assert_eq!(excerpt(text, found), out);
    }
}
