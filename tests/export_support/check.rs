//! What every export must agree with: the sidecars, and the article text at the offsets.

use std::collections::BTreeMap;
use std::path::Path;

use sidenote::annotation::{Annotation, AnnotationSet, Status};
use sidenote::{library, sidecar};

/// One annotation as the sidecar and the anchoring code see it.
pub struct Expected {
    /// The article file.
    pub file: String,
    /// The annotation as saved.
    pub annotation: Annotation,
    /// anchored, moved, fuzzy or orphaned.
    pub status: &'static str,
}

/// Every annotation of the articles under `root`, by id, read from the sidecars.
pub fn expected(root: &Path) -> BTreeMap<String, Expected> {
    let mut out = BTreeMap::new();
    for path in library::collect_articles(&[root.to_owned()]).unwrap() {
        let Some(saved) = sidecar::load(&path).unwrap() else {
            continue;
        };
        let article = library::read_article(&path).unwrap();
        let set = AnnotationSet::new(&article, saved.annotations.clone());
        for (annotation, placement) in set.iter() {
            let status = match placement.status {
                Status::Anchored => "anchored",
                Status::Moved => "moved",
                Status::Fuzzy(_) => "fuzzy",
                Status::Orphaned => "orphaned",
            };
            out.insert(
                annotation.id.clone(),
                Expected {
                    file: path.display().to_string(),
                    annotation: annotation.clone(),
                    status,
                },
            );
        }
    }
    out
}

/// The text of `file` between `start` and `end`, counted in code points or UTF-16 units.
pub fn text_at(file: &str, start: usize, end: usize, utf16: bool) -> String {
    let article = library::read_article(Path::new(file)).unwrap();
    let text = article.text();
    if utf16 {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start..end]).unwrap()
    } else {
        text.chars().skip(start).take(end - start).collect()
    }
}

/// The RFC 3339 form of an annotation time, as exports write it.
pub fn rfc3339(time: time::OffsetDateTime) -> String {
    time.format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}
