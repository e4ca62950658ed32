//! `sidenote list PATH...`: prints the annotations of articles as JSON Lines, after finding them
//! again in the articles as they now stand. A folder stands for the tagged articles inside it,
//! as with `export`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use time::format_description::well_known::Rfc3339;

use crate::annotation::{AnnotationSet, Status};
use crate::article::Article;
use crate::library;
use crate::safe_text;
use crate::sidecar;

/// Arguments of `sidenote list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article files, or folders: every tagged article inside them.
    #[arg(required = true, value_name = "PATH")]
    pub files: Vec<PathBuf>,
}

#[derive(serde::Serialize)]
struct Row<'a> {
    file: &'a str,
    id: &'a str,
    first_unit: Option<usize>,
    last_unit: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    tags: Vec<&'static str>,
    text: String,
    note: &'a str,
    author: &'a str,
    /// Who says it; `null` when nobody has said.
    speaker: Option<&'a str>,
    created: String,
    modified: String,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
}

/// Prints the annotations of every file; a file that cannot be read is reported and skipped, and
/// makes the exit code a failure.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut code = ExitCode::SUCCESS;
    let mut problems = Vec::new();
    let files = articles(&args.files, &mut problems);
    for problem in &problems {
        super::message::warn(problem);
        code = ExitCode::FAILURE;
    }
    for file in &files {
        let article = match library::read_article(file) {
            Ok(article) => article,
            Err(error) => {
                out.flush()?;
                super::message::warn(&error);
                code = ExitCode::FAILURE;
                continue;
            }
        };
        let annotations = match sidecar::load(file) {
            Ok(Some(loaded)) => {
                if !loaded.is_writable() {
                    out.flush()?;
                    super::message::warn(format_args!(
                        "{}: written by a newer sidenote (format {}); listed as far as it can be read",
                        sidecar::path_for(file).display(),
                        loaded.version
                    ));
                }
                loaded.annotations
            }
            Ok(None) => Vec::new(),
            Err(error) => {
                out.flush()?;
                super::message::warn(&error);
                code = ExitCode::FAILURE;
                continue;
            }
        };
        let name = file.display().to_string();
        let set = AnnotationSet::new(&article, annotations);
        for (annotation, placement) in set.iter() {
            let (text, span) = match placement.units {
                Some(units) => (
                    units_text(&article, units),
                    Some(char_span(&article, units)),
                ),
                None => (annotation.anchor.exact.clone(), None),
            };
            let row = Row {
                file: &name,
                id: &annotation.id,
                first_unit: placement.units.map(|(first, _)| first),
                last_unit: placement.units.map(|(_, last)| last),
                start: span.map(|(start, _)| start),
                end: span.map(|(_, end)| end),
                tags: annotation.tags.iter().map(|tag| tag.name()).collect(),
                text,
                note: &annotation.note,
                author: &annotation.author,
                speaker: (!annotation.speaker.is_empty()).then_some(annotation.speaker.as_str()),
                created: annotation.created.format(&Rfc3339)?,
                modified: annotation.modified.format(&Rfc3339)?,
                status: placement.status.name(),
                score: match placement.status {
                    Status::Fuzzy(score) => Some(score),
                    _ => None,
                },
            };
            let line = serde_json::to_string(&row)?;
            out.write_all(safe_text::escape_json(&line).as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(code)
}

/// The files to list: files as given, folders expanded to the articles inside them that have a
/// sidecar (an untagged article has nothing to list, and reading it would cost a whole library's
/// worth of text). A folder that cannot be read goes to `problems`.
pub(super) fn articles(paths: &[PathBuf], problems: &mut Vec<library::ReadError>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            library::find_articles(path, &mut found, problems);
            files.extend(
                found
                    .into_iter()
                    .filter(|article| sidecar::path_for(article).exists()),
            );
        } else {
            files.push(path.clone());
        }
    }
    files
}

/// The text of units `first..=last` as people read it, joined by spaces.
fn units_text(article: &Article, (first, last): (usize, usize)) -> String {
    (first..=last)
        .filter_map(|unit| article.unit_text(unit))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The code-point offsets of the start of unit `first` and the end of unit `last`.
fn char_span(article: &Article, (first, last): (usize, usize)) -> (usize, usize) {
    let (text, chars, units) = (article.text(), article.chars(), article.units());
    (
        chars.char_of_byte(text, units[first].start),
        chars.char_of_byte(text, units[last].end),
    )
}
