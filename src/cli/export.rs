//! `sidenote export [PATH...] --format FORMAT [-o OUT]`: reads articles and their sidecars, renders
//! them with [`crate::export`], and writes the result to stdout, to a file, or (brat) to a folder.
//!
//! Files are written atomically: a temporary file in the target's folder, flushed to disk, then
//! renamed over the target, so a crash leaves the old file or the new one, never half of one. A
//! broken article or sidecar is named on stderr; the others are still exported and the exit code
//! says something went wrong.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::atomic_file;
use crate::export::{self, Item, Output, OutputFile, OwnedItem};
use crate::library;
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

/// An article read from disk with its annotations.
type Loaded = OwnedItem<Article>;

/// Exports the articles under `args.paths` (or the default library).
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let format = export::Format::from(args.format);
    check_args(args, format)?;
    let mut failed = false;
    let mut report = |error: &dyn std::fmt::Display| {
        failed = true;
        super::terminal::warn(error);
    };
    let articles = article_paths(&args.paths, &mut report)?;
    let mut loaded = Vec::new();
    for path in &articles {
        if args
            .output
            .as_deref()
            .is_some_and(|out| same_file(out, path))
        {
            bail!(
                "{}: the output would overwrite an article; choose another -o",
                path.display()
            );
        }
        match load(path, format) {
            Ok(item) => loaded.push(item),
            Err(error) => report(&super::terminal::describe(&error)),
        }
    }
    let items: Vec<Item> = loaded.iter().map(OwnedItem::item).collect();
    let options = export::Options {
        offsets: match args.offsets {
            Offsets::CodePoints => export::Offsets::CodePoints,
            Offsets::Utf16 => export::Offsets::Utf16,
        },
        bom: args.bom,
    };
    let output = export::render(&items, format, &options)?;
    match (output, &args.output) {
        (Output::Text(text), None) => write_stdout(&text)?,
        (Output::Text(_), Some(path)) if path.is_dir() => {
            bail!("{}: is a folder; give a file name", path.display())
        }
        (Output::Text(text), Some(path)) => atomic_file::write(path, text.as_bytes())
            .with_context(|| format!("writing {}", path.display()))?,
        (Output::Files(files), Some(dir)) => write_folder(dir, &files)
            .with_context(|| format!("writing the folder {}", dir.display()))?,
        (Output::Files(_), None) => bail!("brat writes a folder: give one with -o FOLDER"),
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
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
fn article_paths(
    paths: &[PathBuf],
    report: &mut dyn FnMut(&dyn std::fmt::Display),
) -> anyhow::Result<Vec<PathBuf>> {
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
        let mut problems = Vec::new();
        library::find_articles(&path, &mut out, &mut problems);
        for problem in problems {
            report(&problem);
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Reads the article at `path` and its sidecar. W3C sources must be absolute IRIs, so that format
/// gets absolute paths; the others show paths as they were given.
fn load(path: &Path, format: export::Format) -> anyhow::Result<Loaded> {
    let article = library::read_article(path)?;
    let annotations = match sidecar::load(path) {
        Ok(Some(sidecar)) => sidecar.annotations,
        Ok(None) => Vec::new(),
        Err(error) => {
            return Err(anyhow::Error::new(error).context(format!(
                "{}: its sidecar cannot be read, so this article is left out of the export \
                 (the sidecar is kept as it is)",
                path.display()
            )));
        }
    };
    let shown = if format == export::Format::W3c {
        std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
    } else {
        path.to_owned()
    };
    let annotations = AnnotationSet::new(&article, annotations);
    Ok(Loaded {
        file: shown.display().to_string(),
        article,
        annotations,
    })
}

/// Whether `out` names the article at `article` or its sidecar.
fn same_file(out: &Path, article: &Path) -> bool {
    let canonical = |p: &Path| fs::canonicalize(p).ok();
    let out = canonical(out);
    out.is_some() && (out == canonical(article) || out == canonical(&sidecar::path_for(article)))
}

/// Writes `text` to stdout; on a terminal, control characters are shown as U+FFFD so article
/// text cannot drive the terminal.
fn write_stdout(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    if stdout.is_terminal() {
        stdout.write_all(terminal_safe(text).as_bytes())?;
    } else {
        stdout.write_all(text.as_bytes())?;
    }
    stdout.flush()
}

/// `text` with every control character but tab, line feed and the CR of a CRLF replaced by
/// U+FFFD (a lone CR would let a line overwrite the one before it).
fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\n' | '\t' => c,
            '\r' if chars.peek() == Some(&'\n') => c,
            c if c.is_control() => '\u{FFFD}',
            c => c,
        });
    }
    out
}

/// Writes the files of a folder export (brat) into the new folder `dir`.
fn write_folder(dir: &Path, files: &[OutputFile]) -> io::Result<()> {
    atomic_file::write_folder(
        dir,
        files
            .iter()
            .map(|file| (Path::new(&file.path), file.contents.as_bytes())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_output_has_no_control_codes() {
        assert_eq!(
            terminal_safe("a\u{1b}[31mb\u{9b}c\r\n\td\u{7f}e\rf"),
            "a\u{FFFD}[31mb\u{FFFD}c\r\n\td\u{FFFD}e\u{FFFD}f"
        );
    }

    #[test]
    fn command_line_names_are_the_export_names() {
        use clap::ValueEnum;
        for format in Format::value_variants() {
            let name = format.to_possible_value().unwrap();
            assert_eq!(name.get_name(), export::Format::from(*format).name());
        }
        assert_eq!(Format::value_variants().len(), export::Format::ALL.len());
    }

    #[test]
    fn a_folder_export_never_replaces_a_non_empty_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("brat");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("mine.ann"), "keep").unwrap();
        let files = [OutputFile {
            path: "a.txt".into(),
            contents: "x".into(),
        }];
        assert!(write_folder(&out, &files).is_err());
        assert_eq!(fs::read_to_string(out.join("mine.ann")).unwrap(), "keep");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
