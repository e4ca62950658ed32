//! The brat export: a folder the brat annotation tool opens as it is. Per article a `.txt` copy
//! of its text and a `.ann` standoff file; one `annotation.conf` declaring the entity types.
//!
//! brat counts offsets in code points of the `.txt` file as it reads it, and it reads text files
//! with universal newlines (`open_textfile` in brat's `annotation.py`), so a CRLF counts as one
//! character there. The copy is therefore the decoded text with CRLF and lone CR written as LF
//! (everything else, a BOM included, byte for byte), and offsets count code points of that copy,
//! which every brat version reads alike. A span may not cross a line break in brat, so an
//! annotation over several lines becomes a discontinuous span, one fragment per line. brat has no place for text that is not in the document, so orphaned annotations go to
//! `<name>.orphaned.jsonl` (the JSON Lines layout) beside the `.ann`, never dropped. A speaker
//! is free text, which a brat attribute cannot hold (its values are declared in advance), so it
//! is an `AnnotatorNotes` line of its own, `Speaker: <name>`, before the note's.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::ops::Range;

use super::jsonl::push_line;
use super::row::{Row, rows};
use super::{ExportError, Item, Offsets, Options};
use crate::annotation::{Status, Tag};
use crate::article::Article;

/// The brat configuration: one entity type per tag, `Note` for a note without a tag, and a
/// `Status` attribute for annotations that moved or matched only fuzzily.
pub const ANNOTATION_CONF: &str = "\
[entities]
Claim
Denial
Quote
Note

[relations]

[events]

[attributes]
Status\tArg:<ENTITY>, Value:Moved|Fuzzy
";

/// The names no article may take: `annotation` is the configuration's.
pub fn taken() -> BTreeSet<String> {
    BTreeSet::from(["annotation".to_owned()])
}

/// The files of `item` (its `.txt`, its `.ann` and, when it has orphans, its
/// `.orphaned.jsonl`), under a name not yet in `taken`, which it joins. `annotation.conf` comes
/// before every article, and articles come in path order, so the names are stable.
pub fn files(
    item: &Item,
    taken: &mut BTreeSet<String>,
) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    let options = Options {
        offsets: Offsets::CodePoints,
        bom: false,
    };
    let name = unique_name(item.file, taken);
    let rows = rows(item.article, item.annotations, Offsets::CodePoints);
    let mut orphans = Vec::new();
    for row in rows.iter().filter(|row| row.bytes.is_none()) {
        push_line(&mut orphans, item, row, &options)?;
    }
    let copy = Copy::of(item.article);
    let ann = standoff(item.article, &copy, &rows);
    let mut files = vec![
        (format!("{name}.txt"), copy.text.into_bytes()),
        (format!("{name}.ann"), ann.into_bytes()),
    ];
    if !orphans.is_empty() {
        files.push((format!("{name}.orphaned.jsonl"), orphans));
    }
    Ok(files)
}

/// The `.txt` copy of an article, with line ends written as LF, and where its CRLFs were.
struct Copy {
    /// The text brat reads.
    text: String,
    /// Byte offsets in the article text of each CRLF, in order.
    crlf: Vec<usize>,
}

impl Copy {
    fn of(article: &Article) -> Copy {
        let text = article.text();
        let crlf = text.match_indices("\r\n").map(|(at, _)| at).collect();
        Copy {
            text: text.replace("\r\n", "\n").replace('\r', "\n"),
            crlf,
        }
    }

    /// The code-point offset in the copy of byte offset `byte` of the article text (never inside
    /// a CRLF): one character fewer for each CRLF before it.
    fn offset(&self, article: &Article, byte: usize) -> usize {
        let before = self.crlf.partition_point(|&at| at < byte);
        article.chars().char_of_byte(article.text(), byte) - before
    }
}

/// The `.ann` text for the placed rows of `article`, with offsets into `copy`.
fn standoff(article: &Article, copy: &Copy, rows: &[Row]) -> String {
    let mut out = String::new();
    let (mut entity, mut attribute, mut note) = (0, 0, 0);
    for row in rows {
        let Some(bytes) = &row.bytes else { continue };
        let fragments = fragments(article.text(), bytes);
        let spans: Vec<String> = fragments
            .iter()
            .map(|(_, range)| {
                let start = copy.offset(article, range.start);
                format!("{start} {}", copy.offset(article, range.end))
            })
            .collect();
        let spans = spans.join(";");
        let text: Vec<&str> = fragments.iter().map(|f| f.0).collect();
        let text = one_line(&text.join(" "));
        let types: Vec<&str> = match row.annotation.tags.as_slice() {
            [] => vec!["Note"],
            tags => tags.iter().map(|tag| entity_type(*tag)).collect(),
        };
        for kind in types {
            entity += 1;
            let _ = writeln!(out, "T{entity}\t{kind} {spans}\t{text}");
            let status = match row.status {
                Status::Moved => Some("Moved"),
                Status::Fuzzy(_) => Some("Fuzzy"),
                Status::Anchored | Status::Orphaned => None,
            };
            if let Some(status) = status {
                attribute += 1;
                let _ = writeln!(out, "A{attribute}\tStatus T{entity} {status}");
            }
            if !row.annotation.speaker.is_empty() {
                note += 1;
                let speaker = one_line(&row.annotation.speaker);
                let _ = writeln!(out, "#{note}\tAnnotatorNotes T{entity}\tSpeaker: {speaker}");
            }
            if !row.annotation.note.is_empty() {
                note += 1;
                let text = one_line(&row.annotation.note);
                let _ = writeln!(out, "#{note}\tAnnotatorNotes T{entity}\t{text}");
            }
        }
    }
    out
}

fn entity_type(tag: Tag) -> &'static str {
    match tag {
        Tag::Claim => "Claim",
        Tag::Denial => "Denial",
        Tag::Quote => "Quote",
    }
}

/// The parts of `bytes` between line breaks, trimmed of whitespace, each with its byte range;
/// the whole range when every part is blank.
fn fragments<'a>(text: &'a str, bytes: &Range<usize>) -> Vec<(&'a str, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = bytes.start;
    for line in text[bytes.clone()].split(['\n', '\r']) {
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = at + lead;
            out.push((trimmed, start..start + trimmed.len()));
        }
        at += line.len() + 1;
    }
    if out.is_empty() {
        out.push((&text[bytes.clone()], bytes.clone()));
    }
    out
}

/// `text` on one line: line breaks and tabs become spaces, as the `.ann` format needs.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\r', '\n', '\t'], " ")
}

/// A file name (without extension) for `file`, not yet in `taken`: its stem, with `-2`, `-3`...
/// added when two articles share one. Only letters, digits, `-`, `_` and `.` are kept, so the
/// name never leaves the folder.
fn unique_name(file: &str, taken: &mut BTreeSet<String>) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let mut clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.trim_matches('.').is_empty() {
        clean = "article".to_owned();
    }
    let mut name = clean.clone();
    let mut n = 1;
    while !taken.insert(name.to_lowercase()) {
        n += 1;
        name = format!("{clean}-{n}");
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::row::sample;

    #[test]
    fn every_tag_is_an_entity_with_the_note_and_the_status() {
        let article = Article::parse("a.txt", b"First one. Second one. Third.").unwrap();
        let a = sample::annotation(&article);
        let rows = [sample::row(&article, &a, Status::Fuzzy(0.5))];
        let ann = standoff(&article, &Copy::of(&article), &rows);
        assert_eq!(
            ann,
            "T1\tClaim 11 22\tSecond one.\nA1\tStatus T1 Fuzzy\n#1\tAnnotatorNotes T1\ttwo lines\n\
             T2\tQuote 11 22\tSecond one.\nA2\tStatus T2 Fuzzy\n#2\tAnnotatorNotes T2\ttwo lines\n"
        );
        let orphaned = [sample::row(&article, &a, Status::Orphaned)];
        assert_eq!(standoff(&article, &Copy::of(&article), &orphaned), "");
    }

    #[test]
    fn names_are_unique_and_stay_in_the_folder() {
        let mut taken = taken();
        let names: Vec<String> = [
            "/a/report.txt",
            "/b/report.md",
            "/c/Report.txt",
            "../../etc/passwd",
            "/x/..txt",
            "/x/annotation.txt",
            "/x/ü ber.txt",
        ]
        .into_iter()
        .map(|file| unique_name(file, &mut taken))
        .collect();
        assert_eq!(
            names,
            [
                "report",
                "report-2",
                "Report-3",
                "passwd",
                "article",
                "annotation-2",
                "ü_ber"
            ]
        );
    }

    #[test]
    fn spans_over_line_breaks_become_fragments_in_the_lf_copy() {
        let text = "\u{feff}Intro.\r\n\r\nHe said that\r\n  it was 𝄞 true.\rEnd.";
        let article = Article::parse("a.txt", text.as_bytes()).unwrap();
        let copy = Copy::of(&article);
        assert_eq!(
            copy.text,
            "\u{feff}Intro.\n\nHe said that\n  it was 𝄞 true.\nEnd."
        );
        let start = text.find("He").unwrap();
        let end = text.find("\rEnd").unwrap();
        let spans: Vec<(&str, usize, usize)> = fragments(text, &(start..end))
            .into_iter()
            .map(|(quote, range)| {
                let from = copy.offset(&article, range.start);
                (quote, from, copy.offset(&article, range.end))
            })
            .collect();
        assert_eq!(spans, [("He said that", 9, 21), ("it was 𝄞 true.", 24, 38)]);
        let chars: Vec<char> = copy.text.chars().collect();
        for (quote, from, to) in spans {
            assert_eq!(chars[from..to].iter().collect::<String>(), quote);
        }
    }
}
