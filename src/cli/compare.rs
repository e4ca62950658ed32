//! `sidenote compare PATH... [--format json|csv|markdown]`: the claim groups across articles,
//! linked by people and suggested from the text, with the conflicts between their figures.
//!
//! JSON Lines gives one object per group (`status` tells linked from suggested); CSV and
//! Markdown print the outlet-by-claim matrix. A folder stands for the tagged articles inside it;
//! a file is compared even untagged (it is a column). Suggestions dismissed in the reading
//! screen stay dismissed here. Not to be confused with `sidenote --compare`, the coders' copies
//! for the disagreement view.

mod json;
mod table;

use std::collections::HashSet;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::claims::{self, matrix};
use crate::library;
use crate::paths::Dirs;
use crate::sidecar;

/// Arguments of `sidenote compare`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article files, or folders: every tagged article inside them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format: one JSON object per group, or the matrix as CSV or Markdown.
    #[arg(long, short, value_enum, default_value_t = Format::Json)]
    pub format: Format,
}

/// The formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines, one object per group.
    Json,
    /// The matrix as CSV: one column per article, one row per group.
    Csv,
    /// The matrix as a Markdown table.
    Markdown,
}

/// Prints the groups of the articles under `args.paths`.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut problems = Vec::new();
    let files = article_files(&args.paths, &mut problems);
    let library = library::claims::read(&files, &mut problems);
    let mut code = ExitCode::SUCCESS;
    for problem in &problems {
        super::message::warn(problem);
        code = ExitCode::FAILURE;
    }
    let groups = claims::groups(&library.units, &dismissed());
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Json => json::write(&mut out, &library, &groups)?,
        Format::Csv | Format::Markdown => {
            let rows = matrix::rows(&library, &groups, matrix::Order::Groups);
            if args.format == Format::Csv {
                table::csv(&mut out, &library, &groups, &rows)?;
            } else {
                table::markdown(&mut out, &library, &groups, &rows)?;
            }
        }
    }
    out.flush()?;
    Ok(code)
}

/// The suggestions dismissed in the data directory; none (after a warning) when they cannot be
/// read, so they are shown again rather than lost.
pub(super) fn dismissed() -> HashSet<String> {
    match Dirs::from_env() {
        Ok(dirs) => match crate::claim_dismissals::load(&dirs.data) {
            Ok(ids) => ids.into_iter().collect(),
            Err(error) => {
                super::message::warn(format_args!(
                    "{error}; dismissed suggestions are shown again"
                ));
                HashSet::new()
            }
        },
        Err(_) => HashSet::new(),
    }
}

/// Files as given; folders expanded to the articles inside them that have a sidecar, sorted.
pub(super) fn article_files(paths: &[PathBuf], problems: &mut Vec<String>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            let mut errors = Vec::new();
            library::find_articles(path, &mut found, &mut errors);
            problems.extend(errors.iter().map(ToString::to_string));
            found.retain(|article| sidecar::path_for(article).exists());
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut seen = HashSet::new();
    files.retain(|file| seen.insert(file.clone()));
    files
}
