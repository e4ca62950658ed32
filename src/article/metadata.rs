//! Title, date, source and the other facts about an article found at the top of its file.

use super::Unit;

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Metadata {
    /// The title: from the file, else the first sentence shortened, else the file name.
    pub title: String,
    /// The publication date as written in the file, when one is present.
    pub date: Option<String>,
    /// The outlet, when known.
    pub source: Option<String>,
    /// The article's address, when known.
    pub url: Option<String>,
    /// The article's author, when known.
    pub author: Option<String>,
}

/// Metadata the structure pass found in the file itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// A date line or front-matter date.
    pub date: Option<String>,
}

impl Metadata {
    /// Completes what the structure pass found, falling back for the title to the first unit,
    /// then to the file name.
    pub fn resolve(name: &str, text: &str, found: &Found, units: &[Unit]) -> Metadata {
        let title = units
            .first()
            .and_then(|unit| text.get(unit.range()))
            .map(|first| super::display::display_text(first).into_owned())
            .unwrap_or_else(|| name.to_owned());
        Metadata {
            title,
            date: found.date.clone(),
            ..Metadata::default()
        }
    }
}
