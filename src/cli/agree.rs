//! `sidenote agree A B [C...]`: how far coders agree, each argument one coder's copy of the same
//! articles (a folder, matched by path relative to it, or a single article file).
//!
//! Reads one article at a time from every copy, hands the coders' tags per unit to the core's
//! [`Tally`], writes that article's figures and differences, and the figures over the whole set
//! at the end. An article or sidecar that cannot be read is named on stderr, counts as not coded
//! by that coder, and makes the exit code a failure.

mod output;

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::agreement::coding::Coding;
use crate::agreement::report::Tally;
use crate::article::Article;
use crate::library;
use crate::sidecar;

use self::output::{Coder, Output};

/// Arguments of `sidenote agree`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Each coder's copy of the articles: folders (articles matched by relative path) or files.
    #[arg(required = true, num_args = 2..)]
    pub copies: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
}

/// How the figures are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines: one object per tag for the whole set, per tag and article, and per unit where
    /// coders differ.
    Json,
    /// A report for people.
    Text,
    /// CSV: one row per tag for the whole set and per tag and article.
    Csv,
}

/// Compares the copies and prints the figures.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    let articles = match_articles(&args.copies, &mut failed);
    let mut coders: Vec<Coder> = args
        .copies
        .iter()
        .map(|copy| Coder::new(copy.display().to_string()))
        .collect();
    let mut tally = Tally::new(args.copies.len());
    let mut out = Output::new(
        args.format,
        BufWriter::with_capacity(1 << 16, io::stdout().lock()),
    );
    out.start(&coders)?;
    for (relative, paths) in &articles {
        let mut coded: Vec<Option<(Article, Coding)>> = Vec::with_capacity(paths.len());
        for (coder, path) in coders.iter_mut().zip(paths) {
            coded.push(
                path.as_deref()
                    .and_then(|path| read_coding(path, coder, &mut out, &mut failed)),
            );
        }
        let codings: Vec<Option<&Coding>> = coded
            .iter()
            .map(|c| c.as_ref().map(|(_, coding)| coding))
            .collect();
        let agreement = tally.add(&codings);
        let shown = coded.iter().flatten().next().map(|(article, _)| article);
        out.article(&relative.display().to_string(), &agreement, shown)?;
    }
    out.totals(&tally.totals(), tally.speaker_totals().as_ref(), &coders)?;
    out.finish()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Every article path relative to its copy, with the file in each copy (`None` where a copy has
/// no such article), sorted by relative path.
fn match_articles(
    copies: &[PathBuf],
    failed: &mut bool,
) -> BTreeMap<PathBuf, Vec<Option<PathBuf>>> {
    let mut articles: BTreeMap<PathBuf, Vec<Option<PathBuf>>> = BTreeMap::new();
    for (index, copy) in copies.iter().enumerate() {
        let (mut found, mut problems) = (Vec::new(), Vec::new());
        library::find_articles(copy, &mut found, &mut problems);
        for problem in problems {
            super::message::warn(&problem);
            *failed = true;
        }
        for path in found {
            if copy.is_dir() && !library::is_article_path(&path) {
                continue;
            }
            let relative = relative_to(copy, &path);
            articles
                .entry(relative)
                .or_insert_with(|| vec![None; copies.len()])[index] = Some(path);
        }
    }
    articles
}

/// `path` relative to the copy it was found in; a copy given as a file is its file name.
fn relative_to(copy: &Path, path: &Path) -> PathBuf {
    match path.strip_prefix(copy) {
        Ok(relative) if !relative.as_os_str().is_empty() => relative.to_owned(),
        _ => PathBuf::from(path.file_name().unwrap_or(path.as_os_str())),
    }
}

/// The article at `path` and `coder`'s tags on its units, from its sidecar; `None` (after a
/// message) when either cannot be read.
fn read_coding<W: Write>(
    path: &Path,
    coder: &mut Coder,
    out: &mut Output<W>,
    failed: &mut bool,
) -> Option<(Article, Coding)> {
    let loaded = library::read_article(path)
        .map_err(anyhow::Error::from)
        .and_then(|article| {
            let sidecar = sidecar::load(path)?;
            Ok((article, sidecar))
        });
    match loaded {
        Ok((article, sidecar)) => {
            let annotations = sidecar.map(|s| s.annotations).unwrap_or_default();
            coder.saw(&annotations);
            let coding = Coding::of(&article, &annotations);
            Some((article, coding))
        }
        Err(error) => {
            let _ = out.flush();
            super::message::warn(format_args!("{error:#}"));
            *failed = true;
            None
        }
    }
}
