//! `sidenote segment FILE`: prints an article's units as JSON Lines or plain text.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::library;

/// Arguments of `sidenote segment`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
}

/// How units are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per unit (JSON Lines).
    Json,
    /// One unit per line.
    Text,
}

#[derive(serde::Serialize)]
struct Row<'a> {
    index: usize,
    kind: crate::article::UnitKind,
    paragraph: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Prints the units of `args.file`.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let article = library::read_article(&args.file)?;
    let text = article.text();
    let chars = article.chars();
    let mut out = BufWriter::new(io::stdout().lock());
    for (index, unit) in article.units().iter().enumerate() {
        let display = article.unit_text(index).unwrap_or_default();
        match args.format {
            Format::Json => {
                let row = Row {
                    index,
                    kind: unit.kind,
                    paragraph: unit.paragraph,
                    start: chars.char_of_byte(text, unit.start),
                    end: chars.char_of_byte(text, unit.end),
                    text: &display,
                };
                serde_json::to_writer(&mut out, &row)?;
                out.write_all(b"\n")?;
            }
            Format::Text => writeln!(out, "{display}")?,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
