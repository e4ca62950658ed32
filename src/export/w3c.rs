//! The W3C export: a Web Annotation Data Model `AnnotationCollection` in JSON-LD, with every
//! annotation embedded in its first `AnnotationPage`.
//!
//! Each annotation has a `urn:uuid:` id, motivation `tagging` (or `commenting` when it has a note
//! and no tag), created and modified times, its author as a `Person`, one `TextualBody` with
//! purpose `tagging` per tag and one with purpose `commenting` for the note, and a target whose
//! source is the article file and whose selectors are a `TextQuoteSelector` and a
//! `TextPositionSelector`. An orphaned annotation has only the quote selector: its old position
//! would select the wrong text of the current file. sidenote's anchoring status travels in a
//! `status` term (and `score` for fuzzy matches) declared in the context, and so does the
//! speaker, who says the target's text (`creator` is who annotated it): a `speaker` term,
//! `urn:sidenote:vocab:speaker`, whose value is the name, left out when nobody has said.

use serde::Serialize;
use xxhash_rust::xxh3::Xxh3Default;

use super::pretty::Array;
use super::row::{Row, rows};
use super::{ExportError, Item, Options, rfc3339};

/// The W3C Web Annotation JSON-LD context.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The collection's label.
const LABEL: &str = "sidenote annotations";

/// The context of every node: the W3C one, plus sidenote's status terms.
#[derive(Serialize, Clone, Copy)]
struct Context(&'static str, Terms);

#[derive(Serialize, Clone, Copy)]
struct Terms {
    sidenote: &'static str,
    status: &'static str,
    score: &'static str,
    speaker: &'static str,
}

const CONTEXT: Context = Context(
    ANNO_CONTEXT,
    Terms {
        sidenote: "urn:sidenote:vocab:",
        status: "sidenote:status",
        score: "sidenote:score",
        speaker: "sidenote:speaker",
    },
);

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: Context,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'static str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "@context")]
    context: Context,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "partOf")]
    part_of: PartOf,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

/// The collection as a page describes it, as in the model's own example.
#[derive(Serialize)]
struct PartOf {
    id: String,
    label: &'static str,
    total: usize,
}

#[derive(Serialize)]
struct Annotation<'a> {
    #[serde(rename = "@context")]
    context: Context,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: String,
    modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Creator<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    body: Vec<Body<'a>>,
    target: Target<'a>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
}

#[derive(Serialize)]
struct Creator<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    purpose: &'static str,
    format: &'static str,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: Vec<Selector<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Selector<'a> {
    Quote {
        #[serde(rename = "type")]
        kind: &'static str,
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
    Position {
        #[serde(rename = "type")]
        kind: &'static str,
        start: usize,
        end: usize,
    },
}

/// Feeds the id of every annotation of `item`, in export order (the set's, as [`rows`] keeps
/// it), to `identity` and returns how many there were. The collection's id hashes them all, so
/// it depends only on which annotations the collection holds.
pub fn identity(identity: &mut Xxh3Default, item: &Item) -> usize {
    for annotation in item.annotations.annotations() {
        identity.update(annotation.id.as_bytes());
        identity.update(b"\n");
    }
    item.annotations.len()
}

/// The collection of `total` annotations whose ids hash to `identity`, as pretty-printed
/// JSON-LD cut around its array of items for [`super::Writer`] to fill in.
pub fn array(total: usize, identity: u64) -> Result<Array, ExportError> {
    let id = format!("urn:sidenote:collection:{identity:016x}");
    let collection = Collection {
        context: CONTEXT,
        id: id.clone(),
        kind: "AnnotationCollection",
        label: LABEL,
        total,
        first: Page {
            context: CONTEXT,
            id: format!("{id}:page:1"),
            kind: "AnnotationPage",
            part_of: PartOf {
                id,
                label: LABEL,
                total,
            },
            start_index: 0,
            items: Vec::new(),
        },
    };
    Array::new(&collection, "items")
}

/// Appends the annotations of `item` to the collection's items in `out`.
pub fn article(
    array: &mut Array,
    out: &mut Vec<u8>,
    item: &Item,
    options: &Options,
) -> Result<(), ExportError> {
    let source = source_uri(item.file);
    for row in rows(item.article, item.annotations, options.offsets) {
        array.element(out, &annotation(&row, &source)?)?;
    }
    Ok(())
}

fn annotation<'a>(row: &Row<'a>, source: &'a str) -> Result<Annotation<'a>, ExportError> {
    let annotation = row.annotation;
    let mut body: Vec<Body> = annotation
        .tags
        .iter()
        .map(|tag| Body {
            kind: "TextualBody",
            value: tag.name(),
            purpose: "tagging",
            format: "text/plain",
        })
        .collect();
    if !annotation.note.is_empty() {
        body.push(Body {
            kind: "TextualBody",
            value: &annotation.note,
            purpose: "commenting",
            format: "text/plain",
        });
    }
    let mut selector = vec![Selector::Quote {
        kind: "TextQuoteSelector",
        exact: row.text,
        prefix: row.prefix,
        suffix: row.suffix,
    }];
    if let (Some(start), Some(end), Some(_)) = (row.start, row.end, &row.bytes) {
        selector.push(Selector::Position {
            kind: "TextPositionSelector",
            start,
            end,
        });
    }
    Ok(Annotation {
        context: CONTEXT,
        id: annotation_uri(&annotation.id),
        kind: "Annotation",
        motivation: if annotation.tags.is_empty() && !annotation.note.is_empty() {
            "commenting"
        } else {
            "tagging"
        },
        created: rfc3339(&annotation.id, annotation.created)?,
        modified: rfc3339(&annotation.id, annotation.modified)?,
        creator: (!annotation.author.is_empty()).then_some(Creator {
            kind: "Person",
            name: &annotation.author,
        }),
        speaker: (!annotation.speaker.is_empty()).then_some(annotation.speaker.as_str()),
        body,
        target: Target { source, selector },
        status: row.status_name(),
        score: row.score(),
    })
}

/// `urn:uuid:<id>` for a UUID, else a sidenote URN that keeps the id readable.
fn annotation_uri(id: &str) -> String {
    match uuid::Uuid::parse_str(id) {
        Ok(uuid) => format!("urn:uuid:{}", uuid.hyphenated()),
        Err(_) => format!("urn:sidenote:annotation:{}", percent_encode(id)),
    }
}

/// The article as an IRI: a URI stays as it is, an absolute path becomes a `file:` URI, and a
/// relative path stays a (percent-encoded) relative reference.
fn source_uri(file: &str) -> String {
    let scheme = file
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|s| s.len() > 1 && s.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter(|s| {
            s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        });
    if scheme.is_some() {
        return file.to_owned();
    }
    let bytes = file.as_bytes();
    let drive = bytes.len() > 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'/' | b'\\');
    if drive {
        return format!("file:///{}", percent_encode(&file.replace('\\', "/")));
    }
    if file.starts_with('/') {
        return format!("file://{}", percent_encode(file));
    }
    percent_encode(file)
}

/// `text` with every byte outside the URI's unreserved characters, `/` and `:` percent-encoded.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Status;
    use crate::article::Article;
    use crate::export::row::sample;
    use rstest::rstest;

    #[rstest]
    #[case(Status::Fuzzy(0.5), "fuzzy", Some(0.5), 2)]
    #[case(Status::Moved, "moved", None, 2)]
    #[case(Status::Orphaned, "orphaned", None, 1)]
    fn status_and_selectors_follow_the_placement(
        #[case] status: Status,
        #[case] name: &str,
        #[case] score: Option<f64>,
        #[case] selectors: usize,
    ) {
        let article = Article::parse("a.txt", b"First one. Second one. Third.").unwrap();
        let a = sample::annotation(&article);
        let row = sample::row(&article, &a, status);
        let json = serde_json::to_value(annotation(&row, "file:///a.txt").unwrap()).unwrap();
        assert_eq!(json["status"], name);
        assert_eq!(json["score"].as_f64(), score);
        assert_eq!(
            json["target"]["selector"].as_array().unwrap().len(),
            selectors
        );
        assert_eq!(json["target"]["selector"][0]["exact"], "Second one.");
        assert_eq!(json["body"].as_array().unwrap().len(), 3);
    }

    #[rstest]
    #[case("/data/library/a b.txt", "file:///data/library/a%20b.txt")]
    #[case("/tmp/Zürich#1.txt", "file:///tmp/Z%C3%BCrich%231.txt")]
    #[case(r"C:\news\a.txt", "file:///C:/news/a.txt")]
    #[case("https://example.org/a.txt", "https://example.org/a.txt")]
    #[case("library/a.txt", "library/a.txt")]
    fn sources_become_iris(#[case] file: &str, #[case] expected: &str) {
        assert_eq!(source_uri(file), expected);
    }

    #[rstest]
    #[case(
        "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        "urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
    )]
    #[case("hand made #1", "urn:sidenote:annotation:hand%20made%20%231")]
    fn ids_become_urns(#[case] id: &str, #[case] expected: &str) {
        assert_eq!(annotation_uri(id), expected);
    }
}
