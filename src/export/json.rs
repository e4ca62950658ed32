//! The JSON export: one document holding the articles, each with its annotations: every field of
//! the sidecar, plus where the annotation sits now (units, offsets, text) and how it was found.
//! Written one article at a time (see [`super::pretty`]).

use serde::Serialize;

use super::pretty::Array;
use super::row::{Row, rows};
use super::{ExportError, Item, Options, rfc3339};
use crate::annotation::Anchor;
use crate::article::Fingerprint;

/// Version of the JSON and JSON Lines layouts, bumped when a field changes meaning.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    offsets: &'static str,
    articles: Vec<ArticleRecord<'a>>,
}

/// What an export says about an article.
#[derive(Serialize)]
pub struct ArticleRecord<'a> {
    file: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    date_iso: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    author: Option<&'a str>,
    fingerprint: Fingerprint,
    annotations: Vec<AnnotationRecord<'a>>,
}

/// What an export says about one annotation: the sidecar's fields, then where it sits now.
#[derive(Serialize)]
pub struct AnnotationRecord<'a> {
    id: &'a str,
    tags: Vec<&'static str>,
    note: &'a str,
    author: &'a str,
    /// Who says it; `null` when nobody has said.
    speaker: Option<&'a str>,
    created: String,
    modified: String,
    status: &'static str,
    score: Option<f32>,
    first_unit: usize,
    last_unit: usize,
    start: Option<usize>,
    end: Option<usize>,
    text: &'a str,
    anchor: &'a Anchor,
}

impl<'a> AnnotationRecord<'a> {
    /// The record of `row`.
    pub fn new(row: &Row<'a>) -> Result<AnnotationRecord<'a>, ExportError> {
        let annotation = row.annotation;
        Ok(AnnotationRecord {
            id: &annotation.id,
            tags: annotation.tags.iter().map(|tag| tag.name()).collect(),
            note: &annotation.note,
            author: &annotation.author,
            speaker: (!annotation.speaker.is_empty()).then_some(annotation.speaker.as_str()),
            created: rfc3339(&annotation.id, annotation.created)?,
            modified: rfc3339(&annotation.id, annotation.modified)?,
            status: row.status_name(),
            score: row.score(),
            first_unit: row.first_unit,
            last_unit: row.last_unit,
            start: row.start,
            end: row.end,
            text: row.text,
            anchor: &annotation.anchor,
        })
    }
}

impl<'a> ArticleRecord<'a> {
    /// The record of `item` with its annotations.
    pub fn new(item: &Item<'a>, options: &Options) -> Result<ArticleRecord<'a>, ExportError> {
        let metadata = item.article.metadata();
        let annotations = rows(item.article, item.annotations, options.offsets)
            .iter()
            .map(AnnotationRecord::new)
            .collect::<Result<_, _>>()?;
        Ok(ArticleRecord {
            file: item.file,
            title: &metadata.title,
            date: metadata.date.as_deref(),
            date_iso: metadata.date_iso.as_deref(),
            source: metadata.source.as_deref(),
            url: metadata.url.as_deref(),
            author: metadata.author.as_deref(),
            fingerprint: Fingerprint::of(item.article),
            annotations,
        })
    }
}

/// The JSON document, cut around its array of articles for [`super::Writer`] to fill in.
pub fn array(options: &Options) -> Result<Array, ExportError> {
    let document = Document {
        format: "sidenote",
        version: VERSION,
        offsets: options.offsets.name(),
        articles: Vec::new(),
    };
    Array::new(&document, "articles")
}
