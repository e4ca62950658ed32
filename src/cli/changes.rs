//! `sidenote changes PATH... [--format json|text]`: the tags whose place or wording changed since
//! they were tagged, found by re-anchoring each article as it stands now, with the old text, the
//! new one and a word-level difference; in text form also a summary per article and, when the
//! text they were tagged on is kept in the data directory, the sentences added and removed.
//!
//! Exit status: 0 when every tag listed is placed (moved or fuzzy), 1 when any is orphaned, 2 on
//! an error (a file or sidecar that cannot be read), so a script can watch a folder of articles
//! downloaded again.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::annotation::{AnnotationSet, Status};
use crate::changes::{self, Piece, Report, TagChange};
use crate::library;
use crate::paths::Dirs;
use crate::safe_text;
use crate::sidecar;
use crate::tagged_text::{self, TextStore};

/// The exit status when a listed tag is orphaned.
const ORPHANED: u8 = 1;
/// The exit status on an error.
const ERROR: u8 = 2;

/// Arguments of `sidenote changes`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when every tag listed is placed (moved, or fuzzy: \
found on a similar text), 1 when any is orphaned (its text is gone), 2 on an error."
)]
pub struct Args {
    /// The article files, or folders: every tagged article inside them.
    #[arg(required = true, value_name = "PATH")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
}

/// How the changes are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per changed tag (JSON Lines).
    Json,
    /// For people: a summary per article, each tag's difference as `[-old-]{+new+}`.
    Text,
}

#[derive(serde::Serialize)]
struct Row<'a> {
    file: &'a str,
    id: &'a str,
    status: &'static str,
    old_text: &'a str,
    new_text: Option<&'a str>,
    first_unit: Option<usize>,
    last_unit: Option<usize>,
    diff: &'a [Piece],
    highlights: Vec<String>,
    score: Option<f32>,
}

/// Prints the changed tags of every article; see the module's exit statuses.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    // An error exits with 2, not the 1 of other commands: 1 means a tag was orphaned.
    match report_all(args) {
        Ok(code) => Ok(code),
        Err(error) if is_broken_pipe(&error) => Ok(ExitCode::SUCCESS),
        Err(error) => {
            super::message::warn(super::message::describe(&error));
            Ok(ExitCode::from(ERROR))
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<io::Error>()
        .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

fn report_all(args: &Args) -> anyhow::Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut problems = Vec::new();
    let files = super::list::articles(&args.files, &mut problems);
    let mut failed = !problems.is_empty();
    for problem in &problems {
        super::message::warn(problem);
    }
    let store = Dirs::from_env()
        .ok()
        .map(|dirs| TextStore::in_data(&dirs.data));
    let mut orphaned = false;
    for file in &files {
        match article_report(file, store.as_ref()) {
            Ok(None) => {}
            Ok(Some(report)) => {
                orphaned |= report.summary.lost + report.summary.kept > 0;
                let name = file.display().to_string();
                match args.format {
                    Format::Json => write_json(&mut out, &name, &report)?,
                    Format::Text => write_text(&mut out, &name, &report)?,
                }
            }
            Err(error) => {
                out.flush()?;
                super::message::warn(super::message::describe(&error));
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(ERROR)
    } else if orphaned {
        ExitCode::from(ORPHANED)
    } else {
        ExitCode::SUCCESS
    })
}

/// The change report of the article at `file`; `None` when it has no sidecar. An article whose
/// text is the one its sidecar was saved against is still re-anchored: a tag a hand edit moved
/// is listed all the same.
fn article_report(file: &Path, store: Option<&TextStore>) -> anyhow::Result<Option<Report>> {
    let article = library::read_article(file)?;
    let Some(loaded) = sidecar::load(file)? else {
        return Ok(None);
    };
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let report = tagged_text::changes_since(
        &article,
        &name,
        &loaded.fingerprint,
        &loaded.annotations,
        store,
    )
    .unwrap_or_else(|| {
        let set = AnnotationSet::new(&article, loaded.annotations);
        changes::report(&article, set.iter(), None)
    });
    Ok(Some(report))
}

fn write_json(out: &mut impl Write, file: &str, report: &Report) -> anyhow::Result<()> {
    for tag in &report.tags {
        let row = Row {
            file,
            id: &tag.id,
            status: tag.status.name(),
            old_text: &tag.old_text,
            new_text: tag.new_text.as_deref(),
            first_unit: tag.units.map(|(first, _)| first),
            last_unit: tag.units.map(|(_, last)| last),
            diff: &tag.diff,
            highlights: changes::highlights(&tag.diff),
            score: score(tag),
        };
        let line = serde_json::to_string(&row)?;
        out.write_all(safe_text::escape_json(&line).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The similarity of the new text to the old: 1 for a tag that only moved, none for an orphan.
fn score(tag: &TagChange) -> Option<f32> {
    match tag.status {
        Status::Fuzzy(score) => Some(score),
        Status::Moved | Status::Anchored => Some(1.0),
        Status::Orphaned => None,
    }
}

fn write_text(out: &mut impl Write, file: &str, report: &Report) -> anyhow::Result<()> {
    let sentences = report.sentences.as_ref().filter(|s| !s.is_empty());
    if report.tags.is_empty() && sentences.is_none() {
        return Ok(());
    }
    let safe = |text: &str| safe_text::for_terminal(text).into_owned();
    writeln!(out, "{}: {}", safe(file), report.summary)?;
    for tag in &report.tags {
        let place = match tag.units {
            Some((first, last)) if first != last => format!("units {first}-{last}"),
            Some((first, _)) => format!("unit {first}"),
            None => "no unit".to_owned(),
        };
        let score = tag.score().map(|s| format!(" {s:.2}")).unwrap_or_default();
        writeln!(out, "  {}{score}, {place} ({})", tag.status.name(), tag.id)?;
        match tag.status {
            Status::Moved => writeln!(out, "    {}", safe(&tag.old_text))?,
            Status::Orphaned => writeln!(out, "    was: {}", safe(&tag.old_text))?,
            _ => writeln!(out, "    {}", safe(&changes::marked(&tag.diff)))?,
        }
        for line in changes::highlights(&tag.diff) {
            writeln!(out, "    changed: {}", safe(&line))?;
        }
    }
    if let Some(sentences) = sentences {
        writeln!(
            out,
            "  since tagged: {} sentences removed, {} added",
            sentences.removed.len(),
            sentences.added.len()
        )?;
        for sentence in &sentences.removed {
            writeln!(out, "    - {}", safe(&sentence.text))?;
        }
        for sentence in &sentences.added {
            writeln!(out, "    + {}: {}", sentence.unit, safe(&sentence.text))?;
        }
    }
    Ok(())
}
