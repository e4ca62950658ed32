//! The JSON Lines export: one self-contained annotation per line, carrying its article's file,
//! title, date and source, so `grep`, `jq` and `pandas.read_json(lines=True)` need nothing else.

use serde::Serialize;

use super::json::AnnotationRecord;
use super::row::{Row, rows};
use super::{ExportError, Item, Options};

#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    date_iso: Option<&'a str>,
    source: Option<&'a str>,
    offsets: &'static str,
    #[serde(flatten)]
    annotation: AnnotationRecord<'a>,
}

/// Appends one JSON object per annotation of `item`, each on its own line, to `out`.
pub fn article(out: &mut Vec<u8>, item: &Item, options: &Options) -> Result<(), ExportError> {
    for row in rows(item.article, item.annotations, options.offsets) {
        push_line(out, item, &row, options)?;
    }
    Ok(())
}

/// Appends the line of `row`, an annotation of `item`, to `out`.
pub fn push_line(
    out: &mut Vec<u8>,
    item: &Item,
    row: &Row,
    options: &Options,
) -> Result<(), ExportError> {
    let metadata = item.article.metadata();
    let line = Line {
        file: item.file,
        title: &metadata.title,
        date: metadata.date.as_deref(),
        date_iso: metadata.date_iso.as_deref(),
        source: metadata.source.as_deref(),
        offsets: options.offsets.name(),
        annotation: AnnotationRecord::new(row)?,
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.push(b'\n');
    Ok(())
}
