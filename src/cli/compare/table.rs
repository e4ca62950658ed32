//! `compare --format csv|markdown`: the outlet-by-claim matrix, a header row with one column
//! per article (its outlet) after the group's id, status and label, and one row per group. A
//! cell gives the mark (`!` a conflicting figure, `~` another hedge), the tag letters, the
//! speaker and the figure or wording; an empty cell, no member there.

use std::io::Write;

use crate::claims::matrix::Row;
use crate::claims::{Group, Library, Status};
use crate::safe_text;

fn status(status: Status) -> &'static str {
    match status {
        Status::Linked => "linked",
        Status::Suggested => "suggested",
    }
}

/// The matrix as RFC 4180 CSV.
pub fn csv(
    out: &mut impl Write,
    library: &Library,
    groups: &[Group],
    rows: &[Row],
) -> anyhow::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header = vec!["id".to_owned(), "status".to_owned(), "label".to_owned()];
    header.extend(library.columns.iter().map(|c| clean(&c.outlet)));
    writer.write_record(&header)?;
    for row in rows {
        let group = &groups[row.group];
        let mut record = vec![
            group.id.clone(),
            status(group.status).to_owned(),
            clean(&group.label),
        ];
        record.extend((0..library.columns.len()).map(|c| {
            row.cell(c)
                .map(|cell| clean(&cell.text()))
                .unwrap_or_default()
        }));
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}

/// The matrix as a Markdown table (pipes in cells escaped).
pub fn markdown(
    out: &mut impl Write,
    library: &Library,
    groups: &[Group],
    rows: &[Row],
) -> anyhow::Result<()> {
    let mut line = String::from("| group | status |");
    for column in &library.columns {
        line.push(' ');
        line.push_str(&cell_md(&column.outlet));
        line.push_str(" |");
    }
    writeln!(out, "{line}")?;
    writeln!(out, "|---|---|{}", "---|".repeat(library.columns.len()))?;
    for row in rows {
        let group = &groups[row.group];
        let mut line = format!("| {} | {} |", cell_md(&group.label), status(group.status));
        for c in 0..library.columns.len() {
            line.push(' ');
            if let Some(cell) = row.cell(c) {
                line.push_str(&cell_md(&cell.text()));
            }
            line.push_str(" |");
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Text from an article, safe for a terminal.
fn clean(text: &str) -> String {
    safe_text::for_terminal(text).into_owned()
}

/// A Markdown cell: one line, pipes escaped.
fn cell_md(text: &str) -> String {
    clean(text)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}
