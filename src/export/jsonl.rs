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
    source: Option<&'a str>,
    offsets: &'static str,
    #[serde(flatten)]
    annotation: AnnotationRecord<'a>,
}

/// One JSON object per annotation, each on its own line; nothing at all for no annotations.
pub fn render(items: &[Item], options: &Options) -> Result<String, ExportError> {
    let mut out = String::new();
    for item in items {
        for row in rows(item.article, item.annotations, options.offsets) {
            push_line(&mut out, item, &row, options)?;
        }
    }
    Ok(out)
}

/// Appends the line of `row`, an annotation of `item`, to `out`.
pub fn push_line(
    out: &mut String,
    item: &Item,
    row: &Row,
    options: &Options,
) -> Result<(), ExportError> {
    let metadata = item.article.metadata();
    let line = Line {
        file: item.file,
        title: &metadata.title,
        date: metadata.date.as_deref(),
        source: metadata.source.as_deref(),
        offsets: options.offsets.name(),
        annotation: AnnotationRecord::new(row)?,
    };
    out.push_str(&serde_json::to_string(&line)?);
    out.push('\n');
    Ok(())
}
