//! The CSV export: RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a quote or a
//! line break), UTF-8, a header row, and one row per annotation and tag so that a spreadsheet
//! pivot counts tags directly. An annotation without tags (a note alone) still gets one row, with
//! an empty tag.

use super::row::rows;
use super::{ExportError, Item, Options, rfc3339};

/// The header row.
pub const HEADER: [&str; 16] = [
    "file",
    "title",
    "date",
    "source",
    "annotation_id",
    "first_unit",
    "last_unit",
    "start",
    "end",
    "tag",
    "text",
    "note",
    "author",
    "created",
    "modified",
    "status",
];

/// The CSV text for `items`, with a byte-order mark first when `options.bom` asks for one.
pub fn render(items: &[Item], options: &Options) -> Result<String, ExportError> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(HEADER)?;
    for item in items {
        let metadata = item.article.metadata();
        for row in rows(item.article, item.annotations, options.offsets) {
            let annotation = row.annotation;
            let number = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
            let created = rfc3339(&annotation.id, annotation.created)?;
            let modified = rfc3339(&annotation.id, annotation.modified)?;
            let (first, last) = (row.first_unit.to_string(), row.last_unit.to_string());
            let (start, end) = (number(row.start), number(row.end));
            let tags: Vec<&str> = match annotation.tags.as_slice() {
                [] => vec![""],
                tags => tags.iter().map(|tag| tag.name()).collect(),
            };
            for tag in tags {
                writer.write_record([
                    item.file,
                    &metadata.title,
                    metadata.date.as_deref().unwrap_or_default(),
                    metadata.source.as_deref().unwrap_or_default(),
                    &annotation.id,
                    &first,
                    &last,
                    &start,
                    &end,
                    tag,
                    row.text,
                    &annotation.note,
                    &annotation.author,
                    &created,
                    &modified,
                    row.status_name(),
                ])?;
            }
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| ExportError::Csv(error.into_error().into()))?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(if options.bom {
        format!("\u{FEFF}{text}")
    } else {
        text.into_owned()
    })
}
