//! The rows of `sidenote suggest`: one unit's proposal as a JSON Lines row or as readable text,
//! appended to a buffer that holds a window of rows. Raw text from the article (cues, names) is
//! escaped so that no control character reaches a terminal.

use std::io::{self, Write};

use crate::article::Article;
use crate::safe_text;
use crate::suggest::Suggestion;

use super::super::segment::{decimal, write_json_string};

/// Builds JSON Lines rows by hand, straight into the buffer of their window, as `segment` writes
/// its rows: serde's escaping of every string and `fmt`'s numbers were most of the command's
/// time.
#[derive(Clone)]
pub struct Rows {
    /// `{"file":"NAME","index":`, the file's name escaped once.
    head: Vec<u8>,
    /// The scores printed so far, by their bits: a handful of values recur.
    scores: Vec<(u32, Vec<u8>)>,
}

impl Rows {
    pub fn new(file: &str) -> io::Result<Rows> {
        let mut head = b"{\"file\":".to_vec();
        write_safe_json_string(&mut head, file)?;
        head.extend_from_slice(b",\"index\":");
        Ok(Rows {
            head,
            scores: Vec::new(),
        })
    }

    fn score(&mut self, row: &mut Vec<u8>, score: f32) -> io::Result<()> {
        let score = rounded(score);
        let bits = score.to_bits();
        if let Some((_, text)) = self.scores.iter().find(|(known, _)| *known == bits) {
            row.extend_from_slice(text);
            return Ok(());
        }
        let text = serde_json::to_vec(&score).map_err(io::Error::from)?;
        row.extend_from_slice(&text);
        self.scores.push((bits, text));
        Ok(())
    }

    /// Appends one row to `row`: the unit `start..end` (code points) with text `display`, and
    /// its proposal; `at` turns a byte offset of `text` into code points.
    #[allow(clippy::too_many_arguments)]
    pub fn write(
        &mut self,
        row: &mut Vec<u8>,
        start: usize,
        end: usize,
        display: &str,
        suggestion: &Suggestion,
        text: &str,
        at: impl Fn(usize) -> usize,
    ) -> io::Result<()> {
        row.extend_from_slice(&self.head);
        number(row, suggestion.index);
        row.extend_from_slice(b",\"start\":");
        number(row, start);
        row.extend_from_slice(b",\"end\":");
        number(row, end);
        row.extend_from_slice(b",\"text\":");
        write_json_string(row, display)?;
        row.extend_from_slice(b",\"tags\":[");
        for (n, tag) in suggestion.tags.iter().enumerate() {
            if n > 0 {
                row.push(b',');
            }
            row.push(b'"');
            row.extend_from_slice(tag.name().as_bytes());
            row.push(b'"');
        }
        row.extend_from_slice(b"],\"speaker\":");
        match &suggestion.speaker {
            Some(speaker) => write_safe_json_string(row, speaker)?,
            None => row.extend_from_slice(b"null"),
        }
        row.extend_from_slice(b",\"cues\":[");
        for (n, cue) in suggestion.cues.iter().enumerate() {
            if n > 0 {
                row.push(b',');
            }
            row.extend_from_slice(b"{\"kind\":\"");
            row.extend_from_slice(cue.kind.name().as_bytes());
            row.extend_from_slice(b"\",\"text\":");
            write_safe_json_string(row, &text[cue.start..cue.end])?;
            row.extend_from_slice(b",\"start\":");
            number(row, at(cue.start));
            row.extend_from_slice(b",\"end\":");
            number(row, at(cue.end));
            row.push(b'}');
        }
        row.extend_from_slice(b"],\"score\":");
        self.score(row, suggestion.score)?;
        row.extend_from_slice(b"}\n");
        Ok(())
    }
}

/// Appends `n` in decimal.
///
/// A number of up to eight digits, as a row's offsets are, is built in a machine word without a
/// loop or a branch, its first digit in the lowest byte: split into two halves of four digits,
/// each half into two pairs, each pair into two digits, all lanes at once (a division by 100 or
/// 10 is a multiplication and a shift, exact for numbers this small), then the leading zeros
/// shifted out. The word is appended as eight bytes and the row cut back to its length: copying
/// a few bytes of varying length is a call to `memcpy`.
#[inline(always)]
fn number(row: &mut Vec<u8>, n: usize) {
    if n >= 100_000_000 {
        let mut digits = [0u8; 20];
        row.extend_from_slice(decimal(n, &mut digits));
        return;
    }
    let n = n as u64;
    // Two lanes of 32 bits: the first four digits, then the last four.
    let halves = (n / 10_000) | ((n % 10_000) << 32);
    // x / 100 is (x * 5243) >> 19 for x below 43,699.
    let high = ((halves * 5243) >> 19) & 0x0000_007F_0000_007F;
    // Four lanes of 16 bits, a pair of digits each.
    let pairs = high | ((halves - high * 100) << 16);
    // x / 10 is (x * 103) >> 10 for x below 179.
    let tens = ((pairs * 103) >> 10) & 0x000F_000F_000F_000F;
    // Eight lanes of 8 bits, a digit each.
    let digits = tens | ((pairs - tens * 10) << 8);
    // The leading zeros are the lowest bytes; zero itself keeps one digit.
    let zeros = (digits.trailing_zeros() / 8).min(7);
    let word = (digits | 0x3030_3030_3030_3030) >> (8 * zeros);
    let at = row.len();
    row.extend_from_slice(&word.to_le_bytes());
    row.truncate(at + 8 - zeros as usize);
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

/// A score to two decimals, so that printing it shows no float noise.
fn rounded(score: f32) -> f32 {
    (score * 100.0).round() / 100.0
}

/// One unit as text: its number, tags, speaker, score and text, then its cues.
pub fn write_text_row(
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

    /// What [`plainness`] says, judged a character at a time.
    fn plainness_by_character(text: &str) -> Plainness {
        let mut found = Plainness::Plain;
        for c in text.chars() {
            if c.is_ascii_control() || safe_text::treatment(c) != safe_text::Treatment::Kept {
                return Plainness::Special;
            }
            if c == '"' || c == '\\' {
                found = Plainness::Marks;
            }
        }
        found
    }

    #[test]
    fn every_number_below_a_hundred_million_is_written_in_decimal() {
        let mut row = Vec::new();
        let mut check = |n: usize| {
            row.clear();
            number(&mut row, n);
            assert_eq!(row, n.to_string().into_bytes());
        };
        (0..200_000).for_each(&mut check);
        (0..100_000_000).step_by(9_973).for_each(&mut check);
        (99_800_000..100_000_000).for_each(&mut check);
        for digits in 1..=8 {
            let power = 10usize.pow(digits);
            [power - 1, power, power + 1, power / 10 * 9]
                .into_iter()
                .for_each(&mut check);
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        let mut row = b"x".to_vec();
        for n in [
            0,
            7,
            10,
            99,
            100,
            12_345_678,
            99_999_999,
            100_000_000,
            usize::MAX,
        ] {
            row.truncate(1);
            number(&mut row, n);
            assert_eq!(row, format!("x{n}").into_bytes());
        }
    }

    proptest::proptest! {
        #[test]
        fn plainness_by_byte_is_plainness_by_character(
            text in "[ -~]{0,40}|[\\x00-\\x7F]{0,40}|\\PC{0,20}|.{0,20}"
        ) {
            proptest::prop_assert_eq!(plainness(&text), plainness_by_character(&text));
        }

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
