//! The CSV export: RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a quote or a
//! line break), UTF-8, a header row, and one row per annotation and tag so that a spreadsheet
//! pivot counts tags directly. An annotation without tags (a note alone) still gets one row, with
//! an empty tag. `speaker` is the last column (added after the others, which keep their places);
//! empty when nobody has said.

use super::row::rows;
use super::{ExportError, Item, Options, rfc3339};

/// The header row.
pub const HEADER: [&str; 18] = [
    "file",
    "title",
    "date",
    "date_iso",
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
    "speaker",
];

/// Appends the byte-order mark when `options.bom` asks for one, then the header row, to `out`.
pub fn header(out: &mut Vec<u8>, options: &Options) -> Result<(), ExportError> {
    if options.bom {
        out.extend_from_slice("\u{FEFF}".as_bytes());
    }
    let mut writer = writer(out);
    writer.write_record(HEADER)?;
    writer.flush().map_err(::csv::Error::from)?;
    Ok(())
}

/// Appends the rows of `item`'s annotations to `out`.
pub fn article(out: &mut Vec<u8>, item: &Item, options: &Options) -> Result<(), ExportError> {
    let mut writer = writer(out);
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
                metadata.date_iso.as_deref().unwrap_or_default(),
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
                &annotation.speaker,
            ])?;
        }
    }
    writer.flush().map_err(::csv::Error::from)?;
    Ok(())
}

/// An RFC 4180 writer appending to `out`.
fn writer(out: &mut Vec<u8>) -> ::csv::Writer<&mut Vec<u8>> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out)
}
