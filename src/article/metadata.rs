//! Title, date, source and the other facts about an article found at the top of its file.
//!
//! The structure pass finds what the file says ([`Found`]); this module completes it so that
//! every article has a title: the file's own, else its first sentence shortened, else the file
//! name.

use super::{Unit, UnitKind, display};

/// How many characters a title made from the first sentence keeps at most.
const TITLE_CHARS: usize = 80;

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Metadata {
    /// The title: from the file, else the first sentence shortened, else the file name.
    pub title: String,
    /// The publication date as written in the file, when one is present.
    pub date: Option<String>,
    /// That date as ISO 8601 (`2025-01-13`), when it was understood.
    pub date_iso: Option<String>,
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
    /// The front-matter title.
    pub title: Option<String>,
    /// A date line, the date of a "date 2025-01-13 Title" line, or a front-matter date.
    pub date: Option<String>,
    /// The front-matter source.
    pub source: Option<String>,
    /// The front-matter url.
    pub url: Option<String>,
    /// The front-matter author.
    pub author: Option<String>,
}

impl Metadata {
    /// Completes what the structure pass found; the title falls back to the title unit, then to
    /// the first sentence shortened, then to the file name.
    pub fn resolve(
        name: &str,
        text: &str,
        markdown: bool,
        found: &Found,
        units: &[Unit],
    ) -> Metadata {
        let unit_text = |kind: UnitKind| {
            units
                .iter()
                .find(|unit| unit.kind == kind)
                .and_then(|unit| text.get(unit.range()))
                .map(|source| display::display_text(source, markdown).into_owned())
                .filter(|title| !title.is_empty())
        };
        // Front-matter values are shown as they are (a header, an export on a terminal), so they
        // get the same cleaning as display text: no control codes, whitespace folded.
        let clean = |value: &Option<String>| {
            value
                .as_deref()
                .map(|value| display::clean(value).into_owned())
                .filter(|value| !value.is_empty())
        };
        let title = clean(&found.title)
            .or_else(|| unit_text(UnitKind::Title))
            .or_else(|| unit_text(UnitKind::Sentence).map(|first| shorten(&first)))
            .unwrap_or_else(|| file_name(name).to_owned());
        let date = clean(&found.date);
        Metadata {
            title,
            date_iso: date.as_deref().and_then(super::dates::iso_date),
            date,
            source: clean(&found.source).or_else(|| {
                // Without front matter, the outlet the first lines name, if any.
                super::outlet::from_text(text).map(|outlet| display::clean(&outlet).into_owned())
            }),
            url: clean(&found.url),
            author: clean(&found.author),
        }
    }
}

/// `sentence` cut to at most [`TITLE_CHARS`] characters on a word boundary, with an ellipsis.
pub fn shorten(sentence: &str) -> String {
    if sentence.chars().count() <= TITLE_CHARS {
        return sentence.to_owned();
    }
    let cut = sentence
        .char_indices()
        .nth(TITLE_CHARS)
        .map_or(sentence.len(), |(at, _)| at);
    let head = &sentence[..cut];
    let at_word_end = sentence[cut..].starts_with(char::is_whitespace);
    let head = match head.rfind(' ') {
        Some(space) if space > 0 && !at_word_end => &head[..space],
        _ => head,
    };
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—".contains(c));
    format!("{head}…")
}

/// The last component of a path-like name.
fn file_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_on_a_word_boundary() {
        let long = "As many as 300 North Korean soldiers are said to have been killed by the endless war in Ukraine.";
        assert_eq!(
            shorten(long),
            "As many as 300 North Korean soldiers are said to have been killed by the endless…"
        );
        assert_eq!(shorten("Short one."), "Short one.");
    }

    #[test]
    fn file_name_drops_folders() {
        assert_eq!(file_name("/tmp/a/report.txt"), "report.txt");
        assert_eq!(file_name("report.txt"), "report.txt");
    }
}
