//! `sidenote segment FILE`: prints an article's units as JSON Lines or plain text.
//!
//! Offsets are printed in code points of the decoded text (BOM and CR included), the unit the
//! W3C TextPositionSelector uses. They are counted in one pass over the text as the units go by,
//! so the command stays as fast as reading the file.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::article::{Article, UnitKind, count_chars};
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
    /// One unit per line after its number, the N that `tag --sentence N` takes.
    Text,
}

/// Prints the units of `args.file`, after a warning on stderr when it was not UTF-8.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let article = library::read_article(&args.file)?;
    if let Some(warning) = article.encoding().warning() {
        super::message::warn(format_args!("warning: {}: {warning}", args.file.display()));
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
    let mut buffer = String::new();
    // Numbers right-aligned to the widest, then a tab, as `cat -n` does: readable, and `cut -f2`
    // gives the text alone.
    let width = article.units().len().saturating_sub(1).to_string().len();
    for (index, unit) in article.units().iter().enumerate() {
        let display = article.unit_text_in(index, &mut buffer).unwrap_or_default();
        match format {
            Format::Json => {
                let (start, end) = (to_chars(unit.start), to_chars(unit.end));
                write_row(out, index, unit.kind, unit.paragraph, start, end, display)?;
            }
            Format::Text => {
                write!(out, "{index:>width$}\t")?;
                out.write_all(display.as_bytes())?;
                out.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

/// Writes one JSON Lines row by hand: serde's per-byte escaping was the slowest part of the
/// command, and the row's shape is fixed. Everything before the text goes out in one write.
fn write_row(
    out: &mut impl Write,
    index: usize,
    kind: UnitKind,
    paragraph: usize,
    start: usize,
    end: usize,
    text: &str,
) -> io::Result<()> {
    let kind: &[u8] = match kind {
        UnitKind::Title => b"title",
        UnitKind::Heading => b"heading",
        UnitKind::Sentence => b"sentence",
    };
    let mut head = RowPrefix::default();
    head.push(b"{\"index\":");
    head.number(index);
    head.push(b",\"kind\":\"");
    head.push(kind);
    head.push(b"\",\"paragraph\":");
    head.number(paragraph);
    head.push(b",\"start\":");
    head.number(start);
    head.push(b",\"end\":");
    head.number(end);
    head.push(b",\"text\":");
    out.write_all(head.bytes())?;
    write_json_string(out, text)?;
    out.write_all(b"}\n")
}

/// The fixed part of a row, built on the stack: its longest form, with five 20-digit numbers,
/// is 144 bytes.
struct RowPrefix {
    bytes: [u8; 160],
    len: usize,
}

impl Default for RowPrefix {
    fn default() -> RowPrefix {
        RowPrefix {
            bytes: [0; 160],
            len: 0,
        }
    }
}

impl RowPrefix {
    fn push(&mut self, piece: &[u8]) {
        self.bytes[self.len..self.len + piece.len()].copy_from_slice(piece);
        self.len += piece.len();
    }

    /// Appends `n` in decimal.
    fn number(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        self.push(decimal(n, &mut digits));
    }

    fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// `n` in decimal, written two digits at a time at the end of `digits`: the digits of every
/// number a row holds, without `fmt`.
pub(crate) fn decimal(mut n: usize, digits: &mut [u8; 20]) -> &[u8] {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut at = digits.len();
    while n >= 100 {
        let pair = (n % 100) * 2;
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[n * 2..n * 2 + 2]);
    } else {
        at -= 1;
        digits[at] = b'0' + n as u8;
    }
    &digits[at..]
}

/// Writes `text` as a JSON string. Display text holds no control characters, so only quotes
/// and backslashes need escaping on the fast path; anything else goes through serde_json.
pub(crate) fn write_json_string(out: &mut impl Write, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    if bytes.iter().fold(false, |control, &b| control | (b < 0x20)) {
        return serde_json::to_writer(out, text).map_err(io::Error::from);
    }
    out.write_all(b"\"")?;
    let mut from = 0;
    for at in memchr::memchr2_iter(b'"', b'\\', bytes) {
        out.write_all(&bytes[from..at])?;
        out.write_all(if bytes[at] == b'"' { b"\\\"" } else { b"\\\\" })?;
        from = at + 1;
    }
    out.write_all(&bytes[from..])?;
    out.write_all(b"\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_written_json_matches_serde() {
        for text in [
            "plain",
            "say \"hi\"",
            "back\\slash",
            "tab\tand\u{1}",
            "",
            "é “q”",
        ] {
            let mut ours = Vec::new();
            write_json_string(&mut ours, text).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(text).unwrap()
            );
        }
        for n in [0, 7, 10, 99, 100, 101, 4096, 99_999, usize::MAX] {
            let mut head = RowPrefix::default();
            head.number(n);
            assert_eq!(head.bytes(), n.to_string().as_bytes());
        }
        let mut row = Vec::new();
        write_row(
            &mut row,
            usize::MAX,
            UnitKind::Sentence,
            usize::MAX,
            usize::MAX,
            usize::MAX,
            "",
        )
        .unwrap();
        assert_eq!(row.len(), 144 + "\"\"}\n".len());
        let mut row = Vec::new();
        write_row(&mut row, 0, UnitKind::Title, 0, 1, 57, "T").unwrap();
        assert_eq!(
            String::from_utf8(row).unwrap(),
            "{\"index\":0,\"kind\":\"title\",\"paragraph\":0,\"start\":1,\"end\":57,\"text\":\"T\"}\n"
        );
    }
}
