//! The Markdown export: a report for people. A table of counts per article and tag (known from a
//! first pass over the articles, see [`super::Writer::outline`]), then per
//! article a heading with its title, date and source, and its claims, denials and quotes as block
//! quotes with their unit numbers, status and notes.
//!
//! Article text and notes are escaped so that they read as written: a `*` or `#` in a quote never
//! turns into emphasis or a heading, and a `|` never breaks the table.

use std::fmt::Write;

use super::Item;
use super::row::{Row, rows};
use crate::annotation::{Status, Tag};

/// The report's opening: its title, the totals line and the table of counts: `articles` articles were
/// exported, and `annotated` holds the title and [`summary`] counts of each annotated one.
pub fn opening(articles: usize, annotated: &[(String, [usize; 4])]) -> String {
    let mut out = String::from("# Annotations\n\n");
    let _ = writeln!(
        out,
        "{} of {} {} annotated.\n",
        annotated.len(),
        articles,
        if articles == 1 { "article" } else { "articles" }
    );
    if annotated.is_empty() {
        return out;
    }
    out.push_str("| Article | Claims | Denials | Quotes | Annotations |\n");
    out.push_str("|---|---:|---:|---:|---:|\n");
    let mut totals = [0usize; 4];
    for (title, counts) in annotated {
        for (total, count) in totals.iter_mut().zip(counts) {
            *total += count;
        }
        let title = escape_inline(title);
        let [c, d, q, n] = counts;
        let _ = writeln!(out, "| {title} | {c} | {d} | {q} | {n} |");
    }
    let [c, d, q, n] = totals;
    let _ = writeln!(out, "| **Total** | {c} | {d} | {q} | {n} |\n");
    out
}

/// The title of `item` and its claims, denials, quotes and annotations, for the table; `None`
/// when it has no annotations (it is then only counted in the totals line).
pub fn summary(item: &Item) -> Option<(String, [usize; 4])> {
    if item.annotations.is_empty() {
        return None;
    }
    let mut counts = [0, 0, 0, item.annotations.len()];
    for annotation in item.annotations.annotations() {
        for tag in &annotation.tags {
            let column = match tag {
                Tag::Claim => 0,
                Tag::Denial => 1,
                Tag::Quote => 2,
            };
            counts[column] += 1;
        }
    }
    Some((item.article.metadata().title.clone(), counts))
}

/// The section of `item`: its heading and its annotations by tag; nothing when it has none.
pub fn article(item: &Item) -> String {
    let mut out = String::new();
    let rows = rows(item.article, item.annotations, Default::default());
    if !rows.is_empty() {
        article_section(&mut out, item, &rows);
    }
    out
}

fn article_section(out: &mut String, item: &Item, rows: &[Row]) {
    let metadata = item.article.metadata();
    let _ = writeln!(out, "## {}\n", escape_inline(&metadata.title));
    // The date as written, and as ISO 8601 beside it when the two differ.
    let date = match (&metadata.date, &metadata.date_iso) {
        (Some(written), Some(iso)) if written != iso => Some(format!("{written} ({iso})")),
        (written, _) => written.clone(),
    };
    let facts: Vec<String> = [date.as_deref(), metadata.source.as_deref()]
        .into_iter()
        .flatten()
        .chain([item.file])
        .map(escape_inline)
        .collect();
    let _ = writeln!(out, "{}\n", facts.join(" · "));
    for (tag, heading) in [
        (Some(Tag::Claim), "Claims"),
        (Some(Tag::Denial), "Denials"),
        (Some(Tag::Quote), "Quotes"),
        (None, "Notes"),
    ] {
        let chosen: Vec<&Row> = rows
            .iter()
            .filter(|row| match tag {
                Some(tag) => row.annotation.tags.contains(&tag),
                None => row.annotation.tags.is_empty(),
            })
            .collect();
        if chosen.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {heading}\n");
        for row in chosen {
            quote(out, row);
        }
    }
}

/// One annotation: its text as a block quote, then its units, speaker and status, then its note.
fn quote(out: &mut String, row: &Row) {
    let folded: Vec<&str> = row.text.split_whitespace().collect();
    let _ = writeln!(out, "> {}\n", escape_line(&folded.join(" ")));
    let units = if row.first_unit == row.last_unit {
        format!("unit {}", row.first_unit)
    } else {
        format!("units {}–{}", row.first_unit, row.last_unit)
    };
    let status = match row.status {
        Status::Anchored => String::new(),
        Status::Moved => " · moved since it was tagged".to_owned(),
        Status::Fuzzy(score) => format!(" · fuzzy match ({:.0}%): please check", score * 100.0),
        Status::Orphaned => " · orphaned: no longer found in the article".to_owned(),
    };
    let speaker = row.annotation.speaker.trim();
    let speaker = if speaker.is_empty() {
        String::new()
    } else {
        format!(" · said by {}", escape_inline(speaker))
    };
    let _ = writeln!(out, "— {units}{speaker}{status}\n");
    let note = row.annotation.note.trim();
    if !note.is_empty() {
        let lines: Vec<String> = note
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(escape_line)
            .collect();
        // A trailing backslash is CommonMark's hard line break, so the note keeps its lines.
        let _ = writeln!(out, "Note: {}\n", lines.join("\\\n"));
    }
}

/// `text` escaped for the middle of a line: every ASCII punctuation mark that Markdown or a
/// table could read as syntax gets a backslash; control characters become U+FFFD.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!'
            | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped as a whole line: as [`escape_inline`], and a start that reads as a list item,
/// a heading or a rule (`- `, `+ `, `1. `, `1) `, `===`) is escaped too.
fn escape_line(text: &str) -> String {
    let mut escaped = escape_inline(text.trim_start());
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    let first = escaped.chars().next();
    if matches!(first, Some('-' | '+' | '=')) {
        escaped.insert(0, '\\');
    } else if digits > 0
        && matches!(escaped[digits..].chars().next(), Some('.' | ')'))
        && escaped[digits + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    {
        escaped.insert(digits, '\\');
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::export::row::sample;
    use rstest::rstest;

    #[rstest]
    #[case(Status::Anchored, "— unit 1\n")]
    #[case(Status::Moved, "— unit 1 · moved since it was tagged\n")]
    #[case(Status::Fuzzy(0.834), "— unit 1 · fuzzy match (83%): please check\n")]
    #[case(
        Status::Orphaned,
        "— unit 1 · orphaned: no longer found in the article\n"
    )]
    fn quotes_say_how_the_annotation_was_found(#[case] status: Status, #[case] line: &str) {
        let article = Article::parse("a.txt", b"First one. Second one. Third.").unwrap();
        let a = sample::annotation(&article);
        let mut out = String::new();
        quote(&mut out, &sample::row(&article, &a, status));
        assert_eq!(
            out,
            format!("> Second one.\n\n{line}\nNote: two\\\nlines\n\n")
        );
    }

    #[rstest]
    #[case("plain words", "plain words")]
    #[case("a *b* _c_ `d`", r"a \*b\* \_c\_ \`d\`")]
    #[case("# not a heading", r"\# not a heading")]
    #[case("- not a list", r"\- not a list")]
    #[case("1. not a list", r"1\. not a list")]
    #[case("2024) not a list", r"2024\) not a list")]
    #[case("3.5 per cent", "3.5 per cent")]
    #[case("<b>x</b> | y", r"\<b\>x\</b\> \| y")]
    #[case("bell\u{7}", "bell\u{FFFD}")]
    #[case("“Nein”, sagte er — ‘ja’", "“Nein”, sagte er — ‘ja’")]
    fn escapes_what_markdown_would_read_as_syntax(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(escape_line(text), expected);
    }
}
