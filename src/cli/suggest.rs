//! `sidenote suggest FILE...`: prints the suggester's proposals for every unit of each article,
//! as JSON Lines or readable text. It never writes a file.
//!
//! Offsets are code points of the decoded text, as `segment` prints them, counted as the units
//! go by; the proposals are computed a window of units at a time.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::article::{Article, count_chars};
use crate::library;
use crate::safe_text;
use crate::suggest::{Suggestion, suggest_units};

use super::segment::{decimal, write_json_string};

/// Arguments of `sidenote suggest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
}

/// How proposals are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per unit (JSON Lines).
    Json,
    /// One unit per line: number, tags, speaker, score, text; the cues on the next line.
    Text,
}

/// How many units are proposed for at a time.
const WINDOW: usize = 4096;

/// Prints the proposals for each file in turn; a file that cannot be read is reported on stderr
/// as `segment` reports it, the others are still printed, and the exit code is then non-zero.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut failed = false;
    for file in &args.files {
        let article = match library::read_article(file) {
            Ok(article) => article,
            Err(error) => {
                out.flush()?;
                super::message::warn(super::message::describe(&anyhow::Error::from(error)));
                failed = true;
                continue;
            }
        };
        if let Some(warning) = article.encoding().warning() {
            super::message::warn(format_args!("warning: {}: {warning}", file.display()));
        }
        write_suggestions(&article, file, args.format, &mut out)?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Builds JSON Lines rows by hand into one buffer reused from row to row, as `segment` writes
/// its rows: serde's escaping of every string and `fmt`'s numbers were most of the command's
/// time. Each row goes out in one write.
struct Rows {
    /// The row being built.
    row: Vec<u8>,
    /// `{"file":"NAME","index":`, the file's name escaped once.
    head: Vec<u8>,
    /// The scores printed so far, by their bits: a handful of values recur.
    scores: Vec<(u32, Vec<u8>)>,
}

impl Rows {
    fn new(file: &str) -> io::Result<Rows> {
        let mut head = b"{\"file\":".to_vec();
        write_safe_json_string(&mut head, file)?;
        head.extend_from_slice(b",\"index\":");
        Ok(Rows {
            row: Vec::with_capacity(1024),
            head,
            scores: Vec::new(),
        })
    }

    fn number(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        self.row.extend_from_slice(decimal(n, &mut digits));
    }

    fn score(&mut self, score: f32) -> io::Result<()> {
        let score = rounded(score);
        let bits = score.to_bits();
        if let Some((_, text)) = self.scores.iter().find(|(known, _)| *known == bits) {
            self.row.extend_from_slice(text);
            return Ok(());
        }
        let text = serde_json::to_vec(&score).map_err(io::Error::from)?;
        self.row.extend_from_slice(&text);
        self.scores.push((bits, text));
        Ok(())
    }

    /// Writes one row: the unit `start..end` (code points) with text `display`, and its
    /// proposal; `at` turns a byte offset of `text` into code points.
    #[allow(clippy::too_many_arguments)]
    fn write(
        &mut self,
        out: &mut impl Write,
        start: usize,
        end: usize,
        display: &str,
        suggestion: &Suggestion,
        text: &str,
        at: impl Fn(usize) -> usize,
    ) -> io::Result<()> {
        self.row.clear();
        self.row.extend_from_slice(&self.head);
        self.number(suggestion.index);
        self.row.extend_from_slice(b",\"start\":");
        self.number(start);
        self.row.extend_from_slice(b",\"end\":");
        self.number(end);
        self.row.extend_from_slice(b",\"text\":");
        write_json_string(&mut self.row, display)?;
        self.row.extend_from_slice(b",\"tags\":[");
        for (n, tag) in suggestion.tags.iter().enumerate() {
            if n > 0 {
                self.row.push(b',');
            }
            self.row.push(b'"');
            self.row.extend_from_slice(tag.name().as_bytes());
            self.row.push(b'"');
        }
        self.row.extend_from_slice(b"],\"speaker\":");
        match &suggestion.speaker {
            Some(speaker) => write_safe_json_string(&mut self.row, speaker)?,
            None => self.row.extend_from_slice(b"null"),
        }
        self.row.extend_from_slice(b",\"cues\":[");
        for (n, cue) in suggestion.cues.iter().enumerate() {
            if n > 0 {
                self.row.push(b',');
            }
            self.row.extend_from_slice(b"{\"kind\":\"");
            self.row.extend_from_slice(cue.kind.name().as_bytes());
            self.row.extend_from_slice(b"\",\"text\":");
            write_safe_json_string(&mut self.row, &text[cue.start..cue.end])?;
            self.row.extend_from_slice(b",\"start\":");
            self.number(at(cue.start));
            self.row.extend_from_slice(b",\"end\":");
            self.number(at(cue.end));
            self.row.push(b'}');
        }
        self.row.extend_from_slice(b"],\"score\":");
        self.score(suggestion.score)?;
        self.row.extend_from_slice(b"}\n");
        out.write_all(&self.row)
    }
}

/// Writes raw text from the article (a cue's words, a name) as a JSON string whose invisible and
/// control characters are `\uXXXX` escapes: the value reads back the same, and a terminal shows
/// no control code (the rule of `safe_text`). Display text needs none of this.
fn write_safe_json_string(out: &mut Vec<u8>, text: &str) -> io::Result<()> {
    match plainness(text) {
        // Most are words that need no escape at all, copied as they are.
        Plainness::Plain => {
            out.reserve(text.len() + 2);
            out.push(b'"');
            out.extend_from_slice(text.as_bytes());
            out.push(b'"');
            return Ok(());
        }
        // A quotation with its straight marks: only those (and backslashes) escaped.
        Plainness::Marks => return write_json_string(out, text),
        Plainness::Special => {}
    }
    let json = serde_json::to_string(text).map_err(io::Error::from)?;
    out.extend_from_slice(safe_text::escape_json(&json).as_bytes());
    Ok(())
}

/// What [`write_safe_json_string`] must escape in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plainness {
    /// Nothing: the text is its JSON string's content.
    Plain,
    /// Quotation marks or backslashes, and nothing else.
    Marks,
    /// A character that `safe_text` does not keep as it is, or a control character.
    Special,
}

/// What `text` needs escaped, ASCII judged by byte, the rest by character.
fn plainness(text: &str) -> Plainness {
    let bytes = text.as_bytes();
    // Printable ASCII, the most common case, is told by one pass without branches.
    let (mut outside, mut marks) = (false, false);
    for &byte in bytes {
        outside |= !(0x20..0x7F).contains(&byte);
        marks |= byte == b'"' || byte == b'\\';
    }
    if !outside {
        return if marks {
            Plainness::Marks
        } else {
            Plainness::Plain
        };
    }
    let mut found = Plainness::Plain;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte < 0x80 {
            if byte < 0x20 || byte == 0x7F {
                return Plainness::Special;
            }
            if byte == b'"' || byte == b'\\' {
                found = Plainness::Marks;
            }
            at += 1;
        } else {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                return Plainness::Special;
            };
            if safe_text::treatment(c) != safe_text::Treatment::Kept {
                return Plainness::Special;
            }
            at += c.len_utf8();
        }
    }
    found
}

/// Writes the proposal of every unit of `article` to `out` in `format`.
pub fn write_suggestions(
    article: &Article,
    file: &Path,
    format: Format,
    out: &mut impl Write,
) -> io::Result<()> {
    let text = article.text();
    let name = file.to_string_lossy();
    let units = article.units();
    // Code points before byte `byte`, carried forward unit by unit since units are in order.
    let (mut byte, mut chars) = (0usize, 0usize);
    let width = units.len().saturating_sub(1).to_string().len();
    let mut buffer = String::new();
    let mut rows = Rows::new(&name)?;
    if format == Format::Text {
        writeln!(out, "{}", safe_text::for_terminal(&name))?;
    }
    let mut from = 0;
    while from < units.len() {
        let to = (from + WINDOW).min(units.len());
        for suggestion in suggest_units(article, from..to) {
            let unit = units[suggestion.index];
            chars += count_chars(&text.as_bytes()[byte..unit.start]);
            byte = unit.start;
            let display = article
                .unit_text_in(suggestion.index, &mut buffer)
                .unwrap_or_default();
            match format {
                Format::Json => {
                    let at = |offset: usize| chars + count_chars(&text.as_bytes()[byte..offset]);
                    let end = at(unit.end);
                    rows.write(out, chars, end, display, &suggestion, text, at)?;
                }
                Format::Text => write_text_row(out, article, &suggestion, display, width)?,
            }
        }
        from = to;
    }
    Ok(())
}

/// A score to two decimals, so that printing it shows no float noise.
fn rounded(score: f32) -> f32 {
    (score * 100.0).round() / 100.0
}

/// One unit as text: its number, tags, speaker, score and text, then its cues.
fn write_text_row(
    out: &mut impl Write,
    article: &Article,
    suggestion: &Suggestion,
    display: &str,
    width: usize,
) -> io::Result<()> {
    let index = suggestion.index;
    if !suggestion.proposes() {
        return writeln!(out, "{index:>width$}  -  {display}");
    }
    let tags: Vec<&str> = suggestion.tags.iter().map(|tag| tag.name()).collect();
    let speaker = suggestion
        .speaker
        .as_deref()
        .map(|speaker| format!(" ({})", safe_text::for_terminal(speaker)))
        .unwrap_or_default();
    writeln!(
        out,
        "{index:>width$}  {}{speaker} {:.2}  {display}",
        tags.join(","),
        suggestion.score
    )?;
    let cues: Vec<String> = suggestion
        .cues
        .iter()
        .map(|cue| {
            let words = article.text()[cue.start..cue.end].split_whitespace();
            let words: Vec<&str> = words.collect();
            format!(
                "{} \"{}\"",
                cue.kind.name(),
                safe_text::for_terminal(&words.join(" "))
            )
        })
        .collect();
    writeln!(out, "{:width$}     cues: {}", "", cues.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the rows wrote before plain text was copied as it is: serde's string, then
    /// `safe_text`'s escapes.
    fn reference(text: &str) -> String {
        let json = serde_json::to_string(text).unwrap();
        safe_text::escape_json(&json).into_owned()
    }

    const PIECES: &[&str] = &[
        "a",
        "Lee",
        " ",
        "\"",
        "\\",
        "\n",
        "\t",
        "\u{1}",
        "\u{7F}",
        "\u{85}",
        "\u{9B}",
        "é",
        "\u{201C}",
        "\u{201D}",
        "\u{2019}",
        "\u{200B}",
        "\u{200D}",
        "\u{202E}",
        "\u{FEFF}",
        "\u{1F600}",
        "北",
    ];

    proptest::proptest! {
        #[test]
        fn safe_strings_are_written_as_serde_and_safe_text_write_them(
            picks in proptest::collection::vec(0..PIECES.len(), 0..12)
        ) {
            let text: String = picks.iter().map(|&pick| PIECES[pick]).collect();
            let mut ours = Vec::new();
            write_safe_json_string(&mut ours, &text).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(ours).unwrap(), reference(&text));
        }
    }
}
