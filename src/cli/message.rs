//! What the command line writes for people to read never drives their terminal.
//!
//! File names, notes and quotes come from outside (a downloaded article, a merged sidecar) and may
//! hold escape sequences: a title change, a clipboard write (OSC 52), a screen clear. Messages on
//! stderr show every control character as U+FFFD; JSON Lines on stdout escape the ones serde_json
//! leaves raw (DEL and the C1 controls, which terminals obey when sent as UTF-8).

use std::borrow::Cow;
use std::fmt::Display;
use std::io::{self, Write};

/// What a control character in a message is shown as.
const REPLACEMENT: char = '\u{FFFD}';

/// Prints `sidenote: MESSAGE` on stderr, every control character but the line feed shown as
/// U+FFFD.
pub fn warn(message: impl Display) {
    let message = message.to_string();
    let _ = writeln!(io::stderr(), "sidenote: {}", safe_text(&message));
}

/// `text` with every control character but the line feed replaced by U+FFFD.
pub fn safe_text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && c.is_control()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if c != '\n' && c.is_control() {
                    REPLACEMENT
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// `json` with DEL, the C1 controls and the bidirectional formatting characters written as
/// `\uXXXX` escapes. serde_json escapes only C0; a raw C1 byte is a terminal command, and a bidi
/// override reorders what a terminal shows after it. Outside strings JSON text is ASCII, so every
/// such character sits in a string, where the escape means the same character.
pub fn escape_json_controls(json: &str) -> Cow<'_, str> {
    let special = |c: char| {
        ('\u{7f}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !json.chars().any(special) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if special(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The message of `error` followed by those of its causes, leaving out a cause whose text the
/// message already holds (library errors often quote their source).
pub fn describe(error: &anyhow::Error) -> String {
    let mut out = error.to_string();
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !out.contains(&cause) {
            out.push_str(": ");
            out.push_str(&cause);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_show_controls_as_replacement_characters() {
        assert_eq!(
            safe_text("a\u{1b}]0;x\u{7}b\u{9b}c\td\u{7f}\nnext"),
            "a\u{FFFD}]0;x\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}\nnext"
        );
        assert!(matches!(safe_text("plain é\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_escapes_del_c1_and_bidi_controls_and_still_means_the_same() {
        let value = "x\u{7f}\u{80}\u{9b}31m\u{9f}\u{a0}é\u{202e}r\u{2066}";
        let json = serde_json::to_string(value).unwrap();
        let escaped = escape_json_controls(&json);
        assert_eq!(
            escaped,
            "\"x\\u007f\\u0080\\u009b31m\\u009f\u{a0}é\\u202er\\u2066\""
        );
        assert_eq!(serde_json::from_str::<String>(&escaped).unwrap(), value);
    }

    #[test]
    fn a_cause_already_quoted_is_not_repeated() {
        let io = std::io::Error::other("Too many levels of symbolic links");
        let error =
            anyhow::Error::new(io).context("a.txt: cannot read: Too many levels of symbolic links");
        assert_eq!(
            describe(&error),
            "a.txt: cannot read: Too many levels of symbolic links"
        );
        let error = anyhow::anyhow!("inner").context("outer");
        assert_eq!(describe(&error), "outer: inner");
    }
}
