//! `sidenote segment FILE`: prints an article's units as JSON Lines or plain text.
//!
//! Offsets are printed in code points of the decoded text (BOM and CR included), the unit the
//! W3C TextPositionSelector uses. They are counted in one pass over the text as the units go by,
//! so the command stays as fast as reading the file.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::article::{Article, UnitKind};
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
    kind: UnitKind,
    paragraph: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Prints the units of `args.file`, after a warning on stderr when it was not UTF-8.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let article = library::read_article(&args.file)?;
    if let Some(warning) = article.encoding().warning() {
        let _ = writeln!(
            io::stderr(),
            "sidenote: warning: {}: {warning}",
            args.file.display()
        );
    }
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    write_units(&article, args.format, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes every unit of `article` to `out` in `format`.
pub fn write_units(article: &Article, format: Format, out: &mut impl Write) -> io::Result<()> {
    let text = article.text();
    // Code points before byte `byte`, carried forward unit by unit since units are in order.
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut to_chars = |offset: usize| {
        chars = match text.as_bytes().get(byte..offset) {
            Some(between) => chars + count_chars(between),
            None => article.chars().char_of_byte(text, offset),
        };
        byte = offset;
        chars
    };
    for (index, unit) in article.units().iter().enumerate() {
        let display = article.unit_text(index).unwrap_or_default();
        match format {
            Format::Json => {
                let row = Row {
                    index,
                    kind: unit.kind,
                    paragraph: unit.paragraph,
                    start: to_chars(unit.start),
                    end: to_chars(unit.end),
                    text: &display,
                };
                serde_json::to_writer(&mut *out, &row)?;
                out.write_all(b"\n")?;
            }
            Format::Text => {
                out.write_all(display.as_bytes())?;
                out.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

/// Counts code points in valid UTF-8 by counting the bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}
