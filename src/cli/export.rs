//! `sidenote export [PATH...] --format FORMAT [-o OUT]`: the command line over the export driver
//! both shells share (`crate::library::export`), which reads articles and their sidecars one at a
//! time, in path order, writes each and lets it go, to stdout, to a file, or (brat) to a folder.
//! Memory follows the largest article, and output begins with the first one.
//!
//! Files are written atomically: a temporary file in the target's folder, flushed to disk, then
//! renamed over the target, so a crash or an error leaves the old file or the new one, never half
//! of one; a named pipe or a device is written into, and what must not be written over is
//! refused (module `crate::export_output`). A broken article or sidecar is named on stderr; the
//! others are still exported and the exit code says something went wrong. Articles are named as
//! given, W3C sources absolute.

mod terminal_safe;

use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use self::terminal_safe::TerminalSafe;
use crate::export::{self, Text};
use crate::library;
use crate::library::export::{Error, Job, Names, OnError, Unreadable};
use crate::paths::Dirs;
use crate::sidecar;

/// Arguments of `sidenote export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles or folders to export; the default library when none are given.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to this file (a folder for brat) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// What offsets count in.
    #[arg(long, value_enum, default_value_t = Offsets::CodePoints)]
    pub offsets: Offsets,
    /// Start CSV output with a byte-order mark, for Excel.
    #[arg(long)]
    pub bom: bool,
}

/// The export formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON document with every article and annotation.
    Json,
    /// One JSON object per annotation and line.
    Jsonl,
    /// CSV, one row per annotation and tag.
    Csv,
    /// A readable Markdown report.
    Markdown,
    /// A W3C Web Annotation collection (JSON-LD).
    W3c,
    /// A brat standoff folder (needs -o).
    Brat,
}

/// Offset units, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Offsets {
    /// Unicode code points.
    CodePoints,
    /// UTF-16 code units, for JavaScript tools.
    Utf16,
}

impl From<Format> for export::Format {
    fn from(format: Format) -> export::Format {
        match format {
            Format::Json => export::Format::Json,
            Format::Jsonl => export::Format::Jsonl,
            Format::Csv => export::Format::Csv,
            Format::Markdown => export::Format::Markdown,
            Format::W3c => export::Format::W3c,
            Format::Brat => export::Format::Brat,
        }
    }
}

/// Exports the articles under `args.paths` (or the default library).
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let format = export::Format::from(args.format);
    check_args(args, format)?;
    let mut problems = Problems::default();
    let articles = article_paths(&args.paths, &mut problems)?;
    let options = export::Options {
        offsets: match args.offsets {
            Offsets::CodePoints => export::Offsets::CodePoints,
            Offsets::Utf16 => export::Offsets::Utf16,
        },
        bom: args.bom,
    };
    let job = Job::new(&articles, format, options, Names::AsGiven);
    let mut report = |path: &Path, error: Unreadable| problems.report(&describe(path, error));
    match &args.output {
        None => {
            let stdout = io::stdout();
            let terminal = stdout.is_terminal();
            // Flushed after each article, so output begins with the first one.
            let out = BufWriter::with_capacity(64 * 1024, stdout.lock());
            if terminal {
                let sink = Text(TerminalSafe::new(out));
                let Text(out) = job
                    .write(sink, OnError::Skip(&mut report), |out| out.0.flush())
                    .map_err(into_anyhow)?;
                out.finish()?.flush()?;
            } else {
                let Text(mut out) = job
                    .write(Text(out), OnError::Skip(&mut report), |out| out.0.flush())
                    .map_err(into_anyhow)?;
                out.flush()?;
            }
        }
        Some(path) => {
            refuse_overwriting_articles(path, job.articles())?;
            if !format.is_folder() && path.is_dir() {
                bail!("{}: is a folder; give a file name", path.display());
            }
            job.write_to(path, OnError::Skip(&mut report))
                .map_err(|error| match error {
                    Error::Create(error) if format.is_folder() => anyhow::Error::new(error)
                        .context(format!("writing the folder {}", path.display())),
                    error => into_anyhow(error).context(format!("writing {}", path.display())),
                })?;
        }
    }
    Ok(if problems.found {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether something could not be exported; each problem is named on stderr as it is found.
#[derive(Debug, Default)]
struct Problems {
    found: bool,
}

impl Problems {
    fn report(&mut self, problem: &dyn std::fmt::Display) {
        self.found = true;
        super::message::warn(problem);
    }
}

/// What stderr says of an article left out of the export.
fn describe(path: &Path, error: Unreadable) -> String {
    let error = match error {
        Unreadable::Article(error) => anyhow::Error::new(error),
        Unreadable::Sidecar(error) => anyhow::Error::new(error).context(format!(
            "{}: its sidecar cannot be read, so this article is left out of the export \
             (the sidecar is kept as it is)",
            path.display()
        )),
    };
    super::message::describe(&error)
}

/// The driver's error with the cause it wraps as its own, so a closed pipe is still seen as one.
fn into_anyhow(error: Error) -> anyhow::Error {
    match error {
        Error::Export(error) => error.into(),
        Error::After(error) | Error::Create(error) | Error::Commit(error) => error.into(),
        // Articles that cannot be read are skipped and reported, never an error here.
        error @ Error::Read { .. } => error.into(),
    }
}

/// Refuses an output that names one of `articles` or its sidecar.
fn refuse_overwriting_articles(out: &Path, articles: &[PathBuf]) -> anyhow::Result<()> {
    // An output that does not exist yet cannot be an article.
    let Ok(out) = fs::canonicalize(out) else {
        return Ok(());
    };
    let same = |path: &Path| fs::canonicalize(path).is_ok_and(|path| path == out);
    for article in articles {
        if same(article) || same(&sidecar::path_for(article)) {
            bail!(
                "{}: the output would overwrite an article; choose another -o",
                article.display()
            );
        }
    }
    Ok(())
}

fn check_args(args: &Args, format: export::Format) -> anyhow::Result<()> {
    if format.is_folder() && args.output.is_none() {
        bail!("brat writes a folder: give one with -o FOLDER");
    }
    if format == export::Format::Brat && args.offsets == Offsets::Utf16 {
        bail!("brat always counts code points; leave out --offsets utf16");
    }
    if args.bom && format != export::Format::Csv {
        bail!("--bom is for --format csv only");
    }
    Ok(())
}

/// The article files under `paths` (the default library when empty), without repeats; a path that
/// cannot be read is reported and skipped.
fn article_paths(paths: &[PathBuf], problems: &mut Problems) -> anyhow::Result<Vec<PathBuf>> {
    let paths = if paths.is_empty() {
        let library = Dirs::from_env()?.library();
        library::install_samples(&library)
            .with_context(|| format!("installing the sample library in {}", library.display()))?;
        vec![library]
    } else {
        paths.to_vec()
    };
    let mut out = Vec::new();
    for path in paths {
        let mut found = Vec::new();
        library::find_articles(&path, &mut out, &mut found);
        for problem in found {
            problems.report(&problem);
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_names_are_the_export_names() {
        use clap::ValueEnum;
        for format in Format::value_variants() {
            let name = format.to_possible_value().unwrap();
            assert_eq!(name.get_name(), export::Format::from(*format).name());
        }
        assert_eq!(Format::value_variants().len(), export::Format::ALL.len());
    }
}
