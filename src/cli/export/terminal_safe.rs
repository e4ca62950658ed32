//! The export as a terminal receives it, by the rule of [`crate::safe_text`] for lines of text:
//! every control character but tab, line feed and the CR of a CRLF shown as U+FFFD, so article
//! text cannot drive the terminal (a lone CR would let a line overwrite the one before it), and
//! bidi controls and zero-width characters dropped. This file only applies the rule as the output
//! streams, so that a character or a CRLF split between two writes is judged whole.

use std::io::{self, Write};

use crate::safe_text::{self, REPLACEMENT};

/// A writer that passes text on to `W` with its control characters made harmless.
#[derive(Debug)]
pub struct TerminalSafe<W: Write> {
    inner: W,
    /// The end of the last write that could not be judged yet: an incomplete UTF-8 sequence, or
    /// a CR whose next character is unknown.
    pending: Vec<u8>,
    /// The text to pass on, reused.
    out: String,
}

impl<W: Write> TerminalSafe<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> TerminalSafe<W> {
        TerminalSafe {
            inner,
            pending: Vec::new(),
            out: String::new(),
        }
    }

    /// Passes on what is still pending (a lone CR, a cut sequence) and flushes.
    pub fn finish(mut self) -> io::Result<W> {
        if !self.pending.is_empty() {
            let count = String::from_utf8_lossy(&self.pending).chars().count();
            self.pending.clear();
            let replaced: String = std::iter::repeat_n(REPLACEMENT, count).collect();
            self.inner.write_all(replaced.as_bytes())?;
        }
        self.inner.flush()?;
        Ok(self.inner)
    }

    /// Appends `text` made safe to `self.out`; a final CR stays pending when `text` ends what
    /// has come so far (`at_end`), since the next write may bring its LF.
    fn push(&mut self, text: &str, at_end: bool) {
        let text = match text.strip_suffix('\r') {
            Some(before) if at_end => {
                self.pending.push(b'\r');
                before
            }
            _ => text,
        };
        safe_text::push_lines_for_terminal(&mut self.out, text);
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        self.out.clear();
        let mut rest = bytes.as_slice();
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.push(text, true);
                    break;
                }
                Err(error) => {
                    let (valid, after) = rest.split_at(error.valid_up_to());
                    // Something follows that is not an LF: an invalid or a cut sequence.
                    self.push(std::str::from_utf8(valid).unwrap_or_default(), false);
                    match error.error_len() {
                        Some(len) => {
                            self.out.push(REPLACEMENT);
                            rest = &after[len..];
                        }
                        None => {
                            // A sequence cut by the end of this write: wait for the rest.
                            self.pending.extend_from_slice(after);
                            break;
                        }
                    }
                }
            }
        }
        self.inner.write_all(self.out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safe(chunks: &[&[u8]]) -> String {
        let mut writer = TerminalSafe::new(Vec::new());
        for chunk in chunks {
            writer.write_all(chunk).unwrap();
        }
        String::from_utf8(writer.finish().unwrap()).unwrap()
    }

    #[test]
    fn terminal_output_has_no_control_codes() {
        assert_eq!(
            safe(&["a\u{1b}[31mb\u{9b}c\r\n\td\u{7f}e\rf".as_bytes()]),
            "a\u{FFFD}[31mb\u{FFFD}c\r\n\td\u{FFFD}e\u{FFFD}f"
        );
    }

    #[test]
    fn bidi_controls_and_zero_width_characters_are_dropped() {
        let text = "report\u{202e}txt.exe\u{202c} \u{2066}x\u{2069}\u{200f}\u{61c}\u{200b}y\r\n";
        assert_eq!(safe(&[text.as_bytes()]), "reporttxt.exe xy\r\n");
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let (a, b) = bytes.split_at(cut);
            assert_eq!(safe(&[a, b]), "reporttxt.exe xy\r\n", "cut at byte {cut}");
        }
    }

    #[test]
    fn every_way_of_cutting_the_text_gives_the_same_output() {
        let text = "Zürich\r\nx\u{9b}31m\ry\r\u{1b}é𝄞\r";
        let whole = safe(&[text.as_bytes()]);
        assert_eq!(
            whole,
            "Zürich\r\nx\u{FFFD}31m\u{FFFD}y\u{FFFD}\u{FFFD}é𝄞\u{FFFD}"
        );
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let (a, b) = bytes.split_at(cut);
            assert_eq!(safe(&[a, b]), whole, "cut at byte {cut}");
        }
    }

    proptest::proptest! {
        #[test]
        fn cutting_never_changes_the_output(
            text in "[a\\r\\n\\t\\u{1b}\\u{7f}\\u{9b}\\u{202e}\\u{200b}é𝄞]{0,40}",
            cuts in proptest::collection::vec(0usize..200, 0..6),
        ) {
            let bytes = text.as_bytes();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|cut| cut % (bytes.len() + 1)).collect();
            cuts.sort_unstable();
            let mut chunks = Vec::new();
            let mut at = 0;
            for cut in cuts {
                chunks.push(&bytes[at..cut]);
                at = cut;
            }
            chunks.push(&bytes[at..]);
            let whole = safe(&[bytes]);
            proptest::prop_assert_eq!(safe(&chunks), whole.clone());
            let controls = whole.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'));
            proptest::prop_assert_eq!(controls.count(), 0);
            let dropped = whole.contains(['\u{202e}', '\u{200b}']);
            proptest::prop_assert!(!dropped, "a dropped character was shown");
            proptest::prop_assert_eq!(whole.matches('\r').count(), whole.matches("\r\n").count());
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_shown_as_replacement_characters() {
        assert_eq!(safe(&[b"a\xffb", b"\xe2\x82"]), "a\u{FFFD}b\u{FFFD}");
        // A CR before a bad byte is judged at once, in its place.
        assert_eq!(safe(&[b"a\r\xffb"]), "a\u{FFFD}\u{FFFD}b");
        assert_eq!(safe(&[b"a\r\xe2", b"\x82\xacb"]), "a\u{FFFD}\u{20AC}b");
    }
}
